/**
 * The development OpenID provider signs anyone in with the configured demo passwords: it runs only
 * on a loopback address unless the configuration forces it, and the start-up banner never prints
 * the passwords.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { ConfigError, DEFAULT_CONFIG_PATH, loadConfig } from '../src/config/load-config.ts';
import { startupBanner } from '../src/start-platform.ts';
import { temporaryDirectory } from './support/test-config.ts';

const demo = () => parse(readFileSync(DEFAULT_CONFIG_PATH, 'utf8')) as Record<string, any>;

async function load(document: unknown) {
  const directory = await temporaryDirectory();
  try {
    const path = join(directory.path, 'config.yaml');
    await writeFile(path, stringify(document));
    return loadConfig({ MARKETPLACE_CONFIG: path }, directory.path);
  } finally {
    await directory.remove();
  }
}

describe('the development OpenID provider', () => {
  for (const host of ['0.0.0.0', '::', '10.1.2.3', 'marketplace.example']) {
    it(`refuses to run on ${host} unless forced`, async () => {
      const config = demo();
      config.server.host = host;
      await assert.rejects(load(config), (error: Error) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /auth\.devProvider: .*loopback.*auth\.devProviderOnAnyAddress: true/s);
        return true;
      });
      config.auth.devProviderOnAnyAddress = true;
      assert.equal((await load(config)).server.host, host);
    });
  }

  for (const host of ['127.0.0.1', '::1', 'localhost']) {
    it(`runs on the loopback address ${host}`, async () => {
      const config = demo();
      config.server.host = host;
      assert.equal((await load(config)).auth.devProvider, true);
    });
  }

  it('names the demo users at start-up without their passwords', async () => {
    const document = demo();
    document.users.forEach(
      (user: { password: string }, index: number) => (user.password = `secret-password-${index}-4711`),
    );
    const config = await load(document);
    const banner = startupBanner('http://localhost:8080', config);
    for (const user of config.users) {
      assert.ok(banner.includes(user.id), `${user.id} missing`);
      assert.ok(!banner.includes(user.password!), `the password of ${user.id} is printed`);
    }
  });
});
