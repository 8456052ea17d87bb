/**
 * Expiring bindings with a controlled clock: the expiry date from the broker or the plan, the
 * warning before it, and the platform deleting expired bindings at the broker on its schedule
 * while keeping them as records.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type {
  ActivityPage,
  CatalogResponse,
  ServiceBinding,
  ServiceBindingWithCredentials,
  ServiceInstance,
} from '@osb/api';
import type { RunningDemoBroker } from '../src/demo-broker/demo-broker.ts';
import { eventually, type ScriptedBroker } from './support/scripted-broker.ts';
import {
  demoFrankfurtBroker,
  startDemoScenario,
  startScriptedScenario,
  type Scenario,
  type TestPlatform,
} from './helper.ts';

const INSTANCES = '/api/projects/likvid-payments/service-instances';
const DAY_MS = 86_400_000;
const EXPIRING = '/api/projects/likvid-payments/expiring-bindings';

/** Alice's token of the scenario running (the suites run one after the other, each with a scenario of its own). */
let token: string;

async function call<T = ServiceBindingWithCredentials>(
  platform: TestPlatform,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  return platform.call<T>(method, path, { body, token });
}

async function events(platform: TestPlatform, bindingId: string): Promise<{ kind: string; detail: string | null }[]> {
  const { rows } = await platform.database.query<{ kind: string; detail: string | null }>(
    'SELECT kind, detail FROM binding_events WHERE binding_id = $1 ORDER BY id',
    [bindingId],
  );
  return rows;
}

describe('expiring bindings of the demo broker (Object Storage)', () => {
  let scenario: Scenario<RunningDemoBroker>;
  let demoBroker: RunningDemoBroker;
  let platform: TestPlatform;

  before(async () => {
    scenario = await startDemoScenario({ brokers: [demoFrankfurtBroker], expiryCheckIntervalSeconds: 1 });
    ({ broker: demoBroker, platform, token } = scenario);
  });

  after(() => scenario.close());

  it('warns before the expiry and deletes the binding at the broker once it expired, keeping the record', async () => {
    const { body: catalog } = await call<CatalogResponse>(platform, 'GET', '/api/catalog');
    const storage = catalog.services.find((service) => service.name === 'object-storage')!;
    const plan = storage.plans.find((candidate) => candidate.name === 'standard')!;
    assert.equal(plan.expiryDays, 30);
    const instance = await call<ServiceInstance>(platform, 'POST', INSTANCES, {
      name: 'assets',
      serviceId: storage.id,
      planId: plan.id,
      parameters: { bucketName: 'likvid-assets' },
    });
    assert.equal(instance.status, 201);
    const bindings = `${INSTANCES}/${instance.body.id}/bindings`;
    const created = await call(platform, 'POST', bindings, {
      name: 'uploader',
      parameters: { role: 'storage.objectCreator' },
    });
    assert.equal(created.status, 201);
    assert.ok(created.body.expiresAt);
    const expiresAt = Date.parse(created.body.expiresAt);
    assert.ok(
      Math.abs(expiresAt - (Date.parse(created.body.createdAt) + 30 * DAY_MS)) < 60_000,
      'the broker’s expires_at, 30 days on',
    );
    assert.equal(created.body.expiresSoon, false);
    assert.deepEqual((await call<ServiceBinding[]>(platform, 'GET', EXPIRING)).body, [], 'nothing expires soon yet');

    platform.clock.advance(24 * DAY_MS);
    const warned = await call<ServiceBinding[]>(platform, 'GET', bindings);
    assert.equal(warned.body[0]!.expiresSoon, true);
    assert.equal(warned.body[0]!.expiredAt, undefined);
    const expiring = await call<ServiceBinding[]>(platform, 'GET', EXPIRING);
    assert.equal(expiring.status, 200);
    assert.deepEqual(
      expiring.body.map((binding) => [binding.id, binding.expiresSoon]),
      [[created.body.id, true]],
      'one request names the project’s expiring bindings',
    );
    assert.equal((expiring.body[0] as ServiceBindingWithCredentials).credentials, undefined);
    assert.deepEqual(
      (await call<ServiceBinding[]>(platform, 'GET', '/api/projects/likvid-mobile/expiring-bindings')).body,
      [],
      'only the project’s own',
    );
    assert.equal(
      (await call(platform, 'GET', '/api/projects/acme-webshop/expiring-bindings')).status,
      404,
      'not a member',
    );

    platform.clock.advance(7 * DAY_MS);
    // The activity entry is the last thing the expiry writes (after the binding and its event).
    const expiredEntry = await eventually(async () => {
      const activity = await call<ActivityPage>(platform, 'GET', '/api/projects/likvid-payments/activity?kind=expired');
      return activity.body.entries.find((entry) => entry.bindingId === created.body.id);
    }, 'the expiry check to delete the binding and record it');
    assert.equal(expiredEntry.outcome, 'succeeded');
    assert.equal(expiredEntry.actor, undefined, 'the platform (no user) deleted it');
    const { body: expired } = await call(platform, 'GET', `${bindings}/${created.body.id}`);
    assert.ok(expired.expiredAt);
    assert.equal(expired.lastOperation.type, 'expire');
    assert.equal(expired.lastOperation.state, 'succeeded');
    assert.equal(expired.lastOperation.requestedBy, 'platform');
    assert.equal(expired.credentials, undefined);
    assert.equal(expired.expiresSoon, false);
    assert.deepEqual(
      (await call<ServiceBinding[]>(platform, 'GET', EXPIRING)).body,
      [],
      'an expired binding no longer expires soon',
    );
    assert.deepEqual(await events(platform, created.body.id), [{ kind: 'expired', detail: null }]);
    const { rows } = await platform.database.query<{ credentials: string | null }>(
      'SELECT credentials FROM service_bindings WHERE id = $1',
      [created.body.id],
    );
    assert.equal(rows[0]?.credentials, null);

    const unbinds = async () => {
      const basic = Buffer.from('broker-user:broker-secret-password').toString('base64');
      const response = await fetch(`${demoBroker.url}/locations/eu-de-central/demo/requests`, {
        headers: { Authorization: `Basic ${basic}` },
      });
      const { requests } = (await response.json()) as {
        requests: { method: string; path: string; headers: Record<string, string> }[];
      };
      return requests.filter(
        (request) => request.method === 'DELETE' && request.path.endsWith(`/service_bindings/${created.body.id}`),
      );
    };
    const [unbind] = await unbinds();
    assert.ok(unbind, 'the broker received the unbind');
    assert.equal(unbind.headers['x-broker-api-originating-identity'], undefined, 'the platform’s own request');

    const listed = await call<ServiceBinding[]>(platform, 'GET', bindings);
    assert.deepEqual(
      listed.body.map((binding) => binding.id),
      [created.body.id],
      'the record is kept',
    );
    const forgotten = await call(platform, 'DELETE', `${bindings}/${created.body.id}`);
    assert.equal(forgotten.status, 204);
    assert.equal((await unbinds()).length, 1, 'forgetting the record sends nothing more to the broker');
  });
});

describe('expiry from the plan, and a broker that does not unbind at first', () => {
  const catalog = {
    services: [
      {
        id: 'expiring-service',
        name: 'expiring',
        description: 'Keys expire after a day',
        bindable: true,
        plans: [{ id: 'expiring-plan', name: 'daily', description: 'Daily keys', metadata: { expiryDays: 1 } }],
      },
    ],
  };
  let scenario: Scenario<ScriptedBroker>;
  let broker: ScriptedBroker;
  let platform: TestPlatform;

  before(async () => {
    scenario = await startScriptedScenario(catalog);
    ({ broker, platform, token } = scenario);
  });

  after(() => scenario.close());

  it('takes the expiry from expiryDays, records a refused unbind and tries again at the next check', async () => {
    const instance = await call<ServiceInstance>(platform, 'POST', INSTANCES, {
      name: 'daily',
      serviceId: 'expiring-service',
      planId: 'expiring-plan',
    });
    const bindings = `${INSTANCES}/${instance.body.id}/bindings`;
    const created = await call(platform, 'POST', bindings, { name: 'key' });
    assert.equal(Date.parse(created.body.expiresAt!), Date.parse(created.body.createdAt) + DAY_MS);
    // A one-day binding is not "expiring soon" from its creation: its warning covers its last quarter.
    assert.equal(created.body.expiresSoon, false);
    platform.clock.advance(18 * 3_600_000);
    assert.equal((await call(platform, 'GET', `${bindings}/${created.body.id}`)).body.expiresSoon, true);
    const { expiry } = platform.parts;

    assert.equal(await expiry.runOnce(), 0, 'nothing has expired yet');
    assert.equal(broker.requestsTo('unbind').length, 0);

    platform.clock.advance(6 * 3_600_000 + 1000);
    broker.script('unbind', { status: 500, body: { description: 'Key store offline' } });
    assert.equal(await expiry.runOnce(), 1);
    const refused = await call(platform, 'GET', `${bindings}/${created.body.id}`);
    assert.equal(refused.body.expiredAt, undefined);
    assert.equal(refused.body.lastOperation.state, 'failed');
    assert.equal(refused.body.lastOperation.description, 'Key store offline');
    assert.deepEqual(refused.body.lastOperation.failure, {
      reason: 'broker-error',
      status: 500,
      brokerMessage: 'Key store offline',
    });
    assert.deepEqual(await events(platform, created.body.id), [{ kind: 'expiry-failed', detail: 'Key store offline' }]);

    assert.equal(await expiry.runOnce(), 1);
    const expired = await call(platform, 'GET', `${bindings}/${created.body.id}`);
    assert.ok(expired.body.expiredAt);
    assert.equal(broker.requestsTo('unbind').length, 2);
    assert.deepEqual(
      (await events(platform, created.body.id)).map((event) => event.kind),
      ['expiry-failed', 'expired'],
    );
    assert.equal(await expiry.runOnce(), 0, 'an expired binding is not unbound again');
  });
});
