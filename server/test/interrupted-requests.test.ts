/**
 * A synchronous request the platform sent but never heard back from, because the platform stopped
 * while waiting (a crash, a killed pod): when the platform starts again, the operation is resolved
 * once the request timeout has passed, as the OSB spec says for a timed-out request (provision and
 * bind: failed with orphan mitigation), instead of polling a `last_operation` the broker never
 * offered until the polling deadline a day later.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ServiceBindingWithCredentials, ServiceInstance } from '@osb/api';
import { startTestIssuer, type TestIssuer } from './support/test-issuer.ts';
import { temporaryDirectory, testConfig } from './support/test-config.ts';
import { eventually, scriptedCatalog, startScriptedBroker, type ScriptedBroker } from './support/scripted-broker.ts';
import { startTestPlatform, type TestPlatform } from './helper.ts';
import { openDatabase } from '../src/store/open-database.ts';
import type { Database } from '../src/store/database.ts';
import type { MarketplaceConfig } from '../src/config/config.ts';

const INSTANCES = '/api/projects/likvid-payments/service-instances';

let issuer: TestIssuer;
let broker: ScriptedBroker;
let removeDirectory: () => Promise<void>;
let config: MarketplaceConfig;
let database: Database;
let token: string;

before(async () => {
  issuer = await startTestIssuer();
  token = await issuer.sign({ sub: 'alice' });
  broker = await startScriptedBroker(scriptedCatalog());
  // A synchronous broker: it knows no operation to report on.
  broker.setDefault('last_operation', { status: 400, body: { description: 'No such operation' } });
  broker.setDefault('binding_last_operation', { status: 400, body: { description: 'No such operation' } });
  const directory = await temporaryDirectory();
  removeDirectory = directory.remove;
  config = testConfig({
    issuer: issuer.issuer,
    dataDir: directory.path,
    brokers: [{ id: 'scripted', url: broker.url }],
  });
  database = await openDatabase(config.database);
});

after(async () => {
  await database.close();
  await broker.close();
  await issuer.close();
  await removeDirectory();
});

/** What a platform that stopped right after sending the request left in the table: an operation without an answer. */
const UNANSWERED = `operation_state = 'in progress', next_poll_at = NULL, broker_operation = NULL, polls = 0,
  operation_description = NULL, operation_started_at = now() - interval '1 hour',
  operation_deadline = now() + interval '1 day', lease_owner = NULL, lease_expires_at = NULL`;

async function withPlatform<T>(work: (platform: TestPlatform) => Promise<T>): Promise<T> {
  const platform = await startTestPlatform({ config, database });
  try {
    return await work(platform);
  } finally {
    await platform.close();
  }
}

describe('a request interrupted by a platform crash', () => {
  it('fails a provision with orphan mitigation once the platform runs again, without polling', async () => {
    const instance = await withPlatform(async (platform) => {
      const created = await platform.call<ServiceInstance>('POST', INSTANCES, {
        body: { name: 'crashed-db', serviceId: 'scripted-service', planId: 'scripted-small', parameters: { size: 2 } },
        token,
      });
      assert.equal(created.status, 201);
      return created.body;
    });
    await database.query(`UPDATE service_instances SET operation_type = 'create', ${UNANSWERED} WHERE id = $1`, [
      instance.id,
    ]);
    broker.requests.length = 0;

    await withPlatform(async (platform) => {
      const failed = await eventually(async () => {
        const { body } = await platform.call<ServiceInstance>('GET', `${INSTANCES}/${instance.id}`, { token });
        return body.lastOperation.state === 'failed' && body;
      }, 'the interrupted provision resolved');
      assert.equal(failed.lastOperation.type, 'create');
      await eventually(
        () => broker.requestsTo('deprovision').some((request) => request.instanceId === instance.id),
        'an orphan-mitigation DELETE',
      );
      assert.deepEqual(broker.requestsTo('last_operation'), [], 'no poll of an operation the broker never started');
    });
  });

  it('fails a bind with orphan mitigation once the platform runs again', async () => {
    const { instance, binding } = await withPlatform(async (platform) => {
      const created = await platform.call<ServiceInstance>('POST', INSTANCES, {
        body: { name: 'bound-db', serviceId: 'scripted-service', planId: 'scripted-small', parameters: { size: 2 } },
        token,
      });
      const bound = await platform.call<ServiceBindingWithCredentials>(
        'POST',
        `${INSTANCES}/${created.body.id}/bindings`,
        { body: { name: 'app' }, token },
      );
      assert.equal(bound.status, 201);
      return { instance: created.body, binding: bound.body };
    });
    await database.query(`UPDATE service_bindings SET operation_type = 'create', ${UNANSWERED} WHERE id = $1`, [
      binding.id,
    ]);
    broker.requests.length = 0;

    await withPlatform(async (platform) => {
      await eventually(async () => {
        const { body } = await platform.call<ServiceBindingWithCredentials[]>(
          'GET',
          `${INSTANCES}/${instance.id}/bindings`,
          { token },
        );
        return body.find((candidate) => candidate.id === binding.id)?.lastOperation.state === 'failed';
      }, 'the interrupted bind resolved');
      await eventually(
        () => broker.requestsTo('unbind').some((request) => request.bindingId === binding.id),
        'an orphan-mitigation unbind',
      );
      assert.deepEqual(broker.requestsTo('binding_last_operation'), []);
    });
  });
});
