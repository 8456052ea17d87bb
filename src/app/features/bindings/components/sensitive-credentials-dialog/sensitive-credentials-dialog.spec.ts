import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideUiTesting } from '@testing/test-providers';
import { Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatDialog } from '@angular/material/dialog';
import { MatDialogHarness } from '@angular/material/dialog/testing';

import { type DownloadSpy, spyOnDownloads } from '../../testing/download-spy';
import { showSensitiveCredentials } from './sensitive-credentials-dialog';

/** Opens dialogs from a component, as the bindings section does. */
@Component({ template: '' })
class Host {
  readonly dialog = inject(MatDialog);
}

describe('SensitiveCredentialsDialog', () => {
  const token = 'hvs.TOP-SECRET-token-123';
  let downloads: DownloadSpy;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: provideUiTesting(),
    });
    downloads = spyOnDownloads();
    localStorage.clear();
    sessionStorage.clear();
  });

  afterEach(() => downloads.restore());

  async function open() {
    const fixture = TestBed.createComponent(Host);
    let closed = false;
    showSensitiveCredentials(fixture.componentInstance.dialog, {
      bindingName: 'ci vault',
      credentials: { vault_url: 'https://abc.vault.demo.example:8200', token },
    }).subscribe(() => (closed = true));
    await fixture.whenStable();
    const root = TestbedHarnessEnvironment.documentRootLoader(fixture);
    const dialog = await root.getHarness(MatDialogHarness);
    return { fixture, dialog, root, isClosed: () => closed };
  }

  it('downloads the credentials once as a text file when it opens', async () => {
    const { fixture, dialog } = await open();
    await fixture.whenStable();

    expect(downloads.downloads).toHaveLength(1);
    expect(downloads.downloads[0].fileName).toBe('ci-vault-credentials.txt');
    expect(downloads.downloads[0].type).toBe('text/plain');
    const text = await downloads.downloads[0].content;
    expect(text).toContain(token);
    expect(text).toContain('https://abc.vault.demo.example:8200');
    expect(downloads.liveUrls.size).toBe(0);
    expect(await dialog.getTitleText()).toBe('Save the credentials of “ci vault” now');
  });

  it('closes only after the user confirms saving, and leaves nothing in web storage', async () => {
    const { fixture, dialog, isClosed } = await open();
    const done = await dialog.getHarness(MatButtonHarness.with({ text: 'Done' }));
    expect(await done.isDisabled()).toBe(true);

    // Escape does not close it either.
    const host = await dialog.host();
    await host.dispatchEvent('keydown', { key: 'Escape', keyCode: 27 });
    await fixture.whenStable();
    expect(isClosed()).toBe(false);

    await (await dialog.getHarness(MatCheckboxHarness)).check();
    expect(await done.isDisabled()).toBe(false);
    await done.click();
    await fixture.whenStable();

    expect(isClosed()).toBe(true);
    expect(document.body.textContent).not.toContain(token);
    expect(downloads.downloads).toHaveLength(1);
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    expect(location.href).not.toContain(token);
  });

  it('shows the credentials masked until revealed', async () => {
    const { fixture, dialog } = await open();
    const content = await (await dialog.host()).text();
    expect(content).toContain('token');
    expect(content).not.toContain(token);
    await (await dialog.getHarness(MatButtonHarness.with({ selector: '[aria-label="Show token"]' }))).click();
    await fixture.whenStable();
    expect(await (await dialog.host()).text()).toContain(token);
  });
});
