import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { MarketplaceConfig } from '../src/config/config.ts';
import type { Database } from '../src/store/database.ts';
import { startTestIssuer, type TestIssuer } from './support/test-issuer.ts';
import { startTestPlatform, type TestPlatform } from './helper.ts';
import { temporaryDirectory, testConfig } from './support/test-config.ts';

let issuer: TestIssuer;
let platform: TestPlatform;
let config: MarketplaceConfig;
let directory: Awaited<ReturnType<typeof temporaryDirectory>>;
const extraPlatforms: TestPlatform[] = [];

before(async () => {
  issuer = await startTestIssuer();
  directory = await temporaryDirectory();
  const uiRoot = join(directory.path, 'browser');
  await mkdir(join(uiRoot, 'media'), { recursive: true });
  await writeFile(join(uiRoot, 'index.html'), '<!doctype html><html><body><mp-root></mp-root></body></html>');
  await writeFile(join(uiRoot, 'main-ABCD2345.js'), 'console.log("ui")');
  await writeFile(join(uiRoot, 'favicon.ico'), 'icon');
  await writeFile(
    join(uiRoot, 'chunk-WXYZ2345.js'),
    `export const words = ${JSON.stringify('lorem ipsum '.repeat(1000))};`,
  );
  config = testConfig({ issuer: issuer.issuer, dataDir: join(directory.path, 'data') });
  platform = await startTestPlatform({ config, uiRoot });
});
after(async () => {
  for (const extra of extraPlatforms) await extra.close();
  await platform.close();
  await issuer.close();
  await directory.remove();
});

/** Starts another app over the same configuration with other dependencies. */
async function startAnotherApp(
  database: Database,
  uiRoot: string,
  setup?: (app: FastifyInstance) => void,
): Promise<string> {
  const extra = await startTestPlatform({ config, database, uiRoot, ...(setup ? { beforeListen: setup } : {}) });
  extraPlatforms.push(extra);
  return extra.url;
}

describe('public platform routes', () => {
  it('serves the UI runtime configuration', async () => {
    const response = await fetch(`${platform.url}/config.json`);
    assert.equal(response.headers.get('cache-control'), 'no-cache');
    assert.deepEqual(await response.json(), {
      apiBaseUrl: '/api',
      oidc: { issuer: issuer.issuer, clientId: 'osb-marketplace-ui', scope: 'openid profile email' },
      theme: { productName: 'Test Marketplace', primaryColor: '#005a9c' },
      imageHosts: [],
    });
  });

  it('serves the Cloud Foundry-style info document from the issuer discovery', async () => {
    const response = await fetch(`${platform.url}/info`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), {
      authorization_endpoint: `${issuer.issuer}/auth`,
      token_endpoint: `${issuer.issuer}/token`,
    });
  });

  it('tells load balancers whether the replica lives and takes requests, also while it shuts down', async () => {
    assert.deepEqual(await (await fetch(`${platform.url}/api/health/live`)).json(), { status: 'ok' });
    assert.equal((await fetch(`${platform.url}/api/health/ready`)).status, 200);
    platform.app.readiness.accepting = false;
    try {
      const ready = await fetch(`${platform.url}/api/health/ready`);
      assert.equal(ready.status, 503);
      assert.equal(((await ready.json()) as { code: string }).code, 'platformStopping');
      assert.equal((await fetch(`${platform.url}/api/health/live`)).status, 200, 'it still lives');
    } finally {
      platform.app.readiness.accepting = true;
    }
  });

  it('describes every API route in the OpenAPI document', async () => {
    const document = (await (await fetch(`${platform.url}/api/openapi.json`)).json()) as any;
    for (const path of [
      '/api/me',
      '/api/projects/{projectId}',
      '/api/catalog',
      '/api/catalog/services/{serviceId}',
      '/api/health',
      '/config.json',
      '/info',
    ]) {
      assert.ok(document.paths[path]?.get, `${path} is documented`);
    }
    assert.ok(document.paths['/api/catalog'].get.responses['200'].content['application/json'].schema);
    assert.deepEqual(document.paths['/api/catalog'].get.tags, ['catalog']);
  });
});

describe('the UI', () => {
  it('serves index.html with security headers and no caching, for deep links too', async () => {
    for (const path of ['/', '/catalog/services/abc', '/projects/likvid-payments/instances?tab=1']) {
      const response = await fetch(`${platform.url}${path}`);
      assert.equal(response.status, 200, path);
      assert.match(await response.text(), /<mp-root>/);
      assert.equal(response.headers.get('cache-control'), 'no-cache', path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /img-src 'self' data: http: https:/);
      assert.match(csp, new RegExp(`connect-src 'self' ${new URL(issuer.issuer).origin}`));
    }
  });

  it('lets browsers keep hashed assets and revalidate the others', async () => {
    const hashed = await fetch(`${platform.url}/main-ABCD2345.js`);
    assert.equal(hashed.status, 200);
    assert.equal(hashed.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    const plain = await fetch(`${platform.url}/favicon.ico`);
    assert.equal(plain.headers.get('cache-control'), 'no-cache');
  });

  it('sends UI files and index.html compressed as the browser accepts', async () => {
    const brotli = await fetch(`${platform.url}/chunk-WXYZ2345.js`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(brotli.headers.get('content-encoding'), 'br');
    assert.equal(brotli.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.match(await brotli.text(), /^export const words = "lorem ipsum/);
    const gzip = await fetch(`${platform.url}/chunk-WXYZ2345.js`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gzip.headers.get('content-encoding'), 'gzip');
    const plain = await fetch(`${platform.url}/chunk-WXYZ2345.js`, { headers: { 'accept-encoding': 'identity' } });
    assert.equal(plain.headers.get('content-encoding'), null);
  });

  it('answers JSON 404s for server paths and other methods instead of the UI', async () => {
    const token = await issuer.sign({ sub: 'alice' });
    const api = await fetch(`${platform.url}/api/nothing-here`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(api.status, 404);
    assert.deepEqual(await api.json(), {
      code: 'routeNotFound',
      params: { method: 'GET', path: '/api/nothing-here' },
      message: 'No route GET /api/nothing-here',
    });
    assert.equal((await fetch(`${platform.url}/api/nothing-here`)).status, 401, 'unknown API paths still need a token');
    for (const path of ['/oidc/unknown', '/info/x', '/config.json/x']) {
      const response = await fetch(`${platform.url}${path}`);
      assert.equal(response.status, 404, path);
      assert.match(response.headers.get('content-type') ?? '', /application\/json/);
    }
    const post = await fetch(`${platform.url}/somewhere`, { method: 'POST' });
    assert.equal(post.status, 404);
  });

  it('asks to build the UI when it has not been built', async () => {
    const url = await startAnotherApp(platform.database, join(directory.path, 'missing'));
    const response = await fetch(`${url}/projects/x`);
    assert.equal(response.status, 503);
    assert.match(await response.text(), /Run <code>npm run build<\/code>/);
    assert.equal((await fetch(`${url}/`)).status, 503);
  });
});

describe('errors', () => {
  it('answer a code, its params and a message only, and never reveal internals', async () => {
    // Answers nothing, but keeps the credentials key's fingerprint that the platform records at start.
    let keyFingerprint: string | undefined;
    const failing: Database = {
      kind: 'pglite',
      query: async <T>(sql: string, params: unknown[] = []) => {
        if (sql === 'SELECT 1')
          throw new Error('connection to 10.0.0.7 lost: password authentication failed for user "admin"');
        if (sql.startsWith('INSERT INTO credentials_key')) keyFingerprint = String(params[0]);
        if (sql.startsWith('SELECT fingerprint FROM credentials_key') && keyFingerprint !== undefined) {
          return { rows: [{ fingerprint: keyFingerprint }] as T[] };
        }
        return { rows: [] as T[] };
      },
      exec: async () => undefined,
      transaction: async () => {
        throw new Error('unused');
      },
      listen: async () => async () => undefined,
      close: async () => undefined,
    };
    const url = await startAnotherApp(failing, join(directory.path, 'missing'), (app) => {
      app.get('/api/broken', async () => {
        throw new Error('secret internals at /srv/db.ts:42');
      });
    });
    const health = await fetch(`${url}/api/health`);
    assert.equal(health.status, 503);
    assert.deepEqual(await health.json(), {
      code: 'databaseUnavailable',
      params: {},
      message: 'The database does not answer.',
    });

    const token = await issuer.sign({ sub: 'alice' });
    const broken = await fetch(`${url}/api/broken`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(broken.status, 500);
    assert.deepEqual(await broken.json(), {
      code: 'serverError',
      params: {},
      message: 'Something went wrong on the server. Try again later.',
    });
  });
});
