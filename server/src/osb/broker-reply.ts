/**
 * What the platform gets back from a service broker, and lenient reading of the parts of it
 * that are meant for people (error codes and descriptions).
 *
 * Everything a broker sends is untrusted: these helpers never throw on odd input and cut
 * broker text to a sane length.
 */
import { isJsonObject } from '@osb/json-schema';

/** The answer to one OSB request, as the transport saw it. */
export type BrokerReply =
  | {
      kind: 'response';
      /** HTTP status code. */
      status: number;
      /** The body parsed as JSON; `undefined` when it was empty or not JSON. */
      body: unknown;
      /** The raw `Retry-After` header, if any. */
      retryAfter?: string;
    }
  /** No complete answer in time, or the connection broke after the request was sent. */
  | { kind: 'timeout' }
  /** The request never reached the broker (connection refused, unknown host). */
  | { kind: 'unreachable' };

/** The fields of an OSB error body, read leniently. */
export interface BrokerErrorBody {
  /** The broker's error code, for example `ConcurrencyError`. */
  error?: string;
  /** The broker's message for the user. */
  description?: string;
  /** Whether the instance is still usable after a failed update or deprovision (default true). */
  instanceUsable?: boolean;
  /** Whether a failed update may be repeated (default true). */
  updateRepeatable?: boolean;
}

/** Longest broker text the platform keeps or shows. */
const MAX_BROKER_TEXT_LENGTH = 2000;

/**
 * Cleans broker text for storage and display: only non-empty strings pass, control characters
 * are removed and the text is cut to `maxLength` characters.
 */
export function brokerText(value: unknown, maxLength = MAX_BROKER_TEXT_LENGTH): string | undefined {
  if (typeof value !== 'string') return undefined;
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const cleaned = value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
  if (cleaned === '') return undefined;
  return cleaned.length > maxLength ? `${cleaned.slice(0, maxLength - 1)}…` : cleaned;
}

/**
 * The one reader of OSB error bodies, lenient. Some brokers put JSON-encoded text in `error`
 * (`{"error": "{\"error\":\"ConcurrencyError\",\"description\":\"…\"}"}`) or an object
 * (`{"error": {"code": …, "message": …}}`); both are unpacked. Texts are cut to `maxLength`.
 * Never throws.
 */
export function parseBrokerError(body: unknown, maxLength = MAX_BROKER_TEXT_LENGTH): BrokerErrorBody {
  if (!isJsonObject(body)) return {};
  let error: unknown = body['error'];
  let description: unknown = body['description'];
  if (typeof error === 'string' && error.trim().startsWith('{')) {
    error = tryParseJson(error) ?? error;
  }
  if (isJsonObject(error)) {
    const inner = error;
    description ??= inner['description'] ?? inner['message'];
    error = inner['error'] ?? inner['code'];
  }
  const result: BrokerErrorBody = {};
  const code = brokerText(error, maxLength);
  if (code !== undefined && /^[A-Za-z][A-Za-z0-9_.-]{0,99}$/.test(code)) result.error = code;
  const text = brokerText(description, maxLength);
  if (text !== undefined) result.description = text;
  if (typeof body['instance_usable'] === 'boolean') result.instanceUsable = body['instance_usable'];
  if (typeof body['update_repeatable'] === 'boolean') result.updateRepeatable = body['update_repeatable'];
  return result;
}

/** Deepest nesting of a broker's JSON answer that is parsed: far beyond real catalogs, far below what stalls the parser. */
export const MAX_JSON_DEPTH = 128;

/**
 * Whether JSON text nests objects and lists deeper than `maxDepth`, found by one linear scan
 * before parsing (parsing a million levels takes seconds and later work would overflow the stack).
 */
export function exceedsJsonDepth(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c) index += 1;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x7b || char === 0x5b) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (char === 0x7d || char === 0x5d) {
      depth -= 1;
    }
  }
  return false;
}

/** Parses JSON, or returns `undefined`. */
export function tryParseJson(text: string): unknown {
  if (exceedsJsonDepth(text, MAX_JSON_DEPTH)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
