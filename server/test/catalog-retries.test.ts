/**
 * A broker that cannot be reached when the platform starts (not listening, or answering 503) is
 * asked again alone, with a growing delay, long before the scheduled refresh (an hour in tests):
 * its services appear without a refresh, on every replica, and stopping the platform cancels the
 * retries. A broker that refused the platform (401) waits for the scheduled refresh.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import type { CatalogResponse } from '@osb/api';
import { RETRY_JITTER, retryDelayMs } from '../src/catalog/catalog-retries.ts';
import type { Database } from '../src/store/database.ts';
import { openDatabase } from '../src/store/open-database.ts';
import { startTestPlatform, type TestPlatform } from './helper.ts';
import { eventually } from './support/scripted-broker.ts';
import { startTcpProxy } from './support/tcp-proxy.ts';
import {
  serveCatalog,
  startTestBroker,
  validCatalog,
  type Responder,
  type TestBroker,
} from './support/test-brokers.ts';
import { temporaryDirectory, testConfig, testDatabase } from './support/test-config.ts';
import { startTestIssuer, type TestIssuer } from './support/test-issuer.ts';

const UNAVAILABLE: Responder = () => ({ status: 503, body: { description: 'Starting up' } });
const REFUSED: Responder = () => ({ status: 401, body: { description: 'Unknown credentials' } });

let issuer: TestIssuer;
let token: string;
/** What the tests started, stopped in reverse order afterwards. */
const started: { close(): Promise<void> }[] = [];

/** Stops `resource` after the tests. */
function stoppedAfterwards<T extends { close(): Promise<void> }>(resource: T): T {
  started.push(resource);
  return resource;
}

before(async () => {
  issuer = stoppedAfterwards(await startTestIssuer());
  token = await issuer.sign({ sub: 'alice' });
});
after(async () => {
  for (const resource of started.reverse()) await resource.close();
});

async function broker(responder: Responder): Promise<TestBroker> {
  return stoppedAfterwards(await startTestBroker(responder));
}

/**
 * Starts a platform over the broker `late` at `url` (refreshed hourly) whose retries start after
 * `initialDelaySeconds` and grow to `maxDelaySeconds`; on `database` when given (another replica's).
 */
async function platformWith(
  url: string,
  retry: { initialDelaySeconds: number; maxDelaySeconds: number },
  options: { dataDir?: string; database?: Database } = {},
): Promise<TestPlatform> {
  let dataDir = options.dataDir;
  if (!dataDir) {
    const directory = await temporaryDirectory();
    stoppedAfterwards({ close: directory.remove });
    dataDir = directory.path;
  }
  const config = testConfig({ issuer: issuer.issuer, dataDir, brokers: [{ id: 'late', url }] });
  config.catalog = {
    ...config.catalog,
    retryInitialDelaySeconds: retry.initialDelaySeconds,
    retryMaxDelaySeconds: retry.maxDelaySeconds,
  };
  return stoppedAfterwards(await startTestPlatform({ config, database: options.database }));
}

async function listing(platform: TestPlatform): Promise<CatalogResponse> {
  const { status, body } = await platform.call<CatalogResponse>('GET', '/api/catalog', { token });
  assert.equal(status, 200);
  return body;
}

/** Waits until the platform lists the `late` broker's service (within `eventually`'s bound, without a refresh). */
async function lateServiceListed(platform: TestPlatform): Promise<CatalogResponse> {
  return eventually(async () => {
    const body = await listing(platform);
    return body.services.some((service) => service.id === 'late-service-id') && body;
  }, "the late broker's service to be listed");
}

/** Fetches of `/v2/catalog` the broker saw, in milliseconds since `performance`'s origin. */
function recordCatalogFetches(target: TestBroker, responder: Responder): number[] {
  const times: number[] = [];
  target.respondWith((request) => {
    if (request.url.endsWith('/v2/catalog')) times.push(performance.now());
    return responder(request);
  });
  return times;
}

describe('a broker that is down when the platform starts', () => {
  it('is asked again after it answered 503, and its services are listed once it is up', async () => {
    const late = await broker(UNAVAILABLE);
    const platform = await platformWith(late.url, { initialDelaySeconds: 0.2, maxDelaySeconds: 1 });
    const first = await listing(platform);
    assert.equal(first.brokers[0]!.state, 'unavailable');
    assert.deepEqual(first.services, []);

    late.respondWith(serveCatalog(validCatalog('late')));
    const body = await lateServiceListed(platform);
    assert.equal(body.brokers[0]!.state, 'ok');
    assert.equal(body.brokers[0]!.unavailableSince, undefined);
    const detail = await platform.call('GET', '/api/catalog/services/late-service-id', { token });
    assert.equal(detail.status, 200);
  });

  it('is asked again when nothing listened at its address, and its services are listed once it listens', async () => {
    const late = await broker(serveCatalog(validCatalog('late')));
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(late.url).port) });
    stoppedAfterwards({ close: proxy.stop });
    await proxy.stop();
    const platform = await platformWith(`http://127.0.0.1:${proxy.port}`, {
      initialDelaySeconds: 0.2,
      maxDelaySeconds: 1,
    });
    const first = (await listing(platform)).brokers[0]!;
    assert.equal(first.state, 'unavailable');
    assert.equal(first.unreachable, true);

    await proxy.start();
    assert.equal((await lateServiceListed(platform)).brokers[0]!.state, 'ok');
  });

  it('is asked with a delay that doubles up to its maximum, and keeps being asked at the maximum', async () => {
    const late = await broker(UNAVAILABLE);
    const fetches = recordCatalogFetches(late, UNAVAILABLE);
    await platformWith(late.url, { initialDelaySeconds: 0.2, maxDelaySeconds: 0.8 });
    await eventually(() => fetches.length >= 6, 'five retries', 15_000);
    const gaps = fetches.slice(1, 6).map((time, index) => time - fetches[index]!);
    // Each retry waits at least its delay less the random share (a loaded machine only adds to it).
    const planned = [200, 400, 800, 800, 800];
    for (const [index, gap] of gaps.entries()) {
      const least = planned[index]! * (1 - RETRY_JITTER) - 20;
      assert.ok(
        gap >= least,
        `retry ${index + 1} came ${gap.toFixed(0)} ms after the fetch before (at least ${least})`,
      );
    }
  });

  it('is left to the scheduled refresh when it refused the platform (401), as asking again soon would not help', async () => {
    const refusing = await broker(REFUSED);
    const fetches = recordCatalogFetches(refusing, REFUSED);
    const platform = await platformWith(refusing.url, { initialDelaySeconds: 0.1, maxDelaySeconds: 0.1 });
    // Ten delays of the retries.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.equal(fetches.length, 1);
    assert.equal((await listing(platform)).brokers[0]!.state, 'unavailable');
  });

  it('is no longer asked once the platform stopped', async () => {
    const late = await broker(UNAVAILABLE);
    const fetches = recordCatalogFetches(late, UNAVAILABLE);
    const platform = await platformWith(late.url, { initialDelaySeconds: 0.2, maxDelaySeconds: 0.2 });
    await eventually(() => fetches.length >= 2, 'a retry');
    await platform.close();
    const seen = fetches.length;
    // Five delays of the retries: a timer left behind would have asked by now.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.equal(fetches.length, seen, 'no retry after the platform stopped');
  });
});

describe('a broker that comes up after every replica started', () => {
  const replicas: { dataDir: string; database?: Database } = { dataDir: '' };

  before(async () => {
    const directory = await temporaryDirectory();
    stoppedAfterwards({ close: directory.remove });
    replicas.dataDir = directory.path;
    replicas.database = stoppedAfterwards(await openDatabase(testDatabase(directory.path)));
  });

  it("is listed on a replica that does not ask it itself, once another replica's retry got its catalog", async () => {
    const late = await broker(UNAVAILABLE);
    const retrying = await platformWith(late.url, { initialDelaySeconds: 0.2, maxDelaySeconds: 1 }, replicas);
    const waiting = await platformWith(late.url, { initialDelaySeconds: 1800, maxDelaySeconds: 1800 }, replicas);
    assert.deepEqual((await listing(waiting)).services, []);

    late.respondWith(serveCatalog(validCatalog('late')));
    await lateServiceListed(retrying);
    assert.equal((await lateServiceListed(waiting)).brokers[0]!.state, 'ok');
  });
});

describe('the delay of a retry', () => {
  const timings = { initialDelayMs: 2000, maxDelayMs: 60_000, refreshIntervalMs: 300_000 };

  it('doubles from the first delay up to the maximum, shortened by at most the random share', () => {
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5, 6, 10].map((attempt) => retryDelayMs(timings, attempt, 0)),
      [2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000],
    );
    assert.equal(retryDelayMs(timings, 1, 1), 4000 * (1 - RETRY_JITTER));
  });

  it('leaves the broker to the scheduled refresh once the delay would reach its interval', () => {
    const shortRefresh = { ...timings, refreshIntervalMs: 10_000 };
    assert.deepEqual(
      [0, 1, 2, 3].map((attempt) => retryDelayMs(shortRefresh, attempt, 0)),
      [2000, 4000, 8000, undefined],
    );
  });
});
