/**
 * Builds the platform: `buildApp` assembles the Fastify app (plugins, then store, then routes);
 * `startPlatform` starts everything the configuration asks for and listens.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import type { BrokerConfig, MarketplaceConfig } from './config/config.ts';
import { OidcDiscovery } from './auth/oidc-discovery.ts';
import { registerAuth } from './auth/auth-plugin.ts';
import { registerInstancesWithBindings } from './bindings/bindings.ts';
import { ProjectAccess } from './auth/project-access.ts';
import { CatalogService } from './catalog/catalog-service.ts';
import { OsbClient } from './osb/osb-client.ts';
import { registerErrorHandler } from './plugins/error-handler.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { registerStaticUi } from './plugins/static-ui.ts';
import { catalogRoutes } from './routes/catalog.ts';
import { changeRoutes } from './routes/changes.ts';
import { meRoutes } from './routes/me.ts';
import { platformRoutes, type Readiness } from './routes/platform.ts';
import { projectRoutes } from './routes/projects.ts';
import { CatalogRepository } from './store/catalog-repository.ts';
import { ChangeFeed } from './store/change-feed.ts';
import type { Database } from './store/database.ts';
import { replicaName } from './store/leases.ts';
import { openDatabase } from './store/open-database.ts';
import { ScheduledJobs } from './store/scheduled-jobs.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every broker's catalog and health. */
    catalog: CatalogService;
    /** This replica's name among all replicas on the database (leases and job runs carry it). */
    replica: string;
    /** Whether this replica takes requests (its readiness endpoint says so to load balancers). */
    readiness: Readiness;
  }
}

/** The channel on which a replica tells the others that it stored fresh catalogs. */
const CATALOG_CHANNEL = 'osb_marketplace_catalogs';

/** The built UI, served at `/`. */
export const DEFAULT_UI_ROOT = fileURLToPath(new URL('../../dist/osb-marketplace/browser', import.meta.url));

/** What `buildApp` is given besides the configuration. */
export interface AppDependencies {
  /** The open, migrated database; the caller closes it after the app. */
  database: Database;
  /** Fastify's logger setting (default: info level). */
  logger?: FastifyServerOptions['logger'];
  /** Where the built UI is (default: dist/osb-marketplace/browser). */
  uiRoot?: string;
  /** Supplies the HTTP server, for callers that listen before building (see `startPlatform`). */
  serverFactory?: FastifyServerOptions['serverFactory'];
}

/**
 * Builds the Fastify app for `config`. The catalog's first fetch runs when the app becomes
 * ready, so `await app.ready()` (or `listen`) resolves with every broker's status known.
 */
export async function buildApp(config: MarketplaceConfig, deps: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? { level: 'info' },
    serverFactory: deps.serverFactory,
    // Brokers' ids are not ours to shorten; keep generous limits for long path parameters.
    routerOptions: { maxParamLength: 500 },
  });
  app.setValidatorCompiler(TypeBoxValidatorCompiler);

  // Plugins.
  registerErrorHandler(app);
  await registerOpenApi(app);
  const discovery = new OidcDiscovery(config.auth.issuer);
  registerAuth(app, {
    discovery,
    audience: config.auth.audience,
    usernameClaim: config.auth.usernameClaim,
    users: config.users,
  });
  await registerStaticUi(app, { root: deps.uiRoot ?? DEFAULT_UI_ROOT, issuerOrigin: new URL(config.auth.issuer).origin });

  // Store and services.
  const replica = replicaName();
  app.decorate('replica', replica);
  const readiness: Readiness = { accepting: true };
  app.decorate('readiness', readiness);
  const jobs = new ScheduledJobs(deps.database, replica);
  const catalog = new CatalogService({
    brokers: config.brokers,
    locations: config.locations,
    repository: new CatalogRepository(deps.database),
    refreshIntervalSeconds: config.catalog.refreshIntervalSeconds,
    coordination: {
      claimRefresh: () => jobs.claim('catalog-refresh', config.catalog.refreshIntervalSeconds * 1000),
      announce: async () => {
        await deps.database.query('SELECT pg_notify($1, $2)', [CATALOG_CHANNEL, replica]);
      },
      onRefreshedElsewhere: (handler) => deps.database.listen(CATALOG_CHANNEL, (from) => from !== replica && handler()),
    },
    clientFor: (broker: BrokerConfig) =>
      new OsbClient({
        url: broker.url,
        username: broker.username,
        password: broker.password,
        publicUrl: config.server.publicUrl,
        timeoutSeconds: config.catalog.requestTimeoutSeconds,
      }),
    log: app.log.child({ component: 'catalog' }),
  });
  app.decorate('catalog', catalog);
  app.addHook('onReady', () => catalog.start());
  app.addHook('onClose', () => catalog.stop());
  const projects = new ProjectAccess(config);

  // Routes.
  await app.register(platformRoutes, { config, discovery, database: deps.database, readiness });
  await app.register(meRoutes, { projects });
  await app.register(projectRoutes, { projects });
  await app.register(catalogRoutes, { catalog });
  return app;
}

/** A running platform. */
export interface RunningPlatform {
  /** The URL the platform listens at (its public URL). */
  url: string;
  /** The configuration in effect (with the bound port, the public URL and the demo broker's URL filled in). */
  config: MarketplaceConfig;
  app: FastifyInstance;
  /**
   * Shuts down gracefully: reports not ready, keeps serving for the configured grace time (so that
   * load balancers stop sending requests), then stops the background work, hands its leases to
   * the other replicas, stops the demo broker and closes the database.
   */
  close(): Promise<void>;
}

/** Options of `startPlatform`. */
export interface StartOptions {
  logger?: FastifyServerOptions['logger'];
  uiRoot?: string;
}

/**
 * Does everything `npm start` does: starts the demo broker if enabled, opens the database,
 * builds the app, adds service instances with bindings and sharing, mounts the development OpenID provider if enabled, and listens. With port 0
 * the public URL (and the dev provider's issuer) take the bound port.
 */
export async function startPlatform(config: MarketplaceConfig, options: StartOptions = {}): Promise<RunningPlatform> {
  const cleanups: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    await mkdir(config.database.dataDir, { recursive: true });
    let ready = false;
    let handler: ((request: IncomingMessage, response: ServerResponse) => void) | undefined;
    const server = createServer((request, response) => {
      if (ready && handler) return handler(request, response);
      response.writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '1' });
      response.end(JSON.stringify({ message: 'The platform is starting.' }));
    });
    await listen(server, config.server.port, config.server.host);
    cleanups.push(() => closeServer(server));
    const effective = withBoundPort(config, (server.address() as AddressInfo).port);

    if (effective.demoBroker.enabled) {
      const demoBroker = await startConfiguredDemoBroker(effective);
      cleanups.push(() => demoBroker.close());
      effective.brokers = effective.brokers.map((broker) => ({ ...broker, url: demoBroker.rewrite(broker.url) }));
    }

    const database = await openDatabase(effective.database);
    cleanups.push(() => database.close());
    const app = await buildApp(effective, {
      database,
      logger: options.logger,
      uiRoot: options.uiRoot,
      serverFactory: (fastifyHandler) => {
        handler = fastifyHandler;
        return server;
      },
    });
    cleanups.push(() => app.close());
    const changes = new ChangeFeed(database);
    const projects = new ProjectAccess(effective);
    await registerInstancesWithBindings(app, {
      config: effective,
      database,
      catalog: app.catalog,
      catalogRepository: new CatalogRepository(database),
      changes,
      discovery: new OidcDiscovery(effective.auth.issuer),
      log: app.log,
      projects,
      users: effective.users,
      usernameClaim: effective.auth.usernameClaim,
      projectConfigs: effective.projects,
    });
    await app.register(changeRoutes, { projects, changes });
    if (effective.auth.devProvider) {
      const { registerDevOidcProvider } = await import('./dev-oidc/dev-oidc-provider.ts');
      const publicUrl = effective.server.publicUrl;
      await registerDevOidcProvider(app, {
        issuer: effective.auth.issuer,
        clientId: effective.auth.clientId,
        redirectUris: [`${publicUrl}/`, 'http://localhost:4200/'],
        postLogoutRedirectUris: [`${publicUrl}/signed-out`, 'http://localhost:4200/signed-out'],
        audience: effective.auth.audience ?? effective.auth.clientId,
        users: effective.users.map((user) => ({
          id: user.id,
          displayName: user.displayName,
          email: user.email,
          password: user.password ?? '',
        })),
        keyFile: join(effective.database.dataDir, 'dev-oidc-keys.json'),
      });
    }
    await app.ready();
    ready = true;
    const shutDown = async () => {
      app.readiness.accepting = false;
      await new Promise((resolve) => setTimeout(resolve, effective.operations.shutdownGraceSeconds * 1000));
      await close();
    };
    return { url: effective.server.publicUrl, config: effective, app, close: shutDown };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}

/**
 * The configuration with the bound port in effect: with port 0 the public URL takes the real
 * port, and a development provider's issuer (served by this platform) moves along with it.
 */
function withBoundPort(config: MarketplaceConfig, port: number): MarketplaceConfig {
  if (config.server.port !== 0) return structuredClone(config);
  const publicUrl = new URL(config.server.publicUrl);
  publicUrl.port = String(port);
  const publicBase = publicUrl.toString().replace(/\/+$/, '');
  const issuer = config.auth.devProvider
    ? `${publicUrl.origin}${new URL(config.auth.issuer).pathname.replace(/\/+$/, '')}`
    : config.auth.issuer;
  return {
    ...structuredClone(config),
    server: { ...config.server, port, publicUrl: publicBase },
    auth: { ...config.auth, issuer },
  };
}

/** Starts the demo broker; `rewrite` points configured demo broker URLs at where it really listens. */
async function startConfiguredDemoBroker(config: MarketplaceConfig) {
  const { startDemoBroker } = await import('./demo-broker/demo-broker.ts');
  const { host, port, username, password } = config.demoBroker;
  const broker = await startDemoBroker({
    host,
    port,
    username,
    password,
    locationIds: config.locations.map((location) => location.id),
    stateFile: join(config.database.dataDir, 'demo-broker-state.json'),
  });
  const configuredOrigin = `http://${host}:${port}`;
  const actualOrigin = new URL(broker.url).origin;
  return {
    close: () => broker.close(),
    rewrite: (url: string) => (url.startsWith(`${configuredOrigin}/`) ? actualOrigin + url.slice(configuredOrigin.length) : url),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
