/**
 * In-memory storage for the development OpenID provider's state: sessions, interactions,
 * grants, authorization codes. It is lost on restart, which only means signing in again; the
 * access tokens are JWTs and stay valid because the signing keys are kept on disk.
 */
import type { Adapter, AdapterPayload } from 'oidc-provider';

/** Models whose entries belong to a grant and go when the grant is revoked. */
const GRANT_BOUND_MODELS = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
]);

/** How many writes pass between two sweeps of expired entries. */
const WRITES_PER_SWEEP = 100;

interface Entry<T> {
  value: T;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** The entries of one provider, shared by the adapters of all its models. */
export class MemoryStore {
  private readonly entries = new Map<string, Entry<unknown>>();
  private writesSinceSweep = 0;

  /** The value under `key`, unless it has expired. */
  get<T>(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value as T;
  }

  /** Stores `value` under `key` for `expiresIn` seconds. */
  set(key: string, value: unknown, expiresIn: number): void {
    if (++this.writesSinceSweep >= WRITES_PER_SWEEP) this.sweep();
    this.entries.set(key, { value, expiresAt: Date.now() + expiresIn * 1000 });
  }

  /** Adds `member` to the list under `key`, keeping the list for at least `expiresIn` seconds. */
  addToList(key: string, member: string, expiresIn: number): void {
    const entry = this.entries.get(key) as Entry<string[]> | undefined;
    const expiresAt = Date.now() + expiresIn * 1000;
    if (entry && entry.expiresAt > Date.now()) {
      entry.value.push(member);
      entry.expiresAt = Math.max(entry.expiresAt, expiresAt);
    } else {
      this.set(key, [member], expiresIn);
    }
  }

  /** Removes the entry under `key`. */
  delete(key: string): void {
    this.entries.delete(key);
  }

  private sweep(): void {
    this.writesSinceSweep = 0;
    const now = Date.now();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= now) this.entries.delete(key);
    }
  }
}

/** The provider's adapter for one model (for example `Session`), backed by a `MemoryStore`. */
export class MemoryAdapter implements Adapter {
  /**
   * @param model the provider's model name
   * @param store the provider's store
   */
  constructor(
    private readonly model: string,
    private readonly store: MemoryStore,
  ) {}

  /** Stores a model instance. */
  async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    const key = this.key(id);
    if (this.model === 'Session' && payload.uid) this.store.set(sessionUidKey(payload.uid), id, expiresIn);
    if (payload.userCode) this.store.set(userCodeKey(payload.userCode), id, expiresIn);
    if (GRANT_BOUND_MODELS.has(this.model) && payload.grantId) {
      this.store.addToList(grantIndexKey(payload.grantId), key, expiresIn);
    }
    this.store.set(key, payload, expiresIn);
  }

  /** Finds a model instance by its id. */
  async find(id: string): Promise<AdapterPayload | undefined> {
    return this.store.get(this.key(id));
  }

  /** Finds a session by its uid. */
  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    const id = this.store.get<string>(sessionUidKey(uid));
    return id === undefined ? undefined : this.find(id);
  }

  /** Finds a device code by its user code. */
  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    const id = this.store.get<string>(userCodeKey(userCode));
    return id === undefined ? undefined : this.find(id);
  }

  /** Marks a model instance (for example an authorization code) as used. */
  async consume(id: string): Promise<void> {
    const payload = this.store.get<AdapterPayload>(this.key(id));
    if (payload) payload.consumed = Math.floor(Date.now() / 1000);
  }

  /** Removes a model instance. */
  async destroy(id: string): Promise<void> {
    this.store.delete(this.key(id));
  }

  /** Removes everything issued under a grant. */
  async revokeByGrantId(grantId: string): Promise<void> {
    const grantKey = grantIndexKey(grantId);
    for (const key of this.store.get<string[]>(grantKey) ?? []) this.store.delete(key);
    this.store.delete(grantKey);
  }

  private key(id: string): string {
    return `${this.model}:${id}`;
  }
}

function sessionUidKey(uid: string): string {
  return `sessionUid:${uid}`;
}

function userCodeKey(userCode: string): string {
  return `userCode:${userCode}`;
}

function grantIndexKey(grantId: string): string {
  return `grant:${grantId}`;
}
