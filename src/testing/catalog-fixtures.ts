/** Sample catalog data for unit tests and stories. */
import type { CatalogResponse, ServiceOffering, ServicePlan } from '@osb/api';

/** A plan for tests and stories; override what matters. */
export function testPlan(overrides: Partial<ServicePlan> = {}): ServicePlan {
  return {
    id: 'plan-small',
    name: 'small',
    displayName: 'Small',
    description: 'One vCPU and 2 GB of memory.',
    free: true,
    bindable: true,
    planUpdateable: false,
    bullets: [],
    costs: [],
    schemas: {},
    ...overrides,
  };
}

/** A service for tests and stories; override what matters. */
export function testService(overrides: Partial<ServiceOffering> = {}): ServiceOffering {
  return {
    id: 'postgres',
    brokerId: 'demo-eu-de-central',
    name: 'postgresql',
    displayName: 'PostgreSQL',
    description: 'Managed PostgreSQL databases with daily backups.',
    providerDisplayName: 'Likvid Data Services',
    tags: ['database', 'sql'],
    locality: { kind: 'local', locationId: 'eu-de-central' },
    bindable: true,
    instancesRetrievable: true,
    bindingsRetrievable: true,
    bindingRotatable: false,
    hasDashboardClient: false,
    sensitive: false,
    tenantAware: false,
    shareable: false,
    plans: [testPlan()],
    ...overrides,
  };
}

/** A small catalog with global and local services in two locations, and one broker down. */
export function testCatalog(): CatalogResponse {
  return {
    services: [
      testService({
        id: 'dns',
        brokerId: 'demo-global',
        name: 'dns-zone',
        displayName: 'DNS Zone',
        description: 'Authoritative DNS for your domains.',
        providerDisplayName: 'Edge Networks',
        tags: ['network', 'dns'],
        locality: { kind: 'global' },
      }),
      testService({
        id: 'backup',
        brokerId: 'demo-global',
        name: 'backup',
        displayName: 'Backup Vault',
        description: 'Encrypted off-site backups.',
        providerDisplayName: 'SafeKeep',
        tags: ['storage'],
        locality: { kind: 'global' },
        plans: [testPlan({ free: false, costs: [{ amount: { eur: 4.5 }, unit: 'MONTHLY' }] })],
      }),
      testService(),
      testService({
        id: 'redis-ams',
        name: 'redis',
        displayName: 'Redis',
        description: 'In-memory cache.',
        tags: ['cache'],
        locality: { kind: 'local', locationId: 'eu-nl-west' },
      }),
    ],
    locations: [
      { id: 'eu-de-central', displayName: 'Frankfurt' },
      { id: 'eu-nl-west', displayName: 'Amsterdam' },
    ],
    brokers: [
      { id: 'demo-global', displayName: 'Global broker', locality: { kind: 'global' }, state: 'ok', warnings: [] },
      {
        id: 'demo-eu-nl-west',
        displayName: 'Amsterdam broker',
        locality: { kind: 'local', locationId: 'eu-nl-west' },
        state: 'unavailable',
        reason: 'The broker did not answer within 10 seconds.',
        problem: 'unreachable',
        warnings: [],
      },
    ],
  };
}
