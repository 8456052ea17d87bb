/**
 * Service binding bodies of the platform API: TypeBox schemas for the routes and the UI.
 */
import Type, { type Static } from 'typebox';

import { OperationFailure } from './errors.js';
import { Tenant } from './projects.js';

/** The last operation on a binding. */
export const ServiceBindingOperation = Type.Object({
  /** `create` and `delete` by users; `expire`: the platform deletes the expired binding at the broker. */
  type: Type.Union([Type.Literal('create'), Type.Literal('delete'), Type.Literal('expire')]),
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
  /** The user who started it, or `platform` for an expiry. */
  requestedBy: Type.String(),
});
export type ServiceBindingOperation = Static<typeof ServiceBindingOperation>;

/** A binding of a project on a service instance (without credentials). */
export const ServiceBinding = Type.Object({
  id: Type.String(),
  instanceId: Type.String(),
  /** The project that created the binding and alone manages it. */
  projectId: Type.String(),
  name: Type.String(),
  /** The binding's parameters, without the values of secret parameters. */
  parameters: Type.Record(Type.String(), Type.Unknown()),
  /** JSON pointers of the secret parameters that are set; the platform never returns their values. */
  secretParameters: Type.Optional(Type.Array(Type.String())),
  /** The bound tenant of a tenant-aware service. */
  tenant: Type.Optional(Tenant),
  createdBy: Type.String(),
  /** The display name of the user who created it, where the platform knows it. */
  createdByName: Type.Optional(Type.String()),
  /** ISO time of the order. */
  createdAt: Type.String(),
  /** ISO time the binding expires (the broker's `expires_at`, else the plan's `expiryDays` after creation). */
  expiresAt: Type.Optional(Type.String()),
  /** Whether the binding expires within the configured warning period (default 7 days). */
  expiresSoon: Type.Boolean(),
  /** ISO time the platform deleted the expired binding at the broker; the binding is a record only. */
  expiredAt: Type.Optional(Type.String()),
  /**
   * `once` for a sensitive service: the credentials were in the answer that created the
   * binding and are not kept anywhere.
   */
  credentialsDelivered: Type.Optional(Type.Literal('once')),
  /** The binding this one was rotated from (it may be deleted by now). */
  predecessorId: Type.Optional(Type.String()),
  lastOperation: ServiceBindingOperation,
});
export type ServiceBinding = Static<typeof ServiceBinding>;

/**
 * A binding with its credentials: in the answer that creates it (for a sensitive service the
 * only time) and when one binding is read. Answers carrying it are sent with `Cache-Control: no-store`.
 */
export const ServiceBindingWithCredentials = Type.Object({
  ...ServiceBinding.properties,
  /** The broker's credentials, untrusted; absent while the binding is created or when none are kept. */
  credentials: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});
export type ServiceBindingWithCredentials = Static<typeof ServiceBindingWithCredentials>;

/**
 * `GET /api/projects/:projectId/expiring-bindings`: the project's bindings on every instance it
 * sees that expire within the warning period (without credentials), soonest first. One request
 * for the project's notice about expiring bindings.
 */
export const ExpiringServiceBindings = Type.Array(ServiceBinding);
export type ExpiringServiceBindings = Static<typeof ExpiringServiceBindings>;

/** `POST …/service-instances/:instanceId/bindings`: order a binding. */
export const CreateServiceBindingRequest = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
  /** Parameters for the plan's binding schema. */
  parameters: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  /** The tenant to bind; required for tenant-aware services, refused for others. */
  tenantId: Type.Optional(Type.String({ minLength: 1 })),
});
export type CreateServiceBindingRequest = Static<typeof CreateServiceBindingRequest>;

/**
 * `POST …/bindings/:bindingId/rotate`: create the binding's successor with fresh credentials
 * (services with `bindingRotatable`); the predecessor stays until it is deleted or expires.
 */
export const RotateServiceBindingRequest = Type.Object({
  /** The successor's name; the predecessor's when absent. */
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' })),
});
export type RotateServiceBindingRequest = Static<typeof RotateServiceBindingRequest>;

/** A tenant of the project that suits the instance, and whether it is bound already. */
export const BindingTenantChoice = Type.Object({
  tenant: Tenant,
  /** Already bound to the instance: it cannot be chosen again. */
  bound: Type.Boolean(),
});
export type BindingTenantChoice = Static<typeof BindingTenantChoice>;
