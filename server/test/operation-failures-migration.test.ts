import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { migrate, readMigrations } from '../src/store/migrate.ts';
import { openPgliteDatabase } from '../src/store/pglite-database.ts';
import { temporaryDirectory } from './support/test-config.ts';

const FAILURE_CODES_MIGRATION = 13;

describe('migration of stored operation failures to codes', () => {
  it('gives failures stored as English text their code, and keeps the broker’s words as the broker’s', async () => {
    const directory = await temporaryDirectory();
    const database = await openPgliteDatabase(join(directory.path, 'pglite'));
    try {
      const migrations = await readMigrations();
      await migrate(
        database,
        migrations.filter((migration) => migration.version < FAILURE_CODES_MIGRATION),
      );
      const failed = [
        ['plain', 'The operation did not finish in the time allowed.'],
        ['with-status', 'The service broker failed to carry out the request (HTTP 503).'],
        ['apostrophe', 'The service broker did not accept the platform’s credentials.'],
        ['broker-words', 'Out of capacity (HTTP 500).'],
      ];
      for (const [id, description] of failed) {
        await database.query(
          `INSERT INTO service_instances (id, project_id, workspace_id, broker_id, service_id, plan_id, name, created_by,
             created_at, operation_type, operation_state, operation_description, operation_requested_by, operation_started_at)
           VALUES ($1, 'p', 'w', 'b', 's', 'plan', $1, 'alice', now(), 'create', 'failed', $2, 'alice', now())`,
          [id, description],
        );
      }
      await database.query(
        `INSERT INTO service_instances (id, project_id, workspace_id, broker_id, service_id, plan_id, name, created_by,
           created_at, operation_type, operation_state, operation_description, operation_requested_by, operation_started_at)
         VALUES ('running', 'p', 'w', 'b', 's', 'plan', 'running', 'alice', now(), 'create', 'in progress',
           'The operation did not finish in the time allowed.', 'alice', now())`,
      );
      await database.query(
        `INSERT INTO service_bindings (id, instance_id, project_id, name, credentials_handling, created_by, created_at,
           operation_type, operation_state, operation_description, operation_requested_by, operation_started_at)
         VALUES ('binding', 'plain', 'p', 'binding', 'stored', 'alice', now(), 'delete', 'failed',
           'The service broker could not be reached.', 'alice', now())`,
      );

      assert.deepEqual(await migrate(database, migrations), [
        ...migrations.filter((migration) => migration.version >= FAILURE_CODES_MIGRATION).map((m) => m.version),
      ]);

      const { rows } = await database.query<{ id: string; operation_failure: unknown }>(
        'SELECT id, operation_failure FROM service_instances ORDER BY id',
      );
      assert.deepEqual(Object.fromEntries(rows.map((row) => [row.id, row.operation_failure])), {
        apostrophe: { reason: 'unauthorized' },
        'broker-words': { reason: 'broker-error', brokerMessage: 'Out of capacity (HTTP 500).' },
        plain: { reason: 'polling-deadline' },
        running: null,
        'with-status': { reason: 'broker-error', status: 503 },
      });
      const binding = await database.query<{ operation_failure: unknown }>(
        'SELECT operation_failure FROM service_bindings',
      );
      assert.deepEqual(binding.rows[0]!.operation_failure, { reason: 'unreachable' });
    } finally {
      await database.close();
      await directory.remove();
    }
  });
});
