/**
 * When to poll `last_operation` next, and until when: the platform honours the broker's
 * `Retry-After` (seconds or an HTTP date) within sane bounds, otherwise starts at a short
 * interval and backs off gently. An operation fails at the smaller of the platform's maximum
 * polling duration and the plan's `maximum_polling_duration`.
 */

/** Tunable polling timings, all in milliseconds. */
export interface PollingSettings {
  /** Delay before the first poll and the base of the backoff. */
  initialDelayMs: number;
  /** Factor by which the delay grows after each poll without a usable `Retry-After`. */
  backoffFactor: number;
  /** Longest delay the backoff reaches. */
  maxBackoffDelayMs: number;
  /** Shortest delay, also for a `Retry-After` of 0 or a date in the past. */
  minDelayMs: number;
  /** Longest delay a `Retry-After` can ask for. */
  maxRetryAfterMs: number;
  /** The platform's maximum polling duration. */
  platformMaxDurationMs: number;
}

/** The platform's default timings: 2 s, growing by 1.5 up to 30 s, for at most 24 hours. */
export const DEFAULT_POLLING_SETTINGS: PollingSettings = {
  initialDelayMs: 2_000,
  backoffFactor: 1.5,
  maxBackoffDelayMs: 30_000,
  minDelayMs: 1_000,
  maxRetryAfterMs: 10 * 60_000,
  platformMaxDurationMs: 24 * 60 * 60_000,
};

/**
 * Reads a `Retry-After` header as a delay in milliseconds: delta-seconds or an HTTP date
 * (relative to `now`). `undefined` when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  if (!/[A-Za-z]/.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : date - now;
}

/**
 * The delay before the next poll. `pollsSoFar` counts the polls already made (0 before the
 * first). A readable `Retry-After` wins, clamped to [minDelayMs, maxRetryAfterMs]; otherwise
 * the delay backs off from `initialDelayMs`. Never beyond `deadline`, when given.
 */
export function nextPollDelay(
  settings: PollingSettings,
  pollsSoFar: number,
  retryAfter: string | undefined,
  now: number,
  deadline?: number,
): number {
  const asked = parseRetryAfter(retryAfter, now);
  const delay =
    asked !== undefined
      ? clamp(asked, settings.minDelayMs, settings.maxRetryAfterMs)
      : clamp(
          settings.initialDelayMs * settings.backoffFactor ** pollsSoFar,
          settings.minDelayMs,
          settings.maxBackoffDelayMs,
        );
  return deadline === undefined ? delay : Math.max(0, Math.min(delay, deadline - now));
}

/** The time (ms since the epoch) at which an operation started at `startedAt` is considered failed. */
export function pollingDeadline(
  settings: PollingSettings,
  startedAt: number,
  planMaxPollingDurationSeconds?: number,
): number {
  const planMs = planMaxPollingDurationSeconds !== undefined ? planMaxPollingDurationSeconds * 1000 : Infinity;
  return startedAt + Math.min(settings.platformMaxDurationMs, planMs);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
