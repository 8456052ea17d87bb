import { readPreference, writePreference } from '../preferences/local-preferences';
import { type Language, isLanguage, preferredLanguage } from './languages';

/** The local storage key of the language the user chose in the user menu. */
export const LANGUAGE_STORAGE_KEY = 'osb-marketplace.language';

/**
 * The language to start in: the one the user chose before (kept in `storage`), else the first of
 * the browser's languages that the marketplace speaks, else English.
 */
export function initialLanguage(
  browserLanguages: readonly string[] = navigator.languages,
  storage?: Pick<Storage, 'getItem'>,
): Language {
  const chosen = readPreference(LANGUAGE_STORAGE_KEY, storage);
  return isLanguage(chosen) ? chosen : preferredLanguage(browserLanguages);
}

/** Remembers the user's choice of language for their next visits. */
export function rememberLanguage(language: Language, storage?: Pick<Storage, 'setItem'>): void {
  writePreference(LANGUAGE_STORAGE_KEY, language, storage);
}
