import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { rethrowConnectionFailure, type Database, type Queryable } from './database.ts';

/** Opens the embedded PostgreSQL with its data in `directory` (created when missing). */
export async function openPgliteDatabase(directory: string): Promise<Database> {
  await mkdir(directory, { recursive: true });
  const pglite = await PGlite.create(directory);
  const wrap = (target: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    query: async <T>(sql: string, params: unknown[] = []) => ({
      rows: (await target.query<T>(sql, params).catch(rethrowConnectionFailure)).rows,
    }),
    exec: async (sql: string) => {
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
