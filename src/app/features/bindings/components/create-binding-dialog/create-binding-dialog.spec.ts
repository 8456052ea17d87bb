import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialog } from '@angular/material/dialog';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';

import type { ServiceBindingWithCredentials } from '@osb/api';
import { testBinding } from '@testing/binding-fixtures';
import { testPlan, testService } from '@testing/catalog-fixtures';
import { providePlatformApiTesting } from '@testing/test-providers';
import { openCreateBinding } from './create-binding-dialog';

/** Opens dialogs from a component, as the bindings section does. */
@Component({ template: '' })
class Host {
  readonly dialog = inject(MatDialog);
}

const BINDINGS_URL = '/api/projects/p1/service-instances/instance-1/bindings';

describe('CreateBindingDialog', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: providePlatformApiTesting() });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  /** Opens the dialog for a sensitive service and sends an order, which stays pending. */
  async function orderSensitiveBinding() {
    const fixture = TestBed.createComponent(Host);
    const result: { closed: boolean; value?: ServiceBindingWithCredentials } = { closed: false };
    openCreateBinding(fixture.componentInstance.dialog, {
      ref: { projectId: 'p1', instanceId: 'instance-1' },
      instanceName: 'vault-1',
      service: testService({ sensitive: true }),
      plan: testPlan(),
      locations: [],
    }).subscribe((value) => Object.assign(result, { closed: true, value }));
    await fixture.whenStable();
    const root = TestbedHarnessEnvironment.documentRootLoader(fixture);
    const dialog = await root.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatInputHarness)).setValue('ci');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Create binding' }))).click();
    await fixture.whenStable();
    const request = http.expectOne({ method: 'POST', url: BINDINGS_URL });
    return { fixture, dialog, request, result };
  }

  /** Tries every way of dismissing the dialog: Escape and a click on the backdrop. */
  async function tryToDismiss(fixture: { whenStable(): Promise<unknown> }, dialog: MatDialogHarness) {
    await (await dialog.host()).dispatchEvent('keydown', { key: 'Escape', keyCode: 27 });
    document.querySelector<HTMLElement>('.cdk-overlay-backdrop')?.click();
    await fixture.whenStable();
  }

  it('cannot be dismissed while the binding of a sensitive service is being created', async () => {
    const { fixture, dialog, request, result } = await orderSensitiveBinding();

    await tryToDismiss(fixture, dialog);
    expect(result.closed).toBe(false);
    expect(await (await dialog.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).isDisabled()).toBe(true);

    const created = {
      ...testBinding({ name: 'ci' }),
      credentialsDelivered: 'once' as const,
      credentials: { token: 't' },
    };
    request.flush(created);
    await fixture.whenStable();
    expect(result.closed).toBe(true);
    expect(result.value?.credentials).toEqual({ token: 't' });
  });

  it('can be dismissed again once the request failed', async () => {
    const { fixture, dialog, request, result } = await orderSensitiveBinding();
    request.flush(
      { code: 'instanceBusy', params: { operation: 'delete' }, message: 'busy' },
      {
        status: 409,
        statusText: 'Conflict',
      },
    );
    await fixture.whenStable();
    expect(result.closed).toBe(false);

    await tryToDismiss(fixture, dialog);
    expect(result.closed).toBe(true);
    expect(result.value).toBeUndefined();
  });

  it('moves the focus to the announced reason each time the broker refuses the binding', async () => {
    const { fixture, dialog, request } = await orderSensitiveBinding();
    request.flush(
      {
        code: 'brokerFailed',
        params: { reason: 'bad-request', status: 400, brokerMessage: 'Name taken.' },
        message: 'x',
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    const focused = () => document.activeElement as HTMLElement | null;
    expect(focused()?.getAttribute('role')).toBe('alert');
    expect(focused()?.textContent).toContain('The binding was not created:');

    const submit = await dialog.getHarness(MatButtonHarness.with({ text: 'Create binding' }));
    await submit.focus();
    await submit.click();
    await fixture.whenStable();
    http
      .expectOne({ method: 'POST', url: BINDINGS_URL })
      .flush({ message: 'Internal error' }, { status: 500, statusText: 'Internal Server Error' });
    await fixture.whenStable();
    expect(focused()?.getAttribute('role')).toBe('alert');
    expect(focused()?.textContent).toContain('The binding was not created:');
  });
});
