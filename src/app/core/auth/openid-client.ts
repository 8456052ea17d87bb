import { EnvironmentInjector, createEnvironmentInjector } from '@angular/core';
import { OAuthService, OAuthStorage, provideOAuthClient } from 'angular-oauth2-oidc';

import { TransientAuthStorage } from './auth-storage';

/**
 * angular-oauth2-oidc's client in an injector of its own below `parent`, keeping tokens in memory
 * (`TransientAuthStorage`). The access token is attached by `authInterceptor` through
 * `OidcTokenSource`, not by the library's class-based interceptor.
 */
export function createOpenIdClient(parent: EnvironmentInjector): OAuthService {
  const injector = createEnvironmentInjector(
    [provideOAuthClient(), { provide: OAuthStorage, useFactory: () => new TransientAuthStorage() }],
    parent,
    'OpenID client',
  );
  return injector.get(OAuthService);
}
