import { loadedLanguage } from './load-language';

/** The messages of a count: for exactly one thing (in the loaded language's rules) and for any other count. */
export interface PluralMessages {
  one: () => string;
  other: () => string;
}

/**
 * Picks the plural form of a message written in code (`$localize` has no ICU plurals; templates
 * use ICU): `plural(n, { one: () => $localize`…${n} item…`, other: () => $localize`…${n} items…` })`.
 */
export function plural(count: number, messages: PluralMessages): string {
  return new Intl.PluralRules(loadedLanguage()).select(count) === 'one' ? messages.one() : messages.other();
}
