/**
 * Classification of an answer to `GET …/last_operation` (OSB v2.17, "Polling Last Operation").
 *
 * - 200 with `state` `in progress`, `succeeded` or `failed`: the state; `failed` after a
 *   provision, deprovision, bind or unbind needs orphan mitigation, after an update never.
 * - 410: success when polling a delete; during create or update an invalid answer.
 * - Anything else (other codes, a 200 without a valid `state`, timeouts): an invalid answer;
 *   the platform keeps polling until the deadline.
 */
import { isJsonObject } from '@osb/json-schema';
import { brokerText, type BrokerReply } from './broker-reply.ts';
import { brokerFailure, deletes, type BrokerFailure, type OperationKind } from './outcome.ts';

/** What one poll tells the platform. */
export type PollResult =
  | { type: 'in-progress'; description?: string }
  | { type: 'succeeded'; description?: string }
  /** A delete finished: the broker answered 410 Gone. */
  | { type: 'gone' }
  | { type: 'failed'; orphanMitigation: boolean; failure: BrokerFailure }
  /** Not a valid answer: keep polling until the deadline. */
  | { type: 'invalid'; detail: string };

/** Classifies the answer to one `last_operation` poll for an operation of the given kind. */
export function classifyLastOperation(kind: OperationKind, reply: BrokerReply): PollResult {
  if (reply.kind !== 'response') return { type: 'invalid', detail: reply.kind };
  const { status, body } = reply;
  if (status === 410) {
    return deletes(kind) ? { type: 'gone' } : { type: 'invalid', detail: 'HTTP 410 while not deleting' };
  }
  if (status !== 200) return { type: 'invalid', detail: `HTTP ${status}` };
  if (!isJsonObject(body)) return { type: 'invalid', detail: 'HTTP 200 without a JSON object' };
  const description = brokerText(body['description']);
  switch (body['state']) {
    case 'in progress':
      return description === undefined ? { type: 'in-progress' } : { type: 'in-progress', description };
    case 'succeeded':
      return description === undefined ? { type: 'succeeded' } : { type: 'succeeded', description };
    case 'failed':
      return {
        type: 'failed',
        orphanMitigation: kind !== 'update',
        failure: brokerFailure(kind, 'operation-failed', body),
      };
    default:
      return { type: 'invalid', detail: 'HTTP 200 without a valid state' };
  }
}
