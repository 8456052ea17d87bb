/** The messages of a count: for exactly one thing (in the loaded language's rules) and for any other count. */
export interface PluralMessages {
  one: () => string;
  other: () => string;
}

/**
 * Picks the plural form, by the rules of the loaded language (`$localize.locale`), of a message written in code (`$localize` has no ICU plurals; templates
 * use ICU): `plural(n, { one: () => $localize`…${n} item…`, other: () => $localize`…${n} items…` })`.
 */
export function plural(count: number, messages: PluralMessages): string {
  return new Intl.PluralRules($localize.locale || 'en').select(count) === 'one' ? messages.one() : messages.other();
}
