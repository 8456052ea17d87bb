/**
 * What the platform serves for host pages: the marketplace element at /embed/ (with one stable
 * script URL) and the demo host portal at /portal/ (its files, its sign-in settings, and its
 * index.html for every address below it, so deep links and reloads work).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startTestIssuer, type TestIssuer } from './support/test-issuer.ts';
import { startTestPlatform, type TestPlatform } from './helper.ts';
import { temporaryDirectory, testConfig } from './support/test-config.ts';

let issuer: TestIssuer;
let platform: TestPlatform;
let directory: Awaited<ReturnType<typeof temporaryDirectory>>;

before(async () => {
  issuer = await startTestIssuer();
  directory = await temporaryDirectory();
  const embedRoot = join(directory.path, 'embed');
  const portalRoot = join(directory.path, 'portal');
  await mkdir(embedRoot);
  await mkdir(portalRoot);
  await writeFile(join(embedRoot, 'main.js'), 'export {};\n');
  await writeFile(join(portalRoot, 'index.html'), '<!doctype html><title>Portal</title>');
  await writeFile(join(portalRoot, 'main-ABCD1234.js'), 'console.log(1);\n');
  platform = await startTestPlatform({
    config: testConfig({
      issuer: issuer.issuer,
      dataDir: join(directory.path, 'data'),
      embedding: { demoPortal: { enabled: true, clientId: 'demo-portal' } },
    }),
    embedRoot,
    portalRoot,
  });
});
after(async () => {
  await platform.close();
  await issuer.close();
  await directory.remove();
});

describe('the marketplace element', () => {
  it('is loaded from one stable URL that imports the polyfills first', async () => {
    const response = await fetch(`${platform.url}/embed/osb-marketplace.js`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.equal(await response.text(), "import './polyfills.js';\nimport './main.js';\n");
    const main = await fetch(`${platform.url}/embed/main.js`);
    assert.equal(main.status, 200);
    assert.equal(main.headers.get('cache-control'), 'no-cache');
    assert.equal((await fetch(`${platform.url}/embed/missing.js`)).status, 404, 'no fallback to the UI');
  });
});

describe('the demo portal', () => {
  it('serves its files, its settings and its index for every address below /portal/', async () => {
    assert.equal((await fetch(`${platform.url}/portal/main-ABCD1234.js`)).status, 200);
    const settings = await fetch(`${platform.url}/portal/config.json`);
    assert.deepEqual(await settings.json(), {
      issuer: issuer.issuer,
      clientId: 'demo-portal',
      scope: 'openid profile email',
    });
    for (const path of ['/portal/', '/portal/marketplace/services/s1', '/portal/marketplace/instances/i1']) {
      const page = await fetch(`${platform.url}${path}`);
      assert.equal(page.status, 200, path);
      assert.equal(await page.text(), '<!doctype html><title>Portal</title>', path);
    }
    const bare = await fetch(`${platform.url}/portal`, { redirect: 'manual' });
    assert.equal(bare.status, 302);
    assert.equal(bare.headers.get('location'), '/portal/');
  });
});
