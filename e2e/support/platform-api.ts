/**
 * The platform API as the signed-in user, for setting journeys up quickly: the bearer token the
 * app sends (the app keeps tokens in memory only) and ordering instances with it.
 */
import { expect, type Page } from '@playwright/test';

import type { CatalogResponse, ServiceInstance } from '@osb/api';

/**
 * Records the bearer token the app sends to the platform API, from now on; the returned
 * function gives the latest one.
 */
export function recordApiToken(page: Page): () => string {
  let authorization: string | undefined;
  page.on('request', (request) => {
    const header = request.headers()['authorization'];
    if (header?.startsWith('Bearer ') && new URL(request.url()).pathname.startsWith('/api/')) authorization = header;
  });
  return () => {
    if (!authorization) throw new Error('The app sent no bearer token to the API');
    return authorization;
  };
}

/** An instance to order: a service by its CLI name, global or in one location, and a plan by name. */
export interface InstanceOrder {
  projectId: string;
  serviceName: string;
  planName: string;
  /** The location of a local service; absent for a global one. */
  locationId?: string;
  name: string;
  parameters?: Record<string, unknown>;
}

/**
 * Orders an instance of a synchronous plan through the API with the app's token and returns it,
 * ready (the platform answers 201 once the broker provisioned it).
 */
export async function orderInstance(page: Page, authorization: string, order: InstanceOrder): Promise<ServiceInstance> {
  const headers = { authorization };
  const catalogResponse = await page.request.get('/api/catalog', { headers });
  expect(catalogResponse.status(), 'GET /api/catalog').toBe(200);
  const { services } = (await catalogResponse.json()) as CatalogResponse;
  const service = services.find(
    ({ name, locality }) =>
      name === order.serviceName &&
      (order.locationId === undefined
        ? locality.kind === 'global'
        : locality.kind === 'local' && locality.locationId === order.locationId),
  );
  const plan = service?.plans.find(({ name }) => name === order.planName);
  if (!service || !plan)
    throw new Error(`The catalog has no ${order.serviceName} plan ${order.planName} (${order.locationId ?? 'global'})`);

  const response = await page.request.post(`/api/projects/${order.projectId}/service-instances`, {
    headers,
    data: { name: order.name, serviceId: service.id, planId: plan.id, parameters: order.parameters ?? {} },
  });
  expect(response.status(), `ordering ${order.name}: ${await response.text()}`).toBe(201);
  return (await response.json()) as ServiceInstance;
}

/** A name no earlier run used, for instances and bindings. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}
