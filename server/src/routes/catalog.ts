import Type from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CatalogResponse, ErrorBody, ServiceOffering } from '@osb/api';
import { chooseEncoding, matchesEntityTag } from '../catalog/catalog-listing.ts';
import type { CatalogService } from '../catalog/catalog-service.ts';
import { HttpError } from '../plugins/http-error.ts';

/**
 * `GET /api/catalog` (the listing, prepared once per refresh: compressed, with an ETag, 304 when
 * unchanged) and `GET /api/catalog/services/:serviceId` (one service in full, with its schemas).
 */
export const catalogRoutes: FastifyPluginAsyncTypebox<{ catalog: CatalogService }> = async (app, { catalog }) => {
  app.get(
    '/api/catalog',
    {
      // The prepared bodies are compressed already; the compression hooks would only look at them.
      compress: false,
      schema: {
        tags: ['catalog'],
        summary: "Every broker's services (summaries), the locations and each broker's health",
        response: { 200: CatalogResponse, 304: Type.Null(), 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (request, reply) => {
      const listing = await catalog.listing();
      // Private: the answer depends on who asks; no-cache: always revalidated with the ETag.
      reply.headers({ etag: listing.etag, 'cache-control': 'private, no-cache', vary: 'Accept-Encoding' });
      if (matchesEntityTag(request.headers['if-none-match'], listing.etag)) return reply.code(304).send(null);
      const encoding = chooseEncoding(request.headers['accept-encoding']);
      if (encoding !== 'identity') reply.header('content-encoding', encoding);
      // Bytes serialised and compressed once per refresh, sent as they are (the schema documents them).
      return reply.type('application/json; charset=utf-8').send(listing.bodies[encoding] as never);
    },
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
