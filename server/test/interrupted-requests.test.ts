/**
 * A synchronous request the platform sent but never heard back from, because the platform stopped
 * while waiting (a crash, a killed pod): when the platform starts again, the operation is resolved
 * once the request timeout has passed, as the OSB spec says for a timed-out request (provision and
 * bind: failed with orphan mitigation), instead of polling a `last_operation` the broker never
 * offered until the polling deadline a day later. Likewise an order the broker refused or failed, when the
 * platform stopped before it recorded the orphan mitigation: the order is kept until then, so
 * that it is resolved after the restart instead of leaving an orphan at the broker.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ServiceBindingWithCredentials, ServiceInstance } from '@osb/api';
import { startTestIssuer, type TestIssuer } from './support/test-issuer.ts';
import { temporaryDirectory, testConfig } from './support/test-config.ts';
import { eventually, scriptedCatalog, startScriptedBroker, type ScriptedBroker } from './support/scripted-broker.ts';
import { startTestPlatform, type TestPlatform, type TestPlatformOptions } from './helper.ts';
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

async function withPlatform<T>(
  work: (platform: TestPlatform) => Promise<T>,
  options: Pick<TestPlatformOptions, 'captureLogs'> = {},
): Promise<T> {
  const platform = await startTestPlatform({ config, database, ...options });
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

describe('a failed order whose orphan mitigation cannot be recorded (as when the platform stops right before)', () => {
  /** Makes every write of orphan mitigation fail until the returned function is called. */
  async function refuseOrphanMitigationWrites(): Promise<() => Promise<void>> {
    await database.exec(`CREATE FUNCTION refuse_write() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the platform stopped before this write'; END $$;
      CREATE TRIGGER refuse_orphan_mitigation BEFORE INSERT OR UPDATE ON orphan_mitigations
        FOR EACH ROW EXECUTE FUNCTION refuse_write();`);
    return () =>
      database.exec('DROP TRIGGER refuse_orphan_mitigation ON orphan_mitigations; DROP FUNCTION refuse_write();');
  }

  /** Orders an instance named `name` from the scripted broker and returns it, provisioned. */
  function provisioned(name: string): Promise<ServiceInstance> {
    return withPlatform(async (platform) => {
      const created = await platform.call<ServiceInstance>('POST', INSTANCES, {
        body: { name, serviceId: 'scripted-service', planId: 'scripted-small', parameters: { size: 2 } },
        token,
      });
      assert.equal(created.status, 201);
      return created.body;
    });
  }

  /** Sends `order` with orphan-mitigation writes refused; the platform then stays down longer than the request timeout. */
  async function refusedWithoutMitigation(
    table: 'service_instances' | 'service_bindings',
    order: (platform: TestPlatform) => Promise<string>,
  ) {
    const allow = await refuseOrphanMitigationWrites();
    const id = await withPlatform(order).finally(allow);
    await database.query(`UPDATE ${table} SET operation_started_at = now() - interval '1 hour' WHERE id = $1`, [id]);
    return id;
  }

  it('keeps the instance until its orphan mitigation is recorded: after a restart, the broker is asked to delete it', async () => {
    broker.script('provision', { status: 500, body: { description: 'Exploded' } });
    broker.requests.length = 0;
    const id = await refusedWithoutMitigation('service_instances', async (platform) => {
      const refused = await platform.call('POST', INSTANCES, {
        body: { name: 'refused-db', serviceId: 'scripted-service', planId: 'scripted-small', parameters: { size: 2 } },
        token,
      });
      assert.notEqual(refused.status, 201);
      return broker.requestsTo('provision')[0]!.instanceId!;
    });
    await withPlatform(() =>
      eventually(
        () => broker.requestsTo('deprovision').some((request) => request.instanceId === id),
        'an orphan-mitigation DELETE of the refused instance',
      ),
    );
  });

  it('keeps the binding until its orphan mitigation is recorded: after a restart, the broker is asked to delete it', async () => {
    const instance = await provisioned('refused-bind-db');
    broker.script('bind', { status: 500, body: { description: 'Exploded' } });
    broker.requests.length = 0;
    const id = await refusedWithoutMitigation('service_bindings', async (platform) => {
      const refused = await platform.call('POST', `${INSTANCES}/${instance.id}/bindings`, {
        body: { name: 'app' },
        token,
      });
      assert.notEqual(refused.status, 201);
      return broker.requestsTo('bind')[0]!.bindingId!;
    });
    await withPlatform(() =>
      eventually(
        () => broker.requestsTo('unbind').some((request) => request.bindingId === id),
        'an orphan-mitigation unbind of the refused binding',
      ),
    );
  });

  it('keeps a binding whose asynchronous bind failed until its orphan mitigation is recorded: after a restart, the broker is asked to delete it', async () => {
    const instance = await provisioned('async-bind-db');
    broker.script('bind', { status: 202, body: { operation: 'bind-1' } });
    broker.setDefault('binding_last_operation', { status: 200, body: { state: 'failed', description: 'No capacity' } });
    broker.requests.length = 0;
    try {
      const allow = await refuseOrphanMitigationWrites();
      const id = await withPlatform(
        async (platform) => {
          const accepted = await platform.call<ServiceBindingWithCredentials>(
            'POST',
            `${INSTANCES}/${instance.id}/bindings`,
            { body: { name: 'app' }, token },
          );
          assert.equal(accepted.status, 202);
          await eventually(
            () => platform.logs().includes('the platform stopped before this write'),
            'the failed bind to try recording its orphan mitigation',
          );
          return accepted.body.id;
        },
        { captureLogs: true },
      ).finally(allow);
      await withPlatform(() =>
        eventually(
          () => broker.requestsTo('unbind').some((request) => request.bindingId === id),
          'an orphan-mitigation unbind of the failed binding',
        ),
      );
    } finally {
      broker.setDefault('binding_last_operation', { status: 400, body: { description: 'No such operation' } });
    }
  });
});
