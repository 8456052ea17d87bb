/**
 * Bounds how much of one kind of database work runs at once, and lets the rest wait their turn in
 * order of arrival. Under load, requests that each run several queries then finish one after the
 * other, instead of all interleaving their queries and all finishing late (or starving, while
 * newer requests keep overtaking them). A waiting job whose caller went away is dropped unrun.
 *
 * Every job starts in a turn of the event loop of its own. The embedded database runs in this
 * thread and answers through promises alone, so without it a backlog of jobs (each starting when
 * the one before ends) would run as one long chain: no new connection accepted (Node accepts one
 * per turn), no request read and no response sent until the whole backlog had run. Under 200
 * connections about half of the clients then waited over 10 s to be accepted.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

/** A job that ran no more: its caller went away while it waited for its turn. */
export class AbandonedWorkError extends Error {
  override readonly name = 'AbandonedWorkError';
}

/** First come, first served, at most `concurrency` at once. */
export class FairQueue {
  private running = 0;
  private readonly waiting = new Set<() => void>();

  /** @param concurrency how many jobs run at once (at least one) */
  constructor(private readonly concurrency: number) {
    if (!(concurrency >= 1)) throw new RangeError(`A queue runs at least one job at once, not ${concurrency}`);
  }

  /** How many jobs wait for their turn now. */
  get waitingCount(): number {
    return this.waiting.size;
  }

  /**
   * Runs `work` in its turn. When `signal` aborts before the turn comes, the job leaves the queue
   * unrun and the promise rejects with an {@link AbandonedWorkError}.
   */
  async run<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) throw new AbandonedWorkError('The caller went away before its turn');
    if (this.running < this.concurrency) this.running++;
    else await this.turn(signal);
    try {
      await nextTurn();
      return await work();
    } finally {
      this.release();
    }
  }

  /** Waits until a running job hands its place over (a Set keeps the order of arrival). */
  private turn(signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const start = () => {
        signal?.removeEventListener('abort', leave);
        resolve();
      };
      const leave = () => {
        this.waiting.delete(start);
        reject(new AbandonedWorkError('The caller went away before its turn'));
      };
      this.waiting.add(start);
      signal?.addEventListener('abort', leave, { once: true });
    });
  }

  private release(): void {
    const next = this.waiting.values().next();
    if (next.done) {
      this.running--;
      return;
    }
    // The place passes straight to the oldest waiting job.
    this.waiting.delete(next.value);
    next.value();
  }
}
