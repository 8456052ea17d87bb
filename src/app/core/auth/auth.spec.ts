import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { OAuthService } from 'angular-oauth2-oidc';

import { UI_CONFIG } from '../config/ui-config';
import { testUiConfig } from '@testing/ui-config-fixture';
import { Auth, SILENT_SIGN_IN_PAGE, decodeTargetUrl } from './auth';

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
      tryLoginCodeFlow: vi.fn(async () => undefined),
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

  function authWith(oauth: ReturnType<typeof fakeOAuth>): Auth {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: OAuthService, useValue: oauth },
        { provide: UI_CONFIG, useValue: testUiConfig },
      ],
    });
    return TestBed.inject(Auth);
  }

  afterEach(() => window.history.replaceState(null, '', '/'));

  it('signs in silently in a hidden frame when the provider still has a session', async () => {
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
    const oauth = fakeOAuth('no session');
    const auth = authWith(oauth);
    await auth.initialize();

    expect(oauth.silentRefresh).toHaveBeenCalledTimes(1);
    expect(auth.isAuthenticated()).toBe(false);
    expect(auth.signInError()).toBeNull();
  });

  it('does not ask silently when coming back from the provider, or on the signed-out page', async () => {
    for (const url of ['/?code=abc&state=xyz', '/?error=access_denied&state=xyz', '/signed-out']) {
      TestBed.resetTestingModule();
      window.history.replaceState(null, '', url);
      const oauth = fakeOAuth('session');
      await authWith(oauth).initialize();
      expect(oauth.silentRefresh, url).not.toHaveBeenCalled();
    }
  });
});
