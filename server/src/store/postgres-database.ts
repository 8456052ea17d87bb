import pg from 'pg';
import { rethrowConnectionFailure, type Database, type Queryable, type QueryOptions } from './database.ts';
import { MIGRATION_LOCK } from './migrate.ts';

/** How the platform connects to a PostgreSQL server. */
export interface PostgresOptions {
  /** Connections in the pool (default 10); LISTEN takes one more. */
  poolSize?: number;
  /** The schema of the platform's tables, created when missing (default: the server's search path). */
  schema?: string;
}

/** Connects to a PostgreSQL server through a connection pool. */
export async function openPostgresDatabase(url: string, options: PostgresOptions = {}): Promise<Database> {
  const { schema } = options;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema))
    throw new Error(`The schema name ${schema} is not a plain lower-case identifier`);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // A connection that breaks while idle in the pool is replaced at its next use; without a
  // handler its error would end the process.
  pool.on('error', () => undefined);
  // Fail at start, with the server's reason, rather than at the first request.
  const client = await pool.connect();
  try {
    if (schema) {
      // Under the migrations' lock: replicas starting together would otherwise race to create it.
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.query('COMMIT');
    }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  // Each connection prepares a statement under its name the first time it runs it.
  const statementNames = new Map<string, string>();
  const nameOf = (sql: string) => {
    let name = statementNames.get(sql);
    if (name === undefined) statementNames.set(sql, (name = `prepared_${statementNames.size + 1}`));
    return name;
  };
  const wrap = (target: pg.Pool | pg.PoolClient): Queryable => ({
    query: async <T>(sql: string, params: unknown[] = [], options: QueryOptions = {}) => ({
      rows: (
        await (
          options.prepare ? target.query({ name: nameOf(sql), text: sql, values: params }) : target.query(sql, params)
        ).catch(rethrowConnectionFailure)
      ).rows as T[],
    }),
    exec: async (sql: string) => {
      await target.query(sql).catch(rethrowConnectionFailure);
    },
  });
  const listener = new NotificationListener(url, schema);
  let closing: Promise<void> | undefined;
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(work) {
      const connection = await pool.connect().catch(rethrowConnectionFailure);
      try {
        await connection.query('BEGIN');
        const result = await work(wrap(connection));
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        await connection.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        connection.release();
      }
    },
    listen: (channel, handler) => listener.listen(channel, handler),
    close() {
      closing ??= listener.close().then(() => pool.end());
      return closing;
    },
  };
}

/**
 * One connection outside the pool that LISTENs on the channels in use, connected on first use
 * and reconnected (listening again) after it broke. Notifications sent while it was away are lost;
 * users of `listen` treat them as hints and keep a slower path that reads the database.
 */
class NotificationListener {
  private readonly handlers = new Map<string, Set<(payload: string) => void>>();
  private client: Promise<pg.Client> | undefined;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly url: string,
    private readonly schema: string | undefined,
  ) {}

  async listen(channel: string, handler: (payload: string) => void): Promise<() => Promise<void>> {
    let handlers = this.handlers.get(channel);
    if (!handlers) {
      handlers = new Set();
      this.handlers.set(channel, handlers);
      await (await this.connection()).query(`LISTEN ${quoteChannel(channel)}`);
    }
    handlers.add(handler);
    return async () => {
      handlers.delete(handler);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    if (client) await client.then((connected) => connected.end()).catch(() => undefined);
  }

  private connection(): Promise<pg.Client> {
    this.client ??= this.connect();
    return this.client;
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.url,
      ...(this.schema ? { options: `-c search_path=${this.schema}` } : {}),
    });
    client.on('notification', (message) => {
      for (const handler of this.handlers.get(message.channel) ?? []) handler(message.payload ?? '');
    });
    client.on('error', () => this.reconnectLater());
    client.on('end', () => this.reconnectLater());
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`LISTEN ${quoteChannel(channel)}`);
      return client;
    } catch (error) {
      this.client = undefined;
      throw error;
    }
  }

  private reconnectLater(): void {
    if (this.closed || this.retry) return;
    this.client = undefined;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      if (!this.closed && this.handlers.size > 0) this.connection().catch(() => this.reconnectLater());
    }, 1000);
    this.retry.unref();
  }
}

/** A channel name as a quoted identifier (channels are the platform's own constants). */
function quoteChannel(channel: string): string {
  return `"${channel.replaceAll('"', '""')}"`;
}
