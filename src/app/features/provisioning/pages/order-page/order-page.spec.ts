import { Component } from '@angular/core';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatRadioButtonHarness } from '@angular/material/radio/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatStepperHarness } from '@angular/material/stepper/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import type { CatalogResponse } from '@osb/api';
import { PendingBindings } from '@app/features/bindings';
import { ParametersFormHarness } from '@app/shared/schema-form/testing/parameters-form-harness';
import { testCatalog, testPlan, testService } from '@testing/catalog-fixtures';
import { testInstance } from '@testing/instance-fixtures';
import { MESHCLOUD_EXAMPLE_SCHEMA } from '@testing/schema-fixtures';
import { providePlatformApiTesting, turnRoutedPage } from '@testing/test-providers';
import { OrderPage } from './order-page';

/** Rendering Material forms in jsdom is slow on a busy machine. */
const FORM_TESTS = { timeout: 30_000 };

@Component({ template: '' })
class InstanceStub {}

/** A catalog with a global gateway of two plans and PostgreSQL in Frankfurt and Amsterdam. */
function catalog(): CatalogResponse {
  const base = testCatalog();
  return {
    ...base,
    services: [
      testService({
        id: 'gateway',
        name: 'api-gateway',
        displayName: 'API Gateway',
        locality: { kind: 'global' },
        plans: [
          testPlan({
            id: 'standard',
            name: 'standard',
            displayName: 'Standard',
            free: false,
            costs: [{ amount: { eur: 49 }, unit: 'MONTHLY' }],
          }),
          testPlan({
            id: 'dedicated',
            name: 'dedicated',
            displayName: 'Dedicated',
            free: false,
            bullets: ['Dedicated nodes'],
            costs: [{ amount: { eur: 1.2 }, unit: 'HOURLY' }],
            schemas: { instanceCreate: MESHCLOUD_EXAMPLE_SCHEMA as Record<string, unknown> },
          }),
        ],
      }),
      testService({
        id: 'pg-fra',
        plans: [
          testPlan({ id: 'pg-fra-small', name: 'small' }),
          testPlan({ id: 'pg-fra-large', name: 'large', displayName: 'Large' }),
        ],
      }),
      testService({
        id: 'pg-ams',
        locality: { kind: 'local', locationId: 'eu-nl-west' },
        plans: [
          testPlan({ id: 'pg-ams-small', name: 'small' }),
          testPlan({ id: 'pg-ams-large', name: 'large', displayName: 'Large' }),
        ],
      }),
    ],
  };
}

describe('OrderPage', FORM_TESTS, () => {
  let router: RouterTestingHarness;
  let http: HttpTestingController;
  let loader: HarnessLoader;
  let answering: ReturnType<typeof setInterval> | undefined;
  /** The catalog the page is served. */
  let served: CatalogResponse;

  /** Answers the page's requests for a service in full from {@link catalog}. */
  function answerServiceRequests(): void {
    for (const request of http.match((candidate) => candidate.url.startsWith('/api/catalog/services/'))) {
      const id = decodeURIComponent(request.request.url.split('/').pop()!);
      request.flush(served.services.find((service) => service.id === id) ?? null);
    }
  }

  /** Renders and lets due timers fire, a few rounds, answering the service requests they make. */
  const turn = () => turnRoutedPage(router, answerServiceRequests);

  async function open(
    url: string,
    instances = [testInstance({ name: 'billing-gateway' })],
    listing = catalog(),
  ): Promise<HTMLElement> {
    served = listing;
    // Harness actions wait for pending requests: answer the page's service requests as they come.
    answering = setInterval(answerServiceRequests, 5);
    router = await RouterTestingHarness.create();
    await router.navigateByUrl(url, OrderPage);
    http.expectOne('/api/catalog').flush(listing);
    http.expectOne('/api/projects/p1/service-instances?limit=500').flush(instances);
    await turn();
    loader = TestbedHarnessEnvironment.loader(router.fixture);
    return router.routeNativeElement as HTMLElement;
  }

  async function next(): Promise<void> {
    const [step] = await (await loader.getHarness(MatStepperHarness)).getSteps({ selected: true });
    await (await step!.getHarness(MatButtonHarness.with({ text: 'Next' }))).click();
    await turn();
  }

  async function checkedPlan(): Promise<string | null> {
    for (const radio of await loader.getAllHarnesses(MatRadioButtonHarness.with({ ancestor: 'mp-plan-picker' }))) {
      if (await radio.isChecked()) {
        return radio.getLabelText();
      }
    }
    return null;
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'projects/:projectId/marketplace/services/:serviceId/order', component: OrderPage },
            { path: 'projects/:projectId/instances/:instanceId', component: InstanceStub },
          ],
          withComponentInputBinding(),
        ),
        ...providePlatformApiTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    clearInterval(answering);
    http.verify();
  });

  it('says why the service could not be loaded, without the steps, and loads it again on “Try again”', async () => {
    served = catalog();
    answering = setInterval(answerServiceRequests, 5);
    router = await RouterTestingHarness.create();
    await router.navigateByUrl('/projects/p1/marketplace/services/gateway/order', OrderPage);
    http
      .expectOne('/api/catalog')
      .flush({ message: 'The catalog store is down.' }, { status: 503, statusText: 'Unavailable' });
    http.expectOne('/api/projects/p1/service-instances?limit=500').flush([]);
    await turn();
    const page = router.routeNativeElement as HTMLElement;
    expect(page.querySelector('[role="alert"]')?.textContent).toBe('The service could not be loaded.');
    expect(page.textContent).toContain('The catalog store is down.');
    expect(page.querySelector('mat-stepper')).toBeNull();

    [...page.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Try again')!.click();
    await turn();
    http.expectOne('/api/catalog').flush(served);
    await turn();
    expect(page.querySelector('[role="alert"]')).toBeNull();
    expect(page.querySelector('mat-stepper')).not.toBeNull();
  });

  it('says a service the catalog does not offer is not found, with the way back to the marketplace', async () => {
    const page = await open('/projects/p1/marketplace/services/gone/order');
    expect(page.querySelector('h1')?.textContent).toBe('Service not found');
    expect(page.textContent).toContain('This service is not offered in the marketplace (any more).');
    expect(page.querySelector('mat-stepper')).toBeNull();
    const link = [...page.querySelectorAll('a')].find((a) => a.textContent?.trim() === 'Browse the marketplace');
    expect(link?.getAttribute('href')).toBe('/projects/p1/marketplace');
  });

  it('refuses at the first step, saying why, to order from a broker that cannot be reached', async () => {
    const listing = catalog();
    listing.services = listing.services.map((service) =>
      service.id === 'pg-ams' ? { ...service, brokerId: 'demo-eu-nl-west' } : service,
    );
    listing.brokers.push({
      id: 'demo-eu-de-central',
      displayName: 'Frankfurt broker',
      locality: { kind: 'local', locationId: 'eu-de-central' },
      state: 'unavailable',
      unreachable: true,
      unavailableSince: '2026-11-28T17:50:00Z',
      warnings: [],
    });
    const page = await open('/projects/p1/marketplace/services/pg-fra/order', undefined, listing);

    expect(page.querySelector('[role="alert"]')?.textContent).toMatch(
      /The provider Frankfurt broker cannot be reached since Nov 28, 2026, .*so this service cannot be ordered right now/,
    );
    const [step] = await (await loader.getHarness(MatStepperHarness)).getSteps({ selected: true });
    expect(await step!.getLabel()).toBe('Location');
    expect(await (await step!.getHarness(MatButtonHarness.with({ text: 'Next' }))).isDisabled()).toBe(true);

    // Amsterdam's broker takes orders: picking it there lets the order go on.
    await (await loader.getHarness(MatRadioButtonHarness.with({ label: 'Amsterdam' }))).check();
    await turn();
    expect(page.querySelector('[role="alert"]')).toBeNull();
  });

  it('preselects the plan from the link and compares the plans with their costs', async () => {
    const page = await open('/projects/p1/marketplace/services/gateway/order?plan=standard');

    expect(await checkedPlan()).toBe('Standard');
    const cards = Array.from(page.querySelectorAll('.mp-plan-picker__plan'), (card) => card.textContent ?? '');
    expect(cards[0]).toContain('€49.00 per month');
    expect(cards[1]).toContain('€1.20 per hour');
    expect(cards[1]).toContain('Dedicated nodes');
    await (await loader.getHarness(MatRadioButtonHarness.with({ label: 'Dedicated' }))).check();
    expect(await checkedPlan()).toBe('Dedicated');
  });

  it('orders with the chosen plan, name and parameters; a refusal shows the broker’s message and keeps every input', async () => {
    const page = await open('/projects/p1/marketplace/services/gateway/order');
    await (await loader.getHarness(MatRadioButtonHarness.with({ label: 'Dedicated' }))).check();
    await next();
    await (
      await loader.getHarness(MatInputHarness.with({ ancestor: '.mp-order-page__name' }))
    ).setValue('payments-gateway');
    await next();

    const form = await loader.getHarness(ParametersFormHarness);
    const serviceType = await (await form.getField('Service Type')).getControl(MatSelectHarness);
    await serviceType!.open();
    await serviceType!.clickOptions({ text: 'External' });
    await (await (await form.getField('External Registration Number')).getControl(MatInputHarness))!.setValue('12345');
    await next();

    const expectedBody = {
      name: 'payments-gateway',
      serviceId: 'gateway',
      planId: 'dedicated',
      parameters: {
        securityContact: 'person@example-company.com',
        serviceType: 'ext',
        externalRegistrationNumber: '12345',
      },
    };
    const review = page.querySelector('.mp-order-page__review')!;
    const words = review.textContent!.replace(/\s+/g, ' ');
    expect(words).toContain('Service Type External');
    expect(words).toContain('External Registration Number 12345');
    // €1.20 per hour for 730 hours a month.
    expect(words).toMatch(/Adds per month ?about €876\.00 to the project's costs/);
    expect(review.textContent).not.toContain('"externalRegistrationNumber"');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Show JSON' }))).click();
    expect(page.querySelector('.mp-order-page__review')?.textContent).toContain(
      '"externalRegistrationNumber": "12345"',
    );
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Order' }))).click();
    const refused = http.expectOne({ method: 'POST', url: '/api/projects/p1/service-instances' });
    expect(refused.request.body).toEqual(expectedBody);
    refused.flush({ message: 'Registration number 12345 is not known.' }, { status: 400, statusText: 'Bad Request' });
    await turn();

    expect(page.querySelector('[role="alert"]')?.textContent).toContain(
      'The service was not ordered: Registration number 12345 is not known.',
    );
    expect(document.activeElement?.getAttribute('role')).toBe('alert');
    expect(document.activeElement?.textContent).toContain('The service was not ordered:');
    expect(await checkedPlan()).toBe('Dedicated');
    expect(await (await loader.getHarness(MatInputHarness.with({ ancestor: '.mp-order-page__name' }))).getValue()).toBe(
      'payments-gateway',
    );
    expect(
      await (await (await form.getField('External Registration Number')).getControl(MatInputHarness))!.getValue(),
    ).toBe('12345');

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Order' }))).click();
    const accepted = http.expectOne({ method: 'POST', url: '/api/projects/p1/service-instances' });
    expect(accepted.request.body).toEqual(expectedBody);
    accepted.flush(testInstance({ id: 'new-id', lastOperation: { state: 'in progress' } }), {
      status: 202,
      statusText: 'Accepted',
    });
    await turn();
    expect(TestBed.inject(Router).url).toBe('/projects/p1/instances/new-id');
  });

  it('offers the locations of a local service, preselects the marketplace’s and keeps the plan by name', async () => {
    await open('/projects/p1/marketplace/services/pg-fra/order?plan=pg-fra-large');
    const frankfurt = await loader.getHarness(MatRadioButtonHarness.with({ label: 'Frankfurt' }));
    expect(await frankfurt.isChecked()).toBe(true);
    await (await loader.getHarness(MatRadioButtonHarness.with({ label: 'Amsterdam' }))).check();
    await next();
    expect(await checkedPlan()).toBe('Large');
  });

  /** The labels of the steps shown as done (the check or edit icon instead of their number). */
  async function stepsShownDone(): Promise<string[]> {
    const steps = await (await loader.getHarness(MatStepperHarness)).getSteps({ completed: true });
    return Promise.all(steps.map((step) => step.getLabel()));
  }

  it('shows a step as done only once the user has been there, a preselected plan too', async () => {
    await open('/projects/p1/marketplace/services/pg-fra/order?plan=pg-fra-large');
    expect(await stepsShownDone()).toEqual([]);
    await next();
    expect(await stepsShownDone()).toEqual(['Location']);
    await next();
    expect(await stepsShownDone()).toEqual(['Location', 'Plan']);
  });

  it('refuses a name another instance of the project has, at the name step', async () => {
    const page = await open('/projects/p1/marketplace/services/gateway/order?plan=standard');
    await next();
    const name = await loader.getHarness(MatInputHarness.with({ ancestor: '.mp-order-page__name' }));
    await name.setValue(' Billing-Gateway ');
    await next();
    expect(page.querySelector('.mp-order-page__name mat-error')?.textContent).toContain('already has this name');
    const [step] = await (await loader.getHarness(MatStepperHarness)).getSteps({ selected: true });
    expect(await step!.getLabel()).toBe('Name');
    await name.setValue('billing-gateway-2');
    await next();
    const [parameters] = await (await loader.getHarness(MatStepperHarness)).getSteps({ selected: true });
    expect(await parameters!.getLabel()).toBe('Parameters');
  });

  /** Goes from the plan to the binding step of the gateway's bindable standard plan. */
  async function toBindingStep(): Promise<void> {
    await next();
    await (await loader.getHarness(MatInputHarness.with({ ancestor: '.mp-order-page__name' }))).setValue('payments');
    await next();
    await next();
    const [step] = await (await loader.getHarness(MatStepperHarness)).getSteps({ selected: true });
    expect(await step!.getLabel()).toBe('Create a binding');
  }

  async function selectedStep(): Promise<string> {
    const [step] = await (await loader.getHarness(MatStepperHarness)).getSteps({ selected: true });
    return step!.getLabel();
  }

  async function order(): Promise<void> {
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Order' }))).click();
    const post = http.expectOne({ method: 'POST', url: '/api/projects/p1/service-instances' });
    expect(post.request.body).toEqual({ name: 'payments', serviceId: 'gateway', planId: 'standard' });
    post.flush(testInstance({ id: 'new-id', lastOperation: { state: 'in progress' } }), {
      status: 202,
      statusText: 'Accepted',
    });
    await turn();
    expect(TestBed.inject(Router).url).toBe('/projects/p1/instances/new-id');
  }

  it('puts each step’s buttons below the form it builds when opened, not above it', async () => {
    const page = await open('/projects/p1/marketplace/services/gateway/order?plan=standard');
    const precedesButtons = (selector: string) => {
      const content = page.querySelector(selector)!;
      const nextButton = [...page.querySelectorAll('button')].find(
        (button) =>
          button.textContent?.trim() === 'Next' && content.closest('.mat-vertical-stepper-content')?.contains(button),
      )!;
      return Boolean(content.compareDocumentPosition(nextButton) & Node.DOCUMENT_POSITION_FOLLOWING);
    };
    await toBindingStep();
    expect(precedesButtons('mp-parameters-form')).toBe(true);
    expect(precedesButtons('mp-binding-fields')).toBe(true);
  });

  it('shows the optional binding step as done only once the user has been there', async () => {
    await open('/projects/p1/marketplace/services/gateway/order?plan=standard');
    expect(await stepsShownDone()).toEqual([]);
    await toBindingStep();
    expect(await stepsShownDone()).toEqual(['Plan', 'Name', 'Parameters']);
    const [step] = await (await loader.getHarness(MatStepperHarness)).getSteps({ selected: true });
    await (await step!.getHarness(MatButtonHarness.with({ text: 'Skip' }))).click();
    await turn();
    expect(await stepsShownDone()).toEqual(['Plan', 'Name', 'Parameters', 'Create a binding']);
  });

  it('orders without a binding in one click on “Skip”, dropping what the binding step held', async () => {
    const page = await open('/projects/p1/marketplace/services/gateway/order?plan=standard');
    await toBindingStep();
    await (await loader.getHarness(MatInputHarness.with({ ancestor: '.mp-order-page__binding' }))).setValue('ci');
    const [step] = await (await loader.getHarness(MatStepperHarness)).getSteps({ selected: true });
    await (await step!.getHarness(MatButtonHarness.with({ text: 'Skip' }))).click();
    await turn();

    expect(await selectedStep()).toBe('Review');
    expect(page.querySelector('[data-testid="order-binding"]')?.textContent?.trim()).toBe('none');
    await order();
    expect(TestBed.inject(PendingBindings).has('new-id')).toBe(false);
  });

  it('hands the binding ordered with the instance to the instance page, in memory, once ordered', async () => {
    const page = await open('/projects/p1/marketplace/services/gateway/order?plan=standard');
    await toBindingStep();
    expect(page.textContent).toContain('The binding is created as soon as the instance is ready');
    await (await loader.getHarness(MatInputHarness.with({ ancestor: '.mp-order-page__binding' }))).setValue(' ci ');
    await next();

    expect(await selectedStep()).toBe('Review');
    expect(page.querySelector('[data-testid="order-binding"]')?.textContent).toContain('ci');
    expect(TestBed.inject(PendingBindings).has('new-id')).toBe(false);
    await order();
    expect(TestBed.inject(PendingBindings).take('new-id')).toEqual({ name: 'ci', parameters: {} });
  });

  it('orders nothing while a named binding’s parameters are incomplete, saying so in the review', async () => {
    const listing = catalog();
    const role = { type: 'object', required: ['role'], properties: { role: { type: 'string', title: 'Role' } } };
    listing.services = listing.services.map((service) =>
      service.id === 'gateway'
        ? testService({
            id: 'gateway',
            name: 'api-gateway',
            displayName: 'API Gateway',
            locality: { kind: 'global' },
            plans: [
              testPlan({ id: 'standard', name: 'standard', displayName: 'Standard', schemas: { bindingCreate: role } }),
            ],
          })
        : service,
    );
    const page = await open('/projects/p1/marketplace/services/gateway/order?plan=standard', undefined, listing);
    await toBindingStep();
    await (await loader.getHarness(MatInputHarness.with({ selector: '[name="name"]' }))).setValue('ci');
    await next();
    expect(await selectedStep()).toBe('Create a binding');

    // The stepper's header reaches the review past the optional step: the order waits, saying why.
    await (await (await loader.getHarness(MatStepperHarness)).getSteps({ label: 'Review' }))[0]!.select();
    await turn();
    expect(page.querySelector('.mp-order-page__error')?.textContent).toContain(
      "The binding's parameters are not complete",
    );
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Order' }))).click();
    http.expectNone({ method: 'POST', url: '/api/projects/p1/service-instances' });
  });

  it('offers no binding step for a tenant-aware service, whose tenant is picked among the instance’s', async () => {
    const listing = catalog();
    listing.services = listing.services.map((service) =>
      service.id === 'gateway' ? { ...service, tenantAware: true } : service,
    );
    await open('/projects/p1/marketplace/services/gateway/order?plan=standard', undefined, listing);
    const steps = await (await loader.getHarness(MatStepperHarness)).getSteps();
    const labels = await Promise.all(steps.map((step) => step.getLabel()));
    expect(labels).toEqual(['Plan', 'Name', 'Parameters', 'Review']);
  });
});
