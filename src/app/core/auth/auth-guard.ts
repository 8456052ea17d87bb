import { inject } from '@angular/core';
import { CanActivateFn, CanMatchFn, Router, UrlSegment } from '@angular/router';

import { Auth } from './auth';

/**
 * Lets signed-in users through. Otherwise it starts the sign-in, which comes back to the requested
 * URL, or shows the signed-out page when the last sign-in failed (so a broken sign-in cannot loop).
 */
export const authGuard: CanMatchFn = (_route, segments) => {
  const auth = inject(Auth);
  const router = inject(Router);
  if (auth.isAuthenticated()) {
    return true;
  }
  if (auth.signInError()) {
    return router.createUrlTree(['/signed-out']);
  }
  auth.signIn(router.currentNavigation()?.extractedUrl.toString() ?? pathOf(segments));
  return false;
};

/**
 * Keeps a page from loading while the app leaves for the sign-in provider: when `authGuard` has
 * started a sign-in, the router goes on to the next route that matches (the not-found page).
 */
export const notWhileSigningIn: CanActivateFn = () => !inject(Auth).redirecting();

function pathOf(segments: UrlSegment[]): string {
  return `/${segments.map((segment) => segment.path).join('/')}`;
}
