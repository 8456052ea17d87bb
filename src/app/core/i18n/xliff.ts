/**
 * Reads the translations of an XLIFF 1.2 file as written by `ng extract-i18n` (and translated):
 * each `<trans-unit>`'s `<target>`, keyed by the unit's id, in the form `loadTranslations` of
 * `@angular/localize` takes. Placeholders (`<x id="INTERPOLATION"/>`) become `{$INTERPOLATION}`,
 * as Angular's own XLIFF reader writes them. Units without a target are left out, so their
 * English source text shows.
 *
 * Throws when the text is not well-formed XML.
 */
export function parseXliffTranslations(xliff: string): Record<string, string> {
  const document = new DOMParser().parseFromString(xliff, 'application/xml');
  if (document.getElementsByTagName('parsererror').length > 0) {
    throw new Error('The translation file is not well-formed XML.');
  }
  const translations: Record<string, string> = {};
  for (const unit of Array.from(document.getElementsByTagName('trans-unit'))) {
    const id = unit.getAttribute('id');
    const target = unit.getElementsByTagName('target')[0];
    if (id && target) {
      translations[id] = messageText(target);
    }
  }
  return translations;
}

/** The text of a message element, with its placeholders in `{$NAME}` form. */
function messageText(element: Element): string {
  let text = '';
  for (const node of Array.from(element.childNodes)) {
    if (node.nodeType === node.TEXT_NODE || node.nodeType === node.CDATA_SECTION_NODE) {
      text += node.nodeValue ?? '';
    } else if (node instanceof Element) {
      text += node.localName === 'x' ? `{$${node.getAttribute('id') ?? ''}}` : messageText(node);
    }
  }
  return text;
}
