import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, ProjectCosts } from '@osb/api';
import type { CostService } from './cost-service.ts';
import { ProjectParams } from '../routes/route-schemas.ts';

/** What the costs route needs. */
export interface CostRoutesOptions {
  costs: CostService;
}

/** `GET /api/projects/:projectId/costs`: the project's instances with their plans' costs and monthly totals. */
export const costRoutes: FastifyPluginAsyncTypebox<CostRoutesOptions> = async (app, options) => {
  app.get(
    '/api/projects/:projectId/costs',
    {
      schema: {
        tags: ['costs'],
        summary: "The project's instances with their plans' costs, a monthly estimate and totals per service",
        params: ProjectParams,
        response: { 200: ProjectCosts, 401: ErrorBody, 404: ErrorBody, 503: ErrorBody },
      },
    },
    async (request) => options.costs.ofProject(request.project.id),
  );
};
