/**
 * Turns the demo services into OSB catalogs, one per broker path prefix, with stable ids.
 */
import { createHash } from 'node:crypto';
import type { DemoMaintenanceInfo, DemoPlan, DemoService } from './services.ts';

/** Namespace of the demo broker's name-based UUIDs (a fixed random UUID). */
const ID_NAMESPACE = '3c1f8a52-6a0e-4b59-9d47-2f1b5e0c7a91';

/**
 * A name-based UUID (version 5, SHA-1) of `name` in the demo broker's namespace: the same
 * name always gives the same id, on every start and every machine.
 */
function stableUuid(name: string): string {
  const namespace = Buffer.from(ID_NAMESPACE.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(namespace).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A plan of a broker's catalog with its id. */
export interface CatalogPlan {
  id: string;
  definition: DemoPlan;
}

/** A service of a broker's catalog with its id and its plans. */
export interface CatalogService {
  id: string;
  definition: DemoService;
  plans: CatalogPlan[];
}

/** The catalog of one broker path prefix (`global` or `locations/<id>`). */
export class BrokerCatalog {
  /** Services of this broker, with ids derived from the prefix and the names. */
  readonly services: readonly CatalogService[];
  /** Maintenance versions raised at run time (`PUT /demo/plans/:planId/maintenance_info`), by plan id. */
  private readonly raisedMaintenance = new Map<string, DemoMaintenanceInfo>();

  /**
   * @param prefix the broker's path prefix without slashes at the ends, for example `global`
   * @param locationId the location of a local broker; undefined for the global broker
   */
  constructor(
    readonly prefix: string,
    readonly locationId: string | undefined,
    definitions: readonly DemoService[],
  ) {
    this.services = definitions.map((definition) => ({
      id: stableUuid(`${prefix}/${definition.name}`),
      definition,
      plans: definition.plans.map((plan) => ({
        id: stableUuid(`${prefix}/${definition.name}/${plan.name}`),
        definition: plan,
      })),
    }));
  }

  /** The service with this id, if this broker offers it. */
  findService(serviceId: unknown): CatalogService | undefined {
    return this.services.find((service) => service.id === serviceId);
  }

  /** The plan with this id within `service`. */
  findPlan(service: CatalogService, planId: unknown): CatalogPlan | undefined {
    return service.plans.find((plan) => plan.id === planId);
  }

  /** The plan's `maintenance_info` as the catalog offers it now. */
  maintenanceInfo(plan: CatalogPlan): DemoMaintenanceInfo | undefined {
    return this.raisedMaintenance.get(plan.id) ?? plan.definition.maintenanceInfo;
  }

  /** Offers a new maintenance version of the plan from now on (for tests and demonstrations). */
  setMaintenanceInfo(plan: CatalogPlan, info: DemoMaintenanceInfo): void {
    this.raisedMaintenance.set(plan.id, { ...info });
  }

  /** The plan with this id in any service of this broker. */
  findPlanAnywhere(planId: unknown): CatalogPlan | undefined {
    return this.services.flatMap((service) => service.plans).find((plan) => plan.id === planId);
  }

  /** The OSB `GET /v2/catalog` body; `publicUrl` is the base of the documentation pages. */
  toOsb(publicUrl: string): { services: Record<string, unknown>[] } {
    return {
      services: this.services.map((service) => serviceToOsb(service, publicUrl, (plan) => this.maintenanceInfo(plan))),
    };
  }
}

function serviceToOsb(
  { id, definition: service, plans }: CatalogService,
  publicUrl: string,
  maintenanceInfo: (plan: CatalogPlan) => DemoMaintenanceInfo | undefined,
): Record<string, unknown> {
  return {
    id,
    name: service.name,
    description: service.description,
    bindable: service.bindable,
    instances_retrievable: service.instancesRetrievable,
    bindings_retrievable: service.bindingsRetrievable,
    ...(service.bindingRotatable ? { binding_rotatable: true } : {}),
    plan_updateable: service.planUpdateable,
    tags: service.tags,
    metadata: {
      displayName: service.displayName,
      ...(service.imageUrl ? { imageUrl: service.imageUrl } : {}),
      longDescription: service.longDescription,
      providerDisplayName: service.providerDisplayName,
      documentationUrl: `${publicUrl}/docs/${service.name}`,
      supportUrl: `${publicUrl}/docs/${service.name}/support`,
      ...service.flags,
    },
    plans: plans.map((plan) => planToOsb(plan, service.bindable, maintenanceInfo(plan))),
  };
}

function planToOsb(
  { id, definition: plan }: CatalogPlan,
  bindable: boolean,
  maintenanceInfo: DemoMaintenanceInfo | undefined,
): Record<string, unknown> {
  const schemas: Record<string, unknown> = {};
  const instanceSchemas: Record<string, unknown> = {};
  if (plan.schemas?.instanceCreate) instanceSchemas['create'] = { parameters: plan.schemas.instanceCreate };
  if (plan.schemas?.instanceUpdate) instanceSchemas['update'] = { parameters: plan.schemas.instanceUpdate };
  if (Object.keys(instanceSchemas).length > 0) schemas['service_instance'] = instanceSchemas;
  if (bindable && plan.schemas?.bindingCreate) {
    schemas['service_binding'] = { create: { parameters: plan.schemas.bindingCreate } };
  }
  return {
    id,
    name: plan.name,
    description: plan.description,
    free: plan.free,
    ...(plan.maximumPollingDuration ? { maximum_polling_duration: plan.maximumPollingDuration } : {}),
    ...(maintenanceInfo ? { maintenance_info: maintenanceInfo } : {}),
    metadata: {
      displayName: plan.displayName,
      bullets: plan.bullets,
      ...(plan.costs.length > 0 ? { costs: plan.costs } : {}),
      ...(plan.expiryDays ? { expiryDays: plan.expiryDays } : {}),
    },
    ...(Object.keys(schemas).length > 0 ? { schemas } : {}),
  };
}
