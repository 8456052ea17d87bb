/**
 * Starting the sign-in before the app: a browser that was not signed in and opens a page that
 * needs a sign-in leaves for the OpenID provider from `main.ts`, before Angular and the OpenID
 * client are loaded, so the provider's page appears without waiting for the app to start.
 *
 * It starts the same authorization code flow with PKCE that angular-oauth2-oidc starts (see
 * `Auth.signIn`), and keeps the flow's nonce and PKCE verifier where that library looks for them
 * when the provider answers (session storage, see `TransientAuthStorage`): the app completes the
 * sign-in with the library as usual. Nothing here needs Angular.
 */
import type { UiConfig } from '@osb/api';

import { readPreference } from '../preferences/local-preferences';

/**
 * Local storage key of the hint that the provider had a session for this browser when the app
 * last knew (a flag, never a token): only then is a reload worth a silent sign-in.
 */
export const SIGNED_IN_HINT_KEY = 'osb-marketplace.signed-in';

/**
 * The session storage keys under which angular-oauth2-oidc keeps the items of a running sign-in
 * (its `nonce` and `PKCE_verifier`), which must survive the redirect to the provider and back.
 */
export const SIGN_IN_FLOW_KEYS = { nonce: 'nonce', verifier: 'PKCE_verifier' } as const;

/** The page the provider returns to after a sign-in: the app's start at the origin. */
export function signInRedirectUri(origin: string): string {
  return `${origin}/`;
}

/** Whether `path` is the signed-out page, where nobody is signed in again behind their back. */
export function isSignedOutPage(path: string): boolean {
  return path.endsWith('/signed-out');
}

/** Whether the address is the provider's answer to a sign-in (a `code` or an `error`), which the app completes. */
export function isProviderAnswer(search: string): boolean {
  return /[?&](code|error)=/.test(search);
}

/**
 * The in-app URL to return to after signing in, if the page at `url` needs a sign-in that can
 * start at once: the projects page (`/`) and every project page (`/projects/…`, the routes behind
 * the auth guard) of a browser that was not signed in before (else the app first asks the
 * provider silently) and that is not coming back from the provider. Null otherwise.
 */
export function signInTargetBeforeStart(url: URL, baseUrl: string, signedInBefore: boolean): string | null {
  const base = new URL(baseUrl).pathname;
  if (signedInBefore || isProviderAnswer(url.search) || !url.pathname.startsWith(base)) {
    return null;
  }
  const path = url.pathname.slice(base.length);
  const needsSignIn = path === '' || /^projects\/[^/]+/.test(path);
  return needsSignIn ? `/${path}${url.search}${url.hash}` : null;
}

/** What the start of a sign-in needs besides the configuration. */
export interface SignInStart {
  /** The in-app URL to come back to, carried through the provider in `state`. */
  targetUrl: string;
  /** The app's language, which the provider is asked to show its pages in (`ui_locales`). */
  language: string;
  /** The app's origin, whose start page receives the provider's answer. */
  origin: string;
  /** Where the flow's nonce and PKCE verifier are kept until the provider answers. */
  flowStorage: Pick<Storage, 'setItem'>;
  /** The fetch to use (tests pass their own). */
  fetchFn?: typeof fetch;
}

/**
 * The provider's authorization URL for a sign-in, after keeping the flow's nonce and PKCE
 * verifier in `flowStorage`, in the form angular-oauth2-oidc completes: `state` is the nonce and
 * the URL-encoded target, separated by `;`. Null when the provider's discovery document cannot
 * be used (unreachable, another issuer, a plain-HTTP endpoint off this machine) or the browser
 * cannot hash (no `crypto.subtle` outside secure contexts): the app then signs in as usual and
 * reports what went wrong.
 */
export async function authorizationUrl(oidc: UiConfig['oidc'], start: SignInStart): Promise<string | null> {
  const endpoint = await authorizationEndpoint(oidc.issuer, start.fetchFn ?? fetch);
  if (!endpoint || !globalThis.crypto?.subtle) {
    return null;
  }
  const nonce = randomToken();
  const verifier = randomToken();
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const scope = /(^|\s)openid($|\s)/.test(oidc.scope) ? oidc.scope : `openid ${oidc.scope}`;
  const url = new URL(endpoint);
  const parameters = {
    response_type: 'code',
    client_id: oidc.clientId,
    state: `${nonce};${encodeURIComponent(start.targetUrl)}`,
    redirect_uri: signInRedirectUri(start.origin),
    scope,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    nonce,
    ui_locales: start.language,
  };
  for (const [name, value] of Object.entries(parameters)) {
    url.searchParams.append(name, value);
  }
  start.flowStorage.setItem(SIGN_IN_FLOW_KEYS.nonce, nonce);
  start.flowStorage.setItem(SIGN_IN_FLOW_KEYS.verifier, verifier);
  return url.href;
}

/**
 * Leaves for the provider's sign-in page if the current page needs a sign-in that can start
 * before the app (see `signInTargetBeforeStart`); resolves to whether it does. Resolves to false
 * when anything it needs fails, so that the app starts and shows the problem.
 */
export async function leaveForSignInBeforeStart(config: Promise<UiConfig>, language: string): Promise<boolean> {
  const targetUrl = signInTargetBeforeStart(
    new URL(window.location.href),
    document.baseURI,
    readPreference(SIGNED_IN_HINT_KEY) !== null,
  );
  if (targetUrl === null) {
    return false;
  }
  try {
    const url = await authorizationUrl((await config).oidc, {
      targetUrl,
      language,
      origin: window.location.origin,
      flowStorage: sessionStorage,
    });
    if (url) {
      window.location.assign(url);
    }
    return url !== null;
  } catch {
    return false;
  }
}

/** The authorization endpoint of the provider's discovery document, if it is one the app may use. */
async function authorizationEndpoint(issuer: string, fetchFn: typeof fetch): Promise<string | null> {
  const discoveryUrl = `${issuer}${issuer.endsWith('/') ? '' : '/'}.well-known/openid-configuration`;
  let document: { issuer?: unknown; authorization_endpoint?: unknown };
  try {
    const response = await fetchFn(discoveryUrl, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      return null;
    }
    document = (await response.json()) as typeof document;
  } catch {
    return null;
  }
  const endpoint = document.authorization_endpoint;
  if (document.issuer !== issuer || typeof endpoint !== 'string') {
    return null;
  }
  // As angular-oauth2-oidc's `requireHttps: 'remoteOnly'`: plain HTTP only on this machine.
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return null;
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  return url.protocol === 'https:' || (url.protocol === 'http:' && local) ? url.href : null;
}

/** 32 random bytes, base64url-encoded: 43 characters, a valid PKCE verifier and nonce. */
function randomToken(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)).buffer);
}

function base64Url(bytes: ArrayBuffer): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
