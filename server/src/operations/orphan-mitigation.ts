/**
 * Orphan mitigation (OSB v2.17): after a failure that may have left a resource at the broker,
 * the platform sends DELETE (without originating identity) and keeps retrying with backoff
 * until the broker answers 200 or 410. A 202 means the broker is still deleting; the platform
 * simply sends the DELETE again later (a re-sent DELETE answers 202 until the delete is done).
 * The state lives in the database, so the retries survive restarts.
 */
import type { BrokerReply } from '../osb/broker-reply.ts';

/** Retry timings of orphan mitigation, in milliseconds. */
export interface OrphanMitigationSchedule {
  /** Delay before the first DELETE. */
  initialDelayMs: number;
  /** Growth of the delay after each unsuccessful attempt. */
  factor: number;
  /** Longest delay between attempts. */
  maxDelayMs: number;
}

/** The default schedule: first DELETE after 1 s, then doubling up to 15 minutes. */
export const DEFAULT_ORPHAN_MITIGATION_SCHEDULE: OrphanMitigationSchedule = {
  initialDelayMs: 1_000,
  factor: 2,
  maxDelayMs: 15 * 60_000,
};

/** Pending orphan mitigation of one resource, as stored. */
export interface OrphanMitigationState {
  /** DELETE attempts made so far. */
  attempts: number;
  /** When the next DELETE is due (ms since the epoch). */
  nextAttemptAt: number;
  /** What the last unsuccessful attempt got, for operators. */
  lastResult?: string;
}

/** The state of a newly started orphan mitigation. */
export function startOrphanMitigation(schedule: OrphanMitigationSchedule, now: number): OrphanMitigationState {
  return { attempts: 0, nextAttemptAt: now + schedule.initialDelayMs };
}

/** Whether an orphan-mitigation DELETE finished the job: 200 (any body) or 410. */
export function orphanMitigationDone(reply: BrokerReply): boolean {
  return reply.kind === 'response' && (reply.status === 200 || reply.status === 410);
}

/** The state after an unsuccessful attempt: one more attempt, the next one later. */
export function afterFailedAttempt(
  schedule: OrphanMitigationSchedule,
  state: OrphanMitigationState,
  reply: BrokerReply,
  now: number,
): OrphanMitigationState {
  const attempts = state.attempts + 1;
  const delay = Math.min(schedule.initialDelayMs * schedule.factor ** attempts, schedule.maxDelayMs);
  return { attempts, nextAttemptAt: now + delay, lastResult: describeReply(reply) };
}

/** A short, credential-free description of a reply, for logs and operators. */
export function describeReply(reply: BrokerReply): string {
  return reply.kind === 'response' ? `HTTP ${reply.status}` : reply.kind;
}
