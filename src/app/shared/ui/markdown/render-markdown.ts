import DOMPurify from 'dompurify';
import { Marked } from 'marked';

import { isSafeMarkdownLink } from '../safe-url/safe-url';

/** The level of the page heading above rendered markdown; markdown headings go below it. */
const ENCLOSING_HEADING_LEVEL = 2;

const markdown = new Marked({
  async: false,
  gfm: true,
  breaks: false,
  renderer: {
    // A broker's `# Title` becomes an <h3>, so the page's heading outline stays in order.
    heading({ tokens, depth }) {
      const level = Math.min(6, depth + ENCLOSING_HEADING_LEVEL);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
  },
});

let purifier: ReturnType<typeof DOMPurify> | undefined;

/**
 * Renders untrusted markdown (a broker's long description) to HTML that is safe to insert
 * below a section heading (`#` becomes `<h3>`):
 * no scripts, styles, forms, frames or event handlers; links only to http, https and mailto,
 * opened in a new tab without referrer or opener; images only from http, https or data URLs.
 */
export function renderMarkdown(source: string): string {
  const html = markdown.parse(source, { async: false });
  return sanitizer().sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
    FORBID_ATTR: ['style', 'id', 'name'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|data:image\/)/i,
  });
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
