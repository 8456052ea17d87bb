import { EnvironmentProviders, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';

import { AccessTokenSource } from './access-token-source';
import { Auth } from './auth';
import { OidcTokenSource } from './oidc-token-source';

/**
 * Sign-in with OpenID Connect (`Auth`, which loads angular-oauth2-oidc when a page needs it): a
 * sign-in coming back from the provider completed before the first navigation, and the access
 * token attached by `authInterceptor` through `OidcTokenSource`.
 */
export function provideAuth(): EnvironmentProviders {
  return makeEnvironmentProviders([
    { provide: AccessTokenSource, useClass: OidcTokenSource },
    provideAppInitializer(() => inject(Auth).initialize()),
  ]);
}
