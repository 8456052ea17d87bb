/**
 * The background half of provisioning: polls `last_operation` of running instance operations
 * and retries orphan mitigation, both from database state, so that a restarted platform picks
 * up where the last one stopped. It also owns the end of every operation (`finish`), for
 * synchronous answers as well as for polled ones. With several replicas on one database, each
 * works only on the operations whose lease it holds (see `store/leases.ts`) and sweeps for work
 * whose lease is free or expired.
 */
import type { ServiceOffering } from '@osb/api';
import { failureDetails, outcomeOf, type ActivityActor, type ActivityRecorder } from '../activity/activity-log.ts';
import type { BrokerReply } from '../osb/broker-reply.ts';
import type { BrokerOperations } from '../osb/osb-client.ts';
import type { BrokerDirectory } from '../osb/osb-clients.ts';
import { instanceActivity } from './instance-activity.ts';
import type { InstanceRecord, InstanceRepository } from './instance-repository.ts';
import {
  afterFailedAttempt,
  describeReply,
  orphanMitigationDone,
  startOrphanMitigation,
  type OrphanMitigationState,
} from '../operations/orphan-mitigation.ts';
import {
  resourceKey,
  type OrphanMitigationEntry,
  type OrphanMitigationRepository,
} from '../operations/orphan-mitigation-repository.ts';
import type { OperationEngine, OperationEnd, RunnerLog } from '../operations/operation-engine.ts';
import { operationFailure, type OperationKind } from '../osb/outcome.ts';
import type { ProvisioningSettings } from '../operations/settings.ts';
import { LeaseSweeper, type ClaimedWork, type LeaseSettings, type TableLeases } from '../store/leases.ts';

/** What the runner needs. */
export interface OperationRunnerDependencies {
  instances: InstanceRepository;
  orphans: OrphanMitigationRepository;
  /** The configured brokers' OSB clients. */
  brokers: BrokerDirectory;
  /** Polls and schedules; shared with the binding runner. */
  engine: OperationEngine;
  settings: ProvisioningSettings;
  /** This replica's leases on instance operations and orphan mitigation, and how often it sweeps. */
  leases: { instances: TableLeases; orphans: TableLeases; settings: LeaseSettings };
  /** A broker's service (whether its instances and bindings can be fetched). */
  findService(serviceId: string, brokerId: string): ServiceOffering | undefined;
  /** Forgets a binding whose failed delete the broker has now confirmed (kept while it may still exist). */
  forgetBinding(bindingId: string): Promise<void>;
  /** Where the end of every operation is recorded. */
  activity: ActivityRecorder;
  log: RunnerLog;
}

/** The OSB operation behind each kind of instance operation. */
const OPERATION_KINDS = {
  create: 'provision',
  update: 'update',
  delete: 'deprovision',
} as const satisfies Record<InstanceRecord['operation']['type'], OperationKind>;

/** What orphan mitigation is asked for (the retry state is added by the runner). */
export type OrphanMitigationRequest = Omit<OrphanMitigationEntry, keyof OrphanMitigationState>;

/** Polls running operations and retries orphan mitigation in the background. */
export class OperationRunner {
  private readonly sweepers: LeaseSweeper[];

  /** @param deps repositories, the broker transport, the engine, timings, leases and the log */
  constructor(private readonly deps: OperationRunnerDependencies) {
    const { leases, log } = deps;
    this.sweepers = [
      new LeaseSweeper(leases.instances, leases.settings, (work) => this.schedulePollAt(work), log),
      new LeaseSweeper(leases.orphans, leases.settings, (work) => this.scheduleMitigationAt(work), log),
    ];
  }

  /**
   * Starts sweeping for running operations and pending orphan mitigation whose lease is free or
   * expired (at once: after a restart, this resumes the work of the last run).
   */
  async start(): Promise<void> {
    for (const sweeper of this.sweepers) sweeper.start();
  }

  /** Stops sweeping (the engine then stops the polls, and the caller hands back the leases). */
  async stop(): Promise<void> {
    await Promise.all(this.sweepers.map((sweeper) => sweeper.stop()));
  }

  /** Polls the instance's operation at its `nextPollAt` (at once when unset); this replica holds its lease. */
  schedulePoll(record: InstanceRecord): void {
    this.schedulePollAt({ key: record.id, dueAt: record.operation.nextPollAt });
  }

  private schedulePollAt({ key, dueAt }: ClaimedWork): void {
    this.deps.engine.schedulePoll(`poll:${key}`, { nextPollAt: dueAt }, () => this.poll(key));
  }

  /** Starts (or restarts) orphan mitigation of a resource. */
  async requestOrphanMitigation(request: OrphanMitigationRequest): Promise<void> {
    const entry: OrphanMitigationEntry = {
      ...request,
      ...startOrphanMitigation(this.deps.settings.orphanMitigation, this.deps.engine.now()),
    };
    await this.deps.orphans.save(entry);
    this.deps.log.warn(
      { instanceId: entry.instanceId, bindingId: entry.bindingId, reason: entry.reason },
      'Orphan mitigation scheduled',
    );
    this.scheduleMitigation(entry);
  }

  /**
   * Ends an operation and stores the result: a finished delete forgets the instance (and any
   * pending orphan mitigation of it); a finished update applies its target; a failure keeps
   * the broker's description and, where the OSB table says so, starts orphan mitigation.
   * The end is recorded in the activity log, as asked by `actor` (default: who started it).
   * Returns the stored instance, or undefined when it was forgotten.
   */
  async finish(record: InstanceRecord, end: OperationEnd, actor?: ActivityActor): Promise<InstanceRecord | undefined> {
    const stored = await this.store(record, end);
    const details = end.type === 'failed' ? failureDetails(end.failure, end.orphanMitigation) : {};
    await this.deps.activity.record(instanceActivity(record, outcomeOf(end), { details, ...(actor ? { actor } : {}) }));
    return stored;
  }

  private async store(record: InstanceRecord, end: OperationEnd): Promise<InstanceRecord | undefined> {
    const operation = {
      ...record.operation,
      nextPollAt: null,
      brokerOperation: null,
      updateTarget: null,
      brokerFault: null,
    };
    if (end.type === 'succeeded' || end.type === 'gone') {
      if (operation.type === 'delete') {
        await this.deps.instances.remove(record.id);
        await this.cancelOrphanMitigation(record.id);
        return undefined;
      }
      const target = record.operation.updateTarget;
      const finished: InstanceRecord = {
        ...record,
        ...(operation.type === 'update' && target
          ? {
              planId: target.planId,
              parameters: target.parameters,
              maintenanceInfoVersion: target.maintenanceInfoVersion,
              usable: true,
            }
          : {}),
        operation: {
          ...operation,
          state: 'succeeded',
          description: end.type === 'succeeded' ? (end.description ?? null) : null,
        },
      };
      await this.deps.instances.save(finished);
      return finished;
    }

    const { failure } = end;
    const failed: InstanceRecord = {
      ...record,
      usable: operation.type === 'create' ? record.usable : failure.instanceUsable,
      operation: {
        ...operation,
        state: 'failed',
        description: failure.description,
        failure: operationFailure(failure),
        updateRepeatable: operation.type === 'update' ? failure.updateRepeatable : null,
      },
    };
    // Mitigation first: whoever sees the failed operation also sees its orphan mitigation pending.
    if (end.orphanMitigation) {
      await this.requestOrphanMitigation({
        brokerId: record.brokerId,
        instanceId: record.id,
        serviceId: record.serviceId,
        planId: record.planId,
        reason: `${operation.type} failed (${failure.reason})`,
        forgetInstance: operation.type === 'delete',
      });
    }
    await this.deps.instances.save(failed);
    return failed;
  }

  private async cancelOrphanMitigation(key: string): Promise<void> {
    this.deps.engine.scheduler.cancel(`om:${key}`);
    await this.deps.orphans.remove(key);
  }

  private scheduleMitigation(entry: OrphanMitigationEntry): void {
    this.scheduleMitigationAt({ key: resourceKey(entry), dueAt: new Date(entry.nextAttemptAt) });
  }

  private scheduleMitigationAt({ key, dueAt }: ClaimedWork): void {
    this.deps.engine.scheduler.schedule(`om:${key}`, dueAt?.getTime() ?? this.deps.engine.now(), () =>
      this.mitigate(key),
    );
  }

  /** One poll of `last_operation` through the engine, while this replica holds the operation's lease. */
  private async poll(id: string): Promise<void> {
    await this.deps.leases.instances.whileHeld(
      id,
      () => this.pollOwned(id),
      () => this.deps.log.info({ instanceId: id }, 'Another replica took over the operation'),
    );
  }

  private async pollOwned(id: string): Promise<void> {
    const record = await this.deps.instances.find(id);
    if (!record || record.operation.state !== 'in progress') return;
    const { operation } = record;
    const ref = { instanceId: id, serviceId: record.serviceId, planId: operation.pollPlanId ?? record.planId };
    await this.deps.engine.poll({
      kind: OPERATION_KINDS[operation.type],
      operation,
      logContext: { instanceId: id, operation: operation.type },
      lastOperation: () =>
        this.deps.brokers.broker(record.brokerId).lastOperation(ref, operation.brokerOperation ?? undefined),
      finish: async (end) => {
        await this.finish(record, end);
      },
      retryAt: (at) => this.schedulePollAt({ key: id, dueAt: at }),
      continue: async (next) => {
        const continued: InstanceRecord = { ...record, operation: next };
        await this.deps.instances.save(continued);
        this.schedulePoll(continued);
      },
    });
  }

  /**
   * One orphan-mitigation DELETE, while this replica holds the entry's lease; retried with
   * backoff until the broker answers 200 or 410.
   */
  private async mitigate(key: string): Promise<void> {
    try {
      await this.mitigateOwned(key);
    } catch (error) {
      await this.deps.leases.orphans.release(key);
      throw error;
    }
  }

  private async mitigateOwned(key: string): Promise<void> {
    if (!(await this.deps.leases.orphans.confirm(key))) return;
    const entry = await this.deps.orphans.find(key);
    if (!entry) return;
    const ref = { instanceId: entry.instanceId, serviceId: entry.serviceId, planId: entry.planId };
    const broker = this.deps.brokers.broker(entry.brokerId);
    const reply =
      entry.bindingId === undefined
        ? await broker.deprovision(ref)
        : await broker.unbind({ ...ref, bindingId: entry.bindingId });
    if (orphanMitigationDone(reply) || (await this.brokerSaysGone(entry, broker))) {
      // The resource first: once the entry is gone, so is the instance or binding it was to forget.
      if (entry.forgetInstance) {
        const record = await this.deps.instances.find(entry.instanceId);
        if (record && record.operation.type === 'delete' && record.operation.state === 'failed')
          await this.deps.instances.remove(record.id);
      }
      if (entry.forgetBinding && entry.bindingId !== undefined) await this.deps.forgetBinding(entry.bindingId);
      await this.deps.orphans.remove(key);
      this.deps.log.info(
        { instanceId: entry.instanceId, bindingId: entry.bindingId, attempts: entry.attempts + 1 },
        'Orphan mitigation done',
      );
      return;
    }
    const next: OrphanMitigationEntry = {
      ...entry,
      ...afterFailedAttempt(this.deps.settings.orphanMitigation, entry, reply, this.deps.engine.now()),
    };
    this.deps.log.warn(
      { instanceId: entry.instanceId, bindingId: entry.bindingId, result: describeReply(reply) },
      'Orphan mitigation attempt failed',
    );
    // Not when the entry was cancelled or restarted meanwhile (it is no longer this replica's).
    if (await this.deps.orphans.recordAttempt(next)) this.scheduleMitigation(next);
  }

  /**
   * After a failed delete whose DELETE failed again: asks a broker that can fetch the resource
   * (`instances_retrievable` / `bindings_retrievable`) whether it still exists; a 404 means it is
   * gone. Never for other leftovers: a resource still being created answers 404 too.
   */
  private async brokerSaysGone(entry: OrphanMitigationEntry, broker: BrokerOperations): Promise<boolean> {
    const service = this.deps.findService(entry.serviceId, entry.brokerId);
    const ref = { instanceId: entry.instanceId, serviceId: entry.serviceId, planId: entry.planId };
    let reply: BrokerReply;
    if (entry.bindingId !== undefined) {
      if (!entry.forgetBinding || !service?.bindingsRetrievable) return false;
      reply = await broker.fetchBinding({ ...ref, bindingId: entry.bindingId });
    } else {
      if (!entry.forgetInstance || !service?.instancesRetrievable) return false;
      reply = await broker.fetchInstance(ref);
    }
    const gone = reply.kind === 'response' && reply.status === 404;
    if (gone)
      this.deps.log.info(
        { instanceId: entry.instanceId, bindingId: entry.bindingId },
        'The broker says the resource is gone',
      );
    return gone;
  }
}
