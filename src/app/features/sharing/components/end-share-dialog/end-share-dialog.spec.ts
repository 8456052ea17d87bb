import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialog } from '@angular/material/dialog';
import { MatDialogHarness } from '@angular/material/dialog/testing';

import { testBinding } from '@testing/binding-fixtures';
import { providePlatformApiTesting } from '@testing/test-providers';
import { confirmEndShare } from './end-share-dialog';

@Component({ template: '' })
class Host {
  readonly dialog = inject(MatDialog);
}

/** A binding the target project Mobile App holds on the shared DNS zone. */
function mobileBinding(id: string, name: string) {
  return testBinding({ id, name, instanceId: 'dns-1', projectId: 'likvid-mobile' });
}

describe('EndShareDialog', () => {
  const DETAILS_URL = '/api/projects/likvid-payments/service-instances/dns-1/shares/likvid-mobile';
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [...providePlatformApiTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function open() {
    const fixture = TestBed.createComponent(Host);
    let answer: boolean | undefined;
    confirmEndShare(fixture.componentInstance.dialog, {
      ref: { projectId: 'likvid-payments', instanceId: 'dns-1' },
      instanceName: 'shop-zone',
      targetProjectId: 'likvid-mobile',
      targetProjectName: 'Mobile App',
    }).subscribe((confirmed) => (answer = confirmed));
    await fixture.whenStable();
    const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
    return { fixture, dialog, answer: () => answer };
  }

  it("lists the target's bindings before the share can be ended", async () => {
    const { fixture, dialog, answer } = await open();
    const confirm = await dialog.getHarness(MatButtonHarness.with({ text: 'Stop sharing' }));
    expect(await confirm.isDisabled()).toBe(true);

    const request = http.expectOne(DETAILS_URL);
    expect(request.request.method).toBe('GET');
    request.flush({
      share: {
        instanceId: 'dns-1',
        ownerProjectId: 'likvid-payments',
        targetProjectId: 'likvid-mobile',
        targetProjectDisplayName: 'Mobile App',
        sharedBy: 'alice',
        createdAt: '2026-11-20T09:30:00.000Z',
      },
      bindingsToRemove: [mobileBinding('b1', 'mobile-api'), mobileBinding('b2', 'mobile-ci')],
    });
    await fixture.whenStable();

    expect(await dialog.getTitleText()).toBe('Stop sharing “shop-zone” with Mobile App?');
    const text = await (await dialog.host()).text();
    expect(text).toContain('These bindings of Mobile App are deleted');
    expect(text).toContain('mobile-api');
    expect(text).toContain('mobile-ci');
    expect(await confirm.isDisabled()).toBe(false);
    await confirm.click();
    await fixture.whenStable();
    expect(answer()).toBe(true);
  });

  it('cannot be confirmed when what it removes is unknown', async () => {
    const { fixture, dialog, answer } = await open();
    http.expectOne(DETAILS_URL).flush({ message: 'The platform is busy' }, { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    expect(await (await dialog.host()).text()).toContain('The platform is busy');
    expect(await (await dialog.getHarness(MatButtonHarness.with({ text: 'Stop sharing' }))).isDisabled()).toBe(true);
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
    await fixture.whenStable();
    expect(answer()).toBe(false);
  });
});
