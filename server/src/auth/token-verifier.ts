/**
 * Decides which bearer tokens the platform accepts: access tokens of the configured clients
 * for the API, and access tokens of the platform's issuer for the dashboards' permission endpoint.
 * ID tokens and tokens without an expiry are refused everywhere.
 */
import {
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import type { MarketplaceConfig } from '../config/config.ts';
import { OidcDiscovery } from './oidc-discovery.ts';
import { VerifiedTokens } from './verified-tokens.ts';

/** A client whose access tokens the API accepts. */
export interface AcceptedClient {
  /** The client id, matched against the token's `azp` or `client_id` claim when it has one. */
  clientId: string;
  /** The issuer of the client's tokens (without a trailing slash). */
  issuer: string;
  /** The `aud` the client's access tokens carry for this API; required when the token names no client. */
  audience?: string;
}

/**
 * Every client whose tokens the API accepts: the UI's own, then the configured host clients,
 * which default to the UI's issuer and audience.
 */
export function acceptedClientsOf(auth: MarketplaceConfig['auth']): AcceptedClient[] {
  const ui: AcceptedClient = { clientId: auth.clientId, issuer: auth.issuer, audience: auth.audience };
  return [
    ui,
    ...auth.acceptedClients.map((client) => ({
      clientId: client.clientId,
      issuer: client.issuer ?? auth.issuer,
      audience: client.audience ?? auth.audience,
    })),
  ];
}

/** The token is not acceptable; `reason` is for the log only. */
export class TokenRejected extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'TokenRejected';
  }
}

/** Claims that only ID tokens carry (OpenID Connect Core 2 and 3.1.3.6). */
const ID_TOKEN_CLAIMS = ['nonce', 'at_hash', 'c_hash', 's_hash'];

/**
 * Verifies bearer tokens against the configured clients. Keys come from each issuer's JWKS,
 * found through its discovery document on first use. An API token that passed is remembered
 * until it expires ({@link VerifiedTokens}), so a user's next requests skip the signature check.
 */
export class TokenVerifier {
  private readonly keySets = new Map<string, Promise<JWTVerifyGetKey>>();
  private readonly discoveries = new Map<string, OidcDiscovery>();

  /**
   * @param platformIssuer the platform's own issuer (dashboards' tokens come from it)
   * @param clients the clients whose access tokens the API accepts
   * @param verified the API tokens that passed and have not expired
   */
  constructor(
    readonly platformIssuer: OidcDiscovery,
    private readonly clients: readonly AcceptedClient[],
    readonly verified = new VerifiedTokens(),
  ) {
    this.discoveries.set(platformIssuer.issuer, platformIssuer);
    for (const client of clients) {
      if (!this.discoveries.has(client.issuer)) this.discoveries.set(client.issuer, new OidcDiscovery(client.issuer));
    }
  }

  /**
   * The claims of an access token meant for the API: signed by an accepted client's issuer,
   * unexpired with `exp` present, not an ID token, and either naming an accepted client in
   * `azp`/`client_id` (with that client's audience, if configured) or carrying an accepted audience.
   * Throws `TokenRejected`, or another error when the issuer's keys cannot be fetched.
   */
  async verifyApiToken(token: string): Promise<JWTPayload> {
    const remembered = this.verified.get(token);
    if (remembered) return remembered;
    const payload = await this.checkApiToken(token);
    this.verified.remember(token, payload);
    return payload;
  }

  /** The checks {@link verifyApiToken} makes of a token it has not seen. */
  private async checkApiToken(token: string): Promise<JWTPayload> {
    const issuer = unverifiedIssuer(token);
    const candidates = this.clients.filter((client) => client.issuer === issuer);
    if (candidates.length === 0) throw new TokenRejected('issuer not accepted');
    const payload = await this.verifyAccessToken(token, issuer!);
    const audiences = audiencesOf(payload);
    const clientId = clientOf(payload);
    if (clientId !== undefined) {
      const client = candidates.find((candidate) => candidate.clientId === clientId);
      if (!client) throw new TokenRejected(`client ${clientId} not accepted`);
      if (client.audience && !audiences.includes(client.audience)) throw new TokenRejected('audience missing');
      return payload;
    }
    if (!candidates.some((client) => client.audience && audiences.includes(client.audience))) {
      throw new TokenRejected('neither an accepted audience nor an accepted client');
    }
    return payload;
  }

  /**
   * The claims of an access token of the platform's issuer, for any of its clients (a broker's
   * dashboard client included): signature, issuer and `exp` are checked, ID tokens are refused.
   */
  verifyDashboardToken(token: string): Promise<JWTPayload> {
    return this.verifyAccessToken(token, this.platformIssuer.issuer);
  }

  private async verifyAccessToken(token: string, issuer: string): Promise<JWTPayload> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, await this.keySet(issuer), { issuer, requiredClaims: ['exp'] }));
    } catch (error) {
      if (isTokenError(error)) throw new TokenRejected((error as Error).message);
      throw error;
    }
    if (isIdToken(token, payload)) throw new TokenRejected('an ID token, not an access token');
    return payload;
  }

  private keySet(issuer: string): Promise<JWTVerifyGetKey> {
    let keys = this.keySets.get(issuer);
    if (!keys) {
      keys = this.discoveries
        .get(issuer)!
        .metadata()
        .then((metadata) => createRemoteJWKSet(new URL(metadata.jwks_uri)));
      // A failed discovery is not kept: the next request asks again.
      keys.catch(() => this.keySets.delete(issuer));
      this.keySets.set(issuer, keys);
    }
    return keys;
  }
}

function unverifiedIssuer(token: string): string | undefined {
  try {
    const { iss } = decodeJwt(token);
    return typeof iss === 'string' ? iss : undefined;
  } catch {
    throw new TokenRejected('not a JWT');
  }
}

function audiencesOf(payload: JWTPayload): string[] {
  if (typeof payload.aud === 'string') return [payload.aud];
  return Array.isArray(payload.aud) ? payload.aud : [];
}

/** The client a token was issued to: `azp` (OpenID Connect) or `client_id` (RFC 9068). */
function clientOf(payload: JWTPayload): string | undefined {
  const client = payload['azp'] ?? payload['client_id'];
  return typeof client === 'string' ? client : undefined;
}

/**
 * Whether the token is an ID token: a header type of `at+jwt` (RFC 9068) marks an access token;
 * otherwise claims only ID tokens carry, or Keycloak's `typ: ID`, mark an ID token.
 */
function isIdToken(token: string, payload: JWTPayload): boolean {
  const type = decodeProtectedHeader(token).typ?.toLowerCase();
  if (type === 'at+jwt' || type === 'application/at+jwt') return false;
  return payload['typ'] === 'ID' || ID_TOKEN_CLAIMS.some((claim) => claim in payload);
}

/** Whether the token itself is at fault (as opposed to the key set being unreachable). */
function isTokenError(error: unknown): boolean {
  return error instanceof joseErrors.JOSEError && !(error instanceof joseErrors.JWKSTimeout);
}
