/**
 * Which tokens the API accepts: access tokens of the configured clients (the UI's own and a host
 * portal's, from another issuer too), checked on the route that matched; CORS for host origins;
 * project membership from a token claim.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestIssuer, type TestIssuer } from './support/test-issuer.ts';
import { startTestPlatform, type TestPlatform } from './helper.ts';
import { temporaryDirectory, testConfig } from './support/test-config.ts';

const PORTAL_ORIGIN = 'https://portal.example.com';

let issuer: TestIssuer;
let portalIssuer: TestIssuer;
let platform: TestPlatform;
let dataDir: Awaited<ReturnType<typeof temporaryDirectory>>;

before(async () => {
  issuer = await startTestIssuer();
  portalIssuer = await startTestIssuer('marketplace');
  dataDir = await temporaryDirectory();
  platform = await startTestPlatform({
    config: testConfig({
      issuer: issuer.issuer,
      dataDir: dataDir.path,
      auth: {
        acceptedClients: [
          { clientId: 'host-portal' },
          { clientId: 'external-portal', issuer: portalIssuer.issuer, audience: 'marketplace' },
        ],
      },
      embedding: { allowedOrigins: [PORTAL_ORIGIN] },
    }),
  });
});
after(async () => {
  await platform.close();
  await issuer.close();
  await portalIssuer.close();
  await dataDir.remove();
});

async function get(path: string, token?: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${platform.url}${path}`, {
    headers: { ...headers, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

describe('accepted tokens', () => {
  it("accepts the UI's tokens and those of the configured host clients", async () => {
    const tokens = {
      audienceOnly: await issuer.sign({ sub: 'alice' }),
      ui: await issuer.sign({ sub: 'alice', azp: 'osb-marketplace-ui' }),
      portal: await issuer.sign({ sub: 'alice', client_id: 'host-portal' }, { type: 'at+jwt' }),
      otherIssuer: await portalIssuer.sign({ sub: 'alice', azp: 'external-portal' }),
    };
    for (const [kind, token] of Object.entries(tokens)) {
      const response = await get('/api/me', token);
      assert.equal(response.status, 200, kind);
      assert.equal(response.body.user.id, 'alice', kind);
    }
  });

  it('refuses tokens of other clients, ID tokens, tokens without expiry or audience', async () => {
    const tokens = {
      otherClientAzp: await issuer.sign({ sub: 'alice', azp: 'someone-else' }),
      otherClientId: await issuer.sign({ sub: 'alice', client_id: 'someone-else' }),
      hostClientWrongAudience: await issuer.sign({ sub: 'alice', azp: 'host-portal' }, { audience: 'another-api' }),
      clientOfOtherIssuer: await portalIssuer.sign({ sub: 'alice', azp: 'host-portal' }),
      idTokenWithNonce: await issuer.sign({ sub: 'alice', nonce: 'n-1' }),
      idTokenWithAtHash: await issuer.sign({ sub: 'alice', azp: 'osb-marketplace-ui', at_hash: 'abc' }),
      keycloakIdToken: await issuer.sign({ sub: 'alice', typ: 'ID' }),
      idTokenForTheUi: await issuer.sign({ sub: 'alice' }, { audience: 'osb-marketplace-ui' }),
      noExpiry: await issuer.sign({ sub: 'alice' }, { expiresIn: null }),
      noAudienceNoClient: await issuer.sign({ sub: 'alice' }, { audience: null }),
    };
    for (const [problem, token] of Object.entries(tokens)) {
      const response = await get('/api/me', token);
      assert.equal(response.status, 401, problem);
      assert.equal(response.headers.get('www-authenticate'), 'Bearer error="invalid_token"', problem);
    }
  });

  it('decides on the route that matched, not on the raw URL', async () => {
    for (const path of [
      '/%61pi/catalog',
      '/api/%63atalog',
      '/%61%70%69/me',
      '/api/projects/likvid-payments/%73ervice-instances',
    ]) {
      const response = await fetch(`${platform.url}${path}`);
      assert.equal(response.status, 401, path);
    }
    assert.equal((await get('/api/health')).status, 200);
  });

  it('fails closed for API paths no route matches', async () => {
    assert.equal((await get('/api/no-such-route')).status, 401);
    assert.equal((await get('/%61pi/no-such-route')).status, 401);
  });
});

describe('CORS', () => {
  it('answers the configured host origins only', async () => {
    const token = await issuer.sign({ sub: 'alice', azp: 'host-portal' });
    const allowed = await get('/api/me', token, { Origin: PORTAL_ORIGIN });
    assert.equal(allowed.headers.get('access-control-allow-origin'), PORTAL_ORIGIN);
    const other = await get('/api/me', token, { Origin: 'https://evil.example' });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    const refused = await get('/api/me', undefined, { Origin: PORTAL_ORIGIN });
    assert.equal(refused.status, 401);
    assert.equal(refused.headers.get('access-control-allow-origin'), PORTAL_ORIGIN, 'the host can read a 401');

    const preflight = await fetch(`${platform.url}/api/catalog`, {
      method: 'OPTIONS',
      headers: {
        Origin: PORTAL_ORIGIN,
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), PORTAL_ORIGIN);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Authorization/i);
    const foreignPreflight = await fetch(`${platform.url}/api/catalog`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
    });
    assert.equal(foreignPreflight.headers.get('access-control-allow-origin'), null);
  });
});

describe('project membership from a token claim', () => {
  let claimPlatform: TestPlatform;
  let claimDataDir: Awaited<ReturnType<typeof temporaryDirectory>>;

  before(async () => {
    claimDataDir = await temporaryDirectory();
    claimPlatform = await startTestPlatform({
      config: testConfig({ issuer: issuer.issuer, dataDir: claimDataDir.path, auth: { projectsClaim: 'projects' } }),
    });
  });
  after(async () => {
    await claimPlatform.close();
    await claimDataDir.remove();
  });

  async function claimGet(path: string, token: string) {
    const response = await fetch(`${claimPlatform.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as any };
  }

  it("takes the user's projects from the claim instead of the member lists", async () => {
    const dave = await issuer.sign({ sub: 'dave', name: 'Dave Diaz', projects: ['likvid-mobile', 'no-such-project'] });
    const me = await claimGet('/api/me', dave);
    assert.equal(me.status, 200);
    assert.deepEqual(me.body.user, { id: 'dave', displayName: 'Dave Diaz' });
    assert.deepEqual(
      me.body.projects.map((project: { id: string }) => project.id),
      ['likvid-mobile'],
    );
    assert.equal((await claimGet('/api/projects/likvid-mobile', dave)).status, 200);
    assert.equal((await claimGet('/api/projects/likvid-payments', dave)).status, 404);

    const aliceWithoutClaim = await claimGet('/api/me', await issuer.sign({ sub: 'alice' }));
    assert.deepEqual(aliceWithoutClaim.body.projects, [], 'the YAML member lists no longer count');
    const spaceSeparated = await claimGet(
      '/api/me',
      await issuer.sign({ sub: 'erin', projects: 'acme-webshop likvid-payments' }),
    );
    assert.deepEqual(
      spaceSeparated.body.projects.map((project: { id: string }) => project.id),
      ['likvid-payments', 'acme-webshop'],
    );
  });
});
