/**
 * An OpenID issuer for tests: serves discovery and JWKS over real HTTP and signs access tokens.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { keepIdleConnections } from './test-brokers.ts';

/** How `TestIssuer.sign` shapes a token. */
export interface SignOptions {
  audience?: string | null;
  expiresIn?: string | number | null;
  issuer?: string;
  foreignKey?: boolean;
  type?: string;
}

/** A running test issuer. */
export interface TestIssuer {
  /** The issuer URL (`iss` of its tokens). */
  issuer: string;
  /**
   * Signs an access token; `options` can break it on purpose: `audience: null` leaves out `aud`,
   * `expiresIn: null` leaves out `exp`, `type` sets the header's `typ`.
   */
  sign(claims: JWTPayload, options?: SignOptions): Promise<string>;
  /** How many times the discovery document was requested. */
  discoveryRequests(): number;
  close(): Promise<void>;
}

/** Starts a test issuer at `http://127.0.0.1:<port>/issuer` whose tokens carry `audience` by default. */
export async function startTestIssuer(audience = 'osb-marketplace-api'): Promise<TestIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const foreign = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  let discoveryCount = 0;
  let issuer = '';
  const server: Server = createServer((request, response) => {
    const json = (body: unknown) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.url === '/issuer/.well-known/openid-configuration') {
      discoveryCount++;
      return json({
        issuer,
        jwks_uri: `${issuer}/jwks`,
        authorization_endpoint: `${issuer}/auth`,
        token_endpoint: `${issuer}/token`,
      });
    }
    if (request.url === '/issuer/jwks') return json({ keys: [jwk] });
    response.writeHead(404).end();
  });
  keepIdleConnections(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/issuer`;

  return {
    issuer,
    async sign(claims, options = {}) {
      const key: CryptoKey = options.foreignKey ? foreign.privateKey : privateKey;
      const token = new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key', ...(options.type ? { typ: options.type } : {}) })
        .setIssuer(options.issuer ?? issuer)
        .setIssuedAt();
      if (options.audience !== null) token.setAudience(options.audience ?? audience);
      if (options.expiresIn !== null) token.setExpirationTime(options.expiresIn ?? '5m');
      return token.sign(key);
    },
    discoveryRequests: () => discoveryCount,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
