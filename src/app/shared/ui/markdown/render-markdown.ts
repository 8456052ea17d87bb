import DOMPurify from 'dompurify';
import { Marked, type Tokens } from 'marked';

import { allowedImageUrl, isSafeMarkdownLink } from '../safe-url/safe-url';

/** The level of the page heading above rendered markdown; markdown headings go below it. */
const ENCLOSING_HEADING_LEVEL = 2;

const markdown = new Marked({ async: false, gfm: true, breaks: false });

let purifier: ReturnType<typeof DOMPurify> | undefined;

/**
 * One line of plain words that markdown renders as one paragraph of the same text: it starts with
 * a letter (no list, heading or quote), holds no markup, entity, escape or link characters (no
 * `&<>*_[]`…`, `@`, `:` or `www.`), and neither starts nor ends with white space.
 */
const PLAIN_TEXT = /^(?!.*www\.)\p{L}[\p{L}\p{N} ,.;?!'"()%/-]*(?<! )$/iu;

/** Whether markdown would render `source` as one paragraph of the same text (see {@link PLAIN_TEXT}). */
export function isPlainText(source: string): boolean {
  return PLAIN_TEXT.test(source);
}

/**
 * Renders untrusted markdown (a broker's long description) to HTML that is safe to insert
 * below a section heading (its top heading level becomes `<h3>`):
 * no scripts, styles, forms, frames or event handlers; links only to http, https and mailto,
 * opened in a new tab without referrer or opener; images only where `allowedImageUrl` allows
 * them for `imageHosts` (any other image becomes its alternative text), and no other element
 * that loads a resource.
 */
export function renderMarkdown(source: string, imageHosts: readonly string[] = []): string {
  if (isPlainText(source)) {
    // What markdown would make of it, without parsing and sanitising (most field descriptions).
    return `<p>${source}</p>\n`;
  }
  const tokens = markdown.lexer(source);
  // The broker's top heading level becomes <h3>, and the others follow, so the page's outline stays in order.
  const depths = tokens.filter((token) => token.type === 'heading').map((token) => (token as Tokens.Heading).depth);
  const shift = ENCLOSING_HEADING_LEVEL + 1 - Math.min(...depths, ENCLOSING_HEADING_LEVEL + 1);
  markdown.walkTokens(tokens, (token) => {
    if (token.type === 'heading') {
      token.depth = Math.min(6, token.depth + shift);
    }
  });
  const html = markdown.parser(tokens);
  // With RETURN_DOM, DOMPurify returns the <body> holding the clean markup (typed as a Node).
  const body = sanitizer().sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: [
      'style',
      'form',
      'input',
      'button',
      'textarea',
      'select',
      'iframe',
      'object',
      'embed',
      'audio',
      'video',
      'source',
      'track',
      'picture',
    ],
    FORBID_ATTR: ['style', 'id', 'name', 'srcset', 'poster', 'background'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|data:image\/)/i,
    RETURN_DOM: true,
  }) as HTMLElement;
  for (const image of Array.from(body.querySelectorAll('img'))) {
    if (!allowedImageUrl(image.getAttribute('src'), imageHosts)) {
      image.replaceWith(image.getAttribute('alt') ?? '');
    }
  }
  return body.innerHTML;
}

/** One DOMPurify instance with the link hook, so the hook never touches other uses of DOMPurify. */
function sanitizer(): ReturnType<typeof DOMPurify> {
  if (!purifier) {
    purifier = DOMPurify(window);
    purifier.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A') {
        if (!isSafeMarkdownLink(node.getAttribute('href'))) {
          node.removeAttribute('href');
        }
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
    });
  }
  return purifier;
}
