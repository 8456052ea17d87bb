/**
 * The `<osb-marketplace>` custom element: the marketplace for host pages (docs/embedding.md).
 * Loaded as a module script (`/embed/osb-marketplace.js`), it defines the element once. The
 * language is chosen before the application's modules are imported, since `$localize`
 * translates messages when their module is evaluated.
 */

import { type Language, languageOfTag, SOURCE_LANGUAGE } from './app/core/i18n/languages';
import { loadLanguage } from './app/core/i18n/load-language';
import { provideLanguage } from './app/core/i18n/provide-language';

/** The element's tag name. */
const TAG_NAME = 'osb-marketplace';


async function defineElement(): Promise<void> {
  if (customElements.get(TAG_NAME)) {
    return;
  }
  const language = await prepareLanguage(requestedLanguage());
  const [{ createApplication }, { createCustomElement }, { embedConfig }, { MarketplaceElement }] = await Promise.all([
    import('@angular/platform-browser'),
    import('@angular/elements'),
    import('./app/embed/embed.config'),
    import('./app/embed/marketplace-element'),
  ]);
  const app = await createApplication({ ...embedConfig, providers: [...embedConfig.providers, provideLanguage(language)] });
  customElements.define(TAG_NAME, createCustomElement(MarketplaceElement, { injector: app.injector }));
}

/**
 * The language of the page's first `<osb-marketplace lang>`, else of the host document, if the
 * element speaks it; English otherwise.
 */
function requestedLanguage(): Language {
  const tag = document.querySelector(TAG_NAME)?.getAttribute('lang') || document.documentElement.lang;
  return languageOfTag(tag) ?? SOURCE_LANGUAGE;
}

/**
 * Loads the translations and locale data of `language` (from the `i18n/` folder next to this
 * script) before the application's modules are imported; English if they cannot be loaded.
 */
async function prepareLanguage(language: Language): Promise<Language> {
  try {
    await loadLanguage(language, { baseUrl: new URL('./', import.meta.url) });
    return language;
  } catch (error) {
    console.error('The marketplace element could not load its translations; it speaks English', error);
    return SOURCE_LANGUAGE;
  }
}

defineElement().catch((error: unknown) => console.error('The marketplace element could not start', error));
