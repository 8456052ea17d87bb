import '@angular/localize/init';

import { applicationConfig, type Decorator, type Preview } from '@storybook/angular-vite';

import { isLanguage, type Language } from '../src/app/core/i18n/languages';
import { loadedLanguage, loadLanguage } from '../src/app/core/i18n/load-language';
import { provideLanguage } from '../src/app/core/i18n/provide-language';
import { applyTheme, isTheme } from '../src/app/core/theme/color-scheme';
import { provideAppIcons } from '../src/app/shared/ui/icons/app-icons';

/** Whether a story has been shown in this page yet (its components' templates are then translated). */
let storyShown = false;

/**
 * Loads the language chosen in the toolbar before the story renders. Angular translates a
 * component's template once per page, so another language after the first story needs a fresh
 * page: the preview reloads, and the toolbar's choice carries over.
 */
async function loadToolbarLanguage({ globals }: { globals: Record<string, unknown> }): Promise<void> {
  const language: Language = isLanguage(globals['locale']) ? globals['locale'] : 'en';
  if (language !== loadedLanguage()) {
    if (storyShown) {
      location.reload();
      await new Promise<never>(() => undefined);
    }
    // The translation files are served under i18n/ (see staticDirs in main.ts).
    await loadLanguage(language, { baseUrl: new URL('./', location.href) });
  }
  document.documentElement.lang = language;
  storyShown = true;
}

/** The app-wide providers of shared UI: the bundled icons and the toolbar's language. */
const withAppProviders: Decorator = (story, context) => {
  const language: Language = isLanguage(context.globals['locale']) ? context.globals['locale'] : 'en';
  return applicationConfig({ providers: [provideAppIcons(), provideLanguage(language)] })(story, context);
};

/** Shows the story in the colour scheme chosen in the toolbar. */
const withTheme: Decorator = (story, context) => {
  const theme = context.globals['theme'];
  applyTheme(document.documentElement, isTheme(theme) ? theme : 'light');
  return story();
};

/**
 * Global story setup: toolbar switches for the language and the colour scheme, so broker
 * authors can review their forms in English and German, light and dark; the app-wide providers
 * that shared UI relies on. The app's global styles (the Material 3 theme in src/styles.scss)
 * and its change detection come from angular.json through angular-build-options.ts. The app
 * needs no animations provider: Angular Material 21 animates with CSS.
 */
const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Language of the marketplace',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'de', title: 'Deutsch' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Colour scheme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
          { value: 'system', title: 'Same as system', icon: 'browser' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light' },
  loaders: [loadToolbarLanguage],
  decorators: [withTheme, withAppProviders],
  parameters: {
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
  },
};

export default preview;
