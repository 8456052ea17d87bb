import { EnvironmentProviders, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { OAuthStorage, provideOAuthClient } from 'angular-oauth2-oidc';

import { AccessTokenSource } from './access-token-source';
import { TransientAuthStorage } from './auth-storage';
import { Auth } from './auth';
import { OidcTokenSource } from './oidc-token-source';

/**
 * Sign-in with angular-oauth2-oidc: tokens in memory (`TransientAuthStorage`), and a sign-in
 * coming back from the provider completed before the first navigation. The access token is
 * attached by `authInterceptor` through `OidcTokenSource`, not by the library's class-based interceptor.
 */
export function provideAuth(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideOAuthClient(),
    { provide: OAuthStorage, useFactory: () => new TransientAuthStorage() },
    { provide: AccessTokenSource, useClass: OidcTokenSource },
    provideAppInitializer(() => inject(Auth).initialize()),
  ]);
}
