import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';

import { RouterTestingHarness } from '@angular/router/testing';

import type { ServiceOffering } from '@osb/api';
import { testCatalog, testPlan, testService } from '@testing/catalog-fixtures';
import { provideRoutedPageTesting, settleRoutedPage } from '@testing/test-providers';
import { ServicePage } from './service-page';

describe('ServicePage', () => {
  let http: HttpTestingController;

  let router: RouterTestingHarness;

  /** Opens the service page and answers its request for the service. */
  async function open(serviceId: string, answer: (url: string) => void): Promise<HTMLElement> {
    router = await RouterTestingHarness.create();
    await router.navigateByUrl(`/projects/p1/marketplace/services/${serviceId}`, ServicePage);
    answer(`/api/catalog/services/${serviceId}`);
    // Let the resource take the answer and render it (a local service then asks for the catalog).
    await new Promise((resolve) => setTimeout(resolve));
    router.detectChanges();
    return router.routeNativeElement as HTMLElement;
  }

  function serve(service: ServiceOffering): (url: string) => void {
    return (url) => http.expectOne(url).flush(service);
  }

  /** Waits for requests and effects, then renders. */
  const settle = () => settleRoutedPage(router);

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [...provideRoutedPageTesting('projects/:projectId/marketplace/services/:serviceId', ServicePage)],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('shows the plans with their costs in euro', async () => {
    const service = testService({
      locality: { kind: 'global' },
      plans: [
        testPlan({ id: 'free', displayName: 'Starter' }),
        testPlan({
          id: 'pro',
          displayName: 'Professional',
          free: false,
          costs: [
            { amount: { eur: 12.5 }, unit: 'MONTHLY' },
            { amount: { eur: 0.4 }, unit: 'PER 1000 REQUESTS' },
          ],
          expiryDays: 30,
        }),
      ],
    });
    const page = await open('postgres', serve(service));
    await settle();

    const plans = Array.from(page.querySelectorAll('.mp-plan-list__plan'), (plan) => plan.textContent ?? '');
    expect(plans[0]).toContain('Starter');
    expect(plans[0]).toContain('Free');
    expect(plans[1]).toContain('Paid');
    expect(plans[1]).toContain('€12.50 per month');
    expect(plans[1]).toContain('€0.40 per 1000 requests');
    expect(plans[1]).toContain('Bindings expire after 30 days');
    expect(page.textContent).toContain('Global');
    expect(TestBed.inject(Title).getTitle()).toBe('PostgreSQL · OSB Marketplace');
  });

  it("names a local service's location from the catalog", async () => {
    const page = await open('postgres', serve(testService()));
    http.expectOne('/api/catalog').flush(testCatalog());
    await settle();

    expect(page.querySelector('.mp-service-page__locality')?.textContent).toContain('Frankfurt');
  });

  it('renders the long description as sanitised markdown and shows only safe links', async () => {
    const service = testService({
      locality: { kind: 'global' },
      longDescription: '## Features\n\n<img src=x onerror="alert(1)">[site](javascript:alert(1))',
      documentationUrl: 'https://docs.example.com',
      supportUrl: 'javascript:alert(1)',
    });
    const page = await open('postgres', serve(service));
    await settle();

    const markdown = page.querySelector('mp-markdown');
    expect(markdown?.querySelector('h3')?.textContent).toBe('Features');
    expect(markdown?.innerHTML).not.toContain('onerror');
    expect(markdown?.innerHTML).not.toContain('javascript:');
    const links = Array.from(page.querySelectorAll('.mp-service-page__links a'));
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['https://docs.example.com/']);
  });

  it('shows a not-found state for an unknown service', async () => {
    const page = await open('nope', (url) =>
      http.expectOne(url).flush({ message: 'Service not found' }, { status: 404, statusText: 'Not Found' }),
    );
    await settle();

    expect(page.querySelector('h1')?.textContent).toContain('Service not found');
  });
});
