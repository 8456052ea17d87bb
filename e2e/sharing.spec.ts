/**
 * Journey: alice shares a DNS zone of Payments with her Mobile App project, where it is read-only
 * and gets a binding of its own, then ends the share from Payments, which removes that binding.
 * The instance is ordered through the API with the app's token; the rest goes through the UI.
 */
import type { Page } from '@playwright/test';

import { expect, openFromNavigation, test } from './support/fixtures.ts';
import { openNewInstance } from './support/new-instance.ts';
import { uniqueName } from './support/platform-api.ts';

/** Picks another project in the header's project switcher. */
async function switchProject(page: Page, projectName: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Project' }).click();
  await page.getByRole('listbox', { name: 'Project' }).getByRole('option', { name: projectName }).click();
  await expect(page.getByRole('combobox', { name: 'Project' })).toHaveText(new RegExp(projectName));
}

/** Opens the current project's instances page from the navigation. */
async function showInstances(page: Page, projectName: string): Promise<void> {
  await openFromNavigation(page, 'Instances');
  await expect(page.getByRole('heading', { name: 'Service instances', level: 1 })).toBeVisible();
  await expect(page.getByText(`${projectName} · Likvid Bank`)).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Loading the instances' })).toHaveCount(0);
}

test(
  'alice shares a DNS zone with Mobile App, binds it there and ends the share',
  { tag: '@sharing' },
  async ({ page }) => {
    const instance = await openNewInstance(page, {
      serviceName: 'dns-zone',
      planName: 'free',
      namePrefix: 'e2e-shared-zone',
      parameters: { zoneName: 'likvid-bank.example' },
    });
    const bindingName = uniqueName('mobile-dns');

    // Share it from Payments.
    const sharing = page.getByRole('region', { name: 'Sharing' });
    await expect(sharing).toContainText('The instance is not shared with other projects.');
    await sharing.getByRole('combobox', { name: 'Share with project' }).click();
    await page.getByRole('option', { name: 'Mobile App' }).click();
    await sharing.getByRole('button', { name: 'Share', exact: true }).click();
    const shares = sharing.getByRole('list', { name: 'Projects the instance is shared with' });
    await expect(shares.getByRole('listitem')).toHaveCount(1);
    await expect(shares).toContainText('Mobile App');

    // In Mobile App the instance is shared and read-only; the project binds it.
    await showInstances(page, 'Payments');
    await switchProject(page, 'Mobile App');
    await showInstances(page, 'Mobile App');
    const listed = page
      .getByRole('list', { name: 'Service instances' })
      .getByRole('listitem')
      .filter({
        has: page.getByRole('link', { name: instance.name }),
      });
    await expect(listed).toContainText('Shared from Payments (read-only)');
    await expect(listed.getByRole('button', { name: 'Change' })).toHaveCount(0);
    await expect(listed.getByRole('button', { name: 'Deprovision' })).toHaveCount(0);
    await listed.getByRole('link', { name: instance.name }).click();

    await expect(page).toHaveURL(new RegExp(`/projects/likvid-mobile/instances/${instance.id}$`));
    await expect(page.getByRole('heading', { name: instance.name, level: 1 })).toBeVisible();
    await expect(page.getByText('Shared with this project by Payments: read-only here')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Change' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Deprovision' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Create binding' }).click();
    const dialog = page.getByRole('dialog', { name: `Create a binding for “${instance.name}”` });
    await dialog.getByRole('textbox', { name: 'Binding name' }).fill(bindingName);
    await dialog.getByRole('button', { name: 'Create binding' }).click();
    await expect(dialog).toHaveCount(0);
    const bindings = page.getByRole('list', { name: 'Bindings', exact: true });
    await expect(
      bindings
        .getByRole('listitem')
        .filter({ hasText: bindingName })
        .getByRole('status')
        .filter({ has: page.locator('mp-binding-status') }),
    ).toContainText('Ready');

    // Back in Payments: ending the share lists Mobile App's binding it removes.
    await showInstances(page, 'Mobile App');
    await switchProject(page, 'Payments');
    await showInstances(page, 'Payments');
    await page.getByRole('link', { name: instance.name }).click();
    await expect(page.getByRole('heading', { name: instance.name, level: 1 })).toBeVisible();
    await expect(page.getByText('This project has no bindings on the instance yet.')).toBeVisible();
    await shares
      .getByRole('listitem')
      .filter({ hasText: 'Mobile App' })
      .getByRole('button', { name: 'Stop sharing' })
      .click();
    const confirmation = page.getByRole('alertdialog', { name: `Stop sharing “${instance.name}” with Mobile App?` });
    await expect(confirmation.getByRole('status')).toContainText('These bindings of Mobile App are deleted');
    await expect(confirmation.getByRole('listitem')).toHaveText([bindingName]);
    await confirmation.getByRole('button', { name: 'Stop sharing' }).click();
    await expect(confirmation).toHaveCount(0);
    await expect(sharing).toContainText('The instance is not shared with other projects.');

    // Gone from Mobile App.
    await showInstances(page, 'Payments');
    await switchProject(page, 'Mobile App');
    await showInstances(page, 'Mobile App');
    await expect(page.getByRole('link', { name: instance.name })).toHaveCount(0);
  },
);
