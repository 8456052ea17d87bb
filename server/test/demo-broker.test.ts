/**
 * The demo OSB broker over real HTTP: catalogs, auth and version checks, the instance and
 * binding lifecycle with sync and async plans, parameter validation, the state file and the
 * request log.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import ajvDraft04 from 'ajv-draft-04';
import { type RunningDemoBroker, startDemoBroker } from '../src/demo-broker/demo-broker.ts';
import { stripUiKeywords } from '@osb/json-schema';
import { validateCatalog } from '../src/osb/catalog-validation.ts';

const USERNAME = 'test-broker';
const PASSWORD = 'test-broker-password';
const LOCATIONS = ['eu-de-central', 'eu-nl-west'];
const PREFIXES = ['global', ...LOCATIONS.map((id) => `locations/${id}`)];
const MESHMARKETPLACE_UNITS = new Set(['HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY', 'MB', 'GB', 'SETUP FEE']);
const IDENTITY = `meshmarketplace ${Buffer.from(JSON.stringify({ user_id: 'alice', user_euid: 'alice@likvid-bank.example' })).toString('base64')}`;

type Json = Record<string, any>;

interface OsbAnswer {
  status: number;
  body: Json;
  headers: Headers;
}

/** Calls `baseUrl/path` the way a platform does; `headers` override the defaults (undefined removes one). */
async function osb(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string | undefined> = {},
): Promise<OsbAnswer> {
  const merged: Record<string, string | undefined> = {
    authorization: `Basic ${Buffer.from(`${USERNAME}:${PASSWORD}`).toString('base64')}`,
    'x-broker-api-version': '2.17',
    'x-broker-api-originating-identity': IDENTITY,
    ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    ...headers,
  };
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: Object.fromEntries(
      Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined),
    ),
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Json) : {}, headers: response.headers };
}

/** Polls a last_operation URL, honouring Retry-After, until the operation leaves `in progress`. */
async function pollUntilDone(baseUrl: string, path: string): Promise<OsbAnswer[]> {
  const answers: OsbAnswer[] = [];
  for (let attempt = 0; attempt < 30; attempt++) {
    const answer = await osb(baseUrl, 'GET', path);
    answers.push(answer);
    if (answer.status !== 200 || answer.body['state'] !== 'in progress') return answers;
    await delay(Number(answer.headers.get('retry-after') ?? 1) * 1000);
  }
  throw new Error(`${path} stayed in progress`);
}

/** Service and plan ids by name in a catalog. */
function ids(catalog: Json, serviceName: string, planName: string): { service_id: string; plan_id: string } {
  const service = (catalog['services'] as Json[]).find((candidate) => candidate['name'] === serviceName);
  assert.ok(service, `service ${serviceName}`);
  const plan = (service['plans'] as Json[]).find((candidate) => candidate['name'] === planName);
  assert.ok(plan, `plan ${planName} of ${serviceName}`);
  return { service_id: service['id'], plan_id: plan['id'] };
}

const context = { platform: 'meshmarketplace', customer_id: 'likvid-bank', project_id: 'likvid-payments' };

describe('demo broker', () => {
  let directory: string;
  let stateFile: string;
  let broker: RunningDemoBroker;
  let global: string;
  let frankfurt: string;
  let globalCatalog: Json;
  let frankfurtCatalog: Json;

  async function start(): Promise<void> {
    broker = await startDemoBroker({
      host: '127.0.0.1',
      port: 0,
      username: USERNAME,
      password: PASSWORD,
      locationIds: LOCATIONS,
      stateFile,
      asyncOperationSeconds: 1,
    });
    global = `${broker.url}/global`;
    frankfurt = `${broker.url}/locations/eu-de-central`;
  }

  before(async () => {
    directory = await mkdtemp(join(tmpdir(), 'demo-broker-'));
    stateFile = join(directory, 'broker', 'state.json');
    await start();
    globalCatalog = (await osb(global, 'GET', '/v2/catalog')).body;
    frankfurtCatalog = (await osb(frankfurt, 'GET', '/v2/catalog')).body;
  });

  after(async () => {
    await broker.close();
    await rm(directory, { recursive: true, force: true });
  });

  test('serves a valid catalog per prefix with ids unique across prefixes', async () => {
    const seenIds = new Set<string>();
    const knownIds = new Map<string, string>();
    const units = new Set<string>();
    let servicesWithoutImage = 0;
    const expiryDays: number[] = [];
    const ajv = new ajvDraft04.default({ strict: false });
    for (const prefix of PREFIXES) {
      const { status, body } = await osb(broker.url, 'GET', `/${prefix}/v2/catalog`);
      assert.equal(status, 200);
      const services = body['services'] as Json[];
      assert.ok(services.length >= 3, `${prefix} offers services`);

      const verdict = validateCatalog(body, {
        brokerId: prefix,
        locality: prefix === 'global' ? { kind: 'global' } : { kind: 'local', locationId: prefix.split('/')[1]! },
        knownIds,
      });
      assert.ok(verdict.accepted, `${prefix}: ${verdict.accepted ? '' : verdict.reasons.join('; ')}`);
      for (const id of verdict.ids) knownIds.set(id, prefix);

      assert.equal(
        new Set(services.map((service) => service['name'])).size,
        services.length,
        'service names are unique',
      );
      for (const service of services) {
        for (const field of ['id', 'name', 'description']) assert.ok(service[field], `${service['name']}.${field}`);
        assert.equal(typeof service['bindable'], 'boolean');
        assert.ok(!seenIds.has(service['id']), `service id ${service['id']} is unique`);
        seenIds.add(service['id']);
        const metadata = service['metadata'] as Json;
        for (const field of [
          'displayName',
          'longDescription',
          'providerDisplayName',
          'documentationUrl',
          'supportUrl',
        ]) {
          assert.ok(metadata[field], `${service['name']} metadata.${field}`);
        }
        assert.match(metadata['longDescription'], /^## /m);
        assert.match(metadata['longDescription'], /\[[^\]]+\]\(https?:\/\/[^)]+\)/);
        assert.match(metadata['longDescription'], /`[^`]+`/);
        if (metadata['imageUrl'] === undefined) servicesWithoutImage++;
        else assert.match(metadata['imageUrl'], /^data:image\/svg\+xml;base64,/);
        const plans = service['plans'] as Json[];
        assert.equal(new Set(plans.map((plan) => plan['name'])).size, plans.length, 'plan names are unique');
        for (const plan of plans) {
          for (const field of ['id', 'name', 'description']) assert.ok(plan[field], `${plan['name']}.${field}`);
          assert.ok(!seenIds.has(plan['id']), `plan id ${plan['id']} is unique`);
          seenIds.add(plan['id']);
          assert.ok(plan['metadata']['displayName'] && plan['metadata']['bullets'].length > 0);
          for (const cost of plan['metadata']['costs'] ?? []) {
            assert.equal(typeof cost.amount.eur, 'number');
            units.add(cost.unit);
          }
          if (plan['metadata']['expiryDays']) expiryDays.push(plan['metadata']['expiryDays']);
          const schemas = [
            plan['schemas']?.['service_instance']?.['create']?.['parameters'],
            plan['schemas']?.['service_instance']?.['update']?.['parameters'],
            plan['schemas']?.['service_binding']?.['create']?.['parameters'],
          ].filter(Boolean);
          for (const schema of schemas) {
            assert.doesNotThrow(
              () => ajv.compile(stripUiKeywords(schema)),
              `${service['name']}/${plan['name']} schema compiles`,
            );
            if (schema['$schema'] === undefined)
              assert.equal(service['name'], 'api-gateway', 'only the seed example lacks $schema');
            else assert.equal(schema['$schema'], 'http://json-schema.org/draft-04/schema#');
          }
        }
      }
    }
    assert.equal(servicesWithoutImage, 1, 'exactly one service shows the fallback icon');
    for (const unit of MESHMARKETPLACE_UNITS) assert.ok(units.has(unit), `a plan costs ${unit}`);
    assert.ok(
      [...units].some((unit) => !MESHMARKETPLACE_UNITS.has(unit)),
      'a plan uses a unit outside the list',
    );
    assert.ok(expiryDays.includes(30) && expiryDays.includes(7));
  });

  test('derives the same ids on every start', async () => {
    const second = await startDemoBroker({
      host: '127.0.0.1',
      port: 0,
      username: USERNAME,
      password: PASSWORD,
      locationIds: LOCATIONS,
    });
    try {
      const again = (await osb(`${second.url}/global`, 'GET', '/v2/catalog')).body;
      const idsOf = (catalog: Json) =>
        (catalog['services'] as Json[]).flatMap((s) => [s['id'], ...(s['plans'] as Json[]).map((p) => p['id'])]);
      assert.deepEqual(idsOf(again), idsOf(globalCatalog));
    } finally {
      await second.close();
    }
  });

  test('requires basic auth and a supported X-Broker-API-Version', async () => {
    assert.equal((await osb(global, 'GET', '/v2/catalog', undefined, { authorization: undefined })).status, 401);
    const wrong = `Basic ${Buffer.from(`${USERNAME}:nope`).toString('base64')}`;
    const unauthorised = await osb(global, 'GET', '/v2/catalog', undefined, { authorization: wrong });
    assert.equal(unauthorised.status, 401);
    assert.equal(unauthorised.body['services'], undefined);
    assert.equal(
      (await osb(global, 'GET', '/v2/catalog', undefined, { 'x-broker-api-version': undefined })).status,
      400,
    );
    assert.equal((await osb(global, 'GET', '/v2/catalog', undefined, { 'x-broker-api-version': '2.12' })).status, 412);
    assert.equal((await osb(global, 'GET', '/v2/catalog', undefined, { 'x-broker-api-version': '3.0' })).status, 412);
    assert.equal((await osb(global, 'GET', '/v2/catalog', undefined, { 'x-broker-api-version': '2.13' })).status, 200);
    assert.equal((await osb(global, 'GET', '/demo/requests', undefined, { authorization: undefined })).status, 401);
  });

  test('provisions synchronously: 201, identical 200, different 409', async () => {
    const plan = ids(globalCatalog, 'api-gateway', 'standard');
    const body = {
      ...plan,
      context,
      organization_guid: 'likvid-bank',
      space_guid: 'likvid-payments',
      parameters: { serviceType: 'int' },
    };
    const created = await osb(global, 'PUT', '/v2/service_instances/gw-sync', body);
    assert.equal(created.status, 201);
    assert.match(created.body['dashboard_url'], /^http:\/\/localhost:\d+\/dashboard\/gw-sync$/);
    assert.equal((await osb(global, 'PUT', '/v2/service_instances/gw-sync', body)).status, 200);
    const different = await osb(global, 'PUT', '/v2/service_instances/gw-sync', {
      ...body,
      parameters: { serviceType: 'ext' },
    });
    assert.equal(different.status, 409);
    assert.ok(different.body['description']);
  });

  test('provisions asynchronously: 422 without accepts_incomplete, 202, in progress, succeeded', async () => {
    const plan = ids(globalCatalog, 'api-gateway', 'dedicated');
    const body = { ...plan, context, parameters: { serviceType: 'ext', externalRegistrationNumber: '12345' } };
    const refused = await osb(global, 'PUT', '/v2/service_instances/gw-async', body);
    assert.equal(refused.status, 422);
    assert.equal(refused.body['error'], 'AsyncRequired');

    const accepted = await osb(global, 'PUT', '/v2/service_instances/gw-async?accepts_incomplete=true', body);
    assert.equal(accepted.status, 202);
    const operation = accepted.body['operation'] as string;
    assert.ok(operation);
    const path = `/v2/service_instances/gw-async/last_operation?${new URLSearchParams({ ...plan, operation })}`;
    const answers = await pollUntilDone(global, path);
    const first = answers[0]!;
    assert.equal(first.body['state'], 'in progress');
    assert.equal(first.headers.get('retry-after'), '1');
    assert.match(first.body['description'], /^Creating API gateway… \d+%$/);
    assert.deepEqual(answers.at(-1)!.body, { state: 'succeeded', description: 'API gateway created.' });

    const fetched = await osb(global, 'GET', '/v2/service_instances/gw-async');
    assert.equal(fetched.status, 200);
    assert.deepEqual(fetched.body['parameters'], body.parameters);
    assert.deepEqual(fetched.body['maintenance_info'], { version: '2.4.0' });
  });

  test('refuses a second operation while one runs (ConcurrencyError)', async () => {
    const plan = ids(frankfurtCatalog, 'postgresql', 'hobby');
    assert.equal(
      (await osb(frankfurt, 'PUT', '/v2/service_instances/pg-busy?accepts_incomplete=true', { ...plan, context }))
        .status,
      202,
    );
    const update = await osb(frankfurt, 'PATCH', '/v2/service_instances/pg-busy?accepts_incomplete=true', {
      service_id: plan.service_id,
      parameters: { storageGb: 8 },
    });
    assert.equal(update.status, 422);
    assert.equal(update.body['error'], 'ConcurrencyError');
    assert.equal((await osb(frankfurt, 'GET', '/v2/service_instances/pg-busy')).status, 404, 'still provisioning');
    const repeated = await osb(frankfurt, 'PUT', '/v2/service_instances/pg-busy?accepts_incomplete=true', {
      ...plan,
      context,
    });
    assert.equal(repeated.status, 202, 'an identical provision request joins the running one');
    await pollUntilDone(
      frankfurt,
      `/v2/service_instances/pg-busy/last_operation?operation=${repeated.body['operation']}`,
    );
  });

  test('deletes an instance whose provisioning still runs (orphan mitigation)', async () => {
    const plan = ids(frankfurtCatalog, 'postgresql', 'hobby');
    assert.equal(
      (await osb(frankfurt, 'PUT', '/v2/service_instances/pg-orphan?accepts_incomplete=true', { ...plan, context }))
        .status,
      202,
    );
    const query = new URLSearchParams({ ...plan, accepts_incomplete: 'true' });
    const deleted = await osb(frankfurt, 'DELETE', `/v2/service_instances/pg-orphan?${query}`);
    assert.equal(deleted.status, 202);
    const answers = await pollUntilDone(
      frankfurt,
      `/v2/service_instances/pg-orphan/last_operation?operation=${deleted.body['operation']}`,
    );
    assert.equal(answers.at(-1)!.body['state'], 'succeeded');
    assert.equal((await osb(frankfurt, 'DELETE', `/v2/service_instances/pg-orphan?${query}`)).status, 410);
  });

  test('rejects invalid parameters with 400 and a description', async () => {
    const gateway = ids(globalCatalog, 'api-gateway', 'standard');
    const badPattern = await osb(global, 'PUT', '/v2/service_instances/gw-bad', {
      ...gateway,
      parameters: { serviceType: 'ext', externalRegistrationNumber: '12ab' },
    });
    assert.equal(badPattern.status, 400);
    assert.match(badPattern.body['description'], /externalRegistrationNumber/);

    const postgres = ids(frankfurtCatalog, 'postgresql', 'general-purpose');
    const missing = await osb(frankfurt, 'PUT', '/v2/service_instances/pg-bad?accepts_incomplete=true', {
      ...postgres,
      parameters: { cores: 3 },
    });
    assert.equal(missing.status, 400);
    assert.match(missing.body['description'], /location/);
    assert.match(missing.body['description'], /cores/);
    assert.equal(
      (await osb(frankfurt, 'GET', '/v2/service_instances/pg-bad/last_operation')).status,
      410,
      'nothing was created',
    );
  });

  test('updates: validates against the update schema and changes plans', async () => {
    const standard = ids(globalCatalog, 'api-gateway', 'standard');
    const dedicated = ids(globalCatalog, 'api-gateway', 'dedicated');
    assert.equal((await osb(global, 'PUT', '/v2/service_instances/gw-update', { ...standard, context })).status, 201);
    const tooLow = await osb(global, 'PATCH', '/v2/service_instances/gw-update', {
      service_id: standard.service_id,
      parameters: { rateLimitPerSecond: 5 },
    });
    assert.equal(tooLow.status, 400);
    assert.match(tooLow.body['description'], /rateLimitPerSecond/);
    const updated = await osb(global, 'PATCH', '/v2/service_instances/gw-update', {
      service_id: standard.service_id,
      parameters: { rateLimitPerSecond: 500 },
    });
    assert.equal(updated.status, 200);
    const toAsyncPlan = {
      service_id: standard.service_id,
      plan_id: dedicated.plan_id,
      previous_values: { plan_id: standard.plan_id },
    };
    assert.equal((await osb(global, 'PATCH', '/v2/service_instances/gw-update', toAsyncPlan)).status, 422);
    const planChange = await osb(
      global,
      'PATCH',
      '/v2/service_instances/gw-update?accepts_incomplete=true',
      toAsyncPlan,
    );
    assert.equal(planChange.status, 202);
    const answers = await pollUntilDone(
      global,
      `/v2/service_instances/gw-update/last_operation?operation=${planChange.body['operation']}`,
    );
    assert.equal(answers.at(-1)!.body['state'], 'succeeded');
    const fetched = await osb(global, 'GET', '/v2/service_instances/gw-update');
    assert.equal(fetched.body['plan_id'], dedicated.plan_id);
    assert.deepEqual(fetched.body['parameters'], { rateLimitPerSecond: 500 });
  });

  test('binds with credentials and unbinds', async () => {
    const storage = ids(frankfurtCatalog, 'object-storage', 'short-lived');
    assert.equal(
      (
        await osb(frankfurt, 'PUT', '/v2/service_instances/bucket-1', {
          ...storage,
          context,
          parameters: { bucketName: 'invoices' },
        })
      ).status,
      201,
    );
    const invalid = await osb(frankfurt, 'PUT', '/v2/service_instances/bucket-1/service_bindings/key-bad', {
      ...storage,
      context,
      parameters: {},
    });
    assert.equal(invalid.status, 400);
    assert.match(invalid.body['description'], /role/);

    const bindBody = { ...storage, context, parameters: { role: 'storage.objectViewer' } };
    const bound = await osb(frankfurt, 'PUT', '/v2/service_instances/bucket-1/service_bindings/key-1', bindBody);
    assert.equal(bound.status, 201);
    const credentials = bound.body['credentials'] as Json;
    assert.equal(credentials['role'], 'storage.objectViewer');
    assert.match(credentials['endpoint'], /eu-de-central/);
    assert.ok(credentials['access_key_id'] && credentials['secret_access_key']);
    const expiresAt = Date.parse(bound.body['metadata']['expires_at']);
    assert.ok(expiresAt > Date.now() + 6 * 86_400_000 && expiresAt < Date.now() + 8 * 86_400_000, 'expires in 7 days');
    const again = await osb(frankfurt, 'PUT', '/v2/service_instances/bucket-1/service_bindings/key-1', bindBody);
    assert.equal(again.status, 200);
    assert.deepEqual(again.body['credentials'], credentials);
    assert.equal(
      (
        await osb(frankfurt, 'PUT', '/v2/service_instances/bucket-1/service_bindings/key-1', {
          ...bindBody,
          parameters: { role: 'storage.objectAdmin' },
        })
      ).status,
      409,
    );

    const deprovision = `?${new URLSearchParams(storage)}`;
    const blocked = await osb(frankfurt, 'DELETE', `/v2/service_instances/bucket-1${deprovision}`);
    assert.equal(blocked.status, 400, 'bindings must go first');
    assert.equal(
      (await osb(frankfurt, 'DELETE', `/v2/service_instances/bucket-1/service_bindings/key-1${deprovision}`)).status,
      200,
    );
    assert.equal(
      (await osb(frankfurt, 'DELETE', `/v2/service_instances/bucket-1/service_bindings/key-1${deprovision}`)).status,
      410,
    );
    assert.equal((await osb(frankfurt, 'DELETE', `/v2/service_instances/bucket-1${deprovision}`)).status, 200);
    assert.equal((await osb(frankfurt, 'DELETE', `/v2/service_instances/bucket-1${deprovision}`)).status, 410);
  });

  test('binds PostgreSQL asynchronously and serves the credentials afterwards', async () => {
    const plan = ids(frankfurtCatalog, 'postgresql', 'hobby');
    const created = await osb(frankfurt, 'PUT', '/v2/service_instances/pg-1?accepts_incomplete=true', {
      ...plan,
      context,
      parameters: { databaseName: 'shop' },
    });
    assert.equal(created.status, 202);
    await pollUntilDone(frankfurt, '/v2/service_instances/pg-1/last_operation');
    const bindPath = '/v2/service_instances/pg-1/service_bindings/pg-1-app';
    assert.equal((await osb(frankfurt, 'PUT', bindPath, { ...plan, context })).status, 422);
    const bound = await osb(frankfurt, 'PUT', `${bindPath}?accepts_incomplete=true`, {
      ...plan,
      context,
      parameters: { readOnly: true },
    });
    assert.equal(bound.status, 202);
    assert.equal(bound.body['credentials'], undefined);
    const answers = await pollUntilDone(frankfurt, `${bindPath}/last_operation?operation=${bound.body['operation']}`);
    assert.equal(answers.at(-1)!.body['state'], 'succeeded');
    const fetched = await osb(frankfurt, 'GET', bindPath);
    assert.equal(fetched.status, 200);
    const credentials = fetched.body['credentials'] as Json;
    for (const field of ['host', 'port', 'database', 'username', 'password', 'uri'])
      assert.ok(credentials[field], field);
    assert.equal(
      credentials['uri'],
      `postgresql://${credentials['username']}:${credentials['password']}@${credentials['host']}:5432/${credentials['database']}?sslmode=require`,
    );

    const query = new URLSearchParams({ ...plan, accepts_incomplete: 'true' });
    const unbound = await osb(frankfurt, 'DELETE', `${bindPath}?${query}`);
    assert.equal(unbound.status, 202);
    const unbindAnswers = await pollUntilDone(
      frankfurt,
      `${bindPath}/last_operation?operation=${unbound.body['operation']}`,
    );
    assert.deepEqual(unbindAnswers.at(-1)!.body, { state: 'succeeded', description: 'Credentials revoked.' });
    assert.equal((await osb(frankfurt, 'GET', bindPath)).status, 404);

    const deleted = await osb(frankfurt, 'DELETE', `/v2/service_instances/pg-1?${query}`);
    assert.equal(deleted.status, 202);
    const deleteAnswers = await pollUntilDone(
      frankfurt,
      `/v2/service_instances/pg-1/last_operation?operation=${deleted.body['operation']}`,
    );
    assert.match(deleteAnswers[0]!.body['description'], /^Deleting database… \d+%$/);
    assert.deepEqual(deleteAnswers.at(-1)!.body, { state: 'succeeded', description: 'Database deleted.' });
    assert.equal((await osb(frankfurt, 'DELETE', `/v2/service_instances/pg-1?${query}`)).status, 410);
  });

  test('answers the credentials of a sensitive service only once', async () => {
    const plan = ids(globalCatalog, 'secrets-vault', 'standard');
    assert.equal((await osb(global, 'PUT', '/v2/service_instances/vault-1', { ...plan, context })).status, 201);
    const first = await osb(global, 'PUT', '/v2/service_instances/vault-1/service_bindings/vault-key', {
      ...plan,
      context,
    });
    assert.equal(first.status, 201);
    assert.ok(first.body['credentials']['token']);
    const second = await osb(global, 'PUT', '/v2/service_instances/vault-1/service_bindings/vault-key', {
      ...plan,
      context,
    });
    assert.equal(second.status, 200);
    assert.equal(second.body['credentials'], undefined);
  });

  test('keeps state across a restart, including a running async operation', async () => {
    const backup = ids(globalCatalog, 'backup', 'standard');
    /** Provisions `backup-1` with a retention; answers the broker's status. */
    const provisionBackup = async (retentionDays: number) =>
      (
        await osb(global, 'PUT', '/v2/service_instances/backup-1', {
          ...backup,
          context,
          parameters: { retentionDays },
        })
      ).status;
    assert.equal(await provisionBackup(14), 201);
    const bindResource = { tenant_id: '123456789012', platform: 'eu-de-central.aws' };
    const tenantBinding = await osb(global, 'PUT', '/v2/service_instances/backup-1/service_bindings/tenant-1', {
      ...backup,
      context,
      bind_resource: bindResource,
    });
    assert.equal(tenantBinding.status, 201);
    assert.match(
      tenantBinding.body['credentials']['backup_console_url'],
      /\/dashboard\/backup-1\?tenant=123456789012$/,
    );
    const cdn = ids(globalCatalog, 'cdn', 'pay-as-you-go');
    const running = await osb(global, 'PUT', '/v2/service_instances/cdn-1?accepts_incomplete=true', {
      ...cdn,
      context,
      parameters: { originUrl: 'https://shop.example.com' },
    });
    assert.equal(running.status, 202);

    await broker.close();
    const saved = JSON.parse(await readFile(stateFile, 'utf8'));
    const savedInstance = saved.brokers.global.instances['backup-1'];
    assert.deepEqual(savedInstance.context, context);
    assert.deepEqual(savedInstance.originatingIdentity, {
      platform: 'meshmarketplace',
      value: { user_id: 'alice', user_euid: 'alice@likvid-bank.example' },
    });
    assert.deepEqual(saved.brokers.global.bindings['tenant-1'].bindResource, bindResource);
    await start();

    assert.equal(await provisionBackup(14), 200);
    assert.equal(await provisionBackup(15), 409);
    const answers = await pollUntilDone(
      global,
      `/v2/service_instances/cdn-1/last_operation?operation=${running.body['operation']}`,
    );
    assert.equal(answers.at(-1)!.body['state'], 'succeeded');
    assert.equal((await osb(global, 'GET', '/v2/service_instances/gw-async')).status, 200);
  });

  test('records received requests with their OSB headers, never the credentials it answered', async () => {
    assert.equal((await osb(global, 'DELETE', '/demo/requests')).status, 204);
    const plan = ids(globalCatalog, 'dns-zone', 'free');
    await osb(
      global,
      'PUT',
      '/v2/service_instances/dns-1',
      { ...plan, context, parameters: { zoneName: 'shop.example.com' } },
      {
        'x-broker-api-request-identity': 'req-1',
        'x-api-info-location': 'http://localhost:8080/v2/info',
      },
    );
    const bound = await osb(global, 'PUT', '/v2/service_instances/dns-1/service_bindings/dns-key', {
      ...plan,
      context,
    });
    assert.equal(bound.status, 201);
    const { status, body } = await osb(global, 'GET', '/demo/requests');
    assert.equal(status, 200);
    const requests = body['requests'] as Json[];
    assert.equal(requests.length, 2);
    assert.equal(requests[0]!['method'], 'PUT');
    assert.equal(requests[0]!['path'], '/global/v2/service_instances/dns-1');
    assert.equal(requests[0]!['headers']['x-broker-api-originating-identity'], IDENTITY);
    assert.equal(requests[0]!['headers']['x-broker-api-request-identity'], 'req-1');
    assert.equal(requests[0]!['headers']['x-api-info-location'], 'http://localhost:8080/v2/info');
    assert.deepEqual(requests[0]!['body']['parameters'], { zoneName: 'shop.example.com' });
    assert.ok(!JSON.stringify(body).includes(bound.body['credentials']['api_token']));
    assert.ok(!JSON.stringify(body).toLowerCase().includes('basic '), 'no authorization header');
    await osb(global, 'DELETE', '/demo/requests');
    assert.deepEqual((await osb(global, 'GET', '/demo/requests')).body['requests'], []);
  });

  test('serves an HTML-escaped dashboard and the documentation pages', async () => {
    const plan = ids(globalCatalog, 'api-gateway', 'standard');
    const created = await osb(global, 'PUT', '/v2/service_instances/gw-html', {
      ...plan,
      context,
      parameters: { securityContact: '<script>alert(1)</script>', serviceType: 'int' },
    });
    assert.equal(created.status, 201);
    const dashboard = await fetch(created.body['dashboard_url'].replace('//localhost:', '//127.0.0.1:'));
    assert.equal(dashboard.status, 200);
    assert.match(dashboard.headers.get('content-type') ?? '', /text\/html/);
    const html = await dashboard.text();
    assert.ok(html.includes('API Gateway') && html.includes('Standard') && html.includes('gw-html'));
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(!html.includes('<script>'));

    const catalog = (await osb(global, 'GET', '/v2/catalog')).body;
    const service = (catalog['services'] as Json[]).find((candidate) => candidate['name'] === 'api-gateway')!;
    for (const field of ['documentationUrl', 'supportUrl']) {
      const url = (service['metadata'][field] as string).replace('//localhost:', '//127.0.0.1:');
      const page = await fetch(url);
      assert.equal(page.status, 200, field);
      assert.match(await page.text(), /API Gateway/);
    }
  });
});
