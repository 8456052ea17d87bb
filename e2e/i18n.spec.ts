/**
 * Journey: a user whose browser speaks German signs in, browses, orders an API Gateway and
 * binds it with every label, button, validation message, status and cost in German; then
 * chooses English in the user menu and sees English after the reload, and on later visits.
 */
import type { Page } from '@playwright/test';

import { expect, signIn, test } from './support/fixtures.ts';
import { uniqueName } from './support/platform-api.ts';

test.use({ locale: 'de-DE' });

/** A step of the order form, by its heading. */
function step(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true });
}

test(
  'a German-speaking user orders and binds in German, then switches to English',
  { tag: '@i18n' },
  async ({ page }) => {
    test.slow();
    const instanceName = uniqueName('e2e-gateway-de');
    const bindingName = uniqueName('zahlungen');

    // The development sign-in page follows the browser's language.
    await signIn(page, 'alice', 'demo', '/projects/likvid-payments/marketplace', 'de');

    // Browse: the marketplace and a service with its costs in German.
    await expect(page.getByRole('heading', { name: 'Marktplatz', level: 1 })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page).toHaveTitle(/Marktplatz/);
    await expect(
      page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Instanzen' }),
    ).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Globale Dienste' })).toBeVisible();
    await expect(page.getByLabel('Dienste durchsuchen')).toBeVisible();
    await page.getByRole('link', { name: 'API Gateway', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'API Gateway', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Pläne' })).toBeVisible();
    await expect(page.getByText('49,00 € pro Monat').first()).toBeVisible();
    await expect(page.getByText('1,20 € pro Stunde').first()).toBeVisible();

    // Order: steps, validation messages and the review in German.
    await page.getByRole('link', { name: 'Bestellen' }).click();
    await expect(page.getByRole('heading', { name: 'API Gateway bestellen', level: 1 })).toBeVisible();
    await step(page, 'Plan').getByRole('radio', { name: 'Standard' }).check();
    await step(page, 'Plan').getByRole('button', { name: 'Weiter' }).click();

    const nameField = step(page, 'Name').getByRole('textbox', { name: 'Name der Instanz' });
    await nameField.focus();
    await nameField.blur();
    await expect(step(page, 'Name').getByText('Geben Sie der Instanz einen Namen.')).toBeVisible();
    await nameField.fill(instanceName);
    await step(page, 'Name').getByRole('button', { name: 'Weiter' }).click();

    await page.getByRole('combobox', { name: /Service Type/ }).click();
    await page.getByRole('option', { name: 'External' }).click();
    const registration = page.getByRole('textbox', { name: /External Registration Number/ });
    await registration.fill('12a');
    await registration.blur();
    await expect(page.getByText('Der Wert hat nicht die erwartete Form').first()).toBeVisible();
    await expect(page.getByText('^[0-9]{5}$')).toHaveCount(0);
    await registration.fill('12345');
    await step(page, 'Parameter').getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('button', { name: 'Überspringen', exact: true }).click();

    const review = step(page, 'Überprüfen');
    await expect(review).toContainText('49,00 € pro Monat');
    await expect(review).toContainText(instanceName);
    await review.getByRole('button', { name: 'Bestellen', exact: true }).click();

    // The instance: status, dates and actions in German.
    await expect(page.getByRole('heading', { name: instanceName, level: 1 })).toBeVisible();
    await expect(page.getByRole('status').filter({ has: page.locator('mp-instance-status') })).toContainText('Bereit');
    await expect(page.getByText(/^Gestartet von .*, (jetzt|vor \d+ (Sekunden|Minuten?))$/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Ändern' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Löschen' })).toBeVisible();
    // The way back names the list as the navigation does.
    await expect(page.getByRole('main').getByRole('link', { name: 'Instanzen', exact: true })).toBeVisible();

    // Bind: the dialog, its validation and the binding's status in German.
    await page.getByRole('button', { name: 'Bindung anlegen' }).click();
    const dialog = page.getByRole('dialog', { name: `Bindung für „${instanceName}“ anlegen` });
    await dialog.getByRole('button', { name: 'Bindung anlegen' }).click();
    await expect(dialog.getByText('Geben Sie einen Namen ein.')).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Name der Bindung' }).fill(bindingName);
    await dialog.getByRole('button', { name: 'Bindung anlegen' }).click();
    await expect(dialog).toHaveCount(0);
    const binding = page
      .getByRole('list', { name: 'Bindungen', exact: true })
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: bindingName, level: 3 }) });
    await expect(binding.getByRole('status').filter({ has: page.locator('mp-binding-status') })).toContainText(
      'Bereit',
    );
    await expect(binding.getByRole('list', { name: `Zugangsdaten von ${bindingName}` })).toBeVisible();
    await expect(binding.getByText('verborgen').first()).toBeVisible();

    // English from the user menu: the page starts again in English, and stays English.
    await page.getByRole('button', { name: /^Konto von / }).click();
    await expect(page.getByRole('menuitemradio', { name: 'Deutsch' })).toHaveAttribute('aria-checked', 'true');
    await page.getByRole('menuitemradio', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: instanceName, level: 1 })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('button', { name: 'Create binding' })).toBeVisible();
    await expect(page.getByRole('status').filter({ has: page.locator('mp-instance-status') })).toContainText('Ready');
    await page.reload();
    await expect(page.getByRole('button', { name: 'Create binding' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Instances' })).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: 'Instances', exact: true })).toBeVisible();
  },
);

test('the signed-out page shows its text in German before the app starts', { tag: '@i18n' }, async ({ page }) => {
  // The app cannot start without its configuration: what shows meanwhile comes from index.html.
  let releaseConfig!: () => void;
  const configHeld = new Promise<void>((resolve) => (releaseConfig = resolve));
  await page.route('**/config.json', async (route) => {
    await configHeld;
    await route.continue();
  });

  await page.goto('/signed-out');

  await expect(page.getByRole('heading', { name: 'Abgemeldet', level: 1 })).toBeVisible();
  await expect(page.getByText('Sie haben sich vom Marktplatz abgemeldet.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Erneut anmelden' })).toHaveCount(0);

  releaseConfig();
  await expect(page.getByRole('button', { name: 'Erneut anmelden' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByText('Sie haben sich vom Marktplatz abgemeldet.')).toHaveCount(1);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the order review keeps its values readable in German', { tag: '@i18n' }, async ({ page }) => {
    await signIn(page, 'alice', 'demo', '/projects/likvid-payments/marketplace', 'de');
    await page.getByRole('link', { name: 'API Gateway', exact: true }).click();
    await page.getByRole('link', { name: 'Bestellen' }).click();
    await step(page, 'Plan').getByRole('radio', { name: 'Standard' }).check();
    await step(page, 'Plan').getByRole('button', { name: 'Weiter' }).click();
    await step(page, 'Name').getByRole('textbox', { name: 'Name der Instanz' }).fill(uniqueName('e2e-phone-review'));
    await step(page, 'Name').getByRole('button', { name: 'Weiter' }).click();
    await step(page, 'Parameter').getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('button', { name: 'Überspringen', exact: true }).click();

    const review = step(page, 'Überprüfen');
    await expect(review.getByRole('button', { name: 'Bestellen', exact: true })).toBeVisible();
    // Each value has at least half of the review's width ("Kommt pro Monat hinzu" stays narrower) and fits in it.
    const { list, values } = await review
      .locator('dl')
      .first()
      .evaluate((dl) => ({
        list: dl.clientWidth,
        values: Array.from(dl.querySelectorAll(':scope > dd'), (dd) => ({
          text: dd.textContent?.trim().slice(0, 30),
          width: dd.clientWidth,
          overflow: dd.scrollWidth - dd.clientWidth,
        })),
      }));
    for (const value of values) {
      expect(value.width, `the width of “${value.text}”`).toBeGreaterThanOrEqual(list / 2);
      expect(value.overflow, `how far “${value.text}” overflows`).toBeLessThanOrEqual(0);
    }
  });
});
