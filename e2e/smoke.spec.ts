import { expect, signIn, test } from './support/fixtures.ts';

test('a signed-in user sees the marketplace', async ({ page }) => {
  await signIn(page, 'alice', 'demo');

  await expect(page.getByRole('heading', { name: 'Marketplace', level: 1 })).toBeVisible();
});
