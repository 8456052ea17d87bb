/**
 * Journey: alice orders instances whose plans cost per month, per day and per GB (the first
 * through the order wizard, whose review says what it adds per month), sees them on her
 * project's Costs page with the estimates computed here from the catalog, downloads the CSV,
 * binds, unbinds and deprovisions, and reads that journey on the project's Activity page and on
 * the instance page.
 */
import { readFile } from 'node:fs/promises';

import type { Locator, Page } from '@playwright/test';

import type { PlanCost, ServiceBinding, ServiceOffering } from '@osb/api';
import { expect, openFromNavigation, signIn, test } from './support/fixtures.ts';
import { orderInstance, recordApiToken, uniqueName } from './support/platform-api.ts';

const PROJECT = 'likvid-payments';

/** Months of each time unit, written out here as the footnote of the Costs page states them. */
const PER_MONTH: Record<string, number> = { HOURLY: 730, DAILY: 365 / 12, WEEKLY: 52 / 12, MONTHLY: 1, YEARLY: 1 / 12 };

/** A plan's costs from the catalog API (the listing carries no costs; the service's detail does). */
async function planCosts(page: Page, authorization: string, serviceName: string, planName: string) {
  const listing = await page.request.get('/api/catalog', { headers: { authorization } });
  const summary = (
    (await listing.json()) as { services: { id: string; name: string; locality: { kind: string } }[] }
  ).services.find((service) => service.name === serviceName && service.locality.kind === 'global')!;
  const detail = await page.request.get(`/api/catalog/services/${summary.id}`, { headers: { authorization } });
  const service = (await detail.json()) as ServiceOffering;
  return service.plans.find((plan) => plan.name === planName)!.costs;
}

/** The monthly euro estimate of a plan's time-based costs, or undefined when it has none. */
function monthlyEuros(costs: readonly PlanCost[]): number | undefined {
  const timed = costs.filter((cost) => PER_MONTH[cost.unit.toUpperCase()] !== undefined && cost.amount['eur']);
  if (timed.length === 0) return undefined;
  return timed.reduce((sum, cost) => sum + cost.amount['eur']! * PER_MONTH[cost.unit.toUpperCase()]!, 0);
}

const euros = (amount: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(amount);

test('alice reads her project’s costs and the activity of her instances', { tag: '@costs' }, async ({ page }) => {
  test.slow();
  const apiToken = recordApiToken(page);
  await signIn(page, 'alice', 'demo', `/projects/${PROJECT}/marketplace`);
  const gatewayName = uniqueName('costs-gateway');

  // The first instance through the wizard: its review says what it adds per month.
  await page.getByRole('link', { name: 'API Gateway', exact: true }).click();
  await page.getByRole('link', { name: 'Order' }).click();
  const step = (name: string) => page.getByRole('region', { name, exact: true });
  await step('Plan').getByRole('radio', { name: 'Standard' }).check();
  await step('Plan').getByRole('button', { name: 'Next' }).click();
  await step('Name').getByRole('textbox', { name: 'Instance name' }).fill(gatewayName);
  await step('Name').getByRole('button', { name: 'Next' }).click();
  await step('Parameters').getByRole('button', { name: 'Next' }).click();
  // No binding with this order: the optional binding step is skipped.
  await page.getByRole('button', { name: 'Skip', exact: true }).click();
  const authorization = apiToken();
  const gatewayCosts = await planCosts(page, authorization, 'api-gateway', 'standard');
  await expect(step('Review').getByTestId('order-monthly-addition')).toHaveText(
    `about ${euros(monthlyEuros(gatewayCosts)!)} to the project's costs`,
  );
  await step('Review').getByRole('button', { name: 'Order', exact: true }).click();
  await expect(page.getByRole('heading', { name: gatewayName, level: 1 })).toBeVisible();
  const gatewayId = page.url().split('/').pop()!;

  // Two more through the API: one billed per day, one per GB stored.
  const zone = await orderInstance(page, authorization, {
    projectId: PROJECT,
    serviceName: 'dns-zone',
    planName: 'premium',
    name: uniqueName('costs-zone'),
    parameters: { zoneName: 'costs.likvid-bank.example' },
  });
  const backup = await orderInstance(page, authorization, {
    projectId: PROJECT,
    serviceName: 'backup',
    planName: 'standard',
    name: uniqueName('costs-backup'),
  });
  const zoneCosts = await planCosts(page, authorization, 'dns-zone', 'premium');
  const backupCosts = await planCosts(page, authorization, 'backup', 'standard');

  // The Costs page: each instance's estimate as computed here, the per-GB plan with its rate only.
  await openFromNavigation(page, 'Costs');
  await expect(page.getByRole('heading', { name: 'Costs', level: 1 })).toBeVisible();
  const row = (id: string) => page.locator(`[data-testid="costs-instances"] tr[data-instance-id="${id}"]`);
  await expect(row(gatewayId).getByTestId('instance-monthly')).toHaveText(euros(monthlyEuros(gatewayCosts)!));
  await expect(row(zone.id).getByTestId('instance-monthly')).toHaveText(euros(monthlyEuros(zoneCosts)!));
  expect(monthlyEuros(backupCosts)).toBeUndefined();
  await expect(row(backup.id).getByTestId('instance-monthly')).toHaveText('—');
  await expect(row(backup.id)).toContainText(`${euros(backupCosts[0]!.amount['eur']!)} per GB`);
  await expect(page.getByText('hourly rates × 730 hours')).toBeVisible();

  // The CSV: one row per cost component, numbers as plain decimals.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^costs-likvid-payments-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile(await download.path(), 'utf8')).split('\r\n');
  expect(lines[0]).toBe('Instance,Service,Plan,Shared from project,Unit,Currency,Rate,Monthly estimate');
  const csvRow = (name: string) => lines.find((line) => line.startsWith(`${name},`))?.split(',');
  expect(csvRow(gatewayName)?.slice(4)).toEqual([
    gatewayCosts[0]!.unit,
    'EUR',
    String(gatewayCosts[0]!.amount['eur']),
    String(Math.round(monthlyEuros(gatewayCosts)! * 10_000) / 10_000),
  ]);
  expect(csvRow(zone.name)?.slice(4)).toEqual([
    zoneCosts[0]!.unit,
    'EUR',
    String(zoneCosts[0]!.amount['eur']),
    String(Math.round(monthlyEuros(zoneCosts)! * 10_000) / 10_000),
  ]);
  expect(csvRow(backup.name)?.slice(4)).toEqual([
    backupCosts[0]!.unit,
    'EUR',
    String(backupCosts[0]!.amount['eur']),
    '',
  ]);

  // Bind, unbind and deprovision.
  const bindingName = uniqueName('costs-app');
  const headers = { authorization };
  const bound = await page.request.post(`/api/projects/${PROJECT}/service-instances/${zone.id}/bindings`, {
    headers,
    data: { name: bindingName, parameters: {} },
  });
  expect(bound.status()).toBe(201);
  const binding = (await bound.json()) as ServiceBinding;
  const unbound = await page.request.delete(
    `/api/projects/${PROJECT}/service-instances/${zone.id}/bindings/${binding.id}`,
    { headers },
  );
  expect(unbound.status()).toBe(204);
  const deprovisioned = await page.request.delete(`/api/projects/${PROJECT}/service-instances/${backup.id}`, {
    headers,
  });
  expect(deprovisioned.status()).toBe(204);

  // The project's activity: the whole journey, newest first, filterable.
  await openFromNavigation(page, 'Activity');
  await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
  const entries = page.getByRole('list', { name: 'Activity' }).getByRole('listitem');
  await expect(entries.nth(0)).toContainText(`Alice Adams deprovisioned “${backup.name}”`);
  await expect(entries.nth(1)).toContainText(`Alice Adams deleted the binding “${bindingName}” of “${zone.name}”`);
  await expect(entries.nth(2)).toContainText(`Alice Adams created the binding “${bindingName}” of “${zone.name}”`);
  await expect(entries.nth(3)).toContainText(`Alice Adams ordered “${backup.name}” (Backup, Standard)`);
  await expect(page.getByRole('list', { name: 'Activity' })).toContainText(
    `Alice Adams ordered “${gatewayName}” (API Gateway, Standard)`,
  );
  await expect(entries.nth(0)).toContainText('Succeeded');
  await page.getByRole('combobox', { name: 'What' }).click();
  await page.getByRole('option', { name: 'Binding created' }).click();
  await expect(entries.first()).toContainText(`created the binding “${bindingName}”`);
  await expect(page.getByRole('list', { name: 'Activity' })).not.toContainText('deprovisioned');

  // The instance page: only that instance's activity.
  await page.goto(`/projects/${PROJECT}/instances/${zone.id}`);
  await expect(page.getByRole('heading', { name: zone.name, level: 1 })).toBeVisible();
  const zoneEntries = page.getByRole('list', { name: 'Activity' }).getByRole('listitem');
  await expect(zoneEntries).toHaveCount(3);
  await expect(zoneEntries.nth(0)).toContainText(`deleted the binding “${bindingName}”`);
  await expect(zoneEntries.nth(1)).toContainText(`created the binding “${bindingName}”`);
  await expect(zoneEntries.nth(2)).toContainText(`Alice Adams ordered “${zone.name}” (DNS Zone, Premium)`);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the costs tables scroll on their own; the page keeps the screen’s width', async ({ page }) => {
    const apiToken = recordApiToken(page);
    await signIn(page, 'alice', 'demo', `/projects/${PROJECT}/instances`);
    await expect(page.getByRole('heading', { name: 'Service instances', level: 1 })).toBeVisible();
    const authorization = apiToken();
    for (const [serviceName, prefix] of [
      ['api-gateway', 'costs-phone-gateway-of-the-payments-backend'],
      ['backup', 'costs-phone-backup'],
    ] as const) {
      await orderInstance(page, authorization, {
        projectId: PROJECT,
        serviceName,
        planName: 'standard',
        name: uniqueName(prefix),
      });
    }

    await page.goto(`/projects/${PROJECT}/costs`);
    await expect(
      page
        .getByTestId('costs-instances')
        .getByRole('cell', { name: /per GB/ })
        .first(),
    ).toBeVisible();
    /** How much wider an element's content is than the element. */
    const overflow = (element: Locator) => element.evaluate((node) => node.scrollWidth - node.clientWidth);
    expect(await overflow(page.getByRole('main')), 'how far the page is wider than the screen').toBeLessThanOrEqual(0);
    const instances = page.getByRole('region', { name: 'Per instance' });
    await expect(instances.getByTestId('costs-instances')).toBeVisible();
    expect(await overflow(instances), 'the instances table scrolls').toBeGreaterThan(0);
  });
});
