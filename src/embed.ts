/**
 * The `<osb-marketplace>` custom element: the marketplace for host pages (docs/embedding.md).
 * Loaded as a module script (`/embed/osb-marketplace.js`), it defines the element once. The
 * language is chosen before the application's modules are imported, since `$localize`
 * translates messages when their module is evaluated.
 */

/** The element's tag name. */
const TAG_NAME = 'osb-marketplace';

/** The languages the element speaks. */
const LANGUAGES = ['en', 'de'] as const;

async function defineElement(): Promise<void> {
  if (customElements.get(TAG_NAME)) {
    return;
  }
  await prepareLanguage(requestedLanguage());
  const [{ createApplication }, { createCustomElement }, { embedConfig }, { MarketplaceElement }] = await Promise.all([
    import('@angular/platform-browser'),
    import('@angular/elements'),
    import('./app/embed/embed.config'),
    import('./app/embed/marketplace-element'),
  ]);
  const app = await createApplication(embedConfig);
  customElements.define(TAG_NAME, createCustomElement(MarketplaceElement, { injector: app.injector }));
}

/**
 * The language of the page's first `<osb-marketplace lang>`, else of the host document, if the
 * element speaks it; English otherwise.
 */
function requestedLanguage(): (typeof LANGUAGES)[number] {
  const tag = document.querySelector(TAG_NAME)?.getAttribute('lang') || document.documentElement.lang || 'en';
  const language = tag.toLowerCase().split('-', 1)[0];
  return LANGUAGES.find((candidate) => candidate === language) ?? 'en';
}

/** Loads the translations of `language` before the application's modules are imported. */
async function prepareLanguage(language: (typeof LANGUAGES)[number]): Promise<void> {
  if (language !== 'en') {
    console.warn(`The marketplace element speaks English only in this build; '${language}' was asked for.`);
  }
}

defineElement().catch((error: unknown) => console.error('The marketplace element could not start', error));
