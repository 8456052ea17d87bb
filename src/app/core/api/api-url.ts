/**
 * Whether a request URL points at the platform API, so that it may carry the access token.
 * Both URLs are resolved against the document's base URL; the request must share the API's
 * origin and lie at or below its path (`/api` matches `/api/me`, never `/apix` or another host).
 */
export function isApiUrl(requestUrl: string, apiBaseUrl: string, documentBaseUrl: string): boolean {
  const request = new URL(requestUrl, documentBaseUrl);
  const api = new URL(apiBaseUrl, documentBaseUrl);
  const apiRoot = api.pathname.replace(/\/+$/, '');
  return request.origin === api.origin && (request.pathname === apiRoot || request.pathname.startsWith(`${apiRoot}/`));
}

/** Joins the API base URL and a path below it (`/api` + `catalog` gives `/api/catalog`). */
export function apiUrl(apiBaseUrl: string, ...segments: string[]): string {
  const base = apiBaseUrl.replace(/\/+$/, '');
  return [base, ...segments.map(encodeURIComponent)].join('/');
}
