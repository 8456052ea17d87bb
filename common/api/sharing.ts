/**
 * Instance sharing bodies of the platform API: TypeBox schemas for the routes and the UI.
 */
import Type, { type Static } from 'typebox';
import { ServiceBinding } from './bindings.js';

/** An instance shared by its project with another project of the same workspace. */
export const ServiceInstanceShare = Type.Object({
  instanceId: Type.String(),
  /** The project the instance belongs to. */
  ownerProjectId: Type.String(),
  targetProjectId: Type.String(),
  targetProjectDisplayName: Type.String(),
  sharedBy: Type.String(),
  /** The display name of the user who shared it, where the platform knows it. */
  sharedByName: Type.Optional(Type.String()),
  /** ISO time the share began. */
  createdAt: Type.String(),
  /** ISO time ending the share began: the target project can create no more bindings; absent while it runs. */
  endingSince: Type.Optional(Type.String()),
});
export type ServiceInstanceShare = Static<typeof ServiceInstanceShare>;

/** `POST …/service-instances/:instanceId/shares`: share the instance with another project of the workspace. */
export const CreateServiceInstanceShareRequest = Type.Object({
  targetProjectId: Type.String({ minLength: 1 }),
});
export type CreateServiceInstanceShareRequest = Static<typeof CreateServiceInstanceShareRequest>;

/** `GET …/shares/:targetProjectId`: the share and what ending it removes, for the confirmation. */
export const ServiceInstanceShareDetails = Type.Object({
  share: ServiceInstanceShare,
  /** The target project's bindings on the instance: ending the share deletes them at the broker. */
  bindingsToRemove: Type.Array(ServiceBinding),
});
export type ServiceInstanceShareDetails = Static<typeof ServiceInstanceShareDetails>;
