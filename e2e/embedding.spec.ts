/**
 * Journeys: the marketplace embedded as the <osb-marketplace> element, in the demo host portal
 * (its own sign-in, navigation and project selector) and in a plain HTML page; and what the
 * element does when the platform refuses the host's token.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { Download, Page } from '@playwright/test';
import { SignJWT, importJWK, type JWK } from 'jose';

import type { ServiceBindingWithCredentials } from '@osb/api';
import { expectNoViolations } from './support/axe.ts';
import { expect, test } from './support/fixtures.ts';
import { orderInstance, recordApiToken, uniqueName } from './support/platform-api.ts';

/** Signs alice in at the portal (the development OpenID provider, as the portal's client). */
async function signInAtPortal(page: Page): Promise<void> {
  await page.goto('/portal/');
  await expect(page.getByRole('heading', { name: /^Sign in to / })).toBeVisible();
  await page.getByLabel('Username', { exact: true }).fill('alice');
  await page.getByLabel('Password', { exact: true }).fill('demo');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
}

/** The portal's own frame, which must stay in place on every page. */
async function expectPortalFrame(page: Page): Promise<void> {
  await expect(page.getByRole('banner').getByText('meshPanel Demo')).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Marketplace' }),
  ).toBeVisible();
}

test('alice uses the marketplace inside the demo portal', { tag: '@embedding' }, async ({ page }) => {
  // Real asynchronous broker operations run in here.
  test.slow();
  const visited: string[] = [];
  page.on(
    'request',
    (request) => request.isNavigationRequest() && request.frame() === page.mainFrame() && visited.push(request.url()),
  );
  const apiToken = recordApiToken(page);
  const portalNav = page.getByRole('navigation', { name: 'Portal' });

  await signInAtPortal(page);
  await portalNav.getByRole('link', { name: 'Marketplace', exact: true }).click();
  const element = page.locator('osb-marketplace');
  await expect(element.getByRole('heading', { name: 'Marketplace', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/portal\/marketplace\/?$/);
  await expectPortalFrame(page);
  await expect(element.getByRole('link', { name: 'API Gateway', exact: true })).toBeVisible();
  // The section's own page adds no second crumb of the same name ("Marketplace › Marketplace").
  await expect(page.getByRole('navigation', { name: 'Breadcrumbs' })).toHaveText('Marketplace');
  await expect(portalNav.getByRole('link', { name: 'Marketplace', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expectNoViolations(page);

  // A service page is a deep link below the portal's marketplace section.
  await element.getByRole('link', { name: 'API Gateway', exact: true }).click();
  await expect(element.getByRole('heading', { name: 'API Gateway', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/portal\/marketplace\/services\/[^/]+$/);
  await expect(page.getByTestId('breadcrumb')).toHaveText('API Gateway');
  const servicePage = page.url();
  await page.reload();
  await expect(element.getByRole('heading', { name: 'API Gateway', level: 1 })).toBeVisible();
  expect(page.url()).toBe(servicePage);
  await expectPortalFrame(page);

  // Back and forward.
  await page.goBack();
  await expect(element.getByRole('heading', { name: 'Marketplace', level: 1 })).toBeVisible();
  await page.goForward();
  await expect(element.getByRole('heading', { name: 'API Gateway', level: 1 })).toBeVisible();

  // Order the asynchronous plan and follow it to Ready; the host hears when the operation ends.
  await element.evaluate((node) => {
    const finished: unknown[] = [];
    node.addEventListener('osb-operation-finished', (event) => finished.push((event as CustomEvent).detail));
    Object.assign(window, { operationsFinished: finished });
  });
  const instanceName = uniqueName('portal-gateway');
  await element.getByRole('link', { name: 'Order' }).click();
  await expect(element.getByRole('heading', { name: 'Order API Gateway', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/portal\/marketplace\/services\/[^/]+\/order$/);
  const step = (name: string) => element.getByRole('region', { name, exact: true });
  await step('Plan').getByRole('radio', { name: 'Dedicated' }).check();
  await step('Plan').getByRole('button', { name: 'Next' }).click();
  await step('Name').getByRole('textbox', { name: 'Instance name' }).fill(instanceName);
  await step('Name').getByRole('button', { name: 'Next' }).click();
  await element.getByRole('combobox', { name: /Service Type/ }).click();
  await page.getByRole('option', { name: 'External' }).click();
  await element.getByRole('textbox', { name: /External Registration Number/ }).fill('12345');
  await step('Parameters').getByRole('button', { name: 'Next' }).click();
  await element.getByRole('button', { name: 'Skip', exact: true }).click();
  await step('Review').getByRole('button', { name: 'Order', exact: true }).click();
  await expect(element.getByRole('heading', { name: instanceName, level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/portal\/marketplace\/instances\/[^/]+$/);
  const status = element.getByRole('status').filter({ has: page.locator('mp-instance-status') });
  await expect(status).toContainText('Ready');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { operationsFinished: unknown[] }).operationsFinished))
    .toContainEqual(
      expect.objectContaining({ kind: 'instance', name: instanceName, operation: 'create', state: 'succeeded' }),
    );
  await expectPortalFrame(page);

  // The portal links to the element's instances page; switching the portal's project moves the element along.
  await portalNav.getByRole('link', { name: 'Service instances' }).click();
  await expect(element.getByRole('heading', { name: 'Service instances', level: 1 })).toBeVisible();
  // Only the instances' entry is marked, not the marketplace's, whose address it is below.
  await expect(portalNav.locator('[aria-current="page"], .portal-nav__active')).toHaveText(['Service instances']);
  await expect(element.getByRole('link', { name: instanceName })).toBeVisible();
  const mobileInstances = page.waitForRequest((request) =>
    request.url().includes('/api/projects/likvid-mobile/service-instances'),
  );
  await page.getByRole('combobox', { name: 'Project' }).click();
  await page.getByRole('option', { name: /Mobile App/ }).click();
  await mobileInstances;
  await expect(element.getByRole('heading', { name: 'Service instances', level: 1 })).toBeVisible();
  await expect(element.getByRole('link', { name: instanceName })).toHaveCount(0);
  await expect(page).toHaveURL(/\/portal\/marketplace\/instances$/);

  // A sensitive binding delivers its credentials once.
  const vault = await orderInstance(page, apiToken(), {
    projectId: 'likvid-mobile',
    serviceName: 'secrets-vault',
    planName: 'standard',
    name: uniqueName('portal-vault'),
  });
  await page.reload();
  await element.getByRole('link', { name: vault.name }).click();
  await expect(element.getByRole('heading', { name: vault.name, level: 1 })).toBeVisible();
  const downloads: Download[] = [];
  page.on('download', (download) => downloads.push(download));
  const bindingName = uniqueName('portal-vault-binding');
  await element.getByRole('button', { name: 'Create binding' }).click();
  const dialog = page.getByRole('dialog', { name: `Create a binding for “${vault.name}”` });
  await dialog.getByRole('textbox', { name: 'Binding name' }).fill(bindingName);
  const [created] = await Promise.all([
    page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' && response.url().endsWith(`/service-instances/${vault.id}/bindings`),
    ),
    dialog.getByRole('button', { name: 'Create binding' }).click(),
  ]);
  const secret = String(((await created.json()) as ServiceBindingWithCredentials).credentials?.['token']);
  const once = page.getByRole('alertdialog', { name: `Save the credentials of “${bindingName}” now` });
  await expect(once).toBeVisible();
  await once.getByRole('checkbox', { name: 'I have saved these credentials in a safe place.' }).check();
  await once.getByRole('button', { name: 'Done' }).click();
  await expect(once).toHaveCount(0);
  expect(downloads).toHaveLength(1);
  expect(await readFile(await downloads[0]!.path(), 'utf8')).toContain(secret);
  await expectPortalFrame(page);

  // The marketplace's own sign-in never appeared: only the portal's client signed in.
  const signIns = visited.filter((url) => url.includes('/oidc/auth') && new URL(url).searchParams.has('client_id'));
  expect(signIns.length).toBeGreaterThan(0);
  expect(signIns.every((url) => new URL(url).searchParams.get('client_id') === 'osb-demo-portal')).toBe(true);
  expect(visited.filter((url) => !url.includes('/portal/') && !url.includes('/oidc/'))).toEqual([]);
});

/** Opens the plain HTML host page (fixtures/embedding), which hands the element `token`. */
async function openPlainHost(page: Page, baseURL: string, token: string, lang = 'en'): Promise<void> {
  await page.addInitScript((hostToken) => Object.assign(window, { hostToken }), token);
  await page.goto(`${plainHostURL()}/plain/marketplace?platform=${encodeURIComponent(baseURL)}&lang=${lang}`);
}

/** Where the global setup serves the plain host page. */
function plainHostURL(): string {
  const url = process.env['E2E_PLAIN_HOST_URL'];
  if (!url) throw new Error('E2E_PLAIN_HOST_URL is not set: run the tests through playwright.config.ts');
  return url;
}

test(
  'a plain HTML page embeds the marketplace with a token it hands over',
  { tag: '@embedding' },
  async ({ page, baseURL }) => {
    const apiToken = recordApiToken(page);
    await signInAtPortal(page);
    await page
      .getByRole('navigation', { name: 'Portal' })
      .getByRole('link', { name: 'Marketplace', exact: true })
      .click();
    await expect(page.locator('osb-marketplace').getByRole('heading', { name: 'Marketplace', level: 1 })).toBeVisible();
    const token = apiToken().replace(/^Bearer /, '');

    await openPlainHost(page, baseURL!, token);
    const element = page.locator('osb-marketplace');
    await expect(element.getByRole('heading', { name: 'Marketplace', level: 1 })).toBeVisible();
    // The host's hostile CSS stays outside: the element's heading keeps its case and colour.
    const heading = element.getByRole('heading', { name: 'Marketplace', level: 1 });
    await expect(heading).toHaveCSS('text-transform', 'none');
    await expect(page.getByRole('heading', { name: 'Plain host' })).toHaveCSS('text-transform', 'uppercase');

    await element.getByRole('link', { name: 'Secrets Vault', exact: true }).click();
    await expect(element.getByRole('heading', { name: 'Secrets Vault', level: 1 })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`^${plainHostURL()}/plain/marketplace/services/[^/]+$`));
    await expect(page).toHaveTitle('Secrets Vault · Plain host');
    await page.reload();
    await expect(element.getByRole('heading', { name: 'Secrets Vault', level: 1 })).toBeVisible();

    // In German, with the translations from the platform.
    await openPlainHost(page, baseURL!, token, 'de');
    await expect(element.getByRole('heading', { name: 'Marktplatz', level: 1 })).toBeVisible();
  },
);

/** An access token the development OpenID provider's key signs, for a client the platform does not accept. */
async function tokenOfUnknownClient(baseURL: string): Promise<string> {
  const keyFile = JSON.parse(await readFile(join(process.env['E2E_DATA_DIR']!, 'dev-oidc-keys.json'), 'utf8')) as {
    keys: JWK[];
  };
  const jwk = keyFile.keys[0]!;
  return new SignJWT({ sub: 'alice', client_id: 'unknown-client', scope: 'openid' })
    .setProtectedHeader({ alg: 'RS256', kid: jwk.kid, typ: 'at+jwt' })
    .setIssuer(`${baseURL}/oidc`)
    .setAudience('osb-marketplace-api')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(await importJWK(jwk, 'RS256'));
}

test(
  'a token of a client the platform does not accept: 401, and the element asks the host',
  { tag: '@embedding' },
  async ({ page, baseURL }) => {
    const token = await tokenOfUnknownClient(baseURL!);
    const refused = await page.request.get('/api/me', { headers: { Authorization: `Bearer ${token}` } });
    expect(refused.status()).toBe(401);

    const tokenRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(`${baseURL}/api/`) && request.headers()['authorization'])
        tokenRequests.push(request.url());
    });
    await openPlainHost(page, baseURL!, token);
    await expect(page.locator('body')).toHaveAttribute('data-auth-required', 'true');
    // A refused request was sent twice: with the token, and once more after asking the host again.
    expect(tokenRequests.some((url, index) => tokenRequests.indexOf(url) !== index)).toBe(true);
  },
);
