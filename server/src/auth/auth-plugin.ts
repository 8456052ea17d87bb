/**
 * Requires a valid bearer token on every /api route except the public ones, and puts the user
 * it belongs to on `request.user`. The decision is taken on the route that matched, never on the
 * raw URL (an encoded path such as `/%61pi/catalog` reaches the same route), and fails closed.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { JWTPayload } from 'jose';
import { apiErrorBody, type User } from '@osb/api';
import type { UserConfig } from '../config/config.ts';
import { HttpError } from '../plugins/http-error.ts';
import type { ProjectMember } from './project-access.ts';
import { TokenRejected, type TokenVerifier } from './token-verifier.ts';

/** The signed-in user of an API request, with the project ids of a projects claim, if configured. */
export type AuthenticatedUser = User & ProjectMember;

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user; set on every authenticated /api request. */
    user: AuthenticatedUser;
  }
  interface FastifyInstance {
    /** Checks bearer tokens and finds their users, for routes outside /api with their own rules. */
    access: TokenUsers;
  }
}

/** Turns verified tokens into users, and bearer headers into tokens. */
export class TokenUsers {
  private readonly users: Map<string, UserConfig>;

  constructor(private readonly options: AuthOptions) {
    this.users = new Map(options.users.map((user) => [user.id, user]));
  }

  /** The verifier of the platform's tokens. */
  get tokens(): TokenVerifier {
    return this.options.tokens;
  }

  /** The token of an `Authorization: Bearer` header, if it has one. */
  bearerToken(authorization: string | undefined): string | undefined {
    return /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(authorization ?? '')?.[1];
  }

  /**
   * The user a verified token belongs to: a configured user, or with a projects claim configured,
   * any user the token names, with the token's projects. `undefined` when the token names nobody known.
   */
  userOf(payload: JWTPayload): AuthenticatedUser | undefined {
    const { usernameClaim, projectsClaim } = this.options;
    const userId = payload[usernameClaim];
    if (typeof userId !== 'string' || userId === '') return undefined;
    const configured = this.users.get(userId);
    if (!projectsClaim) {
      return (
        configured && {
          id: configured.id,
          displayName: configured.displayName,
          ...(configured.email ? { email: configured.email } : {}),
        }
      );
    }
    const displayName =
      configured?.displayName ?? stringClaim(payload, 'name') ?? stringClaim(payload, 'preferred_username') ?? userId;
    const email = configured?.email ?? stringClaim(payload, 'email');
    return { id: userId, displayName, ...(email ? { email } : {}), projectIds: projectIdsOf(payload[projectsClaim]) };
  }
}

/** API routes anyone may read. */
const PUBLIC_API_ROUTES = new Set(['/api/openapi.json', '/api/health', '/api/health/ready', '/api/health/live']);

/** What bearer tokens are checked against and who their users are. */
export interface AuthOptions {
  tokens: TokenVerifier;
  /** The claim holding the user id. */
  usernameClaim: string;
  /**
   * The claim holding the ids of the user's projects. When set, membership comes from it and
   * users need not be configured; otherwise only configured users get in.
   */
  projectsClaim?: string;
  users: UserConfig[];
}

/** Adds the bearer-token check to every /api route of `app` (the root instance). */
export function registerAuth(app: FastifyInstance, options: AuthOptions): void {
  const access = new TokenUsers(options);
  app.decorate('access', access);
  app.decorateRequest('user', null as unknown as AuthenticatedUser);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!requiresToken(request)) return;

    const token = access.bearerToken(request.headers.authorization);
    if (!token) return deny(reply, 'signInRequired');
    let payload: JWTPayload;
    try {
      payload = await options.tokens.verifyApiToken(token);
    } catch (error) {
      if (!(error instanceof TokenRejected)) {
        request.log.error({ err: error }, 'Cannot get the OpenID provider keys');
        throw new HttpError(503, 'signInUnavailable', {});
      }
      request.log.info({ reason: error.reason }, 'Rejected bearer token');
      return deny(reply, 'sessionExpired', 'invalid_token');
    }
    const user = access.userOf(payload);
    if (!user) return reply.code(403).send(apiErrorBody('noAccess', {}));
    request.user = user;
  });
}

/**
 * Whether the request needs a token: every route under /api except the public ones, judged by
 * the route that matched. A request that only a wildcard route (the UI's files) or no route
 * matched needs one when its decoded path is under /api.
 */
function requiresToken(request: FastifyRequest): boolean {
  const matched = request.routeOptions.url;
  // CORS preflight requests (the CORS plugin's catch-all OPTIONS route) carry no credentials.
  if (request.method === 'OPTIONS' && matched === '*') return false;
  const route = matched && !matched.includes('*') ? matched : decodedPath(request.url);
  if (PUBLIC_API_ROUTES.has(route)) return false;
  return route === '/api' || route.startsWith('/api/');
}

/** The path of `url`, percent-decoded; `/api` when it cannot be decoded, so the check fails closed. */
function decodedPath(url: string): string {
  try {
    return decodeURIComponent(url.split('?', 1)[0]!);
  } catch {
    return '/api';
  }
}

/** Project ids from a claim: a list of strings, or one string of ids separated by spaces or commas. */
function projectIdsOf(claim: unknown): string[] {
  if (typeof claim === 'string') return claim.split(/[\s,]+/).filter(Boolean);
  return Array.isArray(claim) ? claim.filter((id): id is string => typeof id === 'string' && id !== '') : [];
}

function stringClaim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function deny(reply: FastifyReply, code: 'signInRequired' | 'sessionExpired', error?: string) {
  reply.header('WWW-Authenticate', error ? `Bearer error="${error}"` : 'Bearer');
  return reply.code(401).send(apiErrorBody(code, {}));
}
