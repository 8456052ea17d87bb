/**
 * Bindings against the demo broker: the sensitive Secrets Vault (whose token must not be found
 * anywhere in the platform's data directory or logs afterwards), PostgreSQL's asynchronous
 * binds, and Backup's tenant bindings as the broker received them.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServiceBindingWithCredentials, ServiceInstance } from '@osb/api';
import type { RunningDemoBroker } from '../src/demo-broker/demo-broker.ts';
import { eventually } from './support/scripted-broker.ts';
import type { Database } from '../src/store/database.ts';
import { readyInstance, settled, startDemoScenario, type Scenario, type TestPlatform } from './helper.ts';

const INSTANCES = '/api/projects/likvid-payments/service-instances';

let scenario: Scenario<RunningDemoBroker>;
let demoBroker: RunningDemoBroker;
let platform: TestPlatform;
let token: string;
let dataDir: string;

before(async () => {
  scenario = await startDemoScenario({ captureLogs: true });
  ({ broker: demoBroker, platform, token, dataDir } = scenario);
});

after(() => scenario.close());

async function call<T = ServiceBindingWithCredentials>(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  return platform.call<T>(method, path, { body, token });
}

/** Orders an instance and returns it once the broker finished it. */
function orderReady(
  service: string,
  plan: string,
  name: string,
  parameters: Record<string, unknown> = {},
): Promise<ServiceInstance> {
  return readyInstance(platform, token, INSTANCES, { service, plan, name, parameters });
}

/** Every file below `directory`, with its contents. */
async function filesBelow(directory: string): Promise<{ path: string; content: Buffer }[]> {
  const files: { path: string; content: Buffer }[] = [];
  for (const entry of await readdir(directory, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.push({ path, content: await readFile(path) });
  }
  return files;
}

/** Every row of every table of the platform's schema, as text. */
async function everyRow(database: Database): Promise<string> {
  const { rows: tables } = await database.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
  );
  let text = '';
  for (const { table_name: table } of tables) {
    const { rows } = await database.query<{ row: string }>(`SELECT t::text AS row FROM "${table}" t`);
    text += rows.map((row) => row.row).join('\n');
  }
  return text;
}

describe('sensitive binding (Secrets Vault)', () => {
  it('hands the token to the creating user and leaves no trace of it in the data directory or the logs', async () => {
    const instance = await orderReady('secrets-vault', 'standard', 'vault');
    const created = await call('POST', `${INSTANCES}/${instance.id}/bindings`, {
      name: 'marker-binding-name-for-search',
    });
    assert.equal(created.status, 201);
    assert.equal(created.body.credentialsDelivered, 'once');
    const vaultToken = created.body.credentials?.['token'];
    assert.equal(typeof vaultToken, 'string');
    assert.match(String(vaultToken), /^hvs\./);
    assert.equal(
      (await call('GET', `${INSTANCES}/${instance.id}/bindings/${created.body.id}`)).body.credentials,
      undefined,
    );
    const logs = platform.logs();
    // On a PostgreSQL server the data lives in the server, not in the data directory: read every row.
    const rows = process.env.DATABASE_URL ? await everyRow(platform.database) : '';

    // Close the platform so that the database has written everything to its files.
    await platform.close();
    const files = await filesBelow(dataDir);
    assert.ok(files.length > 0);
    assert.ok(
      files.some((file) => file.content.includes('marker-binding-name-for-search')) ||
        rows.includes('marker-binding-name-for-search'),
      'the search finds what the platform does store (the binding name)',
    );
    const leaks = files.filter((file) => file.content.includes(String(vaultToken))).map((file) => file.path);
    if (rows.includes(String(vaultToken))) leaks.push('a database row');
    assert.deepEqual(leaks, []);
    assert.ok(logs.includes(created.body.id), 'the captured logs cover the binding');
    assert.equal(logs.includes(String(vaultToken)), false);
    platform = await scenario.restart();
  });
});

describe('asynchronous binding (PostgreSQL)', () => {
  it('polls the bind, fetches the credentials afterwards and stores them encrypted', async () => {
    const instance = await orderReady('postgresql', 'hobby', 'orders-db');
    const created = await call('POST', `${INSTANCES}/${instance.id}/bindings`, {
      name: 'reporting',
      parameters: { readOnly: true },
    });
    assert.equal(created.status, 202);
    const done = await settled<ServiceBindingWithCredentials>(
      platform,
      `${INSTANCES}/${instance.id}/bindings/${created.body.id}`,
      token,
      'the asynchronous bind to finish',
    );
    assert.equal(done.lastOperation.state, 'succeeded');
    const password = done.credentials?.['password'];
    assert.equal(typeof password, 'string');
    assert.match(String(done.credentials?.['username']), /^ro_/);
    const { rows } = await platform.database.query<{ credentials: string }>(
      'SELECT credentials FROM service_bindings WHERE id = $1',
      [created.body.id],
    );
    assert.ok(rows[0]?.credentials.startsWith('v1.'));
    assert.equal(rows[0]!.credentials.includes(String(password)), false);

    const deleted = await call('DELETE', `${INSTANCES}/${instance.id}/bindings/${created.body.id}`);
    assert.equal(deleted.status, 202);
    await eventually(
      async () => (await call('GET', `${INSTANCES}/${instance.id}/bindings/${created.body.id}`)).status === 404,
      'the unbind to finish',
    );
  });
});

describe('tenant binding (Backup)', () => {
  it('sends the tenant as bind_resource and shows the link the broker returns', async () => {
    const instance = await orderReady('backup', 'standard', 'backups');
    const created = await call('POST', `${INSTANCES}/${instance.id}/bindings`, {
      name: 'aws account',
      tenantId: '123456789012',
    });
    assert.equal(created.status, 201);
    assert.match(String(created.body.credentials?.['backup_console_url']), /\?tenant=123456789012$/);

    const basic = Buffer.from('broker-user:broker-secret-password').toString('base64');
    const log = (await (
      await fetch(`${demoBroker.url}/global/demo/requests`, { headers: { Authorization: `Basic ${basic}` } })
    ).json()) as { requests: { method: string; path: string; body?: Record<string, unknown> }[] };
    const bind = log.requests.find(
      (request) => request.method === 'PUT' && request.path.endsWith(`/service_bindings/${created.body.id}`),
    );
    assert.ok(bind, 'the demo broker received the bind');
    assert.deepEqual(bind.body?.['bind_resource'], { tenant_id: '123456789012', platform: 'eu-de-central.aws' });

    const again = await call('POST', `${INSTANCES}/${instance.id}/bindings`, {
      name: 'again',
      tenantId: '123456789012',
    });
    assert.equal(again.status, 409);
  });
});
