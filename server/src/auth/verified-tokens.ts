/**
 * Remembers the claims of bearer tokens that passed verification until they expire, so that a
 * user's requests under load do not each pay for a signature check. Tokens are kept by their
 * SHA-256 hash, never as they are.
 */
import { hash } from 'node:crypto';
import type { JWTPayload } from 'jose';

/** Options of {@link VerifiedTokens}. */
export interface VerifiedTokensOptions {
  /** How many tokens are remembered at most; the oldest is forgotten first. */
  limit?: number;
  /** The current time in milliseconds (tests pass their own). */
  now?: () => number;
}

/**
 * Verified tokens and their claims, each until its `exp`. A token stays accepted until then even
 * if the issuer rotates its keys meanwhile, as it would in any replica that verified it once.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, { payload: JWTPayload; expiresAt: number }>();
  private readonly limit: number;
  private readonly now: () => number;

  constructor(options: VerifiedTokensOptions = {}) {
    this.limit = options.limit ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** How many tokens are remembered now. */
  get size(): number {
    return this.entries.size;
  }

  /** The claims of `token` if it was verified and has not expired since. */
  get(token: string): JWTPayload | undefined {
    const key = hashOf(token);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() < entry.expiresAt) return entry.payload;
    this.entries.delete(key);
    return undefined;
  }

  /** Remembers a verified token's claims until its `exp`; a token without `exp` is not remembered. */
  remember(token: string, payload: JWTPayload): void {
    if (typeof payload.exp !== 'number') return;
    const expiresAt = payload.exp * 1000;
    if (expiresAt <= this.now()) return;
    const key = hashOf(token);
    this.entries.delete(key);
    this.entries.set(key, { payload, expiresAt });
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
  }
}

function hashOf(token: string): string {
  // One-shot hashing: a Hash object per request costs more than the hash itself.
  return hash('sha256', token, 'base64url');
}
