import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { OidcDiscovery } from '../src/auth/oidc-discovery.ts';
import { startTestBroker } from './support/test-brokers.ts';
import { startTestIssuer, type TestIssuer } from './support/test-issuer.ts';
import { startTestPlatform, type TestPlatform } from './helper.ts';
import { temporaryDirectory, testConfig } from './support/test-config.ts';

let issuer: TestIssuer;
let platform: TestPlatform;
let dataDir: Awaited<ReturnType<typeof temporaryDirectory>>;

before(async () => {
  issuer = await startTestIssuer();
  dataDir = await temporaryDirectory();
  platform = await startTestPlatform({ config: testConfig({ issuer: issuer.issuer, dataDir: dataDir.path }) });
});
after(async () => {
  await platform.close();
  await issuer.close();
  await dataDir.remove();
});

async function get(path: string, token?: string) {
  const response = await fetch(`${platform.url}${path}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

describe('authentication', () => {
  it('answers 401 with WWW-Authenticate without a token', async () => {
    const response = await get('/api/me');
    assert.equal(response.status, 401);
    assert.equal(response.headers.get('www-authenticate'), 'Bearer');
    assert.deepEqual(Object.keys(response.body).sort(), ['code', 'message', 'params']);
    assert.equal(response.body.code, 'signInRequired');
    const basic = await fetch(`${platform.url}/api/catalog`, { headers: { Authorization: 'Basic YWxpY2U6ZGVtbw==' } });
    assert.equal(basic.status, 401);
  });

  it('answers 401 for a bad signature, a wrong audience, a wrong issuer, an expired token and garbage', async () => {
    const tokens = {
      foreignKey: await issuer.sign({ sub: 'alice' }, { foreignKey: true }),
      audience: await issuer.sign({ sub: 'alice' }, { audience: 'some-other-api' }),
      issuer: await issuer.sign({ sub: 'alice' }, { issuer: 'https://evil.example' }),
      expired: await issuer.sign({ sub: 'alice' }, { expiresIn: Math.floor(Date.now() / 1000) - 3600 }),
      garbage: 'not.a.jwt',
    };
    for (const [problem, token] of Object.entries(tokens)) {
      const response = await get('/api/me', token);
      assert.equal(response.status, 401, problem);
      assert.equal(response.headers.get('www-authenticate'), 'Bearer error="invalid_token"', problem);
      assert.equal(response.body.message, 'Your session is invalid or has expired. Sign in again.');
    }
  });

  it('answers 403 for a valid token of a user the marketplace does not know', async () => {
    const response = await get('/api/me', await issuer.sign({ sub: 'mallory' }));
    assert.equal(response.status, 403);
    assert.deepEqual(response.body, {
      code: 'noAccess',
      params: {},
      message: 'Your account has no access to this marketplace.',
    });
    const noClaim = await get('/api/me', await issuer.sign({}));
    assert.equal(noClaim.status, 403);
  });

  it('leaves the health check, the OpenAPI document and the UI config public', async () => {
    assert.deepEqual((await get('/api/health')).body, { status: 'ok' });
    const openapi = await get('/api/openapi.json');
    assert.equal(openapi.status, 200);
    assert.equal(openapi.body.openapi, '3.0.3');
    assert.ok(openapi.body.paths['/api/catalog/services/{serviceId}'].get);
    assert.equal((await get('/config.json')).status, 200);
  });

  it('reads the discovery document once', async () => {
    const token = await issuer.sign({ sub: 'alice' });
    await get('/api/me', token);
    await get('/api/me', token);
    assert.equal(issuer.discoveryRequests(), 1);
  });
});

describe('GET /api/me and /api/projects/:projectId', () => {
  it('shows alice her projects only', async () => {
    const response = await get('/api/me', await issuer.sign({ sub: 'alice' }));
    assert.equal(response.status, 200);
    assert.deepEqual(response.body.user, {
      id: 'alice',
      displayName: 'Alice Adams',
      email: 'alice@likvid-bank.example',
    });
    assert.deepEqual(
      response.body.projects.map((project: { id: string }) => project.id),
      ['likvid-payments', 'likvid-mobile'],
    );
    assert.deepEqual(response.body.projects[0], {
      id: 'likvid-payments',
      displayName: 'Payments',
      workspaceId: 'likvid-bank',
      workspaceDisplayName: 'Likvid Bank',
      tenants: [{ id: '123456789012', locationId: 'eu-de-central', platform: 'aws' }],
    });
  });

  it("never shows bob alice's projects", async () => {
    const bob = await issuer.sign({ sub: 'bob' });
    const me = await get('/api/me', bob);
    assert.deepEqual(
      me.body.projects.map((project: { id: string }) => project.id),
      ['acme-webshop'],
    );
    assert.equal((await get('/api/projects/acme-webshop', bob)).body.displayName, 'Web Shop');
    const foreign = await get('/api/projects/likvid-payments', bob);
    assert.equal(foreign.status, 404);
    assert.deepEqual(foreign.body, { code: 'projectNotFound', params: {}, message: 'Project not found.' });
    const missing = await get('/api/projects/no-such-project', bob);
    assert.deepEqual(
      missing,
      { ...missing, status: 404, body: foreign.body },
      'a foreign project looks like a missing one',
    );
  });

  it('answers a user without projects with an empty list', async () => {
    const response = await get('/api/me', await issuer.sign({ sub: 'carol' }));
    assert.deepEqual(response.body, { user: { id: 'carol', displayName: 'Carol Clark' }, projects: [] });
  });
});

describe('OidcDiscovery', () => {
  it('tries again after a failed discovery', async () => {
    let answers = 0;
    const provider = await startTestBroker(() => {
      answers++;
      if (answers === 1) return { status: 503, body: {} };
      return {
        status: 200,
        body: { issuer: `${provider.url}/realm`, jwks_uri: 'x', authorization_endpoint: 'a', token_endpoint: 't' },
      };
    });
    try {
      const discovery = new OidcDiscovery(`${provider.url}/realm`);
      await assert.rejects(discovery.metadata(), /answered HTTP 503/);
      assert.equal((await discovery.metadata()).token_endpoint, 't');
      await discovery.metadata();
      assert.deepEqual(
        provider.requests.map((request) => request.url),
        ['/realm/.well-known/openid-configuration', '/realm/.well-known/openid-configuration'],
      );
    } finally {
      await provider.close();
    }
  });

  it('rejects a discovery document of another issuer', async () => {
    const provider = await startTestBroker(() => ({
      status: 200,
      body: { issuer: 'https://elsewhere.example', jwks_uri: 'x', authorization_endpoint: 'a', token_endpoint: 't' },
    }));
    try {
      await assert.rejects(
        new OidcDiscovery(`${provider.url}/realm`).metadata(),
        /names issuer https:\/\/elsewhere\.example/,
      );
    } finally {
      await provider.close();
    }
  });
});
