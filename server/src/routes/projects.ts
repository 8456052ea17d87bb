import Type from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, Project } from '@osb/api';

/** `GET /api/projects/:projectId`: one of the user's projects (404 for any other). */
export const projectRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/projects/:projectId',
    {
      schema: {
        tags: ['projects'],
        summary: 'A project the signed-in user is a member of',
        params: Type.Object({ projectId: Type.String({ minLength: 1 }) }),
        response: { 200: Project, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => request.project,
  );
};
