import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { ErrorBody, HealthResponse, InfoResponse, UiConfig } from '@osb/api';
import type { OidcDiscovery } from '../auth/oidc-discovery.ts';
import type { MarketplaceConfig } from '../config/config.ts';
import type { Queryable } from '../store/database.ts';
import { HttpError } from '../plugins/http-error.ts';

/** What the platform routes read. */
export interface PlatformRoutesOptions {
  config: MarketplaceConfig;
  discovery: OidcDiscovery;
  database: Queryable;
  /** Turned off when the replica begins to shut down (readiness then answers 503). */
  readiness: Readiness;
}

/** Whether the replica takes new work: false from the moment it begins to shut down. */
export interface Readiness {
  accepting: boolean;
}

/**
 * Public routes: `/api/health` (with `/api/health/ready` and `/api/health/live` for load
 * balancers), `/api/openapi.json`, `/config.json` (UI runtime settings) and `/info`.
 */
export const platformRoutes: FastifyPluginAsyncTypebox<PlatformRoutesOptions> = async (app, options) => {
  const { config, discovery, database, readiness } = options;
  const health = {
    tags: ['platform'],
    security: [],
    response: { 200: HealthResponse, 503: ErrorBody },
  };

  const databaseAnswers = async (request: FastifyRequest) => {
    try {
      await database.query('SELECT 1');
    } catch (error) {
      request.log.error({ err: error }, 'Database health check failed');
      throw new HttpError(503, 'databaseUnavailable', {});
    }
  };

  app.get(
    '/api/health',
    { schema: { ...health, summary: 'Whether the platform and its database answer' } },
    async (request) => {
      await databaseAnswers(request);
      return { status: 'ok' as const };
    },
  );

  app.get(
    '/api/health/ready',
    {
      schema: {
        ...health,
        summary: 'Whether this replica takes requests: its database answers and it is not shutting down',
      },
    },
    async (request) => {
      if (!readiness.accepting) throw new HttpError(503, 'platformStopping', {});
      await databaseAnswers(request);
      return { status: 'ok' as const };
    },
  );

  app.get(
    '/api/health/live',
    { schema: { ...health, summary: 'Whether this replica’s process runs (no dependencies checked)' } },
    async () => ({
      status: 'ok' as const,
    }),
  );

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get(
    '/config.json',
    {
      schema: {
        tags: ['platform'],
        summary: 'Runtime settings of the UI',
        security: [],
        response: { 200: UiConfig },
      },
    },
    async (_request, reply) => {
      reply.header('Cache-Control', 'no-cache');
      return {
        apiBaseUrl: '/api',
        oidc: { issuer: config.auth.issuer, clientId: config.auth.clientId, scope: 'openid profile email' },
        theme: {
          productName: config.ui.productName,
          ...(config.ui.primaryColor ? { primaryColor: config.ui.primaryColor } : {}),
        },
        imageHosts: config.catalog.imageHosts,
      };
    },
  );

  app.get(
    '/info',
    {
      schema: {
        tags: ['platform'],
        summary: 'Sign-in endpoints for broker dashboards (the URL brokers get in X-Api-Info-Location)',
        security: [],
        response: { 200: InfoResponse, 503: ErrorBody },
      },
    },
    async (request) => {
      try {
        const metadata = await discovery.metadata();
        return { authorization_endpoint: metadata.authorization_endpoint, token_endpoint: metadata.token_endpoint };
      } catch (error) {
        request.log.error({ err: error }, 'OpenID discovery failed');
        throw new HttpError(503, 'signInUnavailable', {});
      }
    },
  );
};
