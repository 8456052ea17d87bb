import Type from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CatalogResponse, ErrorBody, ServiceOffering } from '@osb/api';
import type { CatalogService } from '../catalog/catalog-service.ts';
import { HttpError } from '../plugins/http-error.ts';

/** `GET /api/catalog` and `GET /api/catalog/services/:serviceId`. */
export const catalogRoutes: FastifyPluginAsyncTypebox<{ catalog: CatalogService }> = async (app, { catalog }) => {
  app.get(
    '/api/catalog',
    {
      schema: {
        tags: ['catalog'],
        summary: "Every broker's services, the locations and each broker's health",
        response: { 200: CatalogResponse, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async () => catalog.snapshot(),
  );

  app.get(
    '/api/catalog/services/:serviceId',
    {
      schema: {
        tags: ['catalog'],
        summary: 'One service offering with its plans',
        params: Type.Object({ serviceId: Type.String({ minLength: 1 }) }),
        response: { 200: ServiceOffering, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const service = catalog.findService(request.params.serviceId);
      if (!service) throw new HttpError(404, 'serviceNotFound', {});
      return service;
    },
  );
};
