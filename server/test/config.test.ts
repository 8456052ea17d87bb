import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify, parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { ConfigError, DEFAULT_CONFIG_PATH, loadConfig } from '../src/config/load-config.ts';
import { temporaryDirectory } from './support/test-config.ts';

const demo = () => parse(readFileSync(DEFAULT_CONFIG_PATH, 'utf8')) as Record<string, any>;

/** Writes `document` to a temporary YAML file and loads it. */
async function loadDocument(document: unknown, env: Record<string, string> = {}) {
  const directory = await temporaryDirectory();
  try {
    const path = join(directory.path, 'config.yaml');
    await writeFile(path, typeof document === 'string' ? document : stringify(document));
    return loadConfig({ MARKETPLACE_CONFIG: path, ...env }, directory.path);
  } finally {
    await directory.remove();
  }
}

/** Asserts that loading fails with a message naming the file and containing every `parts`. */
async function assertInvalid(document: unknown, ...parts: string[]) {
  await assert.rejects(loadDocument(document), (error: Error) => {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${error}`);
    assert.match(error.message, /config\.yaml/);
    for (const part of parts) assert.ok(error.message.includes(part), `"${part}" missing from:\n${error.message}`);
    return true;
  });
}

describe('loadConfig', () => {
  it('loads the demo configuration with defaults and normalised localities', () => {
    const config = loadConfig({}, '/srv/marketplace');
    assert.equal(config.server.port, 8080);
    assert.equal(config.server.publicUrl, 'http://localhost:8080');
    assert.equal(
      config.database.dataDir,
      '/srv/marketplace/data/demo',
      'relative dataDir resolves against the working directory',
    );
    assert.equal(config.auth.usernameClaim, 'sub');
    assert.deepEqual(
      config.brokers.map((broker) => broker.locality),
      [{ kind: 'global' }, { kind: 'local', locationId: 'eu-de-central' }, { kind: 'local', locationId: 'eu-nl-west' }],
    );
    assert.deepEqual(config.projects.find((project) => project.id === 'acme-webshop')?.members, ['bob']);
  });

  it('applies DATABASE_URL, MARKETPLACE_DATA_DIR and PORT', () => {
    const config = loadConfig(
      { DATABASE_URL: 'postgres://db.example/marketplace', MARKETPLACE_DATA_DIR: 'state', PORT: '0' },
      '/srv/marketplace',
    );
    assert.equal(config.database.url, 'postgres://db.example/marketplace');
    assert.equal(config.database.dataDir, '/srv/marketplace/state');
    assert.equal(config.server.port, 0);
    assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT must be a port number/);
  });

  it('names the file when it cannot be read or parsed', async () => {
    assert.throws(
      () => loadConfig({ MARKETPLACE_CONFIG: '/nonexistent/marketplace.yaml' }),
      /Cannot read the configuration file \/nonexistent\/marketplace\.yaml/,
    );
    await assertInvalid('server: [unclosed', 'is not valid YAML');
  });

  it('names the key and the reason for schema violations', async () => {
    const config = demo();
    config.server.publicUrl = 'localhost:8080';
    config.auth.clientSecret = 'x';
    delete config.brokers[0].password;
    await assertInvalid(
      config,
      'server.publicUrl: has the wrong format',
      "auth: unknown key 'clientSecret'",
      "brokers[0]: missing 'password'",
    );
  });

  it('allows broker images from no other host by default, and from the configured image hosts', async () => {
    assert.deepEqual(loadConfig({}).catalog.imageHosts, []);
    const config = demo();
    config.catalog = { ...config.catalog, imageHosts: ['CDN.example.com', 'images.example.org:8443', '*.example.net'] };
    assert.deepEqual((await loadDocument(config)).catalog.imageHosts, [
      'cdn.example.com',
      'images.example.org:8443',
      '*.example.net',
    ]);
    for (const host of ['https://cdn.example.com', 'cdn.example.com/icons', '*', 'evil.example.com:port', '']) {
      config.catalog.imageHosts = [host];
      await assertInvalid(config, 'catalog.imageHosts[0]: has the wrong format');
    }
  });

  it('retries a failed catalog fetch after 2 s, doubling up to 60 s, unless configured otherwise', async () => {
    const defaults = loadConfig({}).catalog;
    assert.deepEqual([defaults.retryInitialDelaySeconds, defaults.retryMaxDelaySeconds], [2, 60]);
    const config = demo();
    config.catalog = { ...config.catalog, retryInitialDelaySeconds: 0.5, retryMaxDelaySeconds: 30 };
    const configured = (await loadDocument(config)).catalog;
    assert.deepEqual([configured.retryInitialDelaySeconds, configured.retryMaxDelaySeconds], [0.5, 30]);
    config.catalog = { ...config.catalog, retryInitialDelaySeconds: 0, retryMaxDelaySeconds: 'soon' };
    await assertInvalid(
      config,
      'catalog.retryInitialDelaySeconds: must be > 0',
      'catalog.retryMaxDelaySeconds: must be number',
    );
  });

  it('requires broker localities, project members and tenant locations to be configured', async () => {
    const config = demo();
    config.brokers[1].locality = { location: 'us-east' };
    config.projects[0].members.push('mallory');
    config.projects[0].tenants[0].locationId = 'ap-south';
    config.projects[1].workspaceId = 'nowhere';
    await assertInvalid(
      config,
      "brokers[1].locality.location: 'us-east' is not a configured location",
      "projects[0].members[1]: 'mallory' is not a configured user",
      "projects[0].tenants[0].locationId: 'ap-south' is not a configured location",
      "projects[1].workspaceId: 'nowhere' is not a configured workspace",
    );
    const wrongLocality = demo();
    wrongLocality.brokers[0].locality = 'local';
    await assertInvalid(wrongLocality, 'brokers[0].locality');
  });

  it('rejects duplicate ids and dev-provider users without a password', async () => {
    const config = demo();
    config.brokers[2].id = config.brokers[1].id;
    delete config.users[1].password;
    await assertInvalid(
      config,
      "brokers[2].id: 'demo-eu-de-central' is used twice",
      'users[1].password: required when auth.devProvider is true',
    );
  });
});
