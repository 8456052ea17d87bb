import Type from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, type ResourceChangeEvent } from '@osb/api';
import type { ChangeFeed, ResourceChange } from '../store/change-feed.ts';

/** What the change stream needs. */
export interface ChangeRoutesOptions {
  changes: ChangeFeed;
  /** How often a comment keeps an idle stream open through proxies (default 15 s). */
  heartbeatMs?: number;
}

/**
 * `GET /api/projects/:projectId/changes`: Server-Sent Events that tell the UI which of the
 * project's instances or bindings changed (`event: change`, data a `ResourceChangeEvent`),
 * whichever replica made the change, so that it reloads what changed instead of polling.
 * Events carry no state: the UI reads it through the ordinary API with the user's permissions.
 */
export const changeRoutes: FastifyPluginAsyncTypebox<ChangeRoutesOptions> = async (app, options) => {
  const { changes } = options;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const open = new Set<() => void>();
  // A replica that shuts down ends its streams first (they would keep it open); clients reconnect to another replica.
  app.addHook('preClose', async () => {
    for (const end of open) end();
  });

  app.get(
    '/api/projects/:projectId/changes',
    {
      schema: {
        tags: ['projects'],
        summary: 'A stream (text/event-stream) of changes to the project’s instances and bindings',
        params: Type.Object({ projectId: Type.String({ minLength: 1 }) }),
        response: { 401: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const { project } = request;
      const send = (change: ResourceChange) => {
        if (change.projectId !== project.id) return;
        const data: ResourceChangeEvent = {
          kind: change.kind,
          instanceId: change.instanceId,
          ...(change.bindingId ? { bindingId: change.bindingId } : {}),
        };
        reply.raw.write(`event: change\ndata: ${JSON.stringify(data)}\n\n`);
      };
      const stop = await changes.subscribe(send);
      reply.hijack();
      reply.raw.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        // Proxies such as nginx would otherwise hold events back.
        'X-Accel-Buffering': 'no',
      });
      // Tells the client the stream is live (and how long to wait before reconnecting).
      reply.raw.write('retry: 5000\n: connected\n\n');
      const heartbeat = setInterval(() => reply.raw.write(': heartbeat\n\n'), heartbeatMs);
      const end = () => {
        if (!open.delete(end)) return;
        clearInterval(heartbeat);
        void stop();
        reply.raw.end();
      };
      open.add(end);
      request.raw.once('close', end);
    },
  );
};
