import Type from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  BrokerComparison,
  CreateServiceInstanceRequest,
  INSTANCE_PAGE_DEFAULT,
  InstanceServiceCounts,
  ServiceInstance,
  ServiceInstanceDeletionImpact,
  ServiceInstanceListQuery,
  UpdateServiceInstanceRequest,
} from '@osb/api';
import type { InstanceService, InstanceView } from './instance-service.ts';
import { visibleParameters } from './parameter-secrets.ts';
import { lastOperationFields } from '../operations/operation-engine.ts';
import type { UserNames } from '../auth/user-directory.ts';
import { InstanceParams, ProjectParams, projectErrors as errors } from '../routes/route-schemas.ts';
import { AbandonedWorkError } from '../store/fair-queue.ts';

/** What the service instance routes need. */
export interface ServiceInstanceRoutesOptions {
  service: InstanceService;
}

/** The API shape of a stored instance. */
function toServiceInstance(
  { record, orphanMitigationPending, sharedFrom, sharedWith, upgradeAvailable }: InstanceView,
  names: UserNames,
): ServiceInstance {
  const op = record.operation;
  const createdByName = names(record.createdBy);
  const requestedByName = names(op.requestedBy);
  return {
    id: record.id,
    projectId: record.projectId,
    name: record.name,
    serviceId: record.serviceId,
    planId: record.planId,
    brokerId: record.brokerId,
    ...(record.locationId !== null ? { locationId: record.locationId } : {}),
    ...visibleParameters(record.parameters),
    ...(record.dashboardUrl !== null ? { dashboardUrl: record.dashboardUrl } : {}),
    createdBy: record.createdBy,
    ...(createdByName !== undefined ? { createdByName } : {}),
    createdAt: record.createdAt.toISOString(),
    usable: record.usable,
    lastOperation: {
      ...lastOperationFields(op),
      ...(requestedByName !== undefined ? { requestedByName } : {}),
      ...(op.updateRepeatable !== null ? { updateRepeatable: op.updateRepeatable } : {}),
      ...(op.state === 'in progress' && op.updateTarget && op.updateTarget.planId !== record.planId
        ? { targetPlanId: op.updateTarget.planId }
        : {}),
    },
    orphanMitigationPending,
    ...(sharedFrom ? { sharedFrom: { ...sharedFrom } } : {}),
    ...(sharedWith ? { sharedWith: sharedWith.map((project) => ({ ...project })) } : {}),
    ...(upgradeAvailable ? { upgradeAvailable: { ...upgradeAvailable } } : {}),
  };
}

/**
 * Service instances of a project: list, get, order (`POST`), change (`PATCH`: rename, plan,
 * parameters), upgrade (`POST …/upgrade`: the newer maintenance version), compare with the broker
 * (`GET …/broker-view`) and delete. Writes answer 201/200 when the broker finished at once, 202
 * while it works (poll `GET` until `lastOperation.state` is no longer `in progress`), 204 after a delete.
 */
export const serviceInstanceRoutes: FastifyPluginAsyncTypebox<ServiceInstanceRoutesOptions> = async (app, options) => {
  const { service } = options;
  /** The API shapes of instances, naming the users who ordered them and started their operations. */
  const named = async (views: InstanceView[]) => {
    const names = await app.users.names(
      views.flatMap((view) => [view.record.createdBy, view.record.operation.requestedBy]),
    );
    return views.map((view) => toServiceInstance(view, names));
  };
  const namedOne = async (view: InstanceView) => (await named([view]))[0]!;
  /** 202 while the broker works on the instance, `doneStatus` once it finished. */
  const statusOf = (view: InstanceView, doneStatus: 200 | 201) =>
    view.record.operation.state === 'in progress' ? 202 : doneStatus;

  app.get(
    '/api/projects/:projectId/service-instances',
    {
      schema: {
        tags: ['service-instances'],
        summary:
          "One page of the project's service instances, searched, filtered and sorted (X-Total-Count: how many match in all)",
        params: ProjectParams,
        querystring: ServiceInstanceListQuery,
        response: { 200: Type.Array(ServiceInstance), ...errors },
      },
    },
    async (request, reply) => {
      const { project } = request;
      const {
        limit = INSTANCE_PAGE_DEFAULT,
        offset = 0,
        search,
        state,
        serviceId,
        sharing,
        sort,
        order,
      } = request.query;
      // A client that goes away while its request waits for its turn costs no database work. Only
      // until the page is read: aborting is not free (it makes an exception with its stack).
      const gone = new AbortController();
      const leave = () => gone.abort();
      reply.raw.once('close', leave);
      let page: Awaited<ReturnType<InstanceService['list']>>;
      try {
        page = await service.list(
          project,
          {
            limit,
            offset,
            ...(search ? { search } : {}),
            ...(state ? { state } : {}),
            ...(serviceId ? { serviceId } : {}),
            ...(sharing ? { sharing } : {}),
            ...(sort ? { sort } : {}),
            ...(order ? { order } : {}),
          },
          gone.signal,
        );
      } catch (error) {
        // Nobody is left to answer.
        if (error instanceof AbandonedWorkError) return reply.hijack();
        throw error;
      } finally {
        reply.raw.off('close', leave);
      }
      reply.header('X-Total-Count', String(page.total));
      return named(page.views);
    },
  );

  app.get(
    '/api/projects/:projectId/instance-services',
    {
      schema: {
        tags: ['service-instances'],
        summary: 'The services of the instances the project sees, each with how many',
        params: ProjectParams,
        response: { 200: InstanceServiceCounts, ...errors },
      },
    },
    async (request) => service.countByService(request.project),
  );

  app.get(
    '/api/projects/:projectId/service-instances/:instanceId',
    {
      schema: {
        tags: ['service-instances'],
        summary: 'One service instance with its last operation',
        params: InstanceParams,
        response: { 200: ServiceInstance, ...errors },
      },
    },
    async (request) => {
      const { project } = request;
      return namedOne(await service.get(project, request.params.instanceId));
    },
  );

  app.get(
    '/api/projects/:projectId/service-instances/:instanceId/deletion-impact',
    {
      schema: {
        tags: ['service-instances'],
        summary: 'What deprovisioning the instance takes away: its bindings (of every project) and its shares',
        params: InstanceParams,
        response: { 200: ServiceInstanceDeletionImpact, ...errors },
      },
    },
    async (request) => service.deletionImpact(request.project, request.params.instanceId),
  );

  app.get(
    '/api/projects/:projectId/service-instances/:instanceId/broker-view',
    {
      schema: {
        tags: ['service-instances'],
        summary: "What the broker reports of the instance now, compared with the platform's record",
        params: InstanceParams,
        response: { 200: BrokerComparison, ...errors },
      },
    },
    async (request) => service.compareWithBroker(request.project, request.params.instanceId),
  );

  app.post(
    '/api/projects/:projectId/service-instances',
    {
      schema: {
        tags: ['service-instances'],
        summary: 'Order a service instance (201 when ready, 202 while the broker provisions)',
        params: ProjectParams,
        body: CreateServiceInstanceRequest,
        response: { 201: ServiceInstance, 202: ServiceInstance, ...errors },
      },
    },
    async (request, reply) => {
      const { project } = request;
      const view = await service.create(request.requester, project, request.body);
      return reply.code(statusOf(view, 201)).send(await namedOne(view));
    },
  );

  app.patch(
    '/api/projects/:projectId/service-instances/:instanceId',
    {
      schema: {
        tags: ['service-instances'],
        summary: 'Rename a service instance, change its plan or parameters (202 while the broker updates)',
        params: InstanceParams,
        body: UpdateServiceInstanceRequest,
        response: { 200: ServiceInstance, 202: ServiceInstance, ...errors },
      },
    },
    async (request, reply) => {
      const { project } = request;
      const view = await service.update(request.requester, project, request.params.instanceId, request.body);
      return reply.code(statusOf(view, 200)).send(await namedOne(view));
    },
  );

  app.post(
    '/api/projects/:projectId/service-instances/:instanceId/upgrade',
    {
      schema: {
        tags: ['service-instances'],
        summary:
          'Apply the maintenance upgrade the broker offers (`upgradeAvailable`): an update with the new maintenance_info (202 while the broker updates)',
        params: InstanceParams,
        response: { 200: ServiceInstance, 202: ServiceInstance, ...errors },
      },
    },
    async (request, reply) => {
      const { project } = request;
      const view = await service.upgrade(request.requester, project, request.params.instanceId);
      return reply.code(statusOf(view, 200)).send(await namedOne(view));
    },
  );

  app.delete(
    '/api/projects/:projectId/service-instances/:instanceId',
    {
      schema: {
        tags: ['service-instances'],
        summary: 'Delete a service instance and its bindings (204 when gone, 202 while the broker deletes)',
        params: InstanceParams,
        response: { 202: ServiceInstance, 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const { project } = request;
      const view = await service.delete(request.requester, project, request.params.instanceId);
      return view ? reply.code(202).send(await namedOne(view)) : reply.code(204).send(null);
    },
  );
};
