/**
 * Jobs that run once per interval across all replicas on one database (the expiry check, the
 * catalog refresh), through the table `scheduled_jobs`: every replica asks at its own ticks, and
 * the one whose statement moves the job's `next_run_at` forward runs it.
 */
import type { Queryable } from './database.ts';

/** Hands out the runs of named jobs. */
export class ScheduledJobs {
  /**
   * @param database where the job table lives
   * @param owner this replica's name, recorded with the runs it takes
   */
  constructor(
    private readonly database: Queryable,
    private readonly owner: string,
  ) {}

  /** Whether this replica takes the run of `name` that is due now (then no other replica runs it for `intervalMs`). */
  async claim(name: string, intervalMs: number): Promise<boolean> {
    const { rows } = await this.database.query(
      `INSERT INTO scheduled_jobs (name, next_run_at, last_run_by)
       VALUES ($1, now() + $2::integer * interval '1 millisecond', $3)
       ON CONFLICT (name) DO UPDATE SET next_run_at = EXCLUDED.next_run_at, last_run_by = EXCLUDED.last_run_by
       WHERE scheduled_jobs.next_run_at <= now()
       RETURNING name`,
      [name, Math.round(intervalMs), this.owner],
    );
    return rows.length > 0;
  }
}

/** How often a replica asks for a job of `intervalMs`: often enough that runs stay about one interval apart. */
export function askInterval(intervalMs: number): number {
  return Math.max(1, Math.floor(intervalMs / 4));
}
