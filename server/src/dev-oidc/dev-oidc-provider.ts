/**
 * The development OpenID provider: a real OpenID Connect provider (oidc-provider 8) inside the
 * platform server, so that `npm start` works without an external identity provider. It signs in
 * the users of the configuration with their passwords. FOR DEVELOPMENT AND DEMOS ONLY:
 * production points the platform at any OpenID issuer (for example Keycloak) by configuration.
 *
 * Everything lives under the issuer's path (for example `/oidc`):
 * - discovery at `<issuer>/.well-known/openid-configuration`, keys at `<issuer>/jwks`;
 * - public clients (the UI, and the demo host portal if enabled): authorization code flow with
 *   PKCE (S256), no client secret;
 * - access tokens are JWTs for the platform API (`aud` = the configured audience, `sub` = user id),
 *   also when the client sends no `resource` parameter;
 * - ID tokens carry `name`, `preferred_username` and `email` (there is no userinfo endpoint);
 * - sign-in and consent pages of our own (consent is implied for the platform's own UI);
 * - RP-initiated logout without a confirmation page;
 * - signing and cookie keys kept in a file (mode 0600), created on first start.
 */
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import Provider, { type Configuration, errors, type ProviderContext } from 'oidc-provider';
import { MemoryAdapter, MemoryStore } from './memory-adapter.ts';
import { interactionRoutes } from './interaction-routes.ts';
import { errorPage, type HtmlPage, pageLanguage, PRODUCT_NAME, signedOutPage, signingOutPage } from './pages.ts';
import { loadOrCreateProviderKeys, type ProviderKeys, SIGNING_ALGORITHM } from './provider-keys.ts';
import { CLAIMS_BY_SCOPE, UserDirectory, type DevOidcUser } from './user-directory.ts';

export type { DevOidcUser } from './user-directory.ts';

/** A public client of the development OpenID provider. */
export interface DevOidcClient {
  clientId: string;
  /** Where the client may receive authorization codes, for example `http://localhost:4200/`. */
  redirectUris: string[];
  /** Where the client may send users after signing out. */
  postLogoutRedirectUris: string[];
}

/** How the development OpenID provider is set up. */
export interface DevOidcOptions {
  /** The issuer URL, for example `http://localhost:8080/oidc`; the provider is mounted at its path. */
  issuer: string;
  /** The clients (the UI first, then host portals): public, authorization code with PKCE. */
  clients: DevOidcClient[];
  /** The `aud` of access tokens: the platform API. */
  audience: string;
  /** Who can sign in. */
  users: DevOidcUser[];
  /** The file keeping the signing and cookie keys (created with mode 0600 on first start). */
  keyFile: string;
}

/** The scopes the client may ask for; all of them are granted. */
const SCOPE = 'openid profile email';

/** Lifetimes in seconds. */
const TTL = {
  AccessToken: 60 * 60,
  AuthorizationCode: 60,
  IdToken: 60 * 60,
  Interaction: 10 * 60,
  Session: 8 * 60 * 60,
  Grant: 8 * 60 * 60,
};

/**
 * Mounts the development OpenID provider at the path of `options.issuer` in `app`: our
 * interaction routes, and one raw route that hands everything else under the path to the
 * provider's own (Koa) request handler, the way the provider's documentation mounts it in
 * express. Call it on the root instance (the routes take the issuer path as it is, so no
 * prefix), before `app.listen()` or `app.ready()`.
 */
export async function registerDevOidcProvider(app: FastifyInstance, options: DevOidcOptions): Promise<void> {
  const mountPath = new URL(options.issuer).pathname.replace(/\/$/, '');
  if (!mountPath) {
    throw new Error(
      `The development OpenID provider needs an issuer with a path (like http://localhost:8080/oidc), not ${options.issuer}`,
    );
  }
  const keys = await loadOrCreateProviderKeys(options.keyFile, () =>
    app.log.warn(
      { keyFile: options.keyFile },
      'The OpenID provider key file was readable by others; its mode is now 0600',
    ),
  );
  const users = new UserDirectory(options.users);
  const provider = new Provider(options.issuer, providerConfiguration(options, mountPath, users, keys));
  provider.on('server_error', (_ctx: unknown, error: Error) => {
    app.log.error({ err: error }, 'The development OpenID provider failed');
  });

  await app.register(interactionRoutes, { prefix: mountPath, provider, users });
  // No schemas here: the provider validates and answers these requests itself.
  await app.register(async (scope) => {
    // oidc-provider reads request bodies itself: leave them unread.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
    const handleRequest = provider.callback();
    scope.route({
      method: ['GET', 'POST', 'OPTIONS'],
      url: `${mountPath}/*`,
      // The provider's URLs carry ID tokens (id_token_hint): no request logging here.
      logLevel: 'warn',
      schema: { hide: true },
      handler: async (request, reply) => {
        // Like express's mounting: the provider derives its endpoint URLs from originalUrl.
        const raw = request.raw as IncomingMessage & { originalUrl?: string };
        raw.originalUrl = raw.url;
        raw.url = raw.url!.slice(mountPath.length);
        reply.hijack();
        await handleRequest(raw, reply.raw);
      },
    });
  });
}

function providerConfiguration(
  options: DevOidcOptions,
  mountPath: string,
  users: UserDirectory,
  keys: ProviderKeys,
): Configuration {
  const store = new MemoryStore();
  const resourceIndicator = resourceIndicatorFor(options.audience);
  const corsOrigins = new Map(
    options.clients.map((client) => [
      client.clientId,
      new Set([...client.redirectUris, ...client.postLogoutRedirectUris].map((uri) => new URL(uri).origin)),
    ]),
  );
  const cookieOptions = { httpOnly: true, sameSite: 'lax', signed: true };
  return {
    adapter: (model) => new MemoryAdapter(model, store),
    clients: options.clients.map((client) => ({
      client_id: client.clientId,
      client_name: PRODUCT_NAME,
      application_type: 'web',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: client.redirectUris,
      post_logout_redirect_uris: client.postLogoutRedirectUris,
    })),
    jwks: { keys: keys.keys },
    cookies: { keys: keys.cookieKeys, long: cookieOptions, short: cookieOptions },
    claims: Object.fromEntries(Object.entries(CLAIMS_BY_SCOPE).map(([scope, claims]) => [scope, [...claims]])),
    scopes: SCOPE.split(' '),
    responseTypes: ['code'],
    pkce: { required: () => true, methods: ['S256'] },
    clientBasedCORS: (_ctx, origin, client) => corsOrigins.get(client.clientId)?.has(origin) === true,
    findAccount: async (_ctx, id) => {
      const user = users.find(id);
      return user && { accountId: user.id, claims: () => UserDirectory.claimsOf(user) };
    },
    interactions: { url: (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}` },
    renderError: (ctx, out) =>
      sendPage(
        ctx,
        errorPage(
          out.error_description ? { text: out.error_description } : 'invalidRequest',
          out.error,
          languageOf(ctx),
        ),
      ),
    ttl: TTL,
    features: {
      devInteractions: { enabled: false },
      // Access tokens are for the API (a userinfo endpoint would reject them), so there is no
      // userinfo endpoint: the ID token carries the user's claims, and a code exchange without
      // a `resource` parameter yields a token for the API.
      userinfo: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => resourceIndicator,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== resourceIndicator) throw new errors.InvalidTarget();
          return {
            scope: SCOPE,
            audience: options.audience,
            accessTokenFormat: 'jwt',
            accessTokenTTL: TTL.AccessToken,
            jwt: { sign: { alg: SIGNING_ALGORITHM } },
          };
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => sendPage(ctx, signingOutPage(form, languageOf(ctx))),
        postLogoutSuccessSource: (ctx) => sendPage(ctx, signedOutPage(languageOf(ctx))),
      },
    },
  };
}

/**
 * The resource indicator (RFC 8707) of the API: the audience itself when it is an absolute URI,
 * otherwise a URN made from it, since resource indicators must be absolute URIs.
 */
function resourceIndicatorFor(audience: string): string {
  return URL.canParse(audience) ? audience : `urn:osb-marketplace:resource:${encodeURIComponent(audience)}`;
}

function sendPage(ctx: ProviderContext, page: HtmlPage): void {
  ctx.type = 'html';
  ctx.set('Content-Security-Policy', page.contentSecurityPolicy);
  ctx.set('Cache-Control', 'no-store');
  ctx.body = page.html;
}

/** The language of a provider page: the request's `ui_locales`, else the browser's languages. */
function languageOf(ctx: ProviderContext) {
  return pageLanguage({ uiLocales: ctx.oidc?.params?.['ui_locales'], acceptLanguage: ctx.get('accept-language') });
}
