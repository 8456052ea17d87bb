/**
 * Journeys of the parameter forms: a secret parameter (the admin-user plan of PostgreSQL) that is
 * masked while typed, shown only as set in the review, the instance and the update, reaches the
 * broker but no page, no API response and no database file; and a review in words that names the
 * project, the plan and its cost and the options chosen.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { brokerRequests } from './support/demo-broker.ts';
import { expect, signIn, test } from './support/fixtures.ts';

/** Every response body the browser receives from the platform from now on. */
function recordResponses(page: Page): string[] {
  const bodies: string[] = [];
  page.on('response', async (response) => {
    try {
      bodies.push(await response.text());
    } catch {
      // Redirects and aborted requests have no body.
    }
  });
  return bodies;
}

/**
 * The platform's database files below the data directory whose bytes contain the text (the demo
 * broker keeps its own state there too: a broker stores what it receives, the platform must not).
 */
async function databaseFilesContaining(directory: string, text: string): Promise<string[]> {
  const needle = Buffer.from(text, 'utf8');
  const found: string[] = [];
  for (const entry of await readdir(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name !== 'demo-broker-state.json') {
      const file = join(entry.parentPath, entry.name);
      if ((await readFile(file)).includes(needle)) found.push(file);
    }
  }
  return found;
}

test(
  'a secret parameter is masked, reaches the broker and is kept out of every page, response and row',
  { tag: '@forms' },
  async ({ page }) => {
    test.slow();
    const secret = `Tr0ub4dor-${Date.now().toString(36)}-horse`;
    const newSecret = `${secret}-rotated`;
    const instanceName = `ledger-db-${Date.now().toString(36)}`;
    const bodies = recordResponses(page);
    const pagesShown: string[] = [];
    const remember = async () => pagesShown.push(await page.content());

    await signIn(page, 'alice', 'demo', '/projects/likvid-payments/marketplace');
    await page
      .getByRole('region', { name: /Local services/ })
      .getByRole('link', { name: 'PostgreSQL', exact: true })
      .click();
    await page.getByRole('link', { name: 'Order' }).click();
    const step = (name: string) => page.getByRole('region', { name, exact: true });
    await step('Location').getByRole('button', { name: 'Next' }).click();
    await step('Plan').getByRole('radio', { name: 'Admin User' }).check();
    await step('Plan').getByRole('button', { name: 'Next' }).click();
    await step('Name').getByRole('textbox', { name: 'Instance name' }).fill(instanceName);
    await step('Name').getByRole('button', { name: 'Next' }).click();

    const password = page.getByLabel(/Administrator password/);
    await expect(password).toHaveAttribute('type', 'password');
    await password.fill(secret);
    await page.getByRole('button', { name: 'Show the value while typing' }).first().click();
    await expect(password).toHaveAttribute('type', 'text');
    await page.getByRole('button', { name: 'Show the value while typing' }).first().click();
    await expect(password).toHaveAttribute('type', 'password');
    await step('Parameters').getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Skip', exact: true }).click();

    const review = step('Review');
    await expect(review).toContainText('Administrator password');
    await expect(review).toContainText('(set, hidden)');
    await review.getByRole('button', { name: 'Show JSON' }).click();
    await expect(review).toContainText('"adminUser": "admin"');
    await expect(review).not.toContainText(secret);
    await remember();
    await review.getByRole('button', { name: 'Order', exact: true }).click();

    await expect(page).toHaveURL(/\/projects\/likvid-payments\/instances\/[^/]+$/);
    const instanceId = page.url().split('/').pop()!;
    await expect(page.getByRole('heading', { name: instanceName, level: 1 })).toBeVisible();
    const parameters = page.getByRole('region', { name: 'Parameters' });
    await expect(parameters).toContainText('Administrator password');
    await expect(parameters).toContainText('(set, hidden)');
    await remember();

    const brokerCalls = async (method: string) =>
      (await brokerRequests('locations/eu-de-central')).filter(
        (request) => request.method === method && request.path.endsWith(`/v2/service_instances/${instanceId}`),
      );
    const [provision] = await brokerCalls('PUT');
    expect(provision?.body?.['parameters']).toMatchObject({ adminUser: 'admin', adminPassword: secret });

    // An update that does not touch the secret leaves it out.
    await page.getByRole('button', { name: 'Change' }).click();
    const updatePassword = page.getByLabel(/Administrator password/);
    await expect(updatePassword).toHaveValue('');
    await expect(updatePassword).toHaveAttribute('placeholder', /Set \(hidden\)/);
    await page.getByRole('textbox', { name: 'Comment' }).fill('ledger of the payments team');
    const changes = page.getByRole('region', { name: 'Your changes' });
    await expect(changes).toContainText('Comment');
    await remember();
    await page.getByRole('button', { name: 'Apply changes' }).click();
    await expect(page).toHaveURL(new RegExp(`/instances/${instanceId}$`));
    await expect(parameters).toContainText('ledger of the payments team');
    await expect.poll(async () => (await brokerCalls('PATCH')).length).toBe(1);
    expect((await brokerCalls('PATCH'))[0]!.body?.['parameters']).toEqual({ comment: 'ledger of the payments team' });

    // A new secret typed in an update is sent, and again shown only as set.
    await page.getByRole('button', { name: 'Change' }).click();
    await page.getByLabel(/Administrator password/).fill(newSecret);
    await expect(changes).toContainText('Administrator password');
    await expect(changes).not.toContainText(newSecret);
    await remember();
    await page.getByRole('button', { name: 'Apply changes' }).click();
    await expect(page).toHaveURL(new RegExp(`/instances/${instanceId}$`));
    await expect.poll(async () => (await brokerCalls('PATCH')).length).toBe(2);
    expect((await brokerCalls('PATCH'))[1]!.body?.['parameters']).toEqual({ adminPassword: newSecret });
    await page.reload();
    await expect(parameters).toContainText('(set, hidden)');
    await remember();

    const dataDir = process.env['E2E_DATA_DIR']!;
    expect((await readdir(dataDir, { recursive: true })).length, 'the database has files to search').toBeGreaterThan(
      10,
    );
    for (const value of [secret, newSecret]) {
      expect(
        pagesShown.filter((html) => html.includes(value)),
        'pages showing the secret',
      ).toEqual([]);
      expect(
        bodies.filter((body) => body.includes(value)),
        'responses holding the secret',
      ).toEqual([]);
      expect(await databaseFilesContaining(dataDir, value), 'database files holding the secret').toEqual([]);
    }
  },
);

test(
  'the review names the project, the plan and its cost and the options chosen, in words',
  { tag: '@forms' },
  async ({ page }) => {
    await signIn(page, 'alice', 'demo', '/projects/likvid-payments/marketplace');
    await page.getByRole('link', { name: 'API Gateway', exact: true }).click();
    await page.getByRole('link', { name: 'Order' }).click();
    const step = (name: string) => page.getByRole('region', { name, exact: true });
    await step('Plan').getByRole('radio', { name: 'Standard' }).check();
    await step('Plan').getByRole('button', { name: 'Next' }).click();
    await step('Name')
      .getByRole('textbox', { name: 'Instance name' })
      .fill(`review-${Date.now().toString(36)}`);
    await step('Name').getByRole('button', { name: 'Next' }).click();
    await page.getByRole('combobox', { name: /Service Type/ }).click();
    await page.getByRole('option', { name: 'External' }).click();
    await page.getByRole('textbox', { name: /External Registration Number/ }).fill('12345');
    await step('Parameters').getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Skip', exact: true }).click();

    const review = step('Review');
    const entry = (label: string) =>
      review.locator('.mp-pv__entry').filter({ has: page.getByText(label, { exact: true }) });
    await expect(entry('Service Type')).toHaveText(/Service Type\s*External/);
    await expect(entry('External Registration Number')).toContainText('12345');
    await expect(review.locator('dt', { hasText: 'Project' }).locator('+ dd')).toHaveText('Payments');
    await expect(review).toContainText('Standard');
    await expect(review).toContainText('€49.00 per month');
    await expect(review).not.toContainText('"serviceType"');
    await review.getByRole('button', { name: 'Show JSON' }).click();
    await expect(review).toContainText('"serviceType": "ext"');
  },
);

test('broker authors preview a plan’s parameter forms from the service page', { tag: '@forms' }, async ({ page }) => {
  await signIn(page, 'alice', 'demo', '/projects/likvid-payments/marketplace');
  await page.getByRole('link', { name: 'API Gateway', exact: true }).click();
  await page.getByRole('link', { name: 'Preview the parameter forms of Standard' }).click();

  await expect(page.getByRole('heading', { name: 'Preview parameter forms', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'api-gateway / standard' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Provision' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Update' })).toBeVisible();
  await page
    .getByRole('combobox', { name: /Service Type/ })
    .first()
    .click();
  await page.getByRole('option', { name: 'External' }).click();
  await page.getByRole('textbox', { name: /External Registration Number/ }).fill('12345');
  await expect(page.locator('.mp-schema-preview__output pre').first()).toContainText(
    '"externalRegistrationNumber": "12345"',
  );

  // A pasted schema replaces the plan's.
  await page
    .getByRole('textbox', { name: /Parameters schema or OSB catalog/ })
    .fill('{"type": "object", "properties": {"size": {"type": "integer", "title": "Size", "minimum": 1}}}');
  await expect(page.getByRole('heading', { name: 'Pasted schema' })).toBeVisible();
  await page.getByRole('spinbutton', { name: /Size/ }).fill('0');
  await page.getByRole('spinbutton', { name: /Size/ }).blur();
  await expect(page.getByText('Must be 1 or more.')).toBeVisible();
  await expect(page.getByText('Not valid yet')).toBeVisible();
});
