/**
 * The demo broker's state: service instances and bindings of every broker prefix, with the
 * operations running on them, persisted as one JSON file.
 *
 * Asynchronous operations are recorded with their start time and duration and complete
 * lazily: whoever reads a record first settles it. An operation that was running when the
 * broker stopped therefore continues after a restart, measured from its original start.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** What an operation does. */
export type OperationKind = 'provision' | 'update' | 'deprovision' | 'bind' | 'unbind';

/** Changes an update applies when it completes. */
export interface PendingUpdate {
  planId: string;
  parameters: Record<string, unknown>;
  maintenanceInfo?: Record<string, unknown>;
  context?: Record<string, unknown>;
}

/** An operation on an instance or a binding; async ones take `durationMs`. */
export interface OperationRecord {
  /** The `operation` value handed to the platform. */
  id: string;
  kind: OperationKind;
  startedAt: string;
  durationMs: number;
  /** Set once the operation has finished. */
  state?: 'succeeded' | 'failed';
  pendingUpdate?: PendingUpdate;
}

/** The decoded `X-Broker-API-Originating-Identity` header: platform and its JSON value. */
export interface OriginatingIdentity {
  platform: string;
  /** The decoded JSON value, or the raw base64 text when it does not decode. */
  value: unknown;
}

/** Lifecycle of an instance or a binding; `deleted` records are kept as tombstones. */
export type ResourceStatus = 'creating' | 'ready' | 'deleted';

/** A service instance and everything the creating request told the broker. */
export interface InstanceRecord {
  id: string;
  serviceId: string;
  planId: string;
  parameters: Record<string, unknown>;
  context?: Record<string, unknown>;
  organizationGuid?: string;
  spaceGuid?: string;
  maintenanceInfo?: Record<string, unknown>;
  originatingIdentity?: OriginatingIdentity;
  createdAt: string;
  updatedAt: string;
  dashboardUrl: string;
  status: ResourceStatus;
  lastOperation?: OperationRecord;
}

/** A service binding, its credentials and what the creating request told the broker. */
export interface BindingRecord {
  id: string;
  instanceId: string;
  serviceId: string;
  planId: string;
  parameters: Record<string, unknown>;
  bindResource?: Record<string, unknown>;
  /** The binding this one rotated (OSB `predecessor_binding_id`). */
  predecessorBindingId?: string;
  context?: Record<string, unknown>;
  originatingIdentity?: OriginatingIdentity;
  createdAt: string;
  credentials: Record<string, unknown>;
  status: ResourceStatus;
  lastOperation?: OperationRecord;
}

/** Instances and bindings of one broker prefix. */
export interface BrokerState {
  instances: Record<string, InstanceRecord>;
  bindings: Record<string, BindingRecord>;
}

interface StateFile {
  version: 1;
  brokers: Record<string, BrokerState>;
}

/** Progress of an operation at a point in time. */
export interface OperationProgress {
  done: boolean;
  /** Whole percent, 0 to 100. */
  percent: number;
}

/** How far `operation` has come at `now`. */
export function operationProgress(operation: OperationRecord, now = Date.now()): OperationProgress {
  if (operation.state) return { done: true, percent: 100 };
  const elapsed = now - Date.parse(operation.startedAt);
  if (operation.durationMs <= 0 || elapsed >= operation.durationMs) return { done: true, percent: 100 };
  return { done: false, percent: Math.max(0, Math.min(99, Math.floor((elapsed / operation.durationMs) * 100))) };
}

/**
 * A new operation record starting now. A synchronous operation has duration 0: settling the
 * record right away completes it.
 */
export function startOperation(
  kind: OperationKind,
  durationMs: number,
  pendingUpdate?: PendingUpdate,
): OperationRecord {
  return {
    id: `${kind}-${randomUUID()}`,
    kind,
    startedAt: new Date().toISOString(),
    durationMs,
    ...(pendingUpdate ? { pendingUpdate } : {}),
  };
}

/** All state of the demo broker, optionally persisted to a JSON file written atomically. */
export class DemoBrokerStore {
  private state: StateFile = { version: 1, brokers: {} };
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  private constructor(private readonly stateFile: string | undefined) {}

  /** Opens the store, reading `stateFile` when it exists. */
  static async open(stateFile: string | undefined): Promise<DemoBrokerStore> {
    const store = new DemoBrokerStore(stateFile);
    if (stateFile) {
      await mkdir(dirname(stateFile), { recursive: true });
      try {
        const saved = JSON.parse(await readFile(stateFile, 'utf8')) as Partial<StateFile>;
        if (saved.version === 1 && saved.brokers && typeof saved.brokers === 'object')
          store.state.brokers = saved.brokers;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    return store;
  }

  /** The state of one broker prefix (created empty on first use). */
  broker(prefix: string): BrokerState {
    return (this.state.brokers[prefix] ??= { instances: {}, bindings: {} });
  }

  /** Finds a live (not deleted) instance by id in any broker prefix. */
  findInstanceAnywhere(instanceId: string): { prefix: string; instance: InstanceRecord } | undefined {
    for (const [prefix, broker] of Object.entries(this.state.brokers)) {
      const instance = broker.instances[instanceId];
      if (instance && instance.status !== 'deleted') return { prefix, instance: this.settleInstance(instance) };
    }
    return undefined;
  }

  /** Completes the instance's operation if its time is up; returns the instance. */
  settleInstance(instance: InstanceRecord): InstanceRecord {
    const operation = instance.lastOperation;
    if (!operation || operation.state || !operationProgress(operation).done) return instance;
    operation.state = 'succeeded';
    if (operation.kind === 'provision') instance.status = 'ready';
    if (operation.kind === 'deprovision') instance.status = 'deleted';
    if (operation.kind === 'update' && operation.pendingUpdate) {
      const { planId, parameters, maintenanceInfo, context } = operation.pendingUpdate;
      instance.planId = planId;
      instance.parameters = parameters;
      if (maintenanceInfo) instance.maintenanceInfo = maintenanceInfo;
      if (context) instance.context = context;
      delete operation.pendingUpdate;
    }
    instance.updatedAt = new Date().toISOString();
    this.save();
    return instance;
  }

  /** Completes the binding's operation if its time is up; returns the binding. */
  settleBinding(binding: BindingRecord): BindingRecord {
    const operation = binding.lastOperation;
    if (!operation || operation.state || !operationProgress(operation).done) return binding;
    operation.state = 'succeeded';
    if (operation.kind === 'bind') binding.status = 'ready';
    if (operation.kind === 'unbind') binding.status = 'deleted';
    this.save();
    return binding;
  }

  /** Schedules a write of the state file (writes are serialised; the file is replaced atomically). */
  save(): void {
    if (!this.stateFile) return;
    if (this.dirty) return;
    this.dirty = true;
    this.writing = this.writing.then(() => this.write());
  }

  /** Waits until every scheduled write has reached the disk. */
  async flush(): Promise<void> {
    await this.writing;
  }

  private async write(): Promise<void> {
    if (!this.stateFile) return;
    this.dirty = false;
    const temporary = `${this.stateFile}.${process.pid}.tmp`;
    try {
      await writeFile(temporary, JSON.stringify(this.state, null, 2), { mode: 0o600 });
      await rename(temporary, this.stateFile);
    } catch (error) {
      process.emitWarning(`The demo broker could not save its state: ${(error as Error).message}`);
    }
  }
}
