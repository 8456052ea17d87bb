/**
 * What end-to-end tests read from the demo broker the harness started: its OSB catalogs and
 * the request log of each path prefix (what the platform sent, `GET <prefix>/demo/requests`);
 * and what they change there (a plan's maintenance version, `PUT <prefix>/demo/plans/:id/maintenance_info`).
 */
import { request, type APIRequestContext } from '@playwright/test';

/** A request the demo broker received, as its request log keeps it. */
export interface LoggedBrokerRequest {
  receivedAt: string;
  method: string;
  /** The path without the query, including the broker prefix. */
  path: string;
  query: Record<string, unknown>;
  /** The OSB headers that were present, by lower-case name. */
  headers: Record<string, string | undefined>;
  body?: Record<string, unknown>;
}

/** A service of a demo broker's OSB catalog (only what tests read). */
export interface BrokerCatalogService {
  id: string;
  name: string;
  plans: { id: string; name: string }[];
}

const credentials = { username: 'demo-broker', password: 'demo-broker-password' };

/** The demo broker's root URL, set by the global setup. */
export function brokerURL(): string {
  const url = process.env['E2E_BROKER_URL'];
  if (!url) throw new Error('E2E_BROKER_URL is not set: run the tests through playwright.config.ts');
  return url;
}

async function withBroker<T>(use: (broker: APIRequestContext) => Promise<T>): Promise<T> {
  const broker = await request.newContext({
    baseURL: `${brokerURL()}/`,
    httpCredentials: { ...credentials, send: 'always' },
    extraHTTPHeaders: { 'X-Broker-API-Version': '2.17' },
  });
  try {
    return await use(broker);
  } finally {
    await broker.dispose();
  }
}

/** The OSB catalog of a broker prefix (`global` or `locations/<locationId>`). */
export function brokerCatalog(prefix: string): Promise<BrokerCatalogService[]> {
  return withBroker(async (broker) => {
    const response = await broker.get(`${prefix}/v2/catalog`);
    if (!response.ok()) throw new Error(`GET ${prefix}/v2/catalog answered ${response.status()}`);
    return ((await response.json()) as { services: BrokerCatalogService[] }).services;
  });
}

/** The service named `name` (its CLI name, for example `postgresql`) in a broker prefix's catalog. */
export async function brokerService(prefix: string, name: string): Promise<BrokerCatalogService> {
  const service = (await brokerCatalog(prefix)).find((candidate) => candidate.name === name);
  if (!service) throw new Error(`The demo broker offers no service ${name} under /${prefix}`);
  return service;
}

/** The requests a broker prefix received so far, oldest first. */
export function brokerRequests(prefix: string): Promise<LoggedBrokerRequest[]> {
  return withBroker(async (broker) => {
    const response = await broker.get(`${prefix}/demo/requests`);
    if (!response.ok()) throw new Error(`GET ${prefix}/demo/requests answered ${response.status()}`);
    return ((await response.json()) as { requests: LoggedBrokerRequest[] }).requests;
  });
}

/** Makes a broker prefix offer a new maintenance version of a plan from now on. */
export function raiseMaintenanceVersion(
  prefix: string,
  planId: string,
  maintenanceInfo: { version: string; description: string },
): Promise<void> {
  return withBroker(async (broker) => {
    const response = await broker.put(`${prefix}/demo/plans/${planId}/maintenance_info`, { data: maintenanceInfo });
    if (response.status() !== 204) throw new Error(`PUT maintenance_info answered ${response.status()}`);
  });
}
