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

/**
 * The URL if a broker image (icon or image in markdown) may load from it, so a broker cannot
 * watch who looks at its services: `data:image/...` URLs, URLs of the UI's own origin, and http
 * or https URLs on one of `allowedHosts`. An entry is a host name (any port), a host and port
 * (`images.example.com:8443`), or `*.` and a domain for its subdomains (`*.example.com`).
 */
export function allowedImageUrl(url: string | null | undefined, allowedHosts: readonly string[]): string | undefined {
  const safe = safeImageUrl(url);
  if (!safe || safe.startsWith('data:')) {
    return safe;
  }
  const parsed = new URL(safe);
  if (parsed.origin === globalThis.location?.origin) {
    return safe;
  }
  const allowed = allowedHosts.some((entry) => {
    const host = entry.toLowerCase();
    const candidate = host.includes(':') ? parsed.host : parsed.hostname;
    return host.startsWith('*.') ? candidate.endsWith(host.slice(1)) : candidate === host;
  });
  return allowed ? safe : undefined;
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
