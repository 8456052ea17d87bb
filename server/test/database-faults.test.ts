/**
 * PostgreSQL faults never crash the platform: connections terminated by the server
 * (`pg_terminate_backend`) in the middle of work, and an outage in which the server cannot be
 * reached at all (a restart, seen through a proxy that cuts and refuses connections). Requests
 * during the outage get the coded 503, the platform answers again once the database is back,
 * and the background work (polls of running operations) resumes.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import type { CatalogResponse, ErrorBody, ServiceInstance } from '@osb/api';
import { startTestPlatform, type TestPlatform } from './helper.ts';
import { eventually, startScriptedBroker, type ScriptedBroker } from './support/scripted-broker.ts';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.ts';
import { temporaryDirectory, testConfig } from './support/test-config.ts';
import { startTestIssuer, type TestIssuer } from './support/test-issuer.ts';

const INSTANCES = '/api/projects/likvid-payments/service-instances';

describe('PostgreSQL faults', { skip: process.env.DATABASE_URL ? false : 'DATABASE_URL is not set' }, () => {
  /** Names this platform's connections, so that only they are terminated. */
  const applicationName = `osb_faults_${process.pid}`;
  let issuer: TestIssuer;
  let token: string;
  let broker: ScriptedBroker;
  let proxy: TcpProxy;
  let platform: TestPlatform;
  let admin: pg.Client;
  let removeDirectory: () => Promise<void>;
  let count = 0;

  before(async () => {
    issuer = await startTestIssuer();
    token = await issuer.sign({ sub: 'alice' }, { expiresIn: '30m' });
    broker = await startScriptedBroker();
    const direct = new URL(process.env.DATABASE_URL!);
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const proxied = new URL(direct);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    proxied.searchParams.set('application_name', applicationName);
    const directory = await temporaryDirectory();
    removeDirectory = directory.remove;
    const config = testConfig({
      issuer: issuer.issuer,
      dataDir: directory.path,
      brokers: [{ id: 'scripted', url: broker.url }],
    });
    config.database = { ...config.database, url: proxied.toString() };
    platform = await startTestPlatform({ config });
    admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
  });

  after(async () => {
    await proxy.start().catch(() => undefined);
    await platform.close();
    await admin.end();
    await proxy.stop();
    await broker.close();
    await issuer.close();
    await removeDirectory();
  });

  const call = <T>(method: string, path: string, body?: unknown) => platform.call<T>(method, path, { token, body });

  /** Orders an instance the scripted broker provisions asynchronously (its polls answer `in progress` for now). */
  async function orderAsync(): Promise<string> {
    broker.script('provision', { status: 202, body: { operation: `op-${++count}` } });
    const { status, body } = await call<ServiceInstance>('POST', INSTANCES, {
      name: `db-faults-${count}`,
      serviceId: 'scripted-service',
      planId: 'scripted-small',
      parameters: { size: 1 },
    });
    assert.equal(status, 202);
    return body.id;
  }

  async function stateOf(id: string): Promise<string | undefined> {
    const { status, body } = await call<ServiceInstance>('GET', `${INSTANCES}/${id}`);
    return status === 200 ? body.lastOperation.state : undefined;
  }

  async function terminateConnections(): Promise<number> {
    const { rows } = await admin.query<{ terminated: boolean }>(
      'SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity WHERE application_name = $1',
      [applicationName],
    );
    return rows.filter((row) => row.terminated).length;
  }

  it('stays up when the server terminates its connections in the middle of work, and its polls go on', async () => {
    broker.setDefault('last_operation', { status: 200, body: { state: 'in progress' } });
    const ids = [await orderAsync(), await orderAsync()];
    // Terminate while polls, lease renewals and sweeps are running, a few times over.
    let terminated = 0;
    for (let round = 0; round < 3; round++) {
      terminated += await terminateConnections();
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.ok(terminated > 0, 'the platform’s connections were terminated');
    await eventually(async () => (await call('GET', INSTANCES)).status === 200, 'the platform to answer again');
    const polls = broker.requestsTo('last_operation').length;
    await eventually(() => broker.requestsTo('last_operation').length > polls, 'polls to go on');
    broker.setDefault('last_operation', { status: 200, body: { state: 'succeeded' } });
    for (const id of ids) {
      await eventually(async () => (await stateOf(id)) === 'succeeded', 'the operations to finish', 30_000);
    }
  });

  it('answers 503 while the database cannot be reached, then recovers and resumes its background work', async () => {
    broker.setDefault('last_operation', { status: 200, body: { state: 'in progress' } });
    const id = await orderAsync();
    await proxy.stop();
    try {
      const refused = await call<ErrorBody>('GET', INSTANCES);
      assert.equal(refused.status, 503);
      assert.equal(refused.body.code, 'databaseUnavailable');
      const order = await call<ErrorBody>('POST', INSTANCES, {
        name: 'during-outage',
        serviceId: 'scripted-service',
        planId: 'scripted-small',
        parameters: { size: 1 },
      });
      assert.equal(order.status, 503);
      assert.equal(order.body.code, 'databaseUnavailable');
      // A catalog refresh that cannot store what it fetched still lists the broker's services.
      await platform.parts.catalog.refresh();
      const listing = await call<CatalogResponse>('GET', '/api/catalog');
      assert.equal(listing.status, 200);
      assert.ok(listing.body.services.some((service) => service.id === 'scripted-service'));
      assert.equal(listing.body.brokers[0]!.state, 'ok');
      // The broker finishes meanwhile; the platform cannot record it yet.
      broker.setDefault('last_operation', { status: 200, body: { state: 'succeeded' } });
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      assert.equal((await call('GET', '/api/health/live')).status, 200, 'the process is up');
    } finally {
      await proxy.start();
    }
    await eventually(async () => (await call('GET', INSTANCES)).status === 200, 'the platform to answer again');
    await eventually(async () => (await stateOf(id)) === 'succeeded', 'the poll to resume and finish', 30_000);
    assert.equal(
      (
        await call('POST', INSTANCES, {
          name: 'after-outage',
          serviceId: 'scripted-service',
          planId: 'scripted-small',
          parameters: { size: 1 },
        })
      ).status,
      201,
    );
  });
});
