/**
 * Journeys: alice binds her instances: an ordinary binding whose credentials she reveals, copies
 * and downloads; a sensitive one delivered once and kept nowhere; tenant bindings of a
 * tenant-aware service; and an expiring one she is warned about. The instances are ordered
 * through the API with the app's token; every binding step goes through the UI.
 */
import { readFile } from 'node:fs/promises';

import type { Download, Locator, Page } from '@playwright/test';

import type { ServiceBinding, ServiceBindingWithCredentials } from '@osb/api';
import { brokerRequests } from './support/demo-broker.ts';
import { expect, test } from './support/fixtures.ts';
import { openNewInstance } from './support/new-instance.ts';
import { uniqueName } from './support/platform-api.ts';

/** Opens the create dialog of the instance page and fills in the binding's name. */
async function startBinding(page: Page, instanceName: string, bindingName: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Create binding' }).click();
  const dialog = page.getByRole('dialog', { name: `Create a binding for “${instanceName}”` });
  await dialog.getByRole('textbox', { name: 'Binding name' }).fill(bindingName);
  return dialog;
}

/** The list entry of a binding on the instance page. */
function bindingItem(page: Page, bindingName: string): Locator {
  return page
    .getByRole('list', { name: 'Bindings', exact: true })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: bindingName, level: 3 }) });
}

/** The status line of a binding's list entry. */
function bindingStatus(item: Locator): Locator {
  return item.getByRole('status').filter({ has: item.page().locator('mp-binding-status') });
}

async function readDownload(download: Download): Promise<string> {
  return readFile(await download.path(), 'utf8');
}

test(
  'alice reveals, copies and downloads the credentials of a DNS zone binding',
  { tag: '@bindings' },
  async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL! });
    const instance = await openNewInstance(page, {
      serviceName: 'dns-zone',
      planName: 'free',
      parameters: { zoneName: 'payments.likvid-bank.example' },
    });
    const bindingName = uniqueName('payments-dns');

    const dialog = await startBinding(page, instance.name, bindingName);
    await dialog.getByRole('button', { name: 'Create binding' }).click();
    await expect(dialog).toHaveCount(0);

    // The new binding's credentials are shown, every value masked.
    const item = bindingItem(page, bindingName);
    await expect(bindingStatus(item)).toContainText('Ready');
    const fields = item.getByRole('list', { name: `Credentials of ${bindingName}` }).getByRole('listitem');
    await expect(fields).toHaveCount(4);
    await expect(fields.getByText('hidden', { exact: true })).toHaveCount(4);
    await expect(fields.locator('code, a')).toHaveCount(0);

    // Reveal one field: only its value appears.
    const token = fields.filter({ hasText: 'api_token' });
    await item.getByRole('button', { name: 'Show api_token' }).click();
    await expect(item.getByRole('button', { name: 'Hide api_token' })).toHaveAttribute('aria-pressed', 'true');
    const tokenValue = (await token.locator('code').textContent())!.trim();
    expect(tokenValue).toMatch(/\S{16,}/);
    await expect(fields.getByText('hidden', { exact: true })).toHaveCount(3);

    // Reveal the others to compare the downloads with what the page shows.
    const revealed: Record<string, string> = { api_token: tokenValue };
    for (const key of ['zone_id', 'name_servers', 'api_url']) {
      await item.getByRole('button', { name: `Show ${key}` }).click();
      const value = fields.filter({ hasText: key }).locator('code, a');
      await expect(value).toBeVisible();
      revealed[key] = (await value.textContent())!.trim();
    }

    // Copy one field.
    await item.getByRole('button', { name: 'Copy api_token' }).click();
    await expect(item.getByRole('status').filter({ hasText: 'Copied api_token to the clipboard.' })).toBeAttached();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(tokenValue);

    // Download as JSON: the same values.
    const [jsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      item.getByRole('button', { name: 'Download JSON' }).click(),
    ]);
    expect(jsonDownload.suggestedFilename()).toBe(`${bindingName}-credentials.json`);
    const json = JSON.parse(await readDownload(jsonDownload)) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(Object.keys(revealed).sort());
    for (const [key, value] of Object.entries(json)) {
      expect(typeof value === 'string' ? value : JSON.stringify(value), key).toBe(revealed[key]);
    }

    // Download as .env: one quoted variable per field.
    const [envDownload] = await Promise.all([
      page.waitForEvent('download'),
      item.getByRole('button', { name: 'Download .env' }).click(),
    ]);
    expect(envDownload.suggestedFilename()).toBe(`${bindingName}.env`);
    const env = await readDownload(envDownload);
    expect(env).toContain(`API_TOKEN="${tokenValue}"\n`);
    expect(env).toContain(`ZONE_ID="${revealed['zone_id']}"\n`);
    expect(env).toContain(`API_URL="${revealed['api_url']}"\n`);
    expect(env.trim().split('\n')).toHaveLength(4);

    // Hiding a value takes it off the page again.
    await item.getByRole('button', { name: 'Hide api_token' }).click();
    await expect(token.getByText('hidden', { exact: true })).toBeVisible();
    expect(await page.locator('body').textContent()).not.toContain(tokenValue);
  },
);

test(
  'alice gets a Secrets Vault binding’s credentials once, and the browser keeps no copy',
  { tag: '@bindings' },
  async ({ page }) => {
    const instance = await openNewInstance(page, { serviceName: 'secrets-vault', planName: 'standard' });
    const bindingName = uniqueName('payments-vault');
    const downloads: Download[] = [];
    page.on('download', (download) => downloads.push(download));

    const dialog = await startBinding(page, instance.name, bindingName);
    await expect(dialog).toContainText('its credentials are shown and downloaded only once');
    const [created] = await Promise.all([
      page.waitForResponse(
        (response) =>
          response.request().method() === 'POST' &&
          response.url().endsWith(`/service-instances/${instance.id}/bindings`),
      ),
      dialog.getByRole('button', { name: 'Create binding' }).click(),
    ]);
    const { credentials } = (await created.json()) as ServiceBindingWithCredentials;
    const token = credentials?.['token'];
    expect(typeof token === 'string' && token.startsWith('hvs.'), 'the broker’s token').toBe(true);
    const secret = token as string;

    // The one-time dialog: the file was saved as it opened; the value shows on request.
    const once = page.getByRole('alertdialog', { name: `Save the credentials of “${bindingName}” now` });
    await expect(once).toBeVisible();
    await expect(once).toContainText(`${bindingName}-credentials.txt`);
    await once.getByRole('button', { name: 'Show token' }).click();
    await expect(once.locator('code').filter({ hasText: secret })).toBeVisible();
    const done = once.getByRole('button', { name: 'Done' });
    await expect(done).toBeDisabled();
    await once.getByRole('checkbox', { name: 'I have saved these credentials in a safe place.' }).check();
    await done.click();
    await expect(once).toHaveCount(0);

    expect(downloads, 'downloads while the dialog was open').toHaveLength(1);
    const [file] = downloads;
    expect(file!.suggestedFilename()).toBe(`${bindingName}-credentials.txt`);
    expect(await readDownload(file!)).toContain(secret);

    // After a reload the credentials are nowhere: not in the page, not in the browser's storage.
    await page.reload();
    const item = bindingItem(page, bindingName);
    await expect(item).toContainText('Its credentials were delivered once, when it was created, and are not kept.');
    await expect(item.getByRole('button', { name: 'Credentials' })).toHaveCount(0);
    expect(await page.locator('html').textContent()).not.toContain(secret);
    const stored = await page.evaluate(browserStorageText);
    expect(stored.localStorage, 'localStorage').not.toContain(secret);
    expect(stored.sessionStorage, 'sessionStorage').not.toContain(secret);
    expect(stored.indexedDb, 'IndexedDB').not.toContain(secret);
    expect(stored.cacheStorage, 'Cache Storage').not.toContain(secret);
    expect(downloads, 'downloads after the reload').toHaveLength(1);
  },
);

/**
 * Everything the page's origin keeps in the browser as text: localStorage, sessionStorage, every
 * record of every IndexedDB database and every Cache Storage response. Runs in the page.
 */
async function browserStorageText(): Promise<
  Record<'localStorage' | 'sessionStorage' | 'indexedDb' | 'cacheStorage', string>
> {
  const storageText = (storage: Storage) => JSON.stringify(Object.entries(storage));
  const request = <T>(req: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  const records: unknown[] = [];
  for (const { name, version } of await indexedDB.databases()) {
    if (!name) continue;
    const open = indexedDB.open(name, version);
    const db = await request(open);
    for (const store of Array.from(db.objectStoreNames)) {
      const transaction = db.transaction(store, 'readonly');
      records.push(name, store, await request(transaction.objectStore(store).getAll()));
    }
    db.close();
  }
  const cached: string[] = [];
  for (const key of await caches.keys()) {
    const cache = await caches.open(key);
    for (const entry of await cache.keys()) {
      cached.push(entry.url, (await (await cache.match(entry))?.text()) ?? '');
    }
  }
  return {
    localStorage: storageText(localStorage),
    sessionStorage: storageText(sessionStorage),
    indexedDb: JSON.stringify(records),
    cacheStorage: cached.join('\n'),
  };
}

test('alice binds a Backup instance to one tenant after another', { tag: '@bindings' }, async ({ page }) => {
  const instance = await openNewInstance(page, { serviceName: 'backup', planName: 'standard' });
  const firstBinding = uniqueName('backup-frankfurt');

  // The picker offers exactly the project's tenants.
  let dialog = await startBinding(page, instance.name, firstBinding);
  const tenants = dialog.getByRole('radiogroup', { name: 'Tenant' }).getByRole('radio');
  await expect(tenants).toHaveCount(2);
  const frankfurt = dialog.getByRole('radio', { name: /^123456789012 aws · Frankfurt/ });
  const amsterdam = dialog.getByRole('radio', { name: /^likvid-payments-ams openstack · Amsterdam/ });
  await expect(frankfurt).toBeEnabled();
  await expect(amsterdam).toBeEnabled();
  await frankfurt.check();
  await dialog.getByRole('button', { name: 'Create binding' }).click();
  await expect(dialog).toHaveCount(0);
  const first = bindingItem(page, firstBinding);
  await expect(bindingStatus(first)).toContainText('Ready');
  await expect(first).toContainText('Tenant 123456789012 (aws, Frankfurt)');

  // The broker was told which tenant to bind.
  const binds = (await brokerRequests('global')).filter(
    (request) =>
      request.method === 'PUT' && request.path.includes(`/v2/service_instances/${instance.id}/service_bindings/`),
  );
  expect(binds).toHaveLength(1);
  expect(binds[0]!.body?.['bind_resource']).toEqual({ tenant_id: '123456789012', platform: 'eu-de-central.aws' });

  // A second binding: the bound tenant cannot be picked again.
  dialog = await startBinding(page, instance.name, uniqueName('backup-amsterdam'));
  await expect(tenants).toHaveCount(2);
  await expect(frankfurt).toBeDisabled();
  await expect(amsterdam).toBeEnabled();
  await expect(frankfurt).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
});

test(
  'alice sees when a short-lived Object Storage binding expires, without a warning from its creation on',
  { tag: '@bindings' },
  async ({ page }) => {
    const instance = await openNewInstance(page, {
      serviceName: 'object-storage',
      planName: 'short-lived',
      locationId: 'eu-de-central',
      parameters: { bucketName: uniqueName('ci-artifacts') },
    });
    const bindingName = uniqueName('ci-pipeline');

    const dialog = await startBinding(page, instance.name, bindingName);
    await expect(dialog).toContainText('Bindings of this plan expire 7 days after they are created');
    await dialog.getByRole('combobox', { name: /Role/ }).click();
    await page.getByRole('option', { name: 'storage.objectViewer' }).click();
    await dialog.getByRole('button', { name: 'Create binding' }).click();
    await expect(dialog).toHaveCount(0);

    const item = bindingItem(page, bindingName);
    await expect(bindingStatus(item)).toContainText('Ready');
    const bindingsResponse = await page.request.get(
      `/api/projects/likvid-payments/service-instances/${instance.id}/bindings`,
      {
        headers: { authorization: instance.authorization },
      },
    );
    const binding = ((await bindingsResponse.json()) as ServiceBinding[]).find(({ name }) => name === bindingName);
    expect(binding?.expiresAt, 'the binding’s expiry').toBeTruthy();
    // Counted from when the broker finished the binding, a moment after it was requested.
    const lifetime = Date.parse(binding!.expiresAt!) - Date.parse(binding!.createdAt);
    expect(lifetime).toBeGreaterThanOrEqual(7 * 24 * 60 * 60 * 1000);
    expect(lifetime).toBeLessThan(7 * 24 * 60 * 60 * 1000 + 60 * 1000);
    const expiryDate = await page.evaluate(
      (iso) => new Date(iso).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' }),
      binding!.expiresAt!,
    );
    await expect(item).toContainText(`Expires on ${expiryDate}`);
    // A 7-day binding is warned about in the last quarter of its life, not from its creation on.
    await expect(item).toContainText('(7 days left)');
    await expect(item).not.toContainText('Expires soon');
  },
);
