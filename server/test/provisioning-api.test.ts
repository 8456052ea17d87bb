/**
 * Service instance lifecycle over real HTTP: the platform against a scripted OSB broker that
 * answers each way the OSB spec allows (and some it does not), checking what the platform
 * stores, what it sends, and which orphan-mitigation DELETEs follow.
 */
import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import type { ErrorBody, ServiceInstance } from '@osb/api';
import type { TestIssuer } from './support/test-issuer.ts';
import { eventually, scriptedCatalog, type ScriptedBroker } from './support/scripted-broker.ts';
import { settled as settledAt, startScriptedScenario, type Scenario, type TestPlatform } from './helper.ts';

let scenario: Scenario<ScriptedBroker>;
let issuer: TestIssuer;
let broker: ScriptedBroker;
let platform: TestPlatform;
let alice: string;
let bob: string;

const PROJECT = 'likvid-payments';
const INSTANCES = `/api/projects/${PROJECT}/service-instances`;

before(async () => {
  scenario = await startScriptedScenario(scriptedCatalog({ maximumPollingDurationSeconds: 2 }));
  ({ issuer, broker, platform, token: alice } = scenario);
  bob = await issuer.sign({ sub: 'bob' });
});

after(() => scenario.close());

beforeEach(() => {
  broker.requests.length = 0;
});

async function call<T = ServiceInstance>(
  method: string,
  path: string,
  body?: unknown,
  token = alice,
): Promise<{ status: number; body: T }> {
  return platform.call<T>(method, path, { body, token });
}

let counter = 0;
function order(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    name: `db-${counter}`,
    serviceId: 'scripted-service',
    planId: 'scripted-small',
    parameters: { size: 2 },
    ...overrides,
  };
}

async function pendingMitigations(): Promise<string[]> {
  const { rows } = await platform.database.query<{ resource_key: string }>(
    'SELECT resource_key FROM orphan_mitigations',
  );
  return rows.map((row) => row.resource_key);
}

async function stored(id: string) {
  return platform.database
    .query('SELECT * FROM service_instances WHERE id = $1', [id])
    .then((result) => result.rows[0]);
}

/** Waits for the instance's operation to leave `in progress` and returns the instance. */
function settled(id: string): Promise<ServiceInstance> {
  return settledAt(platform, `${INSTANCES}/${id}`, alice);
}

/** Waits until the broker has seen orphan-mitigation DELETEs for `id` and the queue entry is gone. */
async function mitigated(id: string) {
  await eventually(async () => !(await pendingMitigations()).includes(id), `orphan mitigation of ${id} to finish`);
  return broker.requestsTo('deprovision').filter((request) => request.instanceId === id);
}

describe('provision', () => {
  it('sends the meshMarketplace provision request and stores a synchronous 201', async () => {
    broker.script('provision', {
      status: 201,
      body: { dashboard_url: 'https://dash.example/1', metadata: { labels: { tier: 'gold' } } },
    });
    const { status, body } = await call('POST', INSTANCES, order({ parameters: { size: 3, tier: 'basic' } }));
    assert.equal(status, 201);
    assert.equal(body.lastOperation.type, 'create');
    assert.equal(body.lastOperation.state, 'succeeded');
    assert.equal(body.dashboardUrl, 'https://dash.example/1');
    assert.deepEqual(body.parameters, { size: 3, tier: 'basic' });

    const [put] = broker.requestsTo('provision');
    assert.ok(put);
    assert.equal(put.instanceId, body.id);
    assert.deepEqual(put.query, { accepts_incomplete: 'true' });
    assert.equal(put.headers['x-broker-api-version'], '2.17');
    assert.match(String(put.headers['x-api-info-location']), /\/info$/);
    assert.deepEqual(put.originatingIdentity, {
      platform: 'meshmarketplace',
      user: { user_id: 'alice', user_euid: 'alice' },
    });
    assert.deepEqual(put.body, {
      service_id: 'scripted-service',
      plan_id: 'scripted-small',
      context: {
        platform: 'meshmarketplace',
        customer_id: 'likvid-bank',
        project_id: PROJECT,
        auth_url: null,
        token_url: null,
        permission_url: null,
      },
      organization_guid: 'likvid-bank',
      space_guid: PROJECT,
      parameters: { size: 3, tier: 'basic' },
      maintenance_info: { version: '1.0.0' },
    });
    assert.deepEqual((await stored(body.id))?.['metadata'], { labels: { tier: 'gold' } });
  });

  it('sends auth_url, token_url and permission_url for a service with a dashboard client', async () => {
    const { status, body } = await call(
      'POST',
      INSTANCES,
      order({ serviceId: 'scripted-dashboard-service', planId: 'scripted-dashboard-plan', parameters: {} }),
    );
    assert.equal(status, 201);
    const context = (broker.requestsTo('provision')[0]?.body as { context: Record<string, string> }).context;
    assert.equal(
      context['auth_url'],
      `${issuer.issuer}/auth?client_id=scripted-dashboard-client&response_type=code&redirect_uri={redirect_uri}&nonce={nonce}&state={state}`,
    );
    assert.equal(context['token_url'], `${issuer.issuer}/token`);
    assert.equal(context['permission_url'], `${platform.publicUrl}/serviceInstances/${body.id}/permissions`);
  });

  it('rejects parameters that do not match the plan schema without calling the broker', async () => {
    const { status, body } = await call<ErrorBody>('POST', INSTANCES, order({ parameters: { size: 11 } }));
    assert.equal(status, 400);
    assert.match(body.message, /size must be <= 10/);
    assert.equal(body.code, 'parametersInvalid');
    assert.match(String(body.params['detail']), /size must be <= 10/);
    assert.equal(body.params['fields'], 'size', 'the UI names the field without the English detail');
    assert.equal(broker.requestsTo('provision').length, 0);
  });

  it('refuses a second instance of the same name in the project', async () => {
    const first = order();
    assert.equal((await call('POST', INSTANCES, first)).status, 201);
    const { status, body } = await call<ErrorBody>('POST', INSTANCES, { ...first });
    assert.equal(status, 409);
    assert.equal(body.code, 'instanceNameTaken');
    assert.deepEqual(body.params, { name: first.name });
    assert.equal(broker.requestsTo('provision').length, 1);
  });

  for (const [label, answer, expectedStatus] of [
    ['400 with a description', { status: 400, body: { description: 'size too large for your quota' } }, 422],
    ['409 Conflict', { status: 409, body: {} }, 409],
    ['408', { status: 408, body: {} }, 502],
    ['422 ConcurrencyError', { status: 422, body: { error: 'ConcurrencyError', description: 'busy' } }, 409],
    ['422 AsyncRequired', { status: 422, body: { error: 'AsyncRequired' } }, 422],
    ['200 with a malformed body', { status: 200, raw: 'this is not json' }, 502],
  ] as const) {
    it(`answers ${label} without storing the instance and without orphan mitigation`, async () => {
      broker.script('provision', answer);
      const { status, body } = await call<ErrorBody>('POST', INSTANCES, order());
      assert.equal(status, expectedStatus);
      if ('body' in answer && 'description' in answer.body) {
        assert.equal(body.message, answer.body.description);
        assert.equal(body.code, 'brokerFailed');
        assert.equal(
          body.params['brokerMessage'],
          answer.body.description,
          "the broker's words travel unchanged, as the broker's",
        );
      } else {
        assert.equal(body.params['brokerMessage'], undefined, 'no words are put in the broker’s mouth');
      }
      const id = broker.requestsTo('provision')[0]!.instanceId!;
      assert.equal(await stored(id), undefined);
      assert.deepEqual(await pendingMitigations(), []);
    });
  }

  for (const [label, answer] of [
    ['500', { status: 500, body: { description: 'Internal error' } }],
    ['201 with a malformed body', { status: 201, raw: '<html>oops</html>' }],
    ['202 with a malformed body', { status: 202, body: { operation: 42 } }],
    ['204 (another 2xx)', { status: 204 }],
    ['no answer (timeout)', 'hang'],
  ] as const) {
    it(`answers ${label} with an error and deletes the orphan until the broker confirms`, async () => {
      broker.script('provision', answer);
      broker.script('deprovision', { status: 500, body: {} }, { status: 202, body: {} }, { status: 410, body: {} });
      const { status } = await call<{ message: string }>('POST', INSTANCES, order());
      assert.equal(status, 502);
      const id = broker.requestsTo('provision')[0]!.instanceId!;
      assert.equal(await stored(id), undefined);
      const deletes = await mitigated(id);
      assert.equal(deletes.length, 3);
      for (const request of deletes) {
        assert.deepEqual(request.query, {
          service_id: 'scripted-service',
          plan_id: 'scripted-small',
          accepts_incomplete: 'true',
        });
        assert.equal(request.originatingIdentity, undefined);
      }
    });
  }

  it('polls an asynchronous provision with the exact operation, through invalid answers, until it succeeds', async () => {
    const operation = 'task 10/ä?&=x';
    broker.script('provision', { status: 202, body: { operation, dashboard_url: 'https://dash.example/async' } });
    broker.script(
      'last_operation',
      { status: 200, body: { state: 'in progress', description: 'Creating (10%)' }, headers: { 'Retry-After': '0' } },
      { status: 500, body: {} },
      { status: 410, body: {} },
      { status: 200, body: { state: 'bogus' } },
      { status: 200, body: { state: 'succeeded', description: 'Ready' } },
    );
    const { status, body } = await call('POST', INSTANCES, order());
    assert.equal(status, 202);
    assert.equal(body.lastOperation.state, 'in progress');
    const done = await settled(body.id);
    assert.equal(done.lastOperation.state, 'succeeded');
    assert.equal(done.lastOperation.description, 'Ready');
    assert.equal(done.dashboardUrl, 'https://dash.example/async');
    const polls = broker.requestsTo('last_operation');
    assert.equal(polls.length, 5);
    for (const poll of polls)
      assert.deepEqual(poll.query, { service_id: 'scripted-service', plan_id: 'scripted-small', operation });
    assert.deepEqual(await pendingMitigations(), []);
  });

  it('marks a failed asynchronous provision failed with the broker description and mitigates the orphan', async () => {
    broker.script('provision', { status: 202, body: {} });
    broker.script('last_operation', { status: 200, body: { state: 'failed', description: 'Out of capacity' } });
    const { body } = await call('POST', INSTANCES, order());
    const done = await settled(body.id);
    assert.equal(done.lastOperation.state, 'failed');
    assert.equal(done.lastOperation.description, 'Out of capacity');
    assert.deepEqual(done.lastOperation.failure, { reason: 'operation-failed', brokerMessage: 'Out of capacity' });
    assert.equal(broker.requestsTo('last_operation')[0]?.query['operation'], undefined);
    assert.equal((await mitigated(body.id)).length, 1);

    // Removing the failed instance is the platform's own business now.
    broker.requests.length = 0;
    assert.equal((await call('DELETE', `${INSTANCES}/${body.id}`)).status, 204);
    assert.equal(broker.requestsTo('deprovision').length, 0);
    assert.equal((await call('GET', `${INSTANCES}/${body.id}`)).status, 404);
  });

  it('fails an operation that never finishes at the plan maximum_polling_duration and mitigates the orphan', async () => {
    broker.script('provision', { status: 202, body: { operation: 'forever' } });
    broker.setDefault('last_operation', { status: 200, body: { state: 'in progress' } });
    try {
      const { body } = await call('POST', INSTANCES, order());
      const done = await settled(body.id);
      assert.equal(done.lastOperation.state, 'failed');
      assert.match(done.lastOperation.description ?? '', /did not finish/);
      assert.deepEqual(done.lastOperation.failure, { reason: 'polling-deadline' }, 'the UI translates the code');
      assert.equal((await mitigated(body.id)).length, 1);
    } finally {
      broker.setDefault('last_operation', { status: 200, body: { state: 'succeeded' } });
    }
  });
});

describe('update', () => {
  async function ready(overrides: Record<string, unknown> = {}): Promise<ServiceInstance> {
    const { status, body } = await call('POST', INSTANCES, order(overrides));
    assert.equal(status, 201);
    broker.requests.length = 0;
    return body;
  }

  it('renames without calling the broker', async () => {
    const instance = await ready();
    const { status, body } = await call('PATCH', `${INSTANCES}/${instance.id}`, { name: `${instance.name}-renamed` });
    assert.equal(status, 200);
    assert.equal(body.name, `${instance.name}-renamed`);
    assert.equal(broker.requests.length, 0);
  });

  it('changes the plan and sends only changed parameters, polling with the old plan', async () => {
    const instance = await ready({ parameters: { size: 2, tier: 'basic' } });
    broker.script('update', { status: 202, body: { operation: 'upd-1' } });
    broker.script('last_operation', { status: 200, body: { state: 'succeeded' } });
    const { status, body } = await call('PATCH', `${INSTANCES}/${instance.id}`, {
      planId: 'scripted-large',
      parameters: { size: 2, tier: 'premium' },
    });
    assert.equal(status, 202);
    assert.equal(body.lastOperation.targetPlanId, 'scripted-large');
    const done = await settled(instance.id);
    assert.equal(done.planId, 'scripted-large');
    assert.deepEqual(done.parameters, { size: 2, tier: 'premium' });

    const patch = broker.requestsTo('update')[0]!;
    const patchBody = patch.body as Record<string, unknown>;
    assert.equal(patchBody['service_id'], 'scripted-service');
    assert.equal(patchBody['plan_id'], 'scripted-large');
    assert.deepEqual(patchBody['parameters'], { tier: 'premium' });
    assert.deepEqual(patchBody['previous_values'], {
      plan_id: 'scripted-small',
      maintenance_info: { version: '1.0.0' },
    });
    assert.deepEqual(patchBody['maintenance_info'], { version: '2.0.0' });
    assert.ok(patch.originatingIdentity);
    assert.deepEqual(broker.requestsTo('last_operation')[0]?.query, {
      service_id: 'scripted-service',
      plan_id: 'scripted-small',
      operation: 'upd-1',
    });
  });

  it('keeps the instance as it was when the broker fails the update, never mitigating', async () => {
    const instance = await ready();
    broker.script('update', {
      status: 500,
      body: { description: 'Update exploded', instance_usable: false, update_repeatable: false },
    });
    const { status, body } = await call<{ message: string }>('PATCH', `${INSTANCES}/${instance.id}`, {
      parameters: { size: 5 },
    });
    assert.equal(status, 502);
    assert.equal(body.message, 'Update exploded');
    const after = (await call('GET', `${INSTANCES}/${instance.id}`)).body;
    assert.deepEqual(after.parameters, { size: 2 });
    assert.equal(after.lastOperation.type, 'update');
    assert.equal(after.lastOperation.state, 'failed');
    assert.equal(after.lastOperation.updateRepeatable, false);
    assert.deepEqual(after.lastOperation.failure, {
      reason: 'broker-error',
      status: 500,
      brokerMessage: 'Update exploded',
    });
    assert.equal(after.usable, false);
    assert.deepEqual(await pendingMitigations(), []);
  });

  it('refuses a plan change when the plan is not plan_updateable', async () => {
    const instance = await ready({ planId: 'scripted-fixed', parameters: {} });
    const { status } = await call('PATCH', `${INSTANCES}/${instance.id}`, { planId: 'scripted-small' });
    assert.equal(status, 422);
    assert.equal(broker.requests.length, 0);
  });
});

describe('delete', () => {
  async function ready(): Promise<ServiceInstance> {
    const { status, body } = await call('POST', INSTANCES, order());
    assert.equal(status, 201);
    broker.requests.length = 0;
    return body;
  }

  for (const [label, answer] of [
    ['200', { status: 200, body: {} }],
    ['410 Gone', { status: 410, body: {} }],
  ] as const) {
    it(`forgets the instance on ${label}`, async () => {
      const instance = await ready();
      broker.script('deprovision', answer);
      assert.equal((await call('DELETE', `${INSTANCES}/${instance.id}`)).status, 204);
      const [request] = broker.requestsTo('deprovision');
      assert.deepEqual(request?.query, {
        service_id: 'scripted-service',
        plan_id: 'scripted-small',
        accepts_incomplete: 'true',
      });
      assert.ok(request?.originatingIdentity);
      assert.equal(await stored(instance.id), undefined);
    });
  }

  it('polls an asynchronous delete and treats 410 as success', async () => {
    const instance = await ready();
    broker.script('deprovision', { status: 202, body: { operation: 'del-1' } });
    broker.script('last_operation', { status: 200, body: { state: 'in progress' } }, { status: 410, body: {} });
    const { status, body } = await call('DELETE', `${INSTANCES}/${instance.id}`);
    assert.equal(status, 202);
    assert.equal(body.lastOperation.type, 'delete');
    await eventually(
      async () => (await call('GET', `${INSTANCES}/${instance.id}`)).status === 404,
      'the instance to be gone',
    );
    assert.equal(broker.requestsTo('last_operation').at(-1)?.query['operation'], 'del-1');
  });

  it('lets only one operation run at a time, also when two requests race', async () => {
    const instance = await ready();
    broker.script('deprovision', { status: 202, body: {} });
    broker.setDefault('last_operation', { status: 200, body: { state: 'in progress' } });
    try {
      const racing = await Promise.all([
        call('DELETE', `${INSTANCES}/${instance.id}`),
        call('DELETE', `${INSTANCES}/${instance.id}`),
      ]);
      assert.deepEqual(racing.map((answer) => answer.status).sort(), [202, 409]);
      assert.equal((await call('PATCH', `${INSTANCES}/${instance.id}`, { name: 'renamed' })).status, 409);
      assert.equal(broker.requestsTo('deprovision').length, 1);
    } finally {
      broker.setDefault('last_operation', { status: 200, body: { state: 'succeeded' } });
    }
    await eventually(
      async () => (await call('GET', `${INSTANCES}/${instance.id}`)).status === 404,
      'the instance to be gone',
    );
  });

  it('keeps the instance on 422 ConcurrencyError and says why, without orphan mitigation', async () => {
    const instance = await ready();
    broker.script('deprovision', {
      status: 422,
      body: { error: 'ConcurrencyError', description: 'An update is running' },
    });
    const { status, body } = await call<{ message: string }>('DELETE', `${INSTANCES}/${instance.id}`);
    assert.equal(status, 409);
    assert.equal(body.message, 'An update is running');
    const after = (await call('GET', `${INSTANCES}/${instance.id}`)).body;
    assert.equal(after.lastOperation.type, 'delete');
    assert.equal(after.lastOperation.state, 'failed');
    assert.deepEqual(await pendingMitigations(), []);
  });

  it('keeps the instance on 500, retries the DELETE and forgets the instance once the broker confirms', async () => {
    const instance = await ready();
    broker.script(
      'deprovision',
      { status: 500, body: { description: 'Disk busy' } },
      { status: 500, body: {} },
      { status: 200, body: {} },
    );
    const { status, body } = await call<{ message: string }>('DELETE', `${INSTANCES}/${instance.id}`);
    const deletes = await mitigated(instance.id);
    assert.equal(status, 502);
    assert.equal(body.message, 'Disk busy');
    assert.equal(deletes.length, 3);
    assert.ok(deletes[0]!.originatingIdentity);
    assert.equal(deletes[1]!.originatingIdentity, undefined);
    assert.equal(await stored(instance.id), undefined);
  });

  it('keeps the instance when an asynchronous delete fails, and mitigates', async () => {
    const instance = await ready();
    broker.script('deprovision', { status: 202, body: {} });
    broker.script('last_operation', { status: 200, body: { state: 'failed', description: 'Snapshot failed' } });
    broker.setDefault('deprovision', { status: 500, body: {} });
    try {
      await call('DELETE', `${INSTANCES}/${instance.id}`);
      const done = await settled(instance.id);
      assert.equal(done.lastOperation.type, 'delete');
      assert.equal(done.lastOperation.state, 'failed');
      assert.equal(done.lastOperation.description, 'Snapshot failed');
      assert.deepEqual(done.lastOperation.failure, { reason: 'operation-failed', brokerMessage: 'Snapshot failed' });
      assert.equal(done.orphanMitigationPending, true);
      const { body: listed } = await call<ServiceInstance[]>('GET', `${INSTANCES}?limit=500`);
      assert.equal(listed.find((item) => item.id === instance.id)?.orphanMitigationPending, true);
      await eventually(() => broker.requestsTo('deprovision').length >= 3, 'orphan-mitigation DELETEs');
    } finally {
      broker.setDefault('deprovision', { status: 200, body: {} });
    }
    await mitigated(instance.id);
    assert.equal(await stored(instance.id), undefined);
  });
});

describe('GET /serviceInstances/:id/permissions', () => {
  it('answers USER for members of the project, NONE for others and for unknown instances alike, 401 without a token', async () => {
    const { body: instance } = await call('POST', INSTANCES, order());
    const ask = async (id: string, token?: string) => {
      const response = await fetch(`${platform.url}/serviceInstances/${id}/permissions`, {
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      });
      return { status: response.status, body: (await response.json()) as { permission?: string } };
    };
    const dashboardToken = await issuer.sign({ sub: 'alice' }, { audience: 'some-dashboard-client' });
    assert.deepEqual(await ask(instance.id, dashboardToken), { status: 200, body: { permission: 'USER' } });
    assert.deepEqual(await ask(instance.id, bob), { status: 200, body: { permission: 'NONE' } });
    assert.deepEqual(await ask('no-such-instance', alice), { status: 200, body: { permission: 'NONE' } });
    assert.deepEqual(
      await ask('no-such-instance', bob),
      await ask(instance.id, bob),
      'unknown and forbidden look the same',
    );
    assert.equal((await ask(instance.id)).status, 401);
    assert.equal((await ask(instance.id, await issuer.sign({ sub: 'alice' }, { foreignKey: true }))).status, 401);
    assert.equal(
      (await ask(instance.id, await issuer.sign({ sub: 'alice' }, { expiresIn: null }))).status,
      401,
      'no exp',
    );
    const idToken = await issuer.sign({ sub: 'alice', nonce: 'n-1' }, { audience: 'some-dashboard-client' });
    assert.equal((await ask(instance.id, idToken)).status, 401, 'an ID token');
  });

  it('hides other projects’ instances from the API', async () => {
    const { body: instance } = await call('POST', INSTANCES, order());
    assert.equal((await call('GET', `${INSTANCES}/${instance.id}`, undefined, bob)).status, 404);
    assert.equal(
      (await call('GET', `/api/projects/acme-webshop/service-instances/${instance.id}`, undefined, bob)).status,
      404,
    );
  });
});

describe('restart', () => {
  it('resumes pending orphan mitigation when the platform starts again', async () => {
    broker.script('provision', { status: 500, body: {} });
    broker.setDefault('deprovision', { status: 500, body: {} });
    assert.equal((await call('POST', INSTANCES, order())).status, 502);
    const id = broker.requestsTo('provision')[0]!.instanceId!;
    await eventually(
      () => broker.requestsTo('deprovision').some((request) => request.instanceId === id),
      'a first orphan-mitigation DELETE',
    );
    await platform.close();
    broker.setDefault('deprovision', { status: 200, body: {} });

    platform = await scenario.restart();
    const deletes = await mitigated(id);
    assert.ok(deletes.length >= 2);
    assert.equal(deletes.at(-1)?.originatingIdentity, undefined);
  });
});
