/**
 * Journey: alice browses the marketplace of her projects: global and local services, the
 * project switcher, search and tags kept in the URL, a service page with costs and links, and
 * the local services of another location.
 */
import { brokerService, brokerURL } from './support/demo-broker.ts';
import { expect, signIn, test } from './support/fixtures.ts';

import type { Locator, Page } from '@playwright/test';

const globalSection = (page: Page) => page.getByRole('region', { name: 'Global services' });
const localSection = (page: Page) => page.getByRole('region', { name: /^Local services in / });
const serviceLink = (scope: Page | Locator, name: string) => scope.getByRole('link', { name, exact: true });

test(
  'alice sees global and local services and switches between her projects',
  { tag: '@foundation' },
  async ({ page }) => {
    await signIn(page, 'alice', 'demo');

    await expect(page).toHaveURL(/\/projects\/likvid-payments\/marketplace/);
    await expect(page.getByRole('heading', { name: 'Marketplace', level: 1 })).toBeVisible();
    await expect(page.getByText('Services for Payments (Likvid Bank)')).toBeVisible();
    for (const name of ['API Gateway', 'DNS Zone', 'CDN', 'Secrets Vault']) {
      await expect(serviceLink(globalSection(page), name)).toBeVisible();
    }
    await expect(localSection(page).getByRole('heading', { name: 'Local services in Frankfurt' })).toBeVisible();
    for (const name of ['PostgreSQL', 'Redis']) {
      await expect(serviceLink(localSection(page), name)).toBeVisible();
    }
    await expect(serviceLink(globalSection(page), 'PostgreSQL')).toHaveCount(0);

    const switcher = page.getByRole('combobox', { name: 'Project' });
    await expect(switcher).toHaveText(/Payments/);
    await switcher.click();
    await page.getByRole('option', { name: 'Mobile App' }).click();

    await expect(page).toHaveURL(/\/projects\/likvid-mobile\/marketplace/);
    await expect(page.getByText('Services for Mobile App (Likvid Bank)')).toBeVisible();
    await expect(switcher).toHaveText(/Mobile App/);
    await expect(serviceLink(globalSection(page), 'API Gateway')).toBeVisible();
  },
);

test(
  'a search is kept in the URL and survives a reload; a tag narrows the list',
  { tag: '@foundation' },
  async ({ page }) => {
    await signIn(page, 'alice', 'demo', '/projects/likvid-payments/marketplace');
    const search = page.getByRole('searchbox', { name: 'Search services' });

    await search.fill('postgres');

    await expect(page).toHaveURL(/[?&]search=postgres(&|$)/);
    await expect(serviceLink(localSection(page), 'PostgreSQL')).toBeVisible();
    await expect(serviceLink(page, 'API Gateway')).toHaveCount(0);
    await expect(serviceLink(page, 'Redis')).toHaveCount(0);
    await expect(page.getByText('No global services match your filters.')).toBeVisible();

    await page.reload();

    await expect(page).toHaveURL(/[?&]search=postgres(&|$)/);
    await expect(search).toHaveValue('postgres');
    await expect(serviceLink(localSection(page), 'PostgreSQL')).toBeVisible();
    await expect(serviceLink(page, 'API Gateway')).toHaveCount(0);

    await page.getByRole('button', { name: 'Clear search' }).click();
    await expect(search).toHaveValue('');
    await expect(serviceLink(globalSection(page), 'API Gateway')).toBeVisible();

    await page.getByRole('listbox', { name: 'Filter by tag' }).getByRole('option', { name: 'networking' }).click();

    await expect(page).toHaveURL(/[?&]tags=networking(&|$)/);
    await expect(serviceLink(globalSection(page), 'API Gateway')).toBeVisible();
    await expect(serviceLink(globalSection(page), 'DNS Zone')).toBeVisible();
    await expect(serviceLink(page, 'CDN')).toHaveCount(0);
    await expect(serviceLink(page, 'PostgreSQL')).toHaveCount(0);
    await expect(page.getByText('No local services in Frankfurt match your filters.')).toBeVisible();
  },
);

test(
  'the service page shows what a plan costs and links to documentation and support',
  { tag: '@foundation' },
  async ({ page }) => {
    await signIn(page, 'alice', 'demo', '/projects/likvid-payments/marketplace');

    await serviceLink(localSection(page), 'PostgreSQL').click();

    await expect(page.getByRole('heading', { name: 'PostgreSQL', level: 1 })).toBeVisible();
    await expect(page).toHaveURL(/\/projects\/likvid-payments\/marketplace\/services\/[^/?]+$/);
    const plans = page.getByRole('region', { name: 'Plans' });
    const generalPurpose = plans
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'General Purpose' }) });
    await expect(generalPurpose.getByRole('list', { name: 'Costs' })).toHaveText('€0.35 per hour');
    const hobby = plans.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Hobby' }) });
    await expect(hobby.getByRole('list', { name: 'Costs' })).toHaveCount(0);

    // The broker names its pages with the host users' browsers reach it at (localhost).
    const brokerPort = new URL(brokerURL()).port;
    const documentation = page.getByRole('link', { name: 'Documentation', exact: true });
    const support = page.getByRole('link', { name: 'Support', exact: true });
    await expect(documentation).toHaveAttribute('href', `http://localhost:${brokerPort}/docs/postgresql`);
    await expect(support).toHaveAttribute('href', `http://localhost:${brokerPort}/docs/postgresql/support`);

    const [documentationPage] = await Promise.all([page.waitForEvent('popup'), documentation.click()]);
    await expect(documentationPage.getByRole('heading', { name: 'PostgreSQL', level: 1 })).toBeVisible();
    await documentationPage.close();

    await expect(page.getByRole('link', { name: 'Order' })).toBeVisible();
  },
);

test('switching the location shows that location’s local services', { tag: '@foundation' }, async ({ page }) => {
  const [frankfurt, amsterdam] = await Promise.all([
    brokerService('locations/eu-de-central', 'postgresql'),
    brokerService('locations/eu-nl-west', 'postgresql'),
  ]);
  await signIn(page, 'alice', 'demo', '/projects/likvid-payments/marketplace');
  const postgresql = serviceLink(localSection(page), 'PostgreSQL');
  await expect(postgresql).toHaveAttribute('href', new RegExp(`/services/${frankfurt.id}$`));

  await page.getByRole('combobox', { name: 'Location' }).click();
  await page.getByRole('option', { name: 'Amsterdam' }).click();

  await expect(page).toHaveURL(/[?&]location=eu-nl-west(&|$)/);
  await expect(localSection(page).getByRole('heading', { name: 'Local services in Amsterdam' })).toBeVisible();
  await expect(postgresql).toHaveAttribute('href', new RegExp(`/services/${amsterdam.id}$`));
  await expect(serviceLink(globalSection(page), 'API Gateway')).toBeVisible();

  await postgresql.click();
  await expect(page.getByRole('heading', { name: 'PostgreSQL', level: 1 })).toBeVisible();
  await expect(page.getByRole('paragraph').filter({ hasText: 'Offered in:' })).toHaveText(/Offered in:\s*Amsterdam/);
});
