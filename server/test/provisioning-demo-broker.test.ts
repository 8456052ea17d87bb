/**
 * A full asynchronous provision against the demo broker, and a platform restart in the middle
 * of one: the new platform resumes polling from the database and the operation finishes.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { CatalogResponse, ServiceInstance, ServiceSummary } from '@osb/api';
import type { RunningDemoBroker } from '../src/demo-broker/demo-broker.ts';
import { startTestIssuer, type TestIssuer } from './support/test-issuer.ts';
import { temporaryDirectory } from './support/test-config.ts';
import { eventually } from './support/scripted-broker.ts';
import {
  demoGlobalBroker,
  settled as settledAt,
  startTestDemoBroker,
  startTestPlatform,
  type TestPlatform,
} from './helper.ts';

const INSTANCES = '/api/projects/likvid-payments/service-instances';

let issuer: TestIssuer;
let demoBroker: RunningDemoBroker;
let token: string;
let dataDir: string;
let removeDirectory: () => Promise<void>;
const running = new Set<TestPlatform>();

before(async () => {
  issuer = await startTestIssuer();
  token = await issuer.sign({ sub: 'alice' });
  const directory = await temporaryDirectory();
  dataDir = directory.path;
  removeDirectory = directory.remove;
  demoBroker = await startTestDemoBroker({ locationIds: [], asyncOperationSeconds: 1 });
});

after(async () => {
  for (const platform of running) await platform.close();
  await demoBroker.close();
  await issuer.close();
  await removeDirectory();
});

async function start(): Promise<TestPlatform> {
  const platform = await startTestPlatform({
    issuer: issuer.issuer,
    brokers: [demoGlobalBroker(demoBroker)],
    dataDir,
  });
  running.add(platform);
  return platform;
}

async function stop(platform: TestPlatform): Promise<void> {
  running.delete(platform);
  await platform.close();
}

async function call<T>(
  platform: TestPlatform,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  return platform.call<T>(method, path, { body, token });
}

/** The demo broker's asynchronous CDN service and its pay-as-you-go plan. */
async function asyncCdn(platform: TestPlatform): Promise<{ service: ServiceSummary; planId: string }> {
  const { body } = await call<CatalogResponse>(platform, 'GET', '/api/catalog');
  const service = body.services.find((candidate) => candidate.plans.some((plan) => plan.name === 'pay-as-you-go'));
  assert.ok(service, 'the demo catalog has the CDN service');
  return { service, planId: service.plans.find((plan) => plan.name === 'pay-as-you-go')!.id };
}

function settled(platform: TestPlatform, id: string): Promise<ServiceInstance> {
  return settledAt(platform, `${INSTANCES}/${id}`, token, `operation of ${id} to finish`);
}

describe('provisioning against the demo broker', () => {
  it('provisions, updates and deletes an asynchronous instance', async () => {
    const platform = await start();
    try {
      const { service, planId } = await asyncCdn(platform);
      const created = await call<ServiceInstance>(platform, 'POST', INSTANCES, {
        name: 'shop-cdn',
        serviceId: service.id,
        planId,
        parameters: { originUrl: 'https://shop.example' },
      });
      assert.equal(created.status, 202);
      const ready = await settled(platform, created.body.id);
      assert.equal(ready.lastOperation.state, 'succeeded');
      assert.match(ready.dashboardUrl ?? '', /^http:\/\/.+\/dashboard\//);

      const deleted = await call<ServiceInstance>(platform, 'DELETE', `${INSTANCES}/${created.body.id}`);
      assert.equal(deleted.status, 202);
      await eventually(
        async () => (await call(platform, 'GET', `${INSTANCES}/${created.body.id}`)).status === 404,
        'the instance to be gone',
      );
    } finally {
      await stop(platform);
    }
  });

  it('finishes an asynchronous provision after the platform restarts', async () => {
    const first = await start();
    const { service, planId } = await asyncCdn(first);
    const created = await call<ServiceInstance>(first, 'POST', INSTANCES, {
      name: 'restart-cdn',
      serviceId: service.id,
      planId,
      parameters: { originUrl: 'https://shop.example' },
    });
    assert.equal(created.status, 202);
    await stop(first);

    const second = await start();
    const { body: stillRunning } = await call<ServiceInstance>(second, 'GET', `${INSTANCES}/${created.body.id}`);
    assert.equal(stillRunning.lastOperation.type, 'create');
    const ready = await settled(second, created.body.id);
    assert.equal(ready.lastOperation.state, 'succeeded');
    await stop(second);
  });
});
