/**
 * Bindings over real HTTP against scripted brokers: ordinary binds with encrypted storage,
 * asynchronous binds fetched after success, sensitive binds (synchronous only, credentials
 * never stored or logged), tenant bindings, unbinding, orphan mitigation and deprovisioning
 * with bindings.
 */
import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import type { BindingTenantChoice, ServiceBinding, ServiceBindingWithCredentials, ServiceInstance } from '@osb/api';
import { eventually, startScriptedBroker, type ScriptedBroker } from './support/scripted-broker.ts';
import { settled, startScenario, type Answer, type Scenario, type TestPlatform } from './helper.ts';

const PROJECT = 'likvid-payments';
const INSTANCES = `/api/projects/${PROJECT}/service-instances`;
const DRAFT_04 = 'http://json-schema.org/draft-04/schema#';

/** Services of the global scripted broker, one per binding behaviour. */
const globalCatalog = {
  services: [
    {
      id: 'plain-service',
      name: 'plain',
      description: 'An ordinary bindable service',
      bindable: true,
      plans: [
        {
          id: 'plain-plan',
          name: 'standard',
          description: 'Standard',
          schemas: {
            service_binding: {
              create: {
                parameters: {
                  $schema: DRAFT_04,
                  type: 'object',
                  properties: { role: { type: 'string', enum: ['reader', 'writer'] } },
                },
              },
            },
          },
        },
        { id: 'plain-unbindable', name: 'unbindable', description: 'Not bindable', bindable: false },
      ],
    },
    {
      id: 'sensitive-service',
      name: 'sensitive',
      description: 'A sensitive service',
      bindable: true,
      metadata: { sensitive: true },
      plans: [{ id: 'sensitive-plan', name: 'standard', description: 'Standard' }],
    },
    {
      id: 'tagged-sensitive-service',
      name: 'tagged-sensitive',
      description: 'A service marked sensitive by its tag',
      bindable: true,
      tags: ['sensitive'],
      plans: [{ id: 'tagged-sensitive-plan', name: 'standard', description: 'Standard' }],
    },
    {
      id: 'tenant-service',
      name: 'tenant-backup',
      description: 'A tenant-aware global service',
      bindable: true,
      metadata: { tenantAware: true },
      plans: [{ id: 'tenant-plan', name: 'standard', description: 'Standard' }],
    },
  ],
};

/** A tenant-aware service of a broker in Amsterdam, where likvid-payments has no tenant in the test configuration. */
const amsterdamCatalog = {
  services: [
    {
      id: 'ams-tenant-service',
      name: 'ams-tenant-backup',
      description: 'A tenant-aware local service',
      bindable: true,
      metadata: { tenantAware: true },
      plans: [{ id: 'ams-tenant-plan', name: 'standard', description: 'Standard' }],
    },
  ],
};

let scenario: Scenario<{ global: ScriptedBroker; amsterdam: ScriptedBroker; close(): Promise<void> }>;
let broker: ScriptedBroker;
let amsterdam: ScriptedBroker;
let platform: TestPlatform;
let token: string;

before(async () => {
  scenario = await startScenario({
    async startBroker() {
      const brokers = [await startScriptedBroker(globalCatalog), await startScriptedBroker(amsterdamCatalog)] as const;
      return {
        global: brokers[0],
        amsterdam: brokers[1],
        close: async () => void (await Promise.all(brokers.map((one) => one.close()))),
      };
    },
    brokers: ({ global, amsterdam }) => [
      { id: 'scripted', url: global.url },
      { id: 'scripted-ams', url: amsterdam.url, locality: { location: 'eu-nl-west' } },
    ],
    captureLogs: true,
  });
  ({ platform, token } = scenario);
  ({ global: broker, amsterdam } = scenario.broker);
});

after(() => scenario.close());

beforeEach(() => {
  broker.requests.length = 0;
  amsterdam.requests.length = 0;
});

async function call<T = ServiceBindingWithCredentials>(
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer<T>> {
  return platform.call<T>(method, path, { body, token });
}

let instanceCount = 0;

/** Provisions an instance (the scripted broker answers 201) and returns it. */
async function instanceOf(serviceId: string, planId: string): Promise<ServiceInstance> {
  const { status, body } = await call<ServiceInstance>('POST', INSTANCES, {
    name: `instance-${++instanceCount}`,
    serviceId,
    planId,
  });
  assert.equal(status, 201);
  return body;
}

function bindingsOf(instance: ServiceInstance): string {
  return `${INSTANCES}/${instance.id}/bindings`;
}

async function storedRow(bindingId: string): Promise<Record<string, unknown> | undefined> {
  const { rows } = await platform.database.query('SELECT * FROM service_bindings WHERE id = $1', [bindingId]);
  return rows[0];
}

async function pendingMitigations(): Promise<string[]> {
  const { rows } = await platform.database.query<{ binding_id: string | null }>(
    'SELECT binding_id FROM orphan_mitigations',
  );
  return rows.map((row) => row.binding_id ?? '');
}

describe('ordinary bindings', () => {
  it('binds, stores the credentials encrypted and answers with Cache-Control: no-store', async () => {
    const instance = await instanceOf('plain-service', 'plain-plan');
    broker.script('bind', {
      status: 201,
      body: { credentials: { username: 'app', password: 'plain-text-password-4711' } },
    });
    const created = await call('POST', bindingsOf(instance), { name: 'my app', parameters: { role: 'reader' } });
    assert.equal(created.status, 201);
    assert.equal(created.headers.get('cache-control'), 'no-store');
    assert.deepEqual(created.body.credentials, { username: 'app', password: 'plain-text-password-4711' });
    assert.equal(created.body.lastOperation.state, 'succeeded');
    assert.equal(created.body.credentialsDelivered, undefined);

    const [put] = broker.requestsTo('bind');
    assert.ok(put);
    assert.equal(put.instanceId, instance.id);
    assert.equal(put.bindingId, created.body.id);
    assert.deepEqual(put.query, { accepts_incomplete: 'true' });
    assert.deepEqual(put.originatingIdentity, {
      platform: 'meshmarketplace',
      user: { user_id: 'alice', user_euid: 'alice' },
    });
    assert.deepEqual(put.body, {
      service_id: 'plain-service',
      plan_id: 'plain-plan',
      context: {
        platform: 'meshmarketplace',
        customer_id: 'likvid-bank',
        project_id: PROJECT,
        auth_url: null,
        token_url: null,
        permission_url: null,
      },
      parameters: { role: 'reader' },
    });

    const row = await storedRow(created.body.id);
    assert.ok(row);
    assert.match(String(row['credentials']), /^v1\./);
    assert.doesNotMatch(JSON.stringify(row), /plain-text-password-4711/);

    const read = await call('GET', `${bindingsOf(instance)}/${created.body.id}`);
    assert.equal(read.status, 200);
    assert.equal(read.headers.get('cache-control'), 'no-store');
    assert.deepEqual(read.body.credentials, { username: 'app', password: 'plain-text-password-4711' });

    const list = await call<ServiceBinding[]>('GET', bindingsOf(instance));
    assert.equal(list.status, 200);
    assert.equal(list.headers.get('cache-control'), 'no-store');
    assert.deepEqual(
      list.body.map((binding) => binding.name),
      ['my app'],
    );
    assert.equal('credentials' in list.body[0]!, false);
  });

  it('checks the parameters against the binding schema before the broker hears of it', async () => {
    const instance = await instanceOf('plain-service', 'plain-plan');
    const { status, body } = await call('POST', bindingsOf(instance), { name: 'bad', parameters: { role: 'owner' } });
    assert.equal(status, 400);
    assert.match((body as unknown as { message: string }).message, /role/);
    assert.equal(broker.requestsTo('bind').length, 0);
  });

  it('refuses plans that are not bindable', async () => {
    const instance = await instanceOf('plain-service', 'plain-unbindable');
    const { status } = await call('POST', bindingsOf(instance), { name: 'nope' });
    assert.equal(status, 422);
    assert.equal(broker.requestsTo('bind').length, 0);
  });

  it('follows an asynchronous bind and fetches the binding after success', async () => {
    const instance = await instanceOf('plain-service', 'plain-plan');
    broker.script('bind', { status: 202, body: { operation: 'bind op/1' } });
    broker.script(
      'binding_last_operation',
      { status: 200, body: { state: 'in progress', description: 'Creating user' } },
      { status: 200, body: { state: 'succeeded' } },
    );
    broker.script('binding_fetch', {
      status: 200,
      body: {
        credentials: { uri: 'postgres://u:async-secret@db/x' },
        metadata: { expires_at: '2099-01-01T00:00:00Z' },
      },
    });
    const created = await call('POST', bindingsOf(instance), { name: 'async' });
    assert.equal(created.status, 202);
    assert.equal(created.body.lastOperation.state, 'in progress');
    assert.equal(created.body.credentials, undefined);

    const done = await settled<ServiceBindingWithCredentials>(
      platform,
      `${bindingsOf(instance)}/${created.body.id}`,
      token,
      'the asynchronous bind to finish',
    );
    assert.equal(done.lastOperation.state, 'succeeded');
    assert.deepEqual(done.credentials, { uri: 'postgres://u:async-secret@db/x' });
    assert.equal(done.expiresAt, '2099-01-01T00:00:00.000Z');
    const polls = broker.requestsTo('binding_last_operation');
    assert.ok(polls.length >= 2);
    assert.deepEqual(polls[0]!.query, { service_id: 'plain-service', plan_id: 'plain-plan', operation: 'bind op/1' });
    assert.deepEqual(broker.requestsTo('binding_fetch')[0]!.query, {
      service_id: 'plain-service',
      plan_id: 'plain-plan',
    });
    assert.doesNotMatch(JSON.stringify(await storedRow(created.body.id)), /async-secret/);
  });

  it('resumes polling an asynchronous bind after a platform restart', async () => {
    const instance = await instanceOf('plain-service', 'plain-plan');
    broker.script('bind', { status: 202, body: { operation: 'slow' } });
    broker.setDefault('binding_last_operation', { status: 200, body: { state: 'in progress' } });
    const created = await call('POST', bindingsOf(instance), { name: 'survives restarts' });
    assert.equal(created.status, 202);
    await eventually(() => broker.requestsTo('binding_last_operation').length > 0, 'a first poll');
    await platform.close();

    broker.setDefault('binding_last_operation', { status: 200, body: { state: 'succeeded' } });
    broker.script('binding_fetch', { status: 200, body: { credentials: { key: 'after-restart' } } });
    platform = await scenario.restart();
    const done = await settled<ServiceBindingWithCredentials>(
      platform,
      `${bindingsOf(instance)}/${created.body.id}`,
      token,
      'the resumed bind to finish',
    );
    assert.equal(done.lastOperation.state, 'succeeded');
    assert.deepEqual(done.credentials, { key: 'after-restart' });
  });

  it('mitigates an orphan after a 500 and does not keep the binding', async () => {
    const instance = await instanceOf('plain-service', 'plain-plan');
    broker.script('bind', { status: 500, body: { description: 'Bind exploded' } });
    const { status, body } = await call('POST', bindingsOf(instance), { name: 'broken' });
    assert.equal(status, 502);
    assert.equal((body as unknown as { message: string }).message, 'Bind exploded');
    const bindingId = broker.requestsTo('bind')[0]!.bindingId!;
    await eventually(
      async () => !(await pendingMitigations()).includes(bindingId),
      'orphan mitigation of the binding to finish',
    );
    const unbind = broker.requestsTo('unbind').find((request) => request.bindingId === bindingId);
    assert.ok(unbind, 'the broker got an unbind for the orphan');
    assert.equal(unbind.originatingIdentity, undefined);
    assert.deepEqual((await call<ServiceBinding[]>('GET', bindingsOf(instance))).body, []);
  });

  it('unbinds synchronously and asynchronously', async () => {
    const instance = await instanceOf('plain-service', 'plain-plan');
    const first = await call('POST', bindingsOf(instance), { name: 'first' });
    const second = await call('POST', bindingsOf(instance), { name: 'second' });

    const deleted = await call('DELETE', `${bindingsOf(instance)}/${first.body.id}`);
    assert.equal(deleted.status, 204);
    const [unbind] = broker.requestsTo('unbind');
    assert.deepEqual(unbind!.query, { service_id: 'plain-service', plan_id: 'plain-plan', accepts_incomplete: 'true' });
    assert.deepEqual(unbind!.originatingIdentity, {
      platform: 'meshmarketplace',
      user: { user_id: 'alice', user_euid: 'alice' },
    });

    broker.script('unbind', { status: 202, body: { operation: 'unbind-2' } });
    broker.script('binding_last_operation', { status: 410, body: {} });
    const accepted = await call('DELETE', `${bindingsOf(instance)}/${second.body.id}`);
    assert.equal(accepted.status, 202);
    assert.equal(accepted.body.lastOperation.type, 'delete');
    await eventually(
      async () => (await call('GET', `${bindingsOf(instance)}/${second.body.id}`)).status === 404,
      'the asynchronous unbind to finish',
    );
    assert.equal(broker.requestsTo('binding_last_operation')[0]!.query['operation'], 'unbind-2');
  });

  it('keeps a binding the broker refuses to delete and says why', async () => {
    const instance = await instanceOf('plain-service', 'plain-plan');
    const created = await call('POST', bindingsOf(instance), { name: 'stays' });
    broker.script('unbind', { status: 422, body: { error: 'ConcurrencyError', description: 'Busy right now' } });
    const refused = await call('DELETE', `${bindingsOf(instance)}/${created.body.id}`);
    assert.equal(refused.status, 409);
    assert.equal((refused.body as unknown as { message: string }).message, 'Busy right now');
    const kept = await call('GET', `${bindingsOf(instance)}/${created.body.id}`);
    assert.equal(kept.body.lastOperation.type, 'delete');
    assert.equal(kept.body.lastOperation.state, 'failed');
  });

  it('deletes the bindings before it deprovisions the instance', async () => {
    const instance = await instanceOf('plain-service', 'plain-plan');
    await call('POST', bindingsOf(instance), { name: 'one' });
    await call('POST', bindingsOf(instance), { name: 'two' });
    const deleted = await call('DELETE', `${INSTANCES}/${instance.id}`);
    assert.equal(deleted.status, 204);
    const routes = broker.requests
      .filter((request) => request.instanceId === instance.id)
      .map((request) => request.route);
    assert.deepEqual(routes.slice(-3), ['unbind', 'unbind', 'deprovision']);
  });

  it('keeps the instance when a binding cannot be deleted first', async () => {
    const instance = await instanceOf('plain-service', 'plain-plan');
    await call('POST', bindingsOf(instance), { name: 'stubborn' });
    broker.script('unbind', { status: 400, body: { description: 'Not now' } });
    const refused = await call('DELETE', `${INSTANCES}/${instance.id}`);
    assert.equal(refused.status, 422);
    assert.match((refused.body as unknown as { message: string }).message, /stubborn.*Not now/);
    assert.equal(broker.requestsTo('deprovision').length, 0);
    assert.equal((await call('GET', `${INSTANCES}/${instance.id}`)).status, 200);
  });

  it('shows a project only its own bindings', async () => {
    const instance = await instanceOf('plain-service', 'plain-plan');
    const created = await call('POST', bindingsOf(instance), { name: 'mine' });
    const bob = await scenario.issuer.sign({ sub: 'bob' });
    const response = await fetch(
      `${platform.url}/api/projects/acme-webshop/service-instances/${instance.id}/bindings/${created.body.id}`,
      {
        headers: { Authorization: `Bearer ${bob}` },
      },
    );
    assert.equal(response.status, 404);
    const other = await call('GET', `/api/projects/likvid-mobile/service-instances/${instance.id}/bindings`);
    assert.equal(other.status, 404);
  });
});

describe('sensitive bindings', () => {
  it('binds synchronously, hands the credentials over once and keeps them nowhere', async () => {
    const instance = await instanceOf('sensitive-service', 'sensitive-plan');
    const secret = 'hvs.sensitive-token-0123456789';
    broker.script('bind', { status: 201, body: { credentials: { token: secret } } });
    const created = await call('POST', bindingsOf(instance), { name: 'ci' });
    assert.equal(created.status, 201);
    assert.equal(created.headers.get('cache-control'), 'no-store');
    assert.deepEqual(created.body.credentials, { token: secret });
    assert.equal(created.body.credentialsDelivered, 'once');
    assert.deepEqual(broker.requestsTo('bind')[0]!.query, {}, 'no accepts_incomplete for a sensitive service');

    const read = await call('GET', `${bindingsOf(instance)}/${created.body.id}`);
    assert.equal(read.status, 200);
    assert.equal(read.body.credentials, undefined);
    assert.equal(read.body.credentialsDelivered, 'once');
    assert.equal((await storedRow(created.body.id))?.['credentials'], null);
    assert.match(platform.logs(), new RegExp(created.body.id), 'the captured logs cover the binding');
    assert.doesNotMatch(platform.logs(), /sensitive-token-0123456789/);
  });

  it('also treats a service with the sensitive tag as sensitive', async () => {
    const instance = await instanceOf('tagged-sensitive-service', 'tagged-sensitive-plan');
    broker.script('bind', { status: 201, body: { credentials: { token: 'tagged-secret' } } });
    const created = await call('POST', bindingsOf(instance), { name: 'tagged' });
    assert.equal(created.body.credentialsDelivered, 'once');
    assert.deepEqual(broker.requestsTo('bind')[0]!.query, {});
    assert.equal((await storedRow(created.body.id))?.['credentials'], null);
  });

  it('refuses a broker that answers 202 and deletes the binding there again', async () => {
    const instance = await instanceOf('sensitive-service', 'sensitive-plan');
    broker.script('bind', { status: 202, body: { operation: 'later' } });
    const refused = await call('POST', bindingsOf(instance), { name: 'async' });
    assert.equal(refused.status, 502);
    assert.match((refused.body as unknown as { message: string }).message, /asynchronously.*sensitive/);
    const bindingId = broker.requestsTo('bind')[0]!.bindingId!;
    await eventually(
      async () => !(await pendingMitigations()).includes(bindingId),
      'orphan mitigation of the binding to finish',
    );
    assert.ok(broker.requestsTo('unbind').some((request) => request.bindingId === bindingId));
    assert.deepEqual((await call<ServiceBinding[]>('GET', bindingsOf(instance))).body, []);
    assert.equal(await storedRow(bindingId), undefined);
  });

  it('explains a broker that requires asynchronous binding', async () => {
    const instance = await instanceOf('sensitive-service', 'sensitive-plan');
    broker.script('bind', { status: 422, body: { error: 'AsyncRequired', description: 'Only async' } });
    const refused = await call('POST', bindingsOf(instance), { name: 'async' });
    assert.equal(refused.status, 422);
    assert.match(
      (refused.body as unknown as { message: string }).message,
      /only creates bindings asynchronously.*sensitive/,
    );
    assert.equal(broker.requestsTo('unbind').length, 0);
  });
});

describe('tenant bindings', () => {
  it('offers the project tenants and sends the chosen one as bind_resource, once per tenant', async () => {
    const instance = await instanceOf('tenant-service', 'tenant-plan');
    const choices = await call<BindingTenantChoice[]>('GET', `${INSTANCES}/${instance.id}/binding-tenants`);
    assert.deepEqual(choices.body, [
      { tenant: { id: '123456789012', locationId: 'eu-de-central', platform: 'aws' }, bound: false },
    ]);

    broker.script('bind', { status: 201, body: {} });
    const created = await call('POST', bindingsOf(instance), { name: 'aws account', tenantId: '123456789012' });
    assert.equal(created.status, 201);
    assert.deepEqual(created.body.tenant, { id: '123456789012', locationId: 'eu-de-central', platform: 'aws' });
    assert.deepEqual(created.body.credentials, {});
    const body = broker.requestsTo('bind')[0]!.body as Record<string, unknown>;
    assert.deepEqual(body['bind_resource'], { tenant_id: '123456789012', platform: 'eu-de-central.aws' });

    const again = await call('POST', bindingsOf(instance), { name: 'twice', tenantId: '123456789012' });
    assert.equal(again.status, 409);
    assert.equal(broker.requestsTo('bind').length, 1);
    const after = await call<BindingTenantChoice[]>('GET', `${INSTANCES}/${instance.id}/binding-tenants`);
    assert.equal(after.body[0]!.bound, true);
  });

  it('requires a tenant of the project and refuses tenants for other services', async () => {
    const instance = await instanceOf('tenant-service', 'tenant-plan');
    assert.equal((await call('POST', bindingsOf(instance), { name: 'none' })).status, 400);
    assert.equal((await call('POST', bindingsOf(instance), { name: 'foreign', tenantId: '210987654321' })).status, 422);
    const plain = await instanceOf('plain-service', 'plain-plan');
    assert.deepEqual((await call<BindingTenantChoice[]>('GET', `${INSTANCES}/${plain.id}/binding-tenants`)).body, []);
    assert.equal((await call('POST', bindingsOf(plain), { name: 'tenant', tenantId: '123456789012' })).status, 400);
    assert.equal(broker.requestsTo('bind').length, 0);
  });

  it('offers only tenants in the location of a local instance', async () => {
    const instance = await instanceOf('ams-tenant-service', 'ams-tenant-plan');
    const choices = await call<BindingTenantChoice[]>('GET', `${INSTANCES}/${instance.id}/binding-tenants`);
    assert.deepEqual(choices.body, []);
    const refused = await call('POST', bindingsOf(instance), { name: 'frankfurt tenant', tenantId: '123456789012' });
    assert.equal(refused.status, 422);
    assert.equal(amsterdam.requestsTo('bind').length, 0);
  });
});
