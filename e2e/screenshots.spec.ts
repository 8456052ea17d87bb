/**
 * Screenshots of the main pages for the README, written to docs/screenshots/. Runs only with
 * SCREENSHOTS=1: `SCREENSHOTS=1 npx playwright test e2e/screenshots.spec.ts`.
 */
import { join } from 'node:path';

import { repositoryRoot } from './support/platform.ts';
import { expect, signIn, test } from './support/fixtures.ts';

import type { Page } from '@playwright/test';

const screenshotsDir = join(repositoryRoot, 'docs', 'screenshots');

test.skip(process.env['SCREENSHOTS'] !== '1', 'screenshots are taken only with SCREENSHOTS=1');
test.use({ viewport: { width: 1280, height: 800 } });

/** Saves the viewport, with the pointer moved off the content so that nothing shows a hover. */
async function capture(page: Page, name: string): Promise<void> {
  await page.mouse.move(1279, 799);
  await page.screenshot({ path: join(screenshotsDir, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

test('marketplace, service page and order form', async ({ page }) => {
  await signIn(page, 'alice', 'demo', '/projects/likvid-payments/marketplace');
  await expect(page.getByRole('link', { name: 'PostgreSQL', exact: true })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Project' })).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await capture(page, 'marketplace');

  await page.getByRole('link', { name: 'API Gateway', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'API Gateway', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Dedicated' })).toBeVisible();
  await capture(page, 'service');

  await page.getByRole('link', { name: 'Order' }).click();
  const step = (name: string) => page.getByRole('region', { name, exact: true });
  await step('Plan').getByRole('radio', { name: 'Dedicated' }).check();
  await step('Plan').getByRole('button', { name: 'Next' }).click();
  await step('Name').getByRole('textbox', { name: 'Instance name' }).fill('payments-gateway');
  await step('Name').getByRole('button', { name: 'Next' }).click();
  await page.getByRole('combobox', { name: /Service Type/ }).click();
  await page.getByRole('option', { name: 'External' }).click();
  await page.getByRole('textbox', { name: /External Registration Number/ }).fill('12345');
  await page.getByRole('heading', { name: 'Order API Gateway', level: 1 }).scrollIntoViewIfNeeded();
  await expect(page.getByRole('textbox', { name: /External Registration Number/ })).toHaveAttribute(
    'aria-invalid',
    'false',
  );
  await capture(page, 'order');
});

test.describe('in German and dark', () => {
  test.use({ locale: 'de-DE', colorScheme: 'dark' });

  test('marketplace and service page', async ({ page }) => {
    await signIn(page, 'alice', 'demo', '/projects/likvid-payments/marketplace', 'de');
    await expect(page.getByRole('link', { name: 'PostgreSQL', exact: true })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Projekt' })).toBeVisible();
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    await capture(page, 'marketplace-de-dark');

    await page.getByRole('link', { name: 'API Gateway', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'API Gateway', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Dedicated' })).toBeVisible();
    await capture(page, 'service-de-dark');
  });
});

test('the marketplace embedded in the demo portal', async ({ page }) => {
  await page.goto('/portal/');
  await page.getByLabel('Username', { exact: true }).fill('alice');
  await page.getByLabel('Password', { exact: true }).fill('demo');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page
    .getByRole('navigation', { name: 'Portal' })
    .getByRole('link', { name: 'Marketplace', exact: true })
    .click();
  const element = page.locator('osb-marketplace');
  await expect(element.getByRole('link', { name: 'PostgreSQL', exact: true })).toBeVisible();
  await expect(element.getByRole('progressbar')).toHaveCount(0);
  await capture(page, 'portal');
});
