/**
 * The development OpenID provider over real HTTP: a bare Fastify app on an ephemeral port,
 * signed in to with a cookie-keeping fetch like a browser, tokens checked with jose.
 */
import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { type DevOidcOptions, registerDevOidcProvider } from '../src/dev-oidc/dev-oidc-provider.ts';
import {
  authorizationUrl,
  createPkce,
  exchangeCode,
  formAction,
  signIn,
  TestBrowser,
} from './support/dev-oidc-browser.ts';

const CLIENT_ID = 'osb-marketplace-ui';
const AUDIENCE = 'osb-marketplace-api';
const UI_ORIGIN = 'http://localhost:4200';

/** A running provider in a bare Fastify app. */
interface RunningProvider {
  issuer: string;
  /** The platform's own origin, which is also a redirect URI origin. */
  origin: string;
  options: DevOidcOptions;
  close(): Promise<void>;
}

/**
 * Starts a bare Fastify app with the provider. The server listens first (port 0), so the
 * issuer can name the port before the provider is registered.
 */
async function startProvider(keyFile: string): Promise<RunningProvider> {
  let server: Server | undefined;
  const app: FastifyInstance = Fastify({ serverFactory: (handler) => (server = createServer(handler)) });
  const listening = server!;
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
  const options: DevOidcOptions = {
    issuer: `${origin}/oidc`,
    clients: [
      {
        clientId: CLIENT_ID,
        redirectUris: [`${origin}/`, `${UI_ORIGIN}/`],
        postLogoutRedirectUris: [`${origin}/`, `${UI_ORIGIN}/`],
      },
    ],
    audience: AUDIENCE,
    users: [
      { id: 'alice', displayName: 'Alice Andersen', email: 'alice@example.com', password: 'demo' },
      { id: 'bob', displayName: 'Bob Brown', password: 'bob-secret' },
      { id: 'carol', displayName: 'Carol without password', password: '' },
    ],
    keyFile,
  };
  await registerDevOidcProvider(app, options);
  await app.ready();
  return {
    issuer: options.issuer,
    origin,
    options,
    async close() {
      await app.close();
      listening.closeAllConnections();
      await new Promise<void>((resolve, reject) => listening.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

describe('development OpenID provider', () => {
  let directory: string;
  let keyFile: string;
  let provider: RunningProvider;
  let client: { issuer: string; clientId: string; redirectUri: string };

  before(async () => {
    directory = await mkdtemp(join(tmpdir(), 'dev-oidc-'));
    keyFile = join(directory, 'state', 'oidc-keys.json');
    provider = await startProvider(keyFile);
    client = { issuer: provider.issuer, clientId: CLIENT_ID, redirectUri: `${provider.origin}/` };
  });

  after(async () => {
    await provider.close();
    await rm(directory, { recursive: true, force: true });
  });

  test('publishes a discovery document with every endpoint under the issuer', async () => {
    const response = await fetch(`${provider.issuer}/.well-known/openid-configuration`, {
      headers: { origin: UI_ORIGIN },
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), UI_ORIGIN);
    const discovery = (await response.json()) as Record<string, unknown>;
    assert.equal(discovery.issuer, provider.issuer);
    for (const endpoint of ['authorization_endpoint', 'token_endpoint', 'jwks_uri', 'end_session_endpoint']) {
      assert.match(String(discovery[endpoint]), new RegExp(`^${provider.issuer}/`), endpoint);
    }
    assert.equal(discovery.userinfo_endpoint, undefined, 'the ID token carries the claims');
    assert.deepEqual(discovery.code_challenge_methods_supported, ['S256']);
    assert.deepEqual(discovery.response_types_supported, ['code']);
    assert.deepEqual(new Set(discovery.scopes_supported as string[]), new Set(['openid', 'profile', 'email']));
    assert.ok((discovery.token_endpoint_auth_methods_supported as string[]).includes('none'));

    const jwks = await fetch(String(discovery.jwks_uri), { headers: { origin: UI_ORIGIN } });
    assert.equal(jwks.headers.get('access-control-allow-origin'), UI_ORIGIN);
    const { keys } = (await jwks.json()) as { keys: Record<string, unknown>[] };
    assert.equal(keys.length, 1);
    assert.equal(keys[0]!.alg, 'RS256');
    assert.equal(keys[0]!.d, undefined, 'the JWKS must not publish private key material');
  });

  test('signs in with the code flow and PKCE and issues a JWT access token for the API', async () => {
    const tokens = await signIn({ ...client, username: 'alice', password: 'demo' });
    assert.equal(tokens.token_type, 'Bearer');
    assert.equal(tokens.scope, 'openid profile email');
    assert.ok(tokens.expires_in > 3000 && tokens.expires_in <= 3600, `expires_in ${tokens.expires_in}`);

    const keySet = createRemoteJWKSet(new URL(`${provider.issuer}/jwks`));
    const { payload: access, protectedHeader } = await jwtVerify(tokens.access_token, keySet, {
      issuer: provider.issuer,
      audience: AUDIENCE,
    });
    assert.equal(protectedHeader.alg, 'RS256');
    assert.equal(protectedHeader.typ, 'at+jwt');
    assert.equal(access.sub, 'alice');
    assert.equal(access.client_id, CLIENT_ID);
    assert.equal(access.scope, 'openid profile email');

    const { payload: identity } = await jwtVerify(tokens.id_token, keySet, {
      issuer: provider.issuer,
      audience: CLIENT_ID,
    });
    assert.equal(identity.sub, 'alice');
    assert.equal(identity.name, 'Alice Andersen');
    assert.equal(identity.preferred_username, 'alice');
    assert.equal(identity.email, 'alice@example.com');
    assert.equal(typeof identity.at_hash, 'string', 'angular-oauth2-oidc requires at_hash in the code flow');
  });

  test('shows the sign-in page accessibly and keeps the username after a wrong password', async () => {
    const browser = new TestBrowser(provider.issuer);
    const page = await browser.navigate(authorizationUrl(client, createPkce()));
    assert.equal(page.response.status, 200);
    assert.match(page.response.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.match(page.body, /<h1>Sign in to OSB Marketplace<\/h1>/);
    assert.match(page.body, /<label for="username">Username<\/label>/);
    assert.match(page.body, /<input id="username" name="username"[^>]*autocomplete="username"/);
    assert.match(page.body, /<label for="password">Password<\/label>/);
    assert.match(page.body, /<input id="password" name="password" type="password" autocomplete="current-password"/);
    assert.match(page.body, /<button type="submit">Sign in<\/button>/);
    assert.doesNotMatch(page.body, /Unknown user or wrong password/);

    const action = new URL(formAction(page.body), page.url);
    assert.equal(action.pathname, `${page.url.pathname}/login`);
    const failed = await browser.navigate(action, { username: 'alice', password: 'wrong' });
    assert.equal(failed.response.status, 400);
    assert.equal(failed.redirectedTo, undefined);
    assert.match(failed.body, /role="alert">Unknown user or wrong password</);
    assert.match(failed.body, /name="username"[^>]*value="alice"/);

    const unknown = await browser.navigate(action, { username: '<b>"mallory"</b>', password: 'demo' });
    assert.match(unknown.body, /Unknown user or wrong password/);
    assert.match(unknown.body, /value="&lt;b&gt;&quot;mallory&quot;&lt;\/b&gt;"/);
    assert.doesNotMatch(unknown.body, /<b>"mallory"/);

    const withoutPassword = await browser.navigate(action, { username: 'carol', password: '' });
    assert.match(withoutPassword.body, /Unknown user or wrong password/, 'a user without a password cannot sign in');

    const succeeded = await browser.navigate(action, { username: 'alice', password: 'demo' });
    assert.ok(
      succeeded.redirectedTo?.searchParams.get('code'),
      'the same interaction still accepts the right password',
    );
  });

  test('shows the sign-in page light or dark as the browser prefers', async () => {
    const page = await new TestBrowser(provider.issuer).navigate(authorizationUrl(client, createPkce()));
    const style = /<style>([^<]*)<\/style>/.exec(page.body)?.[1] ?? '';
    assert.match(style, /:root \{ color-scheme: light dark;/);
    // The page, the card, the note and the error message each have a colour for either scheme.
    for (const selector of [':root', 'main', '\\.note', '\\.error', 'input ']) {
      const rule = new RegExp(`(?:^|\\n)${selector}\\s*\\{([^}]*)\\}`).exec(style)?.[1];
      assert.ok(rule, `a rule for ${selector}`);
      assert.doesNotMatch(
        rule.replace(/light-dark\([^)]*\)/g, ''),
        /#[0-9a-f]{3,6}/i,
        `${selector} in one scheme only`,
      );
    }
  });

  test('shows the sign-in page in German for a German browser, or when the client asks for German', async () => {
    const germanBrowser = new TestBrowser(provider.issuer, { 'accept-language': 'fr-CH, de-DE;q=0.9, en;q=0.8' });
    const page = await germanBrowser.navigate(authorizationUrl(client, createPkce()));
    assert.match(page.body, /<html lang="de">/);
    assert.match(page.body, /<h1>Bei OSB Marketplace anmelden<\/h1>/);
    assert.match(page.body, /<label for="username">Benutzername<\/label>/);
    assert.match(page.body, /<label for="password">Passwort<\/label>/);
    assert.match(page.body, /<button type="submit">Anmelden<\/button>/);
    const failed = await germanBrowser.navigate(new URL(formAction(page.body), page.url), {
      username: 'alice',
      password: 'wrong',
    });
    assert.match(failed.body, /role="alert">Unbekannter Benutzer oder falsches Passwort</);

    const englishBrowser = new TestBrowser(provider.issuer, { 'accept-language': 'en-GB,en;q=0.9' });
    const requested = authorizationUrl(client, createPkce());
    requested.searchParams.set('ui_locales', 'de');
    const asked = await englishBrowser.navigate(requested);
    assert.match(asked.body, /<h1>Bei OSB Marketplace anmelden<\/h1>/, 'ui_locales wins over Accept-Language');

    const english = await englishBrowser.navigate(authorizationUrl(client, createPkce()));
    assert.match(english.body, /<html lang="en">/);
    assert.match(english.body, /<h1>Sign in to OSB Marketplace<\/h1>/);
  });

  test('accepts a sign-in form only for the interaction bound to the browser', async () => {
    const browser = new TestBrowser(provider.issuer);
    const page = await browser.navigate(authorizationUrl(client, createPkce()));
    const action = new URL(formAction(page.body), page.url);

    // The interaction cookie of this browser, sent (as no browser would) to another interaction's form.
    const otherInteraction = new URL(
      action.href.replace(/\/interaction\/[^/]+\//, '/interaction/another-interaction/'),
    );
    const misdirected = await fetch(otherInteraction, {
      method: 'POST',
      headers: { cookie: browser.cookieHeader(action), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'alice', password: 'demo' }),
      redirect: 'manual',
    });
    assert.equal(misdirected.status, 400);
    assert.equal(misdirected.headers.get('location'), null);
    assert.match(await misdirected.text(), /belongs to another sign-in request/);

    const withoutCookies = await new TestBrowser(provider.issuer).navigate(action, {
      username: 'alice',
      password: 'demo',
    });
    assert.equal(withoutCookies.response.status, 400);
    assert.equal(withoutCookies.redirectedTo, undefined);
    assert.match(withoutCookies.body, /expired/);
  });

  test('rejects an unregistered redirect URI without redirecting', async () => {
    const url = authorizationUrl({ ...client, redirectUri: 'http://evil.example/callback' }, createPkce());
    const response = await fetch(url, { redirect: 'manual' });
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('location'), null);
    const body = await response.text();
    assert.match(body, /redirect_uri/);
    assert.match(body, /OSB Marketplace cannot sign you in/);
  });

  test('requires PKCE with S256 and a matching code verifier', async () => {
    const withoutPkce = authorizationUrl(client, createPkce());
    withoutPkce.searchParams.delete('code_challenge');
    withoutPkce.searchParams.delete('code_challenge_method');
    const refused = await new TestBrowser(provider.issuer).navigate(withoutPkce);
    assert.equal(refused.redirectedTo?.searchParams.get('error'), 'invalid_request');
    assert.equal(refused.redirectedTo?.searchParams.get('code'), null);

    const browser = new TestBrowser(provider.issuer);
    const page = await browser.navigate(authorizationUrl(client, createPkce()));
    const result = await browser.navigate(new URL(formAction(page.body), page.url), {
      username: 'bob',
      password: 'bob-secret',
    });
    const code = result.redirectedTo!.searchParams.get('code')!;
    const response = await exchangeCode(client, code, createPkce().verifier);
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { error: string }).error, 'invalid_grant');
  });

  test("answers CORS on the token endpoint for the redirect URIs' origins only", async () => {
    const preflight = await fetch(`${provider.issuer}/token`, {
      method: 'OPTIONS',
      headers: { origin: UI_ORIGIN, 'access-control-request-method': 'POST' },
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), UI_ORIGIN);

    const allowed = await signInCode('bob', 'bob-secret');
    const fromUi = await exchangeCode(client, allowed.code, allowed.verifier, { origin: UI_ORIGIN });
    assert.equal(fromUi.status, 200);
    assert.equal(fromUi.headers.get('access-control-allow-origin'), UI_ORIGIN);

    const refused = await signInCode('bob', 'bob-secret');
    const fromElsewhere = await exchangeCode(client, refused.code, refused.verifier, { origin: 'http://evil.example' });
    assert.equal(fromElsewhere.status, 400);
    assert.equal(fromElsewhere.headers.get('access-control-allow-origin'), null);
  });

  test('signs out without a confirmation page and returns to the post-logout URI', async () => {
    const browser = new TestBrowser(provider.issuer);
    const tokens = await signIn({ ...client, username: 'alice', password: 'demo' }, browser);

    const endSession = new URL(`${provider.issuer}/session/end`);
    endSession.search = new URLSearchParams({
      id_token_hint: tokens.id_token,
      post_logout_redirect_uri: `${UI_ORIGIN}/`,
      state: 'bye',
    }).toString();
    const signingOut = await browser.navigate(endSession);
    assert.equal(signingOut.response.status, 200);
    assert.match(signingOut.body, /Signing out…/);
    assert.match(signingOut.body, /<script>document\.getElementById\('op\.logoutForm'\)\.submit\(\);<\/script>/);

    // What the page's script does: submit the provider's form, with logout=yes.
    const form = Object.fromEntries(
      [...signingOut.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((match) => [
        match[1]!,
        match[2]!,
      ]),
    );
    assert.equal(form.logout, 'yes');
    const signedOut = await browser.navigate(new URL(formAction(signingOut.body), signingOut.url), form);
    assert.equal(signedOut.redirectedTo?.origin, UI_ORIGIN);
    assert.equal(signedOut.redirectedTo?.pathname, '/');
    assert.equal(signedOut.redirectedTo?.searchParams.get('state'), 'bye');

    const again = await browser.navigate(authorizationUrl(client, createPkce()));
    assert.match(again.body, /Sign in to OSB Marketplace/, 'the provider session has ended');
  });

  test('refuses an unregistered post-logout URI', async () => {
    const tokens = await signIn({ ...client, username: 'alice', password: 'demo' });
    const endSession = new URL(`${provider.issuer}/session/end`);
    endSession.search = new URLSearchParams({
      id_token_hint: tokens.id_token,
      post_logout_redirect_uri: 'http://evil.example/',
    }).toString();
    const response = await fetch(endSession, { redirect: 'manual' });
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('location'), null);
  });

  test('keeps its keys in the key file and reuses them after a restart', async () => {
    assert.equal((await stat(keyFile)).mode & 0o777, 0o600);
    const tokens = await signIn({ ...client, username: 'alice', password: 'demo' });

    await chmod(keyFile, 0o644);
    const restarted = await startProvider(keyFile);
    try {
      assert.equal((await stat(keyFile)).mode & 0o777, 0o600, 'a key file readable by others is tightened');
      const kid = async (issuer: string) =>
        ((await (await fetch(`${issuer}/jwks`)).json()) as { keys: { kid: string }[] }).keys[0]!.kid;
      assert.equal(await kid(restarted.issuer), await kid(provider.issuer));
      assert.equal(decodeProtectedHeader(tokens.access_token).kid, await kid(restarted.issuer));
      await jwtVerify(tokens.access_token, createRemoteJWKSet(new URL(`${restarted.issuer}/jwks`)), {
        audience: AUDIENCE,
      });
    } finally {
      await restarted.close();
    }
  });

  test('refuses to start with an unusable key file', async () => {
    const brokenKeyFile = join(directory, 'broken-keys.json');
    await writeFile(brokenKeyFile, '{"keys": []}', { mode: 0o600 });
    const app = Fastify();
    try {
      await assert.rejects(
        registerDevOidcProvider(app, { ...provider.options, keyFile: brokenKeyFile }),
        /broken-keys\.json is not usable/,
      );
    } finally {
      await app.close();
    }
  });

  /** Runs the sign-in up to the authorization code. */
  async function signInCode(username: string, password: string): Promise<{ code: string; verifier: string }> {
    const browser = new TestBrowser(provider.issuer);
    const pkce = createPkce();
    const page = await browser.navigate(authorizationUrl(client, pkce));
    const result = await browser.navigate(new URL(formAction(page.body), page.url), { username, password });
    return { code: result.redirectedTo!.searchParams.get('code')!, verifier: pkce.verifier };
  }
});
