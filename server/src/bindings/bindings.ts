/**
 * Assembles service instances with bindings and sharing for the app: provisioning (whose
 * deprovision deletes the bindings first and whose lists include instances shared into a
 * project), the binding service with its background runner and expiry scheduler, sharing, and
 * their routes.
 */
import type { FastifyInstance } from 'fastify';
import type { MarketplaceConfig } from '../config/config.ts';
import { ParameterValidator } from '../provisioning/parameter-validation.ts';
import { registerProvisioning, replicaLeases, type Provisioning } from '../provisioning/provisioning.ts';
import type { Database } from '../store/database.ts';
import { ScheduledJobs } from '../store/scheduled-jobs.ts';
import { ShareRepository } from '../sharing/share-repository.ts';
import { shareRoutes } from '../sharing/share-routes.ts';
import { ShareService } from '../sharing/share-service.ts';
import { BindingRepository } from './binding-repository.ts';
import { bindingRoutes } from './binding-routes.ts';
import { BindingRunner } from './binding-runner.ts';
import { BindingService } from './binding-service.ts';
import { CredentialCipher, keyFileIsExposed, loadCredentialKey } from './credential-cipher.ts';
import { ExpiryScheduler } from './expiry-scheduler.ts';

/** What provisioning is registered with, without the parts this module supplies. */
type ProvisioningRegistration = Omit<Parameters<typeof registerProvisioning>[1], 'bindings' | 'shares' | 'leases'>;

/** What instances with bindings and sharing are built from. */
export interface InstancesWithBindingsOptions extends ProvisioningRegistration {
  config: ProvisioningRegistration['config'] & Pick<MarketplaceConfig, 'credentials' | 'expiry' | 'projects'>;
  database: Database;
  /** The current time in ms since the epoch, for expiry (tests move it); default `Date.now`. */
  clock?: () => number;
}

/** The assembled parts. */
export interface InstancesWithBindings {
  provisioning: Provisioning;
  bindings: BindingService;
  shares: ShareService;
  expiry: ExpiryScheduler;
}

/**
 * Adds provisioning, bindings and sharing to the app. The background runners and the expiry
 * checks start when the app becomes ready and stop when it closes.
 */
export async function registerInstancesWithBindings(app: FastifyInstance, options: InstancesWithBindingsOptions): Promise<InstancesWithBindings> {
  const { config } = options;
  const clock = options.clock ?? Date.now;
  const log = app.log.child({ component: 'bindings' });
  const key = await loadCredentialKey(config.credentials.keyFile, config.credentials.createIfMissing);
  if (await keyFileIsExposed(config.credentials.keyFile)) {
    log.warn({ keyFile: config.credentials.keyFile }, 'The credentials key file can be read by other users; restrict it to mode 0600');
  }
  const cipher = new CredentialCipher(key);
  const shareRepository = new ShareRepository(options.database);

  // Provisioning calls back into bindings and sharing, which in turn need its runner.
  let bindings: BindingService | undefined;
  let shares: ShareService | undefined;
  const leases = replicaLeases(options.database, config.operations, log, app.replica);
  const jobs = new ScheduledJobs(options.database, leases.owner);
  const provisioning = await registerProvisioning(app, {
    ...options,
    leases,
    bindings: { deleteAll: (instance, user) => bindings!.deleteAll(instance, user) },
    shares: { sharedWith: (projectId) => shares!.sharedWith(projectId) },
  });

  const { settings } = provisioning;
  const bindingRepository = new BindingRepository(options.database, { leases: leases.bindings, changes: options.changes });
  const requestOrphanMitigation = provisioning.runner.requestOrphanMitigation.bind(provisioning.runner);
  const runner = new BindingRunner({
    bindings: bindingRepository,
    findInstance: (id) => provisioning.instances.find(id),
    findService: (id) => options.catalog.findService(id),
    send: provisioning.send,
    requestOrphanMitigation,
    cipher,
    settings,
    clock,
    leases,
    log,
  });
  bindings = new BindingService({
    bindings: bindingRepository,
    instances: provisioning.instances,
    shares: shareRepository,
    runner,
    catalog: options.catalog,
    validator: new ParameterValidator(),
    cipher,
    send: provisioning.send,
    requestOrphanMitigation,
    publicUrl: config.server.publicUrl,
    settings,
    expiryWarningDays: config.expiry.warningDays,
    clock,
    log,
  });
  shares = new ShareService({
    shares: shareRepository,
    instances: provisioning.instances,
    catalog: options.catalog,
    bindings,
    projects: config.projects,
    clock,
  });
  const bindingService = bindings;
  const expiry = new ExpiryScheduler({
    bindings: bindingRepository,
    expire: (binding) => bindingService.expire(binding),
    intervalMs: config.expiry.checkIntervalSeconds * 1000,
    claimRun: () => jobs.claim('binding-expiry', config.expiry.checkIntervalSeconds * 1000),
    clock,
    log,
  });

  app.addHook('onReady', async () => {
    if (options.database.kind === 'pglite') await leases.voidEarlierRuns();
    leases.start();
    await runner.start();
    expiry.start();
  });
  // Stopping twice is harmless: whichever hook runs first, every runner has stopped before this
  // replica hands its leases back to the others.
  app.addHook('onClose', async () => {
    await expiry.stop();
    await runner.stop();
    await provisioning.runner.stop();
    await leases.stop();
  });
  await app.register(bindingRoutes, { projects: options.projects, service: bindings, users: options.users });
  await app.register(shareRoutes, { projects: options.projects, service: shares, users: options.users });
  return { provisioning, bindings, shares, expiry };
}
