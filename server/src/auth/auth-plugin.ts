/**
 * Requires a valid bearer token on every /api route except the public ones, and puts the
 * configured user it belongs to on `request.user`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { apiErrorBody, type User } from '@osb/api';
import type { UserConfig } from '../config/config.ts';
import { HttpError } from '../plugins/http-error.ts';
import type { OidcDiscovery } from './oidc-discovery.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user; set on every authenticated /api request. */
    user: User;
  }
}

/** API paths anyone may read. */
const PUBLIC_API_PATHS = new Set(['/api/openapi.json', '/api/health', '/api/health/ready', '/api/health/live']);

/** What bearer tokens are checked against. */
export interface AuthOptions {
  discovery: OidcDiscovery;
  /** Required `aud` of access tokens, if any. */
  audience?: string;
  /** The claim holding the user id. */
  usernameClaim: string;
  users: UserConfig[];
}

/** Adds the bearer-token check to every /api route of `app` (the root instance). */
export function registerAuth(app: FastifyInstance, options: AuthOptions): void {
  let keys: JWTVerifyGetKey | undefined;
  const keySet = async () => {
    keys ??= createRemoteJWKSet(new URL((await options.discovery.metadata()).jwks_uri));
    return keys;
  };
  const users = new Map(options.users.map((user) => [user.id, user]));

  app.decorateRequest('user', null as unknown as User);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?', 1)[0]!;
    if (!(path === '/api' || path.startsWith('/api/')) || PUBLIC_API_PATHS.has(path)) return;

    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(request.headers.authorization ?? '');
    if (!match) return deny(reply, 'signInRequired');
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(match[1]!, await keySet(), {
        issuer: options.discovery.issuer,
        audience: options.audience,
      }));
    } catch (error) {
      if (!isTokenError(error)) {
        request.log.error({ err: error }, 'Cannot get the OpenID provider keys');
        throw new HttpError(503, 'signInUnavailable', {});
      }
      request.log.info({ reason: (error as Error).message }, 'Rejected bearer token');
      return deny(reply, 'sessionExpired', 'invalid_token');
    }
    const userId = payload[options.usernameClaim];
    const user = typeof userId === 'string' ? users.get(userId) : undefined;
    if (!user) return reply.code(403).send(apiErrorBody('noAccess', {}));
    request.user = { id: user.id, displayName: user.displayName, ...(user.email ? { email: user.email } : {}) };
  });
}

function deny(reply: FastifyReply, code: 'signInRequired' | 'sessionExpired', error?: string) {
  reply.header('WWW-Authenticate', error ? `Bearer error="${error}"` : 'Bearer');
  return reply.code(401).send(apiErrorBody(code, {}));
}

/** Whether the token itself is at fault (as opposed to the key set being unreachable). */
function isTokenError(error: unknown): boolean {
  return error instanceof joseErrors.JOSEError && !(error instanceof joseErrors.JWKSTimeout);
}
