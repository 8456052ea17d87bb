/**
 * The request log of one broker prefix: the last requests a platform sent, for tests and
 * demos (`GET <prefix>/demo/requests`). It holds what was received, never what was answered,
 * so credentials handed out by the broker never appear in it.
 */

/** The OSB headers the log keeps (lower-case names). */
const LOGGED_HEADERS = [
  'x-broker-api-version',
  'x-broker-api-originating-identity',
  'x-broker-api-request-identity',
  'x-api-info-location',
] as const;

/** One received request. */
export interface LoggedRequest {
  receivedAt: string;
  method: string;
  /** The path without the query, including the broker prefix. */
  path: string;
  query: Record<string, unknown>;
  /** The OSB headers that were present, by lower-case name. */
  headers: Partial<Record<(typeof LOGGED_HEADERS)[number], string>>;
  /** The JSON body, if any. */
  body?: unknown;
}

/** A ring buffer of the most recent requests. */
export class RequestLog {
  private entries: LoggedRequest[] = [];

  constructor(private readonly capacity = 200) {}

  /** Records a request, dropping the oldest one when full. */
  record(request: {
    method: string;
    url: string;
    query: unknown;
    headers: Record<string, string | string[] | undefined>;
    body: unknown;
  }): void {
    const headers: LoggedRequest['headers'] = {};
    for (const name of LOGGED_HEADERS) {
      const value = request.headers[name];
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    this.entries.push({
      receivedAt: new Date().toISOString(),
      method: request.method,
      path: request.url.split('?')[0] ?? request.url,
      query: { ...(request.query as Record<string, unknown> | undefined) },
      headers,
      ...(request.body !== undefined ? { body: structuredClone(request.body) } : {}),
    });
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  /** The recorded requests, oldest first. */
  list(): readonly LoggedRequest[] {
    return this.entries;
  }

  /** Forgets every recorded request. */
  clear(): void {
    this.entries = [];
  }
}
