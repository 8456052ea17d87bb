import { TestBed } from '@angular/core/testing';

import { THEME_STORAGE_KEY, applyTheme, initialTheme } from './color-scheme';
import { THEME_ROOT, ThemeSettings } from './theme';

describe('colour schemes', () => {
  afterEach(() => localStorage.removeItem(THEME_STORAGE_KEY));

  it('lets the system decide, or forces light or dark, through the CSS color-scheme', () => {
    const element = document.createElement('div');
    applyTheme(element, 'system');
    expect(element.style.colorScheme).toBe('light dark');
    applyTheme(element, 'dark');
    expect(element.style.colorScheme).toBe('dark');
    expect(element.dataset['theme']).toBe('dark');
    applyTheme(element, 'light');
    expect(element.style.colorScheme).toBe('light');
  });

  it('follows the system until the user chooses, then remembers the choice', () => {
    expect(initialTheme()).toBe('system');
    const root = document.createElement('div');
    TestBed.configureTestingModule({ providers: [{ provide: THEME_ROOT, useValue: root }] });
    const settings = TestBed.inject(ThemeSettings);
    expect(settings.current()).toBe('system');

    settings.choose('dark');
    expect(settings.current()).toBe('dark');
    expect(root.style.colorScheme).toBe('dark');
    expect(initialTheme()).toBe('dark');
  });

  it('ignores a stored value that is no colour scheme', () => {
    localStorage.setItem(THEME_STORAGE_KEY, 'sepia');
    expect(initialTheme()).toBe('system');
  });
});
