/**
 * A minimal browser for tests of OpenID sign-in over real HTTP: it keeps cookies, follows
 * redirects inside the provider and stops at the first one that leaves it (the client's
 * redirect URI). `signIn` runs the whole authorization code flow with PKCE.
 */
import { createHash, randomBytes } from 'node:crypto';

/** A PKCE verifier and its S256 challenge. */
export interface Pkce {
  verifier: string;
  challenge: string;
}

/** Makes a fresh PKCE verifier and its S256 challenge. */
export function createPkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Where a navigation ended: a page inside the provider, or a redirect leaving it. */
export interface NavigationResult {
  /** The last response (a page, or the redirect that leaves the provider). */
  response: Response;
  /** The body of the last response. */
  body: string;
  /** The URL of the last response. */
  url: URL;
  /** Where the last response redirects to, when that is outside the provider. */
  redirectedTo?: URL;
}

interface StoredCookie {
  value: string;
  path: string;
}

/** Cookies plus redirect handling, for one user agent talking to one provider. */
export class TestBrowser {
  private readonly cookies = new Map<string, StoredCookie>();

  /**
   * @param providerBase the issuer URL: redirects below it are followed, others end the navigation
   * @param headers headers sent with every request, for example `accept-language`
   */
  constructor(
    private readonly providerBase: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  /**
   * Requests `url` and follows redirects while they stay inside the provider.
   *
   * @param form a form to post (urlencoded) instead of a GET
   */
  async navigate(url: string | URL, form?: Record<string, string>): Promise<NavigationResult> {
    let current = new URL(url);
    let response = await this.request(current, form);
    for (let hops = 0; isRedirect(response.status); hops++) {
      if (hops === 20) throw new Error(`Too many redirects, last to ${current.href}`);
      const location = new URL(response.headers.get('location')!, current);
      if (!this.isInsideProvider(location)) {
        return { response, body: await response.text(), url: current, redirectedTo: location };
      }
      current = location;
      response = await this.request(current);
    }
    return { response, body: await response.text(), url: current };
  }

  /** One request with this browser's cookies; stores the cookies the answer sets. */
  async request(url: URL, form?: Record<string, string>): Promise<Response> {
    const headers: Record<string, string> = { ...this.headers };
    const cookie = this.cookieHeader(url);
    if (cookie) headers.cookie = cookie;
    let body: string | undefined;
    if (form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(form).toString();
    }
    const response = await fetch(url, { method: form ? 'POST' : 'GET', headers, body, redirect: 'manual' });
    for (const setCookie of response.headers.getSetCookie()) this.storeCookie(setCookie);
    return response;
  }

  private isInsideProvider(url: URL): boolean {
    return url.href.startsWith(`${this.providerBase}/`);
  }

  /** The Cookie header this browser sends to `url`. */
  cookieHeader(url: URL): string {
    return [...this.cookies]
      .filter(
        ([, cookie]) =>
          url.pathname === cookie.path ||
          url.pathname.startsWith(cookie.path.endsWith('/') ? cookie.path : `${cookie.path}/`),
      )
      .map(([key, cookie]) => `${key.split('\n', 1)[0]}=${cookie.value}`)
      .join('; ');
  }

  private storeCookie(setCookie: string): void {
    const [pair, ...attributes] = setCookie.split(';').map((part) => part.trim());
    const separator = pair!.indexOf('=');
    const name = pair!.slice(0, separator);
    const value = pair!.slice(separator + 1);
    const attribute = (wanted: string) =>
      attributes.find((part) => part.toLowerCase().startsWith(`${wanted}=`))?.slice(wanted.length + 1);
    const path = attribute('path') ?? '/';
    const expires = attribute('expires');
    const expired =
      value === '' || attribute('max-age') === '0' || (expires !== undefined && Date.parse(expires) <= Date.now());
    const key = `${name}\n${path}`;
    if (expired) this.cookies.delete(key);
    else this.cookies.set(key, { value, path });
  }
}

function isRedirect(status: number): boolean {
  return status >= 300 && status < 400;
}

/** The parts of a token response the tests read. */
export interface TokenResponse {
  access_token: string;
  id_token: string;
  token_type: string;
  expires_in: number;
  scope: string;
}

/** How to sign in. */
export interface SignInRequest {
  issuer: string;
  clientId: string;
  redirectUri: string;
  username: string;
  password: string;
}

/**
 * Signs in through the provider's own pages like a browser and exchanges the code, without a
 * `resource` parameter (as angular-oauth2-oidc does). Returns the token response.
 */
export async function signIn(
  request: SignInRequest,
  browser = new TestBrowser(request.issuer),
): Promise<TokenResponse> {
  const pkce = createPkce();
  const loginPage = await browser.navigate(authorizationUrl(request, pkce));
  const action = formAction(loginPage.body);
  const result = await browser.navigate(new URL(action, loginPage.url), {
    username: request.username,
    password: request.password,
  });
  const code = result.redirectedTo?.searchParams.get('code');
  if (!code) throw new Error(`Sign-in did not end with a code (HTTP ${result.response.status} at ${result.url.href})`);
  const response = await exchangeCode(request, code, pkce.verifier);
  if (!response.ok) throw new Error(`The token request failed with HTTP ${response.status}: ${await response.text()}`);
  return (await response.json()) as TokenResponse;
}

/** An authorization request URL for the code flow with PKCE. */
export function authorizationUrl(
  request: Pick<SignInRequest, 'issuer' | 'clientId' | 'redirectUri'>,
  pkce: Pkce,
  state = 'test-state',
): URL {
  const url = new URL(`${request.issuer}/auth`);
  url.search = new URLSearchParams({
    client_id: request.clientId,
    response_type: 'code',
    redirect_uri: request.redirectUri,
    scope: 'openid profile email',
    state,
    nonce: randomBytes(8).toString('hex'),
    code_challenge: pkce.challenge,
    code_challenge_method: 'S256',
  }).toString();
  return url;
}

/** The token request for a code (no client secret, no resource parameter). */
export function exchangeCode(
  request: Pick<SignInRequest, 'issuer' | 'clientId' | 'redirectUri'>,
  code: string,
  codeVerifier: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${request.issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: request.redirectUri,
      client_id: request.clientId,
      code_verifier: codeVerifier,
    }),
  });
}

/** The action of the (first) form of a page. */
export function formAction(html: string): string {
  const match = /<form[^>]*\saction="([^"]+)"/.exec(html);
  if (!match) throw new Error('The page has no form');
  return match[1]!.replace(/&amp;/g, '&');
}
