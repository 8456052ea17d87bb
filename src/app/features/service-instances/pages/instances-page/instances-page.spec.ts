import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatChipHarness } from '@angular/material/chips/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import type { ServiceInstance } from '@osb/api';
import { OPERATION_POLL_INTERVAL_MS } from '@app/core/api/reload-while-running';
import { testCatalog } from '@testing/catalog-fixtures';
import { testInstance } from '@testing/instance-fixtures';
import { provideRoutedPageTesting, turnRoutedPage } from '@testing/test-providers';
import { INSTANCE_SEARCH_DELAY_MS, INSTANCES_PER_PAGE, InstancesPage } from './instances-page';

const INSTANCES_URL = '/api/projects/p1/service-instances';
const LIST_URL = `${INSTANCES_URL}?limit=${INSTANCES_PER_PAGE}`;
const SERVICES_URL = '/api/projects/p1/instance-services';

describe('InstancesPage', () => {
  let router: RouterTestingHarness;
  let http: HttpTestingController;
  let loader: HarnessLoader;

  /** Renders and lets due timers (the poll interval is 0 here) fire, a few rounds. */
  const turn = () => turnRoutedPage(router);

  /** The next read of the list, once the page asked for it. */
  async function nextPoll(): Promise<TestRequest> {
    await turn();
    return http.expectOne(LIST_URL);
  }

  const done = (instance: ServiceInstance): ServiceInstance => ({
    ...instance,
    lastOperation: { ...instance.lastOperation, state: 'succeeded' },
  });

  async function open(instances: ServiceInstance[]): Promise<HTMLElement> {
    router = await RouterTestingHarness.create();
    await router.navigateByUrl('/projects/p1/instances', InstancesPage);
    http.expectOne('/api/catalog').flush(testCatalog());
    http.expectOne(SERVICES_URL).flush([]);
    http.expectOne(LIST_URL).flush(instances);
    router.detectChanges();
    loader = TestbedHarnessEnvironment.loader(router.fixture);
    return router.routeNativeElement as HTMLElement;
  }

  /** Whether each action of the n-th list item (from 1) is disabled, by the action's text. */
  async function actionsOf(position: number): Promise<Record<string, boolean>> {
    const buttons = await loader.getAllHarnesses(
      MatButtonHarness.with({ ancestor: `li:nth-child(${position}) mp-instance-list-item` }),
    );
    return Object.fromEntries(await Promise.all(buttons.map(async (b) => [await b.getText(), await b.isDisabled()])));
  }

  const running = testInstance({
    id: 'i-running',
    name: 'orders-db',
    lastOperation: { state: 'in progress', description: 'Creating database… 40%' },
  });
  const ready = testInstance({ id: 'i-ready', name: 'cache', dashboardUrl: 'https://dash.example/i-ready' });
  const failed = testInstance({
    id: 'i-failed',
    name: 'reports-db',
    lastOperation: { type: 'update', state: 'failed', description: 'Quota exceeded in eu-de-central' },
  });

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        ...provideRoutedPageTesting('projects/:projectId/instances', InstancesPage),
        { provide: OPERATION_POLL_INTERVAL_MS, useValue: 0 },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('shows each status as a chip with the broker’s description, service, plan and location', async () => {
    const page = await open([running, ready, failed]);

    expect(await (await loader.getHarness(MatChipHarness.with({ text: 'Provisioning…' }))).getText()).toBe(
      'Provisioning…',
    );
    expect(await loader.getHarness(MatChipHarness.with({ text: 'Ready' }))).toBeTruthy();
    expect(await loader.getHarness(MatChipHarness.with({ text: 'Update failed' }))).toBeTruthy();
    expect(page.textContent).toContain('Creating database… 40%');
    expect(page.textContent).toContain('Quota exceeded in eu-de-central');
    expect(page.querySelector('mp-instance-list-item')?.textContent).toContain('PostgreSQL');
    expect(page.querySelector('mp-instance-list-item')?.textContent).toContain('Small');
    expect(page.querySelector('mp-instance-list-item')?.textContent).toContain('Frankfurt');
    expect(page.querySelector('a[href="https://dash.example/i-ready"]')).not.toBeNull();
    (await nextPoll()).flush([done(running), ready, failed]);
    await turn();
  });

  it('disables changing and deprovisioning while an operation runs', async () => {
    await open([running, ready]);

    expect(await actionsOf(1)).toEqual({ Change: true, Deprovision: true });
    expect(await actionsOf(2)).toEqual({ Dashboard: false, Change: false, Deprovision: false });
    (await nextPoll()).flush([done(running), ready]);
    await turn();
    expect(await actionsOf(1)).toEqual({ Change: false, Deprovision: false });
  });

  it('reads the list again while an operation runs and stops once it is done', async () => {
    await open([running, ready]);

    (await nextPoll()).flush([
      { ...running, lastOperation: { ...running.lastOperation, description: 'Creating database… 80%' } },
      ready,
    ]);
    await turn();
    expect(router.routeNativeElement?.textContent).toContain('Creating database… 80%');
    (await nextPoll()).flush([done(running), ready]);
    await turn();

    http.expectNone(LIST_URL);
    expect(await loader.getAllHarnesses(MatChipHarness.with({ text: 'Ready' }))).toHaveLength(2);
  });

  it('does not poll a list where nothing runs', async () => {
    await open([ready, failed]);
    await turn();
    http.expectNone(LIST_URL);
  });

  // A dialog opened and driven through harnesses: takes about 5 s on a busy machine.
  it('deprovisions after confirmation and says why a refusal kept the instance', { timeout: 20_000 }, async () => {
    await open([ready]);
    const deprovision = await loader.getHarness(MatButtonHarness.with({ text: 'Deprovision' }));
    await deprovision.click();
    const dialog = await TestbedHarnessEnvironment.documentRootLoader(router.fixture).getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Deprovision “cache”?');
    http.expectOne(`${INSTANCES_URL}/i-ready/deletion-impact`).flush({ bindings: [], sharedWith: [] });
    await turn();
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Deprovision' }))).click();
    await turn();

    const request = http.expectOne(`${INSTANCES_URL}/i-ready`);
    expect(request.request.method).toBe('DELETE');
    request.flush(
      { message: 'The broker refused: instance has active bindings' },
      { status: 422, statusText: 'Unprocessable' },
    );
    (await nextPoll()).flush([ready]);
    await turn();

    expect(router.routeNativeElement?.querySelector('[role="alert"]')?.textContent).toContain(
      '“cache” was not deprovisioned: The broker refused: instance has active bindings',
    );
  });

  it('asks the platform for the search, filters and sort of the URL, and writes a typed search there after a pause', async () => {
    router = await RouterTestingHarness.create();
    await router.navigateByUrl(
      '/projects/p1/instances?search=db&status=failed&service=postgres&sharing=by-us&sort=name&order=desc',
      InstancesPage,
    );
    http.expectOne('/api/catalog').flush(testCatalog());
    http.expectOne(SERVICES_URL).flush([{ serviceId: 'postgres', count: 2 }]);
    http
      .expectOne(`${LIST_URL}&search=db&state=failed&serviceId=postgres&sharing=by-us&sort=name&order=desc`)
      .flush([
        done(
          testInstance({ id: 'i-out', name: 'orders-db', sharedWith: [{ projectId: 'p2', displayName: 'Mobile' }] }),
        ),
      ]);
    await turn();
    const page = router.routeNativeElement as HTMLElement;
    expect(page.textContent).toContain('Shared with Mobile');

    const search = page.querySelector<HTMLInputElement>('input[type="search"]')!;
    expect(search.value).toBe('db');
    search.value = 'orders';
    search.dispatchEvent(new Event('input'));
    await turn();
    http.expectNone((request) => request.params.get('search') === 'orders');
    await new Promise((resolve) => setTimeout(resolve, INSTANCE_SEARCH_DELAY_MS + 50));
    await turn();
    expect(TestBed.inject(Router).url).toContain('search=orders');
    http
      .expectOne(`${LIST_URL}&search=orders&state=failed&serviceId=postgres&sharing=by-us&sort=name&order=desc`)
      .flush([]);
    await turn();
    expect(page.textContent).toContain('No instances match the search and filters.');
  });

  // A hundred list items take a while to render in jsdom on a busy machine.
  it('lists a page of instances and more on request, up to the total', { timeout: 60_000 }, async () => {
    const many = Array.from({ length: INSTANCES_PER_PAGE }, (_, index) =>
      done(testInstance({ id: `i-${index}`, name: `instance-${index}` })),
    );
    router = await RouterTestingHarness.create();
    await router.navigateByUrl('/projects/p1/instances', InstancesPage);
    http.expectOne('/api/catalog').flush(testCatalog());
    http.expectOne(SERVICES_URL).flush([]);
    http.expectOne(LIST_URL).flush(many, { headers: { 'X-Total-Count': String(INSTANCES_PER_PAGE + 1) } });
    await turn();
    const page = router.routeNativeElement as HTMLElement;
    const more = Array.from(page.querySelectorAll('button')).find((button) =>
      button.textContent?.includes('Show more instances'),
    );
    expect(more?.textContent).toContain(`${INSTANCES_PER_PAGE} of ${INSTANCES_PER_PAGE + 1} shown`);

    more!.click();
    await turn();
    http
      .expectOne(`${INSTANCES_URL}?limit=${2 * INSTANCES_PER_PAGE}`)
      .flush([...many, done(testInstance({ id: 'i-last', name: 'last' }))], {
        headers: { 'X-Total-Count': String(INSTANCES_PER_PAGE + 1) },
      });
    await turn();
    expect(page.querySelectorAll('mp-instance-list-item').length).toBe(INSTANCES_PER_PAGE + 1);
    expect(page.textContent).not.toContain('Show more instances');
  });
});
