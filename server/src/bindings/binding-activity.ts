/** How binding operations read in the activity log. */
import type { ActivityDetails, ActivityKind, ActivityOutcome } from '@osb/api';
import type { ActivityActor, NewActivity } from '../activity/activity-log.ts';
import type { InstanceRecord } from '../provisioning/instance-repository.ts';
import type { BindingRecord } from './binding-repository.ts';

const KINDS: Record<BindingRecord['operation']['type'], ActivityKind> = {
  create: 'bound',
  delete: 'unbound',
  expire: 'expired',
};

/**
 * The activity of the binding's current operation in the binding's project: the creation of a
 * successor (with a predecessor) is a rotation. The actor defaults to whoever started it; an
 * expiry is the platform's own (no actor).
 */
export function bindingActivity(
  binding: BindingRecord,
  instance: InstanceRecord,
  outcome: ActivityOutcome,
  options: { details?: ActivityDetails; actor?: ActivityActor; kind?: ActivityKind } = {},
): NewActivity {
  const rotation = binding.operation.type === 'create' && binding.predecessorId !== null;
  const kind = options.kind ?? (rotation ? 'rotated' : KINDS[binding.operation.type]);
  return {
    projectId: binding.projectId,
    instanceId: instance.id,
    instanceName: instance.name,
    bindingId: binding.id,
    bindingName: binding.name,
    kind,
    outcome,
    actor: kind === 'expired' ? null : (options.actor ?? { id: binding.operation.requestedBy }),
    details: { serviceId: instance.serviceId, planId: instance.planId, ...options.details },
  };
}
