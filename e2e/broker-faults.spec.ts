/**
 * Broker faults shown as they are: the broker goes down in the middle of an order. The instance
 * page says that the broker is unreachable, since when, instead of the stale progress, within one
 * polling interval; once the broker is back, the order completes.
 */
import { join } from 'node:path';

import type { CatalogResponse, ServiceInstance } from '@osb/api';

import { expect, signIn, test } from './support/fixtures.ts';
import { recordApiToken, uniqueName } from './support/platform-api.ts';
import { repositoryRoot, startPlatform, stopPlatform, type RunningPlatform } from './support/platform.ts';
import { STOPPABLE_SERVICE, startStoppableBroker, type StoppableBroker } from './support/stoppable-broker.ts';

let platform: RunningPlatform;
let broker: StoppableBroker;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  broker = await startStoppableBroker('flaky');
  platform = await startPlatform({
    extraBrokers: [broker.configEntry],
    logFile: join(repositoryRoot, 'test-results', 'e2e-broker-faults-platform.log'),
  });
});

test.afterAll(async () => {
  if (platform) await stopPlatform(platform);
  await broker?.start().catch(() => undefined);
  await broker?.stop();
});

test('the broker goes down in the middle of an order: the instance page says so, and the order completes once it is back', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const token = recordApiToken(page);
  await signIn(page, 'alice', 'demo', `${platform.baseURL}/projects/likvid-payments/instances`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // Order through the API with the app's token: the broker accepts and works asynchronously.
  const headers = { authorization: token() };
  const { services } = (await (
    await page.request.get(`${platform.baseURL}/api/catalog`, { headers })
  ).json()) as CatalogResponse;
  const service = services.find((candidate) => candidate.name === STOPPABLE_SERVICE.name)!;
  const name = uniqueName('flaky');
  const ordered = await page.request.post(`${platform.baseURL}/api/projects/likvid-payments/service-instances`, {
    headers,
    data: { name, serviceId: service.id, planId: service.plans[0]!.id, parameters: {} },
  });
  expect(ordered.status(), await ordered.text()).toBe(202);
  const instance = (await ordered.json()) as ServiceInstance;

  await page.goto(`${platform.baseURL}/projects/likvid-payments/instances/${instance.id}`);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  const status = page.getByRole('status').filter({ has: page.locator('mp-instance-status') });
  await expect(status).toContainText('Provisioning');
  await expect(status).toContainText('Creating the database');

  await broker.stop();
  // The broker asked to be polled every second; the page hears of the failed poll through the change stream.
  const unreachable = page.getByText(/^Broker unreachable since \d{1,2}:\d{2}\s?[AP]M, retrying until /);
  await expect(unreachable).toBeVisible({ timeout: 10_000 });
  await expect(status).not.toContainText('Creating the database');
  await expect(status).toContainText('Provisioning');

  await broker.start();
  broker.finishOperations();
  await expect(status).toContainText('Ready', { timeout: 60_000 });
  await expect(unreachable).toHaveCount(0);
});
