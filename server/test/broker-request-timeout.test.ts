/**
 * The configured broker request timeout bounds every broker request, provisioning and binding
 * included, not only catalog fetches: `catalog.requestTimeoutSeconds` for every broker, or a
 * broker's own `brokers[].requestTimeoutSeconds`.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import type { Database } from '../src/store/database.ts';
import { openDatabase } from '../src/store/open-database.ts';
import { callPlatform } from './helper.ts';
import { startScriptedBroker, type ScriptedBroker } from './support/scripted-broker.ts';
import { temporaryDirectory, testConfig } from './support/test-config.ts';
import { startTestIssuer, type TestIssuer } from './support/test-issuer.ts';

for (const setting of [
  { name: 'catalog.requestTimeoutSeconds', catalogSeconds: 2, brokerSeconds: undefined },
  // The catalog's timeout alone would let each request wait 30 s.
  { name: 'brokers[].requestTimeoutSeconds', catalogSeconds: 30, brokerSeconds: 2 },
]) {
  describe(`the broker request timeout (${setting.name})`, () => {
    let issuer: TestIssuer;
    let broker: ScriptedBroker;
    let database: Database;
    let app: FastifyInstance;
    let url: string;
    let removeDirectory: () => Promise<void>;

    before(async () => {
      issuer = await startTestIssuer();
      broker = await startScriptedBroker();
      const directory = await temporaryDirectory();
      removeDirectory = directory.remove;
      const config = testConfig({
        issuer: issuer.issuer,
        dataDir: directory.path,
        brokers: [
          {
            id: 'scripted',
            url: broker.url,
            ...(setting.brokerSeconds ? { requestTimeoutSeconds: setting.brokerSeconds } : {}),
          },
        ],
        requestTimeoutSeconds: setting.catalogSeconds,
      });
      database = await openDatabase(config.database);
      app = await buildApp(config, { database, logger: false });
      await app.listen({ host: '127.0.0.1', port: 0 });
      const address = app.server.address();
      url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    });
    after(async () => {
      await app.close();
      await database.close();
      await broker.close();
      await issuer.close();
      await removeDirectory();
    });

    /** Runs `request` and returns its answer and how long it took, in seconds. */
    async function timed<T>(request: () => Promise<T>): Promise<{ answer: T; seconds: number }> {
      const started = performance.now();
      const answer = await request();
      return { answer, seconds: (performance.now() - started) / 1000 };
    }

    it('ends a provision request the broker never answers after the configured 2 s', async () => {
      broker.script('provision', 'hang');
      const token = await issuer.sign({ sub: 'alice' });
      const { answer, seconds } = await timed(() =>
        callPlatform(url, 'POST', '/api/projects/likvid-payments/service-instances', {
          token,
          body: {
            name: 'slow-broker',
            serviceId: 'scripted-service',
            planId: 'scripted-small',
            parameters: { size: 2 },
          },
        }),
      );
      assert.ok(seconds < 10, `answered after ${seconds.toFixed(1)} s`);
      assert.notEqual(answer.status, 201);
    });

    it('ends a bind request the broker never answers after the configured 2 s', async () => {
      const token = await issuer.sign({ sub: 'alice' });
      const created = await callPlatform<{ id: string }>(
        url,
        'POST',
        '/api/projects/likvid-payments/service-instances',
        {
          token,
          body: { name: 'bound', serviceId: 'scripted-service', planId: 'scripted-small', parameters: { size: 2 } },
        },
      );
      assert.equal(created.status, 201);
      broker.script('bind', 'hang');
      const { answer, seconds } = await timed(() =>
        callPlatform(url, 'POST', `/api/projects/likvid-payments/service-instances/${created.body.id}/bindings`, {
          token,
          body: { name: 'slow-binding' },
        }),
      );
      assert.ok(seconds < 10, `answered after ${seconds.toFixed(1)} s`);
      assert.notEqual(answer.status, 201);
    });
  });
}
