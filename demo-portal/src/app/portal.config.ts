import { ApplicationConfig, inject, provideAppInitializer, provideZonelessChangeDetection } from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { OAuthStorage, provideOAuthClient } from 'angular-oauth2-oidc';

import { portalRoutes } from './portal.routes';
import { PortalSession } from './portal-session';
import { PORTAL_SETTINGS, PortalSettings } from './portal-settings';

/** The portal's providers. Its session lives in session storage (a host's own choice). */
export function portalConfig(settings: PortalSettings): ApplicationConfig {
  return {
    providers: [
      provideZonelessChangeDetection(),
      provideRouter(portalRoutes, withComponentInputBinding()),
      provideOAuthClient(),
      { provide: OAuthStorage, useFactory: () => sessionStorage },
      { provide: PORTAL_SETTINGS, useValue: settings },
      provideAppInitializer(() => inject(PortalSession).start()),
    ],
  };
}
