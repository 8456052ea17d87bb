/**
 * Journeys of living with instances: alice's Redis is offered an upgrade once the demo broker
 * raises its plan's maintenance version (the platform learns of it when the broker refuses a
 * change with MaintenanceInfoConflict and it reads the catalog again), applies it and the badge
 * is gone; and she rotates a bucket's credentials and removes the old binding.
 */
import type { ErrorBody } from '@osb/api';
import { brokerRequests, brokerService, raiseMaintenanceVersion } from './support/demo-broker.ts';
import { expect, signIn, test } from './support/fixtures.ts';
import { orderInstance, recordApiToken, uniqueName } from './support/platform-api.ts';

const PROJECT = 'likvid-payments';
const LOCATION = 'eu-de-central';
const BROKER_PREFIX = `locations/${LOCATION}`;

test('alice is offered a maintenance upgrade and applies it', { tag: '@day-two' }, async ({ page }) => {
  const token = recordApiToken(page);
  await signIn(page, 'alice', 'demo', `/projects/${PROJECT}/instances`);
  await expect(page.getByRole('heading', { name: 'Service instances', level: 1 })).toBeVisible();
  const name = uniqueName('sessions');
  const instance = await orderInstance(page, token(), {
    projectId: PROJECT,
    serviceName: 'redis',
    planName: 'standard-ha',
    locationId: LOCATION,
    name,
  });

  await page.goto(`/projects/${PROJECT}/instances/${instance.id}`);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Upgrade available/ })).toHaveCount(0);

  // The broker moves on; a change sent with the old version is refused and the catalog read again.
  const plan = (await brokerService(BROKER_PREFIX, 'redis')).plans.find(
    (candidate) => candidate.name === 'standard-ha',
  )!;
  const version = `7.${Math.floor(Date.now() / 1000)}.0`;
  await raiseMaintenanceVersion(BROKER_PREFIX, plan.id, {
    version,
    description: 'Redis with **faster** replication <img src=x onerror="window.hacked=1">',
  });
  const refused = await page.request.patch(`/api/projects/${PROJECT}/service-instances/${instance.id}`, {
    headers: { authorization: token() },
    data: { parameters: { memory_size_gb: 8 } },
  });
  expect(refused.status()).toBe(409);
  expect(((await refused.json()) as ErrorBody).code).toBe('maintenanceInfoChanged');

  // The list offers the upgrade too, for this project's own instances.
  await page.goto(`/projects/${PROJECT}/instances`);
  const upgrades = page.getByRole('region', { name: /upgrade available/ });
  await upgrades.getByRole('button', { name: 'Show them' }).click();
  await expect(upgrades.getByRole('checkbox', { name: `${name} to version ${version}` })).toBeEnabled();

  await page.goto(`/projects/${PROJECT}/instances/${instance.id}`);
  const notice = page.getByRole('region', { name: `Upgrade available: version ${version}` });
  await expect(notice).toBeVisible();
  await expect(notice.getByText('The service broker describes it:')).toBeVisible();
  await expect(notice.locator('strong')).toHaveText('faster');
  expect(await page.evaluate(() => (window as { hacked?: number }).hacked)).toBeUndefined();

  await notice.getByRole('button', { name: 'Upgrade' }).click();
  await expect(page.getByRole('region', { name: /^Upgrade available/ })).toHaveCount(0);
  const patch = (await brokerRequests(BROKER_PREFIX)).findLast(
    (request) => request.method === 'PATCH' && request.path.endsWith(instance.id),
  );
  expect(patch?.body?.['maintenance_info']).toEqual({ version });

  // After a reload too: the instance records the new version.
  await page.reload();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Upgrade available/ })).toHaveCount(0);
});

test('alice rotates a binding’s credentials and removes the old binding', { tag: '@day-two' }, async ({ page }) => {
  const token = recordApiToken(page);
  await signIn(page, 'alice', 'demo', `/projects/${PROJECT}/instances`);
  await expect(page.getByRole('heading', { name: 'Service instances', level: 1 })).toBeVisible();
  const name = uniqueName('assets');
  const bucket = await orderInstance(page, token(), {
    projectId: PROJECT,
    serviceName: 'object-storage',
    planName: 'standard',
    locationId: LOCATION,
    name,
    parameters: { bucketName: name },
  });
  const created = await page.request.post(`/api/projects/${PROJECT}/service-instances/${bucket.id}/bindings`, {
    headers: { authorization: token() },
    data: { name: 'uploader', parameters: { role: 'storage.objectAdmin' } },
  });
  expect(created.status()).toBe(201);
  const predecessorId = ((await created.json()) as { id: string }).id;

  await page.goto(`/projects/${PROJECT}/instances/${bucket.id}`);
  const bindings = page.getByRole('list', { name: 'Bindings' });
  /** The bindings, not the lists inside them (credentials). */
  const items = bindings.locator(':scope > li');
  await expect(items).toHaveCount(1);
  await bindings.getByRole('button', { name: /^Rotate( now)?$/ }).click();

  // The successor shows its fresh credentials; both bindings stay.
  await expect(items).toHaveCount(2);
  const successor = items.filter({ hasText: 'Rotated from uploader' });
  await expect(successor).toBeVisible();
  await expect(successor.getByText('secret_access_key')).toBeVisible();
  const bind = (await brokerRequests(BROKER_PREFIX)).findLast(
    (request) =>
      request.method === 'PUT' && request.path.includes(`/v2/service_instances/${bucket.id}/service_bindings/`),
  );
  expect(bind?.body?.['predecessor_binding_id']).toBe(predecessorId);

  const predecessor = items.filter({ hasNotText: 'Rotated from' });
  await predecessor.getByRole('button', { name: 'Delete binding' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete binding' }).click();
  await expect(items).toHaveCount(1);
  await expect(items).toContainText('Rotated from');
});
