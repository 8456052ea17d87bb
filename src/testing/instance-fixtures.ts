/** Sample service instances for unit tests and stories. */
import type { ServiceInstance, ServiceInstanceOperation } from '@osb/api';

/** What a fixture with a `lastOperation` may override; the given `lastOperation` fields merge with the default. */
export type OperationOverrides<T extends { lastOperation: object }> = Partial<Omit<T, 'lastOperation'>> & {
  lastOperation?: Partial<T['lastOperation']>;
};

/** The default `lastOperation` of instance and binding fixtures: created by alice, succeeded. */
export const CREATED = {
  type: 'create',
  state: 'succeeded',
  startedAt: '2026-11-20T09:30:00.000Z',
  requestedBy: 'alice',
} as const satisfies Partial<ServiceInstanceOperation>;

/** An instance for tests and stories, ready unless overridden. */
export function testInstance(overrides: OperationOverrides<ServiceInstance> = {}): ServiceInstance {
  const { lastOperation, ...rest } = overrides;
  return {
    id: 'instance-1',
    projectId: 'p1',
    name: 'orders-db',
    serviceId: 'postgres',
    planId: 'plan-small',
    brokerId: 'demo-eu-de-central',
    locationId: 'eu-de-central',
    parameters: {},
    createdBy: 'alice',
    createdAt: '2026-11-20T09:30:00.000Z',
    usable: true,
    orphanMitigationPending: false,
    ...rest,
    lastOperation: { ...CREATED, ...lastOperation },
  };
}
