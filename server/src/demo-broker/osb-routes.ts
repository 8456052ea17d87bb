/**
 * The OSB API v2.17 of one broker prefix (`/global` or `/locations/<id>`): catalog, service
 * instances, service bindings, last operations, and the request log under `/demo/requests`.
 *
 * Every answer follows the spec's status codes; errors are `{error, description}`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { sameJson } from '@osb/json-schema';
import type { BrokerCatalog, CatalogPlan, CatalogService } from './catalog.ts';
import type { ParameterValidator } from '../osb/parameter-validator.ts';
import { parameterProblems } from './parameters.ts';
import type { RequestLog } from './request-log.ts';
import {
  type BindingRecord,
  type DemoBrokerStore,
  type InstanceRecord,
  type OperationRecord,
  type OriginatingIdentity,
  operationProgress,
  startOperation,
} from './store.ts';

/** What the routes of one broker prefix work with. */
export interface OsbRoutesOptions {
  catalog: BrokerCatalog;
  store: DemoBrokerStore;
  validator: ParameterValidator;
  requestLog: RequestLog;
  username: string;
  password: string;
  /** Base URL of the broker's pages (dashboards, docs) as browsers reach it (known once it listens). */
  publicUrl(): string;
  /** Duration of every asynchronous operation in milliseconds. */
  asyncOperationMs: number;
}

/** The oldest OSB API minor version (2.x) the broker accepts. */
const MINIMUM_MINOR_VERSION = 13;

const JsonObject = Type.Record(Type.String(), Type.Unknown());

const InstanceParams = Type.Object({ instance_id: Type.String({ minLength: 1 }) });
const BindingParams = Type.Object({
  instance_id: Type.String({ minLength: 1 }),
  binding_id: Type.String({ minLength: 1 }),
});
const AsyncQuery = Type.Object({ accepts_incomplete: Type.Optional(Type.Boolean()) });
const DeleteQuery = Type.Object({
  service_id: Type.String({ minLength: 1 }),
  plan_id: Type.String({ minLength: 1 }),
  accepts_incomplete: Type.Optional(Type.Boolean()),
});
const FetchQuery = Type.Object({
  service_id: Type.Optional(Type.String()),
  plan_id: Type.Optional(Type.String()),
});
const LastOperationQuery = Type.Object({
  service_id: Type.Optional(Type.String()),
  plan_id: Type.Optional(Type.String()),
  operation: Type.Optional(Type.String()),
});
const ProvisionBody = Type.Object({
  service_id: Type.String({ minLength: 1 }),
  plan_id: Type.String({ minLength: 1 }),
  context: Type.Optional(JsonObject),
  organization_guid: Type.Optional(Type.String()),
  space_guid: Type.Optional(Type.String()),
  parameters: Type.Optional(Type.Unknown()),
  maintenance_info: Type.Optional(JsonObject),
});
const UpdateBody = Type.Object({
  service_id: Type.String({ minLength: 1 }),
  plan_id: Type.Optional(Type.String({ minLength: 1 })),
  context: Type.Optional(JsonObject),
  parameters: Type.Optional(Type.Unknown()),
  previous_values: Type.Optional(JsonObject),
  maintenance_info: Type.Optional(JsonObject),
});
const BindBody = Type.Object({
  service_id: Type.String({ minLength: 1 }),
  plan_id: Type.String({ minLength: 1 }),
  context: Type.Optional(JsonObject),
  bind_resource: Type.Optional(JsonObject),
  parameters: Type.Optional(Type.Unknown()),
  predecessor_binding_id: Type.Optional(Type.String({ minLength: 1 })),
});
/** `PUT /demo/plans/:plan_id/maintenance_info`: offer a new maintenance version of a plan. */
const MaintenanceInfoBody = Type.Object({
  version: Type.String({ pattern: '^\\d+\\.\\d+\\.\\d+(?:[-+][0-9A-Za-z.+-]+)?$' }),
  description: Type.String({ minLength: 1, maxLength: 500 }),
});
/** OSB error body. */
const OsbError = Type.Object({ error: Type.Optional(Type.String()), description: Type.Optional(Type.String()) });
/**
 * Responses of the OSB routes: success bodies are free-form OSB objects (credentials, for
 * one, have no fixed shape), errors are OSB error bodies.
 */
const OsbResponses = { '2xx': Type.Unknown(), '4xx': OsbError };

/** Sends an OSB error body. */
function fail(reply: FastifyReply, status: number, error: string, description: string): FastifyReply {
  return reply.code(status).send({ error, description });
}

/** 422 `AsyncRequired`: `what` (for example "Plan x provisions") runs asynchronously, and the request did not allow it. */
function asyncRequired(reply: FastifyReply, what: string): FastifyReply {
  return fail(reply, 422, 'AsyncRequired', `${what} asynchronously; send accepts_incomplete=true.`);
}

/** Whether two request values are equal; an absent value equals an empty object. */
function sameRequestValue(a: unknown, b: unknown): boolean {
  return sameJson(a ?? {}, b ?? {});
}

/** Decodes `X-Broker-API-Originating-Identity: <platform> <base64 JSON>`. */
function parseOriginatingIdentity(header: string | string[] | undefined): OriginatingIdentity | undefined {
  if (typeof header !== 'string') return undefined;
  const [platform, encoded] = header.trim().split(/\s+/, 2);
  if (!platform || !encoded) return undefined;
  try {
    return { platform, value: JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) };
  } catch {
    return { platform, value: encoded };
  }
}

/** Compares secrets in constant time. */
function secretsEqual(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

/** Whether an operation has not finished yet. */
function inProgress(operation: OperationRecord | undefined): operation is OperationRecord {
  return !!operation && !operation.state && !operationProgress(operation).done;
}

/** Parameters of a request as an object (validation has already rejected non-objects). */
function parametersOf(body: { parameters?: unknown }): Record<string, unknown> {
  return (body.parameters ?? {}) as Record<string, unknown>;
}

/** Registers the OSB routes of one broker prefix on `app` (registered with that prefix). */
export async function osbRoutes(instance: FastifyInstance, options: OsbRoutesOptions): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { catalog, store, validator, requestLog, asyncOperationMs } = options;
  const broker = store.broker(catalog.prefix);

  app.addHook('preValidation', async (request, reply) => {
    if (request.routeOptions.url?.includes('/v2/')) requestLog.record(request);
    const requestIdentity = request.headers['x-broker-api-request-identity'];
    if (typeof requestIdentity === 'string') reply.header('X-Broker-API-Request-Identity', requestIdentity);
    if (!authorised(request)) {
      reply.header('WWW-Authenticate', 'Basic realm="demo-broker"');
      return fail(reply, 401, 'Unauthorized', 'Valid basic-auth credentials are required.');
    }
    if (!request.routeOptions.url?.includes('/v2/')) return;
    const version = request.headers['x-broker-api-version'];
    if (typeof version !== 'string' || version === '') {
      return fail(reply, 400, 'MissingBrokerApiVersion', 'The X-Broker-API-Version header is required.');
    }
    const match = /^(\d+)\.(\d+)$/.exec(version.trim());
    if (!match || Number(match[1]) !== 2 || Number(match[2]) < MINIMUM_MINOR_VERSION) {
      return fail(
        reply,
        412,
        'UnsupportedBrokerApiVersion',
        `X-Broker-API-Version ${version} is not supported; use 2.${MINIMUM_MINOR_VERSION} to 2.17.`,
      );
    }
  });

  function authorised(request: FastifyRequest): boolean {
    const header = request.headers.authorization;
    if (!header?.startsWith('Basic ')) return false;
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    if (separator < 0) return false;
    const usernameOk = secretsEqual(decoded.slice(0, separator), options.username);
    const passwordOk = secretsEqual(decoded.slice(separator + 1), options.password);
    return usernameOk && passwordOk;
  }

  /** The live instance with this id, its operation settled; undefined if unknown or deleted. */
  function liveInstance(instanceId: string): InstanceRecord | undefined {
    const record = broker.instances[instanceId];
    if (!record) return undefined;
    store.settleInstance(record);
    return record.status === 'deleted' ? undefined : record;
  }

  /** The live binding of this instance, its operation settled; undefined if unknown or deleted. */
  function liveBinding(instanceId: string, bindingId: string): BindingRecord | undefined {
    const record = broker.bindings[bindingId];
    if (!record || record.instanceId !== instanceId) return undefined;
    store.settleBinding(record);
    return record.status === 'deleted' ? undefined : record;
  }

  /** The catalog entries of an instance's service and plan. */
  function offeringOf(record: { serviceId: string; planId: string }): { service: CatalogService; plan: CatalogPlan } {
    const service = catalog.findService(record.serviceId);
    const plan = service && catalog.findPlan(service, record.planId);
    if (!service || !plan)
      throw new Error(`The catalog no longer offers plan ${record.planId} of service ${record.serviceId}.`);
    return { service, plan };
  }

  /**
   * The answer to a `last_operation` poll of `what` (for example "service instance x"): 400 when
   * the poll names another operation than its last one, else that operation's `lastOperationBody`.
   */
  function lastOperationAnswer(
    reply: FastifyReply,
    asked: string | undefined,
    operation: OperationRecord,
    what: string,
    noun: string,
  ): FastifyReply | Record<string, unknown> {
    if (asked !== undefined && asked !== operation.id) {
      return fail(reply, 400, 'BadRequest', `Operation ${asked} is not the last operation of ${what}.`);
    }
    return lastOperationBody(reply, operation, noun);
  }

  /** `{state, description}` of an operation, with Retry-After while it runs. */
  function lastOperationBody(reply: FastifyReply, operation: OperationRecord, noun: string): Record<string, unknown> {
    const progress = operationProgress(operation);
    if (!progress.done) {
      reply.header('Retry-After', '1');
      return { state: 'in progress', description: `${progressVerb[operation.kind]} ${noun}… ${progress.percent}%` };
    }
    const capitalised = noun.charAt(0).toUpperCase() + noun.slice(1);
    return { state: operation.state ?? 'succeeded', description: `${capitalised} ${doneVerb[operation.kind]}.` };
  }

  /** A maintenance_info conflict, if the request names a version the plan does not have. */
  function maintenanceConflict(plan: CatalogPlan, requested: Record<string, unknown> | undefined): string | undefined {
    if (requested?.['version'] === undefined) return undefined;
    const offered = catalog.maintenanceInfo(plan)?.version;
    if (requested['version'] === offered) return undefined;
    return offered
      ? `maintenance_info.version ${String(requested['version'])} does not match the plan's version ${offered}.`
      : `Plan ${plan.definition.name} has no maintenance_info.`;
  }

  app.get('/v2/catalog', { schema: { response: OsbResponses } }, async () => catalog.toOsb(options.publicUrl()));

  app.put(
    '/v2/service_instances/:instance_id',
    { schema: { params: InstanceParams, querystring: AsyncQuery, body: ProvisionBody, response: OsbResponses } },
    async (request, reply) => {
      const { instance_id: instanceId } = request.params;
      const { body } = request;
      const acceptsIncomplete = request.query.accepts_incomplete === true;
      const service = catalog.findService(body.service_id);
      if (!service) return fail(reply, 400, 'BadRequest', `Unknown service_id ${body.service_id}.`);
      const plan = catalog.findPlan(service, body.plan_id);
      if (!plan)
        return fail(
          reply,
          400,
          'BadRequest',
          `Unknown plan_id ${body.plan_id} for service ${service.definition.name}.`,
        );
      const parameters = parametersOf(body);

      const existing = liveInstance(instanceId);
      if (existing) {
        const identical =
          existing.serviceId === service.id &&
          existing.planId === plan.id &&
          sameRequestValue(existing.parameters, parameters) &&
          existing.organizationGuid === body.organization_guid &&
          existing.spaceGuid === body.space_guid;
        if (!identical) {
          return fail(reply, 409, 'Conflict', `Service instance ${instanceId} already exists with other attributes.`);
        }
        if (existing.lastOperation?.kind === 'provision' && inProgress(existing.lastOperation)) {
          return reply.code(202).send({ dashboard_url: existing.dashboardUrl, operation: existing.lastOperation.id });
        }
        if (inProgress(existing.lastOperation)) {
          return fail(
            reply,
            422,
            'ConcurrencyError',
            `Another operation on service instance ${instanceId} is in progress.`,
          );
        }
        return reply.code(200).send({ dashboard_url: existing.dashboardUrl });
      }

      if (plan.definition.async && !acceptsIncomplete) {
        return asyncRequired(reply, `Plan ${plan.definition.name} provisions`);
      }
      const conflict = maintenanceConflict(plan, body.maintenance_info);
      if (conflict) return fail(reply, 422, 'MaintenanceInfoConflict', conflict);
      const problems = parameterProblems(validator, plan.definition.schemas?.instanceCreate, body.parameters);
      if (problems) return fail(reply, 400, 'InvalidParameters', problems);

      const async = plan.definition.async;
      const now = new Date().toISOString();
      const operation = startOperation('provision', async ? asyncOperationMs : 0);
      const record: InstanceRecord = {
        id: instanceId,
        serviceId: service.id,
        planId: plan.id,
        parameters,
        ...(body.context ? { context: body.context } : {}),
        ...(body.organization_guid !== undefined ? { organizationGuid: body.organization_guid } : {}),
        ...(body.space_guid !== undefined ? { spaceGuid: body.space_guid } : {}),
        ...(plan.definition.maintenanceInfo
          ? { maintenanceInfo: { version: plan.definition.maintenanceInfo.version } }
          : {}),
        ...optionalIdentity(request),
        createdAt: now,
        updatedAt: now,
        dashboardUrl: `${options.publicUrl()}/dashboard/${encodeURIComponent(instanceId)}`,
        status: 'creating',
        lastOperation: operation,
      };
      broker.instances[instanceId] = record;
      store.settleInstance(record);
      store.save();
      if (async) return reply.code(202).send({ dashboard_url: record.dashboardUrl, operation: operation.id });
      return reply.code(201).send({ dashboard_url: record.dashboardUrl });
    },
  );

  app.patch(
    '/v2/service_instances/:instance_id',
    { schema: { params: InstanceParams, querystring: AsyncQuery, body: UpdateBody, response: OsbResponses } },
    async (request, reply) => {
      const { instance_id: instanceId } = request.params;
      const { body } = request;
      const existing = liveInstance(instanceId);
      if (!existing) return fail(reply, 404, 'NotFound', `Service instance ${instanceId} does not exist.`);
      if (existing.status === 'creating' || inProgress(existing.lastOperation)) {
        return fail(
          reply,
          422,
          'ConcurrencyError',
          `Another operation on service instance ${instanceId} is in progress.`,
        );
      }
      if (body.service_id !== existing.serviceId) {
        return fail(
          reply,
          400,
          'BadRequest',
          `service_id ${body.service_id} is not the service of instance ${instanceId}.`,
        );
      }
      const { service, plan: currentPlan } = offeringOf(existing);
      const targetPlan = body.plan_id === undefined ? currentPlan : catalog.findPlan(service, body.plan_id);
      if (!targetPlan)
        return fail(
          reply,
          400,
          'BadRequest',
          `Unknown plan_id ${body.plan_id} for service ${service.definition.name}.`,
        );
      if (targetPlan.id !== currentPlan.id && !service.definition.planUpdateable) {
        return fail(
          reply,
          422,
          'PlanChangeNotSupported',
          `${service.definition.displayName} instances cannot change their plan.`,
        );
      }
      const async = targetPlan.definition.async || currentPlan.definition.async;
      if (async && request.query.accepts_incomplete !== true) {
        return asyncRequired(reply, `Updates of plan ${currentPlan.definition.name} run`);
      }
      const conflict = maintenanceConflict(targetPlan, body.maintenance_info);
      if (conflict) return fail(reply, 422, 'MaintenanceInfoConflict', conflict);

      const changedParameters = parametersOf(body);
      const merged = { ...existing.parameters, ...changedParameters };
      const updateSchema = targetPlan.definition.schemas?.instanceUpdate;
      const problems = updateSchema
        ? parameterProblems(validator, updateSchema, body.parameters)
        : parameterProblems(validator, targetPlan.definition.schemas?.instanceCreate, merged);
      if (problems) return fail(reply, 400, 'InvalidParameters', problems);

      existing.lastOperation = startOperation('update', async ? asyncOperationMs : 0, {
        planId: targetPlan.id,
        parameters: merged,
        ...(body.maintenance_info ? { maintenanceInfo: body.maintenance_info } : {}),
        ...(body.context ? { context: body.context } : {}),
      });
      store.settleInstance(existing);
      store.save();
      if (async)
        return reply.code(202).send({ dashboard_url: existing.dashboardUrl, operation: existing.lastOperation.id });
      return reply.code(200).send({ dashboard_url: existing.dashboardUrl });
    },
  );

  app.delete(
    '/v2/service_instances/:instance_id',
    { schema: { params: InstanceParams, querystring: DeleteQuery, response: OsbResponses } },
    async (request, reply) => {
      const { instance_id: instanceId } = request.params;
      const existing = liveInstance(instanceId);
      if (!existing) return reply.code(410).send({});
      const operation = existing.lastOperation;
      if (operation?.kind === 'deprovision' && inProgress(operation)) {
        return reply.code(202).send({ operation: operation.id });
      }
      if (operation?.kind === 'update' && inProgress(operation)) {
        return fail(reply, 422, 'ConcurrencyError', `Service instance ${instanceId} is being updated.`);
      }
      const bindings = Object.values(broker.bindings).filter(
        (binding) => binding.instanceId === instanceId && binding.status !== 'deleted',
      );
      if (bindings.length > 0) {
        return fail(
          reply,
          400,
          'BindingsExist',
          `Service instance ${instanceId} still has ${bindings.length} binding(s); delete them first.`,
        );
      }
      const { plan } = offeringOf(existing);
      if (plan.definition.async && request.query.accepts_incomplete !== true) {
        return asyncRequired(reply, `Plan ${plan.definition.name} deprovisions`);
      }
      existing.lastOperation = startOperation('deprovision', plan.definition.async ? asyncOperationMs : 0);
      store.settleInstance(existing);
      store.save();
      if (plan.definition.async) return reply.code(202).send({ operation: existing.lastOperation.id });
      return reply.code(200).send({});
    },
  );

  app.get(
    '/v2/service_instances/:instance_id',
    { schema: { params: InstanceParams, querystring: FetchQuery, response: OsbResponses } },
    async (request, reply) => {
      const { instance_id: instanceId } = request.params;
      const existing = liveInstance(instanceId);
      if (!existing || existing.status === 'creating') {
        return fail(reply, 404, 'NotFound', `Service instance ${instanceId} does not exist or is still being created.`);
      }
      const { service, plan } = offeringOf(existing);
      if (!service.definition.instancesRetrievable) {
        return fail(reply, 400, 'NotSupported', `${service.definition.displayName} instances are not retrievable.`);
      }
      if (inProgress(existing.lastOperation)) {
        return fail(
          reply,
          422,
          'ConcurrencyError',
          `Another operation on service instance ${instanceId} is in progress.`,
        );
      }
      return {
        service_id: service.id,
        plan_id: plan.id,
        dashboard_url: existing.dashboardUrl,
        parameters: existing.parameters,
        ...(existing.maintenanceInfo ? { maintenance_info: existing.maintenanceInfo } : {}),
      };
    },
  );

  app.get(
    '/v2/service_instances/:instance_id/last_operation',
    { schema: { params: InstanceParams, querystring: LastOperationQuery, response: OsbResponses } },
    async (request, reply) => {
      const { instance_id: instanceId } = request.params;
      const record = broker.instances[instanceId];
      if (!record?.lastOperation) return reply.code(410).send({});
      store.settleInstance(record);
      const { resourceNoun } = offeringOf(record).service.definition;
      const what = `service instance ${instanceId}`;
      return lastOperationAnswer(reply, request.query.operation, record.lastOperation, what, resourceNoun);
    },
  );

  app.put(
    '/v2/service_instances/:instance_id/service_bindings/:binding_id',
    { schema: { params: BindingParams, querystring: AsyncQuery, body: BindBody, response: OsbResponses } },
    async (request, reply) => {
      const { instance_id: instanceId, binding_id: bindingId } = request.params;
      const { body } = request;
      const instanceRecord = liveInstance(instanceId);
      if (!instanceRecord) return fail(reply, 404, 'NotFound', `Service instance ${instanceId} does not exist.`);
      if (instanceRecord.status === 'creating' || inProgress(instanceRecord.lastOperation)) {
        return fail(reply, 422, 'ConcurrencyError', `Service instance ${instanceId} has an operation in progress.`);
      }
      if (body.service_id !== instanceRecord.serviceId || body.plan_id !== instanceRecord.planId) {
        return fail(
          reply,
          400,
          'BadRequest',
          `service_id and plan_id must be those of service instance ${instanceId}.`,
        );
      }
      const { service, plan } = offeringOf(instanceRecord);
      if (!service.definition.bindable) {
        return fail(reply, 400, 'NotBindable', `${service.definition.displayName} is not bindable.`);
      }
      const predecessor =
        body.predecessor_binding_id === undefined ? undefined : liveBinding(instanceId, body.predecessor_binding_id);
      if (body.predecessor_binding_id !== undefined) {
        if (!service.definition.bindingRotatable) {
          return fail(reply, 400, 'BadRequest', `${service.definition.displayName} bindings are not rotatable.`);
        }
        if (!predecessor || predecessor.status !== 'ready') {
          return fail(
            reply,
            422,
            'PredecessorNotFound',
            `Service binding ${body.predecessor_binding_id} does not exist on service instance ${instanceId}.`,
          );
        }
      }
      // A successor takes the predecessor's parameters and bound resource, with fresh credentials.
      const parameters = predecessor ? predecessor.parameters : parametersOf(body);
      const bindResource = predecessor ? predecessor.bindResource : body.bind_resource;
      const other = broker.bindings[bindingId];
      if (other && other.instanceId !== instanceId && other.status !== 'deleted') {
        return fail(reply, 409, 'Conflict', `Service binding ${bindingId} belongs to another service instance.`);
      }
      const existing = liveBinding(instanceId, bindingId);
      if (existing) {
        if (
          !sameRequestValue(existing.parameters, parameters) ||
          !sameRequestValue(existing.bindResource, bindResource)
        ) {
          return fail(reply, 409, 'Conflict', `Service binding ${bindingId} already exists with other attributes.`);
        }
        if (existing.lastOperation?.kind === 'bind' && inProgress(existing.lastOperation)) {
          return reply.code(202).send({ operation: existing.lastOperation.id });
        }
        if (inProgress(existing.lastOperation)) {
          return fail(reply, 422, 'ConcurrencyError', `Service binding ${bindingId} is being deleted.`);
        }
        return reply.code(200).send(bindingBody(existing, service, plan, false));
      }

      const async = service.definition.asyncBindings;
      if (async && request.query.accepts_incomplete !== true) {
        return asyncRequired(reply, `${service.definition.displayName} creates bindings`);
      }
      const problems = parameterProblems(validator, plan.definition.schemas?.bindingCreate, parameters);
      if (problems) return fail(reply, 400, 'InvalidParameters', problems);

      const operation = startOperation('bind', async ? asyncOperationMs : 0);
      const credentials = service.definition.createCredentials({
        instanceId,
        bindingId,
        locationId: catalog.locationId,
        parameters,
        ...(bindResource ? { bindResource } : {}),
        publicUrl: options.publicUrl(),
      });
      // A sensitive service hands its credentials out once and, like a real vault, keeps no copy.
      const sensitive = service.definition.flags.sensitive === true;
      const record: BindingRecord = {
        id: bindingId,
        instanceId,
        serviceId: service.id,
        planId: plan.id,
        parameters,
        ...(bindResource ? { bindResource } : {}),
        ...(predecessor ? { predecessorBindingId: predecessor.id } : {}),
        ...(body.context ? { context: body.context } : {}),
        ...optionalIdentity(request),
        createdAt: new Date().toISOString(),
        credentials: sensitive ? {} : credentials,
        status: 'creating',
        lastOperation: operation,
      };
      broker.bindings[bindingId] = record;
      store.settleBinding(record);
      store.save();
      if (async) return reply.code(202).send({ operation: operation.id });
      return reply.code(201).send({ ...bindingBody(record, service, plan, true), credentials });
    },
  );

  app.delete(
    '/v2/service_instances/:instance_id/service_bindings/:binding_id',
    { schema: { params: BindingParams, querystring: DeleteQuery, response: OsbResponses } },
    async (request, reply) => {
      const { instance_id: instanceId, binding_id: bindingId } = request.params;
      const existing = liveBinding(instanceId, bindingId);
      if (!existing) return reply.code(410).send({});
      if (existing.lastOperation?.kind === 'unbind' && inProgress(existing.lastOperation)) {
        return reply.code(202).send({ operation: existing.lastOperation.id });
      }
      const { service } = offeringOf(existing);
      const async = service.definition.asyncBindings;
      if (async && request.query.accepts_incomplete !== true) {
        return asyncRequired(reply, `${service.definition.displayName} deletes bindings`);
      }
      existing.lastOperation = startOperation('unbind', async ? asyncOperationMs : 0);
      store.settleBinding(existing);
      store.save();
      if (async) return reply.code(202).send({ operation: existing.lastOperation.id });
      return reply.code(200).send({});
    },
  );

  app.get(
    '/v2/service_instances/:instance_id/service_bindings/:binding_id',
    { schema: { params: BindingParams, querystring: FetchQuery, response: OsbResponses } },
    async (request, reply) => {
      const { instance_id: instanceId, binding_id: bindingId } = request.params;
      const existing = liveBinding(instanceId, bindingId);
      if (!existing || existing.status === 'creating') {
        return fail(reply, 404, 'NotFound', `Service binding ${bindingId} does not exist or is still being created.`);
      }
      const { service, plan } = offeringOf(existing);
      if (!service.definition.bindingsRetrievable) {
        return fail(reply, 400, 'NotSupported', `${service.definition.displayName} bindings are not retrievable.`);
      }
      return { ...bindingBody(existing, service, plan, true), parameters: existing.parameters };
    },
  );

  app.get(
    '/v2/service_instances/:instance_id/service_bindings/:binding_id/last_operation',
    { schema: { params: BindingParams, querystring: LastOperationQuery, response: OsbResponses } },
    async (request, reply) => {
      const { instance_id: instanceId, binding_id: bindingId } = request.params;
      const record = broker.bindings[bindingId];
      if (!record?.lastOperation || record.instanceId !== instanceId) return reply.code(410).send({});
      store.settleBinding(record);
      const what = `service binding ${bindingId}`;
      return lastOperationAnswer(reply, request.query.operation, record.lastOperation, what, 'credentials');
    },
  );

  app.get('/demo/requests', async () => ({ requests: requestLog.list() }));

  app.put(
    '/demo/plans/:plan_id/maintenance_info',
    { schema: { params: Type.Object({ plan_id: Type.String() }), body: MaintenanceInfoBody } },
    async (request, reply) => {
      const plan = catalog.findPlanAnywhere(request.params.plan_id);
      if (!plan) return fail(reply, 404, 'NotFound', `No plan ${request.params.plan_id} in this catalog.`);
      catalog.setMaintenanceInfo(plan, request.body);
      return reply.code(204).send();
    },
  );

  app.delete('/demo/requests', async (_request, reply) => {
    requestLog.clear();
    return reply.code(204).send();
  });
}

/** The originating identity of a request, as a spreadable record field. */
function optionalIdentity(request: FastifyRequest): { originatingIdentity?: OriginatingIdentity } {
  const identity = parseOriginatingIdentity(request.headers['x-broker-api-originating-identity']);
  return identity ? { originatingIdentity: identity } : {};
}

/**
 * The body of a bind answer. A sensitive service hands out credentials only once, in the
 * answer that creates the binding (`firstDelivery`).
 */
function bindingBody(
  binding: BindingRecord,
  service: CatalogService,
  plan: CatalogPlan,
  firstDelivery: boolean,
): Record<string, unknown> {
  const expiryDays = plan.definition.expiryDays;
  const metadata = expiryDays
    ? { metadata: { expires_at: new Date(Date.parse(binding.createdAt) + expiryDays * 86_400_000).toISOString() } }
    : {};
  if (service.definition.flags.sensitive && !firstDelivery) return { ...metadata };
  return { credentials: binding.credentials, ...metadata };
}

const progressVerb: Record<OperationRecord['kind'], string> = {
  provision: 'Creating',
  update: 'Updating',
  deprovision: 'Deleting',
  bind: 'Creating',
  unbind: 'Revoking',
};

const doneVerb: Record<OperationRecord['kind'], string> = {
  provision: 'created',
  update: 'updated',
  deprovision: 'deleted',
  bind: 'created',
  unbind: 'revoked',
};
