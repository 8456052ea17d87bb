import { registerLocaleData } from '@angular/common';
import { clearTranslations, loadTranslations } from '@angular/localize';

import { type Language, SOURCE_LANGUAGE } from './languages';
import { parseXliffTranslations } from './xliff';

/** Where the translation files are served, relative to the app's base URL. */
const TRANSLATIONS_PATH = 'i18n/';

/** Angular's locale data of each language but the source language, loaded when needed. */
const LOCALE_DATA: Readonly<Record<Exclude<Language, typeof SOURCE_LANGUAGE>, () => Promise<unknown[]>>> = {
  de: () => import('@angular/common/locales/de').then((module) => module.default),
};

/** Options of `loadLanguage`. */
export interface LoadLanguageOptions {
  /**
   * The URL the app's files are served from (ending in `/`): the translation files are fetched
   * from its `i18n/` folder. Defaults to the document's base URL; an embedding page passes the
   * URL its marketplace script came from.
   */
  baseUrl?: string | URL;
  /** The fetch to use (tests pass their own). */
  fetchFn?: typeof fetch;
}

/**
 * Makes `language` the language of every message, date, number and amount: loads its
 * translations into `$localize` and registers Angular's locale data for it. Call it before the
 * application bootstraps (and before the modules that hold messages are imported), then add
 * `provideLanguage(language)` to its providers: Angular translates each template once, so switching
 * language afterwards needs a new start (a page reload).
 *
 * Rejects with an error when the translations cannot be loaded; the caller can start in English.
 */
export async function loadLanguage(language: Language, options: LoadLanguageOptions = {}): Promise<void> {
  clearTranslations();
  if (language === SOURCE_LANGUAGE) {
    return;
  }
  const fetchFn = options.fetchFn ?? fetch;
  const url = new URL(`${TRANSLATIONS_PATH}messages.${language}.xlf`, options.baseUrl ?? document.baseURI);
  const [response, localeData] = await Promise.all([fetchFn(url), LOCALE_DATA[language]()]);
  if (!response.ok) {
    throw new Error(`The ${language} translations could not be loaded (HTTP ${response.status}).`);
  }
  const translations = parseXliffTranslations(await response.text());
  registerLocaleData(localeData, language);
  loadTranslations(translations);
  $localize.locale = language;
}

/** The language whose translations are loaded (`$localize.locale`), else the source language. */
export function loadedLanguage(): Language {
  return ($localize.locale as Language | undefined) || SOURCE_LANGUAGE;
}
