/** Sample service bindings for unit tests and stories. */
import type { ServiceBinding, ServiceBindingOperation } from '@osb/api';

/** A ready binding of `testInstance()` for tests and stories; `lastOperation` merges with the default. */
export function testBinding(
  overrides: Partial<Omit<ServiceBinding, 'lastOperation'>> & { lastOperation?: Partial<ServiceBindingOperation> } = {},
): ServiceBinding {
  const { lastOperation, ...rest } = overrides;
  return {
    id: 'b1',
    instanceId: 'instance-1',
    projectId: 'p1',
    name: 'orders-app',
    parameters: {},
    createdBy: 'alice',
    createdAt: '2026-11-20T09:30:00.000Z',
    expiresSoon: false,
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
