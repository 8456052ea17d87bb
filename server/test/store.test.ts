import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { migrate, readMigrations } from '../src/store/migrate.ts';
import { openDatabase } from '../src/store/open-database.ts';
import { openPgliteDatabase } from '../src/store/pglite-database.ts';
import { openPostgresDatabase } from '../src/store/postgres-database.ts';
import { CatalogRepository } from '../src/store/catalog-repository.ts';
import type { Database } from '../src/store/database.ts';
import { temporaryDirectory } from './support/test-config.ts';

/** The store behaviour both backends must show. */
async function exerciseStore(open: () => Promise<Database>) {
  const database = await open();
  try {
    const versions = (
      await database.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')
    ).rows;
    const files = await readMigrations();
    assert.deepEqual(
      versions.map((row) => row.version),
      files.map((migration) => migration.version),
    );
    assert.deepEqual(await migrate(database), [], 'applying again changes nothing');

    const repository = new CatalogRepository(database);
    const fetchedAt = new Date('2026-11-23T10:00:00.000Z');
    await repository.save({ brokerId: 'b1', catalog: { services: [{ id: 'x', name: 'ü "quoted"' }] }, fetchedAt });
    await repository.save({
      brokerId: 'b1',
      catalog: { services: [] },
      fetchedAt: new Date('2026-11-23T11:00:00.000Z'),
    });
    await repository.save({ brokerId: 'b2', catalog: { services: [{ id: 'y' }] }, fetchedAt });
    assert.deepEqual(await repository.findAll(), [
      { brokerId: 'b1', catalog: { services: [] }, fetchedAt: new Date('2026-11-23T11:00:00.000Z') },
      { brokerId: 'b2', catalog: { services: [{ id: 'y' }] }, fetchedAt },
    ]);

    await assert.rejects(
      database.transaction(async (tx) => {
        await tx.query("INSERT INTO broker_catalogs VALUES ('b3', '{}', now())");
        throw new Error('abort');
      }),
      /abort/,
    );
    assert.equal((await repository.findAll()).length, 2, 'a failed transaction leaves nothing behind');
    await exercisePreparedStatements(database);
  } finally {
    await database.close();
  }
}

/**
 * Prepared statements (with the catalogs of b1 and b2 stored): the same rows as unprepared ones
 * for every kind of parameter, a failing run leaves the connection usable, and no run reads what
 * an open transaction wrote.
 */
async function exercisePreparedStatements(database: Database) {
  const select =
    'SELECT broker_id, catalog, fetched_at FROM broker_catalogs WHERE broker_id = ANY($1::text[]) AND ($2::text IS NULL OR broker_id <> $2) AND catalog @> $3::jsonb ORDER BY broker_id';
  for (const params of [
    [['b1', 'b2'], null, '{}'],
    [['b1', 'b2', 'b9'], 'b1', '{"services": [{"id": "y"}]}'],
    [[], null, '{}'],
  ]) {
    assert.deepEqual(
      await database.query(select, params, { prepare: true }),
      await database.query(select, params),
      `prepared and unprepared agree for ${JSON.stringify(params)}`,
    );
  }
  assert.equal((await database.query(select, [['b1'], null, '{}'], { prepare: true })).rows.length, 1);
  if (database.kind === 'pglite') {
    // One connection: the statement is prepared on it, once.
    const { rows } = await database.query('SELECT 1 FROM pg_prepared_statements WHERE statement = $1', [select]);
    assert.equal(rows.length, 1, 'the statement is prepared once');
  }

  const divide = 'SELECT 10 / $1::int AS quotient';
  await assert.rejects(database.query(divide, [0], { prepare: true }), /division by zero/);
  assert.deepEqual((await database.query(divide, [5], { prepare: true })).rows, [{ quotient: 2 }]);
  await assert.rejects(database.query('SELEKT $1::int', [1], { prepare: true }), /syntax error/);
  assert.deepEqual((await database.query('SELECT $1::int AS one', [1], { prepare: true })).rows, [{ one: 1 }]);

  let written!: () => void;
  const insideTransaction = new Promise<void>((resolve) => (written = resolve));
  let end!: () => void;
  const ending = new Promise<void>((resolve) => (end = resolve));
  const rolledBack = database.transaction(async (tx) => {
    await tx.query("INSERT INTO broker_catalogs VALUES ('b3', '{}', now())");
    written();
    await ending;
    throw new Error('abort');
  });
  await insideTransaction;
  const counted = database.query<{ n: string | number }>('SELECT count(*) AS n FROM broker_catalogs', [], {
    prepare: true,
  });
  // Time for the count to run, were it not held back until the transaction ends.
  await new Promise((resolve) => setTimeout(resolve, 50));
  end();
  await assert.rejects(rolledBack, /abort/);
  assert.equal(Number((await counted).rows[0]!.n), 2, "a prepared statement never reads an open transaction's rows");
}

describe('store', () => {
  it('migrates PGlite, keeps catalogs and survives a restart', async () => {
    const directory = await temporaryDirectory();
    try {
      await exerciseStore(() => openDatabase({ dataDir: directory.path }));
      const reopened = await openDatabase({ dataDir: directory.path });
      try {
        const catalogs = await new CatalogRepository(reopened).findAll();
        assert.deepEqual(
          catalogs.map((entry) => entry.brokerId),
          ['b1', 'b2'],
        );
      } finally {
        await reopened.close();
      }
    } finally {
      await directory.remove();
    }
  });

  it('applies migrations in order and rolls back a failing one', async () => {
    const directory = await temporaryDirectory();
    const migrations = join(directory.path, 'migrations');
    await mkdir(migrations);
    await writeFile(join(migrations, '002_second.sql'), 'INSERT INTO things VALUES (2);');
    await writeFile(
      join(migrations, '001_first.sql'),
      'CREATE TABLE things (n integer); INSERT INTO things VALUES (1);',
    );
    await writeFile(join(migrations, '003_broken.sql'), 'INSERT INTO things VALUES (3); SELECT * FROM missing_table;');
    const database = await openPgliteDatabase(join(directory.path, 'pglite'));
    try {
      const loaded = await readMigrations(migrations);
      assert.deepEqual(
        loaded.map((migration) => migration.version),
        [1, 2, 3],
      );
      await assert.rejects(migrate(database, loaded), /missing_table/);
      assert.deepEqual((await database.query<{ n: number }>('SELECT n FROM things ORDER BY n')).rows, [
        { n: 1 },
        { n: 2 },
      ]);
      const applied = (
        await database.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')
      ).rows;
      assert.deepEqual(applied, [{ version: 1 }, { version: 2 }]);
      assert.deepEqual(await migrate(database, loaded.slice(0, 2)), []);
    } finally {
      await database.close();
      await directory.remove();
    }
  });

  it(
    'lets replicas that start together on one PostgreSQL migrate once',
    { skip: process.env.DATABASE_URL ? false : 'DATABASE_URL is not set' },
    async () => {
      const schema = `osb_test_migrations_${process.pid}_${Date.now()}`;
      const databases = await Promise.all(
        Array.from({ length: 4 }, () => openDatabase({ url: process.env.DATABASE_URL!, schema, dataDir: '' })),
      );
      try {
        const { rows } = await databases[0]!.query<{ version: number; n: string }>(
          'SELECT version, count(*) AS n FROM schema_migrations GROUP BY version ORDER BY version',
        );
        const files = await readMigrations();
        assert.deepEqual(
          rows.map((row) => [row.version, Number(row.n)]),
          files.map((migration) => [migration.version, 1]),
        );
      } finally {
        await databases[0]!.exec(`DROP SCHEMA ${schema} CASCADE`);
        await Promise.all(databases.map((database) => database.close()));
      }
    },
  );

  it(
    'migrates PostgreSQL the same way',
    {
      skip: process.env.DATABASE_URL
        ? false
        : 'DATABASE_URL is not set, so there is no PostgreSQL server to test against',
    },
    async () => {
      // A schema of its own, so the test never touches the database's other tables.
      const schema = `osb_marketplace_test_${process.pid}_${Date.now()}`;
      const admin = await openPostgresDatabase(process.env.DATABASE_URL!);
      await admin.exec(`CREATE SCHEMA ${schema}`);
      try {
        const url = new URL(process.env.DATABASE_URL!);
        url.searchParams.set('options', `-c search_path=${schema}`);
        await exerciseStore(() => openDatabase({ url: url.toString(), dataDir: '' }));
      } finally {
        await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
        await admin.close();
      }
    },
  );
});
