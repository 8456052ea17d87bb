import { EnvironmentInjector, InjectionToken, inject } from '@angular/core';
import type { OAuthService } from 'angular-oauth2-oidc';

/**
 * Loads the OpenID Connect client (angular-oauth2-oidc) when the session first needs it, so that
 * pages that sign nobody in (the signed-out page) start without it.
 */
export const OPENID_CLIENT_LOADER = new InjectionToken<() => Promise<OAuthService>>('OPENID_CLIENT_LOADER', {
  providedIn: 'root',
  factory: () => {
    const injector = inject(EnvironmentInjector);
    return () => import('./openid-client').then((module) => module.createOpenIdClient(injector));
  },
});
