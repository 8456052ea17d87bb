import Type from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, ServiceInstancePermission } from '@osb/api';
import type { ProjectAccess } from '../auth/project-access.ts';
import { TokenRejected } from '../auth/token-verifier.ts';
import { HttpError } from '../plugins/http-error.ts';
import type { InstanceRepository } from './instance-repository.ts';

/** What the permission route needs. */
export interface PermissionRoutesOptions {
  instances: InstanceRepository;
  projects: ProjectAccess;
}

/**
 * `GET /serviceInstances/:instanceId/permissions` (meshMarketplace profile): a broker's
 * dashboard sends the access token it got from the platform's OpenID provider and learns
 * whether that user may use the instance: `USER` for members of the instance's project, `NONE`
 * for everyone else and for unknown instances alike, so the answer does not reveal which
 * instances exist.
 *
 * Accepted tokens: access tokens of the platform's issuer for any of its clients (the
 * dashboard's own client is the usual audience), with a valid signature and `exp`; ID tokens
 * are refused.
 */
export const permissionRoutes: FastifyPluginAsyncTypebox<PermissionRoutesOptions> = async (app, options) => {
  app.get(
    '/serviceInstances/:instanceId/permissions',
    {
      schema: {
        tags: ['dashboards'],
        summary: "Whether the bearer token's user may use a service instance (for broker dashboards)",
        description:
          "Accepts access tokens of the platform's OpenID issuer for any of its clients (signature, issuer and `exp` " +
          'checked; ID tokens refused). Answers `NONE` for unknown instances as for instances of other projects.',
        params: Type.Object({ instanceId: Type.String({ minLength: 1 }) }),
        response: { 200: ServiceInstancePermission, 401: ErrorBody, 503: ErrorBody },
      },
    },
    async (request, reply) => {
      const token = app.access.bearerToken(request.headers.authorization);
      if (!token) {
        reply.header('WWW-Authenticate', 'Bearer');
        throw new HttpError(401, 'tokenRequired', {});
      }
      let payload;
      try {
        payload = await app.access.tokens.verifyDashboardToken(token);
      } catch (error) {
        if (!(error instanceof TokenRejected)) {
          request.log.error({ err: error }, 'Cannot get the OpenID provider keys');
          throw new HttpError(503, 'signInUnavailable', {});
        }
        request.log.info({ reason: error.reason }, 'Rejected dashboard token');
        reply.header('WWW-Authenticate', 'Bearer error="invalid_token"');
        throw new HttpError(401, 'tokenInvalid', {});
      }
      const user = app.access.userOf(payload);
      const instance = await options.instances.find(request.params.instanceId);
      const allowed = !!user && !!instance && options.projects.isMember(user, instance.projectId);
      return { permission: allowed ? ('USER' as const) : ('NONE' as const) };
    },
  );
};
