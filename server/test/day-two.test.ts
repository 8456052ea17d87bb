/**
 * Day-two operations against the demo broker over real HTTP: maintenance upgrades offered when
 * the broker raises a plan's `maintenance_info.version`, `MaintenanceInfoConflict` answered with
 * a refreshed catalog, credential rotation of an expiring binding, and the broker's view of an
 * instance and a binding compared with the platform's record.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { BrokerComparison, ErrorBody, ServiceBindingWithCredentials, ServiceInstance } from '@osb/api';
import type { RunningDemoBroker } from '../src/demo-broker/demo-broker.ts';
import { offeringIds, readyInstance, settled, startDemoScenario, type Scenario, type TestPlatform } from './helper.ts';

const PROJECT = '/api/projects/likvid-payments';
const INSTANCES = `${PROJECT}/service-instances`;
const LOCAL_BROKER = 'locations/eu-de-central';
const DAY_MS = 86_400_000;

let scenario: Scenario<RunningDemoBroker>;
let demoBroker: RunningDemoBroker;
let platform: TestPlatform;
let token: string;

before(async () => {
  scenario = await startDemoScenario();
  ({ broker: demoBroker, platform, token } = scenario);
});

after(() => scenario.close());

async function call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  return platform.call<T>(method, path, { body, token });
}

/** Calls the demo broker itself (its OSB and demo routes take the same basic auth). */
async function callBroker(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${demoBroker.url}/${path}`, {
    method,
    headers: {
      authorization: `Basic ${Buffer.from('broker-user:broker-secret-password').toString('base64')}`,
      'X-Broker-API-Version': '2.17',
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

function offering(serviceName: string, planName: string): Promise<{ serviceId: string; planId: string }> {
  return offeringIds(platform, token, serviceName, planName);
}

/** Orders an instance of the project and returns it once it is ready. */
function orderReady(
  service: string,
  plan: string,
  name: string,
  parameters: Record<string, unknown> = {},
): Promise<ServiceInstance> {
  return readyInstance(platform, token, INSTANCES, { service, plan, name, parameters });
}

/** The instance once its operation finished. */
function settledInstance(instanceId: string): Promise<ServiceInstance> {
  return settled(platform, `${INSTANCES}/${instanceId}`, token);
}

/** The broker's requests on a path, as its request log has them. */
async function brokerRequests(prefix: string, pathPart: string): Promise<{ method: string; body?: unknown }[]> {
  const log = (await (await callBroker('GET', `${prefix}/demo/requests`)).json()) as {
    requests: { method: string; path: string; body?: unknown }[];
  };
  return log.requests.filter((request) => request.path.includes(pathPart));
}

async function raiseMaintenanceVersion(planId: string, version: string, description: string): Promise<void> {
  const answer = await callBroker('PUT', `${LOCAL_BROKER}/demo/plans/${planId}/maintenance_info`, {
    version,
    description,
  });
  assert.equal(answer.status, 204);
}

describe('maintenance upgrades', () => {
  it('answers MaintenanceInfoConflict with a refreshed catalog and a coded error, then offers and applies the upgrade', async () => {
    const instance = await orderReady('redis', 'standard-ha', 'sessions-cache');
    assert.equal(instance.lastOperation.state, 'succeeded');
    assert.equal(instance.upgradeAvailable, undefined, 'the plan’s version is the instance’s');

    // The broker moves on while the platform still holds the old catalog.
    const { planId } = await offering('redis', 'standard-ha');
    await raiseMaintenanceVersion(planId, '7.4.0', 'Redis 7.4 with **faster** replication');
    const conflict = await call<ErrorBody>('PATCH', `${INSTANCES}/${instance.id}`, {
      parameters: { memory_size_gb: 8 },
    });
    assert.equal(conflict.status, 409);
    assert.equal(conflict.body.code, 'maintenanceInfoChanged');
    assert.equal(conflict.body.params['version'], '7.4.0', 'the refreshed catalog’s version');
    assert.match(String(conflict.body.params['brokerMessage']), /does not match the plan's version 7\.4\.0/);
    const failed = await call<ServiceInstance>('GET', `${INSTANCES}/${instance.id}`);
    assert.equal(failed.body.lastOperation.state, 'failed');
    assert.deepEqual(failed.body.parameters, {}, 'the parameters stay as they were');
    assert.deepEqual(failed.body.upgradeAvailable, {
      version: '7.4.0',
      description: 'Redis 7.4 with **faster** replication',
    });
    const listed = await call<ServiceInstance[]>('GET', INSTANCES);
    assert.equal(listed.body.find((entry) => entry.id === instance.id)?.upgradeAvailable?.version, '7.4.0');

    // The upgrade: an update carrying only the new maintenance_info.
    const upgrade = await call<ServiceInstance>('POST', `${INSTANCES}/${instance.id}/upgrade`);
    assert.equal(upgrade.status, 200, 'the demo broker upgrades synchronous plans at once');
    assert.equal(upgrade.body.lastOperation.type, 'update');
    assert.equal(upgrade.body.lastOperation.state, 'succeeded');
    assert.equal(upgrade.body.upgradeAvailable, undefined, 'the badge is gone');
    const [patch] = (await brokerRequests(LOCAL_BROKER, instance.id)).filter(
      (request) => request.method === 'PATCH' && JSON.stringify(request.body).includes('7.4.0'),
    );
    const patchBody = patch!.body as Record<string, unknown>;
    assert.deepEqual(patchBody['maintenance_info'], { version: '7.4.0' });
    assert.deepEqual(patchBody['previous_values'], { plan_id: planId, maintenance_info: { version: '7.2.4' } });
    assert.equal(patchBody['parameters'], undefined, 'an upgrade changes no parameters');
    assert.equal(patchBody['plan_id'], undefined);

    // Now parameter updates go through again, and there is nothing left to upgrade.
    const update = await call<ServiceInstance>('PATCH', `${INSTANCES}/${instance.id}`, {
      parameters: { memory_size_gb: 8 },
    });
    assert.equal(update.status, 200);
    assert.deepEqual(update.body.parameters, { memory_size_gb: 8 });
    const again = await call<ErrorBody>('POST', `${INSTANCES}/${instance.id}/upgrade`);
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'noUpgradeAvailable');
  });

  it('follows the upgrade of an asynchronous plan live and records the version once it succeeded', async () => {
    const gateway = await orderReady('api-gateway', 'dedicated', 'edge-gateway');
    const { planId } = await offering('api-gateway', 'dedicated');
    const answer = await callBroker('PUT', `global/demo/plans/${planId}/maintenance_info`, {
      version: '2.5.0',
      description: 'Gateway 2.5',
    });
    assert.equal(answer.status, 204);
    await platform.parts.catalog.refresh();
    const offered = await call<ServiceInstance>('GET', `${INSTANCES}/${gateway.id}`);
    assert.deepEqual(offered.body.upgradeAvailable, { version: '2.5.0', description: 'Gateway 2.5' });

    const upgrade = await call<ServiceInstance>('POST', `${INSTANCES}/${gateway.id}/upgrade`);
    assert.equal(upgrade.status, 202);
    assert.equal(upgrade.body.lastOperation.state, 'in progress');
    assert.ok(upgrade.body.upgradeAvailable, 'offered until the broker confirms');
    const done = await settledInstance(gateway.id);
    assert.equal(done.lastOperation.state, 'succeeded');
    assert.equal(done.upgradeAvailable, undefined);
  });
});

describe('credential rotation', () => {
  it('rotates an expiring binding: the successor gets fresh credentials, both stay until the old one is deleted', async () => {
    const bucket = await orderReady('object-storage', 'standard', 'rotating-bucket', {
      bucketName: 'rotating-bucket',
    });
    const bindings = `${INSTANCES}/${bucket.id}/bindings`;
    const created = await call<ServiceBindingWithCredentials>('POST', bindings, {
      name: 'ci-uploader',
      parameters: { role: 'storage.objectAdmin' },
    });
    assert.equal(created.status, 201);
    const predecessor = created.body;

    platform.clock.advance(25 * DAY_MS);
    const expiring = await call<ServiceBindingWithCredentials[]>('GET', `${PROJECT}/expiring-bindings`);
    assert.ok(expiring.body.some((binding) => binding.id === predecessor.id && binding.expiresSoon));

    const rotated = await call<ServiceBindingWithCredentials>('POST', `${bindings}/${predecessor.id}/rotate`, {});
    assert.equal(rotated.status, 201);
    const successor = rotated.body;
    assert.notEqual(successor.id, predecessor.id);
    assert.equal(successor.predecessorId, predecessor.id);
    assert.equal(successor.name, 'ci-uploader');
    assert.deepEqual(successor.parameters, predecessor.parameters);
    assert.ok(successor.credentials?.['secret_access_key'], 'fresh credentials');
    assert.notEqual(successor.credentials['secret_access_key'], predecessor.credentials?.['secret_access_key']);
    assert.equal(successor.credentials['role'], 'storage.objectAdmin', 'the predecessor’s parameters at the broker');
    assert.ok(Date.parse(successor.expiresAt!) >= Date.parse(predecessor.expiresAt!));

    const bind = (await brokerRequests(LOCAL_BROKER, successor.id)).find((request) => request.method === 'PUT');
    const bindBody = bind!.body as Record<string, unknown>;
    assert.equal(bindBody['predecessor_binding_id'], predecessor.id);
    assert.equal(bindBody['parameters'], undefined, 'the broker takes the predecessor’s');

    const both = await call<ServiceBindingWithCredentials[]>('GET', bindings);
    assert.deepEqual(both.body.map((binding) => binding.id).sort(), [predecessor.id, successor.id].sort());
    const stored = await call<ServiceBindingWithCredentials>('GET', `${bindings}/${predecessor.id}`);
    assert.equal(
      stored.body.credentials?.['secret_access_key'],
      predecessor.credentials?.['secret_access_key'],
      'the predecessor keeps working until it is removed',
    );

    assert.equal((await call('DELETE', `${bindings}/${predecessor.id}`)).status, 204);
    const left = await call<ServiceBindingWithCredentials[]>('GET', bindings);
    assert.deepEqual(
      left.body.map((binding) => binding.id),
      [successor.id],
    );
    const fetched = await callBroker(
      'GET',
      `${LOCAL_BROKER}/v2/service_instances/${bucket.id}/service_bindings/${predecessor.id}`,
    );
    assert.equal(fetched.status, 404, 'the broker revoked the old credentials');
  });

  it('hands a sensitive service’s successor credentials over once', async () => {
    const vault = await orderReady('secrets-vault', 'standard', 'rotating-vault');
    const bindings = `${INSTANCES}/${vault.id}/bindings`;
    const created = await call<ServiceBindingWithCredentials>('POST', bindings, { name: 'deployer' });
    const rotated = await call<ServiceBindingWithCredentials>('POST', `${bindings}/${created.body.id}/rotate`, {
      name: 'deployer-2',
    });
    assert.equal(rotated.status, 201);
    assert.equal(rotated.body.credentialsDelivered, 'once');
    assert.match(String(rotated.body.credentials?.['token']), /^hvs\./);
    assert.notEqual(rotated.body.credentials?.['token'], created.body.credentials?.['token']);
    const read = await call<ServiceBindingWithCredentials>('GET', `${bindings}/${rotated.body.id}`);
    assert.equal(read.body.credentials, undefined, 'stored nowhere');
  });

  it('refuses to rotate bindings of services that are not rotatable', async () => {
    const cache = await orderReady('redis', 'basic', 'plain-cache');
    const bindings = `${INSTANCES}/${cache.id}/bindings`;
    const created = await call<ServiceBindingWithCredentials>('POST', bindings, { name: 'app' });
    const refused = await call<ErrorBody>('POST', `${bindings}/${created.body.id}/rotate`, {});
    assert.equal(refused.status, 422);
    assert.equal(refused.body.code, 'bindingNotRotatable');
  });
});

describe('instances and bindings from the broker', () => {
  it('shows where the broker’s instance and binding differ from the record, without credential values', async () => {
    const gateway = await orderReady('api-gateway', 'standard', 'retrieved-gateway');
    const view = `${INSTANCES}/${gateway.id}/broker-view`;
    const same = await call<BrokerComparison>('GET', view);
    assert.equal(same.status, 200);
    assert.deepEqual(same.body.differences, []);

    // Someone changed the instance at the broker, past the platform.
    const { serviceId } = await offering('api-gateway', 'standard');
    const changed = await callBroker('PATCH', `global/v2/service_instances/${gateway.id}`, {
      service_id: serviceId,
      parameters: { securityContact: 'ops@example.com' },
    });
    assert.equal(changed.status, 200);
    const differing = await call<BrokerComparison>('GET', view);
    assert.deepEqual(differing.body.differences, [
      { field: 'parameter', path: '/securityContact', change: 'added', reported: 'ops@example.com' },
    ]);
    const unchanged = await call<ServiceInstance>('GET', `${INSTANCES}/${gateway.id}`);
    assert.deepEqual(unchanged.body.parameters, {}, 'the record stays what users ordered');

    const binding = await call<ServiceBindingWithCredentials>('POST', `${INSTANCES}/${gateway.id}/bindings`, {
      name: 'client',
    });
    const bindingView = await call<BrokerComparison>(
      'GET',
      `${INSTANCES}/${gateway.id}/bindings/${binding.body.id}/broker-view`,
    );
    assert.equal(bindingView.status, 200);
    assert.deepEqual(bindingView.body.differences, []);
    assert.doesNotMatch(JSON.stringify(bindingView.body), new RegExp(String(binding.body.credentials?.['api_key'])));
  });

  it('refuses services whose broker does not report instances or bindings', async () => {
    const cache = await orderReady('redis', 'basic', 'unretrievable-cache');
    const refused = await call<ErrorBody>('GET', `${INSTANCES}/${cache.id}/broker-view`);
    assert.equal(refused.status, 422);
    assert.equal(refused.body.code, 'notRetrievable');
    assert.equal(refused.body.params['what'], 'instance');
  });
});
