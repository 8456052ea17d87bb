/** The parts of an OpenID provider's discovery document the platform uses. */
export interface OidcMetadata {
  issuer: string;
  jwks_uri: string;
  authorization_endpoint: string;
  token_endpoint: string;
}

/** How long a discovery request may take. */
const DISCOVERY_TIMEOUT_MS = 10_000;

/**
 * Reads `<issuer>/.well-known/openid-configuration` on first use and keeps it. A failed read is
 * not kept, so the next caller tries again (the provider may start after the platform).
 */
export class OidcDiscovery {
  private pending: Promise<OidcMetadata> | undefined;

  /** @param issuer the issuer URL, without a trailing slash */
  constructor(readonly issuer: string) {}

  /** The discovery document; throws when the provider cannot be asked or answers nonsense. */
  metadata(): Promise<OidcMetadata> {
    this.pending ??= this.load().catch((error: unknown) => {
      this.pending = undefined;
      throw error;
    });
    return this.pending;
  }

  private async load(): Promise<OidcMetadata> {
    const url = `${this.issuer}/.well-known/openid-configuration`;
    const response = await fetch(url, { signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`The OpenID provider answered HTTP ${response.status} at ${url}`);
    const document = (await response.json()) as Partial<OidcMetadata>;
    for (const key of ['jwks_uri', 'authorization_endpoint', 'token_endpoint'] as const) {
      if (typeof document[key] !== 'string') throw new Error(`The discovery document at ${url} has no ${key}`);
    }
    if (document.issuer !== this.issuer) {
      throw new Error(`The discovery document at ${url} names issuer ${String(document.issuer)}, not ${this.issuer}`);
    }
    return document as OidcMetadata;
  }
}
