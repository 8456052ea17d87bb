/**
 * The marketplace's languages: choosing one (`initialLanguage`), loading its translations and
 * locale data before the app starts (`loadLanguage`), and the providers that make it the app's
 * (`provideLanguage`). See docs/i18n.md.
 */
export { initialLanguage, LANGUAGE_STORAGE_KEY, rememberLanguage } from './language-preference';
export { type Language, LANGUAGE_NAMES, LANGUAGES, isLanguage, languageOfTag, preferredLanguage, SOURCE_LANGUAGE } from './languages';
export { loadedLanguage, loadLanguage, type LoadLanguageOptions, TRANSLATIONS_PATH } from './load-language';
export { LanguageSettings, provideLanguage } from './provide-language';
export { plural, type PluralMessages } from './plural';
export { parseXliffTranslations } from './xliff';
