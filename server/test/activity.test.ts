/**
 * The activity log over real HTTP against a scripted broker: every operation on instances,
 * bindings and shares is recorded with who, when and how it ended (the start and the end of
 * asynchronous ones, failures by the broker with their reason), filtered and paged by
 * `GET /api/projects/:projectId/activity`; secret parameters and credentials never appear.
 */
import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import type { ActivityEntry, ActivityPage, ServiceBinding, ServiceInstance } from '@osb/api';
import { eventually, scriptedCatalog, type ScriptedBroker } from './support/scripted-broker.ts';
import { startScriptedScenario, startTestPlatform, type Scenario, type TestPlatform } from './helper.ts';
import { temporaryDirectory, testConfig } from './support/test-config.ts';
import { instanceActivity } from '../src/provisioning/instance-activity.ts';
import type { InstanceRecord } from '../src/provisioning/instance-repository.ts';
import type { Database } from '../src/store/database.ts';
import { openDatabase } from '../src/store/open-database.ts';

const PROJECT = 'likvid-payments';
const INSTANCES = `/api/projects/${PROJECT}/service-instances`;
const ACTIVITY = `/api/projects/${PROJECT}/activity`;
const CHANGES = `/api/projects/${PROJECT}/changes`;
const SECRET_PARAMETER = 'Param-Secret-8d1f';
const SECRET_CREDENTIAL = 'Cred-Secret-77ab';

/** The scripted catalog plus a shareable service with a secret parameter. */
function activityCatalog() {
  const catalog = scriptedCatalog();
  catalog.services.push({
    id: 'vault-service',
    name: 'vault',
    description: 'A shareable service with a secret parameter',
    bindable: true,
    binding_rotatable: true,
    metadata: { shareable: true },
    plans: [
      {
        id: 'vault-standard',
        name: 'standard',
        description: 'Standard',
        schemas: {
          service_instance: {
            create: {
              parameters: {
                $schema: 'http://json-schema.org/draft-04/schema#',
                type: 'object',
                properties: { adminPassword: { type: 'string', format: 'password' }, region: { type: 'string' } },
              },
            },
          },
        },
      },
    ],
  } as never);
  return catalog;
}

let scenario: Scenario<ScriptedBroker>;
let broker: ScriptedBroker;
let platform: TestPlatform;
let alice: string;
let bob: string;

before(async () => {
  scenario = await startScriptedScenario(activityCatalog());
  ({ broker, platform, token: alice } = scenario);
  bob = await scenario.issuer.sign({ sub: 'bob' });
});

after(() => scenario.close());

beforeEach(() => {
  broker.requests.length = 0;
});

let counter = 0;
async function order(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return platform.call<ServiceInstance>('POST', INSTANCES, {
    token: alice,
    body: {
      name: `act-${counter}`,
      serviceId: 'scripted-service',
      planId: 'scripted-small',
      parameters: { size: 2 },
      ...overrides,
    },
  });
}

async function activity(query = '', token = alice) {
  return platform.call<ActivityPage>('GET', `${ACTIVITY}${query}`, { token });
}

/** The instance's entries, oldest first, as `kind outcome` lines. */
async function timeline(instanceId: string): Promise<string[]> {
  const { body } = await activity(`?instanceId=${encodeURIComponent(instanceId)}&limit=200`);
  return body.entries
    .slice()
    .reverse()
    .map((entry) => `${entry.kind} ${entry.outcome}${entry.bindingId ? ' (binding)' : ''}`);
}

/**
 * Waits until the instance's timeline has `count` entries and returns it. An operation that ends
 * in the background records its end in the activity last, after the instance or binding shows
 * it: a test waits for that entry before it reads the activity or starts the next operation.
 */
async function timelineOfLength(instanceId: string, count: number): Promise<string[]> {
  return eventually(async () => {
    const lines = await timeline(instanceId);
    return lines.length >= count && lines;
  }, `${count} activity entries of ${instanceId}`);
}

describe('activity of instances', () => {
  it('records a synchronous order, a rename, an asynchronous plan change and a deprovision, with who and when', async () => {
    const before = Date.now();
    const created = await order();
    assert.equal(created.status, 201);
    const id = created.body.id;
    assert.equal(
      (await platform.call('PATCH', `${INSTANCES}/${id}`, { token: alice, body: { name: 'renamed-db' } })).status,
      200,
    );
    broker.script('update', { status: 202, body: { operation: 'upd-1' } });
    broker.script('last_operation', { status: 200, body: { state: 'succeeded' } });
    await platform.call('PATCH', `${INSTANCES}/${id}`, { token: alice, body: { planId: 'scripted-large' } });
    // The end of the plan change (recorded after the instance shows it), before the deprovision.
    await timelineOfLength(id, 4);
    assert.equal((await platform.call('DELETE', `${INSTANCES}/${id}`, { token: alice })).status, 204);

    assert.deepEqual(await timeline(id), [
      'ordered succeeded',
      'changed succeeded',
      'changed started',
      'changed succeeded',
      'deprovisioned succeeded',
    ]);
    const { body } = await activity(`?instanceId=${id}`);
    const [deprovisioned, planChanged, , renamed, ordered] = body.entries;
    assert.deepEqual(ordered!.actor, { id: 'alice', displayName: 'Alice Adams' });
    assert.equal(ordered!.instanceName, created.body.name);
    assert.ok(Date.parse(ordered!.at) >= before - 1000 && Date.parse(ordered!.at) <= Date.now() + 1000);
    assert.deepEqual(ordered!.details, { serviceId: 'scripted-service', planId: 'scripted-small' });
    assert.equal(renamed!.details.previousName, created.body.name);
    assert.equal(renamed!.instanceName, 'renamed-db');
    // The end of an asynchronous operation knows the user only by id: the name is the one recorded before.
    assert.deepEqual(planChanged!.actor, { id: 'alice', displayName: 'Alice Adams' });
    assert.equal(planChanged!.details.planId, 'scripted-large');
    assert.equal(planChanged!.details.previousPlanId, 'scripted-small');
    assert.equal(deprovisioned!.instanceName, 'renamed-db');
  });

  it('records failures by the broker with the reason, its words and orphan mitigation', async () => {
    broker.script('provision', { status: 500, body: { description: 'Disk full' } });
    const refused = await order({ name: 'fails-at-once' });
    assert.equal(refused.status, 502);
    const sync = (await activity('?outcome=failed')).body.entries.find(
      (entry) => entry.instanceName === 'fails-at-once',
    );
    assert.ok(sync);
    assert.equal(sync.kind, 'ordered');
    assert.deepEqual(sync.details, {
      serviceId: 'scripted-service',
      planId: 'scripted-small',
      failureReason: 'broker-error',
      brokerMessage: 'Disk full',
      orphanMitigation: true,
    });

    broker.script('provision', { status: 202, body: { operation: 'op' } });
    broker.script('last_operation', { status: 200, body: { state: 'failed', description: 'Out of capacity' } });
    const accepted = await order({ name: 'fails-later' });
    assert.equal(accepted.status, 202);
    assert.deepEqual(await timelineOfLength(accepted.body.id, 2), ['ordered started', 'ordered failed']);
    const [failed] = (await activity(`?instanceId=${accepted.body.id}&outcome=failed`)).body.entries;
    assert.equal(failed!.details.failureReason, 'operation-failed');
    assert.equal(failed!.details.brokerMessage, 'Out of capacity');
    assert.deepEqual(failed!.actor, { id: 'alice', displayName: 'Alice Adams' });

    const kept = await order({ name: 'cannot-delete' });
    broker.script('deprovision', { status: 422, body: { error: 'Busy', description: 'Backups running' } });
    assert.equal((await platform.call('DELETE', `${INSTANCES}/${kept.body.id}`, { token: alice })).status, 422);
    assert.deepEqual(await timeline(kept.body.id), ['ordered succeeded', 'deprovisioned failed']);
  });

  it('records a maintenance upgrade with the new version', async () => {
    const created = await order({ name: 'to-upgrade' });
    await platform.database.query(`UPDATE service_instances SET maintenance_info_version = '0.9.0' WHERE id = $1`, [
      created.body.id,
    ]);
    const upgraded = await platform.call('POST', `${INSTANCES}/${created.body.id}/upgrade`, { token: alice });
    assert.equal(upgraded.status, 200);
    assert.deepEqual(await timeline(created.body.id), ['ordered succeeded', 'upgraded succeeded']);
    const [entry] = (await activity(`?instanceId=${created.body.id}&kind=upgraded`)).body.entries;
    assert.equal(entry!.details.maintenanceInfoVersion, '1.0.0');
  });

  it('calls an update that only moves to a newer maintenance version of the same plan an upgrade', () => {
    const base = {
      id: 'i-1',
      projectId: PROJECT,
      name: 'db',
      serviceId: 'scripted-service',
      planId: 'scripted-small',
      maintenanceInfoVersion: '1.0.0',
    };
    const update = (planId: string, maintenanceInfoVersion: string) =>
      ({
        ...base,
        operation: {
          type: 'update',
          requestedBy: 'alice',
          updateTarget: { planId, parameters: {}, maintenanceInfoVersion },
        },
      }) as unknown as InstanceRecord;
    const upgrade = instanceActivity(update('scripted-small', '1.1.0'), 'started');
    assert.equal(upgrade.kind, 'upgraded');
    assert.equal(upgrade.details?.maintenanceInfoVersion, '1.1.0');
    assert.equal(instanceActivity(update('scripted-small', '1.0.0'), 'started').kind, 'changed');
    const planChange = instanceActivity(update('scripted-large', '2.0.0'), 'started');
    assert.equal(planChange.kind, 'changed');
    assert.equal(planChange.details?.previousPlanId, 'scripted-small');
  });
});

describe('activity of bindings and shares', () => {
  it('records binds and unbinds (synchronous, asynchronous, failed) and shares, never secrets or credentials', async () => {
    const created = await order({
      name: 'vault-1',
      serviceId: 'vault-service',
      planId: 'vault-standard',
      parameters: { adminPassword: SECRET_PARAMETER, region: 'eu' },
    });
    assert.equal(created.status, 201);
    const id = created.body.id;
    const BINDINGS = `${INSTANCES}/${id}/bindings`;

    broker.script('bind', { status: 201, body: { credentials: { password: SECRET_CREDENTIAL } } });
    const bound = await platform.call<ServiceBinding>('POST', BINDINGS, {
      token: alice,
      body: { name: 'app-1', parameters: {} },
    });
    assert.equal(bound.status, 201);
    const rotated = await platform.call<ServiceBinding>('POST', `${BINDINGS}/${bound.body.id}/rotate`, {
      token: alice,
      body: {},
    });
    assert.equal(rotated.status, 201);
    broker.script('bind', { status: 422, body: { error: 'RequiresApp', description: 'Needs an app' } });
    assert.equal(
      (await platform.call('POST', BINDINGS, { token: alice, body: { name: 'app-2', parameters: {} } })).status,
      422,
    );
    broker.script('bind', { status: 202, body: { operation: 'bind-op' } });
    broker.script('binding_last_operation', { status: 200, body: { state: 'succeeded' } });
    broker.script('binding_fetch', { status: 200, body: { credentials: { password: SECRET_CREDENTIAL } } });
    const asyncBound = await platform.call<ServiceBinding>('POST', BINDINGS, {
      token: alice,
      body: { name: 'app-3', parameters: {} },
    });
    assert.equal(asyncBound.status, 202);
    await eventually(async () => {
      const { body } = await platform.call<ServiceBinding>('GET', `${BINDINGS}/${asyncBound.body.id}`, {
        token: alice,
      });
      return body.lastOperation?.state === 'succeeded';
    }, 'the asynchronous bind succeeds');
    // Its end is recorded after the binding shows it: wait for that entry before the next operation.
    await timelineOfLength(id, 6);

    broker.script('unbind', { status: 202, body: { operation: 'unbind-op' } });
    broker.script('binding_last_operation', { status: 200, body: { state: 'succeeded' } });
    assert.equal((await platform.call('DELETE', `${BINDINGS}/${bound.body.id}`, { token: alice })).status, 202);
    await eventually(
      async () => (await platform.call('GET', `${BINDINGS}/${bound.body.id}`, { token: alice })).status === 404,
      'the asynchronous unbind ends',
    );
    await timelineOfLength(id, 8);

    const SHARES = `${INSTANCES}/${id}/shares`;
    assert.equal(
      (await platform.call('POST', SHARES, { token: alice, body: { targetProjectId: 'likvid-mobile' } })).status,
      201,
    );
    assert.equal((await platform.call('DELETE', `${SHARES}/likvid-mobile`, { token: alice })).status, 204);

    assert.deepEqual(await timeline(id), [
      'ordered succeeded',
      'bound succeeded (binding)',
      'rotated succeeded (binding)',
      'bound failed (binding)',
      'bound started (binding)',
      'bound succeeded (binding)',
      'unbound started (binding)',
      'unbound succeeded (binding)',
      'shared succeeded',
      'share-ended succeeded',
    ]);
    const entries = (await activity(`?instanceId=${id}`)).body.entries;
    const failedBind = entries.find((entry) => entry.kind === 'bound' && entry.outcome === 'failed')!;
    assert.equal(failedBind.bindingName, 'app-2');
    assert.equal(failedBind.details.failureReason, 'requires-app');
    const shared = entries.find((entry) => entry.kind === 'shared')!;
    assert.equal(shared.details.targetProjectId, 'likvid-mobile');
    assert.equal(shared.details.targetProjectName, 'Mobile App');

    const everything = JSON.stringify((await activity('?limit=200')).body);
    assert.ok(!everything.includes(SECRET_PARAMETER), 'a secret parameter appears in the activity');
    assert.ok(!everything.includes(SECRET_CREDENTIAL), 'credentials appear in the activity');
    assert.ok(!everything.includes('"region"'), 'parameters appear in the activity');
    const { rows } = await platform.database.query<{ details: unknown }>('SELECT details FROM activity_entries');
    assert.ok(!JSON.stringify(rows).includes(SECRET_PARAMETER));
    assert.ok(!JSON.stringify(rows).includes(SECRET_CREDENTIAL));
  });
});

describe('GET /api/projects/:projectId/activity', () => {
  it('filters by instance, kind and outcome, pages newest first and counts the matches', async () => {
    const first = await order({ name: 'paged-a' });
    const second = await order({ name: 'paged-b' });
    const all = await activity('?limit=200');
    assert.equal(all.status, 200);
    assert.equal(all.body.total, all.body.entries.length);
    const times = all.body.entries.map((entry) => Date.parse(entry.at));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );
    assert.equal(all.body.entries[0]!.instanceId, second.body.id);

    const page = await activity('?limit=1&offset=1&kind=ordered&outcome=succeeded');
    assert.equal(page.body.entries.length, 1);
    assert.equal(page.body.entries[0]!.instanceId, first.body.id);
    const ordered = all.body.entries.filter(
      (entry: ActivityEntry) => entry.kind === 'ordered' && entry.outcome === 'succeeded',
    );
    assert.equal(page.body.total, ordered.length);
    assert.equal((await activity(`?instanceId=${first.body.id}`)).body.total, 1);
    assert.equal((await activity('?kind=nonsense')).status, 400);
    assert.equal((await activity('?limit=1000')).status, 400);
  });

  it('shows a project only to its members, and each project only its own activity', async () => {
    assert.equal((await activity('', bob)).status, 404);
    const mobile = await platform.call<ActivityPage>('GET', '/api/projects/likvid-mobile/activity', {
      token: alice,
    });
    assert.equal(mobile.status, 200);
    assert.equal(
      mobile.body.entries.filter((entry) => entry.instanceName.startsWith('act-')).length,
      0,
      'another project sees the activity',
    );
  });
});

/** The database, with every write of an activity entry held back by `delayMs` before it runs. */
function slowActivityWrites(database: Database, delayMs: number): Database {
  return new Proxy(database, {
    get(target, property) {
      if (property === 'query') {
        const query: Database['query'] = async (sql, params, options) => {
          if (sql.trimStart().startsWith('INSERT INTO activity_entries')) {
            await new Promise((resolve) => setTimeout(resolve, delayMs));
          }
          return target.query(sql, params, options);
        };
        return query;
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe('GET /api/projects/:projectId/changes and the activity', () => {
  it('announces the end of an operation after its entry is written, so that reading on the last change shows it', async () => {
    const directory = await temporaryDirectory();
    const config = testConfig({
      issuer: scenario.issuer.issuer,
      dataDir: directory.path,
      brokers: [{ id: 'scripted', url: broker.url }],
    });
    const database = await openDatabase(config.database);
    // Slower than the UI waits (300 ms) after a change before it reads the activity again.
    const slow = await startTestPlatform({ config, database: slowActivityWrites(database, 1000) });
    const controller = new AbortController();
    try {
      const response = await fetch(`${slow.url}${CHANGES}`, {
        headers: { Authorization: `Bearer ${alice}`, Accept: 'text/event-stream' },
        signal: controller.signal,
      });
      assert.equal(response.status, 200);
      // Like the timeline: on every change, the activity is read again; `shown` is what the last read showed.
      let shown: ActivityEntry[] = [];
      let reads = Promise.resolve();
      let changes = 0;
      const listening = (async () => {
        const decoder = new TextDecoder();
        let text = '';
        try {
          for await (const chunk of response.body!) {
            text += decoder.decode(chunk as Uint8Array, { stream: true });
            const blocks = text.split('\n\n');
            text = blocks.pop() ?? '';
            for (const block of blocks) {
              if (!block.startsWith('event: change')) continue;
              changes += 1;
              reads = reads.then(async () => {
                shown = (await slow.call<ActivityPage>('GET', `${ACTIVITY}?limit=200`, { token: alice })).body.entries;
              });
            }
          }
        } catch {
          // Aborted at the end of the test.
        }
      })();

      broker.script('provision', { status: 202, body: { operation: 'slowly-recorded' } });
      broker.script('last_operation', { status: 200, body: { state: 'succeeded' } });
      const accepted = await slow.call<ServiceInstance>('POST', INSTANCES, {
        token: alice,
        body: {
          name: 'slowly-recorded',
          serviceId: 'scripted-service',
          planId: 'scripted-small',
          parameters: { size: 2 },
        },
      });
      assert.equal(accepted.status, 202);
      const lines = async () => {
        const { body } = await slow.call<ActivityPage>('GET', `${ACTIVITY}?instanceId=${accepted.body.id}`, {
          token: alice,
        });
        return body.entries.map((entry) => `${entry.kind} ${entry.outcome}`);
      };
      await eventually(async () => (await lines()).length === 2, 'the end of the order is recorded');
      assert.deepEqual(await lines(), ['ordered succeeded', 'ordered started']);
      const announced = await eventually(
        async () => {
          await reads;
          return shown.some((entry) => entry.instanceId === accepted.body.id && entry.outcome === 'succeeded');
        },
        'the activity read on the last change shows the end of the order',
        3000,
      ).catch(() => false);
      assert.ok(announced, `the activity read on the last of ${changes} changes misses the end of the order`);
      controller.abort();
      await listening;
    } finally {
      controller.abort();
      await slow.close();
      await database.close();
      await directory.remove();
    }
  });
});
