import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';

/** Collects every route's schemas into an OpenAPI 3 document (served at /api/openapi.json). */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'OSB Marketplace platform API',
        description: 'The API the marketplace UI uses: catalog, projects and the signed-in user.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
      security: [{ bearer: [] }],
    },
  });
}
