/**
 * The project's change stream: `GET /api/projects/:projectId/changes` answers Server-Sent Events
 * (`text/event-stream`); each `change` event's data is one `ResourceChangeEvent`.
 */
import Type, { type Static } from 'typebox';

/** Something about one of the project's instances changed: the instance itself or one of its bindings. */
export const ResourceChangeEvent = Type.Object({
  kind: Type.Union([Type.Literal('instance'), Type.Literal('binding')]),
  instanceId: Type.String(),
  /** Set when a binding changed. */
  bindingId: Type.Optional(Type.String()),
});
export type ResourceChangeEvent = Static<typeof ResourceChangeEvent>;
