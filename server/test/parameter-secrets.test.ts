/**
 * Secret instance parameters against the demo broker's PostgreSQL admin-user plan: the broker
 * receives the password, the database holds it only sealed, no API answer (the instance, the
 * list, a binding) contains it, and an update sends it only when it changes.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { CatalogResponse, ServiceInstance } from '@osb/api';
import type { RunningDemoBroker } from '../src/demo-broker/demo-broker.ts';
import { CredentialCipher } from '../src/bindings/credential-cipher.ts';
import { ParameterSecrets, visibleParameters } from '../src/provisioning/parameter-secrets.ts';
import { eventually } from './support/scripted-broker.ts';
import { demoFrankfurtBroker, startDemoScenario, type Scenario, type TestPlatform } from './helper.ts';

const INSTANCES = '/api/projects/likvid-payments/service-instances';
const SECRET = 'Tr0ub4dor-and-3-horses';

let scenario: Scenario<RunningDemoBroker>;
let demoBroker: RunningDemoBroker;
let platform: TestPlatform;
let token: string;

before(async () => {
  scenario = await startDemoScenario({ brokers: [demoFrankfurtBroker], captureLogs: true });
  ({ broker: demoBroker, platform, token } = scenario);
});

after(() => scenario.close());

async function call<T>(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T; text: string }> {
  const answer = await platform.call<T>(method, path, { body, token });
  return { ...answer, text: JSON.stringify(answer.body) };
}

/** Every row of the instance tables, as text. */
async function storedRows(): Promise<string> {
  const { rows } = await platform.database.query('SELECT * FROM service_instances');
  return JSON.stringify(rows);
}

/** The parameters the demo broker received for an instance, by method, oldest first. */
async function brokerParameters(instanceId: string, method: string): Promise<unknown[]> {
  const response = await fetch(`${demoBroker.url}/locations/eu-de-central/demo/requests`, {
    headers: {
      Authorization: `Basic ${Buffer.from('broker-user:broker-secret-password').toString('base64')}`,
      'X-Broker-API-Version': '2.17',
    },
  });
  const { requests } = (await response.json()) as {
    requests: { method: string; path: string; body?: Record<string, unknown> }[];
  };
  return requests
    .filter((request) => request.method === method && request.path.endsWith(`/v2/service_instances/${instanceId}`))
    .map((request) => request.body?.['parameters']);
}

describe('secret instance parameters', () => {
  it('reach the broker, are stored sealed and are never answered', async () => {
    const catalog = await call<CatalogResponse>('GET', '/api/catalog');
    const service = catalog.body.services.find((candidate) => candidate.name === 'postgresql')!;
    const plan = service.plans.find((candidate) => candidate.name === 'admin-user')!;
    const created = await call<ServiceInstance>('POST', INSTANCES, {
      name: 'ledger-db',
      serviceId: service.id,
      planId: plan.id,
      parameters: { adminUser: 'admin', adminPassword: SECRET, replicationToken: 'tok-secret-123', comment: 'ledger' },
    });
    assert.equal(created.status, 201, created.text);
    assert.deepEqual(created.body.parameters, { adminUser: 'admin', comment: 'ledger' });
    assert.deepEqual(created.body.secretParameters, ['/adminPassword', '/replicationToken']);
    assert.deepEqual(await brokerParameters(created.body.id, 'PUT'), [
      { adminUser: 'admin', adminPassword: SECRET, replicationToken: 'tok-secret-123', comment: 'ledger' },
    ]);

    const answers = [
      created.text,
      (await call('GET', INSTANCES)).text,
      (await call('GET', `${INSTANCES}/${created.body.id}`)).text,
    ];
    for (const answer of answers) {
      assert.ok(!answer.includes(SECRET) && !answer.includes('tok-secret-123'), `no answer holds a secret: ${answer}`);
    }
    const rows = await storedRows();
    assert.ok(!rows.includes(SECRET) && !rows.includes('tok-secret-123'), 'no row holds a secret in clear text');
    assert.match(rows, /\$sealed/);
    assert.ok(!platform.logs().includes(SECRET), 'no log line holds the secret');

    // An update without the secret leaves it alone; a new one is sent once and sealed again.
    const renamed = await call<ServiceInstance>('PATCH', `${INSTANCES}/${created.body.id}`, {
      parameters: { comment: 'ledger of payments' },
    });
    assert.equal(renamed.status, 200, renamed.text);
    assert.deepEqual(await brokerParameters(created.body.id, 'PATCH'), [{ comment: 'ledger of payments' }]);
    const rotated = await call<ServiceInstance>('PATCH', `${INSTANCES}/${created.body.id}`, {
      parameters: { adminPassword: `${SECRET}-2` },
    });
    assert.equal(rotated.status, 200, rotated.text);
    assert.deepEqual((await brokerParameters(created.body.id, 'PATCH')).at(-1), { adminPassword: `${SECRET}-2` });
    const after = await eventually(async () => {
      const answer = await call<ServiceInstance>('GET', `${INSTANCES}/${created.body.id}`);
      return answer.body.lastOperation.state === 'succeeded' && answer;
    }, 'the update to finish');
    assert.deepEqual(after.body.parameters, { adminUser: 'admin', comment: 'ledger of payments' });
    assert.deepEqual(after.body.secretParameters, ['/adminPassword', '/replicationToken']);
    assert.ok(!after.text.includes(SECRET), 'the rotated secret is not answered');
    assert.ok(!(await storedRows()).includes(SECRET), 'the rotated secret is stored sealed');

    // Binding parameters are kept the same way.
    const binding = await call<{ parameters: unknown; secretParameters?: string[] }>(
      'POST',
      `${INSTANCES}/${created.body.id}/bindings`,
      { name: 'ledger-app', parameters: { readOnly: true, accessToken: 'bind-secret-42' } },
    );
    assert.ok(binding.status === 201 || binding.status === 202, binding.text);
    assert.deepEqual(binding.body.parameters, { readOnly: true });
    assert.deepEqual(binding.body.secretParameters, ['/accessToken']);
    const bindingRows = JSON.stringify((await platform.database.query('SELECT * FROM service_bindings')).rows);
    assert.ok(
      !bindingRows.includes('bind-secret-42') && !binding.text.includes('bind-secret-42'),
      'the binding secret is sealed and not answered',
    );
  });
});

describe('ParameterSecrets', () => {
  const secrets = new ParameterSecrets(new CredentialCipher(Buffer.alloc(32, 7)));

  it('seals what the schema or the name marks secret, at any depth, and lists where', () => {
    const schema = {
      type: 'object',
      properties: {
        pin: { type: 'string', writeOnly: true },
        users: {
          type: 'array',
          items: { type: 'object', properties: { name: { type: 'string' }, apiKey: { type: 'string' } } },
        },
      },
    };
    const sealed = secrets.seal('instance-1', { pin: '1234', size: 3, users: [{ name: 'a', apiKey: 'k-1' }] }, [
      schema,
    ]);
    const text = JSON.stringify(sealed);
    assert.ok(!text.includes('1234') && !text.includes('k-1'), text);
    assert.deepEqual(visibleParameters(sealed), {
      parameters: { size: 3, users: [{ name: 'a' }] },
      secretParameters: ['/pin', '/users/0/apiKey'],
    });
  });

  it('keeps values sealed before as they are', () => {
    const once = secrets.seal('instance-1', { password: 'p' }, []);
    assert.deepEqual(secrets.seal('instance-1', once, []), once);
  });
});
