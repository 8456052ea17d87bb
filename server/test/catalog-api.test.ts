import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { BrokerStatus, CatalogResponse, ServiceOffering } from '@osb/api';
import { startDemoBroker, type RunningDemoBroker } from '../src/demo-broker/demo-broker.ts';
import { startTestIssuer, type TestIssuer } from './support/test-issuer.ts';
import { startTestPlatform } from './helper.ts';
import { temporaryDirectory, testConfig, type TestBrokerEntry } from './support/test-config.ts';
import {
  serveCatalog,
  startTestBroker,
  unreachableUrl,
  validCatalog,
  type TestBroker,
} from './support/test-brokers.ts';

const osbaSchema = JSON.parse(
  readFileSync(
    new URL('../../fixtures/schemas/osba-postgresql-10-general-purpose-instance-create.json', import.meta.url),
    'utf8',
  ),
) as Record<string, unknown>;
let issuer: TestIssuer;
let token: string;
const cleanups: (() => Promise<void>)[] = [];

before(async () => {
  issuer = await startTestIssuer();
  token = await issuer.sign({ sub: 'alice' });
});
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await issuer.close();
});

async function broker(...args: Parameters<typeof startTestBroker>): Promise<TestBroker> {
  const started = await startTestBroker(...args);
  cleanups.push(() => started.close());
  return started;
}

async function dataDirectory(): Promise<string> {
  const directory = await temporaryDirectory();
  cleanups.push(() => directory.remove());
  return directory.path;
}

/** Starts an app over `brokers` with its data in `dataDir`, closed after the tests. */
async function platformWith(brokers: TestBrokerEntry[], dataDir: string, requestTimeoutSeconds = 5) {
  const running = await startTestPlatform({
    config: testConfig({ issuer: issuer.issuer, dataDir, brokers, requestTimeoutSeconds }),
  });
  cleanups.push(() => running.close());
  return running;
}

async function getJson<T>(url: string): Promise<{ status: number; body: T }> {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as T };
}

function statusOf(catalog: CatalogResponse, brokerId: string): BrokerStatus {
  const status = catalog.brokers.find((candidate) => candidate.id === brokerId);
  assert.ok(status, `no status for ${brokerId}`);
  return status;
}

describe('GET /api/catalog with misbehaving brokers', () => {
  let catalog: CatalogResponse;
  let url: string;
  let app: FastifyInstance;
  let good: TestBroker;

  before(async () => {
    good = await broker(serveCatalog(validCatalog('good')));
    const localCatalog = validCatalog('local');
    (localCatalog.services[0]!['plans'] as Record<string, unknown>[])[0]!['schemas'] = {
      service_instance: { create: { parameters: osbaSchema } },
    };
    const local = await broker(serveCatalog(localCatalog));
    const failing = await broker(() => ({
      status: 500,
      body: { error: 'InternalError', description: 'Database on fire' },
    }));
    const hanging = await broker(() => 'hang');
    const broken = validCatalog('broken');
    delete (broken.services[0]!['plans'] as Record<string, unknown>[])[1]!['description'];
    const brokenBroker = await broker(serveCatalog(broken));
    const colliding = await broker(serveCatalog(validCatalog('good')));
    const running = await platformWith(
      [
        { id: 'good', url: `${good.url}/osb`, displayName: 'Good broker' },
        { id: 'down', url: await unreachableUrl() },
        { id: 'failing', url: failing.url },
        { id: 'hanging', url: hanging.url },
        { id: 'broken', url: brokenBroker.url },
        { id: 'colliding', url: colliding.url },
        { id: 'local', url: local.url, locality: { location: 'eu-de-central' } },
      ],
      await dataDirectory(),
      1,
    );
    url = running.url;
    app = running.app;
    const response = await getJson<CatalogResponse>(`${url}/api/catalog`);
    assert.equal(response.status, 200);
    catalog = response.body;
  });

  it("lists the good brokers' services", () => {
    assert.deepEqual(
      catalog.services.map((service) => [service.id, service.brokerId, service.locality]),
      [
        ['good-service-id', 'good', { kind: 'global' }],
        ['local-service-id', 'local', { kind: 'local', locationId: 'eu-de-central' }],
      ],
    );
    const [service] = catalog.services;
    assert.equal(service!.displayName, 'good Database');
    assert.deepEqual(
      service!.plans.map((plan) => [plan.name, plan.free]),
      [
        ['small', true],
        ['large', false],
      ],
    );
    assert.deepEqual(catalog.locations, [
      { id: 'eu-de-central', displayName: 'Frankfurt' },
      { id: 'eu-nl-west', displayName: 'Amsterdam' },
    ]);
    const goodStatus = statusOf(catalog, 'good');
    assert.equal(goodStatus.state, 'ok');
    assert.equal(goodStatus.displayName, 'Good broker');
    assert.equal(goodStatus.reason, undefined);
    assert.ok(goodStatus.lastRefreshedAt && !Number.isNaN(Date.parse(goodStatus.lastRefreshedAt)));
    assert.equal(good.requests[0]!.url, '/osb/v2/catalog');
  });

  it('reports each failing broker with its reason', () => {
    const reasons = Object.fromEntries(
      catalog.brokers.filter((status) => status.state === 'unavailable').map((status) => [status.id, status.reason]),
    );
    assert.deepEqual(reasons, {
      down: 'The broker could not be reached (connection refused).',
      failing: 'The broker answered HTTP 500: Database on fire.',
      hanging: 'The broker did not answer within 1 s.',
      broken: "The catalog was rejected: plan 'large' of service 'broken-db' has no description.",
      colliding:
        "The catalog was rejected: service 'good-db' uses id 'good-service-id', which broker 'good' already uses; " +
        "plan 'small' of service 'good-db' uses id 'good-plan-small', which broker 'good' already uses; " +
        "plan 'large' of service 'good-db' uses id 'good-plan-large', which broker 'good' already uses.",
    });
    const problems = Object.fromEntries(
      catalog.brokers.filter((status) => status.state === 'unavailable').map((status) => [status.id, status.problem]),
    );
    assert.deepEqual(problems, {
      down: 'unreachable',
      failing: 'unreachable',
      hanging: 'unreachable',
      broken: 'rejected',
      colliding: 'rejected',
    });
  });

  it('serves one service by id with its costs and parameter schemas intact, and 404 for unknown ids', async () => {
    const found = await getJson<ServiceOffering>(`${url}/api/catalog/services/local-service-id`);
    assert.equal(found.status, 200);
    assert.equal(found.body.plans.length, 2);
    assert.deepEqual(found.body.plans[0]!.schemas, { instanceCreate: osbaSchema });
    assert.deepEqual(
      found.body.plans.map((plan) => [plan.name, plan.free, plan.costs]),
      [
        ['small', true, []],
        ['large', false, [{ amount: { eur: 12.5 }, unit: 'MONTHLY' }]],
      ],
    );
    const missing = await getJson(`${url}/api/catalog/services/broken-service-id`);
    assert.deepEqual(missing, {
      status: 404,
      body: { code: 'serviceNotFound', params: {}, message: 'Service not found.' },
    });
  });

  it("keeps a broker's last good catalog listed when it starts serving a broken one", async () => {
    good.respondWith(() => ({ status: 200, body: { services: [{ id: 'x' }] } }));
    await app.catalog.refresh();
    const response = await getJson<CatalogResponse>(`${url}/api/catalog`);
    assert.deepEqual(
      response.body.services.map((service) => service.id),
      ['good-service-id', 'local-service-id'],
    );
    const status = statusOf(response.body, 'good');
    assert.equal(status.state, 'unavailable');
    assert.equal(status.lastRefreshedAt, statusOf(catalog, 'good').lastRefreshedAt);
    assert.equal(
      status.reason,
      "The catalog was rejected: service #1 has no name; service #1 has no description; service #1 has no 'bindable' flag; " +
        `service #1 has no plans. Showing its services from the catalog fetched at ${status.lastRefreshedAt}.`,
    );
    assert.equal(statusOf(response.body, 'colliding').state, 'unavailable', 'the ids still belong to the first broker');
  });
});

describe('GET /api/catalog after a restart', () => {
  it("still lists a down broker's stored services, marked unavailable", async () => {
    const dataDir = await dataDirectory();
    const upstream = await broker(serveCatalog(validCatalog('kept')));
    const first = await platformWith([{ id: 'kept', url: upstream.url }], dataDir);
    const before = await getJson<CatalogResponse>(`${first.url}/api/catalog`);
    assert.equal(statusOf(before.body, 'kept').state, 'ok');
    const fetchedAt = statusOf(before.body, 'kept').lastRefreshedAt;
    await first.close();
    await upstream.close();

    const second = await platformWith([{ id: 'kept', url: upstream.url }], dataDir);
    const after = await getJson<CatalogResponse>(`${second.url}/api/catalog`);
    assert.deepEqual(after.body.services, before.body.services);
    const status = statusOf(after.body, 'kept');
    assert.equal(status.state, 'unavailable');
    assert.equal(status.lastRefreshedAt, fetchedAt);
    assert.equal(
      status.reason,
      `The broker could not be reached (connection refused). Showing its services from the catalog fetched at ${fetchedAt}.`,
    );
  });
});

describe('GET /api/catalog against the demo broker', () => {
  let demo: RunningDemoBroker;
  before(async () => {
    const stateDir = await dataDirectory();
    demo = await startDemoBroker({
      host: '127.0.0.1',
      port: 0,
      username: 'broker-user',
      password: 'broker-secret-password',
      locationIds: ['eu-de-central', 'eu-nl-west'],
      stateFile: `${stateDir}/demo-broker-state.json`,
    });
    cleanups.push(() => demo.close());
  });

  it('accepts every catalog of the demo broker', async () => {
    const running = await platformWith(
      [
        { id: 'demo-global', url: `${demo.url}/global` },
        {
          id: 'demo-eu-de-central',
          url: `${demo.url}/locations/eu-de-central`,
          locality: { location: 'eu-de-central' },
        },
        { id: 'demo-eu-nl-west', url: `${demo.url}/locations/eu-nl-west`, locality: { location: 'eu-nl-west' } },
      ],
      await dataDirectory(),
    );
    const { body } = await getJson<CatalogResponse>(`${running.url}/api/catalog`);
    for (const status of body.brokers) {
      assert.equal(status.state, 'ok', `${status.id}: ${status.reason}`);
    }
    const brokersWithServices = new Set(body.services.map((service) => service.brokerId));
    assert.deepEqual([...brokersWithServices].sort(), ['demo-eu-de-central', 'demo-eu-nl-west', 'demo-global']);
    const local = body.services.filter((service) => service.locality.kind === 'local');
    assert.ok(local.length >= 2);
    const details = await Promise.all(
      body.services.map(
        async (service) => (await getJson<ServiceOffering>(`${running.url}/api/catalog/services/${service.id}`)).body,
      ),
    );
    assert.ok(
      details.some((service) => service.plans.some((plan) => plan.schemas.instanceCreate)),
      'some plan has a parameter form',
    );
  });
});

/** A raw GET that keeps the body as sent (no automatic decompression). */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = httpGet(url, { headers: { Authorization: `Bearer ${token}`, ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    request.on('error', reject);
  });
}

describe('GET /api/catalog on the wire', () => {
  let url: string;
  let app: FastifyInstance;
  let upstream: TestBroker;

  before(async () => {
    const catalog = validCatalog('wire');
    const service = catalog.services[0]!;
    service['metadata'] = {
      ...(service['metadata'] as object),
      longDescription: '# Long\n\nText',
      documentationUrl: 'https://docs.example.com/',
    };
    (service['plans'] as Record<string, unknown>[])[0]!['schemas'] = {
      service_instance: { create: { parameters: osbaSchema } },
    };
    // Enough services that compression pays off.
    for (let index = 0; index < 40; index++) {
      const copy = structuredClone(validCatalog(`wire-${index}`).services[0]!);
      catalog.services.push(copy);
    }
    upstream = await broker(serveCatalog(catalog));
    const running = await platformWith([{ id: 'wire', url: upstream.url }], await dataDirectory());
    url = running.url;
    app = running.app;
  });

  it('lists summaries only: no parameter schemas, long descriptions, links or costs', async () => {
    const { status, body } = await getJson<CatalogResponse>(`${url}/api/catalog`);
    assert.equal(status, 200);
    assert.equal(body.services.length, 41);
    const [service] = body.services;
    assert.deepEqual(Object.keys(service!).sort(), [
      'bindable',
      'brokerId',
      'description',
      'displayName',
      'id',
      'locality',
      'name',
      'plans',
      'providerDisplayName',
      'sensitive',
      'shareable',
      'tags',
      'tenantAware',
    ]);
    assert.deepEqual(Object.keys(service!.plans[0]!).sort(), [
      'bindable',
      'displayName',
      'free',
      'id',
      'name',
      'planUpdateable',
    ]);
    const detail = await getJson<ServiceOffering>(`${url}/api/catalog/services/${service!.id}`);
    assert.equal(detail.body.longDescription, '# Long\n\nText');
    assert.equal(detail.body.documentationUrl, 'https://docs.example.com/');
    assert.deepEqual(detail.body.plans[0]!.schemas, { instanceCreate: osbaSchema });
  });

  it('sends the listing compressed with brotli or gzip as accepted, the same JSON in each', async () => {
    const identity = await rawGet(`${url}/api/catalog`, { 'Accept-Encoding': 'identity' });
    assert.equal(identity.headers['content-encoding'], undefined);
    const brotli = await rawGet(`${url}/api/catalog`, { 'Accept-Encoding': 'gzip, deflate, br' });
    assert.equal(brotli.headers['content-encoding'], 'br');
    assert.equal(brotli.headers['vary'], 'Accept-Encoding');
    const gzip = await rawGet(`${url}/api/catalog`, { 'Accept-Encoding': 'gzip' });
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.ok(
      brotli.body.length < identity.body.length / 3,
      `brotli ${brotli.body.length} of ${identity.body.length} bytes`,
    );
    assert.deepEqual(JSON.parse(brotliDecompressSync(brotli.body).toString()), JSON.parse(identity.body.toString()));
    assert.deepEqual(JSON.parse(gunzipSync(gzip.body).toString()), JSON.parse(identity.body.toString()));
  });

  it('chooses the encoding of each answer from its own Accept-Encoding, also after many different spellings', async () => {
    const expected: [header: string, encoding: string | undefined][] = [
      ['br;q=0, gzip', 'gzip'],
      ['br', 'br'],
      ['gzip;q=0, br;q=0', undefined],
      ['*', 'br'],
      ['br;q=0, *;q=0.5', 'gzip'],
    ];
    // More spellings than the platform remembers, then the first ones again.
    for (let round = 0; round < 20; round++) {
      for (const [header, encoding] of expected) {
        const spelled = `${header}${' '.repeat(round)}`;
        const answer = await rawGet(`${url}/api/catalog`, { 'Accept-Encoding': spelled });
        assert.equal(answer.status, 200);
        assert.equal(answer.headers['content-encoding'], encoding, `Accept-Encoding: ${JSON.stringify(spelled)}`);
      }
    }
  });

  it('answers 304 to a matching If-None-Match, and a new ETag once the catalog changed', async () => {
    const first = await rawGet(`${url}/api/catalog`, {});
    const etag = first.headers['etag'];
    assert.ok(etag, 'an ETag');
    assert.equal(first.headers['cache-control'], 'private, no-cache');
    const unchanged = await rawGet(`${url}/api/catalog`, { 'If-None-Match': etag });
    assert.equal(unchanged.status, 304);
    assert.equal(unchanged.body.length, 0);

    upstream.respondWith(serveCatalog(validCatalog('wire')));
    await app.catalog.refresh();
    const changed = await rawGet(`${url}/api/catalog`, { 'If-None-Match': etag, 'Accept-Encoding': 'identity' });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers['etag'], etag);
    assert.equal((JSON.parse(changed.body.toString()) as CatalogResponse).services.length, 1);
  });

  it('compresses other API answers too', async () => {
    const openapi = await rawGet(`${url}/api/openapi.json`, { 'Accept-Encoding': 'br' });
    assert.equal(openapi.status, 200);
    assert.equal(openapi.headers['content-encoding'], 'br');
  });
});
