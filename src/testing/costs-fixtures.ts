/** Sample project costs for unit tests and stories. */
import type { ProjectCosts } from '@osb/api';

/**
 * The costs of a project with an hourly-billed PostgreSQL that also bills by use, a log service
 * billed by use only, and a DNS zone shared with it by Web Shop (listed, not counted).
 */
export function testProjectCosts(): ProjectCosts {
  return {
    instances: [
      {
        instanceId: 'i-1',
        instanceName: 'orders-db',
        serviceId: 'pg',
        serviceName: 'PostgreSQL',
        planId: 'small',
        planName: 'Small',
        recurring: [{ amount: { eur: 0.05 }, unit: 'HOURLY', monthly: { eur: 36.5 } }],
        usageBased: [{ amount: { eur: 0.02 }, unit: 'GB' }],
        monthly: { eur: 36.5 },
        free: false,
      },
      {
        instanceId: 'i-2',
        instanceName: 'logs',
        serviceId: 'logs',
        serviceName: 'Logs',
        planId: 'payg',
        planName: 'Pay as you go',
        recurring: [],
        usageBased: [{ amount: { eur: 0.4 }, unit: 'PER 1000 REQUESTS' }],
        monthly: {},
        free: false,
      },
      {
        instanceId: 'i-3',
        instanceName: 'shared-dns',
        serviceId: 'dns',
        serviceName: 'DNS',
        planId: 'zone',
        planName: 'Zone',
        recurring: [{ amount: { eur: 12.5 }, unit: 'MONTHLY', monthly: { eur: 12.5 } }],
        usageBased: [],
        monthly: { eur: 12.5 },
        free: false,
        sharedFrom: { projectId: 'p2', displayName: 'Web Shop' },
      },
    ],
    services: [
      { serviceId: 'logs', serviceName: 'Logs', instances: 1, monthly: {}, usageBasedInstances: 1 },
      { serviceId: 'pg', serviceName: 'PostgreSQL', instances: 1, monthly: { eur: 36.5 }, usageBasedInstances: 1 },
    ],
    monthly: { eur: 36.5 },
    usageBasedInstances: 2,
  };
}
