import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import type { ProjectCosts } from '@osb/api';
import { testProjectCosts } from '@testing/costs-fixtures';
import { providePlatformApiTesting } from '@testing/test-providers';
import { CostsPage } from './costs-page';

describe('CostsPage', () => {
  let http: HttpTestingController;

  const costs = testProjectCosts();

  async function open(result: ProjectCosts = costs): Promise<HTMLElement> {
    const router = await RouterTestingHarness.create();
    await router.navigateByUrl('/projects/p1/costs', CostsPage);
    http.expectOne('/api/projects/p1/costs').flush(result);
    await new Promise((resolve) => setTimeout(resolve));
    router.detectChanges();
    return router.routeNativeElement as HTMLElement;
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'projects/:projectId/costs', component: CostsPage }], withComponentInputBinding()),
        ...providePlatformApiTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('shows the project total, each instance’s rates and estimate, and shared instances apart', async () => {
    const page = await open();
    expect(page.querySelector('[data-testid="costs-total"]')?.textContent?.trim()).toBe('€36.50');
    expect(page.textContent).toContain('2 instances also have usage-based costs');
    const rows = [...page.querySelectorAll('[data-testid="costs-instances"] tbody tr[data-instance-id]')];
    expect(rows.map((row) => row.querySelector('[data-testid="instance-monthly"]')?.textContent?.trim())).toEqual([
      '€36.50',
      '—',
      '€12.50',
    ]);
    expect(rows[0].textContent).toContain('€0.05 per hour');
    expect(rows[0].textContent).toContain('€0.02 per GB');
    expect(rows[2].textContent).toContain('Shared by Web Shop');
    expect(page.textContent).toContain('they are not counted here');
    expect(page.textContent).toContain('hourly rates × 730 hours');
  });

  it('shows a dash, as for an instance, for a service whose instances cost nothing', async () => {
    const page = await open({
      ...costs,
      services: [
        ...costs.services,
        { serviceId: 'dns', serviceName: 'DNS', instances: 2, monthly: {}, usageBasedInstances: 0 },
      ],
    });
    const cells = [...page.querySelectorAll('[data-testid="costs-services"] tbody td:last-child')];
    expect(cells.map((cell) => cell.textContent?.trim())).toEqual(['+ usage', '€36.50 + usage', '—']);
  });

  it('shows an empty state with a way to the marketplace, and no CSV download, when the project has no instances', async () => {
    const element = await open({ instances: [], services: [], monthly: {}, usageBasedInstances: 0 });
    const buttons = Array.from(element.querySelectorAll('button'), (button) => button.textContent?.trim());
    expect(buttons).not.toContain('Download CSV');
    expect(element.querySelector('[data-testid="costs-instances"]')).toBeNull();
    const empty = element.querySelector('mp-empty-state');
    expect(empty?.textContent).toContain('This project has no service instances yet.');
    expect(empty?.textContent).toContain('Costs show here once you order a service.');
    const link = empty?.querySelector('a');
    expect(link?.textContent?.trim()).toBe('Browse the marketplace');
    expect(link?.getAttribute('href')).toBe('/projects/p1/marketplace');
  });
});
