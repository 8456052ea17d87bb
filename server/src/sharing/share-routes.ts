import Type from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CreateServiceInstanceShareRequest, ServiceInstanceShare, ServiceInstanceShareDetails } from '@osb/api';
import type { ShareService, ShareView } from './share-service.ts';
import type { UserNames } from '../auth/user-directory.ts';
import { InstanceParams, projectErrors as errors } from '../routes/route-schemas.ts';

/** What the share routes need. */
export interface ShareRoutesOptions {
  service: ShareService;
}

const ShareParams = Type.Object({ ...InstanceParams.properties, targetProjectId: Type.String({ minLength: 1 }) });
const SHARES = '/api/projects/:projectId/service-instances/:instanceId/shares';

function toShare({ record, targetProjectDisplayName }: ShareView, names: UserNames): ServiceInstanceShare {
  const sharedByName = names(record.sharedBy);
  return {
    instanceId: record.instanceId,
    ownerProjectId: record.ownerProjectId,
    targetProjectId: record.targetProjectId,
    targetProjectDisplayName,
    sharedBy: record.sharedBy,
    ...(sharedByName !== undefined ? { sharedByName } : {}),
    createdAt: record.createdAt.toISOString(),
    ...(record.endingSince ? { endingSince: record.endingSince.toISOString() } : {}),
  };
}

/**
 * Shares of a service instance. `:projectId` is the owner (list all, share, end any) or a
 * target project (sees and ends only its own share). `GET …/shares/:targetProjectId` lists the
 * target's bindings that ending the share deletes, for the confirmation; `DELETE` ends it.
 */
export const shareRoutes: FastifyPluginAsyncTypebox<ShareRoutesOptions> = async (app, options) => {
  const { service } = options;

  app.get(
    SHARES,
    {
      schema: {
        tags: ['sharing'],
        summary: 'The shares of the instance (for a target project: its own)',
        params: InstanceParams,
        response: { 200: Type.Array(ServiceInstanceShare), ...errors },
      },
    },
    async (request) => {
      const { project } = request;
      const shares = await service.list(project, request.params.instanceId);
      const names = await app.users.names(shares.map((share) => share.record.sharedBy));
      return shares.map((share) => toShare(share, names));
    },
  );

  app.post(
    SHARES,
    {
      schema: {
        tags: ['sharing'],
        summary: 'Share the instance of a shareable service with another project of the workspace',
        params: InstanceParams,
        body: CreateServiceInstanceShareRequest,
        response: { 201: ServiceInstanceShare, ...errors },
      },
    },
    async (request, reply) => {
      const { project } = request;
      const share = await service.create(
        request.requester,
        project,
        request.params.instanceId,
        request.body.targetProjectId,
      );
      return reply.code(201).send(toShare(share, await app.users.names([share.record.sharedBy])));
    },
  );

  app.get(
    `${SHARES}/:targetProjectId`,
    {
      schema: {
        tags: ['sharing'],
        summary: "A share and the target project's bindings that ending it deletes",
        params: ShareParams,
        response: { 200: ServiceInstanceShareDetails, ...errors },
      },
    },
    async (request) => {
      const { project } = request;
      const { share, bindingsToRemove } = await service.details(
        project,
        request.params.instanceId,
        request.params.targetProjectId,
      );
      const names = await app.users.names([share.record.sharedBy, ...bindingsToRemove.map((b) => b.createdBy)]);
      return {
        share: toShare(share, names),
        bindingsToRemove: bindingsToRemove.map((binding) => {
          const createdByName = names(binding.createdBy);
          return createdByName !== undefined ? { ...binding, createdByName } : binding;
        }),
      };
    },
  );

  app.delete(
    `${SHARES}/:targetProjectId`,
    {
      schema: {
        tags: ['sharing'],
        summary:
          "End a share: deletes the target project's bindings at the broker, then the share (409 while the broker still deletes some)",
        params: ShareParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const { project } = request;
      await service.end(request.requester, project, request.params.instanceId, request.params.targetProjectId);
      return reply.code(204).send(null);
    },
  );
};
