/**
 * The one database interface of the platform, implemented over the embedded PostgreSQL (PGlite)
 * and over a PostgreSQL server (`pg`). Both speak the same SQL, so migrations and repositories
 * are written once.
 */

/** How one statement runs. */
export interface QueryOptions {
  /**
   * Keep the statement prepared on its connection and reuse it whenever the same text runs again:
   * later runs are not parsed again, and once the database settles on a generic plan not planned
   * again either. For statements that run often with changing parameters; a statement stays
   * prepared as long as its connection lives, so only for a fixed set of texts (values are
   * parameters). Inside a transaction the statement may run unprepared.
   */
  prepare?: boolean;
}

/** Runs SQL statements. */
export interface Queryable {
  /** Runs one statement with `$1`-style parameters and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<{ rows: T[] }>;
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

/** The database cannot be reached right now (a restart, a dropped connection); requests answer 503 (`databaseUnavailable`). */
export class DatabaseUnavailableError extends Error {
  /** The HTTP status the error handler answers with. */
  readonly statusCode = 503;

  /** @param cause the driver's error */
  constructor(cause: unknown) {
    super('The database cannot be reached at the moment. Nothing was changed; try again in a minute.', { cause });
  }
}

/** SQLSTATE classes and codes of a lost or refused connection (class 08, admin shutdown, crash, starting up). */
const CONNECTION_STATES = /^(08|57P0[123])/;
const CONNECTION_MESSAGES =
  /PGlite is closed|Cannot use a pool after calling end on the pool|Connection terminated|connect ECONNREFUSED|connection error|timeout exceeded when trying to connect/i;

/** Rethrows a lost-connection error as {@link DatabaseUnavailableError}, any other error as it is. */
export function rethrowConnectionFailure(error: unknown): never {
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = error instanceof Error ? error.message : '';
  if ((typeof code === 'string' && CONNECTION_STATES.test(code)) || CONNECTION_MESSAGES.test(message)) {
    throw new DatabaseUnavailableError(error);
  }
  throw error;
}
