/**
 * The sign-in details a service's dashboard gets through the context object (meshMarketplace
 * profile): the `dashboard_client.id` from the broker's stored catalog and the OpenID
 * provider's endpoints.
 */
import type { ServiceOffering } from '@osb/api';
import type { OidcDiscovery } from '../auth/oidc-discovery.ts';
import { isJsonObject } from '@osb/json-schema';
import type { DashboardSso } from '../osb/requests.ts';
import type { CatalogRepository } from '../store/catalog-repository.ts';

/** Looks up the dashboard sign-in details of a service with a `dashboard_client`. */
export function dashboardSsoLookup(
  catalogRepository: CatalogRepository,
  discovery: OidcDiscovery,
): (offering: ServiceOffering) => Promise<DashboardSso> {
  return async (offering) => {
    const stored = (await catalogRepository.findAll()).find((entry) => entry.brokerId === offering.brokerId);
    const services =
      isJsonObject(stored?.catalog) && Array.isArray(stored.catalog['services']) ? stored.catalog['services'] : [];
    const raw = services.find((candidate: unknown) => isJsonObject(candidate) && candidate['id'] === offering.id);
    const client = isJsonObject(raw) ? raw['dashboard_client'] : undefined;
    const clientId = isJsonObject(client) && typeof client['id'] === 'string' ? client['id'] : undefined;
    if (!clientId)
      throw new Error(
        `The stored catalog of broker ${offering.brokerId} has no dashboard_client.id for ${offering.id}`,
      );
    const metadata = await discovery.metadata();
    return { clientId, authorizationEndpoint: metadata.authorization_endpoint, tokenEndpoint: metadata.token_endpoint };
  };
}
