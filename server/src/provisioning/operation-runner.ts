/**
 * The background half of provisioning: polls `last_operation` of running instance operations
 * and retries orphan mitigation, both from database state, so that a restarted platform picks
 * up where the last one stopped. It also owns the end of every operation (`finish`), for
 * synchronous answers as well as for polled ones.
 */
import type { BrokerDirectory } from '../osb/osb-clients.ts';
import type { InstanceRecord, InstanceRepository } from './instance-repository.ts';
import {
  afterFailedAttempt,
  describeReply,
  orphanMitigationDone,
  startOrphanMitigation,
  type OrphanMitigationState,
} from '../operations/orphan-mitigation.ts';
import { resourceKey, type OrphanMitigationEntry, type OrphanMitigationRepository } from '../operations/orphan-mitigation-repository.ts';
import type { OperationEngine, OperationEnd, RunnerLog } from '../operations/operation-engine.ts';
import type { OperationKind } from '../osb/outcome.ts';
import type { ProvisioningSettings } from '../operations/settings.ts';

/** What the runner needs. */
export interface OperationRunnerDependencies {
  instances: InstanceRepository;
  orphans: OrphanMitigationRepository;
  /** The configured brokers' OSB clients. */
  brokers: BrokerDirectory;
  /** Polls and schedules; shared with the binding runner. */
  engine: OperationEngine;
  settings: ProvisioningSettings;
  log: RunnerLog;
}

/** The OSB operation behind each kind of instance operation. */
export const OPERATION_KINDS = { create: 'provision', update: 'update', delete: 'deprovision' } as const satisfies Record<
  InstanceRecord['operation']['type'],
  OperationKind
>;

/** What orphan mitigation is asked for (the retry state is added by the runner). */
export type OrphanMitigationRequest = Omit<OrphanMitigationEntry, keyof OrphanMitigationState>;

/** Polls running operations and retries orphan mitigation in the background. */
export class OperationRunner {
  /** @param deps repositories, the broker transport, the engine, timings and the log */
  constructor(private readonly deps: OperationRunnerDependencies) {}

  /** Resumes polling of every running operation and every pending orphan mitigation. */
  async start(): Promise<void> {
    for (const record of await this.deps.instances.listInProgress()) this.schedulePoll(record);
    for (const entry of await this.deps.orphans.listAll()) this.scheduleMitigation(entry);
  }

  /** Polls the instance's operation at its `nextPollAt` (at once when unset). */
  schedulePoll(record: InstanceRecord): void {
    this.deps.engine.schedulePoll(`poll:${record.id}`, record.operation, () => this.poll(record.id));
  }

  /** Starts (or restarts) orphan mitigation of a resource. */
  async requestOrphanMitigation(request: OrphanMitigationRequest): Promise<void> {
    const entry: OrphanMitigationEntry = { ...request, ...startOrphanMitigation(this.deps.settings.orphanMitigation, this.deps.engine.now()) };
    await this.deps.orphans.save(entry);
    this.deps.log.warn({ instanceId: entry.instanceId, bindingId: entry.bindingId, reason: entry.reason }, 'Orphan mitigation scheduled');
    this.scheduleMitigation(entry);
  }

  /**
   * Ends an operation and stores the result: a finished delete forgets the instance (and any
   * pending orphan mitigation of it); a finished update applies its target; a failure keeps
   * the broker's description and, where the OSB table says so, starts orphan mitigation.
   * Returns the stored instance, or undefined when it was forgotten.
   */
  async finish(record: InstanceRecord, end: OperationEnd): Promise<InstanceRecord | undefined> {
    const operation = { ...record.operation, nextPollAt: null, brokerOperation: null, updateTarget: null };
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
          ? { planId: target.planId, parameters: target.parameters, maintenanceInfoVersion: target.maintenanceInfoVersion, usable: true }
          : {}),
        operation: { ...operation, state: 'succeeded', description: end.type === 'succeeded' ? (end.description ?? null) : null },
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
        updateRepeatable: operation.type === 'update' ? failure.updateRepeatable : null,
      },
    };
    await this.deps.instances.save(failed);
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
    return failed;
  }

  private async cancelOrphanMitigation(key: string): Promise<void> {
    this.deps.engine.scheduler.cancel(`om:${key}`);
    await this.deps.orphans.remove(key);
  }

  private scheduleMitigation(entry: OrphanMitigationEntry): void {
    const key = resourceKey(entry);
    this.deps.engine.scheduler.schedule(`om:${key}`, entry.nextAttemptAt, () => this.mitigate(key));
  }

  /** One poll of `last_operation` through the engine. */
  private async poll(id: string): Promise<void> {
    const record = await this.deps.instances.find(id);
    if (!record || record.operation.state !== 'in progress') return;
    const { operation } = record;
    const ref = { instanceId: id, serviceId: record.serviceId, planId: operation.pollPlanId ?? record.planId };
    await this.deps.engine.poll({
      kind: OPERATION_KINDS[operation.type],
      operation,
      logContext: { instanceId: id, operation: operation.type },
      lastOperation: () => this.deps.brokers.broker(record.brokerId).lastOperation(ref, operation.brokerOperation ?? undefined),
      finish: async (end) => {
        await this.finish(record, end);
      },
      continue: async (next) => {
        const continued: InstanceRecord = { ...record, operation: next };
        await this.deps.instances.save(continued);
        this.schedulePoll(continued);
      },
    });
  }

  /** One orphan-mitigation DELETE; retried with backoff until the broker answers 200 or 410. */
  private async mitigate(key: string): Promise<void> {
    const entry = await this.deps.orphans.find(key);
    if (!entry) return;
    const ref = { instanceId: entry.instanceId, serviceId: entry.serviceId, planId: entry.planId };
    const broker = this.deps.brokers.broker(entry.brokerId);
    const reply = entry.bindingId === undefined ? await broker.deprovision(ref) : await broker.unbind({ ...ref, bindingId: entry.bindingId });
    if (orphanMitigationDone(reply)) {
      await this.deps.orphans.remove(key);
      this.deps.log.info({ instanceId: entry.instanceId, bindingId: entry.bindingId, attempts: entry.attempts + 1 }, 'Orphan mitigation done');
      if (entry.forgetInstance) {
        const record = await this.deps.instances.find(entry.instanceId);
        if (record && record.operation.type === 'delete' && record.operation.state === 'failed') await this.deps.instances.remove(record.id);
      }
      return;
    }
    if (!(await this.deps.orphans.find(key))) return;
    const next: OrphanMitigationEntry = { ...entry, ...afterFailedAttempt(this.deps.settings.orphanMitigation, entry, reply, this.deps.engine.now()) };
    this.deps.log.warn({ instanceId: entry.instanceId, bindingId: entry.bindingId, result: describeReply(reply) }, 'Orphan mitigation attempt failed');
    await this.deps.orphans.save(next);
    this.scheduleMitigation(next);
  }
}
