/**
 * A typed client for one OSB broker (API version 2.17). Each OSB operation is a small method over
 * `request`, which adds the headers every call needs, enforces the timeout and the size limit,
 * and turns every failure into a `BrokerError`.
 */
import { randomUUID } from 'node:crypto';
import { BrokerError, MAX_JSON_DEPTH, exceedsJsonDepth, isRecord, parseErrorBody, tryParseJson } from './broker-error.ts';

/** The OSB API version this platform speaks. */
export const OSB_API_VERSION = '2.17';

/** Largest broker response the client reads (a catalog with many schemas stays well below). */
const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/** How to reach one broker. */
export interface OsbClientOptions {
  /** Base URL of the broker's OSB API, without `/v2`. */
  url: string;
  username: string;
  password: string;
  /** The platform's public URL; the client sends `X-Api-Info-Location: <publicUrl>/info`. */
  publicUrl: string;
  /** Per-request timeout in seconds. */
  timeoutSeconds: number;
}

/** One broker request. */
export interface OsbRequest {
  method: 'GET' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path segments below `/v2`, each percent-encoded by the client (for example `['service_instances', id]`). */
  path: string[];
  query?: Record<string, string | boolean | undefined>;
  body?: unknown;
  /** `X-Broker-API-Originating-Identity`, sent on user-initiated requests. */
  originatingIdentity?: { platform: string; user: Record<string, string> };
}

/** A broker's answer with any 2xx-4xx status the caller asked to accept. */
export interface OsbResponse<T = unknown> {
  status: number;
  body: T;
  /** The `Retry-After` header, if any (polling honours it). */
  retryAfter?: string;
}

/** Talks to one broker. */
export class OsbClient {
  /** @param options the broker's URL, credentials, the platform's public URL and the timeout */
  constructor(private readonly options: OsbClientOptions) {}

  /** `GET /v2/catalog`: the broker's raw catalog, to be checked with `validateCatalog`. */
  async fetchCatalog(): Promise<unknown> {
    const response = await this.request({ method: 'GET', path: ['catalog'] }, [200]);
    return response.body;
  }

  /**
   * Sends one request. Answers with a status listed in `expectedStatuses` resolve with the
   * parsed JSON body (which must be an object); every other outcome throws a `BrokerError`.
   */
  async request<T = Record<string, unknown>>(request: OsbRequest, expectedStatuses: number[]): Promise<OsbResponse<T>> {
    const url = this.buildUrl(request);
    const headers: Record<string, string> = {
      'X-Broker-API-Version': OSB_API_VERSION,
      'X-Broker-API-Request-Identity': randomUUID(),
      'X-Api-Info-Location': `${this.options.publicUrl}/info`,
      Authorization: `Basic ${Buffer.from(`${this.options.username}:${this.options.password}`).toString('base64')}`,
      Accept: 'application/json',
    };
    if (request.originatingIdentity) {
      const encoded = Buffer.from(JSON.stringify(request.originatingIdentity.user)).toString('base64');
      headers['X-Broker-API-Originating-Identity'] = `${request.originatingIdentity.platform} ${encoded}`;
    }
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';

    const timeoutMs = this.options.timeoutSeconds * 1000;
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
      text = await readLimited(response, MAX_RESPONSE_BYTES);
    } catch (error) {
      throw toTransportError(error, this.options.timeoutSeconds);
    }

    if (exceedsJsonDepth(text, MAX_JSON_DEPTH)) {
      throw new BrokerError('invalid-response', `The broker's answer is nested more than ${MAX_JSON_DEPTH} levels deep`, response.status);
    }
    const retryAfter = response.headers.get('retry-after') ?? undefined;
    if (!expectedStatuses.includes(response.status)) {
      const body = parseErrorBody(text);
      const detail = body.description ? `: ${body.description}` : '';
      throw new BrokerError('http', `The broker answered HTTP ${response.status}${detail}`, response.status, body);
    }
    const parsed = text.trim() === '' ? {} : tryParseJson(text);
    if (!isRecord(parsed)) {
      throw new BrokerError('invalid-response', 'The broker answered with something that is not a JSON object', response.status);
    }
    return { status: response.status, body: parsed as T, retryAfter };
  }

  private buildUrl(request: OsbRequest): string {
    const path = request.path.map((segment) => encodeURIComponent(segment)).join('/');
    const url = new URL(`${this.options.url.replace(/\/+$/, '')}/v2/${path}`);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url.toString();
  }
}

async function readLimited(response: Response, limit: number): Promise<string> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limit) {
      await response.body.cancel().catch(() => undefined);
      throw new BrokerError('invalid-response', `The broker's answer is larger than ${limit / 1024 / 1024} MB`, response.status);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function toTransportError(error: unknown, timeoutSeconds: number): BrokerError {
  if (error instanceof BrokerError) return error;
  const name = (error as Error | undefined)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new BrokerError('timeout', `The broker did not answer within ${timeoutSeconds} s`);
  }
  const cause = (error as { cause?: { code?: string } } | undefined)?.cause;
  if (cause?.code !== undefined && BROKEN_CONNECTION_CODES.has(cause.code)) {
    return new BrokerError('interrupted', 'The broker closed the connection without answering');
  }
  const code = cause?.code ? ` (${cause.code === 'ECONNREFUSED' ? 'connection refused' : cause.code})` : '';
  return new BrokerError('unreachable', `The broker could not be reached${code}`);
}

/** Error codes of a connection that broke after the request was sent. */
const BROKEN_CONNECTION_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
