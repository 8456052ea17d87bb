import type { ServiceSummary } from '@osb/api';

/** Whether a service costs money: paid if any of its plans is not free. */
export function isPaidService(service: Pick<ServiceSummary, 'plans'>): boolean {
  return service.plans.some((plan) => !plan.free);
}
