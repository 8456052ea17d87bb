/**
 * Encryption of stored binding credentials: AES-256-GCM with a fresh 96-bit nonce per value
 * and the binding id as additional authenticated data, so a ciphertext cannot be moved to
 * another binding's row. The key comes from a key file (base64 of 32 random bytes).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Version prefix of the stored format `v1.<nonce>.<tag>.<ciphertext>` (base64url parts). */
const FORMAT = 'v1';
const KEY_BYTES = 32;
const NONCE_BYTES = 12;

/** Encrypts and decrypts credentials with one key. */
export class CredentialCipher {
  /** @param key 32 bytes of key material */
  constructor(private readonly key: Buffer) {
    if (key.length !== KEY_BYTES) throw new Error(`The credentials key must be ${KEY_BYTES} bytes, not ${key.length}`);
  }

  /** Seals `credentials` for the binding `bindingId`. */
  encrypt(credentials: Record<string, unknown>, bindingId: string): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    cipher.setAAD(Buffer.from(bindingId, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(credentials), 'utf8'), cipher.final()]);
    return [FORMAT, nonce, cipher.getAuthTag(), ciphertext]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /** Opens what `encrypt` sealed for the same binding; throws when it was altered or sealed with another key. */
  decrypt(sealed: string, bindingId: string): Record<string, unknown> {
    const [format, nonce, tag, ciphertext] = sealed.split('.');
    if (format !== FORMAT || nonce === undefined || tag === undefined || ciphertext === undefined) {
      throw new Error('Stored credentials are not in a known format');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(nonce, 'base64url'));
    decipher.setAAD(Buffer.from(bindingId, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as Record<string, unknown>;
  }
}

/**
 * Reads the key from `file`. With `createIfMissing` a missing file is created with a new
 * random key, readable by the owner only (mode 0600); otherwise a missing file is an error.
 */
export async function loadCredentialKey(file: string, createIfMissing: boolean): Promise<Buffer> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT' || !createIfMissing) {
      throw new Error(`Cannot read the credentials key file ${file}: ${(error as Error).message}`);
    }
    const key = randomBytes(KEY_BYTES);
    await mkdir(dirname(file), { recursive: true });
    try {
      await writeFile(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (writeError) {
      // Another process made the key first: use that one.
      if ((writeError as { code?: string }).code === 'EEXIST') return loadCredentialKey(file, false);
      throw writeError;
    }
    await chmod(file, 0o600);
    return key;
  }
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== KEY_BYTES) {
    throw new Error(
      `The credentials key file ${file} must hold ${KEY_BYTES} bytes in base64 (for example from \`openssl rand -base64 32\`)`,
    );
  }
  return key;
}

/** Whether a key file can be read by others than its owner (a warning for operators). */
export async function keyFileIsExposed(file: string): Promise<boolean> {
  const { mode } = await stat(file);
  return (mode & 0o077) !== 0;
}
