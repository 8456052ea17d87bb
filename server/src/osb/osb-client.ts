/**
 * A typed client for one OSB broker (API version 2.17). Each OSB operation is a small method:
 * `catalog` throws a `BrokerError` on any failure; the lifecycle methods report every answer
 * as a `BrokerReply` for the classification to judge. All go through `request`, which adds the
 * headers every call needs, enforces the timeout and the size limit, and turns every failure
 * into a `BrokerError`.
 */
import { randomUUID } from 'node:crypto';
import { isJsonObject } from '@osb/json-schema';
import { BrokerError, parseErrorBody } from './broker-error.ts';
import { MAX_JSON_DEPTH, exceedsJsonDepth, tryParseJson } from './broker-reply.ts';
import { sendToBroker } from './broker-gateway.ts';
import type { BrokerReply } from './broker-reply.ts';
import {
  buildBindingLastOperationRequest,
  buildBindRequest,
  buildDeprovisionRequest,
  buildFetchBindingRequest,
  buildFetchInstanceRequest,
  buildLastOperationRequest,
  buildProvisionRequest,
  buildUnbindRequest,
  buildUpdateRequest,
  type BindInput,
  type BindingRef,
  type InstanceRef,
  type ProvisionInput,
  type RequestingUser,
  type OsbRequest,
  type OsbResponse,
  type UpdateInput,
} from './requests.ts';

/** The OSB API version this platform speaks. */
const OSB_API_VERSION = '2.17';

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
  /** Per-request timeout in seconds of the lifecycle requests. */
  timeoutSeconds: number;
  /** Timeout in seconds of `GET /v2/catalog` (default: `timeoutSeconds`). */
  catalogTimeoutSeconds?: number;
}

/** The lifecycle requests of one broker; each reports the answer, whatever it is, and never throws. */
export interface BrokerOperations {
  /** `PUT /v2/service_instances/:id`. */
  provision(input: ProvisionInput): Promise<BrokerReply>;
  /** `PATCH /v2/service_instances/:id`. */
  update(input: UpdateInput): Promise<BrokerReply>;
  /** `DELETE /v2/service_instances/:id`; without a user for orphan mitigation. */
  deprovision(ref: InstanceRef, user?: RequestingUser): Promise<BrokerReply>;
  /** `GET /v2/service_instances/:id/last_operation`. */
  lastOperation(ref: InstanceRef, operation: string | undefined): Promise<BrokerReply>;
  /** `GET /v2/service_instances/:id`. */
  fetchInstance(ref: InstanceRef): Promise<BrokerReply>;
  /** `PUT …/service_bindings/:bid`. */
  bind(input: BindInput): Promise<BrokerReply>;
  /** `DELETE …/service_bindings/:bid`; without a user for orphan mitigation. */
  unbind(ref: BindingRef, user?: RequestingUser): Promise<BrokerReply>;
  /** `GET …/service_bindings/:bid`: the binding with its credentials. */
  fetchBinding(ref: BindingRef): Promise<BrokerReply>;
  /** `GET …/service_bindings/:bid/last_operation`. */
  bindingLastOperation(ref: BindingRef, operation: string | undefined): Promise<BrokerReply>;
}

/** Talks to one broker. */
export class OsbClient implements BrokerOperations {
  /** @param options the broker's URL, credentials, the platform's public URL and the timeouts */
  constructor(private readonly options: OsbClientOptions) {}

  /** `GET /v2/catalog`: the broker's raw catalog, to be checked with `validateCatalog`. */
  async catalog(): Promise<unknown> {
    const request: OsbRequest = { method: 'GET', path: ['catalog'] };
    if (this.options.catalogTimeoutSeconds !== undefined) request.timeoutSeconds = this.options.catalogTimeoutSeconds;
    return (await this.request(request, [200])).body;
  }

  provision(input: ProvisionInput): Promise<BrokerReply> {
    return sendToBroker(this, buildProvisionRequest(input));
  }

  update(input: UpdateInput): Promise<BrokerReply> {
    return sendToBroker(this, buildUpdateRequest(input));
  }

  deprovision(ref: InstanceRef, user?: RequestingUser): Promise<BrokerReply> {
    return sendToBroker(this, buildDeprovisionRequest(ref, user));
  }

  lastOperation(ref: InstanceRef, operation: string | undefined): Promise<BrokerReply> {
    return sendToBroker(this, buildLastOperationRequest(ref, operation));
  }

  fetchInstance(ref: InstanceRef): Promise<BrokerReply> {
    return sendToBroker(this, buildFetchInstanceRequest(ref));
  }

  bind(input: BindInput): Promise<BrokerReply> {
    return sendToBroker(this, buildBindRequest(input));
  }

  unbind(ref: BindingRef, user?: RequestingUser): Promise<BrokerReply> {
    return sendToBroker(this, buildUnbindRequest(ref, user));
  }

  fetchBinding(ref: BindingRef): Promise<BrokerReply> {
    return sendToBroker(this, buildFetchBindingRequest(ref));
  }

  bindingLastOperation(ref: BindingRef, operation: string | undefined): Promise<BrokerReply> {
    return sendToBroker(this, buildBindingLastOperationRequest(ref, operation));
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

    const timeoutSeconds = request.timeoutSeconds ?? this.options.timeoutSeconds;
    const timeoutMs = timeoutSeconds * 1000;
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
      throw toTransportError(error, timeoutSeconds);
    }

    if (exceedsJsonDepth(text, MAX_JSON_DEPTH)) {
      throw new BrokerError(
        'invalid-response',
        `The broker's answer is nested more than ${MAX_JSON_DEPTH} levels deep`,
        response.status,
      );
    }
    const retryAfter = response.headers.get('retry-after') ?? undefined;
    if (!expectedStatuses.includes(response.status)) {
      const body = parseErrorBody(text);
      const detail = body.description ? `: ${body.description}` : '';
      throw new BrokerError('http', `The broker answered HTTP ${response.status}${detail}`, response.status, body);
    }
    const parsed = text.trim() === '' ? {} : tryParseJson(text);
    if (!isJsonObject(parsed)) {
      throw new BrokerError(
        'invalid-response',
        'The broker answered with something that is not a JSON object',
        response.status,
      );
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
      throw new BrokerError(
        'invalid-response',
        `The broker's answer is larger than ${limit / 1024 / 1024} MB`,
        response.status,
      );
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
