/// <reference types="node" />
import { readFileSync } from 'node:fs';

import { LANGUAGES } from '@app/core/i18n/languages';
import { showSignedOutPlaceholder } from './signed-out-placeholder';

/** The messages of the signed-out page that index.html shows before the app starts. */
const MESSAGES = { title: 'signedOutTitle', message: 'signedOutMessage' } as const;

/** The English source and German translation of a message, from the German translation file. */
function message(id: string): { en: string; de: string } {
  const xliff = new DOMParser().parseFromString(readFileSync('src/locale/messages.de.xlf', 'utf8'), 'application/xml');
  const unit = Array.from(xliff.getElementsByTagName('trans-unit')).find((element) => element.id === id);
  const text = (tag: string) => unit?.getElementsByTagName(tag)[0]?.textContent?.trim();
  return { en: text('source')!, de: text('target')! };
}

describe('the signed-out page before the app starts', () => {
  let document: Document;

  beforeEach(() => {
    document = new DOMParser().parseFromString(readFileSync('src/index.html', 'utf8'), 'text/html');
  });

  it('holds the page’s title and message in every language, as the app words them', () => {
    for (const language of LANGUAGES) {
      const template = document.getElementById(`mp-signed-out-${language}`) as HTMLTemplateElement;
      const page = template.content;
      expect(page.querySelector('h1.mp-page-title')?.textContent, language).toBe(message(MESSAGES.title)[language]);
      expect(page.querySelector('.mp-shell__signed-out-message')?.textContent, language).toBe(
        message(MESSAGES.message)[language],
      );
    }
  });

  it('shows the text in the user’s language below the toolbar on the signed-out page', () => {
    showSignedOutPlaceholder(document, '/signed-out', 'de');

    const frame = document.querySelector('mp-root > mp-shell')!;
    expect(frame.querySelector(':scope > header.mp-shell__header')).not.toBeNull();
    expect(frame.querySelector(':scope > .mp-shell__body h1')?.textContent).toBe('Abgemeldet');
    expect(frame.querySelectorAll('h1')).toHaveLength(1);
  });

  it('shows nothing on other pages', () => {
    showSignedOutPlaceholder(document, '/projects/p1', 'en');

    expect(document.querySelector('mp-root h1')).toBeNull();
  });
});
