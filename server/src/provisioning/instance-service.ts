/**
 * The user-facing half of provisioning: create, update and delete service instances of a
 * project. Each call checks the request against the catalog and the plan's schema, stores the
 * operation before the broker hears of it, sends the OSB request, and settles the answer as
 * the OSB tables say (accepted operations continue in the `OperationRunner`).
 */
import { randomUUID } from 'node:crypto';
import type {
  AffectedBinding,
  BrokerComparison,
  BrokerStatus,
  Project,
  ProjectRef,
  ServiceInstanceDeletionImpact,
  ServiceOffering,
  ServicePlan,
  UpgradeAvailable,
} from '@osb/api';
import { failureDetails, type ActivityRecorder } from '../activity/activity-log.ts';
import type { BrokerDirectory } from '../osb/osb-clients.ts';
import { instanceActivity } from './instance-activity.ts';
import { HttpError } from '../plugins/http-error.ts';
import {
  type InstancePageQuery,
  DuplicateInstanceNameError,
  type InstanceOperation,
  type InstanceRecord,
  type InstanceRepository,
  type ServiceNames,
} from './instance-repository.ts';
import type { OperationEngine } from '../operations/operation-engine.ts';
import type { OperationRunner } from './operation-runner.ts';
import type { BrokerReply } from '../osb/broker-reply.ts';
import type { OrphanMitigationRepository } from '../operations/orphan-mitigation-repository.ts';
import { classifyReply, type BrokerFailure, type OperationOutcome } from '../osb/outcome.ts';
import type { ParameterValidator } from '../osb/parameter-validator.ts';
import { changedParameters, type DashboardSso, type RequestingUser } from '../osb/requests.ts';
import type { ParameterSecrets } from './parameter-secrets.ts';
import { LeaseLostError, StaleRecordError } from '../store/leases.ts';
import { isNewerVersion } from '../osb/semver.ts';
import { readFetchedInstance } from '../osb/retrieval.ts';
import { compareInstance } from './broker-comparison.ts';
import { FairQueue } from '../store/fair-queue.ts';

/** The catalog as provisioning reads it. */
export interface CatalogLookup {
  findService(serviceId: string, brokerId?: string): ServiceOffering | undefined;
  /** The health of a broker's catalog. */
  brokerStatus(brokerId: string): BrokerStatus | undefined;
  /** The ids of the listed services whose display name or name contains `text`, ignoring case. */
  serviceIdsNamed(text: string): string[];
  /** Fetches the catalogs again (after a `MaintenanceInfoConflict`). */
  refresh(): Promise<void>;
}

/** Deletes an instance's bindings before the instance is deprovisioned. */
export interface BindingCleanup {
  /** Deletes every binding of the instance; throws an `HttpError` saying why when one cannot be deleted. */
  deleteAll(instance: InstanceRecord, user: RequestingUser): Promise<void>;
  /** Every live binding of the instance (of every project), oldest first, with its project's id and tenant. */
  listAll(instance: InstanceRecord): Promise<{ id: string; name: string; projectId: string; tenantId?: string }[]>;
}

/** The project an instance is shared from, as the projects it is shared with see it. */
export interface SharedFrom {
  projectId: string;
  displayName: string;
}

/** Which instances projects shared with each other (instance sharing). */
export interface SharedInstanceLookup {
  /** The ids of the instances shared with `projectId`, each with the project it comes from. */
  sharedWith(projectId: string): Promise<{ instanceId: string; from: SharedFrom }[]>;
  /** Of the given instances, those shared with other projects, each with those projects (oldest share first). */
  sharedBy(instanceIds: readonly string[]): Promise<Map<string, SharedFrom[]>>;
}

/** What the service needs. */
export interface InstanceServiceDependencies {
  instances: InstanceRepository;
  orphans: OrphanMitigationRepository;
  runner: OperationRunner;
  /** Starts and times operations; its clock is the platform's. */
  engine: OperationEngine;
  catalog: CatalogLookup;
  validator: ParameterValidator;
  /** Seals secret parameters before they are stored. */
  secrets: ParameterSecrets;
  /** The configured brokers' OSB clients. */
  brokers: BrokerDirectory;
  /** The platform's public URL (for `permission_url`). */
  publicUrl: string;
  /** Sign-in details for a service with a `dashboard_client`. */
  dashboardSso(service: ServiceOffering): Promise<DashboardSso>;
  bindings: BindingCleanup;
  /** Instances shared into projects: listed there read-only. */
  shares: SharedInstanceLookup;
  /** Where changes are recorded (the runner records how operations end). */
  activity: ActivityRecorder;
  /** How many list requests read the database at once; the others wait their turn (default 2). */
  listConcurrency?: number;
  log: { warn(object: object, message: string): void; error(object: object, message: string): void };
}

/** A new instance as the user orders it. */
export interface CreateInstanceInput {
  name: string;
  serviceId: string;
  planId: string;
  parameters?: Record<string, unknown>;
}

/** Changes to an instance; absent fields stay as they are. */
export interface UpdateInstanceInput {
  name?: string;
  planId?: string;
  /** The full edited parameter set; only the keys that differ from the stored ones reach the broker. */
  parameters?: Record<string, unknown>;
}

/** An instance with what the API shows besides the record. */
export interface InstanceView {
  record: InstanceRecord;
  orphanMitigationPending: boolean;
  /** Set when the instance belongs to another project that shared it: read-only here. */
  sharedFrom?: SharedFrom;
  /** Set when the catalog offers a newer maintenance version of the instance's plan. */
  upgradeAvailable?: UpgradeAvailable;
  /** In the owner's project: the projects the instance is shared with. */
  sharedWith?: SharedFrom[];
}

/**
 * The maintenance upgrade the catalog offers for an instance: its plan's version when newer
 * than the instance's (or when the instance has none recorded), else undefined.
 */
function upgradeOffered(record: InstanceRecord, plan: ServicePlan | undefined): UpgradeAvailable | undefined {
  const offered = plan?.maintenanceInfoVersion;
  if (offered === undefined) return undefined;
  if (record.maintenanceInfoVersion !== null && !isNewerVersion(offered, record.maintenanceInfoVersion)) {
    return undefined;
  }
  return {
    version: offered,
    ...(plan?.maintenanceInfoDescription !== undefined ? { description: plan.maintenanceInfoDescription } : {}),
  };
}

/** What an error body says about a broker failure: the reason, the broker's status and its own words. */
export function brokerFailureParams(failure: BrokerFailure): {
  reason: BrokerFailure['reason'];
  status?: number;
  brokerMessage?: string;
} {
  return {
    reason: failure.reason,
    ...(failure.status !== undefined ? { status: failure.status } : {}),
    ...(failure.brokerDescription !== undefined ? { brokerMessage: failure.brokerDescription } : {}),
  };
}

/** The error to answer with when a request to the broker failed. */
export function brokerFailureError(failure: BrokerFailure): HttpError {
  return new HttpError(statusFor(failure), 'brokerFailed', brokerFailureParams(failure));
}

/** HTTP status for a failure the broker reported synchronously. */
export function statusFor(failure: BrokerFailure): number {
  switch (failure.reason) {
    case 'bad-request':
    case 'unprocessable':
    case 'async-required':
    case 'requires-app':
    case 'rejected':
      return 422;
    case 'conflict':
    case 'concurrency-error':
    case 'maintenance-info-conflict':
      return 409;
    default:
      return 502;
  }
}

/** Creates, changes, deletes and lists the service instances of projects. */
export class InstanceService {
  /** Service names from the catalog, to search and sort the list by service. */
  private readonly serviceNames: ServiceNames;
  /** List requests in their order of arrival, a few at a time. */
  private readonly listQueue: FairQueue;

  /** @param deps repositories, the runner, the catalog, the engine and the broker transport */
  constructor(private readonly deps: InstanceServiceDependencies) {
    this.serviceNames = {
      idsNamed: (text) => deps.catalog.serviceIdsNamed(text),
      nameOf: (serviceId) => deps.catalog.findService(serviceId)?.displayName,
    };
    this.listQueue = new FairQueue(deps.listConcurrency ?? 2);
  }

  /**
   * One page of the instances the project sees (its own and those other projects shared with
   * it), narrowed, sorted and paged in the database; with how many match in all. Requests take
   * their turn in order of arrival; one whose `signal` aborts while it waits rejects with an
   * `AbandonedWorkError` unrun.
   */
  list(
    project: Project,
    page: InstancePageQuery,
    signal?: AbortSignal,
  ): Promise<{ views: InstanceView[]; total: number }> {
    return this.listQueue.run(() => this.readPage(project, page), signal);
  }

  private async readPage(project: Project, page: InstancePageQuery): Promise<{ views: InstanceView[]; total: number }> {
    const { rows, total } = await this.deps.instances.pageVisibleTo(project.id, page, this.serviceNames);
    // The share lookups run only for pages that show shared instances.
    const sharedOut = rows.filter((row) => row.sharedOut).map((row) => row.record.id);
    const [sharedFrom, sharedWith] = await Promise.all([
      rows.some((row) => row.sharedIn) ? this.sharedFromMap(project) : new Map<string, SharedFrom>(),
      sharedOut.length > 0 ? this.deps.shares.sharedBy(sharedOut) : new Map<string, SharedFrom[]>(),
    ]);
    return {
      views: rows.map(({ record, sharedIn, orphanMitigationPending }) =>
        this.viewOf(
          record,
          orphanMitigationPending,
          sharedIn ? sharedFrom.get(record.id) : undefined,
          sharedWith.get(record.id),
        ),
      ),
      total,
    };
  }

  /** The services of the instances the project sees, each with how many (for the list's service filter). */
  countByService(project: Project): Promise<{ serviceId: string; count: number }[]> {
    return this.deps.instances.countByService(project.id);
  }

  /** One instance of the project or shared with it; 404 when the project sees none with that id. */
  async get(project: Project, instanceId: string): Promise<InstanceView> {
    const sharedFrom = await this.sharedFrom(project, instanceId);
    if (sharedFrom) {
      const record = await this.deps.instances.find(instanceId);
      if (record) return this.view(record, sharedFrom);
    }
    return this.view(await this.requireInstance(project, instanceId));
  }

  /**
   * What deprovisioning one of the project's own instances takes away: every binding (of every
   * project) and the projects it is shared with. 403 for an instance shared with the project.
   */
  async deletionImpact(project: Project, instanceId: string): Promise<ServiceInstanceDeletionImpact> {
    const record = await this.requireInstance(project, instanceId);
    const sharedWith = (await this.deps.shares.sharedBy([record.id])).get(record.id) ?? [];
    const projects = new Map<string, ProjectRef>(sharedWith.map((target) => [target.projectId, target]));
    projects.set(project.id, { projectId: project.id, displayName: project.displayName });
    const bindings = (await this.deps.bindings.listAll(record)).map(
      ({ id, name, projectId, tenantId }): AffectedBinding => ({
        id,
        name,
        project: projects.get(projectId) ?? { projectId, displayName: projectId },
        ...(tenantId !== undefined ? { tenantId } : {}),
      }),
    );
    return { bindings, sharedWith };
  }

  /**
   * What the broker reports of the instance now (`GET /v2/service_instances/:id`), compared with
   * the platform's record; for services with `instances_retrievable`. The record stays as it is:
   * it holds what users ordered, and the differences show where the broker went its own way.
   */
  async compareWithBroker(project: Project, instanceId: string): Promise<BrokerComparison> {
    const { record } = await this.get(project, instanceId);
    const service = this.deps.catalog.findService(record.serviceId, record.brokerId);
    if (!service) throw new HttpError(409, 'offeringGone', {});
    if (!service.instancesRetrievable) throw new HttpError(422, 'notRetrievable', { what: 'instance' });
    const reply = await this.deps.brokers
      .broker(record.brokerId)
      .fetchInstance({ instanceId: record.id, serviceId: record.serviceId, planId: record.planId });
    const fetched = readFetchedInstance(reply);
    if (!fetched.ok) throw brokerFailureError(fetched.failure);
    const plan = this.planOf(record);
    return {
      fetchedAt: new Date(this.deps.engine.now()).toISOString(),
      differences: compareInstance(record, fetched.reported, [
        plan?.schemas.instanceCreate,
        plan?.schemas.instanceUpdate,
      ]),
    };
  }

  /**
   * Orders a new instance: validates, provisions, and returns the instance once the broker
   * finished or accepted (then its operation is `in progress`).
   */
  async create(user: RequestingUser, project: Project, input: CreateInstanceInput): Promise<InstanceView> {
    const service = this.deps.catalog.findService(input.serviceId);
    if (!service) throw new HttpError(422, 'serviceNotOffered', {});
    const broker = this.deps.catalog.brokerStatus(service.brokerId);
    // A broker that does not answer would leave the order failed (or orphaned): refuse it first.
    if (broker?.unreachable) {
      throw new HttpError(503, 'brokerUnavailable', {
        broker: broker.displayName,
        ...(broker.unavailableSince ? { since: broker.unavailableSince } : {}),
      });
    }
    const plan = service.plans.find((candidate) => candidate.id === input.planId);
    if (!plan) throw new HttpError(422, 'planNotOffered', {});
    const parameters = input.parameters ?? {};
    const problem = this.deps.validator.problems(plan.schemas.instanceCreate, parameters);
    if (problem) throw new HttpError(400, 'parametersInvalid', problem);
    const dashboardSso = service.hasDashboardClient ? await this.dashboardSso(service) : undefined;

    const now = this.deps.engine.now();
    const id = randomUUID();
    const record: InstanceRecord = {
      id,
      projectId: project.id,
      workspaceId: project.workspaceId,
      brokerId: service.brokerId,
      serviceId: service.id,
      planId: plan.id,
      locationId: service.locality.kind === 'local' ? service.locality.locationId : null,
      name: input.name.trim(),
      parameters: this.deps.secrets.seal(id, parameters, [plan.schemas.instanceCreate, plan.schemas.instanceUpdate]),
      maintenanceInfoVersion: plan.maintenanceInfoVersion ?? null,
      dashboardUrl: null,
      metadata: null,
      usable: true,
      createdBy: user.id,
      createdAt: new Date(now),
      operation: this.startOperation('create', user, plan, plan.id, now),
      version: 0,
    };
    await this.insert(record);
    const reply = await this.deps.brokers.broker(record.brokerId).provision({
      instanceId: record.id,
      serviceId: record.serviceId,
      planId: record.planId,
      workspaceId: record.workspaceId,
      projectId: record.projectId,
      publicUrl: this.deps.publicUrl,
      parameters,
      ...(dashboardSso ? { dashboardSso } : {}),
      ...(record.maintenanceInfoVersion !== null ? { maintenanceInfoVersion: record.maintenanceInfoVersion } : {}),
      user,
    });
    const outcome = classifyReply('provision', reply);
    if (outcome.type === 'failed') {
      // Mitigation first: a crash (or a failed write) before the instance is forgotten leaves an
      // operation that is resolved after a restart, never an orphan at the broker nobody knows of.
      if (outcome.orphanMitigation) await this.mitigateCreate(record, outcome.failure.reason);
      await this.deps.instances.remove(record.id);
      const details = failureDetails(outcome.failure, outcome.orphanMitigation);
      await this.deps.activity.record(instanceActivity(record, 'failed', { details, actor: user }));
      return this.handleFailure(record, outcome);
    }
    try {
      return (await this.settle(record, outcome, reply, user))!;
    } catch (error) {
      // The broker may hold an instance the platform could not record: mitigate it (unless
      // another replica took the operation over and records it).
      if (!(error instanceof HttpError) && !(error instanceof LeaseLostError))
        await this.mitigateAfterInternalError(record);
      throw error;
    }
  }

  /**
   * Renames an instance, changes its plan (only where the plan is `plan_updateable`) and its
   * parameters (only the changed keys reach the broker). A rename alone stays on the platform.
   */
  async update(
    user: RequestingUser,
    project: Project,
    instanceId: string,
    input: UpdateInstanceInput,
  ): Promise<InstanceView> {
    const record = await this.requireInstance(project, instanceId);
    this.requireIdle(record);
    if (record.operation.type === 'create' && record.operation.state === 'failed') {
      throw new HttpError(409, 'instanceCreateFailed', {});
    }
    const name = input.name?.trim() ?? record.name;
    const newPlanId = input.planId !== undefined && input.planId !== record.planId ? input.planId : undefined;
    const changed = input.parameters ? changedParameters(record.parameters, input.parameters) : {};
    if (newPlanId === undefined && Object.keys(changed).length === 0) {
      if (name !== record.name) {
        await this.begin({ ...record, name });
        await this.deps.activity.record(
          instanceActivity({ ...record, name }, 'succeeded', {
            kind: 'changed',
            details: { previousName: record.name },
            actor: user,
          }),
        );
      }
      return this.view({ ...record, name });
    }

    const service = this.deps.catalog.findService(record.serviceId, record.brokerId);
    const currentPlan = service?.plans.find((plan) => plan.id === record.planId);
    if (!service || !currentPlan) throw new HttpError(409, 'offeringGone', {});
    const newPlan = newPlanId === undefined ? undefined : service.plans.find((plan) => plan.id === newPlanId);
    if (newPlanId !== undefined) {
      if (!currentPlan.planUpdateable) throw new HttpError(422, 'planNotUpdatable', {});
      if (!newPlan) throw new HttpError(422, 'planNotOffered', {});
    }
    const targetPlan = newPlan ?? currentPlan;
    const problem = this.deps.validator.problems(targetPlan.schemas.instanceUpdate, changed, true);
    if (problem) throw new HttpError(400, 'parametersInvalid', problem);
    const maintenanceInfoVersion = newPlan ? (newPlan.maintenanceInfoVersion ?? null) : record.maintenanceInfoVersion;
    return this.sendUpdate(user, { ...record, name }, service, targetPlan, changed, maintenanceInfoVersion);
  }

  /**
   * Applies the maintenance upgrade the catalog offers for the instance: an update that sends the
   * plan's newer `maintenance_info` and nothing else, followed like any update. Once the broker
   * confirms it the instance records the new version. 409 `noUpgradeAvailable` when none is offered.
   */
  async upgrade(user: RequestingUser, project: Project, instanceId: string): Promise<InstanceView> {
    const record = await this.requireInstance(project, instanceId);
    this.requireIdle(record);
    if (record.operation.type === 'create' && record.operation.state === 'failed') {
      throw new HttpError(409, 'instanceCreateFailed', {});
    }
    const service = this.deps.catalog.findService(record.serviceId, record.brokerId);
    const plan = service?.plans.find((candidate) => candidate.id === record.planId);
    if (!service || !plan) throw new HttpError(409, 'offeringGone', {});
    const offered = upgradeOffered(record, plan);
    if (!offered) throw new HttpError(409, 'noUpgradeAvailable', {});
    return this.sendUpdate(user, record, service, plan, {}, offered.version);
  }

  /** Starts an update to `targetPlan` with the changed parameters and the maintenance version to send. */
  private async sendUpdate(
    user: RequestingUser,
    record: InstanceRecord,
    service: ServiceOffering,
    targetPlan: ServicePlan,
    changed: Record<string, unknown>,
    maintenanceInfoVersion: string | null,
  ): Promise<InstanceView> {
    const dashboardSso = service.hasDashboardClient ? await this.dashboardSso(service) : undefined;
    const updating: InstanceRecord = {
      ...record,
      operation: {
        ...this.startOperation('update', user, targetPlan, record.planId, this.deps.engine.now()),
        updateTarget: {
          planId: targetPlan.id,
          parameters: this.deps.secrets.seal(record.id, { ...record.parameters, ...changed }, [
            targetPlan.schemas.instanceCreate,
            targetPlan.schemas.instanceUpdate,
          ]),
          maintenanceInfoVersion,
        },
      },
    };
    await this.begin(updating);
    const reply = await this.deps.brokers.broker(record.brokerId).update({
      instanceId: record.id,
      serviceId: record.serviceId,
      currentPlanId: record.planId,
      ...(targetPlan.id !== record.planId ? { newPlanId: targetPlan.id } : {}),
      changedParameters: changed,
      workspaceId: record.workspaceId,
      projectId: record.projectId,
      publicUrl: this.deps.publicUrl,
      ...(dashboardSso ? { dashboardSso } : {}),
      ...(record.maintenanceInfoVersion !== null
        ? { currentMaintenanceInfoVersion: record.maintenanceInfoVersion }
        : {}),
      ...(maintenanceInfoVersion !== null ? { maintenanceInfoVersion } : {}),
      user,
    });
    const outcome = classifyReply('update', reply);
    if (outcome.type === 'failed') {
      await this.deps.runner.finish(updating, outcome, user);
      return this.handleFailure(updating, outcome);
    }
    return (await this.settle(updating, outcome, reply, user))!;
  }

  /**
   * Deletes an instance: starts its delete (which refuses new bindings from then on), deletes its
   * bindings, then the broker's instance. 410 counts as gone;
   * a failure keeps the instance and says why. An instance whose creation failed is only
   * forgotten: orphan mitigation already takes care of the broker's side. Returns undefined
   * once the instance is gone, else the instance with its delete `in progress`.
   */
  async delete(user: RequestingUser, project: Project, instanceId: string): Promise<InstanceView | undefined> {
    const record = await this.requireInstance(project, instanceId);
    this.requireIdle(record);
    if (record.operation.type === 'create' && record.operation.state === 'failed') {
      await this.deps.instances.remove(record.id);
      await this.deps.activity.record(instanceActivity(record, 'succeeded', { kind: 'deprovisioned', actor: user }));
      return undefined;
    }
    const plan = this.planOf(record);
    const deleting: InstanceRecord = {
      ...record,
      operation: this.startOperation('delete', user, plan, record.planId, this.deps.engine.now()),
    };
    // Started first: from now on no binding can be created on the instance (see BindingRepository.insert).
    await this.begin(deleting);
    try {
      await this.deps.bindings.deleteAll(deleting, user);
    } catch (error) {
      // Nothing was sent for the instance itself: it keeps its last operation.
      await this.deps.instances.save(record);
      throw error;
    }
    const ref = { instanceId: record.id, serviceId: record.serviceId, planId: record.planId };
    const reply = await this.deps.brokers.broker(record.brokerId).deprovision(ref, user);
    const outcome = classifyReply('deprovision', reply);
    if (outcome.type === 'failed') {
      await this.deps.runner.finish(deleting, outcome, user);
      return this.handleFailure(deleting, outcome);
    }
    return this.settle(deleting, outcome, reply, user);
  }

  /**
   * Stores a successful or accepted answer; accepted operations are polled from now on (first
   * after the answer's `Retry-After`, if any; the start is recorded as `user`'s activity). Returns
   * the stored instance, or undefined when a delete finished.
   */
  private async settle(
    record: InstanceRecord,
    outcome: Exclude<OperationOutcome, { type: 'failed' }>,
    reply: BrokerReply,
    user: RequestingUser,
  ): Promise<InstanceView | undefined> {
    const answered: InstanceRecord = {
      ...record,
      ...(outcome.type !== 'gone' && outcome.dashboardUrl !== undefined && outcome.dashboardUrl !== null
        ? { dashboardUrl: outcome.dashboardUrl }
        : {}),
      ...(outcome.type !== 'gone' && outcome.metadata !== undefined ? { metadata: outcome.metadata } : {}),
    };
    if (outcome.type === 'accepted') {
      const accepted: InstanceRecord = {
        ...answered,
        operation: this.deps.engine.accepted(answered.operation, outcome.operation, reply),
      };
      await this.deps.instances.save(accepted);
      await this.deps.activity.record(instanceActivity(accepted, 'started', { actor: user }));
      this.deps.runner.schedulePoll(accepted);
      return this.view(accepted);
    }
    const finished = await this.deps.runner.finish(answered, { type: 'succeeded' }, user);
    return finished && this.view(finished);
  }

  /** Consequences of a synchronous failure beyond the stored state: a catalog refresh, the error. */
  private async handleFailure(
    record: InstanceRecord,
    outcome: Extract<OperationOutcome, { type: 'failed' }>,
  ): Promise<never> {
    const { failure } = outcome;
    if (failure.reason === 'maintenance-info-conflict') {
      // The broker's catalog moved on: read it before answering, so the user sees what it offers now.
      await this.deps.catalog
        .refresh()
        .catch((error: unknown) => this.deps.log.error({ err: error }, 'Catalog refresh failed'));
    }
    this.deps.log.warn(
      {
        instanceId: record.id,
        operation: record.operation.type,
        reason: failure.reason,
        status: failure.status,
        error: failure.error,
      },
      'The broker did not carry out the operation',
    );
    if (failure.reason === 'maintenance-info-conflict') {
      const offered = upgradeOffered(record, this.planOf(record));
      throw new HttpError(409, 'maintenanceInfoChanged', {
        ...(offered ? { version: offered.version } : {}),
        ...(failure.brokerDescription !== undefined ? { brokerMessage: failure.brokerDescription } : {}),
      });
    }
    throw brokerFailureError(failure);
  }

  /** Starts orphan mitigation of an instance whose creation failed for `cause`: the broker may hold it. */
  private mitigateCreate(record: InstanceRecord, cause: string): Promise<void> {
    return this.deps.runner.requestOrphanMitigation({
      brokerId: record.brokerId,
      instanceId: record.id,
      serviceId: record.serviceId,
      planId: record.planId,
      reason: `create failed (${cause})`,
      forgetInstance: false,
    });
  }

  private async mitigateAfterInternalError(record: InstanceRecord): Promise<void> {
    try {
      await this.mitigateCreate(record, 'platform error');
      await this.deps.instances.remove(record.id);
    } catch (error) {
      this.deps.log.error({ err: error, instanceId: record.id }, 'Cannot schedule orphan mitigation');
    }
  }

  private startOperation(
    type: InstanceOperation['type'],
    user: RequestingUser,
    plan: ServicePlan | undefined,
    pollPlanId: string,
    now: number,
  ): InstanceOperation {
    return {
      type,
      ...this.deps.engine.start(user.id, plan?.maximumPollingDurationSeconds, now),
      updateRepeatable: null,
      pollPlanId,
      updateTarget: null,
    };
  }

  private async dashboardSso(service: ServiceOffering): Promise<DashboardSso> {
    try {
      return await this.deps.dashboardSso(service);
    } catch (error) {
      this.deps.log.error({ err: error, serviceId: service.id }, 'Cannot prepare dashboard sign-in');
      throw new HttpError(503, 'dashboardUnavailable', {});
    }
  }

  /** The project's own instance; 403 for an instance shared with it (read-only), else 404. */
  private async requireInstance(project: Project, instanceId: string): Promise<InstanceRecord> {
    const record = await this.deps.instances.find(instanceId);
    if (record && record.projectId === project.id) return record;
    const sharedFrom = await this.sharedFrom(project, instanceId);
    if (record && sharedFrom) {
      throw new HttpError(403, 'instanceSharedReadOnly', { project: sharedFrom.displayName });
    }
    throw new HttpError(404, 'instanceNotFound', {});
  }

  private async sharedFrom(project: Project, instanceId: string): Promise<SharedFrom | undefined> {
    return (await this.sharedFromMap(project)).get(instanceId);
  }

  /** The instances shared with the project, each with the project it comes from. */
  private async sharedFromMap(project: Project): Promise<Map<string, SharedFrom>> {
    return new Map((await this.deps.shares.sharedWith(project.id)).map(({ instanceId, from }) => [instanceId, from]));
  }

  private requireIdle(record: InstanceRecord): void {
    if (record.operation.state === 'in progress') throw this.busy(record);
  }

  private busy(record: InstanceRecord): HttpError {
    return new HttpError(409, 'instanceBusy', { operation: record.operation.type });
  }

  /** Stores the start of an operation (or a rename), unless another request started an operation first. */
  private async begin(record: InstanceRecord): Promise<void> {
    let saved: boolean;
    try {
      saved = await this.deps.instances.saveIfIdle(record);
    } catch (error) {
      if (error instanceof StaleRecordError) throw new HttpError(409, 'instanceChanged', {});
      throw this.nameTaken(error, record);
    }
    if (!saved) throw this.busy((await this.deps.instances.find(record.id)) ?? record);
  }

  private async insert(record: InstanceRecord): Promise<void> {
    try {
      await this.deps.instances.insert(record);
    } catch (error) {
      throw this.nameTaken(error, record);
    }
  }

  private nameTaken(error: unknown, record: InstanceRecord): unknown {
    return error instanceof DuplicateInstanceNameError
      ? new HttpError(409, 'instanceNameTaken', { name: record.name })
      : error;
  }

  private async view(record: InstanceRecord, sharedFrom?: SharedFrom): Promise<InstanceView> {
    const [pending, sharedWith] = await Promise.all([
      this.deps.orphans.pendingInstanceIds([record.id]),
      sharedFrom ? new Map<string, SharedFrom[]>() : this.deps.shares.sharedBy([record.id]),
    ]);
    return this.viewOf(record, pending.has(record.id), sharedFrom, sharedWith.get(record.id));
  }

  private viewOf(
    record: InstanceRecord,
    orphanMitigationPending: boolean,
    sharedFrom?: SharedFrom,
    sharedWith?: SharedFrom[],
  ): InstanceView {
    const upgradeAvailable = upgradeOffered(record, this.planOf(record));
    return {
      record,
      orphanMitigationPending,
      ...(sharedFrom ? { sharedFrom } : {}),
      ...(sharedWith ? { sharedWith } : {}),
      ...(upgradeAvailable ? { upgradeAvailable } : {}),
    };
  }

  /** The instance's plan in the catalog, if it is still offered. */
  private planOf(record: InstanceRecord): ServicePlan | undefined {
    return this.deps.catalog
      .findService(record.serviceId, record.brokerId)
      ?.plans.find((candidate) => candidate.id === record.planId);
  }
}
