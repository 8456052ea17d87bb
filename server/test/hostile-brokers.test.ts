/**
 * Brokers that attack the platform over real HTTP: each attack is answered within its time bound,
 * reported as that broker's problem with its reason, and the platform stays up with every other
 * broker's services listed.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import type { BrokerStatus, CatalogResponse, ServiceOffering, ServiceSummary } from '@osb/api';
import { startTestIssuer, type TestIssuer } from './support/test-issuer.ts';
import { temporaryDirectory } from './support/test-config.ts';
import { startTestPlatform, type TestPlatform } from './helper.ts';
import { startHostileBrokers, type HostileBrokers } from './support/hostile-brokers.ts';

describe('hostile brokers', () => {
  let issuer: TestIssuer;
  let token: string;
  let platform: TestPlatform;
  let hostile: HostileBrokers | undefined;
  const cleanups: (() => Promise<void>)[] = [];

  before(async () => {
    issuer = await startTestIssuer();
    token = await issuer.sign({ sub: 'alice' });
    const directory = await temporaryDirectory();
    cleanups.push(directory.remove);
    hostile = await startHostileBrokers();
    platform = await startTestPlatform({ issuer: issuer.issuer, dataDir: directory.path, brokers: hostile.entries });
  });

  after(async () => {
    await platform?.close();
    await hostile?.close();
    for (const cleanup of cleanups) await cleanup();
    await issuer.close();
  });

  async function catalog(): Promise<CatalogResponse> {
    const response = await fetch(`${platform.url}/api/catalog`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(response.status, 200);
    return (await response.json()) as CatalogResponse;
  }

  function status(body: CatalogResponse, id: string): BrokerStatus {
    const found = body.brokers.find((broker) => broker.id === id);
    assert.ok(found, `no status for broker ${id}`);
    return found;
  }

  function service(body: CatalogResponse, id: string): ServiceSummary | undefined {
    return body.services.find((candidate) => candidate.id === id);
  }

  // How long the start takes is a figure of the start-up benchmark (`node --import tsx bench/run.ts startup`).
  it("starts (embedded database included) and lists the good broker's services", async () => {
    const body = await catalog();
    assert.ok(service(body, 'good-service-id'));
    assert.equal(status(body, 'good').state, 'ok');
  });

  it("reports a catalog nested 300000 levels deep as that broker's problem", async () => {
    const deep = status(await catalog(), 'deep');
    assert.equal(deep.state, 'unavailable');
    assert.match(deep.reason ?? '', /nested more than 128 levels deep/);
  });

  it('reports a catalog larger than the size limit', async () => {
    const huge = status(await catalog(), 'huge');
    assert.equal(huge.state, 'unavailable');
    assert.match(huge.reason ?? '', /larger than 8 MB/);
  });

  it('reports an error body nested a million levels deep without parsing it', async () => {
    const deepError = status(await catalog(), 'deep-error');
    assert.equal(deepError.state, 'unavailable');
    assert.match(deepError.reason ?? '', /nested more than 128 levels deep/);
  });

  it('ignores a schema whose references expand exponentially, with a warning, and lists the service', async () => {
    const body = await catalog();
    const exponential = status(body, 'exponential');
    assert.equal(exponential.state, 'ok');
    assert.match(
      exponential.warnings.join('\n'),
      /instance create schema was ignored: it expands to more than 5000 nodes/,
    );
    assert.ok(service(body, 'exponential-service-id'));
    const detail = await fetch(`${platform.url}/api/catalog/services/exponential-service-id`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(detail.status, 200);
    const plan = ((await detail.json()) as ServiceOffering).plans.find(
      (candidate) => candidate.id === 'exponential-plan-small',
    );
    assert.deepEqual(plan?.schemas, {});
  });

  it('ignores a schema whose reference contains itself, with a warning', async () => {
    const cyclic = status(await catalog(), 'cyclic');
    assert.equal(cyclic.state, 'ok');
    assert.match(
      cyclic.warnings.join('\n'),
      /instance create schema was ignored: its reference #\/definitions\/node contains itself/,
    );
  });

  it('answers an order against a catastrophic pattern within 3 s', async () => {
    const started = performance.now();
    const response = await fetch(`${platform.url}/api/projects/likvid-payments/service-instances`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: 'evil',
        serviceId: 'regex-service-id',
        planId: 'regex-plan-small',
        parameters: { name: `${'a'.repeat(5_000)}!`, [`${'a'.repeat(5_000)}!`]: 'x' },
      }),
    });
    const milliseconds = performance.now() - started;
    assert.equal(response.status, 400);
    assert.match(JSON.stringify(await response.json()), /must match pattern/);
    assert.ok(milliseconds < 3_000, `answered in ${milliseconds} ms`);
  });

  it('refreshes every broker again, still within its bound, with the good broker listed', async () => {
    const started = performance.now();
    await platform.app.catalog.refresh();
    const seconds = (performance.now() - started) / 1000;
    assert.ok(seconds < 10, `refreshed in ${seconds.toFixed(1)} s`);
    const body = await catalog();
    assert.ok(service(body, 'good-service-id'));
    assert.ok(service(body, 'regex-service-id'));
    const health = await fetch(`${platform.url}/api/health`);
    assert.equal(health.status, 200);
  });
});
