/**
 * Verified API tokens are remembered until they expire (so requests under load skip the signature
 * check), by hash, bounded in number; tokens that fail are never remembered.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { OidcDiscovery } from '../src/auth/oidc-discovery.ts';
import { TokenRejected, TokenVerifier } from '../src/auth/token-verifier.ts';
import { VerifiedTokens } from '../src/auth/verified-tokens.ts';
import { startTestIssuer, type TestIssuer } from './support/test-issuer.ts';

let issuer: TestIssuer;
before(async () => {
  issuer = await startTestIssuer();
});
after(() => issuer.close());

function verifier(): TokenVerifier {
  return new TokenVerifier(new OidcDiscovery(issuer.issuer), [
    { clientId: 'osb-marketplace-ui', issuer: issuer.issuer, audience: 'osb-marketplace-api' },
  ]);
}

describe('verified tokens', () => {
  it('answers a token verified before from memory, with the same claims', async () => {
    const tokens = verifier();
    const token = await issuer.sign({ sub: 'alice', azp: 'osb-marketplace-ui' });
    const first = await tokens.verifyApiToken(token);
    const second = await tokens.verifyApiToken(token);
    assert.equal(first.sub, 'alice');
    assert.equal(second, first, 'the remembered claims, not a second verification');
    assert.equal(tokens.verified.size, 1);
  });

  it('never remembers a token that failed', async () => {
    const tokens = verifier();
    const token = await issuer.sign({ sub: 'alice', azp: 'someone-else' });
    await assert.rejects(tokens.verifyApiToken(token), TokenRejected);
    await assert.rejects(tokens.verifyApiToken(token), TokenRejected);
    assert.equal(tokens.verified.size, 0);
  });

  it('forgets a token when it expires', () => {
    let now = 1_000_000;
    const verified = new VerifiedTokens({ now: () => now });
    verified.remember('token-a', { sub: 'alice', exp: 1_060 });
    assert.equal(verified.get('token-a')?.sub, 'alice');
    now = 1_060_000;
    assert.equal(verified.get('token-a'), undefined);
    assert.equal(verified.size, 0);
  });

  it('does not remember tokens without exp or already expired', () => {
    const verified = new VerifiedTokens({ now: () => 1_000_000 });
    verified.remember('no-exp', { sub: 'alice' });
    verified.remember('expired', { sub: 'alice', exp: 999 });
    assert.equal(verified.size, 0);
  });

  it('keeps at most its limit, forgetting the oldest first', () => {
    const verified = new VerifiedTokens({ limit: 2, now: () => 0 });
    for (const token of ['a', 'b', 'c']) verified.remember(token, { sub: token, exp: 60 });
    assert.equal(verified.size, 2);
    assert.equal(verified.get('a'), undefined);
    assert.equal(verified.get('c')?.sub, 'c');
  });
});
