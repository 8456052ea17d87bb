import { EnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';

import { testUiConfig } from '@testing/ui-config-fixture';
import { createOpenIdClient } from './openid-client';
import { SIGN_IN_FLOW_KEYS, authorizationUrl, signInTargetBeforeStart } from './sign-in-start';

const BASE = 'http://localhost:4300/';
const ISSUER = testUiConfig.oidc.issuer;
const DISCOVERY = { issuer: ISSUER, authorization_endpoint: `${ISSUER}/auth`, token_endpoint: `${ISSUER}/token` };

/** A fetch that answers the discovery document with `document`. */
function discoveryFetch(document: unknown = DISCOVERY) {
  return vi.fn(async () => new Response(JSON.stringify(document), { headers: { 'content-type': 'application/json' } }));
}

describe('signInTargetBeforeStart', () => {
  const target = (path: string, signedInBefore = false) =>
    signInTargetBeforeStart(new URL(path, BASE), BASE, signedInBefore);

  it('starts the sign-in at once on the pages behind the auth guard, keeping the whole address', () => {
    expect(target('/')).toBe('/');
    expect(target('/?tab=a')).toBe('/?tab=a');
    expect(target('/projects/p1/marketplace?search=sql#plans')).toBe('/projects/p1/marketplace?search=sql#plans');
  });

  it('leaves the signed-out page, unknown pages and answers of the provider to the app', () => {
    expect(target('/signed-out')).toBeNull();
    expect(target('/projects')).toBeNull();
    expect(target('/nowhere')).toBeNull();
    expect(target('/?code=abc&state=xyz')).toBeNull();
    expect(target('/?error=access_denied')).toBeNull();
  });

  it('lets the app ask the provider silently first in a browser that was signed in before', () => {
    expect(target('/', true)).toBeNull();
  });

  it('reads pages relative to the base URL', () => {
    const base = 'http://localhost:4300/market/';
    expect(signInTargetBeforeStart(new URL('/market/projects/p1', base), base, false)).toBe('/projects/p1');
    expect(signInTargetBeforeStart(new URL('/elsewhere/', base), base, false)).toBeNull();
  });
});

describe('authorizationUrl', () => {
  function start(fetchFn = discoveryFetch()) {
    const flowStorage = new Map<string, string>();
    const storage = { setItem: (key: string, value: string) => flowStorage.set(key, value) };
    const url = authorizationUrl(testUiConfig.oidc, {
      targetUrl: '/projects/p1/marketplace?search=sql',
      language: 'de',
      origin: 'http://localhost:4300',
      flowStorage: storage,
      fetchFn,
    });
    return { url, flowStorage };
  }

  it('starts the authorization code flow with PKCE at the endpoint of the discovery document', async () => {
    const fetchFn = discoveryFetch();
    const { url, flowStorage } = start(fetchFn);
    const authorization = new URL((await url)!);

    expect(fetchFn).toHaveBeenCalledWith(`${ISSUER}/.well-known/openid-configuration`, expect.anything());
    expect(`${authorization.origin}${authorization.pathname}`).toBe(`${ISSUER}/auth`);
    const parameters = Object.fromEntries(authorization.searchParams);
    const nonce = flowStorage.get(SIGN_IN_FLOW_KEYS.nonce)!;
    const verifier = flowStorage.get(SIGN_IN_FLOW_KEYS.verifier)!;
    expect(verifier).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    const challenge = btoa(String.fromCharCode(...digest))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    expect(parameters).toEqual({
      response_type: 'code',
      client_id: testUiConfig.oidc.clientId,
      state: `${nonce};${encodeURIComponent('/projects/p1/marketplace?search=sql')}`,
      redirect_uri: 'http://localhost:4300/',
      scope: 'openid profile',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      nonce,
      ui_locales: 'de',
    });
  });

  it('leaves the sign-in to the app when the discovery document cannot be used', async () => {
    const failing = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const plainHttp = { ...DISCOVERY, authorization_endpoint: 'http://sso.example.com/auth' };
    for (const fetchFn of [
      failing,
      vi.fn(async () => new Response('nope', { status: 500 })),
      discoveryFetch({ ...DISCOVERY, issuer: 'https://other.example.com' }),
      discoveryFetch(plainHttp),
      discoveryFetch({ issuer: ISSUER }),
    ]) {
      const { url, flowStorage } = start(fetchFn);
      expect(await url).toBeNull();
      expect(flowStorage.size).toBe(0);
    }
  });

  it('is completed by angular-oauth2-oidc: its state check passes and it sends the kept PKCE verifier', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    sessionStorage.clear();
    const url = new URL(
      (await authorizationUrl(testUiConfig.oidc, {
        targetUrl: '/projects/p1',
        language: 'en',
        origin: window.location.origin,
        flowStorage: sessionStorage,
        fetchFn: discoveryFetch(),
      }))!,
    );
    const oauth = createOpenIdClient(TestBed.inject(EnvironmentInjector));
    oauth.configure({
      issuer: ISSUER,
      clientId: testUiConfig.oidc.clientId,
      responseType: 'code',
      redirectUri: `${window.location.origin}/`,
      scope: testUiConfig.oidc.scope,
      requireHttps: false,
      tokenEndpoint: DISCOVERY.token_endpoint,
    });
    window.history.replaceState(
      null,
      '',
      `/?code=the-code&state=${encodeURIComponent(url.searchParams.get('state')!)}`,
    );
    // The library logs the refused token request below.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const completing = oauth.tryLoginCodeFlow().catch(() => undefined);
      const tokenRequest = TestBed.inject(HttpTestingController).expectOne(DISCOVERY.token_endpoint);
      const body = new URLSearchParams(tokenRequest.request.body.toString());
      expect(body.get('code')).toBe('the-code');
      expect(body.get('code_verifier')).toBe(sessionStorage.getItem(SIGN_IN_FLOW_KEYS.verifier));
      expect(decodeURIComponent(oauth.state!)).toBe('/projects/p1');
      tokenRequest.flush({ error: 'invalid_grant' }, { status: 400, statusText: 'Bad Request' });
      await completing;
    } finally {
      window.history.replaceState(null, '', '/');
      sessionStorage.clear();
      vi.restoreAllMocks();
    }
  });
});
