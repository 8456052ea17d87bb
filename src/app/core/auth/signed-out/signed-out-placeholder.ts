/**
 * The signed-out page's text before the app starts: `index.html` holds it in each language (a
 * `<template id="mp-signed-out-<language>">`, checked against the translations by
 * `signed-out-placeholder.spec.ts`), and `main.ts` puts the one in the user's language below the
 * frame's toolbar, where the page will show it. The app replaces it when it starts. Nothing here
 * needs Angular.
 */
import { isSignedOutPage } from '../sign-in-start';

/**
 * Shows the signed-out page's text in `language` under the toolbar that `index.html` paints, if
 * `path` (the document's) is the signed-out page and the document holds the text in that language.
 */
export function showSignedOutPlaceholder(document: Document, path: string, language: string): void {
  const template = document.getElementById(`mp-signed-out-${language}`);
  const frame = document.querySelector('mp-root > mp-shell');
  if (isSignedOutPage(path) && template instanceof HTMLTemplateElement && frame) {
    frame.append(template.content.cloneNode(true));
  }
}
