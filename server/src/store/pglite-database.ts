import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.ts';

/** Opens the embedded PostgreSQL with its data in `directory` (created when missing). */
export async function openPgliteDatabase(directory: string): Promise<Database> {
  await mkdir(directory, { recursive: true });
  const pglite = await PGlite.create(directory);
  const wrap = (target: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    query: async <T>(sql: string, params: unknown[] = []) => ({ rows: (await target.query<T>(sql, params)).rows }),
    exec: async (sql: string) => {
      await target.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    ...wrap(pglite),
    transaction: (work) => pglite.transaction((tx) => work(wrap(tx))),
    async listen(channel, handler) {
      const unsubscribe = await pglite.listen(channel, handler);
      return () => unsubscribe();
    },
    close: () => pglite.close(),
  };
}
