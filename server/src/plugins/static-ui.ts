/**
 * Serves the built UI with an SPA fallback, cache headers and security headers on HTML.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { apiErrorBody } from '@osb/api';

/** Path prefixes that never fall back to the UI's index.html. */
const SERVER_PATHS = ['/api', '/oidc', '/info', '/config.json', '/embed', '/portal'];
/** Build output names with a content hash, such as `main-ABCD1234.js`. */
const HASHED_ASSET = /-[A-Z0-9]{8}\.(js|css|woff2?|ttf|svg|png|jpg|webp)$/;
/** The inline handler Angular writes on its non-blocking stylesheet link; its hash is allowed by CSP. */
const ANGULAR_STYLESHEET_HANDLER = "this.media='all'";

/** Where the UI is and who the browser may talk to. */
export interface StaticUiOptions {
  /** The Angular build output (`dist/osb-marketplace/browser`). */
  root: string;
  /** The OpenID provider's origin, which the UI calls and frames for sign-in. */
  issuerOrigin: string;
  /** The built marketplace element (`dist/osb-marketplace-embed/browser`), served at `/embed/`. */
  embedRoot: string;
  /** The demo host portal, served at `/portal/` with its own fallback; omitted when disabled. */
  portal?: {
    /** The build output (`dist/demo-portal/browser`). */
    root: string;
    /** The portal's sign-in settings, served as `/portal/config.json`. */
    config: { issuer: string; clientId: string; scope: string };
  };
}

/** Serves the UI; when it has not been built, every UI path answers with a hint to build it. */
export async function registerStaticUi(app: FastifyInstance, options: StaticUiOptions): Promise<void> {
  const contentSecurityPolicy = buildContentSecurityPolicy(options.issuerOrigin);
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html') && !isUnder(request.url, '/oidc')) {
      reply.header('Content-Security-Policy', contentSecurityPolicy);
      reply.header('Referrer-Policy', 'no-referrer');
      reply.header('X-Frame-Options', 'SAMEORIGIN');
    }
    return payload;
  });

  const uiBuilt = existsSync(join(options.root, 'index.html'));
  if (uiBuilt) {
    await app.register(fastifyStatic, {
      root: options.root,
      // Looked up per request, so a rebuilt UI is served without a restart; misses reach the SPA fallback.
      wildcard: true,
      setHeaders: (reply, path) => {
        reply.header('Cache-Control', HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  // The element's files have stable names (host pages link them), so they are revalidated.
  // One stable URL for host pages: the polyfills ($localize) first, then the element.
  app.get('/embed/osb-marketplace.js', { schema: { hide: true } }, (_request, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('Cache-Control', 'no-cache')
      .send("import './polyfills.js';\nimport './main.js';\n"),
  );
  if (existsSync(options.embedRoot)) {
    await app.register(fastifyStatic, {
      root: options.embedRoot,
      prefix: '/embed/',
      decorateReply: false,
      setHeaders: (reply) => reply.header('Cache-Control', 'no-cache'),
    });
  }
  if (options.portal) {
    await registerPortal(app, options.portal);
  }

  const serveIndex = (request: FastifyRequest, reply: FastifyReply) => {
    if (!uiBuilt) {
      return reply
        .code(503)
        .type('text/html; charset=utf-8')
        .header('Cache-Control', 'no-cache')
        .send(
          '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>OSB Marketplace</title></head>' +
            '<body><h1>The marketplace UI has not been built yet</h1>' +
            '<p>Run <code>npm run build</code>, then restart the server. The API is available under /api.</p></body></html>',
        );
    }
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
  };

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?', 1)[0]!;
    const isUiRoute =
      (request.method === 'GET' || request.method === 'HEAD') && !SERVER_PATHS.some((prefix) => isUnder(path, prefix));
    if (isUiRoute) return serveIndex(request, reply);
    return reply.code(404).send(apiErrorBody('routeNotFound', { method: request.method, path }));
  });
  if (!uiBuilt) app.get('/', { schema: { hide: true } }, serveIndex);
}

/** Serves the demo portal's files, its `config.json`, and its index.html for every other path below /portal/. */
async function registerPortal(app: FastifyInstance, portal: NonNullable<StaticUiOptions['portal']>): Promise<void> {
  const index = join(portal.root, 'index.html');
  app.get('/portal/config.json', { schema: { hide: true } }, (_request, reply) =>
    reply.header('Cache-Control', 'no-cache').send(portal.config),
  );
  app.get('/portal', { schema: { hide: true } }, (_request, reply) => reply.redirect('/portal/'));
  if (!existsSync(index)) return;
  await app.register(fastifyStatic, {
    root: portal.root,
    prefix: '/portal/',
    decorateReply: false,
    wildcard: false,
    index: false,
  });
  app.get('/portal/*', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .header('Cache-Control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(await readFile(index)),
  );
}

function isUnder(url: string, prefix: string): boolean {
  return url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`);
}

function buildContentSecurityPolicy(issuerOrigin: string): string {
  const handlerHash = createHash('sha256').update(ANGULAR_STYLESHEET_HANDLER).digest('base64');
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-hashes' 'sha256-${handlerHash}'`,
    // Angular and Material add component styles at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: http: https:",
    "font-src 'self' data:",
    `connect-src 'self' ${issuerOrigin}`,
    `frame-src 'self' ${issuerOrigin}`,
    // The UI may frame itself (silent token refresh); nobody else may frame it.
    "frame-ancestors 'self'",
    "base-uri 'self'",
    "object-src 'none'",
    `form-action 'self' ${issuerOrigin}`,
  ].join('; ');
}
