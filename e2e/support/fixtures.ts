/**
 * The end-to-end test API: Playwright's `test` and `expect`, plus `signIn` through the
 * development OpenID provider's real login page.
 */
import { expect, test, type Page } from '@playwright/test';

export { expect, test };

/** The development sign-in page's texts in the browser's language. */
const SIGN_IN_PAGE = {
  en: { heading: /^Sign in to /, username: 'Username', password: 'Password', button: 'Sign in' },
  de: { heading: /^Bei .* anmelden$/, username: 'Benutzername', password: 'Passwort', button: 'Anmelden' },
} as const;

/**
 * Opens `target` in the app, which sends a signed-out user to the OpenID provider, signs in
 * there as `user` (on the page in the browser's `language`) and waits until the browser is back in the app.
 */
export async function signIn(
  page: Page,
  user: string,
  password: string,
  target = '/',
  language: keyof typeof SIGN_IN_PAGE = 'en',
): Promise<void> {
  const texts = SIGN_IN_PAGE[language];
  await page.goto(target);
  await expect(page.getByRole('heading', { name: texts.heading })).toBeVisible();
  await page.getByLabel(texts.username, { exact: true }).fill(user);
  await page.getByLabel(texts.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: texts.button, exact: true }).click();
  await expect(page).not.toHaveURL(/\/oidc\//);
}

/** Opens a page through the app's main navigation (for example "Marketplace" or "Instances"). */
export async function openFromNavigation(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
}
