import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialog } from '@angular/material/dialog';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';

import type { ServiceInstanceDeletionImpact } from '@osb/api';
import { providePlatformApiTesting } from '@testing/test-providers';
import { confirmDeprovision } from './deprovision-dialog';

/** Opens dialogs from a component, as the instance pages do. */
@Component({ template: '' })
class Host {
  readonly dialog = inject(MatDialog);
}

const IMPACT_URL = '/api/projects/p1/service-instances/instance-1/deletion-impact';
const payments = { projectId: 'p1', displayName: 'Payments' };
const mobile = { projectId: 'p2', displayName: 'Mobile App' };

describe('DeprovisionDialog', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: providePlatformApiTesting() });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function open(answer: (request: ReturnType<HttpTestingController['expectOne']>) => void) {
    const fixture = TestBed.createComponent(Host);
    const result: { confirmed?: boolean } = {};
    confirmDeprovision(fixture.componentInstance.dialog, {
      projectId: 'p1',
      instanceId: 'instance-1',
      instanceName: 'orders-db',
    }).subscribe((confirmed) => (result.confirmed = confirmed));
    await fixture.whenStable();
    answer(http.expectOne(IMPACT_URL));
    await fixture.whenStable();
    const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
    const confirm = await dialog.getHarness(MatButtonHarness.with({ text: 'Deprovision' }));
    return { fixture, dialog, confirm, result };
  }

  it('lists the project’s own bindings and asks no more when no other project is affected', async () => {
    const impact: ServiceInstanceDeletionImpact = {
      bindings: [{ id: 'b1', name: 'orders-app', project: payments }],
      sharedWith: [],
    };
    const { fixture, dialog, confirm, result } = await open((request) => request.flush(impact));

    const text = await (await dialog.host()).text();
    expect(text).toContain('orders-app');
    expect(text).toContain('this project');
    expect(await dialog.getAllHarnesses(MatInputHarness)).toHaveLength(0);
    expect(await confirm.isDisabled()).toBe(false);
    await confirm.click();
    await fixture.whenStable();
    expect(result.confirmed).toBe(true);
  });

  it('lists other projects’ bindings and shares, and confirms only once the instance’s name is typed', async () => {
    const impact: ServiceInstanceDeletionImpact = {
      bindings: [
        { id: 'b1', name: 'orders-app', project: payments },
        { id: 'b2', name: 'mobile-backend', project: mobile, tenantId: 'tenant-7' },
      ],
      sharedWith: [mobile],
    };
    const { fixture, dialog, confirm, result } = await open((request) => request.flush(impact));

    const lists = Array.from(document.querySelectorAll('mp-deprovision-dialog ul'), (list) =>
      Array.from(list.querySelectorAll('li'), (item) => item.textContent?.replace(/\s+/g, ' ').trim()),
    );
    expect(lists).toEqual([
      ['orders-app· this project', 'mobile-backend· Mobile App · tenant tenant-7'],
      ['Mobile App'],
    ]);
    expect(await confirm.isDisabled()).toBe(true);

    const name = await dialog.getHarness(MatInputHarness);
    await name.setValue('orders');
    expect(await confirm.isDisabled()).toBe(true);
    await name.setValue('orders-db');
    expect(await confirm.isDisabled()).toBe(false);
    await confirm.click();
    await fixture.whenStable();
    expect(result.confirmed).toBe(true);
  });

  it('asks for the name when what is affected cannot be loaded', async () => {
    const { dialog, confirm } = await open((request) =>
      request.flush({ code: 'serverError', params: {}, message: 'boom' }, { status: 500, statusText: 'Error' }),
    );
    expect(await (await dialog.host()).text()).toContain('could not be loaded');
    expect(await confirm.isDisabled()).toBe(true);
    await (await dialog.getHarness(MatInputHarness)).setValue('orders-db');
    expect(await confirm.isDisabled()).toBe(false);
  });

  it('goes ahead with nothing when cancelled', async () => {
    const { fixture, dialog, result } = await open((request) => request.flush({ bindings: [], sharedWith: [] }));
    expect(await (await dialog.host()).text()).toContain('The instance has no bindings.');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
    await fixture.whenStable();
    expect(result.confirmed).toBe(false);
  });
});
