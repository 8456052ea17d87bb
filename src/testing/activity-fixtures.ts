/** Sample activity entries for unit tests and stories. */
import type { ActivityEntry } from '@osb/api';

/** alice's successful order of a PostgreSQL instance "db-1" (plan Small of `testCatalog()`), unless overridden. */
export function testActivityEntry(overrides: Partial<ActivityEntry> = {}): ActivityEntry {
  return {
    id: '1',
    at: '2026-11-28T18:50:00Z',
    kind: 'ordered',
    outcome: 'succeeded',
    actor: { id: 'alice', displayName: 'Alice Adams' },
    instanceId: 'i-1',
    instanceName: 'db-1',
    details: { serviceId: 'postgres', planId: 'plan-small' },
    ...overrides,
  };
}
