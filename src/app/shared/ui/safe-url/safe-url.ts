/**
 * Checks for URLs that come from brokers (untrusted). Only absolute URLs with an allowed scheme
 * pass; anything else (`javascript:`, relative paths, garbage) gives `undefined`.
 */

/** The URL if it is an absolute http or https URL, for links to documentation and support. */
export function safeLinkUrl(url: string | null | undefined): string | undefined {
  const parsed = parseAbsolute(url);
  return parsed && (parsed.protocol === 'http:' || parsed.protocol === 'https:') ? parsed.href : undefined;
}

/** The URL if it is an http, https or `data:image/...` URL, for service icons. */
export function safeImageUrl(url: string | null | undefined): string | undefined {
  const trimmed = url?.trim();
  if (trimmed && /^data:image\/[a-z0-9.+-]+[;,]/i.test(trimmed)) {
    return trimmed;
  }
  return safeLinkUrl(trimmed);
}

/** Whether a link target is allowed in rendered markdown: http, https or mailto. */
export function isSafeMarkdownLink(url: string | null | undefined): boolean {
  const parsed = parseAbsolute(url);
  return !!parsed && ['http:', 'https:', 'mailto:'].includes(parsed.protocol);
}

function parseAbsolute(url: string | null | undefined): URL | undefined {
  const trimmed = url?.trim();
  if (!trimmed || !URL.canParse(trimmed)) {
    return undefined;
  }
  return new URL(trimmed);
}
