/**
 * The one database interface of the platform, implemented over the embedded PostgreSQL (PGlite)
 * and over a PostgreSQL server (`pg`). Both speak the same SQL, so migrations and repositories
 * are written once.
 */

/** Runs SQL statements. */
export interface Queryable {
  /** Runs one statement with `$1`-style parameters and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** A database connection (or pool) of the platform. */
export interface Database extends Queryable {
  /** Which backend answers: `pglite` (embedded) or `postgres`. */
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` inside one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Calls `handler` with the payload of every `NOTIFY` on `channel` (from any process on the
   * same database); resolves once listening, to a function that stops it.
   */
  listen(channel: string, handler: (payload: string) => void): Promise<() => Promise<void>>;
  /** Closes the connection; the data stays. */
  close(): Promise<void>;
}
