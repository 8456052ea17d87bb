/**
 * The credentials key and cipher: a key file made on first start (owner-only), reused later,
 * refused when configured but missing or malformed; ciphertexts that only open for their own
 * binding and only unaltered.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CredentialCipher, keyFileIsExposed, loadCredentialKey } from '../src/bindings/credential-cipher.ts';
import { parseConfig } from '../src/config/load-config.ts';
import { temporaryDirectory } from './support/test-config.ts';

let directory: string;
let removeDirectory: () => Promise<void>;

before(async () => {
  const temporary = await temporaryDirectory();
  directory = temporary.path;
  removeDirectory = temporary.remove;
});

after(async () => {
  await removeDirectory();
});

describe('the credentials key', () => {
  it('is made on first start in the data directory, readable by its owner only, and reused', async () => {
    const config = parseConfig(
      {
        server: { publicUrl: 'http://localhost:8080' },
        database: { dataDir: join(directory, 'data') },
        auth: { issuer: 'http://localhost:8080/oidc', clientId: 'ui' },
        locations: [],
        brokers: [],
        workspaces: [],
        projects: [],
        users: [],
      },
      'test',
    );
    assert.deepEqual(config.credentials, {
      keyFile: join(directory, 'data', 'credentials.key'),
      createIfMissing: true,
    });
    assert.deepEqual(config.expiry, { warningDays: 7, checkIntervalSeconds: 3600 });

    const key = await loadCredentialKey(config.credentials.keyFile, true);
    assert.equal(key.length, 32);
    assert.equal((await stat(config.credentials.keyFile)).mode & 0o777, 0o600);
    assert.equal(await keyFileIsExposed(config.credentials.keyFile), false);
    assert.deepEqual(await loadCredentialKey(config.credentials.keyFile, true), key);
    assert.equal((await readFile(config.credentials.keyFile, 'utf8')).trim(), key.toString('base64'));
  });

  it('must exist when configured, and hold 32 bytes', async () => {
    await assert.rejects(
      loadCredentialKey(join(directory, 'missing.key'), false),
      /Cannot read the credentials key file/,
    );
    const short = join(directory, 'short.key');
    await writeFile(short, Buffer.alloc(16).toString('base64'));
    await assert.rejects(loadCredentialKey(short, false), /must hold 32 bytes/);
  });
});

describe('the credential cipher', () => {
  const cipher = new CredentialCipher(Buffer.alloc(32, 7));
  const credentials = { username: 'app', password: 'secret-password-0815' };

  it('seals credentials without their plain text and opens them again', () => {
    const sealed = cipher.encrypt(credentials, 'binding-1');
    assert.match(sealed, /^v1\./);
    assert.equal(sealed.includes('secret-password-0815'), false);
    assert.notEqual(cipher.encrypt(credentials, 'binding-1'), sealed, 'a fresh nonce each time');
    assert.deepEqual(cipher.decrypt(sealed, 'binding-1'), credentials);
  });

  it('refuses a ciphertext of another binding, an altered one and another key', () => {
    const sealed = cipher.encrypt(credentials, 'binding-1');
    assert.throws(() => cipher.decrypt(sealed, 'binding-2'));
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    assert.throws(() =>
      cipher.decrypt([parts[0], parts[1], parts[2], body.toString('base64url')].join('.'), 'binding-1'),
    );
    assert.throws(() => new CredentialCipher(Buffer.alloc(32, 8)).decrypt(sealed, 'binding-1'));
    assert.throws(() => new CredentialCipher(Buffer.alloc(16)), /32 bytes/);
  });
});
