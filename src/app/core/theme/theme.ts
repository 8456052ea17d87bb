import { Injectable, InjectionToken, inject, signal } from '@angular/core';

import { writePreference } from '../preferences/local-preferences';
import { THEME_STORAGE_KEY, type Theme, applyTheme, initialTheme } from './color-scheme';

/** The element whose colour scheme the user's choice sets: the document's root by default. */
export const THEME_ROOT = new InjectionToken<HTMLElement>('THEME_ROOT', {
  providedIn: 'root',
  factory: () => document.documentElement,
});

/** The colour scheme the app shows and the user's way to change it (remembered for next visits). */
@Injectable({ providedIn: 'root' })
export class ThemeSettings {
  private readonly root = inject(THEME_ROOT);
  private readonly theme = signal(initialTheme());

  /** The colour scheme chosen now. */
  readonly current = this.theme.asReadonly();

  /** Shows the app in `theme` from now on and remembers the choice. */
  choose(theme: Theme): void {
    this.theme.set(theme);
    applyTheme(this.root, theme);
    writePreference(THEME_STORAGE_KEY, theme);
  }
}
