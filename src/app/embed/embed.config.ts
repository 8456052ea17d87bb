import { OverlayContainer } from '@angular/cdk/overlay';
import { LocationStrategy } from '@angular/common';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { APP_ID, ApplicationConfig, ErrorHandler, inject, provideZonelessChangeDetection } from '@angular/core';
import { TitleStrategy, provideRouter, withComponentInputBinding, withRouterConfig } from '@angular/router';

import type { UiConfig } from '@osb/api';
import { AccessTokenSource } from '../core/auth/access-token-source';
import { authInterceptor } from '../core/auth/auth-interceptor';
import { UI_CONFIG } from '../core/config/ui-config';
import type { Language } from '../core/i18n/languages';
import { provideLanguage } from '../core/i18n/provide-language';
import { GlobalErrorHandler } from '../core/errors/global-error-handler';
import { PageTitleStrategy } from '../core/layout/page-title-strategy';
import { provideAppIcons } from '../shared/ui/icons/app-icons';
import { IMAGE_HOSTS } from '../shared/ui/safe-url/image-hosts';
import { EmbedContext } from './embed-context';
import { EmbedLocationStrategy } from './embed-location-strategy';
import { EmbedTitleStrategy } from './embed-title-strategy';
import { embedRoutes } from './embed.routes';
import { HostTokenSource } from './host-token-source';
import { operationEventsInterceptor } from './operation-events';
import { ShadowOverlayContainer } from './shadow-overlay-container';

/**
 * The providers of the embedded marketplace in `language` (its translations loaded already): the same pages and API clients as the app, with
 * the host's token, addresses below the host's base path, no document title of its own and
 * overlays inside the element.
 */
export function embedConfig(language: Language): ApplicationConfig {
  return {
    providers: [
      // Another Angular app (the host) may share the page: keep style and component ids apart.
      { provide: APP_ID, useValue: 'osb' },
      provideLanguage(language),
      { provide: UI_CONFIG, useFactory: embeddedUiConfig },
      // Broker images from the platform's own origin (the host page's origin is allowed anyway).
      { provide: IMAGE_HOSTS, useFactory: () => [new URL(inject(EmbedContext).apiUrl()).host] },
      provideZonelessChangeDetection(),
      provideRouter(
        embedRoutes,
        withComponentInputBinding(),
        withRouterConfig({ paramsInheritanceStrategy: 'always' }),
      ),
      { provide: LocationStrategy, useClass: EmbedLocationStrategy },
      provideHttpClient(withInterceptors([authInterceptor, operationEventsInterceptor])),
      { provide: AccessTokenSource, useClass: HostTokenSource },
      provideAppIcons(),
      { provide: OverlayContainer, useClass: ShadowOverlayContainer },
      EmbedTitleStrategy,
      { provide: TitleStrategy, useExisting: EmbedTitleStrategy },
      { provide: PageTitleStrategy, useExisting: EmbedTitleStrategy },
      { provide: ErrorHandler, useClass: GlobalErrorHandler },
    ],
  };
}

/** The UI settings of the element: the API URL follows the `api-url` attribute; there is no sign-in of its own. */
function embeddedUiConfig(): UiConfig {
  const context = inject(EmbedContext);
  return {
    get apiBaseUrl() {
      return context.apiUrl();
    },
    oidc: { issuer: '', clientId: '', scope: '' },
    theme: { productName: 'OSB Marketplace' },
  };
}
