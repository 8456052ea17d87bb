/**
 * Keeps stored credentials readable: the fingerprint of the credentials key is recorded in the
 * database, and the platform refuses to start with a different key, or with a missing key file
 * that it would otherwise replace by a new one. `rotateCredentialsKey` re-seals every stored
 * credential with a new key (see `npm run credentials:rotate`).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { chmod, rename, writeFile } from 'node:fs/promises';
import type { MarketplaceConfig } from '../config/config.ts';
import type { Database, Queryable } from '../store/database.ts';
import { CredentialCipher, loadCredentialKey } from './credential-cipher.ts';

/** The platform cannot open its stored credentials with the configured key; the message says what to do. */
export class CredentialKeyError extends Error {}

const ROTATE_HINT = 'rotate to a new key with `npm run credentials:rotate` (see docs/configuration.md)';

/** A name for a key that reveals nothing about it: HMAC-SHA256 of a fixed label, first 16 bytes in hex. */
export function keyFingerprint(key: Buffer): string {
  return createHmac('sha256', key).update('osb-marketplace credentials key').digest('hex').slice(0, 32);
}

/**
 * Loads the credentials key and checks it against the fingerprint in the database, recording it on
 * first use. A missing key file is only created when the database has nothing sealed yet.
 * @throws CredentialKeyError when the key is missing or another key sealed the stored credentials
 */
export async function openCredentialKey(
  database: Queryable,
  credentials: MarketplaceConfig['credentials'],
): Promise<Buffer> {
  const recorded = await recordedFingerprint(database);
  const sealed = recorded === undefined ? await anySealedCredential(database) : undefined;
  const mayCreate = credentials.createIfMissing && recorded === undefined && sealed === undefined;
  let key: Buffer;
  try {
    key = await loadCredentialKey(credentials.keyFile, mayCreate);
  } catch (error) {
    if (recorded === undefined && sealed === undefined) throw error;
    throw new CredentialKeyError(
      `The credentials key file ${credentials.keyFile} cannot be read (${(error as Error).message}), but the database holds ` +
        `credentials sealed with the key ${recorded ?? 'that sealed them'}. Restore that key file from your backup; ` +
        'a new key would make every stored credential unreadable.',
    );
  }
  const fingerprint = keyFingerprint(key);
  if (recorded !== undefined && recorded !== fingerprint) {
    throw new CredentialKeyError(
      `The credentials key in ${credentials.keyFile} (fingerprint ${fingerprint}) is not the key that sealed the stored ` +
        `credentials (fingerprint ${recorded}). Restore the original key file, or, with the original key in place, ${ROTATE_HINT}.`,
    );
  }
  if (recorded === undefined) {
    if (sealed !== undefined && !opens(key, sealed)) {
      throw new CredentialKeyError(
        `The credentials key in ${credentials.keyFile} (fingerprint ${fingerprint}) cannot open the stored credentials. ` +
          'Restore the key file that sealed them.',
      );
    }
    await database.query('INSERT INTO credentials_key (id, fingerprint) VALUES (1, $1) ON CONFLICT (id) DO NOTHING', [
      fingerprint,
    ]);
    const winner = await recordedFingerprint(database);
    if (winner !== fingerprint) {
      throw new CredentialKeyError(
        `Another platform process recorded the credentials key ${winner}; this one has ${fingerprint}.`,
      );
    }
  }
  return key;
}

/**
 * Re-seals every stored credential with a new random key in one transaction, records its
 * fingerprint, and puts the new key in the key file (the old one is kept as `<keyFile>.previous`).
 * Run it while the platform is stopped. Returns how many credentials were re-sealed.
 */
export async function rotateCredentialsKey(
  database: Database,
  credentials: MarketplaceConfig['credentials'],
): Promise<{ resealed: number; fingerprint: string; previousKeyFile: string }> {
  const oldKey = await openCredentialKey(database, credentials);
  const newKey = randomBytes(32);
  const staged = `${credentials.keyFile}.new`;
  await writeFile(staged, `${newKey.toString('base64')}\n`, { mode: 0o600 });
  await chmod(staged, 0o600);
  const oldCipher = new CredentialCipher(oldKey);
  const newCipher = new CredentialCipher(newKey);
  const fingerprint = keyFingerprint(newKey);
  const resealed = await database.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string; credentials: string }>(
      'SELECT id, credentials FROM service_bindings WHERE credentials IS NOT NULL FOR UPDATE',
    );
    for (const row of rows) {
      const sealed = newCipher.encrypt(oldCipher.decrypt(row.credentials, row.id), row.id);
      await tx.query('UPDATE service_bindings SET credentials = $2 WHERE id = $1', [row.id, sealed]);
    }
    await tx.query('UPDATE credentials_key SET fingerprint = $1, recorded_at = now() WHERE id = 1', [fingerprint]);
    return rows.length;
  });
  const previousKeyFile = `${credentials.keyFile}.previous`;
  await rename(credentials.keyFile, previousKeyFile);
  await rename(staged, credentials.keyFile);
  return { resealed, fingerprint, previousKeyFile };
}

async function recordedFingerprint(database: Queryable): Promise<string | undefined> {
  const { rows } = await database.query<{ fingerprint: string }>(
    'SELECT fingerprint FROM credentials_key WHERE id = 1',
  );
  return rows[0]?.fingerprint;
}

async function anySealedCredential(database: Queryable): Promise<{ id: string; credentials: string } | undefined> {
  const { rows } = await database.query<{ id: string; credentials: string }>(
    'SELECT id, credentials FROM service_bindings WHERE credentials IS NOT NULL LIMIT 1',
  );
  return rows[0];
}

function opens(key: Buffer, sealed: { id: string; credentials: string }): boolean {
  try {
    new CredentialCipher(key).decrypt(sealed.credentials, sealed.id);
    return true;
  } catch {
    return false;
  }
}
