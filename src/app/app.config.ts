import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  ApplicationConfig,
  ErrorHandler,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { TitleStrategy, provideRouter, withComponentInputBinding, withRouterConfig } from '@angular/router';

import type { UiConfig } from '@osb/api';
import { routes } from './app.routes';
import { authInterceptor } from './core/auth/auth-interceptor';
import { provideAuth } from './core/auth/provide-auth';
import { UI_CONFIG } from './core/config/ui-config';
import { GlobalErrorHandler } from './core/errors/global-error-handler';
import type { Language } from './core/i18n/languages';
import { provideLanguage } from './core/i18n/provide-language';
import { PageTitleStrategy } from './core/layout/page-title-strategy';
import { IMAGE_HOSTS } from './shared/ui/safe-url/image-hosts';

/**
 * All application-wide providers, given the runtime configuration fetched at startup and the
 * language whose translations `loadLanguage` loaded.
 */
export function appConfig(config: UiConfig, language: Language): ApplicationConfig {
  return {
    providers: [
      { provide: UI_CONFIG, useValue: config },
      { provide: IMAGE_HOSTS, useValue: config.imageHosts ?? [] },
      provideLanguage(language),
      provideBrowserGlobalErrorListeners(),
      provideZonelessChangeDetection(),
      provideRouter(
        routes,
        withComponentInputBinding(),
        // Pages below `projects/:projectId` receive the project id as an input too.
        withRouterConfig({ paramsInheritanceStrategy: 'always' }),
      ),
      provideHttpClient(withInterceptors([authInterceptor])),
      provideAuth(),
      { provide: TitleStrategy, useExisting: PageTitleStrategy },
      { provide: ErrorHandler, useClass: GlobalErrorHandler },
    ],
  };
}
