/** Sample service instances for unit tests and stories. */
import type { ServiceInstance, ServiceInstanceOperation } from '@osb/api';

/** An instance for tests and stories, ready unless overridden; `lastOperation` merges with the default. */
export function testInstance(
  overrides: Partial<Omit<ServiceInstance, 'lastOperation'>> & { lastOperation?: Partial<ServiceInstanceOperation> } = {},
): ServiceInstance {
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
    lastOperation: {
      type: 'create',
      state: 'succeeded',
      startedAt: '2026-11-20T09:30:00.000Z',
      requestedBy: 'alice',
      ...lastOperation,
    },
  };
}
