/**
 * The words of activity entries, in the user's language, made from each entry's kind code and
 * details (the platform stores no sentences). Names of services and plans come from the catalog
 * when it still lists them, else their ids.
 */
import type { ActivityEntry, ActivityKind, ActivityOutcome, CatalogResponse } from '@osb/api';
import { brokerFailureText } from '@app/core/api/api-error-messages';

/** The catalog's names of a service and its plans. */
type NameOf = (serviceId: string | undefined, planId: string | undefined) => string | undefined;

/** What happened, as a sentence: “Alice Adams ordered “db-1” (PostgreSQL, Small)”. */
export function activitySentence(entry: ActivityEntry, catalog?: CatalogResponse): string {
  const actor = entry.actor?.displayName ?? $localize`:activity actor@@activityPlatform:The platform`;
  const instance = entry.instanceName;
  const binding = entry.bindingName ?? '';
  const { details } = entry;
  const planName = planNames(catalog);
  const service = planName(details.serviceId, undefined) ?? details.serviceId ?? '';
  const plan = planName(details.serviceId, details.planId) ?? details.planId ?? '';
  const project = details.targetProjectName ?? details.targetProjectId ?? '';
  switch (entry.kind) {
    case 'ordered':
      return $localize`:activity@@activityOrdered:${actor}:actor: ordered “${instance}:instance:” (${service}:service:, ${plan}:plan:)`;
    case 'changed':
      if (details.previousName !== undefined) {
        const previous = details.previousName;
        return $localize`:activity@@activityRenamed:${actor}:actor: renamed “${previous}:previous:” to “${instance}:instance:”`;
      }
      if (details.previousPlanId !== undefined) {
        const previous = planName(details.serviceId, details.previousPlanId) ?? details.previousPlanId;
        return $localize`:activity@@activityPlanChanged:${actor}:actor: changed the plan of “${instance}:instance:” from ${previous}:previous: to ${plan}:plan:`;
      }
      return $localize`:activity@@activityChanged:${actor}:actor: changed the parameters of “${instance}:instance:”`;
    case 'upgraded': {
      const version = details.maintenanceInfoVersion ?? '';
      return $localize`:activity@@activityUpgraded:${actor}:actor: upgraded “${instance}:instance:” to version ${version}:version:`;
    }
    case 'deprovisioned':
      return $localize`:activity@@activityDeprovisioned:${actor}:actor: deprovisioned “${instance}:instance:”`;
    case 'bound':
      return $localize`:activity@@activityBound:${actor}:actor: created the binding “${binding}:binding:” of “${instance}:instance:”`;
    case 'unbound':
      return $localize`:activity@@activityUnbound:${actor}:actor: deleted the binding “${binding}:binding:” of “${instance}:instance:”`;
    case 'rotated':
      return $localize`:activity@@activityRotated:${actor}:actor: rotated the binding “${binding}:binding:” of “${instance}:instance:”`;
    case 'expired':
      return $localize`:activity@@activityExpired:The platform deleted the expired binding “${binding}:binding:” of “${instance}:instance:”`;
    case 'shared':
      return $localize`:activity@@activityShared:${actor}:actor: shared “${instance}:instance:” with the project ${project}:project:`;
    case 'share-ended':
      return $localize`:activity@@activityShareEnded:${actor}:actor: ended the sharing of “${instance}:instance:” with the project ${project}:project:`;
  }
}

/** Why an entry failed, in words; undefined when it did not fail. */
export function activityFailure(entry: ActivityEntry): string | undefined {
  if (entry.outcome !== 'failed') return undefined;
  const { failureReason, brokerMessage, orphanMitigation } = entry.details;
  const reason = failureReason ? brokerFailureText(failureReason, brokerMessage) : '';
  const cleanup = orphanMitigation
    ? $localize`:activity@@activityOrphanMitigation:The platform deletes what the broker may have left behind.`
    : '';
  return [reason, cleanup].filter((part) => part !== '').join(' ') || undefined;
}

/** The label of each kind, for the filter. */
export function activityKindLabel(kind: ActivityKind): string {
  return KIND_LABELS[kind]();
}

/** The label of each outcome. */
export function activityOutcomeLabel(outcome: ActivityOutcome): string {
  return OUTCOME_LABELS[outcome]();
}

const KIND_LABELS: Readonly<Record<ActivityKind, () => string>> = {
  ordered: () => $localize`:activity kind@@activityKind.ordered:Ordered`,
  changed: () => $localize`:activity kind@@activityKind.changed:Changed`,
  upgraded: () => $localize`:activity kind@@activityKind.upgraded:Upgraded`,
  deprovisioned: () => $localize`:activity kind@@activityKind.deprovisioned:Deprovisioned`,
  bound: () => $localize`:activity kind@@activityKind.bound:Binding created`,
  unbound: () => $localize`:activity kind@@activityKind.unbound:Binding deleted`,
  rotated: () => $localize`:activity kind@@activityKind.rotated:Binding rotated`,
  expired: () => $localize`:activity kind@@activityKind.expired:Binding expired`,
  shared: () => $localize`:activity kind@@activityKind.shared:Shared`,
  'share-ended': () => $localize`:activity kind@@activityKind.shareEnded:Sharing ended`,
};

const OUTCOME_LABELS: Readonly<Record<ActivityOutcome, () => string>> = {
  started: () => $localize`:activity outcome@@activityOutcome.started:Started`,
  succeeded: () => $localize`:activity outcome@@activityOutcome.succeeded:Succeeded`,
  failed: () => $localize`:activity outcome@@activityOutcome.failed:Failed`,
};

/** Looks up display names in the catalog listing: a service's without a plan id, else the plan's. */
function planNames(catalog: CatalogResponse | undefined): NameOf {
  return (serviceId, planId) => {
    const service = catalog?.services.find((candidate) => candidate.id === serviceId);
    if (!service) return undefined;
    if (planId === undefined) return service.displayName;
    return service.plans.find((candidate) => candidate.id === planId)?.displayName;
  };
}
