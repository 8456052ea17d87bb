/**
 * The activity of a project: who changed its instances, bindings and shares, when, and how it
 * ended. Entries carry a kind code and parameters (never sentences, never parameters of the
 * instance or credentials); the UI words them in the user's language.
 */
import Type, { type Static } from 'typebox';
import { BROKER_FAILURE_REASONS, type BrokerFailureReason } from './errors.js';

/** What happened: a change to an instance, a binding or a share. */
export const ActivityKind = Type.Union([
  Type.Literal('ordered'),
  Type.Literal('changed'),
  Type.Literal('upgraded'),
  Type.Literal('deprovisioned'),
  Type.Literal('bound'),
  Type.Literal('unbound'),
  Type.Literal('rotated'),
  /** A binding deleted at the broker because it expired (the platform's own request). */
  Type.Literal('expired'),
  Type.Literal('shared'),
  Type.Literal('share-ended'),
]);
export type ActivityKind = Static<typeof ActivityKind>;

/** Every activity kind, in the order filters offer them. */
export const ACTIVITY_KINDS: readonly ActivityKind[] = ActivityKind.anyOf.map((literal) => literal.const);

/** How it went: an asynchronous operation is recorded when it starts and again when it ends. */
export const ActivityOutcome = Type.Union([Type.Literal('started'), Type.Literal('succeeded'), Type.Literal('failed')]);
export type ActivityOutcome = Static<typeof ActivityOutcome>;

/** Every outcome. */
export const ACTIVITY_OUTCOMES: readonly ActivityOutcome[] = ActivityOutcome.anyOf.map((literal) => literal.const);

/**
 * What an entry names besides its kind: ids and names of what changed, never parameters or
 * credentials (the schema admits nothing else).
 */
export const ActivityDetails = Type.Object(
  {
    serviceId: Type.Optional(Type.String()),
    planId: Type.Optional(Type.String()),
    /** After a plan change: the plan before it. */
    previousPlanId: Type.Optional(Type.String()),
    /** After a rename: the name before it. */
    previousName: Type.Optional(Type.String()),
    /** After an upgrade: the new `maintenance_info.version`. */
    maintenanceInfoVersion: Type.Optional(Type.String()),
    /** Sharing: the project the instance is shared with. */
    targetProjectId: Type.Optional(Type.String()),
    targetProjectName: Type.Optional(Type.String()),
    /** A failure: why, as a code the UI translates, and the broker's own words (capped). */
    failureReason: Type.Optional(Type.Unsafe<BrokerFailureReason>(Type.String({ enum: [...BROKER_FAILURE_REASONS] }))),
    brokerMessage: Type.Optional(Type.String({ maxLength: 500 })),
    /** A failure after which the platform deletes leftovers at the broker (orphan mitigation). */
    orphanMitigation: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ActivityDetails = Static<typeof ActivityDetails>;

/** One entry of a project's activity. */
export const ActivityEntry = Type.Object({
  id: Type.String(),
  /** ISO time. */
  at: Type.String(),
  kind: ActivityKind,
  outcome: ActivityOutcome,
  /** Who asked for it, by id and display name as the platform knew them; absent: the platform itself (expiry). */
  actor: Type.Optional(Type.Object({ id: Type.String(), displayName: Type.String() })),
  instanceId: Type.String(),
  /** The instance's name at the time. */
  instanceName: Type.String(),
  bindingId: Type.Optional(Type.String()),
  bindingName: Type.Optional(Type.String()),
  details: ActivityDetails,
});
export type ActivityEntry = Static<typeof ActivityEntry>;

/** The largest page of `GET /api/projects/:projectId/activity`, and the page size when none is asked for. */
export const ACTIVITY_PAGE_MAX = 200;
export const ACTIVITY_PAGE_DEFAULT = 50;

/** Query of `GET /api/projects/:projectId/activity`: newest first, narrowed by instance, kind and outcome. */
export const ActivityQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: ACTIVITY_PAGE_MAX })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
  instanceId: Type.Optional(Type.String({ maxLength: 200 })),
  kind: Type.Optional(ActivityKind),
  outcome: Type.Optional(ActivityOutcome),
});
export type ActivityQuery = Static<typeof ActivityQuery>;

/** `GET /api/projects/:projectId/activity`: one page of entries and how many match in all. */
export const ActivityPage = Type.Object({
  entries: Type.Array(ActivityEntry),
  total: Type.Integer({ minimum: 0 }),
});
export type ActivityPage = Static<typeof ActivityPage>;
