import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

/** The folder of numbered migrations `NNN_name.sql`, applied in order. */
const MIGRATIONS_DIRECTORY = fileURLToPath(new URL('./migrations/', import.meta.url));

/** A migration file. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Reads the migrations of `directory`, sorted by version. */
export async function readMigrations(directory = MIGRATIONS_DIRECTORY): Promise<Migration[]> {
  const files = (await readdir(directory)).filter((file) => file.endsWith('.sql'));
  const migrations = await Promise.all(
    files.map(async (file) => {
      const match = /^(\d+)_([\w-]+)\.sql$/.exec(file);
      if (!match) throw new Error(`Migration file name ${file} does not look like NNN_name.sql`);
      return { version: Number(match[1]), name: match[2]!, sql: await readFile(`${directory}/${file}`, 'utf8') };
    }),
  );
  migrations.sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (index > 0 && migrations[index - 1]!.version === migration.version) {
      throw new Error(`Two migrations have version ${migration.version}`);
    }
  });
  return migrations;
}

/** The advisory lock every migration step takes, so two platform processes never migrate at once. */
export const MIGRATION_LOCK = 7201;

/**
 * Applies the migrations that `schema_migrations` does not list yet, each in its own transaction
 * under one advisory lock (so replicas starting together never migrate at once); the creation of
 * `schema_migrations` itself happens under the same lock. Returns the versions applied.
 */
export async function migrate(database: Database, migrations?: Migration[]): Promise<number[]> {
  const pending = migrations ?? (await readMigrations());
  await database.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
  });
  const applied: number[] = [];
  for (const migration of pending) {
    const done = await database.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const { rows } = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (rows.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}
