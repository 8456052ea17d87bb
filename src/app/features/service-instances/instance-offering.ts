import type { CatalogResponse, ServiceInstance, ServicePlanSummary, ServiceSummary } from '@osb/api';

/** What the catalog says about an instance's service, plan and location, as far as it still knows them. */
export interface InstanceOffering {
  /** The instance's service, unless the catalog no longer offers it. */
  readonly service?: ServiceSummary;
  /** The instance's plan, unless the catalog no longer offers it. */
  readonly plan?: ServicePlanSummary;
  /** Name of the service to show: its display name, else its id. */
  readonly serviceName: string;
  /** Name of the plan to show: its display name, else its id. */
  readonly planName: string;
  /** Name of the location of a local service, else undefined. */
  readonly locationName?: string;
}

/** Looks up an instance's service, plan and location in the catalog (which may still be loading). */
export function instanceOffering(
  instance: Pick<ServiceInstance, 'serviceId' | 'planId' | 'locationId'>,
  catalog: CatalogResponse | undefined,
): InstanceOffering {
  const service = catalog?.services.find((candidate) => candidate.id === instance.serviceId);
  const plan = service?.plans.find((candidate) => candidate.id === instance.planId);
  const locationId = instance.locationId;
  const locationName =
    locationId === undefined
      ? undefined
      : (catalog?.locations.find((location) => location.id === locationId)?.displayName ?? locationId);
  return {
    ...(service ? { service } : {}),
    ...(plan ? { plan } : {}),
    serviceName: service?.displayName ?? instance.serviceId,
    planName: plan?.displayName ?? instance.planId,
    ...(locationName !== undefined ? { locationName } : {}),
  };
}
