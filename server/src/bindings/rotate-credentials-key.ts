/**
 * `npm run credentials:rotate`: re-seals every stored binding credential with a new key, with the
 * configuration from MARKETPLACE_CONFIG (or the demo file). Stop the platform first.
 */
import { ConfigError, loadConfig } from '../config/load-config.ts';
import { openDatabase } from '../store/open-database.ts';
import { CredentialKeyError, rotateCredentialsKey } from './credential-key-guard.ts';

try {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    const { resealed, fingerprint, previousKeyFile } = await rotateCredentialsKey(database, config.credentials);
    console.log(
      `Re-sealed ${resealed} stored credential(s) with a new key (fingerprint ${fingerprint}) in ${config.credentials.keyFile}. ` +
        `The previous key is in ${previousKeyFile}: destroy it once your backups no longer need it.`,
    );
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof CredentialKeyError ? error.message : error);
  process.exit(1);
}
