/**
 * The timer loop of the platform's periodic background work (the lease sweeps, the expiry check).
 */

/**
 * Runs turns of background work one after another: the first at once, each next one after the
 * delay the turn before returned, until `stop`. Turns never overlap, and the timer keeps no
 * process alive. A turn handles its own errors (it resolves to the delay it wants after one).
 */
export class RepeatingTimer {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = true;

  /** @param turn one turn of the work; resolves to the time in ms until the next turn */
  constructor(private readonly turn: () => Promise<number>) {}

  /** Runs a turn at once, then the next ones, until `stop`. */
  start(): void {
    this.stopped = false;
    this.scheduleNext(0);
  }

  /** Runs no further turn and waits for a running one. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private scheduleNext(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.turn().then((nextDelayMs) => this.scheduleNext(nextDelayMs));
    }, delayMs);
    this.timer.unref();
  }
}
