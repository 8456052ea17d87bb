import { Injectable, LOCALE_ID, type Provider, inject } from '@angular/core';

import { rememberLanguage } from './language-preference';
import { type Language, isLanguage, SOURCE_LANGUAGE } from './languages';

/**
 * The providers that make a loaded language the app's: `LOCALE_ID` for Angular's pipes and
 * the marketplace's own formatting. Pair with `loadLanguage`, which must have run before.
 */
export function provideLanguage(language: Language): Provider[] {
  return [{ provide: LOCALE_ID, useValue: language }];
}

/**
 * The language the app speaks and the user's way to change it. A new language takes effect
 * after a reload, since Angular translates templates once; an embedding host that sets the
 * language itself provides its own implementation.
 */
@Injectable({ providedIn: 'root' })
export class LanguageSettings {
  private readonly localeId = inject(LOCALE_ID);

  /** The language the app speaks now. */
  readonly current: Language = isLanguage(this.localeId) ? this.localeId : SOURCE_LANGUAGE;

  /** Remembers the chosen language and starts the app again in it. */
  choose(language: Language): void {
    if (language === this.current) return;
    rememberLanguage(language);
    location.reload();
  }
}
