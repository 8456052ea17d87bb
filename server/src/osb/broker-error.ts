import { isJsonObject } from '@osb/json-schema';
import { brokerText, parseBrokerError, tryParseJson, type BrokerErrorBody } from './broker-reply.ts';

/**
 * What went wrong talking to a broker. `interrupted`: the connection broke after the request
 * went out, so the broker may have acted on it (unlike `unreachable`).
 */
export type BrokerErrorKind = 'unreachable' | 'timeout' | 'interrupted' | 'http' | 'invalid-response';

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

/** Longest error text kept from a broker's failed answer (a sentence or two for the user). */
const MAX_ERROR_TEXT_LENGTH = 1001;

/**
 * Reads an OSB error body leniently from the raw text: a JSON object goes through
 * `parseBrokerError`; plain text is shown as it is; JSON that is not an object and HTML pages
 * are not. Never throws.
 */
export function parseErrorBody(text: string): BrokerErrorBody {
  const parsed = tryParseJson(text);
  if (isJsonObject(parsed)) return parseBrokerError(parsed, MAX_ERROR_TEXT_LENGTH);
  const plain = text.trim();
  const description =
    parsed === undefined && !plain.startsWith('<') ? brokerText(plain, MAX_ERROR_TEXT_LENGTH) : undefined;
  return description === undefined ? {} : { description };
}
