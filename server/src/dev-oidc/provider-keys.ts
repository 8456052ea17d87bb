/**
 * The development OpenID provider's secrets: the private signing keys (a JWKS) and the keys that
 * sign its session cookies. They are generated on first start, kept in one file readable only by
 * its owner, and reused after a restart, so tokens and sessions survive restarts.
 */
import { generateKeyPair, randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { calculateJwkThumbprint, type JWK } from 'jose';

/** The content of the key file: a private JWKS plus the cookie signing keys. */
export interface ProviderKeys {
  /** Private signing keys; the first one signs. */
  keys: JWK[];
  /** Keys for signing the provider's cookies (Keygrip); the first one signs. */
  cookieKeys: string[];
}

/** The algorithm of the generated signing key. */
export const SIGNING_ALGORITHM = 'RS256';

/** Only the owner may read or write the key file. */
const KEY_FILE_MODE = 0o600;

const generateRsaKeyPair = promisify(generateKeyPair);

/**
 * Reads the provider keys from `keyFile`, creating the file with fresh keys if it does not
 * exist. Creation is atomic: of two processes starting at once, both end up with the same keys.
 *
 * @param keyFile path of the key file (its directory is created if needed)
 * @param onPermissionsTightened told when an existing file was readable by others and got mode 0600
 */
export async function loadOrCreateProviderKeys(
  keyFile: string,
  onPermissionsTightened?: () => void,
): Promise<ProviderKeys> {
  const existing = await readProviderKeys(keyFile, onPermissionsTightened);
  if (existing) return existing;

  const created = await generateProviderKeys();
  await mkdir(dirname(keyFile), { recursive: true, mode: 0o700 });
  const temporaryFile = `${keyFile}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporaryFile, `${JSON.stringify(created, null, 2)}\n`, { mode: KEY_FILE_MODE, flag: 'wx' });
  try {
    await link(temporaryFile, keyFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temporaryFile);
  }
  const stored = await readProviderKeys(keyFile, onPermissionsTightened);
  if (!stored) throw new Error(`The key file ${keyFile} disappeared while it was being created`);
  return stored;
}

async function readProviderKeys(
  keyFile: string,
  onPermissionsTightened?: () => void,
): Promise<ProviderKeys | undefined> {
  let text: string;
  try {
    text = await readFile(keyFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (((await stat(keyFile)).mode & 0o077) !== 0) {
    await chmod(keyFile, KEY_FILE_MODE);
    onPermissionsTightened?.();
  }
  return parseProviderKeys(text, keyFile);
}

function parseProviderKeys(text: string, keyFile: string): ProviderKeys {
  const invalid = (reason: string) =>
    new Error(`The key file ${keyFile} is not usable (${reason}); delete it to have new keys generated`);
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch {
    throw invalid('not JSON');
  }
  const { keys, cookieKeys } = (content ?? {}) as Partial<Record<keyof ProviderKeys, unknown>>;
  const isPrivateKey = (key: unknown) =>
    typeof key === 'object' &&
    key !== null &&
    typeof (key as JWK).kty === 'string' &&
    typeof (key as JWK).d === 'string';
  if (!Array.isArray(keys) || keys.length === 0 || !keys.every(isPrivateKey)) {
    throw invalid('"keys" must be a non-empty list of private JWKs');
  }
  if (
    !Array.isArray(cookieKeys) ||
    cookieKeys.length === 0 ||
    !cookieKeys.every((key) => typeof key === 'string' && key.length >= 32)
  ) {
    throw invalid('"cookieKeys" must be a non-empty list of long strings');
  }
  return { keys: keys as JWK[], cookieKeys: cookieKeys as string[] };
}

async function generateProviderKeys(): Promise<ProviderKeys> {
  const { privateKey } = await generateRsaKeyPair('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' }) as JWK;
  const kid = await calculateJwkThumbprint(jwk, 'sha256');
  return {
    keys: [{ ...jwk, kid, alg: SIGNING_ALGORITHM, use: 'sig' }],
    cookieKeys: [randomBytes(32).toString('base64url')],
  };
}
