import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatChipListboxHarness, MatChipOptionHarness } from '@angular/material/chips/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { testCatalog, testService } from '@testing/catalog-fixtures';
import { provideRoutedPageTesting, settleRoutedPage } from '@testing/test-providers';
import { CARDS_PER_PAGE } from '../../components/service-grid/service-grid';
import { MarketplacePage, URL_WRITE_DELAY_MS } from './marketplace-page';

describe('MarketplacePage', () => {
  let router: RouterTestingHarness;
  let http: HttpTestingController;
  let loader: HarnessLoader;

  async function open(url: string): Promise<HTMLElement> {
    router = await RouterTestingHarness.create();
    await router.navigateByUrl(url, MarketplacePage);
    http.expectOne('/api/catalog').flush(testCatalog());
    await settle();
    loader = TestbedHarnessEnvironment.loader(router.fixture);
    return router.routeNativeElement as HTMLElement;
  }

  function cardTitles(section: 'global' | 'local', page: HTMLElement): string[] {
    const heading = page.querySelector(`#mp-${section}-services`);
    const cards = heading?.closest('section')?.querySelectorAll('.mp-service-card__title') ?? [];
    return Array.from(cards, (card) => card.textContent?.trim() ?? '');
  }

  /** Waits for requests and effects, then renders. */
  const settle = () => settleRoutedPage(router);

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [...provideRoutedPageTesting('projects/:projectId/marketplace', MarketplacePage)],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('shows global services and the first location’s local services', async () => {
    const page = await open('/projects/p1/marketplace');

    expect(cardTitles('global', page)).toEqual(['DNS Zone', 'Backup Vault']);
    expect(cardTitles('local', page)).toEqual(['PostgreSQL']);
    expect(page.querySelector('#mp-local-services')?.textContent).toContain('Frankfurt');
  });

  it('filters by the search, tags and location in the query parameters', async () => {
    const page = await open('/projects/p1/marketplace?search=CACHE&location=eu-nl-west');

    expect(await (await loader.getHarness(MatInputHarness)).getValue()).toBe('CACHE');
    expect(await (await loader.getHarness(MatSelectHarness)).getValueText()).toBe('Amsterdam');
    expect(cardTitles('local', page)).toEqual(['Redis']);
    expect(cardTitles('global', page)).toEqual([]);
    expect(page.textContent).toContain('No global services match your filters.');
  });

  it('selects the tag chips from the query parameters', async () => {
    const page = await open('/projects/p1/marketplace?tags=network&tags=dns');

    const selected = await loader.getAllHarnesses(MatChipOptionHarness.with({ selected: true }));
    expect(await Promise.all(selected.map((chip) => chip.getText()))).toEqual(['dns', 'network']);
    expect(cardTitles('global', page)).toEqual(['DNS Zone']);
    expect(cardTitles('local', page)).toEqual([]);
  });

  /** The query parameters of the router's URL. */
  function queryParams(): Record<string, unknown> {
    const routerService = TestBed.inject(Router);
    return routerService.parseUrl(routerService.url).queryParams;
  }

  /** Waits until typing has paused long enough for the URL to be written. */
  async function pauseTyping(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, URL_WRITE_DELAY_MS + 50));
    await settle();
  }

  it('writes the filter back to the URL', async () => {
    await open('/projects/p1/marketplace');

    await (await loader.getHarness(MatInputHarness)).setValue('backup');
    await (await loader.getHarness(MatChipListboxHarness)).selectChips({ text: 'storage' });
    await pauseTyping();

    expect(queryParams()).toEqual({ search: 'backup', tags: 'storage' });
  });

  it('filters at once but writes the URL only after a pause in typing', async () => {
    const page = await open('/projects/p1/marketplace');

    await (await loader.getHarness(MatInputHarness)).setValue('backup');
    await settle();
    expect(cardTitles('global', page)).toEqual(['Backup Vault']);
    expect(queryParams()).toEqual({});

    await pauseTyping();
    expect(queryParams()).toEqual({ search: 'backup' });
  });

  it('draws a page of cards at a time', async () => {
    const many = Array.from({ length: CARDS_PER_PAGE + 2 }, (_, index) =>
      testService({ id: `svc-${index}`, displayName: `Service ${index}`, locality: { kind: 'global' } }),
    );
    router = await RouterTestingHarness.create();
    await router.navigateByUrl('/projects/p1/marketplace', MarketplacePage);
    http.expectOne('/api/catalog').flush({ ...testCatalog(), services: many });
    await settle();
    const page = router.routeNativeElement as HTMLElement;

    expect(cardTitles('global', page).length).toBe(CARDS_PER_PAGE);
    const more = Array.from(page.querySelectorAll('button')).find((button) =>
      button.textContent?.includes('Show more global services'),
    );
    expect(more?.textContent).toContain(`${CARDS_PER_PAGE} of ${CARDS_PER_PAGE + 2} shown`);
    more!.click();
    await settle();

    expect(cardTitles('global', page).length).toBe(CARDS_PER_PAGE + 2);
    expect(page.textContent).not.toContain('Show more global services');
  });

  it('offers to clear filters when nothing matches', async () => {
    const page = await open('/projects/p1/marketplace?search=mainframe');

    expect(page.textContent).toContain('No services match “mainframe”.');
    const clear = Array.from(page.querySelectorAll('button')).find((b) => b.textContent?.includes('Clear filters'));
    clear?.click();
    await settle();

    expect(cardTitles('global', page)).toEqual(['DNS Zone', 'Backup Vault']);
  });

  it('names unavailable brokers and their reason without hiding other services', async () => {
    const page = await open('/projects/p1/marketplace?location=eu-nl-west');

    const notice = page.querySelector('mp-broker-notice')?.textContent ?? '';
    expect(notice).toContain('Amsterdam broker');
    expect(notice).toContain('Amsterdam broker: it cannot be reached.');
    expect(notice, 'the English reason is for API clients').not.toContain('did not answer within');
    expect(notice).not.toContain('Global broker');
    expect(cardTitles('global', page).length).toBe(2);
  });

  it('names a missing broker only where it matters, with since when, and says a location’s services are missing', async () => {
    router = await RouterTestingHarness.create();
    await router.navigateByUrl('/projects/p1/marketplace', MarketplacePage);
    const listing = testCatalog();
    listing.services = listing.services.filter((service) => service.id !== 'redis-ams');
    listing.brokers[1] = { ...listing.brokers[1]!, unreachable: true, unavailableSince: '2026-11-28T17:50:00Z' };
    http.expectOne('/api/catalog').flush(listing);
    await settle();
    const page = router.routeNativeElement as HTMLElement;
    expect(page.querySelector('mp-broker-notice')?.textContent ?? '').not.toContain('Amsterdam broker');

    await router.navigateByUrl('/projects/p1/marketplace?location=eu-nl-west', MarketplacePage);
    await settle();
    const notice = page.ownerDocument.querySelector('mp-broker-notice')?.textContent ?? '';
    expect(notice).toContain('Amsterdam broker');
    expect(notice).toMatch(/since Nov 28, 2026/);
    const local = page.ownerDocument.querySelector('#mp-local-services')?.closest('section')?.textContent ?? '';
    expect(local).toContain('The local services of Amsterdam are missing: their provider cannot be reached right now.');
    expect(local).not.toContain('No local services are offered');
  });

  it('marks the cards of a broker whose services come from its stored catalog', async () => {
    router = await RouterTestingHarness.create();
    await router.navigateByUrl('/projects/p1/marketplace?location=eu-nl-west', MarketplacePage);
    const listing = testCatalog();
    listing.services = listing.services.map((service) =>
      service.id === 'redis-ams' ? { ...service, brokerId: 'demo-eu-nl-west' } : service,
    );
    listing.brokers[1] = { ...listing.brokers[1]!, stale: true, lastRefreshedAt: '2026-11-28T17:50:00Z' };
    http.expectOne('/api/catalog').flush(listing);
    await settle();
    const page = router.routeNativeElement as HTMLElement;
    const cards = Array.from(page.querySelectorAll('mp-service-card'), (card) => card.textContent ?? '');
    expect(cards.find((card) => card.includes('Redis'))).toMatch(/Provider unreachable: offer as of Nov 28, 2026/);
    expect(cards.find((card) => card.includes('DNS Zone'))).not.toContain('Provider unreachable');
  });

  it("shows the platform's message when the catalog fails", async () => {
    router = await RouterTestingHarness.create();
    await router.navigateByUrl('/projects/p1/marketplace', MarketplacePage);
    http
      .expectOne('/api/catalog')
      .flush({ message: 'The catalog store is down.' }, { status: 503, statusText: 'Unavailable' });
    await settle();

    const page = router.routeNativeElement as HTMLElement;
    expect(page.textContent).toContain('The catalog could not be loaded.');
    expect(page.textContent).toContain('The catalog store is down.');
  });
});
