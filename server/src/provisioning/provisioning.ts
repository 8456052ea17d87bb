/**
 * Assembles provisioning for the app: repositories, the background runner, the instance
 * service, a client per configured broker, and the dashboard sign-in details.
 */
import type { FastifyInstance } from 'fastify';
import type { ServiceOffering } from '@osb/api';
import type { OidcDiscovery } from '../auth/oidc-discovery.ts';
import type { ProjectAccess } from '../auth/project-access.ts';
import type { MarketplaceConfig, ProjectConfig, UserConfig } from '../config/config.ts';
import { isRecord } from '../osb/broker-error.ts';
import { OsbClient, type OsbRequest } from '../osb/osb-client.ts';
import type { CatalogRepository } from '../store/catalog-repository.ts';
import type { ChangeFeed } from '../store/change-feed.ts';
import type { Queryable } from '../store/database.ts';
import { leaseSettings, ReplicaLeases } from '../store/leases.ts';
import { sendToBroker } from './broker-gateway.ts';
import type { BrokerReply } from './broker-reply.ts';
import { InstanceRepository } from './instance-repository.ts';
import { InstanceService, type BindingCleanup, type CatalogLookup, type SharedInstanceLookup } from './instance-service.ts';
import { OperationRunner, type RunnerLog } from './operation-runner.ts';
import { OrphanMitigationRepository } from './orphan-mitigation-repository.ts';
import { ParameterValidator } from './parameter-validation.ts';
import { permissionRoutes } from './permission-routes.ts';
import { serviceInstanceRoutes } from './service-instance-routes.ts';
import type { DashboardSso } from './requests.ts';
import { configuredProvisioningSettings, type ProvisioningOverrides, type ProvisioningSettings } from './settings.ts';

/** What provisioning is built from. */
export interface ProvisioningOptions {
  config: Pick<MarketplaceConfig, 'brokers' | 'server' | 'operations'>;
  database: Queryable;
  /**
   * This replica's leases; when absent, provisioning makes its own and starts and stops them
   * with its runner.
   */
  leases?: ReplicaLeases;
  /** Where changes of instances are announced to every replica. */
  changes?: ChangeFeed;
  /** This replica's name (default: a new one). */
  replica?: string;
  catalog: CatalogLookup;
  /** The stored raw catalogs (for `dashboard_client.id`, which the offerings do not carry). */
  catalogRepository: CatalogRepository;
  discovery: OidcDiscovery;
  settings?: ProvisioningOverrides;
  bindings?: BindingCleanup;
  /** Instances shared into projects (listed there read-only). */
  shares?: SharedInstanceLookup;
  log: RunnerLog;
}

/** The assembled parts. */
export interface Provisioning {
  instances: InstanceRepository;
  leases: ReplicaLeases;
  settings: ProvisioningSettings;
  runner: OperationRunner;
  service: InstanceService;
  /** Sends a request to a configured broker (binding operations use it too). */
  send(brokerId: string, request: OsbRequest): Promise<BrokerReply>;
}

/**
 * Adds provisioning to the app: the service instance routes, the dashboard permission route,
 * and the background runner, which resumes running operations and orphan mitigation when the
 * app becomes ready and stops when it closes.
 */
export async function registerProvisioning(
  app: FastifyInstance,
  options: ProvisioningOptions & { projects: ProjectAccess; users: UserConfig[]; usernameClaim: string; projectConfigs: ProjectConfig[] },
): Promise<Provisioning> {
  const provisioning = createProvisioning(options);
  app.addHook('onReady', async () => {
    if (!options.leases) provisioning.leases.start();
    await provisioning.runner.start();
  });
  app.addHook('onClose', async () => {
    await provisioning.runner.stop();
    if (!options.leases) await provisioning.leases.stop();
  });
  await app.register(serviceInstanceRoutes, { projects: options.projects, service: provisioning.service, users: options.users });
  await app.register(permissionRoutes, {
    instances: provisioning.instances,
    discovery: options.discovery,
    usernameClaim: options.usernameClaim,
    projects: options.projectConfigs,
  });
  return provisioning;
}

/** Builds provisioning; call `runner.start()` once the app is ready and `runner.stop()` on close. */
export function createProvisioning(options: ProvisioningOptions): Provisioning {
  const settings = configuredProvisioningSettings(options.config.operations, options.settings);
  const leases = options.leases ?? replicaLeases(options.database, options.config.operations, options.log, options.replica);
  const clients = new Map(
    options.config.brokers.map((broker) => [
      broker.id,
      new OsbClient({
        url: broker.url,
        username: broker.username,
        password: broker.password,
        publicUrl: options.config.server.publicUrl,
        timeoutSeconds: settings.requestTimeoutSeconds,
      }),
    ]),
  );
  const send = async (brokerId: string, request: OsbRequest): Promise<BrokerReply> => {
    const client = clients.get(brokerId);
    return client ? sendToBroker(client, request) : { kind: 'unreachable' };
  };
  const instances = new InstanceRepository(options.database, { leases: leases.instances, changes: options.changes });
  const orphans = new OrphanMitigationRepository(options.database, leases.orphans);
  const runner = new OperationRunner({ instances, orphans, send, settings, leases, log: options.log });
  const service = new InstanceService({
    instances,
    orphans,
    runner,
    catalog: options.catalog,
    validator: new ParameterValidator(),
    send,
    publicUrl: options.config.server.publicUrl,
    dashboardSso: (offering) => dashboardSso(offering, options),
    ...(options.bindings ? { bindings: options.bindings } : {}),
    ...(options.shares ? { shares: options.shares } : {}),
    settings,
    log: options.log,
  });
  return { instances, leases, settings, runner, service, send };
}

/** The leases of this replica with the configured lease time and sweep interval. */
export function replicaLeases(
  database: Queryable,
  operations: Pick<MarketplaceConfig['operations'], 'leaseSeconds' | 'sweepIntervalSeconds'>,
  log: RunnerLog,
  owner?: string,
): ReplicaLeases {
  return new ReplicaLeases(database, leaseSettings(operations.leaseSeconds * 1000, operations.sweepIntervalSeconds * 1000), log, owner);
}

/** The dashboard client id from the broker's stored catalog and the provider's endpoints. */
async function dashboardSso(offering: ServiceOffering, options: ProvisioningOptions): Promise<DashboardSso> {
  const stored = (await options.catalogRepository.findAll()).find((entry) => entry.brokerId === offering.brokerId);
  const services = isRecord(stored?.catalog) && Array.isArray(stored.catalog['services']) ? stored.catalog['services'] : [];
  const raw = services.find((candidate: unknown) => isRecord(candidate) && candidate['id'] === offering.id);
  const client = isRecord(raw) ? raw['dashboard_client'] : undefined;
  const clientId = isRecord(client) && typeof client['id'] === 'string' ? client['id'] : undefined;
  if (!clientId) throw new Error(`The stored catalog of broker ${offering.brokerId} has no dashboard_client.id for ${offering.id}`);
  const metadata = await options.discovery.metadata();
  return { clientId, authorizationEndpoint: metadata.authorization_endpoint, tokenEndpoint: metadata.token_endpoint };
}
