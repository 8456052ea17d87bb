/**
 * The one engine behind instance and binding operations: it starts an operation's clock and
 * deadline, settles a `202 Accepted` into the first scheduled poll, and runs each poll of
 * `last_operation` (deadline, request, classification, next poll time). How an operation ends
 * stays with its owner (`finish` of the instance and binding runners).
 */
import type { BrokerUnreachable, BrokerUnreachableReason, OperationFailure } from '@osb/api';
import type { BrokerReply } from '../osb/broker-reply.ts';
import { classifyLastOperation, type PollResult } from '../osb/last-operation.ts';
import { platformFailure, timedOut, type OperationKind } from '../osb/outcome.ts';
import { nextPollDelay, pollingDeadline } from '../osb/polling.ts';
import type { Clock } from './clock.ts';
import type { ProvisioningSettings } from './settings.ts';
import { TaskScheduler } from './task-scheduler.ts';

/** The end of an operation: success (or gone, for a delete) or failure. */
export type OperationEnd = Extract<PollResult, { type: 'succeeded' | 'gone' | 'failed' }>;

/** Where the engine and the runners log (never credentials). */
export interface RunnerLog {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

/** States of an operation (the OSB `last_operation` states). */
export type OperationState = 'in progress' | 'succeeded' | 'failed';

/** Why the broker could not be asked: no connection, no answer in time, or a 5xx answer. */
export type BrokerFaultKind = BrokerUnreachableReason;

/** A running operation whose broker cannot be reached: since when and what the last poll got (the next one is `nextPollAt`). */
export interface BrokerFault {
  since: Date;
  lastError: BrokerFaultKind;
}

/** The stored columns of a broker fault as a `BrokerFault` (null when there is none). */
function brokerFaultOf(since: Date | string | null, lastError: BrokerFaultKind | null): BrokerFault | null {
  return since === null || lastError === null ? null : { since: new Date(since), lastError };
}

/** The fault a poll's answer shows, if any: a transport failure or a 5xx. */
function brokerFaultKind(reply: BrokerReply): BrokerFaultKind | undefined {
  if (reply.kind !== 'response') return reply.kind;
  return reply.status >= 500 ? 'broker-error' : undefined;
}

/** What the API shows of a running operation: until when the platform waits, and a broker it cannot reach. */
export function operationProgress(operation: PolledOperation): {
  deadline?: string;
  brokerUnreachable?: BrokerUnreachable;
} {
  if (operation.state !== 'in progress') return {};
  const fault = operation.brokerFault;
  return {
    ...(operation.deadline ? { deadline: operation.deadline.toISOString() } : {}),
    ...(fault
      ? {
          brokerUnreachable: {
            since: fault.since.toISOString(),
            lastError: fault.lastError,
            ...(operation.nextPollAt ? { nextRetryAt: operation.nextPollAt.toISOString() } : {}),
          },
        }
      : {}),
  };
}

/**
 * The `lastOperation` fields the API shows of every instance and binding operation: its kind and
 * state, why it failed, when it started and for whom, and how it progresses while it runs.
 */
export function lastOperationFields<Type extends string>(operation: PolledOperation & { type: Type }) {
  return {
    type: operation.type,
    state: operation.state,
    ...(operation.description !== null ? { description: operation.description } : {}),
    ...(operation.failure ? { failure: { ...operation.failure } } : {}),
    startedAt: operation.startedAt.toISOString(),
    requestedBy: operation.requestedBy,
    ...operationProgress(operation),
  };
}

/** The fields every polled operation has, instance or binding. */
export interface PolledOperation {
  state: OperationState;
  description: string | null;
  /** After a failure: why, as the API reports it. */
  failure: OperationFailure | null;
  requestedBy: string;
  startedAt: Date;
  /** The broker's `operation`, echoed exactly on every poll. */
  brokerOperation: string | null;
  /** When polling gives up; null: never. */
  deadline: Date | null;
  nextPollAt: Date | null;
  polls: number;
  /** Set while the broker cannot be reached; cleared by its next answer. */
  brokerFault?: BrokerFault | null;
}

/** The columns in which instances and bindings store their polled operation. */
export interface PolledOperationColumns {
  operation_state: OperationState;
  operation_description: string | null;
  operation_failure: OperationFailure | null;
  operation_requested_by: string;
  operation_started_at: Date | string;
  broker_operation: string | null;
  operation_deadline: Date | string | null;
  next_poll_at: Date | string | null;
  polls: number;
  broker_unreachable_since: Date | string | null;
  broker_last_error: BrokerFaultKind | null;
}

/** A stored row's polled operation. */
export function polledOperationOf(row: PolledOperationColumns): PolledOperation {
  return {
    state: row.operation_state,
    description: row.operation_description,
    failure: row.operation_failure,
    requestedBy: row.operation_requested_by,
    startedAt: new Date(row.operation_started_at),
    brokerOperation: row.broker_operation,
    deadline: dateOrNull(row.operation_deadline),
    nextPollAt: dateOrNull(row.next_poll_at),
    polls: row.polls,
    brokerFault: brokerFaultOf(row.broker_unreachable_since, row.broker_last_error),
  };
}

/** A nullable time column as a date. */
function dateOrNull(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}

/** The column values that store a polled operation (`operation_failure` as JSON text). */
export function polledOperationValues(operation: PolledOperation): Record<keyof PolledOperationColumns, unknown> {
  return {
    operation_state: operation.state,
    operation_description: operation.description,
    operation_failure: operation.failure && JSON.stringify(operation.failure),
    operation_requested_by: operation.requestedBy,
    operation_started_at: operation.startedAt.toISOString(),
    broker_operation: operation.brokerOperation,
    operation_deadline: operation.deadline?.toISOString() ?? null,
    next_poll_at: operation.nextPollAt?.toISOString() ?? null,
    polls: operation.polls,
    broker_unreachable_since: operation.brokerFault?.since.toISOString() ?? null,
    broker_last_error: operation.brokerFault?.lastError ?? null,
  };
}

/** One poll of a running operation, as its owner describes it. */
export interface PollStep<O extends PolledOperation> {
  /** The OSB operation being polled. */
  kind: OperationKind;
  operation: O;
  /** Log fields naming the resource (ids only). */
  logContext: object;
  /** Asks the broker's `last_operation` endpoint. */
  lastOperation(): Promise<BrokerReply>;
  /** Ends the operation. */
  finish(end: OperationEnd): Promise<void>;
  /** A succeeded operation that needs one more step (a bind fetches its binding); false: poll again. */
  completeSuccess?(result: Extract<PollResult, { type: 'succeeded' }>): Promise<boolean>;
  /** Stores the still running operation with its next poll time and schedules that poll. */
  continue(operation: O): Promise<void>;
  /** Runs this step again at `at`, storing nothing (a request whose answer may still come). */
  retryAt(at: Date): void;
}

/** What the engine needs. */
export interface OperationEngineDependencies {
  settings: ProvisioningSettings;
  clock: Clock;
  log: RunnerLog;
}

/** Starts, schedules and polls asynchronous broker operations. */
export class OperationEngine {
  /** Runs the polls and the orphan-mitigation attempts. */
  readonly scheduler: TaskScheduler;

  /** @param deps timings, the clock and the log */
  constructor(private readonly deps: OperationEngineDependencies) {
    this.scheduler = new TaskScheduler(
      (key, error) => deps.log.error({ err: error, task: key }, 'A background task failed'),
      deps.clock,
    );
  }

  /** The current time of the platform's clock. */
  now(): number {
    return this.deps.clock();
  }

  /** The fields of an operation that starts now; its deadline honours the plan's `maximum_polling_duration`. */
  start(
    requestedBy: string,
    planMaxPollingDurationSeconds: number | undefined,
    now = this.now(),
  ): PolledOperation & { state: 'in progress' } {
    return {
      state: 'in progress',
      description: null,
      failure: null,
      requestedBy,
      startedAt: new Date(now),
      brokerOperation: null,
      deadline: new Date(pollingDeadline(this.deps.settings.polling, now, planMaxPollingDurationSeconds)),
      nextPollAt: null,
      polls: 0,
      brokerFault: null,
    };
  }

  /** The operation after a `202 Accepted`: the broker's `operation` kept and the first poll timed. */
  accepted<O extends PolledOperation>(operation: O, brokerOperation: string | undefined, reply: BrokerReply): O {
    return { ...operation, brokerOperation: brokerOperation ?? null, nextPollAt: this.nextPollAt(operation, reply, 0) };
  }

  /** Runs `poll` at the operation's `nextPollAt` (at once when unset) under `key`. */
  schedulePoll(key: string, operation: Pick<PolledOperation, 'nextPollAt'>, poll: () => Promise<void>): void {
    this.scheduler.schedule(key, operation.nextPollAt?.getTime() ?? this.now(), poll);
  }

  /**
   * One poll: past the deadline the operation fails without asking (with orphan mitigation
   * unless it is an update); a final answer ends it; otherwise the next poll is scheduled.
   */
  async poll<O extends PolledOperation>(step: PollStep<O>): Promise<void> {
    const { operation } = step;
    if (operation.nextPollAt === null) {
      await this.resolveUnanswered(step);
      return;
    }
    if (this.now() >= (operation.deadline?.getTime() ?? Infinity)) {
      this.deps.log.warn({ ...step.logContext, kind: step.kind }, 'Operation reached its polling deadline');
      await step.finish({
        type: 'failed',
        orphanMitigation: step.kind !== 'update',
        failure: platformFailure('polling-deadline'),
      });
      return;
    }
    const reply = await step.lastOperation();
    const result = classifyLastOperation(step.kind, reply);
    if (result.type === 'succeeded' && step.completeSuccess) {
      if (await step.completeSuccess(result)) return;
    } else if (result.type !== 'in-progress' && result.type !== 'invalid') {
      await step.finish(result);
      return;
    }
    if (result.type === 'invalid')
      this.deps.log.warn({ ...step.logContext, detail: result.detail }, 'Invalid last_operation answer');
    const polls = operation.polls + 1;
    const fault = brokerFaultKind(reply);
    await step.continue({
      ...operation,
      polls,
      // Since the first poll that could not reach the broker; the broker's next answer clears it.
      brokerFault: fault ? { since: operation.brokerFault?.since ?? new Date(this.now()), lastError: fault } : null,
      nextPollAt: this.nextPollAt(operation, reply, polls),
      description:
        result.type === 'in-progress' ? (result.description ?? operation.description) : operation.description,
    });
  }

  /**
   * An operation whose request was sent but whose answer was never stored (no poll time: the
   * replica that sent it stopped while waiting). Once the request timeout has passed since it
   * started, it ends as the spec says for a request that timed out: provision and bind fail with
   * orphan mitigation, update, deprovision and unbind fail and may be repeated. Until then it is
   * looked at again when the request would have timed out.
   */
  private async resolveUnanswered<O extends PolledOperation>(step: PollStep<O>): Promise<void> {
    const timedOutAt = step.operation.startedAt.getTime() + this.deps.settings.requestTimeoutSeconds * 1000;
    if (this.now() < timedOutAt) {
      step.retryAt(new Date(timedOutAt));
      return;
    }
    this.deps.log.warn(
      { ...step.logContext, kind: step.kind },
      'The broker’s answer to the request was never recorded (the platform stopped); it counts as timed out',
    );
    await step.finish(timedOut(step.kind));
  }

  /** Cancels every pending run and waits for the running ones. */
  stop(): Promise<void> {
    return this.scheduler.stop();
  }

  /** When to poll next after an answer, honouring its `Retry-After`, never beyond the deadline. */
  private nextPollAt(operation: PolledOperation, reply: BrokerReply, pollsSoFar: number): Date {
    const now = this.now();
    const retryAfter = reply.kind === 'response' ? reply.retryAfter : undefined;
    return new Date(
      now + nextPollDelay(this.deps.settings.polling, pollsSoFar, retryAfter, now, operation.deadline?.getTime()),
    );
  }
}
