/**
 * A request while the database cannot be reached answers 503 with a clear message (not a 500),
 * and the platform stays up.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from './helper.ts';
import { temporaryDirectory } from './support/test-config.ts';
import { startTestIssuer, type TestIssuer } from './support/test-issuer.ts';

describe('a database outage', () => {
  let issuer: TestIssuer;
  let platform: TestPlatform;
  let removeDirectory: () => Promise<void>;

  before(async () => {
    issuer = await startTestIssuer();
    const directory = await temporaryDirectory();
    removeDirectory = directory.remove;
    platform = await startTestPlatform({ issuer: issuer.issuer, dataDir: directory.path });
  });
  after(async () => {
    // The test closed the database already.
    await platform.close().catch(() => undefined);
    await issuer.close();
    await removeDirectory();
  });

  it('answers 503 with a clear message while the database is gone', async () => {
    const token = await issuer.sign({ sub: 'alice' });
    assert.equal(
      (await platform.call('GET', '/api/projects/likvid-payments/service-instances', { token })).status,
      200,
    );
    await platform.database.close();
    const answer = await platform.call<{ message: string }>('GET', '/api/projects/likvid-payments/service-instances', {
      token,
    });
    assert.equal(answer.status, 503);
    assert.match(answer.body.message, /database does not answer/);
    assert.equal((await platform.call('GET', '/api/catalog', { token })).status, 200, 'the platform is still up');
  });
});
