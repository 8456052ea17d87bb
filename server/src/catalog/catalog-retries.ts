/**
 * When to ask a broker for its catalog again after a fetch failed, before the next scheduled
 * refresh: after a delay that doubles with each failed retry up to a cap, shortened by up to a
 * fifth at random so that replicas which started together do not all ask at the same moment.
 * Once the delay would reach the refresh interval, the scheduled refresh asks instead.
 */

/** The delays of the retries. */
export interface RetryTimings {
  /** The delay before the first retry. */
  initialDelayMs: number;
  /** The longest delay between two retries. */
  maxDelayMs: number;
  /** The scheduled refresh's interval: retries only happen while their delay is shorter. */
  refreshIntervalMs: number;
}

/** The largest share by which a delay is shortened at random. */
export const RETRY_JITTER = 0.2;

/** The delay before retry number `attempt` (0 for the first), or `undefined` when the scheduled refresh comes as soon. */
export function retryDelayMs(
  timings: RetryTimings,
  attempt: number,
  random: number = Math.random(),
): number | undefined {
  const delay = Math.min(timings.initialDelayMs * 2 ** attempt, timings.maxDelayMs);
  return delay < timings.refreshIntervalMs ? delay * (1 - RETRY_JITTER * random) : undefined;
}

interface PendingRetry {
  /** How many retries of the broker ran since its last good fetch. */
  attempt: number;
  timer?: NodeJS.Timeout;
}

/** The pending retries of every broker whose catalog could not be fetched. */
export class CatalogRetries {
  private readonly pending = new Map<string, PendingRetry>();
  private readonly running = new Set<Promise<void>>();
  private stopped = false;

  /**
   * @param timings the delays
   * @param retry asks the broker again (never rejects; reports back through `failed` or `cancel`)
   */
  constructor(
    private readonly timings: RetryTimings,
    private readonly retry: (brokerId: string) => Promise<void>,
  ) {}

  /** Asks the broker again after the next delay of its backoff, unless a retry is already waiting. */
  failed(brokerId: string): void {
    if (this.stopped) return;
    const entry = this.pending.get(brokerId) ?? { attempt: 0 };
    this.pending.set(brokerId, entry);
    if (entry.timer) return;
    const delay = retryDelayMs(this.timings, entry.attempt);
    if (delay === undefined) return;
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      entry.attempt += 1;
      const run = this.retry(brokerId).finally(() => this.running.delete(run));
      this.running.add(run);
    }, delay);
    entry.timer.unref();
  }

  /** Forgets the broker's retries (it answered, or its failure is not worth asking again soon). */
  cancel(brokerId: string): void {
    clearTimeout(this.pending.get(brokerId)?.timer);
    this.pending.delete(brokerId);
  }

  /** Cancels every waiting retry and waits for the running ones; none start afterwards. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const brokerId of [...this.pending.keys()]) this.cancel(brokerId);
    await Promise.all(this.running);
  }
}
