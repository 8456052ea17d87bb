/**
 * Journey: the main pages pass axe's accessibility rules (WCAG 2.1 A and AA, colour contrast
 * included) once their content has loaded, in the light and in the dark colour scheme.
 */
import { expectNoViolations } from './support/axe.ts';
import { expect, openFromNavigation, signIn, test } from './support/fixtures.ts';
import { openNewInstance } from './support/new-instance.ts';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in the ${colorScheme} colour scheme`, () => {
    test.use({ colorScheme });

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

    test('an instance page has no accessibility violations', async ({ page }) => {
      await openNewInstance(page, {
        serviceName: 'dns-zone',
        planName: 'free',
        namePrefix: 'e2e-a11y',
        parameters: { zoneName: 'a11y.likvid-bank.example' },
      });
      await expect(page.getByRole('status').filter({ has: page.locator('mp-instance-status') })).toContainText('Ready');
      await expect(page.getByRole('progressbar')).toHaveCount(0);
      await expectNoViolations(page);
      // Only the main area scrolls: nothing on the page (such as text for screen readers below the
      // fold) stretches the document and gives it a second scroll bar.
      const documentOverflow = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
      expect(documentOverflow).toBeLessThanOrEqual(0);
    });
  });
}
