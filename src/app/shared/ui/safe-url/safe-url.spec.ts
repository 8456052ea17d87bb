import { allowedImageUrl, isSafeMarkdownLink, safeImageUrl, safeLinkUrl } from './safe-url';

describe('safe URLs', () => {
  it('allows http and https links only', () => {
    expect(safeLinkUrl('https://docs.example.com/db')).toBe('https://docs.example.com/db');
    expect(safeLinkUrl(' http://example.com ')).toBe('http://example.com/');
    expect(safeLinkUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeLinkUrl('JaVaScRiPt:alert(1)')).toBeUndefined();
    expect(safeLinkUrl('data:text/html,<script>alert(1)</script>')).toBeUndefined();
    expect(safeLinkUrl('/relative/path')).toBeUndefined();
    expect(safeLinkUrl('ftp://example.com')).toBeUndefined();
    expect(safeLinkUrl(undefined)).toBeUndefined();
    expect(safeLinkUrl('')).toBeUndefined();
  });

  it('allows data:image icons besides http and https', () => {
    expect(safeImageUrl('data:image/png;base64,iVBORw0KGgo=')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(safeImageUrl('data:image/svg+xml,%3Csvg%3E')).toBe('data:image/svg+xml,%3Csvg%3E');
    expect(safeImageUrl('https://cdn.example.com/icon.png')).toBe('https://cdn.example.com/icon.png');
    expect(safeImageUrl('data:text/html;base64,PHNjcmlwdD4=')).toBeUndefined();
    expect(safeImageUrl('javascript:alert(1)')).toBeUndefined();
  });

  it('allows mailto besides http and https in markdown', () => {
    expect(isSafeMarkdownLink('mailto:support@example.com')).toBe(true);
    expect(isSafeMarkdownLink('https://example.com')).toBe(true);
    expect(isSafeMarkdownLink('javascript:alert(1)')).toBe(false);
    expect(isSafeMarkdownLink('vbscript:msgbox')).toBe(false);
    expect(isSafeMarkdownLink('#top')).toBe(false);
  });

  describe('allowedImageUrl', () => {
    const hosts = ['cdn.example.com', 'images.example.org:8443', '*.example.net'];

    it('allows data images and the own origin, and no other host by default', () => {
      expect(allowedImageUrl('data:image/svg+xml,%3Csvg%3E', [])).toBe('data:image/svg+xml,%3Csvg%3E');
      expect(allowedImageUrl(`${location.origin}/icon.png`, [])).toBe(`${location.origin}/icon.png`);
      expect(allowedImageUrl('https://cdn.example.com/icon.png', [])).toBeUndefined();
    });

    it('allows the configured hosts, ports and subdomains only', () => {
      expect(allowedImageUrl('https://cdn.example.com/icon.png', hosts)).toBe('https://cdn.example.com/icon.png');
      expect(allowedImageUrl('http://CDN.example.com:8080/icon.png', hosts)).toBe(
        'http://cdn.example.com:8080/icon.png',
      );
      expect(allowedImageUrl('https://images.example.org:8443/i.png', hosts)).toBe(
        'https://images.example.org:8443/i.png',
      );
      expect(allowedImageUrl('https://images.example.org/i.png', hosts)).toBeUndefined();
      expect(allowedImageUrl('https://a.b.example.net/i.png', hosts)).toBe('https://a.b.example.net/i.png');
      expect(allowedImageUrl('https://example.net/i.png', hosts)).toBeUndefined();
      expect(allowedImageUrl('https://cdn.example.com.tracker.io/i.png', hosts)).toBeUndefined();
      expect(allowedImageUrl('https://cdn.example.com@tracker.io/i.png', hosts)).toBeUndefined();
      expect(allowedImageUrl('https://evilexample.net/i.png', hosts)).toBeUndefined();
      expect(allowedImageUrl('javascript:alert(1)', hosts)).toBeUndefined();
      expect(allowedImageUrl('data:text/html,x', hosts)).toBeUndefined();
    });
  });
});
