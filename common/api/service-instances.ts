/**
 * Service instance bodies of the platform API: TypeBox schemas for the routes and the UI.
 */
import Type, { type Static } from 'typebox';

import { OperationFailure } from './errors.js';

/** A running operation whose broker cannot be reached right now (the platform keeps retrying). */
export const BrokerUnreachable = Type.Object({
  /** ISO time of the first attempt that could not reach the broker. */
  since: Type.String(),
  /** What the last attempt got: no connection, no answer in time, or an error answer (5xx). */
  lastError: Type.Union([Type.Literal('unreachable'), Type.Literal('timeout'), Type.Literal('broker-error')]),
  /** ISO time of the next attempt. */
  nextRetryAt: Type.Optional(Type.String()),
});
export type BrokerUnreachable = Static<typeof BrokerUnreachable>;
/** Why a running operation's broker could not be asked. */
export type BrokerUnreachableReason = BrokerUnreachable['lastError'];

/** What a running operation shows besides its state: until when the platform waits, and broker faults. */
export const OperationProgress = {
  /** While in progress: ISO time at which the platform stops waiting, fails the operation and cleans up at the broker. */
  deadline: Type.Optional(Type.String()),
  /** While in progress: set when the broker could not be reached at the last attempt. */
  brokerUnreachable: Type.Optional(BrokerUnreachable),
};

/** The last operation on a service instance. */
export const ServiceInstanceOperation = Type.Object({
  type: Type.Union([Type.Literal('create'), Type.Literal('update'), Type.Literal('delete')]),
  state: Type.Union([Type.Literal('in progress'), Type.Literal('succeeded'), Type.Literal('failed')]),
  /**
   * The broker's message about the operation (its progress, or why it failed), or after a failure
   * without one the platform's English explanation, for API clients.
   */
  description: Type.Optional(Type.String()),
  /** After a failure: why, as a code with parameters that the UI translates. */
  failure: Type.Optional(OperationFailure),
  /** ISO time the operation started. */
  startedAt: Type.String(),
  /** The user who started it. */
  requestedBy: Type.String(),
  /** The display name of that user, where the platform knows it. */
  requestedByName: Type.Optional(Type.String()),
  /** After a failed update: false when the broker says repeating it cannot succeed. */
  updateRepeatable: Type.Optional(Type.Boolean()),
  /** During an update: the plan the instance is moving to. */
  targetPlanId: Type.Optional(Type.String()),
  ...OperationProgress,
});
export type ServiceInstanceOperation = Static<typeof ServiceInstanceOperation>;

/**
 * A maintenance upgrade the broker offers for an instance: its plan's `maintenance_info.version`
 * in the catalog is newer (semantic versioning) than the one the instance was provisioned or last
 * updated with. `description` is the broker's text about the change: untrusted, show it as the broker's.
 */
export const UpgradeAvailable = Type.Object({
  version: Type.String(),
  description: Type.Optional(Type.String()),
});
export type UpgradeAvailable = Static<typeof UpgradeAvailable>;
/** Another project, named as its members see it. */
export const ProjectRef = Type.Object({ projectId: Type.String(), displayName: Type.String() });
export type ProjectRef = Static<typeof ProjectRef>;

/** A service instance of a project. */
export const ServiceInstance = Type.Object({
  id: Type.String(),
  projectId: Type.String(),
  name: Type.String(),
  serviceId: Type.String(),
  planId: Type.String(),
  brokerId: Type.String(),
  /** The location of a local service; absent for global services. */
  locationId: Type.Optional(Type.String()),
  /** The parameters as last set by users, without the values of secret parameters. */
  parameters: Type.Record(Type.String(), Type.Unknown()),
  /**
   * JSON pointers (`/adminPassword`) of the secret parameters that are set: the platform keeps
   * them encrypted and never returns their values.
   */
  secretParameters: Type.Optional(Type.Array(Type.String())),
  /** The broker's dashboard for this instance (http or https only); untrusted. */
  dashboardUrl: Type.Optional(Type.String()),
  createdBy: Type.String(),
  /** The display name of the user who ordered it, where the platform knows it. */
  createdByName: Type.Optional(Type.String()),
  /** ISO time of the order. */
  createdAt: Type.String(),
  /** False once the broker said the instance is unusable after a failed update or delete; no new bindings then. */
  usable: Type.Boolean(),
  lastOperation: ServiceInstanceOperation,
  /** Whether the platform is still deleting leftovers of a failed operation at the broker. */
  orphanMitigationPending: Type.Boolean(),
  /**
   * Set when another project of the workspace shared this instance with the project: it is
   * read-only here (no update, no delete); the project manages only its own bindings.
   */
  sharedFrom: Type.Optional(ProjectRef),
  /** In the instance's own project: the projects it is shared with (absent while it is shared with none). */
  sharedWith: Type.Optional(Type.Array(ProjectRef)),
  /** Set when the broker offers a maintenance upgrade (`POST …/upgrade` applies it). */
  upgradeAvailable: Type.Optional(UpgradeAvailable),
});
export type ServiceInstance = Static<typeof ServiceInstance>;

/** A binding that a deletion removes, with the project that holds it. */
export const AffectedBinding = Type.Object({
  id: Type.String(),
  name: Type.String(),
  project: ProjectRef,
  /** The tenant of a tenant binding: it loses access too. */
  tenantId: Type.Optional(Type.String()),
});
export type AffectedBinding = Static<typeof AffectedBinding>;

/**
 * `GET …/service-instances/:instanceId/deletion-impact` (owner only): what deprovisioning the
 * instance takes away, for the confirmation.
 */
export const ServiceInstanceDeletionImpact = Type.Object({
  /** Every binding of the instance, of every project: deprovisioning deletes them at the broker first. */
  bindings: Type.Array(AffectedBinding),
  /** The projects the instance is shared with: they lose access to it. */
  sharedWith: Type.Array(ProjectRef),
});
export type ServiceInstanceDeletionImpact = Static<typeof ServiceInstanceDeletionImpact>;

/** The largest page of `GET /api/projects/:projectId/service-instances`, and the page size when none is asked for. */
export const INSTANCE_PAGE_MAX = 500;
export const INSTANCE_PAGE_DEFAULT = 100;

/** What the instances list can be sorted by: the name, the service's name, the order time, the status. */
export const InstanceSortKey = Type.Union([
  Type.Literal('name'),
  Type.Literal('service'),
  Type.Literal('created'),
  Type.Literal('status'),
]);
export type InstanceSortKey = Static<typeof InstanceSortKey>;

/**
 * Which shared instances the list keeps: `with-us`, those other projects shared with the
 * project; `by-us`, the project's own instances that it shares with others.
 */
export const InstanceSharingFilter = Type.Union([Type.Literal('with-us'), Type.Literal('by-us')]);
export type InstanceSharingFilter = Static<typeof InstanceSharingFilter>;

/**
 * Query of `GET /api/projects/:projectId/service-instances`: one page of the instances the
 * project sees (its own and those shared with it), narrowed and sorted in the database. The
 * answer is the page; its `X-Total-Count` header says how many instances match in all. Every
 * sort ends with the instance id, so pages never repeat or skip an instance.
 */
export const ServiceInstanceListQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: INSTANCE_PAGE_MAX })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
  /** Part of the instance's name or of its service's name, ignoring case. */
  search: Type.Optional(Type.String({ maxLength: 100 })),
  /** The state of the instance's last operation. */
  state: Type.Optional(ServiceInstanceOperation.properties.state),
  /** Only instances of this service. */
  serviceId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  /** Only instances shared with the project, or only those it shares. */
  sharing: Type.Optional(InstanceSharingFilter),
  /** The sort key; `created` (oldest first) when none is given. */
  sort: Type.Optional(InstanceSortKey),
  /** `desc` reverses the sort. */
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
});
export type ServiceInstanceListQuery = Static<typeof ServiceInstanceListQuery>;

/**
 * `GET /api/projects/:projectId/instance-services`: the services of the instances the project
 * sees, each with how many, for the instances list's service filter.
 */
export const InstanceServiceCounts = Type.Array(Type.Object({ serviceId: Type.String(), count: Type.Integer() }));
export type InstanceServiceCounts = Static<typeof InstanceServiceCounts>;

/** `POST /api/projects/:projectId/service-instances`: order a service instance. */
export const CreateServiceInstanceRequest = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
  serviceId: Type.String({ minLength: 1 }),
  planId: Type.String({ minLength: 1 }),
  /** Parameters for the plan's create schema. */
  parameters: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});
export type CreateServiceInstanceRequest = Static<typeof CreateServiceInstanceRequest>;

/** `PATCH /api/projects/:projectId/service-instances/:instanceId`: rename, change plan or parameters. */
export const UpdateServiceInstanceRequest = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' })),
  /** A new plan; only when the current plan is `planUpdateable`. */
  planId: Type.Optional(Type.String({ minLength: 1 })),
  /** The full edited parameter set; only keys that differ from the stored ones go to the broker. */
  parameters: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});
export type UpdateServiceInstanceRequest = Static<typeof UpdateServiceInstanceRequest>;

/** `GET /serviceInstances/:instanceId/permissions`: what a broker dashboard may let the token's user do. */
export const ServiceInstancePermission = Type.Object({
  permission: Type.Union([Type.Literal('USER'), Type.Literal('NONE')]),
});
export type ServiceInstancePermission = Static<typeof ServiceInstancePermission>;

/**
 * One difference between what the platform recorded and what the broker reports
 * (`GET /v2/service_instances/:id` or `…/service_bindings/:bid`). `recorded` and `reported` are
 * absent where a side has no value, and always absent when `masked`: secret parameters and
 * credentials are compared, never shown.
 */
export const BrokerDifference = Type.Object({
  field: Type.Union([
    Type.Literal('plan'),
    Type.Literal('dashboardUrl'),
    Type.Literal('maintenanceVersion'),
    Type.Literal('parameter'),
    Type.Literal('credential'),
  ]),
  /** The JSON pointer of a parameter or credential (`/db/port`). */
  path: Type.Optional(Type.String()),
  change: Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed')]),
  /** What the platform recorded (a plan id for `plan`). */
  recorded: Type.Optional(Type.Unknown()),
  /** What the broker reports now; untrusted. */
  reported: Type.Optional(Type.Unknown()),
  /** A secret parameter or a credential: the values are left out. */
  masked: Type.Optional(Type.Boolean()),
});
export type BrokerDifference = Static<typeof BrokerDifference>;

/**
 * `GET …/service-instances/:instanceId/broker-view` and `…/bindings/:bindingId/broker-view`:
 * what the broker reports now compared with the platform's record (for services with
 * `instancesRetrievable` / `bindingsRetrievable`). The platform's record stays as it is.
 */
export const BrokerComparison = Type.Object({
  /** ISO time the broker answered. */
  fetchedAt: Type.String(),
  differences: Type.Array(BrokerDifference),
});
export type BrokerComparison = Static<typeof BrokerComparison>;
