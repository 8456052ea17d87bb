import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  ActivatedRouteSnapshot,
  Route,
  Router,
  RouterStateSnapshot,
  UrlSegment,
  UrlTree,
  provideRouter,
} from '@angular/router';

import { Auth } from './auth';
import { authGuard, notWhileSigningIn } from './auth-guard';

describe('authGuard', () => {
  const auth = {
    isAuthenticated: vi.fn(() => false),
    signInError: vi.fn<() => string | null>(() => null),
    signIn: vi.fn(),
  };
  const segments = [new UrlSegment('projects', {}), new UrlSegment('p1', {}), new UrlSegment('marketplace', {})];

  function check(): ReturnType<typeof authGuard> {
    return TestBed.runInInjectionContext(() => authGuard({} as Route, segments));
  }

  beforeEach(() => {
    vi.clearAllMocks();
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: Auth, useValue: auth }] });
  });

  it('lets signed-in users through', () => {
    auth.isAuthenticated.mockReturnValue(true);
    expect(check()).toBe(true);
    expect(auth.signIn).not.toHaveBeenCalled();
  });

  it('starts the sign-in, coming back to the requested page', () => {
    auth.isAuthenticated.mockReturnValue(false);
    expect(check()).toBe(false);
    expect(auth.signIn).toHaveBeenCalledWith('/projects/p1/marketplace');
  });

  it('stops at the signed-out page after a failed sign-in instead of looping', () => {
    auth.isAuthenticated.mockReturnValue(false);
    auth.signInError.mockReturnValue('Signing in failed.');
    const result = check();
    expect(result).toBeInstanceOf(UrlTree);
    expect(TestBed.inject(Router).serializeUrl(result as UrlTree)).toBe('/signed-out');
    expect(auth.signIn).not.toHaveBeenCalled();
  });
});

describe('notWhileSigningIn', () => {
  it('lets a page load unless the app is leaving for the sign-in provider', () => {
    const redirecting = signal(false);
    TestBed.configureTestingModule({ providers: [{ provide: Auth, useValue: { redirecting } }] });
    const check = () =>
      TestBed.runInInjectionContext(() => notWhileSigningIn({} as ActivatedRouteSnapshot, {} as RouterStateSnapshot));

    expect(check()).toBe(true);
    redirecting.set(true);
    expect(check()).toBe(false);
  });
});
