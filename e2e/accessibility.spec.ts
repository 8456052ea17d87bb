/**
 * Journey: the main pages pass axe's accessibility rules (WCAG 2.1 A and AA) once their
 * content has loaded.
 */
import { expectNoViolations } from './support/axe.ts';
import { expect, openFromNavigation, signIn, test } from './support/fixtures.ts';

import type { Page } from '@playwright/test';

test('the marketplace and a service page have no accessibility violations', async ({ page }) => {
  await signIn(page, 'alice', 'demo', '/projects/likvid-payments/marketplace');
  await expect(page.getByRole('link', { name: 'API Gateway', exact: true })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Project' })).toBeVisible();
  await expectNoViolations(page);

  await page.getByRole('link', { name: 'PostgreSQL', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'PostgreSQL', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'General Purpose' })).toBeVisible();
  await expectNoViolations(page);
});

test('the order form and the instances page have no accessibility violations', async ({ page }) => {
  await signIn(page, 'alice', 'demo', '/projects/likvid-payments/marketplace');
  await page.getByRole('link', { name: 'API Gateway', exact: true }).click();
  await page.getByRole('link', { name: 'Order' }).click();
  await expect(page.getByRole('heading', { name: 'Order API Gateway', level: 1 })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Standard' })).toBeVisible();
  await expectNoViolations(page);

  await openFromNavigation(page, 'Instances');
  await expect(page.getByRole('heading', { name: 'Service instances', level: 1 })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Loading the instances' })).toHaveCount(0);
  await expectNoViolations(page);
});
