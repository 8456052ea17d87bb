import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, MeResponse } from '@osb/api';
import type { ProjectAccess } from '../auth/project-access.ts';

/** `GET /api/me`: the signed-in user and their projects. */
export const meRoutes: FastifyPluginAsyncTypebox<{ projects: ProjectAccess }> = async (app, { projects }) => {
  app.get(
    '/api/me',
    {
      schema: {
        tags: ['user'],
        summary: 'The signed-in user and the projects they are a member of',
        response: { 200: MeResponse, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (request) => ({ user: request.user, projects: projects.projectsOf(request.user) }),
  );
};
