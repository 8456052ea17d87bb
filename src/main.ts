import { applyPrimaryColor } from './app/core/config/theme-color';
import { loadUiConfig } from './app/core/config/ui-config';
import { renderStartupError } from './app/core/config/startup-error-page';
import { type Language, initialLanguage, loadLanguage, SOURCE_LANGUAGE } from './app/core/i18n';
import { applyTheme, initialTheme } from './app/core/theme/theme';

/**
 * Loads the user's language, fetches the runtime configuration, then starts the app; shows a
 * plain error page if that fails. The app's modules are imported only once the translations
 * are loaded, since `$localize` translates messages when their module is evaluated.
 */
async function start(): Promise<void> {
  applyTheme(document.documentElement, initialTheme());
  const [language, config] = await Promise.all([startLanguage(), loadUiConfig(document.baseURI)]);
  document.title = config.theme.productName;
  applyPrimaryColor(document.documentElement, config.theme.primaryColor);
  const [{ bootstrapApplication }, { App }, { appConfig }] = await Promise.all([
    import('@angular/platform-browser'),
    import('./app/app'),
    import('./app/app.config'),
  ]);
  await bootstrapApplication(App, appConfig(config, language));
}

/** Loads the language the user chose or the browser prefers; English if its translations fail to load. */
async function startLanguage(): Promise<Language> {
  let language = initialLanguage();
  try {
    await loadLanguage(language);
  } catch (error) {
    console.error(error);
    language = SOURCE_LANGUAGE;
  }
  document.documentElement.lang = language;
  return language;
}

start().catch((error: unknown) => {
  console.error(error);
  const message =
    error instanceof Error && error.message
      ? error.message
      : $localize`:@@startupUnknownError:An unexpected error stopped the marketplace from starting.`;
  renderStartupError(document, message);
});
