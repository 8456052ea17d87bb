/**
 * Runs keyed background tasks at given times (polls, orphan-mitigation attempts). Scheduling a
 * key again replaces its pending run; a key never runs twice at once (a run due while the key
 * still runs is dropped: the running task schedules what follows); `stop` cancels what is
 * pending and waits for what runs.
 */
export class TaskScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private readonly runningKeys = new Set<string>();
  private stopped = false;

  /**
   * @param onError reports a task that threw (tasks are expected to handle their own failures)
   * @param clock the time `schedule` reads its `at` against
   */
  constructor(
    private readonly onError: (key: string, error: unknown) => void,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Runs `task` at `at` (ms since the epoch, or at once if past) under `key`. */
  schedule(key: string, at: number, task: () => Promise<void>): void {
    if (this.stopped) return;
    clearTimeout(this.timers.get(key));
    const timer = setTimeout(
      () => {
        this.timers.delete(key);
        if (this.runningKeys.has(key)) return;
        this.runningKeys.add(key);
        const run: Promise<void> = task()
          .catch((error: unknown) => this.onError(key, error))
          .finally(() => {
            this.running.delete(run);
            this.runningKeys.delete(key);
          });
        this.running.add(run);
      },
      Math.max(0, at - this.clock()),
    );
    this.timers.set(key, timer);
  }

  /** Cancels the pending run of `key`, if any. */
  cancel(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  /** Cancels every pending run, refuses new ones and waits for the running ones. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.all([...this.running]);
  }
}
