/**
 * Reads the translations of an XLIFF 1.2 file as written by `ng extract-i18n` (and translated):
 * each `<trans-unit>`'s `<target>`, keyed by the unit's id, in the form `loadTranslations` of
 * `@angular/localize` takes. Placeholders (`<x id="INTERPOLATION"/>`) become `{$INTERPOLATION}`,
 * or `{INTERPOLATION}` inside an ICU expression, as Angular's own XLIFF reader writes them. Units without a target are left out, so their
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

/**
 * The text of a message element, with its placeholders in `{$NAME}` form; inside an ICU
 * expression (`{VAR_PLURAL, plural, …}`) a placeholder stays text, `{NAME}`, as Angular compiles
 * an ICU's cases into one message without substitutions.
 */
function messageText(element: Element, icuDepth = 0): string {
  let text = '';
  for (const node of Array.from(element.childNodes)) {
    if (node.nodeType === node.TEXT_NODE || node.nodeType === node.CDATA_SECTION_NODE) {
      const value = node.nodeValue ?? '';
      text += value;
      icuDepth += (value.match(/\{/g)?.length ?? 0) - (value.match(/\}/g)?.length ?? 0);
    } else if (node instanceof Element) {
      const name = node.getAttribute('id') ?? '';
      if (node.localName !== 'x') {
        text += messageText(node, icuDepth);
      } else {
        text += icuDepth > 0 ? `{${name}}` : `{$${name}}`;
      }
    }
  }
  return text;
}
