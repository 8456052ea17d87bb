/**
 * The composition root: `buildApp` assembles the whole platform (plugins, the catalog, service
 * instances, bindings, sharing, their background runners and schedulers, and the routes) into
 * one Fastify app. `startPlatform` (start-platform.ts) runs it the way `npm start` does.
 */
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fastifyCompress from '@fastify/compress';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import type { MarketplaceConfig } from './config/config.ts';
import { ActivityLog } from './activity/activity-log.ts';
import { activityRoutes } from './activity/activity-routes.ts';
import { OidcDiscovery } from './auth/oidc-discovery.ts';
import { registerAuth } from './auth/auth-plugin.ts';
import { registerCors } from './auth/cors.ts';
import { TokenVerifier, acceptedClientsOf } from './auth/token-verifier.ts';
import { ProjectAccess, registerProjectAccess } from './auth/project-access.ts';
import { UserDirectory } from './auth/user-directory.ts';
import { BindingRepository } from './bindings/binding-repository.ts';
import { bindingRoutes, toServiceBinding } from './bindings/binding-routes.ts';
import { BindingRunner } from './bindings/binding-runner.ts';
import { BindingService } from './bindings/binding-service.ts';
import { CredentialCipher, keyFileIsExposed } from './bindings/credential-cipher.ts';
import { openCredentialKey } from './bindings/credential-key-guard.ts';
import { ExpiryScheduler } from './bindings/expiry-scheduler.ts';
import { CatalogService } from './catalog/catalog-service.ts';
import { costRoutes } from './costs/cost-routes.ts';
import { CostService } from './costs/cost-service.ts';
import { systemClock, type Clock } from './operations/clock.ts';
import { OperationEngine } from './operations/operation-engine.ts';
import { OrphanMitigationRepository } from './operations/orphan-mitigation-repository.ts';
import { configuredProvisioningSettings, type ProvisioningOverrides } from './operations/settings.ts';
import { OsbClients } from './osb/osb-clients.ts';
import { registerErrorHandler } from './plugins/error-handler.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { registerStaticUi } from './plugins/static-ui.ts';
import { dashboardSsoLookup } from './provisioning/dashboard-sso.ts';
import { InstanceRepository } from './provisioning/instance-repository.ts';
import { InstanceService } from './provisioning/instance-service.ts';
import { OperationRunner } from './provisioning/operation-runner.ts';
import { ParameterSecrets } from './provisioning/parameter-secrets.ts';
import { ParameterValidator } from './osb/parameter-validator.ts';
import { permissionRoutes } from './provisioning/permission-routes.ts';
import { serviceInstanceRoutes } from './provisioning/service-instance-routes.ts';
import { catalogRoutes } from './routes/catalog.ts';
import { changeRoutes } from './routes/changes.ts';
import { meRoutes } from './routes/me.ts';
import { platformRoutes, type Readiness } from './routes/platform.ts';
import { projectRoutes } from './routes/projects.ts';
import { ShareRepository } from './sharing/share-repository.ts';
import { shareRoutes } from './sharing/share-routes.ts';
import { ShareService } from './sharing/share-service.ts';
import { CatalogRepository } from './store/catalog-repository.ts';
import { ChangeFeed } from './store/change-feed.ts';
import type { Database } from './store/database.ts';
import { leaseSettings, ReplicaLeases, replicaName } from './store/leases.ts';
import { ScheduledJobs } from './store/scheduled-jobs.ts';

/** The platform's services, for the routes and for tests. */
export interface Platform {
  /** Every broker's catalog and health. */
  catalog: CatalogService;
  instances: InstanceService;
  bindings: BindingService;
  shares: ShareService;
  /** Deletes expired bindings at their brokers. */
  expiry: ExpiryScheduler;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every broker's catalog and health. */
    catalog: CatalogService;
    /** The platform's services. */
    platform: Platform;
    /** This replica's name among all replicas on the database (leases and job runs carry it). */
    replica: string;
    /** Users' display names, for answers that name who did something. */
    users: UserDirectory;
    /** Whether this replica takes requests (its readiness endpoint says so to load balancers). */
    readiness: Readiness;
  }
}

/** The channel on which a replica tells the others that it stored fresh catalogs. */
const CATALOG_CHANNEL = 'osb_marketplace_catalogs';

/** The built UI, served at `/`. */
const DEFAULT_UI_ROOT = fileURLToPath(new URL('../../dist/osb-marketplace/browser', import.meta.url));

/** The built marketplace element, served at `/embed/`. */
const DEFAULT_EMBED_ROOT = fileURLToPath(new URL('../../dist/osb-marketplace-embed/browser', import.meta.url));
/** The built demo host portal, served at `/portal/` when enabled. */
const DEFAULT_PORTAL_ROOT = fileURLToPath(new URL('../../dist/demo-portal/browser', import.meta.url));

/** What `buildApp` is given besides the configuration. */
export interface AppDependencies {
  /** The open, migrated database; the caller closes it after the app. */
  database: Database;
  /** Fastify's logger setting (default: info level). */
  logger?: FastifyServerOptions['logger'];
  /** Where the built UI is (default: dist/osb-marketplace/browser). */
  uiRoot?: string;
  /** Where the built marketplace element is (default: dist/osb-marketplace-embed/browser). */
  embedRoot?: string;
  /** Where the built demo portal is (default: dist/demo-portal/browser). */
  portalRoot?: string;
  /** Supplies the HTTP server, for callers that listen before building (see `startPlatform`). */
  serverFactory?: FastifyServerOptions['serverFactory'];
  /** Timings of broker requests, polling and orphan mitigation (default: the production ones). */
  settings?: ProvisioningOverrides;
  /** The platform's clock (default: the system's); tests move it. */
  clock?: Clock;
}

/**
 * Builds the whole platform for `config`. The catalog's first fetch runs when the app becomes
 * ready, so `await app.ready()` (or `listen`) resolves with every broker's status known; the
 * background runners and the expiry checks start then too and stop when the app closes, handing
 * this replica's leases on operations back to the other replicas (see docs/deployment.md).
 */
export async function buildApp(config: MarketplaceConfig, deps: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? { level: 'info' },
    serverFactory: deps.serverFactory,
    // Brokers' ids are not ours to shorten; keep generous limits for long path parameters.
    routerOptions: { maxParamLength: 500 },
    // Ready waits for the first fetch of every broker's catalog, which takes longer than Fastify's
    // default 10 s with many brokers on a busy machine (each broker has its own request timeout).
    pluginTimeout: 120_000,
  });
  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  const clock = deps.clock ?? systemClock;
  // The configured broker request timeout bounds every broker request; tests may shorten it further.
  const settings = configuredProvisioningSettings(config.operations, {
    requestTimeoutSeconds: config.catalog.requestTimeoutSeconds,
    ...deps.settings,
  });
  const { database } = deps;

  // This replica among the others on the same database.
  const replica = replicaName();
  const readiness: Readiness = { accepting: true };
  const { leaseSeconds, sweepIntervalSeconds } = config.operations;
  const leases = new ReplicaLeases(
    database,
    leaseSettings(leaseSeconds * 1000, sweepIntervalSeconds * 1000),
    app.log,
    replica,
  );
  const jobs = new ScheduledJobs(database, replica);
  const changes = new ChangeFeed(database);

  // Plugins.
  registerErrorHandler(app);
  // Every answer (API and UI files) compressed with brotli or gzip, as the client accepts. Answers
  // of up to 64 KiB in memory (a page of 100 instances is about 50 KiB) are compressed at once
  // rather than through a compression stream, whose setup cost the instances list under load
  // more time than compressing (the plugin's default on two cores is 8 KiB).
  await app.register(fastifyCompress, { global: true, encodings: ['br', 'gzip'], syncThreshold: 65_536 });
  await registerOpenApi(app);
  // Before the token check, so that a host also reads the API's 401 answers.
  await registerCors(app, config.embedding.allowedOrigins);
  const discovery = new OidcDiscovery(config.auth.issuer);
  registerAuth(app, {
    tokens: new TokenVerifier(discovery, acceptedClientsOf(config.auth)),
    usernameClaim: config.auth.usernameClaim,
    projectsClaim: config.auth.projectsClaim,
    users: config.users,
  });
  const projects = new ProjectAccess(config);
  registerProjectAccess(app, { projects, users: config.users });
  const users = new UserDirectory(database, config.users, clock);
  app.decorate('users', users);
  // Whoever changes something is named in lists afterwards, also when only their token knows their name.
  app.addHook('preHandler', async (request) => {
    if (request.user && request.method !== 'GET' && request.method !== 'HEAD') await users.remember(request.user);
  });
  await registerStaticUi(app, {
    root: deps.uiRoot ?? DEFAULT_UI_ROOT,
    issuerOrigin: new URL(config.auth.issuer).origin,
    embedRoot: deps.embedRoot ?? DEFAULT_EMBED_ROOT,
    portal: config.embedding.demoPortal.enabled
      ? {
          root: deps.portalRoot ?? DEFAULT_PORTAL_ROOT,
          config: {
            issuer: config.auth.issuer,
            clientId: config.embedding.demoPortal.clientId,
            scope: 'openid profile email',
          },
        }
      : undefined,
  });

  // One OSB client per broker; the catalog and the operations share them.
  const brokers = new OsbClients(config.brokers, {
    publicUrl: config.server.publicUrl,
    catalogTimeoutSeconds: config.catalog.requestTimeoutSeconds,
    operationTimeoutSeconds: settings.requestTimeoutSeconds,
  });
  const catalogRepository = new CatalogRepository(deps.database);
  const catalog = new CatalogService({
    brokers: config.brokers,
    locations: config.locations,
    repository: catalogRepository,
    refreshIntervalSeconds: config.catalog.refreshIntervalSeconds,
    retry: {
      initialDelaySeconds: config.catalog.retryInitialDelaySeconds,
      maxDelaySeconds: config.catalog.retryMaxDelaySeconds,
    },
    coordination: {
      claimRefresh: () => jobs.claim('catalog-refresh', config.catalog.refreshIntervalSeconds * 1000),
      announce: async () => {
        await database.query('SELECT pg_notify($1, $2)', [CATALOG_CHANNEL, replica]);
      },
      onRefreshedElsewhere: (handler) => database.listen(CATALOG_CHANNEL, (from) => from !== replica && handler()),
    },
    clientFor: (broker) => brokers.client(broker.id)!,
    log: app.log.child({ component: 'catalog' }),
  });

  // Service instances, bindings and sharing, each built after what it needs; all record their changes.
  const activity = new ActivityLog({
    database,
    clock,
    displayNames: new Map(config.users.map((user) => [user.id, user.displayName])),
    changes,
    log: app.log.child({ component: 'activity' }),
  });
  const validator = new ParameterValidator();
  const instanceRepository = new InstanceRepository(database, { leases: leases.instances, changes });
  const orphans = new OrphanMitigationRepository(database, leases.orphans);
  const engine = new OperationEngine({ settings, clock, log: app.log });
  const runner = new OperationRunner({
    instances: instanceRepository,
    orphans,
    brokers,
    engine,
    settings,
    leases,
    findService: (id, brokerId) => catalog.findService(id, brokerId),
    // The binding runner is built below; mitigation only calls this later.
    forgetBinding: (bindingId): Promise<void> => bindingRunner.forgetDeleted(bindingId),
    activity,
    log: app.log,
  });
  const requestOrphanMitigation = runner.requestOrphanMitigation.bind(runner);

  const bindingLog = app.log.child({ component: 'bindings' });
  const cipher = await openCredentialCipher(database, config.credentials, bindingLog);
  const bindingRepository = new BindingRepository(database, { leases: leases.bindings, changes });
  const shareRepository = new ShareRepository(deps.database);
  const bindingRunner = new BindingRunner({
    bindings: bindingRepository,
    findInstance: (id) => instanceRepository.find(id),
    findService: (id, brokerId) => catalog.findService(id, brokerId),
    brokers,
    requestOrphanMitigation,
    cipher,
    engine,
    clock,
    leases,
    activity,
    log: bindingLog,
  });
  const bindings = new BindingService({
    bindings: bindingRepository,
    instances: instanceRepository,
    shares: shareRepository,
    runner: bindingRunner,
    engine,
    catalog,
    validator,
    cipher,
    brokers,
    requestOrphanMitigation,
    publicUrl: config.server.publicUrl,
    expiryWarningDays: config.expiry.warningDays,
    clock,
    activity,
    log: bindingLog,
  });
  const shares = new ShareService({
    shares: shareRepository,
    instances: instanceRepository,
    catalog,
    bindings: {
      listOfProject: async (instance, projectId) =>
        (await bindings.listOfProject(instance, projectId)).map((view) =>
          toServiceBinding({ ...view, credentials: undefined }),
        ),
      deleteProjectBindings: (instance, projectId, user) => bindings.deleteProjectBindings(instance, projectId, user),
    },
    projects: config.projects,
    clock,
    activity,
  });
  const instances = new InstanceService({
    instances: instanceRepository,
    orphans,
    runner,
    engine,
    catalog,
    validator,
    secrets: new ParameterSecrets(cipher),
    brokers,
    publicUrl: config.server.publicUrl,
    dashboardSso: dashboardSsoLookup(catalogRepository, discovery),
    bindings,
    shares,
    activity,
    // The embedded database runs one query at a time in this thread: one list request at a time,
    // each in an event-loop turn of its own, keeps the turns short (new connections are accepted
    // and answers sent between them); a server takes more from its pool.
    listConcurrency: database.kind === 'pglite' ? 1 : 8,
    log: app.log,
  });
  const expiry = new ExpiryScheduler({
    bindings: bindingRepository,
    expire: (binding) => bindings.expire(binding),
    intervalMs: config.expiry.checkIntervalSeconds * 1000,
    claimRun: () => jobs.claim('binding-expiry', config.expiry.checkIntervalSeconds * 1000),
    clock,
    log: bindingLog,
  });

  app.decorate('catalog', catalog);
  app.decorate('platform', { catalog, instances, bindings, shares, expiry });
  app.decorate('replica', replica);
  app.decorate('readiness', readiness);
  app.addHook('onReady', async () => {
    // No other process can open the embedded database: leases left there belong to earlier runs.
    if (database.kind === 'pglite') await leases.voidEarlierRuns();
    leases.start();
    await catalog.start();
    await runner.start();
    await bindingRunner.start();
    expiry.start();
  });
  app.addHook('onClose', async () => {
    await expiry.stop();
    await bindingRunner.stop();
    await runner.stop();
    await engine.stop();
    await leases.stop();
    await catalog.stop();
  });

  // Routes.
  await app.register(platformRoutes, { config, discovery, database, readiness });
  await app.register(meRoutes, { projects });
  await app.register(projectRoutes);
  await app.register(catalogRoutes, { catalog });
  await app.register(serviceInstanceRoutes, { service: instances });
  await app.register(permissionRoutes, { instances: instanceRepository, projects });
  await app.register(bindingRoutes, { service: bindings });
  await app.register(shareRoutes, { service: shares });
  await app.register(changeRoutes, { changes });
  await app.register(activityRoutes, { activity });
  await app.register(costRoutes, { costs: new CostService({ instances: instanceRepository, shares, catalog }) });
  return app;
}

/**
 * The cipher of stored binding credentials, with the key checked against the database's
 * fingerprint, and a warning when its key file is readable by others.
 */
async function openCredentialCipher(
  database: Database,
  options: MarketplaceConfig['credentials'],
  log: { warn(object: object, message: string): void },
): Promise<CredentialCipher> {
  const key = await openCredentialKey(database, options);
  if (await keyFileIsExposed(options.keyFile)) {
    log.warn(
      { keyFile: options.keyFile },
      'The credentials key file can be read by other users; restrict it to mode 0600',
    );
  }
  return new CredentialCipher(key);
}
