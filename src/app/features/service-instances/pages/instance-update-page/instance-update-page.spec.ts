import { Component } from '@angular/core';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import type { ServiceInstance, ServiceOffering } from '@osb/api';
import { ParametersFormHarness } from '@app/shared/schema-form/testing/parameters-form-harness';
import { testPlan, testService } from '@testing/catalog-fixtures';
import { testInstance } from '@testing/instance-fixtures';
import { providePlatformApiTesting, turnRoutedPage } from '@testing/test-providers';
import { InstanceUpdatePage } from './instance-update-page';

/** Rendering Material forms in jsdom is slow on a busy machine. */
const FORM_TESTS = { timeout: 30_000 };

const INSTANCE_URL = '/api/projects/p1/service-instances/gw-1';

@Component({ template: '' })
class InstanceStub {}

const updateSchema = {
  type: 'object',
  properties: {
    securityContact: { type: 'string', title: 'Security Contact' },
    rateLimitPerSecond: { type: 'integer', title: 'Rate limit', default: 100 },
  },
};

function gateway(planUpdateable: boolean): ServiceOffering {
  return testService({
    id: 'gateway',
    locality: { kind: 'global' },
    plans: [
      testPlan({
        id: 'standard',
        displayName: 'Standard',
        planUpdateable,
        schemas: { instanceUpdate: structuredClone(updateSchema) },
      }),
      testPlan({
        id: 'dedicated',
        displayName: 'Dedicated',
        planUpdateable,
        schemas: { instanceUpdate: updateSchema },
      }),
    ],
  });
}

const stored: ServiceInstance = testInstance({
  id: 'gw-1',
  name: 'payments-gateway',
  serviceId: 'gateway',
  planId: 'dedicated',
  parameters: { securityContact: 'a@x.example', serviceType: 'ext', externalRegistrationNumber: '12345' },
});

describe('InstanceUpdatePage', FORM_TESTS, () => {
  let router: RouterTestingHarness;
  let http: HttpTestingController;
  let loader: HarnessLoader;

  /** Renders and lets due timers fire, a few rounds. */
  const turn = () => turnRoutedPage(router);

  async function open(instance: ServiceInstance, service: ServiceOffering): Promise<HTMLElement> {
    router = await RouterTestingHarness.create();
    await router.navigateByUrl('/projects/p1/instances/gw-1/edit', InstanceUpdatePage);
    http.expectOne(INSTANCE_URL).flush(instance);
    await turn();
    http.expectOne('/api/catalog/services/gateway').flush(service);
    await turn();
    loader = TestbedHarnessEnvironment.loader(router.fixture);
    return router.routeNativeElement as HTMLElement;
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'projects/:projectId/instances/:instanceId/edit', component: InstanceUpdatePage },
            { path: 'projects/:projectId/instances/:instanceId', component: InstanceStub },
          ],
          withComponentInputBinding(),
        ),
        ...providePlatformApiTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('says that the instance could not be loaded, and why', async () => {
    router = await RouterTestingHarness.create();
    await router.navigateByUrl('/projects/p1/instances/gw-1/edit', InstanceUpdatePage);
    http.expectOne(INSTANCE_URL).flush({ message: 'The store is down.' }, { status: 503, statusText: 'Unavailable' });
    await turn();
    const page = router.routeNativeElement as HTMLElement;
    expect(page.querySelector('[role="alert"]')?.textContent).toBe('The instance could not be loaded.');
    expect(page.textContent).toContain('The store is down.');
    expect(page.querySelector('form')).toBeNull();
  });

  it('says why the service could not be loaded, without a form, and loads it again on “Try again”', async () => {
    router = await RouterTestingHarness.create();
    await router.navigateByUrl('/projects/p1/instances/gw-1/edit', InstanceUpdatePage);
    http.expectOne(INSTANCE_URL).flush(stored);
    await turn();
    http
      .expectOne('/api/catalog/services/gateway')
      .flush({ message: 'The catalog store is down.' }, { status: 503, statusText: 'Unavailable' });
    await turn();
    const page = router.routeNativeElement as HTMLElement;
    expect(page.querySelector('[role="alert"]')?.textContent).toBe('The service could not be loaded.');
    expect(page.textContent).toContain('The catalog store is down.');
    expect(page.querySelector('form')).toBeNull();

    [...page.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Try again')!.click();
    await turn();
    http.expectNone(INSTANCE_URL);
    http.expectOne('/api/catalog/services/gateway').flush(gateway(true));
    await turn();
    expect(page.querySelector('[role="alert"]')).toBeNull();
    expect(page.querySelector('form')).not.toBeNull();
  });

  it('offers no form for an instance shared with the project, and says who can change it', async () => {
    const page = await open(
      { ...stored, sharedFrom: { projectId: 'p0', displayName: 'Platform Team' } },
      gateway(true),
    );
    expect(page.querySelector('form')).toBeNull();
    expect(page.querySelector('[role="alert"]')?.textContent).toContain('This instance cannot be changed here.');
    expect(page.textContent).toContain(
      'It is shared with this project by Platform Team; only that project can change it.',
    );
    http.expectNone({ method: 'PATCH' });
  });

  it('prefills the update form from the stored parameters, shows the difference and sends only the changed keys', async () => {
    const page = await open(stored, gateway(true));
    const form = await loader.getHarness(ParametersFormHarness);
    expect(await form.getFieldLabels()).toEqual(['Security Contact', 'Rate limit']);
    const contact = (await (await form.getField('Security Contact')).getControl(MatInputHarness))!;
    expect(await contact.getValue()).toBe('a@x.example');
    expect(page.textContent).toContain('Nothing changed yet.');

    await contact.setValue('b@y.example');
    await turn();
    const changes = Array.from(page.querySelectorAll('.mp-instance-update-page__changes li'), (li) =>
      li.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(changes).toEqual(['Security Contact: a@x.example → b@y.example']);

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Apply changes' }))).click();
    const request = http.expectOne({ method: 'PATCH', url: INSTANCE_URL });
    expect(request.request.body).toEqual({ parameters: { securityContact: 'b@y.example' } });
    request.flush(
      { ...stored, lastOperation: { ...stored.lastOperation, type: 'update', state: 'in progress' } },
      { status: 202, statusText: 'Accepted' },
    );
    await turn();
    expect(TestBed.inject(Router).url).toBe('/projects/p1/instances/gw-1');
  });

  it('lists the other plans only where the plan may be changed, and sends a plan change with the changed parameters', async () => {
    await open(stored, gateway(true));
    const form = await loader.getHarness(ParametersFormHarness);
    await (await (await form.getField('Security Contact')).getControl(MatInputHarness))!.setValue('b@y.example');
    const plan = await loader.getHarness(MatSelectHarness);
    await plan.open();
    expect(await Promise.all((await plan.getOptions()).map((option) => option.getText()))).toEqual([
      'Standard',
      'Dedicated',
    ]);
    await plan.clickOptions({ text: 'Standard' });
    await turn();
    expect(router.routeNativeElement?.textContent).toContain('Plan: Dedicated → Standard');

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Apply changes' }))).click();
    const request = http.expectOne({ method: 'PATCH', url: INSTANCE_URL });
    expect(request.request.body).toEqual({ planId: 'standard', parameters: { securityContact: 'b@y.example' } });
    request.flush(
      { message: 'The broker cannot move this instance to Standard.' },
      { status: 422, statusText: 'Unprocessable' },
    );
    await turn();
    expect(router.routeNativeElement?.querySelector('[role="alert"]')?.textContent).toContain(
      'The instance was not changed: The broker cannot move this instance to Standard.',
    );
    expect(await plan.getValueText()).toBe('Standard');
  });

  it('keeps the plan where it may not be changed, and waits for a running operation', async () => {
    const running = { ...stored, lastOperation: { ...stored.lastOperation, state: 'in progress' as const } };
    const page = await open(running, gateway(false));
    expect(await loader.getAllHarnesses(MatSelectHarness)).toHaveLength(0);
    expect(page.textContent).toContain('Dedicated: the plan of this instance cannot be changed.');
    expect(page.textContent).toContain('An operation is running on this instance.');
    expect(await (await loader.getHarness(MatButtonHarness.with({ text: 'Apply changes' }))).isDisabled()).toBe(true);
  });
});
