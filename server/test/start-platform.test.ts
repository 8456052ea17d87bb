import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogResponse, MeResponse } from '@osb/api';
import { startPlatform, type RunningPlatform } from '../src/start-platform.ts';
import { loadConfig } from '../src/config/load-config.ts';
import { signIn } from './support/dev-oidc-browser.ts';
import { temporaryDirectory } from './support/test-config.ts';

let directory: Awaited<ReturnType<typeof temporaryDirectory>>;
let platform: RunningPlatform;

/** The demo configuration on free ports with its data in a temporary directory. */
function demoConfigOnFreePorts(dataDir: string) {
  const config = loadConfig({ MARKETPLACE_DATA_DIR: dataDir, PORT: '0' });
  const demoOrigin = `http://${config.demoBroker.host}:${config.demoBroker.port}`;
  config.demoBroker.port = 0;
  config.brokers = config.brokers.map((broker) => ({
    ...broker,
    url: broker.url.replace(demoOrigin, `http://${config.demoBroker.host}:0`),
  }));
  return config;
}

async function tokenFor(username: string): Promise<string> {
  const tokens = await signIn({
    issuer: platform.config.auth.issuer,
    clientId: platform.config.auth.clientId,
    redirectUri: `${platform.url}/`,
    username,
    password: 'demo',
  });
  return tokens.access_token;
}

async function getJson<T>(path: string, token: string): Promise<T> {
  const response = await fetch(`${platform.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(response.status, 200, `${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

before(async () => {
  directory = await temporaryDirectory();
  platform = await startPlatform(demoConfigOnFreePorts(directory.path), { logger: false });
});
after(async () => {
  await platform?.close();
  await directory.remove();
});

describe('startPlatform with the demo configuration on port 0', () => {
  it('derives the public URL and the dev issuer from the bound port', async () => {
    const port = new URL(platform.url).port;
    assert.notEqual(port, '0');
    assert.equal(platform.url, `http://localhost:${port}`);
    assert.equal(platform.config.auth.issuer, `http://localhost:${port}/oidc`);
    const uiConfig = (await (await fetch(`${platform.url}/config.json`)).json()) as { oidc: { issuer: string } };
    assert.equal(uiConfig.oidc.issuer, `http://localhost:${port}/oidc`);
    const info = (await (await fetch(`${platform.url}/info`)).json()) as { token_endpoint: string };
    assert.equal(info.token_endpoint, `http://localhost:${port}/oidc/token`);
  });

  it('signs alice in at the development provider and shows her projects', async () => {
    const me = await getJson<MeResponse>('/api/me', await tokenFor('alice'));
    assert.equal(me.user.displayName, 'Alice Adams');
    assert.deepEqual(
      me.projects.map((project) => project.id),
      ['likvid-payments', 'likvid-mobile'],
    );
  });

  it("lists the demo broker's services from every catalog", async () => {
    const bob = await tokenFor('bob');
    const catalog = await getJson<CatalogResponse>('/api/catalog', bob);
    assert.deepEqual(
      catalog.brokers.map((status) => [status.id, status.state]),
      [
        ['demo-global', 'ok'],
        ['demo-eu-de-central', 'ok'],
        ['demo-eu-nl-west', 'ok'],
      ],
    );
    assert.ok(catalog.services.length > 0);
    const project = await fetch(`${platform.url}/api/projects/likvid-payments`, {
      headers: { Authorization: `Bearer ${bob}` },
    });
    assert.equal(project.status, 404);
  });

  it('keeps its state in the data directory', () => {
    assert.ok(existsSync(join(directory.path, 'pglite')));
    assert.ok(existsSync(join(directory.path, 'dev-oidc-keys.json')));
  });
});
