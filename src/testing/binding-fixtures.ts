/** Sample service bindings for unit tests and stories. */
import type { ServiceBinding } from '@osb/api';
import { CREATED, type OperationOverrides } from './instance-fixtures';

/** A ready binding of `testInstance()` for tests and stories. */
export function testBinding(overrides: OperationOverrides<ServiceBinding> = {}): ServiceBinding {
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
    lastOperation: { ...CREATED, ...lastOperation },
  };
}
