/**
 * Journey: bob, who is a member of one project only, sees nothing of alice's projects, neither
 * in the UI nor through the API with his own token.
 */
import { expect, signIn, test } from './support/fixtures.ts';
import { recordApiToken } from './support/platform-api.ts';

test('bob sees only his own project in the project switcher', async ({ page }) => {
  await signIn(page, 'bob', 'demo');

  await expect(page).toHaveURL(/\/projects\/acme-webshop\/marketplace/);
  await expect(page.getByText('Services for Web Shop (ACME Corp)')).toBeVisible();
  const switcher = page.getByRole('combobox', { name: 'Project' });
  await expect(switcher).toHaveText(/Web Shop/);

  await switcher.click();
  const projects = page.getByRole('listbox', { name: 'Project' });
  await expect(projects.getByRole('option')).toHaveText(['Web Shop']);
  await expect(projects.getByRole('group')).toHaveCount(1);
  await expect(page.getByText('Likvid Bank')).toHaveCount(0);
});

test('alice’s project is not found for bob, in the app and in the API', async ({ page }) => {
  const apiToken = recordApiToken(page);
  await signIn(page, 'bob', 'demo', '/projects/likvid-payments/marketplace');

  await expect(page.getByRole('heading', { name: 'Page not found', level: 1 })).toBeVisible();
  await expect(page.getByText('Payments')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Global services' })).toHaveCount(0);

  const headers = { authorization: apiToken() };
  // The same token opens bob's own project, so the 404s below are about membership.
  expect((await page.request.get('/api/projects/acme-webshop', { headers })).status()).toBe(200);
  for (const path of ['/api/projects/likvid-payments', '/api/projects/likvid-payments/service-instances']) {
    const response = await page.request.get(path, { headers });
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).not.toContain('Payments');
  }
  expect((await page.request.get('/api/projects/likvid-payments')).status()).toBe(401);
});

test('a reload keeps alice signed in without leaving for the sign-in page', async ({ page }) => {
  await signIn(page, 'alice', 'demo', '/projects/likvid-payments/instances');
  await expect(page.getByRole('heading', { name: 'Service instances' })).toBeVisible();
  const visited: string[] = [];
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame())
      visited.push(new URL(request.url()).pathname);
  });

  await page.reload();

  await expect(page.getByRole('heading', { name: 'Service instances' })).toBeVisible();
  expect(visited.filter((path) => path.startsWith('/oidc'))).toEqual([]);
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))).not.toMatch(/eyJ/);
});

test('the signed-out page starts without asking the provider, and signing in again works', async ({ page }) => {
  await signIn(page, 'alice', 'demo');
  await expect(page.getByRole('heading', { name: 'Marketplace', level: 1 })).toBeVisible();
  const discovery: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/.well-known/openid-configuration')) discovery.push(request.url());
  });

  await page.goto('/signed-out');

  await expect(page.getByRole('heading', { name: 'Signed out', level: 1 })).toBeVisible();
  expect(discovery).toEqual([]);
  // The provider still has alice's session, so signing in again comes straight back.
  await page.getByRole('button', { name: 'Sign in again' }).click();
  await expect(page.getByRole('heading', { name: 'Marketplace', level: 1 })).toBeVisible();
  expect(discovery.length).toBeGreaterThan(0);
});

test('a signed-out start leaves for the provider before the app starts, and comes back to the page asked for', async ({
  page,
}) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));

  await page.goto('/projects/acme-webshop/marketplace?search=sql');
  await expect(page.getByRole('heading', { name: /^Sign in to / })).toBeVisible();

  // Neither the app nor the OpenID client started: only main's few small scripts were loaded,
  // and nobody fetched the provider's keys, which the client loads with its discovery document.
  expect(requested.filter((path) => path.endsWith('.js')).length).toBeLessThan(10);
  expect(requested).not.toContain('/oidc/jwks');
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))).not.toMatch(/eyJ/);

  await page.getByLabel('Username', { exact: true }).fill('bob');
  await page.getByLabel('Password', { exact: true }).fill('demo');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/projects\/acme-webshop\/marketplace\?search=sql$/);
  await expect(page.getByText('Services for Web Shop (ACME Corp)')).toBeVisible();
});
