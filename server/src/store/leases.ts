/**
 * Leases on work rows, so that several platform replicas on one database share the background
 * work without doing anything twice: a replica works on an operation (its broker requests, its
 * polls, its orphan-mitigation attempts) only while it holds the row's lease. It takes the lease
 * when it starts the work (or claims it in a sweep when the lease is free or expired), renews
 * every lease it holds at a fraction of the lease time, and hands it back when the work ends or
 * the replica stops. A replica that dies stops renewing; once its leases expire, the periodic
 * sweeps of the other replicas claim the work (`SELECT … FOR UPDATE SKIP LOCKED`, so two sweeps
 * never claim the same row).
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Queryable } from './database.ts';
import { RepeatingTimer } from './repeating-timer.ts';

/** A table whose rows carry work under a lease (columns `lease_owner`, `lease_expires_at`). */
export interface LeasedTable {
  table: 'service_instances' | 'service_bindings' | 'orphan_mitigations';
  /** The key column. */
  key: 'id' | 'resource_key';
  /** SQL condition of the rows that have work. */
  pending: string;
  /** The column holding when the work is due next (null: at once). */
  dueAt: 'next_poll_at' | 'next_attempt_at';
}

/** Instances with an operation in progress. */
const INSTANCE_OPERATIONS: LeasedTable = {
  table: 'service_instances',
  key: 'id',
  pending: "operation_state = 'in progress'",
  dueAt: 'next_poll_at',
};

/** Bindings with an operation in progress. */
const BINDING_OPERATIONS: LeasedTable = {
  table: 'service_bindings',
  key: 'id',
  pending: "operation_state = 'in progress'",
  dueAt: 'next_poll_at',
};

/** Pending orphan mitigation. */
const ORPHAN_MITIGATIONS: LeasedTable = {
  table: 'orphan_mitigations',
  key: 'resource_key',
  pending: 'true',
  dueAt: 'next_attempt_at',
};

/** Lease timings of one replica, in milliseconds. */
export interface LeaseSettings {
  /** How long a lease lasts unless renewed. */
  ttlMs: number;
  /** How often the replica renews its leases (a third of the lease time by default). */
  renewIntervalMs: number;
  /** How often the replica sweeps for due work with a free or expired lease. */
  sweepIntervalMs: number;
  /** Most rows one sweep claims per table. */
  sweepBatch: number;
}

/** Lease timings for a lease time and a sweep interval. */
export function leaseSettings(ttlMs: number, sweepIntervalMs: number): LeaseSettings {
  return { ttlMs, renewIntervalMs: Math.max(10, Math.floor(ttlMs / 3)), sweepIntervalMs, sweepBatch: 100 };
}

/** A name for this replica that is unique among all replicas (host, process, random part). */
export function replicaName(): string {
  return `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
}

/** A claimed row: its key and when its work is due (null: at once). */
export interface ClaimedWork {
  key: string;
  dueAt: Date | null;
}

/**
 * This replica's leases on the rows of one table. Repositories write the lease columns when the
 * replica starts work (`owner`, `expiresSql`) and tell it what they took and gave back.
 */
export class TableLeases {
  private readonly held = new Set<string>();

  /**
   * @param database where the rows live
   * @param table the leased table
   * @param owner this replica's name
   * @param ttlMs how long a lease lasts unless renewed
   */
  constructor(
    private readonly database: Queryable,
    readonly table: LeasedTable,
    readonly owner: string,
    readonly ttlMs: number,
  ) {}

  /** SQL for the expiry of a lease taken now, reading the lease time from parameter `$n`. */
  expiresSql(n: number): string {
    return `now() + $${n}::integer * interval '1 millisecond'`;
  }

  /** Whether this replica believes it holds the lease on `key`. */
  holds(key: string): boolean {
    return this.held.has(key);
  }

  /** Notes a lease the replica took while writing the row. */
  taken(key: string): void {
    this.held.add(key);
  }

  /** Notes a lease the replica gave back (or lost) while writing the row. */
  dropped(key: string): void {
    this.held.delete(key);
  }

  /**
   * Claims up to `limit` rows with work due by `dueBy` whose lease is free or expired; rows
   * another replica's sweep is claiming at the same moment are skipped, not waited for, and so
   * are rows this replica works on already (a renewal that came late must not start their work twice).
   */
  async claimDue(limit: number, dueBy: Date): Promise<ClaimedWork[]> {
    const { table, key, pending, dueAt } = this.table;
    const { rows } = await this.database.query<{ key: string; due_at: Date | string | null }>(
      `WITH due AS (
         SELECT ${key} FROM ${table}
         WHERE ${pending} AND (lease_expires_at IS NULL OR lease_expires_at < now())
           AND (${dueAt} IS NULL OR ${dueAt} <= $3) AND NOT (${key} = ANY($5::text[]))
         ORDER BY ${dueAt} NULLS FIRST
         LIMIT $2
         FOR UPDATE SKIP LOCKED)
       UPDATE ${table} AS t SET lease_owner = $1, lease_expires_at = ${this.expiresSql(4)}
       FROM due WHERE t.${key} = due.${key}
       RETURNING t.${key} AS key, t.${dueAt} AS due_at`,
      [this.owner, limit, dueBy.toISOString(), this.ttlMs, [...this.held]],
    );
    for (const row of rows) this.held.add(row.key);
    return rows.map((row) => ({ key: row.key, dueAt: row.due_at === null ? null : new Date(row.due_at) }));
  }

  /**
   * Confirms, right before working on `key`, that this replica still holds its lease and the
   * work is still pending, and extends the lease to a full lease time. False (and the lease is
   * forgotten) when another replica took it over or the work ended.
   */
  async confirm(key: string): Promise<boolean> {
    const { table } = this.table;
    const { rows } = await this.database.query(
      `UPDATE ${table} SET lease_expires_at = ${this.expiresSql(3)}
       WHERE ${this.table.key} = $1 AND lease_owner = $2 AND lease_expires_at > now() AND ${this.table.pending}
       RETURNING 1`,
      [key, this.owner, this.ttlMs],
    );
    if (rows.length === 0) this.held.delete(key);
    else this.held.add(key);
    return rows.length > 0;
  }

  /**
   * Works on `key` once {@link confirm} says this replica still holds its lease. When the work
   * fails, the lease is handed back, so that a later sweep (here or elsewhere) tries again; when
   * the lease was lost meanwhile, `onLost` is told instead.
   */
  async whileHeld(key: string, work: () => Promise<void>, onLost: () => void): Promise<void> {
    try {
      if (await this.confirm(key)) await work();
    } catch (error) {
      if (error instanceof LeaseLostError) return onLost();
      await this.release(key);
      throw error;
    }
  }

  /** Renews every lease the replica holds; leases found lost are forgotten. */
  async renew(): Promise<void> {
    if (this.held.size === 0) return;
    const keys = [...this.held];
    const { table, key } = this.table;
    const { rows } = await this.database.query<{ key: string }>(
      `UPDATE ${table} SET lease_expires_at = ${this.expiresSql(3)}
       WHERE lease_owner = $1 AND ${key} = ANY($2::text[]) RETURNING ${key} AS key`,
      [this.owner, keys, this.ttlMs],
    );
    const renewed = new Set(rows.map((row) => row.key));
    for (const lost of keys) if (!renewed.has(lost)) this.held.delete(lost);
  }

  /** Gives back one lease (the work stays for whoever claims it next). */
  async release(key: string): Promise<void> {
    this.held.delete(key);
    await this.database.query(
      `UPDATE ${this.table.table} SET lease_owner = NULL, lease_expires_at = NULL WHERE ${this.table.key} = $1 AND lease_owner = $2`,
      [key, this.owner],
    );
  }

  /** Voids the leases of every other owner (earlier runs on a database no other process can open). */
  async voidOthers(): Promise<void> {
    await this.database.query(
      `UPDATE ${this.table.table} SET lease_owner = NULL, lease_expires_at = NULL WHERE lease_owner <> $1`,
      [this.owner],
    );
  }

  /** Gives back every lease of this replica (graceful shutdown). */
  async releaseAll(): Promise<void> {
    this.held.clear();
    await this.database.query(
      `UPDATE ${this.table.table} SET lease_owner = NULL, lease_expires_at = NULL WHERE lease_owner = $1`,
      [this.owner],
    );
  }
}

/** Thrown when a replica writes a row whose lease it no longer holds (another replica took over). */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';

  /** @param key the row's key */
  constructor(readonly key: string) {
    super(`The lease on ${key} passed to another replica`);
  }
}

/** Thrown when a write is based on a stale copy of a row (someone changed it in between). */
export class StaleRecordError extends Error {
  override readonly name = 'StaleRecordError';

  /** @param key the row's key */
  constructor(readonly key: string) {
    super(`${key} changed in the meantime`);
  }
}

/** Where the lease keeper logs. */
interface LeaseLog {
  warn(object: object, message: string): void;
}

/**
 * All leases of one replica: renews them at the renewal interval while the replica runs and
 * hands them all back when it stops.
 */
export class ReplicaLeases {
  readonly instances: TableLeases;
  readonly bindings: TableLeases;
  readonly orphans: TableLeases;
  private timer: NodeJS.Timeout | undefined;
  private renewing: Promise<void> = Promise.resolve();

  /**
   * @param database where the leased rows live
   * @param settings lease timings
   * @param log where failed renewals are reported
   * @param owner this replica's name
   */
  constructor(
    database: Queryable,
    readonly settings: LeaseSettings,
    private readonly log: LeaseLog,
    readonly owner: string = replicaName(),
  ) {
    this.instances = new TableLeases(database, INSTANCE_OPERATIONS, owner, settings.ttlMs);
    this.bindings = new TableLeases(database, BINDING_OPERATIONS, owner, settings.ttlMs);
    this.orphans = new TableLeases(database, ORPHAN_MITIGATIONS, owner, settings.ttlMs);
  }

  /**
   * On the embedded database, which no other process can open, the leases left by earlier runs
   * belong to processes that are gone: void them, so that their work resumes at once.
   */
  async voidEarlierRuns(): Promise<void> {
    await Promise.all([this.instances.voidOthers(), this.bindings.voidOthers(), this.orphans.voidOthers()]);
  }

  /** Starts renewing. */
  start(): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => {
      this.renewing = Promise.all([this.instances.renew(), this.bindings.renew(), this.orphans.renew()]).then(
        () => undefined,
        (error: unknown) => this.log.warn({ err: error }, 'Cannot renew leases'),
      );
    }, this.settings.renewIntervalMs);
    this.timer.unref();
  }

  /** Stops renewing and hands back every lease, so that other replicas take the work over at once. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.renewing;
    await Promise.all([this.instances.releaseAll(), this.bindings.releaseAll(), this.orphans.releaseAll()]);
  }
}

/** What became of a write that starts an operation on an idle row. */
export type IdleWriteResult = 'saved' | 'busy' | 'stale';

/**
 * The writes of a table whose operations run under leases (instances, bindings), with versioning:
 * a new row and the start of an operation take this replica's lease; a running operation's row is
 * written only while holding it, and its end gives it back; an idle row is written only from an
 * up-to-date copy. Without leases (tools, single-purpose tests) writes are unconditional on them.
 */
export class LeasedRowWriter {
  /**
   * @param database where the rows live
   * @param table the table, whose first column is `id`
   * @param columns the columns the repository writes, `id` first, in the order of its values
   * @param placeholder the placeholder of a column, `$n` with any cast
   * @param leases this replica's leases on the table
   */
  constructor(
    private readonly database: Queryable,
    private readonly table: 'service_instances' | 'service_bindings',
    private readonly columns: readonly string[],
    private readonly placeholder: (column: string, n: number) => string,
    private readonly leases: TableLeases | undefined,
  ) {}

  /** Inserts a row; an operation in progress takes this replica's lease. */
  async insert(values: unknown[], inProgress: boolean): Promise<void> {
    const owner = inProgress ? (this.leases?.owner ?? null) : null;
    const n = this.columns.length;
    await this.database.query(
      `INSERT INTO ${this.table} (${this.columns.join(', ')}, lease_owner, lease_expires_at)
       VALUES (${this.columns.map((column, index) => this.placeholder(column, index + 1)).join(', ')}, $${n + 1}::text,
               CASE WHEN $${n + 1}::text IS NULL THEN NULL ELSE ${this.expires(n + 2)} END)`,
      [...values, owner, this.leases?.ttlMs ?? 0],
    );
    if (owner !== null) this.leases?.taken(values[0] as string);
  }

  /**
   * Writes the progress or the end of a running operation (the end gives the lease back). False
   * when this replica no longer holds the lease.
   */
  async saveOwned(values: unknown[], inProgress: boolean): Promise<boolean> {
    const n = this.columns.length;
    const saved = await this.update(
      values,
      inProgress ? '' : ', lease_owner = NULL, lease_expires_at = NULL',
      this.leases ? ` AND lease_owner = $${n + 1}` : '',
      this.leases ? [this.leases.owner] : [],
    );
    if (saved && !inProgress) this.leases?.dropped(values[0] as string);
    return saved;
  }

  /**
   * Writes a row that has no operation running (`idleCondition` may narrow what idle means),
   * from a copy read at `version`; a write that starts an operation takes the lease.
   */
  async saveIfIdle(
    values: unknown[],
    version: number,
    inProgress: boolean,
    idleCondition = '',
  ): Promise<IdleWriteResult> {
    const n = this.columns.length;
    const owner = inProgress ? this.leases?.owner : undefined;
    const saved = await this.update(
      values,
      owner === undefined ? '' : `, lease_owner = $${n + 2}, lease_expires_at = ${this.expires(n + 3)}`,
      ` AND operation_state <> 'in progress'${idleCondition} AND version = $${n + 1}`,
      owner === undefined ? [version] : [version, owner, this.leases!.ttlMs],
    );
    if (saved) {
      if (owner !== undefined) this.leases?.taken(values[0] as string);
      return 'saved';
    }
    const { rows } = await this.database.query<{ version: number; busy: boolean }>(
      `SELECT version, NOT (operation_state <> 'in progress'${idleCondition}) AS busy FROM ${this.table} WHERE id = $1`,
      [values[0]],
    );
    return rows[0] && !rows[0].busy && rows[0].version !== version ? 'stale' : 'busy';
  }

  /**
   * Deletes a row, unless another replica holds the lease of its running operation. Returns the
   * deleted row's project and instance.
   */
  async remove(id: string): Promise<{ projectId: string; instanceId: string } | undefined> {
    const returning = `RETURNING project_id, ${this.table === 'service_bindings' ? 'instance_id' : 'id AS instance_id'}`;
    const { rows } = await this.database.query<{ project_id: string; instance_id: string }>(
      this.leases
        ? `DELETE FROM ${this.table} WHERE id = $1 AND (operation_state <> 'in progress' OR lease_owner IS NULL OR lease_owner = $2) ${returning}`
        : `DELETE FROM ${this.table} WHERE id = $1 ${returning}`,
      this.leases ? [id, this.leases.owner] : [id],
    );
    this.leases?.dropped(id);
    return rows[0] && { projectId: rows[0].project_id, instanceId: rows[0].instance_id };
  }

  private expires(n: number): string {
    return `now() + $${n}::integer * interval '1 millisecond'`;
  }

  private async update(
    values: unknown[],
    extraAssignments: string,
    condition: string,
    extraParams: unknown[],
  ): Promise<boolean> {
    const assignments = this.columns
      .slice(1)
      .map((column, index) => `${column} = ${this.placeholder(column, index + 2)}`);
    const { rows } = await this.database.query(
      `UPDATE ${this.table} SET ${assignments.join(', ')}, version = version + 1${extraAssignments}
       WHERE id = $1${condition} RETURNING id`,
      [...values, ...extraParams],
    );
    return rows.length > 0;
  }
}

/** The delay before the next sweep after `failures` failed ones in a row: doubling, up to eight sweep intervals. */
export function sweepBackoff(sweepIntervalMs: number, failures: number): number {
  return sweepIntervalMs * 2 ** Math.min(Math.max(failures - 1, 0), 3);
}

/**
 * Sweeps one leased table at the sweep interval: claims due work whose lease is free or expired
 * (a dead replica's, or work nobody started yet) and hands each claimed row to `onClaimed`.
 */
export class LeaseSweeper {
  private readonly timer = new RepeatingTimer(() => this.turn());
  /** Sweeps that failed in a row (the database does not answer): the next one waits longer. */
  private failures = 0;

  /**
   * @param leases the table's leases of this replica
   * @param settings the sweep interval and batch size
   * @param onClaimed schedules the work of a claimed row
   * @param log where failed sweeps are reported
   */
  constructor(
    private readonly leases: TableLeases,
    private readonly settings: Pick<LeaseSettings, 'sweepIntervalMs' | 'sweepBatch'>,
    private readonly onClaimed: (work: ClaimedWork) => void,
    private readonly log: LeaseLog,
  ) {}

  /** Sweeps at once, then at every interval (at once again after a full batch) until `stop`. */
  start(): void {
    this.timer.start();
  }

  /** Stops sweeping and waits for a running sweep. */
  async stop(): Promise<void> {
    await this.timer.stop();
  }

  /** One sweep; returns how many rows it claimed. */
  async sweepOnce(): Promise<number> {
    const claimed = await this.leases.claimDue(
      this.settings.sweepBatch,
      new Date(Date.now() + this.settings.sweepIntervalMs),
    );
    for (const work of claimed) this.onClaimed(work);
    return claimed.length;
  }

  /** One sweep with its error handling; returns the time until the next (longer after failures). */
  private async turn(): Promise<number> {
    try {
      const claimed = await this.sweepOnce();
      this.failures = 0;
      return claimed >= this.settings.sweepBatch ? 0 : this.settings.sweepIntervalMs;
    } catch (error) {
      this.failures++;
      this.log.warn({ err: error, table: this.leases.table.table, failures: this.failures }, 'Cannot sweep for work');
      return sweepBackoff(this.settings.sweepIntervalMs, this.failures);
    }
  }
}
