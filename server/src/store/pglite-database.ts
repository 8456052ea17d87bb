import { mkdir } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import { rethrowConnectionFailure, type Database, type Queryable } from './database.ts';

/**
 * Opens the embedded PostgreSQL with its data in `directory` (created when missing).
 *
 * PGlite runs in this thread and answers through promises alone, so a chain of statements (a
 * queue of list requests, each starting when the one before ends) would never give the event loop
 * a turn: no new connection accepted, no request read, no response compressed or sent until the
 * whole chain ran. Every statement therefore starts in a turn of the event loop of its own.
 */
export async function openPgliteDatabase(directory: string): Promise<Database> {
  await mkdir(directory, { recursive: true });
  const pglite = await PGlite.create(directory);
  const wrap = (target: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    query: async <T>(sql: string, params: unknown[] = []) => {
      await nextTurn();
      return { rows: (await target.query<T>(sql, params).catch(rethrowConnectionFailure)).rows };
    },
    exec: async (sql: string) => {
      await nextTurn();
      await target.exec(sql).catch(rethrowConnectionFailure);
    },
  });
  return {
    kind: 'pglite',
    ...wrap(pglite),
    transaction: (work) => pglite.transaction((tx) => work(wrap(tx))).catch(rethrowConnectionFailure),
    async listen(channel, handler) {
      const unsubscribe = await pglite.listen(channel, handler);
      return () => unsubscribe();
    },
    close: () => pglite.close(),
  };
}
