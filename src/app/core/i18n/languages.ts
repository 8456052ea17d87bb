/** The languages the marketplace speaks, by their BCP 47 primary language subtag. */
export const LANGUAGES = ['en', 'de'] as const;

/** A language the marketplace speaks. */
export type Language = (typeof LANGUAGES)[number];

/** The language of the message texts in the source code: it needs no translations. */
export const SOURCE_LANGUAGE = 'en' satisfies Language;

/** Each language's name in that language, for the language menu. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', de: 'Deutsch' };

/** Whether a value names a language the marketplace speaks (exactly, for example `de`). */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language the marketplace speaks for a language tag such as `de-DE` or `en_GB`, by its
 * primary subtag; undefined for tags of other languages.
 */
export function languageOfTag(tag: string | null | undefined): Language | undefined {
  const primary = tag?.trim().split(/[-_]/)[0]?.toLowerCase();
  return isLanguage(primary) ? primary : undefined;
}

/**
 * The first language in `preferences` (most preferred first, for example `navigator.languages`)
 * that the marketplace speaks, else the source language.
 */
export function preferredLanguage(preferences: readonly (string | null | undefined)[]): Language {
  for (const tag of preferences) {
    const language = languageOfTag(tag);
    if (language) return language;
  }
  return SOURCE_LANGUAGE;
}
