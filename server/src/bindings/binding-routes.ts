import Type from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  BindingTenantChoice,
  BrokerComparison,
  CreateServiceBindingRequest,
  ErrorBody,
  ExpiringServiceBindings,
  RotateServiceBindingRequest,
  ServiceBinding,
  ServiceBindingWithCredentials,
} from '@osb/api';
import type { BindingService, BindingView } from './binding-service.ts';
import { visibleParameters } from '../provisioning/parameter-secrets.ts';
import { lastOperationFields } from '../operations/operation-engine.ts';
import type { UserNames } from '../auth/user-directory.ts';
import { InstanceParams, ProjectParams, projectErrors } from '../routes/route-schemas.ts';

/** What the binding routes need. */
export interface BindingRoutesOptions {
  service: BindingService;
}

const BindingParams = Type.Object({ ...InstanceParams.properties, bindingId: Type.String({ minLength: 1 }) });
/** Binding routes also answer 500 (`credentialsUnreadable`) when stored credentials cannot be opened. */
const errors = { ...projectErrors, 500: ErrorBody };
const BINDINGS = '/api/projects/:projectId/service-instances/:instanceId/bindings';

/** The API shape of a binding, with credentials when the view carries them. */
export function toServiceBinding(
  { record, expiresSoon, credentials }: BindingView,
  names: UserNames = () => undefined,
): ServiceBindingWithCredentials {
  const createdByName = names(record.createdBy);
  return {
    id: record.id,
    instanceId: record.instanceId,
    projectId: record.projectId,
    name: record.name,
    ...visibleParameters(record.parameters),
    ...(record.tenant ? { tenant: { ...record.tenant } } : {}),
    createdBy: record.createdBy,
    ...(createdByName !== undefined ? { createdByName } : {}),
    createdAt: record.createdAt.toISOString(),
    ...(record.expiresAt ? { expiresAt: record.expiresAt.toISOString() } : {}),
    expiresSoon,
    ...(record.expiredAt ? { expiredAt: record.expiredAt.toISOString() } : {}),
    ...(record.credentialsHandling === 'once' ? { credentialsDelivered: 'once' as const } : {}),
    ...(record.predecessorId !== null ? { predecessorId: record.predecessorId } : {}),
    lastOperation: lastOperationFields(record.operation),
    ...(credentials ? { credentials } : {}),
  };
}

/**
 * Bindings of a project on a service instance it owns or that was shared with it: list, tenant
 * choices, order (`POST`: 201 when the broker finished, 202 while it works), read one (with
 * its credentials) and delete (204 when gone, 202 while the broker deletes). Every answer is
 * sent with `Cache-Control: no-store`, since some carry credentials.
 */
export const bindingRoutes: FastifyPluginAsyncTypebox<BindingRoutesOptions> = async (app, options) => {
  const { service } = options;
  /** Bindings as lists show them: without credentials, with their creators' names. */
  const withoutCredentials = async (views: BindingView[]) => {
    const names = await app.users.names(views.map((view) => view.record.createdBy));
    return views.map((view) => toServiceBinding({ ...view, credentials: undefined }, names));
  };
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('Cache-Control', 'no-store');
    return payload;
  });

  app.get(
    BINDINGS,
    {
      schema: {
        tags: ['service-bindings'],
        summary: "The project's bindings on the instance (without credentials; expired ones stay as records)",
        params: InstanceParams,
        response: { 200: Type.Array(ServiceBinding), ...errors },
      },
    },
    async (request) => {
      const { project } = request;
      return withoutCredentials(await service.list(project, request.params.instanceId));
    },
  );

  app.get(
    '/api/projects/:projectId/expiring-bindings',
    {
      schema: {
        tags: ['service-bindings'],
        summary: "The project's bindings that expire within the warning period, soonest first (without credentials)",
        params: ProjectParams,
        response: { 200: ExpiringServiceBindings, ...errors },
      },
    },
    async (request) => {
      const expiring = await service.listExpiringSoon(request.project);
      const bindings = await withoutCredentials(expiring);
      return bindings.map((binding, index) => ({ ...binding, instanceName: expiring[index]!.instanceName }));
    },
  );

  app.get(
    '/api/projects/:projectId/service-instances/:instanceId/binding-tenants',
    {
      schema: {
        tags: ['service-bindings'],
        summary:
          "The project's tenants a tenant binding of the instance can name (any for a global service, those in its location for a local one)",
        params: InstanceParams,
        response: { 200: Type.Array(BindingTenantChoice), ...errors },
      },
    },
    async (request) => {
      const { project } = request;
      return service.tenantChoices(project, request.params.instanceId);
    },
  );

  app.post(
    BINDINGS,
    {
      schema: {
        tags: ['service-bindings'],
        summary: 'Order a binding (201 with the credentials when ready, 202 while the broker binds)',
        params: InstanceParams,
        body: CreateServiceBindingRequest,
        response: { 201: ServiceBindingWithCredentials, 202: ServiceBindingWithCredentials, ...errors },
      },
    },
    async (request, reply) => {
      const { project } = request;
      const view = await service.create(request.requester, project, request.params.instanceId, request.body);
      const names = await app.users.names([view.record.createdBy]);
      return reply.code(view.record.operation.state === 'in progress' ? 202 : 201).send(toServiceBinding(view, names));
    },
  );

  app.post(
    `${BINDINGS}/:bindingId/rotate`,
    {
      schema: {
        tags: ['service-bindings'],
        summary:
          "Rotate a binding's credentials: create its successor (201 with the fresh credentials when ready, 202 while the broker binds)",
        params: BindingParams,
        body: Type.Optional(RotateServiceBindingRequest),
        response: { 201: ServiceBindingWithCredentials, 202: ServiceBindingWithCredentials, ...errors },
      },
    },
    async (request, reply) => {
      const { project } = request;
      const { instanceId, bindingId } = request.params;
      const view = await service.rotate(request.requester, project, instanceId, bindingId, request.body ?? {});
      return reply.code(view.record.operation.state === 'in progress' ? 202 : 201).send(toServiceBinding(view));
    },
  );

  app.get(
    `${BINDINGS}/:bindingId`,
    {
      schema: {
        tags: ['service-bindings'],
        summary: 'One binding with its stored credentials',
        params: BindingParams,
        response: { 200: ServiceBindingWithCredentials, ...errors },
      },
    },
    async (request) => {
      const { project } = request;
      const view = await service.get(project, request.params.instanceId, request.params.bindingId);
      return toServiceBinding(view, await app.users.names([view.record.createdBy]));
    },
  );

  app.get(
    `${BINDINGS}/:bindingId/broker-view`,
    {
      schema: {
        tags: ['service-bindings'],
        summary:
          "What the broker reports of the binding now, compared with the platform's record (credential values left out)",
        params: BindingParams,
        response: { 200: BrokerComparison, ...errors },
      },
    },
    async (request) => {
      const { instanceId, bindingId } = request.params;
      return service.compareWithBroker(request.project, instanceId, bindingId);
    },
  );

  app.delete(
    `${BINDINGS}/:bindingId`,
    {
      schema: {
        tags: ['service-bindings'],
        summary: 'Delete a binding (204 when gone, 202 while the broker deletes)',
        params: BindingParams,
        response: { 202: ServiceBinding, 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const { project } = request;
      const view = await service.delete(
        request.requester,
        project,
        request.params.instanceId,
        request.params.bindingId,
      );
      return view
        ? reply.code(202).send(toServiceBinding({ ...view, credentials: undefined }))
        : reply.code(204).send(null);
    },
  );
};
