/**
 * The credentials key is bound to the database that holds what it sealed: a different or missing
 * key stops the start with a clear message, and rotation re-seals every stored credential.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { CredentialCipher } from '../src/bindings/credential-cipher.ts';
import { keyFingerprint, openCredentialKey, rotateCredentialsKey } from '../src/bindings/credential-key-guard.ts';
import type { Database } from '../src/store/database.ts';
import { openDatabase } from '../src/store/open-database.ts';
import { temporaryDirectory, testConfig } from './support/test-config.ts';
import { buildApp } from '../src/app.ts';
import { startTestIssuer } from './support/test-issuer.ts';

describe('the credentials key and the database', () => {
  let directory: { path: string; remove(): Promise<void> };
  let database: Database;
  let keyFile: string;
  const credentials = () => ({ keyFile, createIfMissing: true });

  before(async () => {
    directory = await temporaryDirectory();
    database = await openDatabase({ dataDir: directory.path });
    keyFile = join(directory.path, 'credentials.key');
  });
  after(async () => {
    await database.close();
    await directory.remove();
  });

  async function storeBinding(id: string, sealed: string): Promise<void> {
    await database.query(
      `INSERT INTO service_instances (id, project_id, workspace_id, broker_id, service_id, plan_id, name, created_by, created_at,
         operation_type, operation_state, operation_requested_by, operation_started_at)
       VALUES ($1, 'p', 'w', 'b', 's', 'plan', $1, 'alice', now(), 'create', 'succeeded', 'alice', now())
       ON CONFLICT (id) DO NOTHING`,
      ['instance-1'],
    );
    await database.query(
      `INSERT INTO service_bindings (id, instance_id, project_id, name, credentials_handling, credentials, created_by, created_at,
         operation_type, operation_state, operation_requested_by, operation_started_at)
       VALUES ($1, 'instance-1', 'p', $1, 'stored', $2, 'alice', now(), 'create', 'succeeded', 'alice', now())`,
      [id, sealed],
    );
  }

  async function sealedCredentials(id: string): Promise<string> {
    const { rows } = await database.query<{ credentials: string }>(
      'SELECT credentials FROM service_bindings WHERE id = $1',
      [id],
    );
    return rows[0]!.credentials;
  }

  it('creates the key on first start, records its fingerprint and opens it again', async () => {
    const key = await openCredentialKey(database, credentials());
    const { rows } = await database.query<{ fingerprint: string }>('SELECT fingerprint FROM credentials_key');
    assert.deepEqual(rows, [{ fingerprint: keyFingerprint(key) }]);
    assert.equal(rows[0]!.fingerprint.includes(key.toString('hex')), false);
    assert.deepEqual(await openCredentialKey(database, credentials()), key);
    await storeBinding('binding-1', new CredentialCipher(key).encrypt({ password: 'secret-1' }, 'binding-1'));
  });

  it('refuses to start with a different key, naming both fingerprints and the way out', async () => {
    const original = await readFile(keyFile, 'utf8');
    await writeFile(keyFile, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    await assert.rejects(
      openCredentialKey(database, credentials()),
      /is not the key that sealed the stored credentials \(fingerprint [0-9a-f]{32}\)[\s\S]*credentials:rotate/,
    );
    await writeFile(keyFile, original, { mode: 0o600 });
  });

  it('refuses to start without the key file instead of making a new key', async () => {
    const original = await readFile(keyFile, 'utf8');
    await rm(keyFile);
    await assert.rejects(openCredentialKey(database, credentials()), /cannot be read[\s\S]*Restore that key file/);
    await assert.rejects(stat(keyFile), /ENOENT/, 'no new key file was made');
    await writeFile(keyFile, original, { mode: 0o600 });
  });

  it('rotates the key: every stored credential re-sealed, the new fingerprint recorded, the old key kept aside', async () => {
    const oldKey = await openCredentialKey(database, credentials());
    await storeBinding('binding-2', new CredentialCipher(oldKey).encrypt({ password: 'secret-2' }, 'binding-2'));
    const { resealed, fingerprint, previousKeyFile } = await rotateCredentialsKey(database, credentials());
    assert.equal(resealed, 2);
    const newKey = await openCredentialKey(database, credentials());
    assert.notDeepEqual(newKey, oldKey);
    assert.equal(fingerprint, keyFingerprint(newKey));
    assert.equal((await stat(keyFile)).mode & 0o777, 0o600);
    assert.deepEqual(Buffer.from((await readFile(previousKeyFile, 'utf8')).trim(), 'base64'), oldKey);
    const cipher = new CredentialCipher(newKey);
    assert.deepEqual(cipher.decrypt(await sealedCredentials('binding-1'), 'binding-1'), { password: 'secret-1' });
    assert.deepEqual(cipher.decrypt(await sealedCredentials('binding-2'), 'binding-2'), { password: 'secret-2' });
    const resealedFirst = await sealedCredentials('binding-1');
    assert.throws(() => new CredentialCipher(oldKey).decrypt(resealedFirst, 'binding-1'));
  });

  it('checks a key against credentials stored before fingerprints were recorded', async () => {
    await database.query('DELETE FROM credentials_key');
    await writeFile(keyFile, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    await assert.rejects(openCredentialKey(database, credentials()), /cannot open the stored credentials/);
  });
});

describe('starting the platform with another credentials key', () => {
  /** Builds the platform over `dataDir` the way it starts, then closes it again; rejects when the start fails. */
  async function startAndStop(issuer: string, dataDir: string): Promise<void> {
    const config = testConfig({ issuer, dataDir });
    const database = await openDatabase(config.database);
    try {
      const app = await buildApp(config, { database, logger: false });
      await app.close();
    } finally {
      await database.close();
    }
  }

  it('refuses with a clear message instead of starting with a key that cannot open the stored credentials', async () => {
    const directory = await temporaryDirectory();
    const issuer = await startTestIssuer();
    try {
      await startAndStop(issuer.issuer, directory.path);
      await writeFile(join(directory.path, 'credentials.key'), `${randomBytes(32).toString('base64')}\n`, {
        mode: 0o600,
      });
      await assert.rejects(
        startAndStop(issuer.issuer, directory.path),
        /is not the key that sealed the stored credentials/,
      );
      await rm(join(directory.path, 'credentials.key'));
      await assert.rejects(startAndStop(issuer.issuer, directory.path), /Restore that key file/);
    } finally {
      await issuer.close();
      await directory.remove();
    }
  });
});
