import { leaveForSignInBeforeStart } from './app/core/auth/sign-in-start';
import { showSignedOutPlaceholder } from './app/core/auth/signed-out/signed-out-placeholder';
import { loadUiConfig } from './app/core/config/load-ui-config';
import { renderStartupError } from './app/core/config/startup-error-page';
import { initialLanguage } from './app/core/i18n/language-preference';
import { applyTheme, initialTheme } from './app/core/theme/color-scheme';

/**
 * Shows the page in the user's colour scheme (the signed-out page with its text) and fetches the
 * runtime configuration. A browser that was not signed in and opens a page that needs a sign-in
 * leaves for the OpenID provider from here; otherwise the app's start-up (Angular, the
 * translations, the app) is loaded and started. This module imports nothing of Angular, so that
 * it runs as soon as it arrives.
 */
async function start(): Promise<void> {
  applyTheme(document.documentElement, initialTheme());
  const language = initialLanguage();
  showSignedOutPlaceholder(document, window.location.pathname, language);
  const config = loadUiConfig(document.baseURI);
  // Handled below (the app reports it); this keeps an early failure from counting as unhandled.
  config.catch(() => undefined);
  if (await leaveForSignInBeforeStart(config, language)) {
    return;
  }
  const { startApp } = await import('./start-app');
  await startApp(language, config);
}

start().catch((error: unknown) => {
  console.error(error);
  const message =
    error instanceof Error && error.message
      ? error.message
      : $localize`:@@startupUnknownError:An unexpected error stopped the marketplace from starting.`;
  renderStartupError(document, message);
});
