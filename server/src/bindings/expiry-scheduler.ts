/**
 * Enforces expiring bindings (meshMarketplace plan `metadata.expiryDays`, OSB binding
 * `metadata.expires_at`): at a fixed interval the platform looks for bindings past their expiry
 * and deletes them at their broker (its own request, without originating identity). The binding
 * stays as a record without credentials, and an event says what happened; a broker that does
 * not delete it is asked again at the next check. With several replicas, one check runs per
 * interval across all of them (`claimRun`).
 */
import type { RunnerLog } from '../operations/operation-engine.ts';
import { RepeatingTimer } from '../store/repeating-timer.ts';
import { askInterval } from '../store/scheduled-jobs.ts';
import type { BindingRecord, BindingRepository } from './binding-repository.ts';

/** What the scheduler needs. */
export interface ExpirySchedulerDependencies {
  bindings: BindingRepository;
  /** Starts deleting one expired binding at its broker; false when it is busy or gone. */
  expire(binding: BindingRecord): Promise<boolean>;
  /** Time between checks. */
  intervalMs: number;
  /**
   * Whether this replica takes the check that is due (asked at a fraction of the interval);
   * without it, every interval's check runs here.
   */
  claimRun?: () => Promise<boolean>;
  /** The current time in ms since the epoch (tests move it). */
  clock(): number;
  log: RunnerLog;
}

/** Deletes expired bindings at their brokers, check after check. */
export class ExpiryScheduler {
  private readonly timer = new RepeatingTimer(() => this.turn());

  /** @param deps the repository, how to expire one binding, the interval, the clock and the log */
  constructor(private readonly deps: ExpirySchedulerDependencies) {}

  /** Checks at once, then every interval until `stop`. */
  start(): void {
    this.timer.start();
  }

  /** Stops checking and waits for a running check. */
  async stop(): Promise<void> {
    await this.timer.stop();
  }

  /** One check: starts deleting every expired binding; returns how many it started on. */
  async runOnce(): Promise<number> {
    const expired = await this.deps.bindings.listExpired(new Date(this.deps.clock()));
    let started = 0;
    for (const binding of expired) {
      try {
        if (await this.deps.expire(binding)) started++;
      } catch (error) {
        this.deps.log.error({ err: error, bindingId: binding.id }, 'Cannot expire a binding');
      }
    }
    return started;
  }

  /** The check of one interval, when this replica takes it; returns the time until the next. */
  private async turn(): Promise<number> {
    const { claimRun, intervalMs } = this.deps;
    try {
      if (!claimRun || (await claimRun())) await this.runOnce();
    } catch (error) {
      this.deps.log.error({ err: error }, 'The expiry check failed');
    }
    return claimRun ? askInterval(intervalMs) : intervalMs;
  }
}
