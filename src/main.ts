import { applyPrimaryColor } from './app/core/config/theme-color';
import { loadUiConfig } from './app/core/config/ui-config';
import { renderStartupError } from './app/core/config/startup-error-page';
import { initialLanguage } from './app/core/i18n/language-preference';
import { type Language, SOURCE_LANGUAGE } from './app/core/i18n/languages';
import { loadLanguage } from './app/core/i18n/load-language';
import { applyTheme, initialTheme } from './app/core/theme/theme';

/**
 * Loads the user's language, fetches the runtime configuration, then starts the app; shows a
 * plain error page if that fails. The app's modules are imported once the translations are
 * loaded (at once in English), since `$localize` translates messages when their module is
 * evaluated, while the configuration is still on its way.
 */
async function start(): Promise<void> {
  applyTheme(document.documentElement, initialTheme());
  const language = startLanguage();
  const modules = language.then(() =>
    Promise.all([import('@angular/platform-browser'), import('./app/app'), import('./app/app.config')]),
  );
  const [config, [{ bootstrapApplication }, { App }, { appConfig }]] = await Promise.all([
    loadUiConfig(document.baseURI),
    modules,
  ]);
  document.title = config.theme.productName;
  applyPrimaryColor(document.documentElement, config.theme.primaryColor);
  await bootstrapApplication(App, appConfig(config, await language));
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
