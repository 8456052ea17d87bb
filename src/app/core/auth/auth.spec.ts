import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { OAuthService } from 'angular-oauth2-oidc';

import { UI_CONFIG } from '../config/ui-config';
import { testUiConfig } from '@testing/ui-config-fixture';
import { Auth, SILENT_SIGN_IN_PAGE, decodeTargetUrl } from './auth';
import { OPENID_CLIENT_LOADER } from './openid-client-loader';
import { SIGNED_IN_HINT_KEY } from './sign-in-start';

describe('decodeTargetUrl', () => {
  it('decodes the local URL carried in the OAuth state', () => {
    expect(decodeTargetUrl(encodeURIComponent('/projects/p1/marketplace?search=sql&tags=a'))).toBe(
      '/projects/p1/marketplace?search=sql&tags=a',
    );
  });

  it('ignores missing, malformed and non-local targets', () => {
    expect(decodeTargetUrl(undefined)).toBeNull();
    expect(decodeTargetUrl('')).toBeNull();
    expect(decodeTargetUrl('%E0%A4%A')).toBeNull();
    expect(decodeTargetUrl(encodeURIComponent('https://evil.example/'))).toBeNull();
    expect(decodeTargetUrl(encodeURIComponent('//evil.example/'))).toBeNull();
    expect(decodeTargetUrl(encodeURIComponent('/\\evil.example/'))).toBeNull();
  });
});

describe('Auth after a reload', () => {
  /** The parts of OAuthService that `initialize` uses, signed out until a silent sign-in succeeds. */
  function fakeOAuth(silent: 'session' | 'no session') {
    let signedIn = false;
    return {
      configure: vi.fn(),
      loadDiscoveryDocument: vi.fn(async () => ({})),
      initCodeFlow: vi.fn(),
      tryLoginCodeFlow: vi.fn(async () => undefined),
      logOut: vi.fn(() => {
        signedIn = false;
      }),
      silentRefresh: vi.fn(async () => {
        if (silent === 'no session') throw new Error('login_required');
        signedIn = true;
        return {};
      }),
      hasValidAccessToken: () => signedIn,
      getIdentityClaims: () => ({ name: 'Alice Adams' }),
      state: undefined,
    };
  }

  function authWith(oauth: ReturnType<typeof fakeOAuth>, loader = vi.fn(async () => oauth as unknown as OAuthService)) {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'signed-out', children: [] }]),
        { provide: OPENID_CLIENT_LOADER, useValue: loader },
        { provide: UI_CONFIG, useValue: testUiConfig },
      ],
    });
    return TestBed.inject(Auth);
  }

  afterEach(() => {
    window.history.replaceState(null, '', '/');
    localStorage.removeItem(SIGNED_IN_HINT_KEY);
  });

  it('signs in silently in a hidden frame when the provider still has a session', async () => {
    localStorage.setItem(SIGNED_IN_HINT_KEY, 'true');
    const oauth = fakeOAuth('session');
    const auth = authWith(oauth);
    await auth.initialize();

    expect(oauth.configure).toHaveBeenCalledWith(
      expect.objectContaining({ silentRefreshRedirectUri: `${window.location.origin}/${SILENT_SIGN_IN_PAGE}` }),
    );
    expect(oauth.silentRefresh).toHaveBeenCalledTimes(1);
    expect(auth.isAuthenticated()).toBe(true);
    expect(auth.userName()).toBe('Alice Adams');
  });

  it('stays signed out without a session, so the guard sends the user to the provider', async () => {
    localStorage.setItem(SIGNED_IN_HINT_KEY, 'true');
    const oauth = fakeOAuth('no session');
    const auth = authWith(oauth);
    await auth.initialize();

    expect(oauth.silentRefresh).toHaveBeenCalledTimes(1);
    expect(auth.isAuthenticated()).toBe(false);
    expect(auth.signInError()).toBeNull();
  });

  it('does not ask silently in a browser that was not signed in, but loads the client for the sign-in', async () => {
    const oauth = fakeOAuth('session');
    const loader = vi.fn(async () => oauth as unknown as OAuthService);
    const auth = authWith(oauth, loader);
    await auth.initialize();

    expect(oauth.silentRefresh).not.toHaveBeenCalled();
    expect(auth.isAuthenticated()).toBe(false);
    expect(loader).toHaveBeenCalledTimes(1);
    auth.signIn('/projects/p1/marketplace');
    await vi.waitFor(() =>
      expect(oauth.initCodeFlow).toHaveBeenCalledWith('/projects/p1/marketplace', expect.anything()),
    );
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('remembers that the browser was signed in until the user signs out or the provider has no session', async () => {
    localStorage.setItem(SIGNED_IN_HINT_KEY, 'true');
    const auth = authWith(fakeOAuth('session'));
    await auth.initialize();
    expect(localStorage.getItem(SIGNED_IN_HINT_KEY)).toBe('true');
    auth.signOut();
    expect(localStorage.getItem(SIGNED_IN_HINT_KEY)).toBeNull();

    TestBed.resetTestingModule();
    localStorage.setItem(SIGNED_IN_HINT_KEY, 'true');
    await authWith(fakeOAuth('no session')).initialize();
    expect(localStorage.getItem(SIGNED_IN_HINT_KEY)).toBeNull();
  });

  it('does not ask silently when coming back from the provider, or on the signed-out page', async () => {
    for (const url of ['/?code=abc&state=xyz', '/?error=access_denied&state=xyz', '/signed-out']) {
      TestBed.resetTestingModule();
      localStorage.setItem(SIGNED_IN_HINT_KEY, 'true');
      window.history.replaceState(null, '', url);
      const oauth = fakeOAuth('session');
      await authWith(oauth).initialize();
      expect(oauth.silentRefresh, url).not.toHaveBeenCalled();
    }
  });

  it('reads only an answer from the provider, not a page of its own with a state= parameter', async () => {
    window.history.replaceState(null, '', '/projects/p1/instances?state=failed');
    localStorage.setItem(SIGNED_IN_HINT_KEY, 'true');
    const oauth = fakeOAuth('session');
    await authWith(oauth).initialize();
    expect(oauth.tryLoginCodeFlow).not.toHaveBeenCalled();

    TestBed.resetTestingModule();
    window.history.replaceState(null, '', '/?code=abc&state=xyz');
    const returning = fakeOAuth('session');
    await authWith(returning).initialize();
    expect(returning.tryLoginCodeFlow).toHaveBeenCalledTimes(1);
  });

  it('loads nothing of the OpenID client on the signed-out page until the user signs in again', async () => {
    window.history.replaceState(null, '', '/signed-out');
    const oauth = fakeOAuth('session');
    const loader = vi.fn(async () => oauth as unknown as OAuthService);
    const auth = authWith(oauth, loader);
    await auth.initialize();
    expect(loader).not.toHaveBeenCalled();
    expect(auth.isAuthenticated()).toBe(false);

    auth.signIn('/');
    await vi.waitFor(() => expect(oauth.initCodeFlow).toHaveBeenCalledWith('/', { ui_locales: 'en-US' }));
    expect(loader).toHaveBeenCalledTimes(1);
    expect(oauth.loadDiscoveryDocument).toHaveBeenCalledTimes(1);
  });

  it('reports an unreachable provider on the signed-out page when signing in again', async () => {
    window.history.replaceState(null, '', '/signed-out');
    const oauth = fakeOAuth('session');
    oauth.loadDiscoveryDocument.mockRejectedValue(new Error('offline'));
    const auth = authWith(oauth);
    await auth.initialize();

    auth.signIn('/');
    await vi.waitFor(() => expect(auth.signInError()).toContain('could not be reached'));
    expect(auth.redirecting()).toBe(false);
    expect(oauth.initCodeFlow).not.toHaveBeenCalled();
  });
});
