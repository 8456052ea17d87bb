/**
 * What went wrong talking to a broker. `interrupted`: the connection broke after the request
 * went out, so the broker may have acted on it (unlike `unreachable`).
 */
export type BrokerErrorKind = 'unreachable' | 'timeout' | 'interrupted' | 'http' | 'invalid-response';

/** The OSB error body fields, parsed leniently from whatever the broker sent. */
export interface BrokerErrorBody {
  /** A machine-readable code such as `AsyncRequired` or `ConcurrencyError`. */
  error?: string;
  /** A message for the user. */
  description?: string;
  instanceUsable?: boolean;
  updateRepeatable?: boolean;
}

/** A failed broker request. Its message never contains credentials. */
export class BrokerError extends Error {
  override readonly name = 'BrokerError';

  /**
   * @param kind what went wrong
   * @param message a human-readable summary, fit to show to users
   * @param status the HTTP status, when the broker answered
   * @param body the parsed error body, when the broker answered with one
   */
  constructor(
    readonly kind: BrokerErrorKind,
    message: string,
    readonly status?: number,
    readonly body: BrokerErrorBody = {},
  ) {
    super(message);
  }

  /** The broker's own `description`, when it gave one. */
  get description(): string | undefined {
    return this.body.description;
  }
}

/** Longest error text kept from a broker. */
const MAX_TEXT = 1000;

/**
 * Reads an OSB error body leniently: any JSON or none; `error` may hold JSON-encoded text with
 * its own `error`/`description`; strings are capped. Never throws.
 */
export function parseErrorBody(text: string): BrokerErrorBody {
  const parsed = tryParseJson(text);
  if (!isRecord(parsed)) {
    // Plain text is shown as it is; JSON that is not an object and HTML pages are not.
    const plain = text.trim();
    return parsed === undefined && plain && !plain.startsWith('<') ? { description: cap(plain) } : {};
  }
  const body: BrokerErrorBody = {};
  let error = parsed['error'];
  let description = parsed['description'];
  if (typeof error === 'string') {
    const nested = tryParseJson(error);
    if (isRecord(nested)) {
      error = nested['error'];
      description ??= nested['description'] ?? nested['message'];
    }
  } else if (isRecord(error)) {
    description ??= error['description'] ?? error['message'];
    error = error['error'] ?? error['code'];
  }
  if (typeof error === 'string' && error) body.error = cap(error);
  if (typeof description === 'string' && description) body.description = cap(description);
  if (typeof parsed['instance_usable'] === 'boolean') body.instanceUsable = parsed['instance_usable'];
  if (typeof parsed['update_repeatable'] === 'boolean') body.updateRepeatable = parsed['update_repeatable'];
  return body;
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

/** Whether `value` is a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function cap(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}
