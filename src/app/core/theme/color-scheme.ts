import { readPreference } from '../preferences/local-preferences';

/** The colour schemes a user can choose: follow the system (`prefers-color-scheme`), light or dark. */
const THEMES = ['system', 'light', 'dark'] as const;

/** A colour scheme the user can choose. */
export type Theme = (typeof THEMES)[number];

/** The local storage key of the colour scheme the user chose in the user menu. */
export const THEME_STORAGE_KEY = 'osb-marketplace.theme';

/** Whether a value names a colour scheme the user can choose. */
export function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

/** The colour scheme the user chose before, else `system`. */
export function initialTheme(storage?: Pick<Storage, 'getItem'>): Theme {
  const chosen = readPreference(THEME_STORAGE_KEY, storage);
  return isTheme(chosen) ? chosen : 'system';
}

/**
 * Shows `element` and everything in it in a colour scheme. The Material theme in styles.scss
 * uses `light-dark()` colours, which follow the element's CSS `color-scheme`: `light dark` lets
 * the browser pick by `prefers-color-scheme`, `light` or `dark` forces one.
 */
export function applyTheme(element: HTMLElement, theme: Theme): void {
  element.style.colorScheme = theme === 'system' ? 'light dark' : theme;
  element.dataset['theme'] = theme;
}
