/**
 * The `<osb-marketplace>` custom element: the marketplace for host pages (docs/embedding.md).
 * Loaded as a module script (`/embed/osb-marketplace.js`), it defines the element once. The
 * language is chosen before the application's modules are imported, since `$localize`
 * translates messages when their module is evaluated.
 */

import { type Language, SOURCE_LANGUAGE, languageOfTag, loadLanguage } from './app/core/i18n';

/** The element's tag name. */
const TAG_NAME = 'osb-marketplace';

async function defineElement(): Promise<void> {
  if (customElements.get(TAG_NAME)) {
    return;
  }
  const language = await startLanguage();
  const [{ createApplication }, { createCustomElement }, { embedConfig }, { MarketplaceElement }] = await Promise.all([
    import('@angular/platform-browser'),
    import('@angular/elements'),
    import('./app/embed/embed.config'),
    import('./app/embed/marketplace-element'),
  ]);
  const app = await createApplication(embedConfig(language));
  customElements.define(TAG_NAME, createCustomElement(MarketplaceElement, { injector: app.injector }));
}

/**
 * Loads the language of the page's first `<osb-marketplace lang>`, else of the host document,
 * if the element speaks it (English otherwise, also when its translations fail to load). The
 * translations come from the platform that serves the element.
 */
async function startLanguage(): Promise<Language> {
  const element = document.querySelector(TAG_NAME);
  const language =
    languageOfTag(element?.getAttribute('lang')) ?? languageOfTag(document.documentElement.lang) ?? SOURCE_LANGUAGE;
  try {
    await loadLanguage(language, { baseUrl: new URL('/', import.meta.url) });
    return language;
  } catch (error) {
    console.error(error);
    await loadLanguage(SOURCE_LANGUAGE);
    return SOURCE_LANGUAGE;
  }
}

defineElement().catch((error: unknown) => console.error('The marketplace element could not start', error));
