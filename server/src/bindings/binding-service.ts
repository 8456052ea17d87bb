/**
 * The user-facing half of bindings: create, list, read and delete the bindings of a project on
 * an instance the project owns or that was shared with it. Each project sees and manages only
 * its own bindings.
 *
 * - Ordinary services: bind with `accepts_incomplete=true`; credentials are stored sealed by the
 *   `CredentialCipher` and shown to the project's members.
 * - Sensitive services: bind synchronously only (no `accepts_incomplete`); the credentials go
 *   from the broker's answer into the creating user's answer and nowhere else. A broker that
 *   answers 202 anyway gets its binding deleted again (orphan mitigation).
 * - Tenant-aware services: the binding names one of the project's tenants (in the instance's
 *   location for a local service), sent as `bind_resource {tenant_id, platform}`; a tenant is
 *   bound to an instance once.
 */
import { expiresSoonAt } from './expiry-window.ts';
import { StaleRecordError } from '../store/leases.ts';
import { randomUUID } from 'node:crypto';
import type { BrokerComparison, Project, ServiceOffering, ServicePlan, Tenant } from '@osb/api';
import type { BrokerDirectory } from '../osb/osb-clients.ts';
import type { BrokerReply } from '../osb/broker-reply.ts';
import { HttpError } from '../plugins/http-error.ts';
import type { InstanceRecord, InstanceRepository } from '../provisioning/instance-repository.ts';
import {
  brokerFailureError,
  brokerFailureParams,
  statusFor,
  type CatalogLookup,
} from '../provisioning/instance-service.ts';
import type { OrphanMitigationRequest } from '../provisioning/operation-runner.ts';
import { classifyReply, type BindingResult, type BrokerFailure } from '../osb/outcome.ts';
import type { ParameterValidator } from '../osb/parameter-validator.ts';
import { buildContext, type RequestingUser } from '../osb/requests.ts';
import type { OperationEngine, RunnerLog } from '../operations/operation-engine.ts';
import {
  BindingRefusedError,
  DuplicateTenantBindingError,
  type BindingOperation,
  type BindingRefusal,
  type BindingRecord,
  type BindingRepository,
} from './binding-repository.ts';
import { bindingRef, type BindingRunner } from './binding-runner.ts';
import { bindingActivity } from './binding-activity.ts';
import { failureDetails, type ActivityRecorder } from '../activity/activity-log.ts';
import type { CredentialCipher } from './credential-cipher.ts';
import { ParameterSecrets } from '../provisioning/parameter-secrets.ts';
import { readFetchedBinding } from '../osb/retrieval.ts';
import { credentialDifferences, parameterDifferences } from '../provisioning/broker-comparison.ts';

/** Which instances were shared with which projects. */
export interface SharedInstances {
  /** The share of `instanceId` with `projectId`, if there is one. */
  find(instanceId: string, projectId: string): Promise<object | undefined>;
}

/** What the service needs. */
export interface BindingServiceDependencies {
  bindings: BindingRepository;
  instances: InstanceRepository;
  /** Instances shared into projects: a project binds instances shared with it too. */
  shares: SharedInstances;
  runner: BindingRunner;
  /** Starts and times operations; its clock is the platform's. */
  engine: OperationEngine;
  catalog: CatalogLookup;
  validator: ParameterValidator;
  cipher: CredentialCipher;
  /** The configured brokers' OSB clients. */
  brokers: BrokerDirectory;
  /** Queues orphan mitigation of a binding (the provisioning `OperationRunner` retries it). */
  requestOrphanMitigation(request: OrphanMitigationRequest): Promise<void>;
  /** Where changes are recorded (the runner records how operations end). */
  activity: ActivityRecorder;
  /** The platform's public URL (for the context object). */
  publicUrl: string;
  /** Warn about bindings that expire within this many days. */
  expiryWarningDays: number;
  /** The current time in ms since the epoch. */
  clock(): number;
  log: RunnerLog;
}

/** A new binding as the user orders it. */
export interface CreateBindingInput {
  name: string;
  parameters?: Record<string, unknown>;
  /** The tenant to bind (tenant-aware services only). */
  tenantId?: string;
}

/** A binding with what the API shows besides the record. */
export interface BindingView {
  record: BindingRecord;
  /** Whether the binding expires within its warning period (see `expiry-window.ts`). */
  expiresSoon: boolean;
  /** The credentials, where the answer may carry them. */
  credentials?: Record<string, unknown>;
}

/** A tenant of the project and whether it can be bound to the instance. */
export interface TenantChoice {
  tenant: Tenant;
  /** Already bound to the instance (by any project). */
  bound: boolean;
}

const DAY_MS = 86_400_000;

/** Creates, lists, reads and deletes bindings. */
export class BindingService {
  /** Seals the binding's secret parameters before they are stored. */
  private readonly parameterSecrets: ParameterSecrets;

  /** @param deps repositories, the runner, the catalog, the cipher, the engine and the broker transport */
  constructor(private readonly deps: BindingServiceDependencies) {
    this.parameterSecrets = new ParameterSecrets(deps.cipher);
  }

  /** The project's bindings on the instance, oldest first (without credentials). */
  async list(project: Project, instanceId: string): Promise<BindingView[]> {
    const instance = await this.access(project, instanceId);
    return (await this.deps.bindings.listByInstance(instance.id, project.id)).map((record) => this.view(record));
  }

  /** The project's bindings that expire within their warning period, soonest first, with their instances' names. */
  async listExpiringSoon(project: Project): Promise<(BindingView & { instanceName: string })[]> {
    const views = (await this.deps.bindings.listExpiringOfProject(project.id))
      .map((record) => this.view(record))
      .filter((view) => view.expiresSoon);
    const instances = await this.deps.instances.findMany([...new Set(views.map((view) => view.record.instanceId))]);
    const names = new Map(instances.map((instance) => [instance.id, instance.name]));
    return views.map((view) => ({
      ...view,
      instanceName: names.get(view.record.instanceId) ?? view.record.instanceId,
    }));
  }

  /** One of the project's bindings with its stored credentials, decrypted. */
  async get(project: Project, instanceId: string, bindingId: string): Promise<BindingView> {
    const { record } = await this.requireBinding(project, instanceId, bindingId);
    return this.view(record, this.storedCredentials(record));
  }

  /**
   * What the broker reports of the binding now (`GET …/service_bindings/:bid`), compared with the
   * platform's record: parameters, and the credentials of ordinary bindings (which keys differ,
   * never their values). A sensitive service's credentials are neither compared nor kept.
   */
  async compareWithBroker(project: Project, instanceId: string, bindingId: string): Promise<BrokerComparison> {
    const { record, instance } = await this.requireBinding(project, instanceId, bindingId);
    const { service, plan } = this.offeringOf(instance);
    if (!service.bindingsRetrievable) throw new HttpError(422, 'notRetrievable', { what: 'binding' });
    const fetched = readFetchedBinding(
      await this.deps.brokers.broker(instance.brokerId).fetchBinding(bindingRef(instance, record)),
    );
    if (!fetched.ok) throw brokerFailureError(fetched.failure);
    const { parameters, credentials } = fetched.reported;
    const stored = record.credentialsHandling === 'stored' ? this.storedCredentials(record) : undefined;
    return {
      fetchedAt: new Date(this.deps.clock()).toISOString(),
      differences: [
        ...(parameters ? parameterDifferences(record.parameters, parameters, [plan.schemas.bindingCreate]) : []),
        ...(stored && credentials ? credentialDifferences(stored, credentials) : []),
      ],
    };
  }

  /**
   * The tenants a tenant binding of the instance can name, each saying whether it is already
   * bound: the tenants of the binding's project (also on an instance shared with it), all of
   * them for a global service, those in the instance's location for a local one. None for a
   * service that is not tenant-aware.
   */
  async tenantChoices(project: Project, instanceId: string): Promise<TenantChoice[]> {
    const instance = await this.access(project, instanceId);
    if (!this.deps.catalog.findService(instance.serviceId, instance.brokerId)?.tenantAware) return [];
    const bound = new Set(
      (await this.deps.bindings.listByInstance(instance.id))
        .filter((binding) => binding.tenant && !binding.expiredAt)
        .map((binding) => binding.tenant!.id),
    );
    return this.eligibleTenants(project, instance).map((tenant) => ({ tenant, bound: bound.has(tenant.id) }));
  }

  /**
   * Orders a new binding. Returns it once the broker finished (with the credentials, for a
   * sensitive service the only time they are ever shown) or accepted (then its operation is
   * `in progress` and the credentials follow when it succeeded).
   */
  async create(
    user: RequestingUser,
    project: Project,
    instanceId: string,
    input: CreateBindingInput,
  ): Promise<BindingView> {
    const instance = await this.access(project, instanceId);
    const { service, plan } = this.offeringOf(instance);
    if (!plan.bindable) throw new HttpError(422, 'planNotBindable', {});
    this.requireBindableState(instance);
    const parameters = input.parameters ?? {};
    const problem = this.deps.validator.problems(plan.schemas.bindingCreate, parameters);
    if (problem) throw new HttpError(400, 'parametersInvalid', problem);
    const tenant = this.chooseTenant(project, instance, service, input.tenantId);
    const id = randomUUID();
    return this.bind(user, project, instance, service, {
      id,
      name: input.name.trim(),
      parameters: this.parameterSecrets.seal(id, parameters, [plan.schemas.bindingCreate]),
      sentParameters: parameters,
      tenant,
      predecessorId: null,
    });
  }

  /**
   * Rotates a binding's credentials (OSB `binding_rotatable`): creates its successor with
   * `predecessor_binding_id`, for which the broker issues fresh credentials with the
   * predecessor's parameters. Both stay until the user deletes the predecessor or it expires.
   * The successor of a sensitive service hands its credentials over once, like any of its bindings.
   */
  async rotate(
    user: RequestingUser,
    project: Project,
    instanceId: string,
    bindingId: string,
    input: { name?: string },
  ): Promise<BindingView> {
    const { record: predecessor, instance } = await this.requireBinding(project, instanceId, bindingId);
    const { service } = this.offeringOf(instance);
    if (!service.bindingRotatable || predecessor.tenant) throw new HttpError(422, 'bindingNotRotatable', {});
    if (predecessor.operation.state === 'in progress') throw this.busy();
    if (
      predecessor.expiredAt ||
      predecessor.operation.type !== 'create' ||
      predecessor.operation.state !== 'succeeded'
    ) {
      throw new HttpError(409, 'bindingNotActive', {});
    }
    this.requireBindableState(instance);
    return this.bind(user, project, instance, service, {
      id: randomUUID(),
      name: input.name?.trim() || predecessor.name,
      // The broker takes the predecessor's parameters; the successor shows them as the predecessor
      // recorded them (secret values stay sealed as they were).
      parameters: predecessor.parameters,
      tenant: null,
      predecessorId: predecessor.id,
    });
  }

  /** Stores a new binding, asks the broker for it and settles the answer. */
  private async bind(
    user: RequestingUser,
    project: Project,
    instance: InstanceRecord,
    service: ServiceOffering,
    binding: {
      id: string;
      name: string;
      /** The parameters as stored (secrets sealed). */
      parameters: Record<string, unknown>;
      /** The parameters to send; none for a rotation, whose successor takes the predecessor's. */
      sentParameters?: Record<string, unknown>;
      tenant: Tenant | null;
      predecessorId: string | null;
    },
  ): Promise<BindingView> {
    const { tenant } = binding;
    const record: BindingRecord = {
      id: binding.id,
      instanceId: instance.id,
      projectId: project.id,
      name: binding.name,
      parameters: binding.parameters,
      tenant,
      credentialsHandling: service.sensitive ? 'once' : 'stored',
      sealedCredentials: null,
      expiresAt: null,
      expiredAt: null,
      createdBy: user.id,
      createdAt: new Date(this.deps.clock()),
      predecessorId: binding.predecessorId,
      operation: this.startOperation('create', user.id, this.planOf(instance)),
      version: 0,
    };
    try {
      await this.deps.bindings.insert(record);
    } catch (error) {
      if (error instanceof DuplicateTenantBindingError) throw this.tenantTaken(tenant!);
      if (error instanceof BindingRefusedError) throw refusalError(error.refusal);
      throw error;
    }
    const reply = await this.deps.brokers.broker(instance.brokerId).bind({
      ...bindingRef(instance, record),
      context: buildContext({
        instanceId: instance.id,
        workspaceId: project.workspaceId,
        projectId: project.id,
        publicUrl: this.deps.publicUrl,
      }),
      ...(tenant
        ? { bindResource: { tenant_id: tenant.id, platform: `${tenant.locationId}.${tenant.platform}` } }
        : {}),
      ...(binding.sentParameters !== undefined ? { parameters: binding.sentParameters } : {}),
      ...(binding.predecessorId !== null ? { predecessorBindingId: binding.predecessorId } : {}),
      acceptsIncomplete: !service.sensitive,
      user,
    });
    const outcome = classifyReply('bind', reply, { requires: service.requires });
    // Mitigation first: a crash (or a failed write) before the binding is forgotten leaves an
    // operation that is resolved after a restart, never an orphan at the broker nobody knows of.
    if (outcome.type === 'failed') {
      if (outcome.orphanMitigation) await this.mitigate(instance, record, outcome.failure.reason);
      await this.deps.bindings.remove(record.id);
      const details = failureDetails(outcome.failure, outcome.orphanMitigation);
      await this.deps.activity.record(bindingActivity(record, instance, 'failed', { details, actor: user }));
      throw this.failure(outcome.failure, service);
    }
    if (outcome.type === 'accepted' && service.sensitive) {
      await this.mitigate(instance, record, 'asynchronous bind of a sensitive service');
      await this.deps.bindings.remove(record.id);
      const details = { orphanMitigation: true };
      await this.deps.activity.record(bindingActivity(record, instance, 'failed', { details, actor: user }));
      throw new HttpError(502, 'sensitiveBindingAcceptedAsync', {});
    }
    try {
      return await this.settle(
        record,
        instance,
        outcome.type === 'accepted'
          ? { operation: outcome.operation }
          : { result: ('binding' in outcome ? outcome.binding : undefined) ?? {} },
        reply,
        user,
      );
    } catch (error) {
      // The broker may hold a binding the platform could not record: delete it there.
      try {
        await this.mitigate(instance, record, 'platform error after bind');
        await this.deps.bindings.remove(record.id);
      } catch (mitigationError) {
        this.deps.log.error({ err: mitigationError, bindingId: record.id }, 'Cannot schedule orphan mitigation');
      }
      throw error;
    }
  }

  /**
   * Deletes one of the project's bindings at the broker. Returns undefined once it is gone, else
   * the binding with its delete `in progress`. An expired binding, or one whose creation failed,
   * is only forgotten: the broker's side is already taken care of.
   */
  async delete(
    user: RequestingUser,
    project: Project,
    instanceId: string,
    bindingId: string,
  ): Promise<BindingView | undefined> {
    const { record, instance } = await this.requireBinding(project, instanceId, bindingId);
    if (record.expiredAt || (record.operation.type === 'create' && record.operation.state === 'failed')) {
      await this.deps.bindings.remove(record.id);
      await this.deps.activity.record(bindingActivity(record, instance, 'succeeded', { kind: 'unbound', actor: user }));
      return undefined;
    }
    const started = await this.unbind(record, instance, user);
    if (started.type === 'failed') throw this.failure(started.failure);
    return started.type === 'in-progress' ? this.view(started.binding) : undefined;
  }

  /**
   * Deletes every binding of the instance (of every project) before the instance is deleted.
   * Throws when one cannot be deleted, or while some are still being created or deleted by the broker.
   */
  async deleteAll(instance: InstanceRecord, user: RequestingUser): Promise<void> {
    await this.deleteBindings(instance, await this.deps.bindings.listByInstance(instance.id), user, 'deleteInstance');
  }

  /**
   * Deletes the bindings a project has on the instance (when a share ends). Throws when one
   * cannot be deleted, or while some are still being created or deleted by the broker.
   */
  async deleteProjectBindings(instance: InstanceRecord, projectId: string, user: RequestingUser): Promise<void> {
    await this.deleteBindings(
      instance,
      await this.deps.bindings.listByInstance(instance.id, projectId),
      user,
      'endShare',
    );
  }

  /**
   * Starts deleting an expired binding at its broker, as the platform's own request (see
   * `ExpiryScheduler`). Returns false when the binding is busy or its instance is gone.
   */
  async expire(binding: BindingRecord): Promise<boolean> {
    const instance = await this.deps.instances.find(binding.instanceId);
    if (!instance) return false;
    const expiring: BindingRecord = {
      ...binding,
      operation: this.startOperation('expire', 'platform', this.planOf(instance)),
    };
    if (!(await this.begin(expiring))) return false;
    this.deps.log.info({ bindingId: binding.id, instanceId: instance.id }, 'Deleting an expired binding at the broker');
    await this.deps.runner.unbind(expiring, instance);
    return true;
  }

  /** Every live binding of the instance, of every project, oldest first (for the confirmation of a deprovision). */
  async listAll(
    instance: InstanceRecord,
  ): Promise<{ id: string; name: string; projectId: string; tenantId?: string }[]> {
    return (await this.deps.bindings.listByInstance(instance.id))
      .filter(
        (record) => !record.expiredAt && !(record.operation.type === 'create' && record.operation.state === 'failed'),
      )
      .map((record) => ({
        id: record.id,
        name: record.name,
        projectId: record.projectId,
        ...(record.tenant ? { tenantId: record.tenant.id } : {}),
      }));
  }

  /** The bindings a project has on the instance (for the confirmation before a share ends). */
  async listOfProject(instance: InstanceRecord, projectId: string): Promise<BindingView[]> {
    return (await this.deps.bindings.listByInstance(instance.id, projectId)).map((record) => this.view(record));
  }

  /** The API view of a binding; credentials only when given. */
  view(record: BindingRecord, credentials?: Record<string, unknown>): BindingView {
    const now = this.deps.clock();
    const expiresSoon =
      record.expiresAt !== null &&
      record.expiredAt === null &&
      expiresSoonAt(record.createdAt, record.expiresAt, this.deps.expiryWarningDays * DAY_MS, now);
    return { record, expiresSoon, ...(credentials ? { credentials } : {}) };
  }

  private async deleteBindings(
    instance: InstanceRecord,
    bindings: BindingRecord[],
    user: RequestingUser,
    retryHint: 'deleteInstance' | 'endShare',
  ): Promise<void> {
    let creating = 0;
    let deleting = 0;
    for (const binding of bindings) {
      if (binding.operation.state === 'in progress') {
        if (binding.operation.type === 'create') creating++;
        else deleting++;
        continue;
      }
      if (binding.expiredAt || (binding.operation.type === 'create' && binding.operation.state === 'failed')) {
        await this.deps.bindings.remove(binding.id);
        continue;
      }
      const started = await this.unbind(binding, instance, user);
      if (started.type === 'failed') {
        throw new HttpError(statusFor(started.failure), 'bindingNotDeleted', {
          name: binding.name,
          ...brokerFailureParams(started.failure),
        });
      }
      if (started.type === 'in-progress') deleting++;
    }
    // Bindings still being created come first: once created, they too must be deleted before the retry can succeed.
    if (creating > 0) {
      throw new HttpError(409, 'bindingsStillCreating', { count: creating, deleting, then: retryHint });
    }
    if (deleting > 0) {
      throw new HttpError(409, 'bindingsStillDeleting', { count: deleting, then: retryHint });
    }
  }

  private async unbind(record: BindingRecord, instance: InstanceRecord, user: RequestingUser) {
    const deleting: BindingRecord = {
      ...record,
      operation: this.startOperation('delete', user.id, this.planOf(instance)),
    };
    if (!(await this.begin(deleting))) throw this.busy();
    return this.deps.runner.unbind(deleting, instance, user);
  }

  /** Stores the start of an operation unless another one runs or the binding changed since it was read. */
  private async begin(record: BindingRecord): Promise<boolean> {
    try {
      return await this.deps.bindings.saveIfIdle(record);
    } catch (error) {
      if (error instanceof StaleRecordError) return false;
      throw error;
    }
  }

  /** Stores a synchronous or accepted answer (recorded as `user`'s activity); accepted binds are polled from now on. */
  private async settle(
    record: BindingRecord,
    instance: InstanceRecord,
    answer: { result: BindingResult } | { operation: string | undefined },
    reply: BrokerReply,
    user: RequestingUser,
  ): Promise<BindingView> {
    if ('operation' in answer) {
      const accepted: BindingRecord = {
        ...record,
        operation: this.deps.engine.accepted(record.operation, answer.operation, reply),
      };
      await this.deps.bindings.save(accepted);
      await this.deps.activity.record(bindingActivity(accepted, instance, 'started', { actor: user }));
      this.deps.runner.schedulePoll(accepted);
      return this.view(accepted);
    }
    const end = { type: 'succeeded', result: answer.result } as const;
    const created = (await this.deps.runner.finish(record, instance, end, user))!;
    return this.view(created, answer.result.credentials ?? {});
  }

  private storedCredentials(record: BindingRecord): Record<string, unknown> | undefined {
    if (record.sealedCredentials === null) return undefined;
    try {
      return this.deps.cipher.decrypt(record.sealedCredentials, record.id);
    } catch {
      // Only the id: an error message could quote what was decrypted.
      this.deps.log.error({ bindingId: record.id }, 'Cannot decrypt stored credentials (wrong key or altered data)');
      throw new HttpError(500, 'credentialsUnreadable', {});
    }
  }

  /** Starts orphan mitigation of a binding whose creation failed for `reason`: the broker may hold it. */
  private mitigate(instance: InstanceRecord, record: BindingRecord, reason: string): Promise<void> {
    return this.deps.requestOrphanMitigation({
      brokerId: instance.brokerId,
      instanceId: instance.id,
      bindingId: record.id,
      serviceId: instance.serviceId,
      planId: instance.planId,
      reason: `bind failed (${reason})`,
      forgetInstance: false,
    });
  }

  /** The tenant for a new binding: required for tenant-aware services, refused for others. */
  private chooseTenant(
    project: Project,
    instance: InstanceRecord,
    service: ServiceOffering,
    tenantId: string | undefined,
  ): Tenant | null {
    if (!service.tenantAware) {
      if (tenantId !== undefined) throw new HttpError(400, 'tenantNotSupported', {});
      return null;
    }
    if (tenantId === undefined) throw new HttpError(400, 'tenantRequired', {});
    const tenant = this.eligibleTenants(project, instance).find((candidate) => candidate.id === tenantId);
    if (!tenant) {
      throw new HttpError(422, 'tenantNotEligible', { inLocation: instance.locationId ? 1 : 0 });
    }
    return { ...tenant };
  }

  /** Any tenant of the project for a global service; only those in the instance's location for a local one. */
  private eligibleTenants(project: Project, instance: InstanceRecord): Tenant[] {
    return project.tenants.filter(
      (tenant) => instance.locationId === null || tenant.locationId === instance.locationId,
    );
  }

  private tenantTaken(tenant: Tenant): HttpError {
    return new HttpError(409, 'tenantAlreadyBound', { tenant: tenant.id });
  }

  private failure(failure: BrokerFailure, service?: ServiceOffering): HttpError {
    if (failure.reason === 'async-required' && service?.sensitive) {
      return new HttpError(422, 'sensitiveBindingAsync', {});
    }
    return brokerFailureError(failure);
  }

  private requireBindableState(instance: InstanceRecord): void {
    const { operation } = instance;
    if (operation.state === 'in progress') throw refusalError({ reason: 'instance-busy', operation: operation.type });
    if (operation.type === 'create' && operation.state === 'failed')
      throw new HttpError(409, 'instanceNotProvisioned', {});
    if (!instance.usable) throw new HttpError(409, 'instanceUnusable', {});
  }

  private planOf(instance: InstanceRecord): ServicePlan | undefined {
    return this.deps.catalog
      .findService(instance.serviceId, instance.brokerId)
      ?.plans.find((candidate) => candidate.id === instance.planId);
  }

  private offeringOf(instance: InstanceRecord): { service: ServiceOffering; plan: ServicePlan } {
    const service = this.deps.catalog.findService(instance.serviceId, instance.brokerId);
    const plan = service?.plans.find((candidate) => candidate.id === instance.planId);
    if (!service || !plan) throw new HttpError(409, 'offeringGone', {});
    return { service, plan };
  }

  /** The instance if the project owns it or it was shared with the project; else 404. */
  private async access(project: Project, instanceId: string): Promise<InstanceRecord> {
    const instance = await this.deps.instances.find(instanceId);
    if (instance?.projectId === project.id) return instance;
    if (instance && (await this.deps.shares.find(instanceId, project.id))) return instance;
    throw new HttpError(404, 'instanceNotFound', {});
  }

  /** One of the project's bindings on an instance it sees, with the instance; else 404. */
  private async requireBinding(
    project: Project,
    instanceId: string,
    bindingId: string,
  ): Promise<{ record: BindingRecord; instance: InstanceRecord }> {
    const instance = await this.access(project, instanceId);
    const record = await this.deps.bindings.find(bindingId);
    if (!record || record.instanceId !== instance.id || record.projectId !== project.id)
      throw new HttpError(404, 'bindingNotFound', {});
    return { record, instance };
  }

  private busy(): HttpError {
    return new HttpError(409, 'bindingBusy', {});
  }

  private startOperation(
    type: BindingOperation['type'],
    requestedBy: string,
    plan: ServicePlan | undefined,
  ): BindingOperation {
    return { type, ...this.deps.engine.start(requestedBy, plan?.maximumPollingDurationSeconds) };
  }
}

/** The error for a binding its instance or share no longer allows (the instance is being deleted, the share ends). */
function refusalError(refusal: BindingRefusal): HttpError {
  switch (refusal.reason) {
    case 'instance-busy':
      return refusal.operation === 'delete'
        ? new HttpError(409, 'instanceDeleting', {})
        : new HttpError(409, 'instanceBusy', { operation: refusal.operation });
    case 'share-ending':
      return new HttpError(409, 'shareEnding', {});
    case 'instance-gone':
    case 'share-gone':
      return new HttpError(404, 'instanceNotFound', {});
  }
}
