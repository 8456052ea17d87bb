/**
 * Sends lifecycle requests through a broker's `OsbClient` and reports every answer as a
 * `BrokerReply`, whatever its status, so that the classification can judge it.
 */
import { BrokerError } from './broker-error.ts';
import type { BrokerReply } from './broker-reply.ts';
import type { OsbRequest, OsbResponse } from './requests.ts';

/** What the gateway sends through: an `OsbClient`. */
export interface BrokerTransport {
  /** Sends one request; answers with a status outside `expectedStatuses` throw a `BrokerError`. */
  request<T>(request: OsbRequest, expectedStatuses: number[]): Promise<OsbResponse<T>>;
}

/** Every HTTP status: the classification, not the client, decides what each one means. */
const EVERY_STATUS = Array.from({ length: 500 }, (_, index) => index + 100);

/**
 * Sends `request` and reports the answer. A body that is not a JSON object (or too large)
 * arrives as `body: undefined`; an empty body as `{}`. A transport failure is `unreachable` only
 * when the request cannot have reached the broker; a broken connection counts as a timeout.
 * Never throws.
 */
export async function sendToBroker(client: BrokerTransport, request: OsbRequest): Promise<BrokerReply> {
  try {
    const response = await client.request<unknown>(request, EVERY_STATUS);
    return {
      kind: 'response',
      status: response.status,
      body: response.body,
      ...(response.retryAfter !== undefined ? { retryAfter: response.retryAfter } : {}),
    };
  } catch (error) {
    // Anything unexpected counts as a timeout: the request may have reached the broker.
    if (!(error instanceof BrokerError)) return { kind: 'timeout' };
    if (error.kind === 'invalid-response' && error.status !== undefined) {
      return { kind: 'response', status: error.status, body: undefined };
    }
    return { kind: error.kind === 'unreachable' ? 'unreachable' : 'timeout' };
  }
}
