/**
 * Service icons of the demo catalog: small inline SVGs served as `data:` URLs, so the
 * catalog needs no network access to show them.
 */

/** Encodes an SVG document as a base64 `data:image/svg+xml` URL. */
function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

/** A rounded 64×64 tile in `background` with `content` drawn on top. */
function tile(background: string, content: string): string {
  return svgDataUrl(
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">` +
      `<rect width="64" height="64" rx="14" fill="${background}"/>${content}</svg>`,
  );
}

/** Icons by service name. The Secrets Vault deliberately has none (the UI shows its fallback). */
export const serviceIcons = {
  apiGateway: tile(
    '#6d28d9',
    '<path d="M14 24h26l-7-7M50 40H24l7 7" fill="none" stroke="#fff" stroke-width="5" stroke-linecap="round" stroke-linejoin="round"/>',
  ),
  dnsZone: tile(
    '#0f766e',
    '<circle cx="32" cy="32" r="18" fill="none" stroke="#fff" stroke-width="4"/>' +
      '<ellipse cx="32" cy="32" rx="8" ry="18" fill="none" stroke="#fff" stroke-width="3"/>' +
      '<path d="M14 32h36" stroke="#fff" stroke-width="3"/>',
  ),
  cdn: tile('#ea580c', '<path d="M36 10 18 36h12l-4 18 20-28H34z" fill="#fff"/>'),
  backup: tile(
    '#15803d',
    '<path d="M20 34a12 12 0 1 1 4 9" fill="none" stroke="#fff" stroke-width="5" stroke-linecap="round"/>' +
      '<path d="M12 30l8 8 8-8" fill="none" stroke="#fff" stroke-width="5" stroke-linecap="round" stroke-linejoin="round"/>',
  ),
  postgresql: tile(
    '#1d4ed8',
    '<ellipse cx="32" cy="18" rx="16" ry="6" fill="#fff"/>' +
      '<path d="M16 18v28c0 3.3 7.2 6 16 6s16-2.7 16-6V18" fill="none" stroke="#fff" stroke-width="4"/>' +
      '<path d="M16 32c0 3.3 7.2 6 16 6s16-2.7 16-6" fill="none" stroke="#fff" stroke-width="4"/>',
  ),
  objectStorage: tile(
    '#ca8a04',
    '<path d="M14 20h36l-5 32H19z" fill="#fff"/><ellipse cx="32" cy="20" rx="18" ry="5" fill="#fde68a"/>',
  ),
  redis: tile(
    '#dc2626',
    '<path d="M32 12 50 21 32 30 14 21z" fill="#fff"/>' +
      '<path d="M14 31l18 9 18-9M14 41l18 9 18-9" fill="none" stroke="#fff" stroke-width="4" stroke-linejoin="round"/>',
  ),
} as const;
