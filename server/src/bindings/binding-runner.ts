/**
 * The broker side of binding operations after the first answer: unbinding (for users and for
 * expiry), polling `…/service_bindings/:bid/last_operation` of asynchronous operations,
 * fetching the credentials with `GET …/service_bindings/:bid` once an asynchronous bind
 * succeeded, and storing how each operation ended. It builds on the provisioning machinery:
 * the same answer classification, `TaskScheduler`, poll timing, and the orphan-mitigation
 * queue of the `OperationRunner`. State lives in the database, so polls resume after a restart.
 */
import type { ServiceOffering } from '@osb/api';
import { failureDetails, outcomeOf, type ActivityActor, type ActivityRecorder } from '../activity/activity-log.ts';
import { bindingActivity } from './binding-activity.ts';
import type { BrokerDirectory } from '../osb/osb-clients.ts';
import type { InstanceRecord } from '../provisioning/instance-repository.ts';
import type { OrphanMitigationRequest } from '../provisioning/operation-runner.ts';
import { classifyReply, operationFailure, type BindingResult, type BrokerFailure } from '../osb/outcome.ts';
import type { BindingRef, RequestingUser } from '../osb/requests.ts';
import type { OperationEngine, RunnerLog } from '../operations/operation-engine.ts';
import type { BindingRecord, BindingRepository } from './binding-repository.ts';
import type { CredentialCipher } from './credential-cipher.ts';
import { LeaseSweeper, type ClaimedWork, type LeaseSettings, type TableLeases } from '../store/leases.ts';

/** How an operation on a binding ended. */
export type BindingEnd =
  | { type: 'succeeded'; result?: BindingResult }
  | { type: 'gone' }
  | { type: 'failed'; orphanMitigation: boolean; failure: BrokerFailure };

/** What became of an unbind request at once. */
export type UnbindStart =
  | { type: 'done' }
  | { type: 'in-progress'; binding: BindingRecord }
  | { type: 'failed'; binding: BindingRecord; failure: BrokerFailure };

/** What the runner needs. */
export interface BindingRunnerDependencies {
  bindings: BindingRepository;
  /** The instance a binding belongs to. */
  findInstance(instanceId: string): Promise<InstanceRecord | undefined>;
  findService(serviceId: string, brokerId: string): ServiceOffering | undefined;
  /** The configured brokers' OSB clients. */
  brokers: BrokerDirectory;
  /** Queues orphan mitigation (the provisioning `OperationRunner` retries it). */
  requestOrphanMitigation(request: OrphanMitigationRequest): Promise<void>;
  cipher: CredentialCipher;
  /** Polls and schedules; shared with the instance runner. */
  engine: OperationEngine;
  /** The current time in ms since the epoch (expiry dates and expiry records). */
  clock(): number;
  /** This replica's leases on binding operations, and how often it sweeps. */
  leases: { bindings: TableLeases; settings: LeaseSettings };
  /** Where the start of accepted unbinds and the end of every operation are recorded. */
  activity: ActivityRecorder;
  log: RunnerLog;
}

/** Identifies a binding at its broker. */
export function bindingRef(instance: InstanceRecord, binding: Pick<BindingRecord, 'id'>): BindingRef {
  return { instanceId: instance.id, serviceId: instance.serviceId, planId: instance.planId, bindingId: binding.id };
}

/**
 * When a binding expires: the broker's `metadata.expires_at` when it is a readable date,
 * else its creation plus the plan's `expiryDays`; null when neither applies.
 */
function expiryOf(
  createdAt: Date,
  brokerExpiresAt: string | undefined,
  planExpiryDays: number | undefined,
): Date | null {
  const fromBroker = brokerExpiresAt === undefined ? NaN : Date.parse(brokerExpiresAt);
  if (!Number.isNaN(fromBroker)) return new Date(fromBroker);
  return planExpiryDays === undefined ? null : new Date(createdAt.getTime() + planExpiryDays * 86_400_000);
}

/** Runs and finishes binding operations. */
export class BindingRunner {
  private readonly sweeper: LeaseSweeper;

  /** @param deps the repository, the broker transport, the engine, the cipher, the clock, leases and the log */
  constructor(private readonly deps: BindingRunnerDependencies) {
    this.sweeper = new LeaseSweeper(
      deps.leases.bindings,
      deps.leases.settings,
      (work) => this.schedulePollAt(work),
      deps.log,
    );
  }

  /** Starts sweeping for running binding operations whose lease is free or expired (at once: this resumes after a restart). */
  async start(): Promise<void> {
    this.sweeper.start();
  }

  /** Stops sweeping (the engine then stops the polls). */
  async stop(): Promise<void> {
    await this.sweeper.stop();
  }

  /** Polls the binding's operation at its `nextPollAt` (at once when unset); this replica holds its lease. */
  schedulePoll(record: BindingRecord): void {
    this.schedulePollAt({ key: record.id, dueAt: record.operation.nextPollAt });
  }

  private schedulePollAt({ key, dueAt }: ClaimedWork): void {
    this.deps.engine.schedulePoll(`binding-poll:${key}`, { nextPollAt: dueAt }, () => this.poll(key));
  }

  /**
   * Starts deleting a binding at its broker, for a user (`delete`, with originating identity)
   * or for expiry (`expire`, the platform's own request). The binding must be idle and stored
   * with its operation started; the answer is settled here.
   */
  async unbind(binding: BindingRecord, instance: InstanceRecord, user?: RequestingUser): Promise<UnbindStart> {
    const reply = await this.deps.brokers.broker(instance.brokerId).unbind(bindingRef(instance, binding), user);
    const outcome = classifyReply('unbind', reply);
    if (outcome.type === 'accepted') {
      const accepted: BindingRecord = {
        ...binding,
        operation: this.deps.engine.accepted(binding.operation, outcome.operation, reply),
      };
      await this.deps.bindings.save(accepted);
      await this.deps.activity.record(bindingActivity(accepted, instance, 'started', user ? { actor: user } : {}));
      this.schedulePoll(accepted);
      return { type: 'in-progress', binding: accepted };
    }
    if (outcome.type === 'failed') {
      const failed = await this.finish(binding, instance, outcome, user);
      return { type: 'failed', binding: failed ?? binding, failure: outcome.failure };
    }
    await this.finish(binding, instance, { type: 'gone' }, user);
    return { type: 'done' };
  }

  /**
   * Ends an operation and stores the result. A finished create keeps the credentials (sealed)
   * and the expiry date; a finished delete forgets the binding; a finished expiry keeps the
   * binding as a record without credentials and records the event. A failure keeps the
   * description and, where the OSB table says so, starts orphan mitigation (an expiry that
   * failed is simply tried again at the next check). The end is recorded in the activity log, as
   * asked by `actor` (default: who started it). Returns the stored binding, or undefined when it
   * was forgotten.
   */
  async finish(
    binding: BindingRecord,
    instance: InstanceRecord,
    end: BindingEnd,
    actor?: ActivityActor,
  ): Promise<BindingRecord | undefined> {
    const stored = await this.store(binding, instance, end);
    const details = end.type === 'failed' ? failureDetails(end.failure, end.orphanMitigation) : {};
    await this.deps.activity.record(
      bindingActivity(binding, instance, outcomeOf(end), { details, ...(actor ? { actor } : {}) }),
    );
    return stored;
  }

  private async store(
    binding: BindingRecord,
    instance: InstanceRecord,
    end: BindingEnd,
  ): Promise<BindingRecord | undefined> {
    const operation = { ...binding.operation, nextPollAt: null, brokerOperation: null, brokerFault: null };
    const now = new Date(this.deps.clock());
    if (end.type === 'failed') {
      const failed: BindingRecord = {
        ...binding,
        operation: {
          ...operation,
          state: 'failed',
          description: end.failure.description,
          failure: operationFailure(end.failure),
        },
      };
      // A create's mitigation first: a crash before it would leave a failed binding that users
      // forget without a word to the broker. A delete's after: it forgets only a failed delete.
      const mitigation =
        end.orphanMitigation && operation.type !== 'expire' && this.mitigationOf(binding, instance, end);
      if (mitigation && operation.type === 'create') await this.deps.requestOrphanMitigation(mitigation);
      await this.deps.bindings.save(failed);
      if (mitigation && operation.type === 'delete') await this.deps.requestOrphanMitigation(mitigation);
      if (operation.type === 'expire') await this.record(binding, 'expiry-failed', end.failure.description, now);
      return failed;
    }
    switch (operation.type) {
      case 'delete':
        await this.deps.bindings.remove(binding.id);
        return undefined;
      case 'expire': {
        const expired: BindingRecord = {
          ...binding,
          sealedCredentials: null,
          expiredAt: now,
          operation: { ...operation, state: 'succeeded', description: null },
        };
        await this.deps.bindings.save(expired);
        await this.record(binding, 'expired', null, now);
        this.deps.log.info({ bindingId: binding.id, instanceId: instance.id }, 'Expired binding deleted at the broker');
        return expired;
      }
      case 'create': {
        const result = end.type === 'succeeded' ? (end.result ?? {}) : {};
        const plan = this.deps
          .findService(instance.serviceId, instance.brokerId)
          ?.plans.find((candidate) => candidate.id === instance.planId);
        const created: BindingRecord = {
          ...binding,
          sealedCredentials:
            binding.credentialsHandling === 'stored' && result.credentials
              ? this.deps.cipher.encrypt(result.credentials, binding.id)
              : null,
          expiresAt: expiryOf(binding.createdAt, result.expiresAt, plan?.expiryDays),
          operation: { ...operation, state: 'succeeded', description: null },
        };
        await this.deps.bindings.save(created);
        return created;
      }
    }
  }

  /** The orphan mitigation a failed create or delete of `binding` asks for. */
  private mitigationOf(
    binding: BindingRecord,
    instance: InstanceRecord,
    end: Extract<BindingEnd, { type: 'failed' }>,
  ): OrphanMitigationRequest {
    return {
      brokerId: instance.brokerId,
      instanceId: instance.id,
      bindingId: binding.id,
      serviceId: instance.serviceId,
      planId: instance.planId,
      reason: `binding ${binding.operation.type} failed (${end.failure.reason})`,
      forgetInstance: false,
      // Listed, with its credentials, until the broker confirms the delete.
      forgetBinding: binding.operation.type === 'delete',
    };
  }

  /** Forgets a binding whose failed delete the broker has now confirmed, unless it changed meanwhile. */
  async forgetDeleted(bindingId: string): Promise<void> {
    const binding = await this.deps.bindings.find(bindingId);
    if (binding?.operation.type === 'delete' && binding.operation.state === 'failed') {
      await this.deps.bindings.remove(binding.id);
      this.deps.log.info({ bindingId, instanceId: binding.instanceId }, 'Binding deleted at the broker after all');
    }
  }

  private async record(
    binding: BindingRecord,
    kind: 'expired' | 'expiry-failed',
    detail: string | null,
    at: Date,
  ): Promise<void> {
    await this.deps.bindings.addEvent({
      bindingId: binding.id,
      instanceId: binding.instanceId,
      projectId: binding.projectId,
      kind,
      detail,
      occurredAt: at,
    });
  }

  /** One poll of `last_operation` through the engine; after a successful bind, the credentials are fetched. */
  private async poll(id: string): Promise<void> {
    await this.deps.leases.bindings.whileHeld(
      id,
      () => this.pollOwned(id),
      () => this.deps.log.info({ bindingId: id }, 'Another replica took over the binding operation'),
    );
  }

  private async pollOwned(id: string): Promise<void> {
    const binding = await this.deps.bindings.find(id);
    if (!binding || binding.operation.state !== 'in progress') return;
    const instance = await this.deps.findInstance(binding.instanceId);
    if (!instance) return;
    const { operation } = binding;
    const kind = operation.type === 'create' ? 'bind' : 'unbind';
    const ref = bindingRef(instance, binding);
    const broker = this.deps.brokers.broker(instance.brokerId);
    await this.deps.engine.poll({
      kind,
      operation,
      logContext: { bindingId: id, operation: operation.type },
      lastOperation: () => broker.bindingLastOperation(ref, operation.brokerOperation ?? undefined),
      finish: async (end) => {
        await this.finish(binding, instance, end.type === 'succeeded' ? { type: 'succeeded' } : end);
      },
      completeSuccess: async () => {
        if (kind === 'unbind') {
          await this.finish(binding, instance, { type: 'gone' });
          return true;
        }
        // OSB: after an asynchronous bind the platform fetches the binding, which then carries the credentials.
        const fetched = classifyReply('bind', await broker.fetchBinding(ref), {
          requires: this.deps.findService(instance.serviceId, instance.brokerId)?.requires,
        });
        if (fetched.type === 'already-exists') {
          await this.finish(binding, instance, {
            type: 'succeeded',
            ...(fetched.binding ? { result: fetched.binding } : {}),
          });
          return true;
        }
        this.deps.log.warn({ bindingId: id }, 'The broker did not return the finished binding; trying again');
        return false;
      },
      retryAt: (at) => this.schedulePollAt({ key: id, dueAt: at }),
      continue: async (next) => {
        const continued: BindingRecord = { ...binding, operation: next };
        await this.deps.bindings.save(continued);
        this.schedulePoll(continued);
      },
    });
  }
}
