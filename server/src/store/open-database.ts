import { join } from 'node:path';
import type { MarketplaceConfig } from '../config/config.ts';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { openPgliteDatabase } from './pglite-database.ts';
import { openPostgresDatabase } from './postgres-database.ts';

/**
 * Opens the configured database (PostgreSQL when a URL is set, else PGlite in
 * `<dataDir>/pglite`) and brings its schema up to date.
 */
export async function openDatabase(config: MarketplaceConfig['database']): Promise<Database> {
  const database = config.url
    ? await openPostgresDatabase(config.url, { poolSize: config.poolSize, schema: config.schema })
    : await openPgliteDatabase(join(config.dataDir, 'pglite'));
  try {
    await migrate(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
