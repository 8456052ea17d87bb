/**
 * Users, their projects and the projects' tenants.
 */
import Type, { type Static } from 'typebox';

/** A tenant of a project on a platform in a location (for tenant-aware bindings). */
export const Tenant = Type.Object({
  id: Type.String(),
  locationId: Type.String(),
  platform: Type.String(),
});
export type Tenant = Static<typeof Tenant>;

/** A project the signed-in user is a member of. */
export const Project = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
  workspaceId: Type.String(),
  workspaceDisplayName: Type.String(),
  tenants: Type.Array(Tenant),
});
export type Project = Static<typeof Project>;

/** The signed-in user. */
export const User = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
  email: Type.Optional(Type.String()),
});
export type User = Static<typeof User>;

/** `GET /api/me`: who is signed in and which projects they may use. */
export const MeResponse = Type.Object({
  user: User,
  projects: Type.Array(Project),
});
export type MeResponse = Static<typeof MeResponse>;
