import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ActivityPage, ActivityQuery, ErrorBody } from '@osb/api';
import type { ActivityLog } from './activity-log.ts';
import { ProjectParams } from '../routes/route-schemas.ts';

/** What the activity route needs. */
export interface ActivityRoutesOptions {
  activity: ActivityLog;
}

/** `GET /api/projects/:projectId/activity`: the project's activity, newest first, filtered and paged. */
export const activityRoutes: FastifyPluginAsyncTypebox<ActivityRoutesOptions> = async (app, options) => {
  app.get(
    '/api/projects/:projectId/activity',
    {
      schema: {
        tags: ['activity'],
        summary: "The project's activity: changes to its instances, bindings and shares, newest first",
        params: ProjectParams,
        querystring: ActivityQuery,
        response: { 200: ActivityPage, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 503: ErrorBody },
      },
    },
    async (request) => options.activity.page(request.project.id, request.query),
  );
};
