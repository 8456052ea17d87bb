import pg from 'pg';
import { rethrowConnectionFailure, type Database, type Queryable } from './database.ts';

/** Connects to a PostgreSQL server through a connection pool. */
export async function openPostgresDatabase(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection that breaks (a server restart) must not crash the process: the pool drops
  // it, and the next query connects again or answers 503 (DatabaseUnavailableError).
  pool.on('error', () => undefined);
  // Fail at start, with the server's reason, rather than at the first request.
  const client = await pool.connect();
  client.release();
  const wrap = (target: pg.Pool | pg.PoolClient): Queryable => ({
    query: async <T>(sql: string, params: unknown[] = []) => ({
      rows: (await target.query(sql, params).catch(rethrowConnectionFailure)).rows as T[],
    }),
    exec: async (sql: string) => {
      await target.query(sql).catch(rethrowConnectionFailure);
    },
  });
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
    close: () => pool.end(),
  };
}
