import type { UiConfig } from '@osb/api';

import { applyPrimaryColor } from './app/core/config/theme-color';
import { type Language, SOURCE_LANGUAGE } from './app/core/i18n/languages';
import { loadLanguage } from './app/core/i18n/load-language';

/**
 * Loads `language` (the user's choice or the browser's), then starts the app with the runtime
 * configuration. The app's modules are imported once the translations are loaded (at once in
 * English), since `$localize` translates messages when their module is evaluated, while the
 * configuration is still on its way. Rejects with a message for the user when the configuration
 * cannot be loaded.
 */
export async function startApp(preferred: Language, uiConfig: Promise<UiConfig>): Promise<void> {
  const language = startLanguage(preferred);
  const modules = language.then(() =>
    Promise.all([import('@angular/platform-browser'), import('./app/app'), import('./app/app.config')]),
  );
  const [config, [{ bootstrapApplication }, { App }, { appConfig }]] = await Promise.all([uiConfig, modules]);
  document.title = config.theme.productName;
  applyPrimaryColor(document.documentElement, config.theme.primaryColor);
  await bootstrapApplication(App, appConfig(config, await language));
}

/** Loads a language's translations; English if they fail to load. */
async function startLanguage(preferred: Language): Promise<Language> {
  let language = preferred;
  try {
    await loadLanguage(language);
  } catch (error) {
    console.error(error);
    language = SOURCE_LANGUAGE;
  }
  document.documentElement.lang = language;
  return language;
}
