/**
 * Journey: alice finds instances in Payments' list by searching, filtering and sorting; the
 * search, filters and sort stay in the address across a reload; shared instances carry a badge
 * naming the other project in both directions; the orderer is named by display name. The
 * instances and shares are set up through the API with the app's token.
 */
import type { Locator, Page } from '@playwright/test';

import { expect, signIn, test } from './support/fixtures.ts';
import { orderInstance, recordApiToken, uniqueName } from './support/platform-api.ts';

/** The names of the listed instances, in order. */
function listedNames(page: Page): Locator {
  return page.getByRole('list', { name: 'Service instances' }).getByRole('heading', { level: 2 });
}

/** Picks `option` in the filter bar's select labelled `label`. */
async function choose(page: Page, label: string, option: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

test(
  'alice searches, filters and sorts the instances list, and sees shared instances marked',
  { tag: '@instances' },
  async ({ page }) => {
    const apiToken = recordApiToken(page);
    await signIn(page, 'alice', 'demo', '/projects/likvid-payments/instances');
    await expect(page.getByRole('heading', { name: 'Service instances', level: 1 })).toBeVisible();
    const prefix = uniqueName('e2e-list');
    const zone = (projectId: string, name: string) =>
      orderInstance(page, apiToken(), {
        projectId,
        serviceName: 'dns-zone',
        planName: 'free',
        name,
        parameters: { zoneName: `${name}.example` },
      });
    const beta = await zone('likvid-payments', `${prefix}-beta`);
    const alpha = await zone('likvid-payments', `${prefix}-alpha`);
    await orderInstance(page, apiToken(), {
      projectId: 'likvid-payments',
      serviceName: 'object-storage',
      planName: 'short-lived',
      locationId: 'eu-de-central',
      name: `${prefix}-gamma`,
      parameters: { bucketName: `${prefix}-gamma` },
    });
    const mobile = await zone('likvid-mobile', `${prefix}-mobile`);
    const share = async (projectId: string, instanceId: string, targetProjectId: string) => {
      const response = await page.request.post(`/api/projects/${projectId}/service-instances/${instanceId}/shares`, {
        headers: { authorization: apiToken() },
        data: { targetProjectId },
      });
      expect(response.status(), await response.text()).toBe(201);
    };
    await share('likvid-payments', alpha.id, 'likvid-mobile');
    await share('likvid-mobile', mobile.id, 'likvid-payments');
    expect(beta.createdBy).toBe('alice');

    // Search: the list narrows once typing pauses, and the search goes to the address.
    await page.reload();
    await page.getByRole('searchbox', { name: 'Search by name or service' }).fill(prefix);
    await expect(page).toHaveURL(new RegExp(`search=${prefix}`));
    await expect(listedNames(page)).toHaveText([
      `${prefix}-beta`,
      `${prefix}-alpha`,
      `${prefix}-gamma`,
      `${prefix}-mobile`,
    ]);
    await expect(page.getByText('4 instances', { exact: true })).toBeVisible();

    // Badges in both directions, and the orderer by name.
    const item = (name: string) =>
      page.getByRole('list', { name: 'Service instances' }).getByRole('listitem').filter({ hasText: name });
    await expect(item(`${prefix}-alpha`)).toContainText('Shared with Mobile App');
    await expect(item(`${prefix}-mobile`)).toContainText('Shared from Mobile App (read-only)');
    await expect(item(`${prefix}-beta`)).not.toContainText('Shared');
    await expect(item(`${prefix}-beta`)).toContainText('Ordered by Alice Adams');

    // Sort by name, both ways.
    await choose(page, 'Sort by', 'Name');
    await expect(listedNames(page)).toHaveText([
      `${prefix}-alpha`,
      `${prefix}-beta`,
      `${prefix}-gamma`,
      `${prefix}-mobile`,
    ]);
    await page.getByRole('button', { name: 'Ascending; sort descending' }).click();
    await expect(listedNames(page)).toHaveText([
      `${prefix}-mobile`,
      `${prefix}-gamma`,
      `${prefix}-beta`,
      `${prefix}-alpha`,
    ]);

    // Sharing filters.
    await choose(page, 'Sharing', 'Shared with us');
    await expect(listedNames(page)).toHaveText([`${prefix}-mobile`]);
    await choose(page, 'Sharing', 'Shared by us');
    await expect(listedNames(page)).toHaveText([`${prefix}-alpha`]);
    await choose(page, 'Sharing', 'All instances');

    // Service filter; then a status no instance has.
    await choose(page, 'Service', /^Object Storage \(\d+\)$/);
    await expect(listedNames(page)).toHaveText([`${prefix}-gamma`]);
    await choose(page, 'Status', 'Failed');
    await expect(page.getByText('No instances match the search and filters.')).toBeVisible();

    // The address keeps it all across a reload.
    await expect(page).toHaveURL(/status=failed/);
    await page.reload();
    await expect(page.getByRole('searchbox', { name: 'Search by name or service' })).toHaveValue(prefix);
    await expect(page.getByText('No instances match the search and filters.')).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect(page.getByRole('searchbox', { name: 'Search by name or service' })).toHaveValue('');
    await expect(page).toHaveURL(/sort=name&order=desc|order=desc&sort=name/);
    await expect(page).not.toHaveURL(/search=|status=|service=|sharing=/);

    // A search by the service's name finds the instance too.
    await page.getByRole('searchbox', { name: 'Search by name or service' }).fill('Object Stor');
    await expect(listedNames(page).filter({ hasText: `${prefix}-gamma` })).toHaveCount(1);
    await expect(listedNames(page).filter({ hasText: `${prefix}-beta` })).toHaveCount(0);
  },
);
