/**
 * How instance operations read in the activity log: the kind of an operation (an update that
 * only moves to a newer `maintenance_info.version` is an upgrade) and its safe details.
 */
import type { ActivityDetails, ActivityKind, ActivityOutcome } from '@osb/api';
import type { ActivityActor, NewActivity } from '../activity/activity-log.ts';
import type { InstanceRecord } from './instance-repository.ts';

/** The activity of the instance's current operation; the actor defaults to whoever started it. */
export function instanceActivity(
  record: InstanceRecord,
  outcome: ActivityOutcome,
  options: { details?: ActivityDetails; actor?: ActivityActor; kind?: ActivityKind } = {},
): NewActivity {
  const target = record.operation.updateTarget;
  const planChanged = target !== null && target.planId !== record.planId;
  return {
    projectId: record.projectId,
    instanceId: record.id,
    instanceName: record.name,
    kind: options.kind ?? instanceActivityKind(record),
    outcome,
    actor: options.actor ?? { id: record.operation.requestedBy },
    details: {
      serviceId: record.serviceId,
      planId: target?.planId ?? record.planId,
      ...(planChanged ? { previousPlanId: record.planId } : {}),
      ...(isUpgrade(record) && target?.maintenanceInfoVersion
        ? { maintenanceInfoVersion: target.maintenanceInfoVersion }
        : {}),
      ...options.details,
    },
  };
}

function instanceActivityKind(record: InstanceRecord): ActivityKind {
  switch (record.operation.type) {
    case 'create':
      return 'ordered';
    case 'delete':
      return 'deprovisioned';
    case 'update':
      return isUpgrade(record) ? 'upgraded' : 'changed';
  }
}

/** An update whose only change is a newer maintenance version of the same plan. */
function isUpgrade(record: InstanceRecord): boolean {
  const target = record.operation.updateTarget;
  return (
    record.operation.type === 'update' &&
    target !== null &&
    target.planId === record.planId &&
    target.maintenanceInfoVersion !== record.maintenanceInfoVersion
  );
}
