/**
 * Service instance bodies of the platform API: TypeBox schemas for the routes and the UI.
 */
import Type, { type Static } from 'typebox';

/** The last operation on a service instance. */
export const ServiceInstanceOperation = Type.Object({
  type: Type.Union([Type.Literal('create'), Type.Literal('update'), Type.Literal('delete')]),
  state: Type.Union([Type.Literal('in progress'), Type.Literal('succeeded'), Type.Literal('failed')]),
  /** The broker's (or the platform's) message about the operation; show it to the user. */
  description: Type.Optional(Type.String()),
  /** ISO time the operation started. */
  startedAt: Type.String(),
  /** The user who started it. */
  requestedBy: Type.String(),
  /** After a failed update: false when the broker says repeating it cannot succeed. */
  updateRepeatable: Type.Optional(Type.Boolean()),
  /** During an update: the plan the instance is moving to. */
  targetPlanId: Type.Optional(Type.String()),
});
export type ServiceInstanceOperation = Static<typeof ServiceInstanceOperation>;

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
  sharedFrom: Type.Optional(Type.Object({ projectId: Type.String(), displayName: Type.String() })),
});
export type ServiceInstance = Static<typeof ServiceInstance>;

/** A project as a list of those affected by a change names it. */
export const ProjectRef = Type.Object({ projectId: Type.String(), displayName: Type.String() });
export type ProjectRef = Static<typeof ProjectRef>;

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

/**
 * Query of `GET /api/projects/:projectId/service-instances`: one page of the project's instances
 * (its own, oldest first, then those shared with it), narrowed by name and operation state. The
 * answer is the page; its `X-Total-Count` header says how many instances match in all.
 */
export const ServiceInstanceListQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: INSTANCE_PAGE_MAX })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
  /** Part of the instance's name, ignoring case. */
  search: Type.Optional(Type.String({ maxLength: 100 })),
  /** The state of the instance's last operation. */
  state: Type.Optional(ServiceInstanceOperation.properties.state),
});
export type ServiceInstanceListQuery = Static<typeof ServiceInstanceListQuery>;

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
