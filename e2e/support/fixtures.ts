/**
 * The end-to-end test API: Playwright's `test` and `expect`, plus `signIn` through the
 * development OpenID provider's real login page.
 */
import { expect, test, type Page } from '@playwright/test';

export { expect, test };

/**
 * Opens `target` in the app, which sends a signed-out user to the OpenID provider, signs in
 * there as `user` and waits until the browser is back in the app.
 */
export async function signIn(page: Page, user: string, password: string, target = '/'): Promise<void> {
  await page.goto(target);
  await expect(page.getByRole('heading', { name: /^Sign in to / })).toBeVisible();
  await page.getByLabel('Username', { exact: true }).fill(user);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).not.toHaveURL(/\/oidc\//);
}

/** Opens a page through the app's main navigation (for example "Marketplace" or "Instances"). */
export async function openFromNavigation(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
}
