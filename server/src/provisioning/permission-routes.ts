import Type from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { ErrorBody, ServiceInstancePermission } from '@osb/api';
import type { OidcDiscovery } from '../auth/oidc-discovery.ts';
import type { ProjectConfig } from '../config/config.ts';
import { HttpError } from '../plugins/http-error.ts';
import type { InstanceRepository } from './instance-repository.ts';

/** What the permission route needs. */
export interface PermissionRoutesOptions {
  instances: InstanceRepository;
  discovery: OidcDiscovery;
  /** The access-token claim with the user id. */
  usernameClaim: string;
  projects: ProjectConfig[];
}

/**
 * `GET /serviceInstances/:instanceId/permissions` (meshMarketplace profile): a broker's
 * dashboard sends the access token it got from the platform's OpenID provider and learns
 * whether that user may use the instance: `USER` for members of the instance's project,
 * `NONE` for everyone else, 404 for an unknown instance. Tokens are checked for the issuer's
 * signature, the issuer and expiry; the audience is the dashboard's client, not this API.
 */
export const permissionRoutes: FastifyPluginAsyncTypebox<PermissionRoutesOptions> = async (app, options) => {
  let keys: JWTVerifyGetKey | undefined;
  const keySet = async () => {
    keys ??= createRemoteJWKSet(new URL((await options.discovery.metadata()).jwks_uri));
    return keys;
  };
  const members = new Map(options.projects.map((project) => [project.id, new Set(project.members)]));

  app.get(
    '/serviceInstances/:instanceId/permissions',
    {
      schema: {
        tags: ['dashboards'],
        summary: "Whether the bearer token's user may use a service instance (for broker dashboards)",
        params: Type.Object({ instanceId: Type.String({ minLength: 1 }) }),
        response: { 200: ServiceInstancePermission, 401: ErrorBody, 404: ErrorBody, 503: ErrorBody },
      },
    },
    async (request, reply) => {
      const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(request.headers.authorization ?? '');
      if (!match) {
        reply.header('WWW-Authenticate', 'Bearer');
        throw new HttpError(401, 'tokenRequired', {});
      }
      let userId: unknown;
      try {
        const { payload } = await jwtVerify(match[1]!, await keySet(), { issuer: options.discovery.issuer });
        userId = payload[options.usernameClaim];
      } catch (error) {
        if (!(error instanceof joseErrors.JOSEError) || error instanceof joseErrors.JWKSTimeout) {
          request.log.error({ err: error }, 'Cannot get the OpenID provider keys');
          throw new HttpError(503, 'signInUnavailable', {});
        }
        reply.header('WWW-Authenticate', 'Bearer error="invalid_token"');
        throw new HttpError(401, 'tokenInvalid', {});
      }
      const instance = await options.instances.find(request.params.instanceId);
      if (!instance) throw new HttpError(404, 'instanceNotFound', {});
      const allowed = typeof userId === 'string' && members.get(instance.projectId)?.has(userId) === true;
      return { permission: allowed ? ('USER' as const) : ('NONE' as const) };
    },
  );
};
