import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';

import type { Location, ServiceBinding } from '@osb/api';
import { OPERATION_POLL_INTERVAL_MS } from '@app/core/api/reload-while-running';
import { testPlan, testService } from '@testing/catalog-fixtures';
import { testBinding } from '@testing/binding-fixtures';
import { testInstance } from '@testing/instance-fixtures';
import { providePlatformApiTesting } from '@testing/test-providers';
import { spyOnDownloads } from '../../testing/download-spy';
import { PendingBindings } from '../../pending-bindings';
import { InstanceBindings } from './instance-bindings';

const LIST_URL = '/api/projects/p1/service-instances/instance-1/bindings';

describe('InstanceBindings', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<InstanceBindings>;
  let loader: HarnessLoader;
  let root: HarnessLoader;

  /** Renders and lets due timers (the poll interval is 0 here) fire. */
  const turn = () => settle();

  async function open(
    bindings: ServiceBinding[],
    service = testService(),
    locations: readonly Location[] = [],
  ): Promise<HTMLElement> {
    fixture = TestBed.createComponent(InstanceBindings);
    fixture.componentRef.setInput('locations', locations);
    fixture.componentRef.setInput('projectId', 'p1');
    fixture.componentRef.setInput('instance', testInstance());
    fixture.componentRef.setInput('service', service);
    fixture.componentRef.setInput('plan', service.plans[0]);
    await settle();
    http.expectOne(LIST_URL).flush(bindings);
    await fixture.whenStable();
    loader = TestbedHarnessEnvironment.loader(fixture);
    root = TestbedHarnessEnvironment.documentRootLoader(fixture);
    return fixture.nativeElement as HTMLElement;
  }

  async function createBinding(name: string): Promise<void> {
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Create binding' }))).click();
    const dialog = await root.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatInputHarness.with({ selector: '[name="name"]' }))).setValue(name);
    // A native click: the harness would wait for the request it starts to finish.
    (document.querySelector('mp-create-binding-dialog button[type="submit"]') as HTMLButtonElement).click();
    await settle();
  }

  /** Lets pending microtasks and timers run and renders, without waiting for open requests. */
  async function settle(): Promise<void> {
    for (let round = 0; round < 3; round++) {
      fixture.detectChanges();
      await new Promise((resolve) => setTimeout(resolve));
    }
    fixture.detectChanges();
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [...providePlatformApiTesting(), { provide: OPERATION_POLL_INTERVAL_MS, useValue: 0 }],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('follows an asynchronous binding live and shows its credentials, masked, once it succeeded', async () => {
    const element = await open([]);
    await createBinding('orders-app');
    const post = http.expectOne({ method: 'POST', url: LIST_URL });
    expect(post.request.body).toEqual({ name: 'orders-app', parameters: {} });
    const running = testBinding({ lastOperation: { state: 'in progress', description: 'Creating user…' } });
    post.flush(running, { status: 202, statusText: 'Accepted' });
    await settle();

    http.expectOne(LIST_URL).flush([running]);
    await turn();
    expect(element.textContent).toContain('Creating…');
    expect(element.textContent).toContain('Creating user…');

    http.expectOne(LIST_URL).flush([testBinding()]);
    await turn();
    http.expectOne(`${LIST_URL}/b1`).flush({ ...testBinding(), credentials: { password: 'pw-123' } });
    await turn();
    http.expectNone(LIST_URL);

    expect(element.textContent).toContain('Ready');
    expect(element.querySelector('mp-credentials-panel')).not.toBeNull();
    expect(element.textContent).not.toContain('pw-123');
    expect(element.querySelector('[role="status"]')?.textContent).toContain('The binding “orders-app” is ready.');
  });

  it('delivers a sensitive binding’s credentials once and afterwards says they are not kept', async () => {
    const spy = spyOnDownloads();
    try {
      const sensitive = testService({ sensitive: true });
      const element = await open([], sensitive);
      await createBinding('ci');
      const created = testBinding({ name: 'ci', credentialsDelivered: 'once' });
      http
        .expectOne({ method: 'POST', url: LIST_URL })
        .flush({ ...created, credentials: { token: 's3cr3t' } }, { status: 201, statusText: 'Created' });
      await settle();
      http.expectOne(LIST_URL).flush([created]);
      await turn();

      const dialog = await root.getHarness(MatDialogHarness);
      expect(await dialog.getTitleText()).toBe('Save the credentials of “ci” now');
      expect(spy.downloads).toHaveLength(1);
      expect(element.textContent).toContain(
        'Its credentials were delivered once, when it was created, and are not kept.',
      );
      expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: 'Credentials' }))).toHaveLength(0);
      expect(localStorage.length + sessionStorage.length).toBe(0);
    } finally {
      spy.restore();
    }
  });

  it('creates the binding ordered with the instance once, when its provisioning succeeded', async () => {
    TestBed.inject(PendingBindings).hold('instance-1', { name: 'orders-app', parameters: { role: 'reader' } });
    fixture = TestBed.createComponent(InstanceBindings);
    fixture.componentRef.setInput('projectId', 'p1');
    fixture.componentRef.setInput('instance', testInstance({ lastOperation: { state: 'in progress' } }));
    fixture.componentRef.setInput('service', testService());
    fixture.componentRef.setInput('plan', testService().plans[0]);
    await settle();
    http.expectOne(LIST_URL).flush([]);
    await settle();
    http.expectNone({ method: 'POST', url: LIST_URL });

    fixture.componentRef.setInput('instance', testInstance());
    await settle();
    const post = http.expectOne({ method: 'POST', url: LIST_URL });
    expect(post.request.body).toEqual({ name: 'orders-app', parameters: { role: 'reader' } });
    const created = testBinding({ name: 'orders-app' });
    post.flush({ ...created, credentials: { password: 'pw-123' } }, { status: 201, statusText: 'Created' });
    await settle();
    http.expectOne(LIST_URL).flush([created]);
    await settle();
    expect(fixture.nativeElement.querySelector('mp-credentials-panel')).not.toBeNull();
    expect(fixture.nativeElement.querySelector('[role="status"]')?.textContent).toContain(
      'The binding “orders-app” was created.',
    );

    // Once only: the instance read again does not order it a second time.
    fixture.componentRef.setInput('instance', testInstance({ name: 'renamed' }));
    await settle();
    http.expectNone({ method: 'POST', url: LIST_URL });
    expect(TestBed.inject(PendingBindings).has('instance-1')).toBe(false);
  });

  it('lists the binding ordered with an instance that is ready at once, though the first list answers after it', async () => {
    TestBed.inject(PendingBindings).hold('instance-1', { name: 'orders-app', parameters: {} });
    fixture = TestBed.createComponent(InstanceBindings);
    fixture.componentRef.setInput('projectId', 'p1');
    fixture.componentRef.setInput('instance', testInstance());
    fixture.componentRef.setInput('service', testService());
    fixture.componentRef.setInput('plan', testService().plans[0]);
    await settle();
    // The first read of the list is still on its way when the binding is created.
    const firstList = http.expectOne({ method: 'GET', url: LIST_URL });
    const created = testBinding({ name: 'orders-app' });
    http
      .expectOne({ method: 'POST', url: LIST_URL })
      .flush({ ...created, credentials: { password: 'pw-123' } }, { status: 201, statusText: 'Created' });
    await settle();
    firstList.flush([]);
    await settle();

    http.expectOne({ method: 'GET', url: LIST_URL }).flush([created]);
    await settle();
    expect(fixture.nativeElement.querySelector('mp-credentials-panel')).not.toBeNull();
  });

  it('drops the binding ordered with an instance whose provisioning failed, saying so', async () => {
    const element = await open([]);
    TestBed.inject(PendingBindings).hold('instance-1', { name: 'orders-app', parameters: {} });
    fixture.componentRef.setInput('instance', testInstance({ lastOperation: { type: 'create', state: 'failed' } }));
    await settle();
    http.expectNone({ method: 'POST', url: LIST_URL });
    expect(element.textContent).toContain(
      'The binding “orders-app” was not created: the instance was not provisioned.',
    );
  });

  it('unbinds only after confirmation', async () => {
    await open([testBinding()]);
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Delete binding' }))).click();
    const dialog = await root.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Delete the binding “orders-app”?');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
    await fixture.whenStable();
    http.expectNone({ method: 'DELETE' });

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Delete binding' }))).click();
    (document.querySelector('mp-unbind-dialog .mp-confirmation-dialog__confirm') as HTMLButtonElement).click();
    await settle();
    http.expectOne({ method: 'DELETE', url: `${LIST_URL}/b1` }).flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    http.expectOne(LIST_URL).flush([]);
    await turn();
  });

  it('says in the unbind confirmation who loses access: the credentials’ users and a bound tenant', async () => {
    const tenant = { id: 'tenant-42', platform: 'openstack', locationId: 'eu-de-central' };
    await open([testBinding({ name: 'ci-runner', createdBy: 'carol', tenant })]);
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Delete binding' }))).click();
    const dialog = await root.getHarness(MatDialogHarness);
    const affected = Array.from(document.querySelectorAll('mp-unbind-dialog li'), (item) =>
      item.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(affected[0]).toContain('Credentials of “ci-runner”, created by carol');
    expect(affected[1]).toBe('Tenant tenant-42 (openstack, eu-de-central) loses access to the instance');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
    await fixture.whenStable();
    http.expectNone({ method: 'DELETE' });
  });

  it('names the binding’s creator in the unbind confirmation as on the binding: by name, not by user id', async () => {
    await open([testBinding({ name: 'ci-runner', createdBy: 'carol', createdByName: 'Carol Clark' })]);
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Delete binding' }))).click();
    const dialog = await root.getHarness(MatDialogHarness);
    expect(document.querySelector('mp-unbind-dialog li')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Credentials of “ci-runner”, created by Carol Clark',
    );
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
    await fixture.whenStable();
  });

  it('names a tenant binding’s location as the catalog does, on the binding and in the unbind confirmation', async () => {
    const tenant = { id: 'tenant-42', platform: 'openstack', locationId: 'eu-de-central' };
    const element = await open([testBinding({ name: 'ci-runner', tenant })], testService(), [
      { id: 'eu-de-central', displayName: 'Frankfurt' },
    ]);
    expect(element.querySelector('.mp-instance-bindings__meta')?.textContent).toContain(
      'Tenant tenant-42 (openstack, Frankfurt)',
    );
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Delete binding' }))).click();
    const dialog = await root.getHarness(MatDialogHarness);
    expect(document.querySelector('mp-unbind-dialog')?.textContent).toContain(
      'Tenant tenant-42 (openstack, Frankfurt) loses access',
    );
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
    await fixture.whenStable();
  });

  it('no longer lists a binding once the platform deleted it at its expiry', async () => {
    const element = await open([
      testBinding({ id: 'b1', name: 'current-app', expiresAt: '2026-12-20T09:30:00.000Z' }),
      testBinding({
        id: 'b2',
        name: 'expired-app',
        expiresAt: '2026-11-21T09:30:00.000Z',
        expiredAt: '2026-11-21T09:31:00.000Z',
      }),
    ]);
    expect(element.textContent).toContain('current-app');
    expect(element.textContent).not.toContain('expired-app');
  });

  it('offers no binding for plans that are not bindable', async () => {
    const service = testService({ bindable: false, plans: [testPlan({ bindable: false })] });
    const element = await open([], service);
    expect(element.textContent).toContain('Instances of this plan cannot be bound.');
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: 'Create binding' }))).toHaveLength(0);
  });
});
