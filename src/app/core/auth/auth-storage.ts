import { OAuthStorage } from 'angular-oauth2-oidc';

import { SIGN_IN_FLOW_KEYS } from './sign-in-start';

/** Items of an unfinished sign-in that must survive the redirect to the provider and back. */
const FLOW_ITEMS: ReadonlySet<string> = new Set(Object.values(SIGN_IN_FLOW_KEYS));

/**
 * Keeps tokens in memory only, so no script can read them from web storage and they vanish with
 * the tab. Only the short-lived items of a running sign-in (nonce and PKCE verifier) go to
 * `sessionStorage`, because the page reloads when the provider redirects back.
 */
export class TransientAuthStorage implements OAuthStorage {
  private readonly memory = new Map<string, string>();

  constructor(private readonly flowStorage: Storage = sessionStorage) {}

  /** Reads an item from memory, or a sign-in flow item from session storage. */
  getItem(key: string): string | null {
    return FLOW_ITEMS.has(key) ? this.flowStorage.getItem(key) : (this.memory.get(key) ?? null);
  }

  /** Removes an item wherever it is kept. */
  removeItem(key: string): void {
    if (FLOW_ITEMS.has(key)) {
      this.flowStorage.removeItem(key);
    } else {
      this.memory.delete(key);
    }
  }

  /** Stores a sign-in flow item in session storage and everything else in memory. */
  setItem(key: string, data: string): void {
    if (FLOW_ITEMS.has(key)) {
      this.flowStorage.setItem(key, data);
    } else {
      this.memory.set(key, data);
    }
  }
}
