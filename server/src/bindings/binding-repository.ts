/**
 * The stored service bindings with their last operation (table `service_bindings`) and the
 * events the platform records about them (table `binding_events`). Credentials are only ever
 * handed to this repository sealed by the `CredentialCipher`.
 */
import type { ChangeFeed } from '../store/change-feed.ts';
import {
  polledOperationOf,
  polledOperationValues,
  type PolledOperation,
  type PolledOperationColumns,
} from '../operations/operation-engine.ts';
import type { Database, Queryable } from '../store/database.ts';
import { LeasedRowWriter, LeaseLostError, StaleRecordError, type TableLeases } from '../store/leases.ts';

/** Kinds of binding operations: created and deleted by users, expired by the platform. */
export type BindingOperationType = 'create' | 'delete' | 'expire';

/** The last operation on a binding. */
export interface BindingOperation extends PolledOperation {
  type: BindingOperationType;
}

/** The tenant of a tenant binding. */
export interface BindingTenant {
  id: string;
  locationId: string;
  platform: string;
}

/** How the platform handles a binding's credentials. */
export type CredentialsHandling = 'stored' | 'once';

/** A stored service binding. */
export interface BindingRecord {
  id: string;
  instanceId: string;
  /** The project that created the binding and alone manages it. */
  projectId: string;
  name: string;
  parameters: Record<string, unknown>;
  tenant: BindingTenant | null;
  credentialsHandling: CredentialsHandling;
  /** The credentials sealed by the `CredentialCipher`; null when there are none (yet, or any more). */
  sealedCredentials: string | null;
  expiresAt: Date | null;
  /** When the platform unbound the binding because it had expired. */
  expiredAt: Date | null;
  createdBy: string;
  createdAt: Date;
  /** The binding this one was rotated from (OSB `predecessor_binding_id`); null for an ordinary binding. */
  predecessorId: string | null;
  operation: BindingOperation;
  /** The row's version when it was read (0 for a new binding); a write based on an older one is refused. */
  version: number;
}

/** Kinds of recorded events. */
export type BindingEventKind = 'expired' | 'expiry-failed';

/** Something the platform did to a binding on its own. */
export interface BindingEvent {
  bindingId: string;
  instanceId: string;
  projectId: string;
  kind: BindingEventKind;
  detail: string | null;
  occurredAt: Date;
}

/** Why `insert` refused a new binding: its instance is gone or busy (being deleted, say), or its share is gone or ending. */
export type BindingRefusal =
  | { reason: 'instance-gone' }
  | { reason: 'instance-busy'; operation: string }
  | { reason: 'share-gone' }
  | { reason: 'share-ending' };

/** Thrown by `insert` when the binding's instance or share no longer allows new bindings. */
export class BindingRefusedError extends Error {
  override readonly name = 'BindingRefusedError';

  /** @param refusal why */
  constructor(readonly refusal: BindingRefusal) {
    super(`New binding refused: ${refusal.reason}`);
  }
}

/** Thrown by `insert` when the tenant is already bound to the instance. */
export class DuplicateTenantBindingError extends Error {
  override readonly name = 'DuplicateTenantBindingError';
}

interface BindingRow extends PolledOperationColumns {
  id: string;
  instance_id: string;
  project_id: string;
  name: string;
  parameters: Record<string, unknown>;
  tenant_id: string | null;
  tenant_location_id: string | null;
  tenant_platform: string | null;
  credentials_handling: CredentialsHandling;
  credentials: string | null;
  expires_at: Date | string | null;
  expired_at: Date | string | null;
  created_by: string;
  created_at: Date | string;
  operation_type: BindingOperationType;
  predecessor_binding_id: string | null;
  version: number;
}

/** Columns in the order `toRow` writes them. */
const COLUMNS = [
  'id',
  'instance_id',
  'project_id',
  'name',
  'parameters',
  'tenant_id',
  'tenant_location_id',
  'tenant_platform',
  'credentials_handling',
  'credentials',
  'expires_at',
  'expired_at',
  'created_by',
  'created_at',
  'operation_type',
  'operation_state',
  'operation_description',
  'operation_failure',
  'operation_requested_by',
  'operation_started_at',
  'broker_operation',
  'operation_deadline',
  'next_poll_at',
  'polls',
  'broker_unreachable_since',
  'broker_last_error',
  'predecessor_binding_id',
] as const;

function iso(value: Date | null): string | null {
  return value === null ? null : value.toISOString();
}

function dateOrNull(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}

function toRow(record: BindingRecord): unknown[] {
  const values: Record<(typeof COLUMNS)[number], unknown> = {
    id: record.id,
    instance_id: record.instanceId,
    project_id: record.projectId,
    name: record.name,
    parameters: JSON.stringify(record.parameters),
    tenant_id: record.tenant?.id ?? null,
    tenant_location_id: record.tenant?.locationId ?? null,
    tenant_platform: record.tenant?.platform ?? null,
    credentials_handling: record.credentialsHandling,
    credentials: record.sealedCredentials,
    expires_at: iso(record.expiresAt),
    expired_at: iso(record.expiredAt),
    created_by: record.createdBy,
    created_at: record.createdAt.toISOString(),
    operation_type: record.operation.type,
    ...polledOperationValues(record.operation),
    predecessor_binding_id: record.predecessorId,
  };
  return COLUMNS.map((column) => values[column]);
}

function fromRow(row: BindingRow): BindingRecord {
  return {
    id: row.id,
    instanceId: row.instance_id,
    projectId: row.project_id,
    name: row.name,
    parameters: row.parameters,
    tenant:
      row.tenant_id !== null
        ? { id: row.tenant_id, locationId: row.tenant_location_id ?? '', platform: row.tenant_platform ?? '' }
        : null,
    credentialsHandling: row.credentials_handling,
    sealedCredentials: row.credentials,
    expiresAt: dateOrNull(row.expires_at),
    expiredAt: dateOrNull(row.expired_at),
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    predecessorId: row.predecessor_binding_id,
    operation: { ...polledOperationOf(row), type: row.operation_type },
    version: row.version,
  };
}

/**
 * Locks the binding's instance (and the share it is bound under) against deletion and throws
 * `BindingRefusedError` when they no longer allow new bindings.
 */
async function refuseUnlessBindable(tx: Queryable, record: BindingRecord): Promise<void> {
  const { rows } = await tx.query<{ project_id: string; operation_type: string; operation_state: string }>(
    'SELECT project_id, operation_type, operation_state FROM service_instances WHERE id = $1 FOR SHARE',
    [record.instanceId],
  );
  const instance = rows[0];
  if (!instance) throw new BindingRefusedError({ reason: 'instance-gone' });
  if (instance.operation_state === 'in progress')
    throw new BindingRefusedError({ reason: 'instance-busy', operation: instance.operation_type });
  if (instance.project_id === record.projectId) return;
  const shares = await tx.query<{ ending_since: Date | string | null }>(
    'SELECT ending_since FROM service_instance_shares WHERE instance_id = $1 AND target_project_id = $2 FOR SHARE',
    [record.instanceId, record.projectId],
  );
  const share = shares.rows[0];
  if (!share) throw new BindingRefusedError({ reason: 'share-gone' });
  if (share.ending_since !== null) throw new BindingRefusedError({ reason: 'share-ending' });
}

/** What the repository works with besides the database. */
export interface BindingRepositoryOptions {
  /** This replica's leases on binding operations: writes of running operations require the lease. */
  leases?: TableLeases;
  /** Where changes of bindings are announced (to every replica). */
  changes?: ChangeFeed;
}

/**
 * Reads and writes `service_bindings` and `binding_events`. An operation's row is written only
 * by the replica that holds its lease, an idle row only from an up-to-date copy (its `version`).
 */
export class BindingRepository {
  private readonly writer: LeasedRowWriter;
  private readonly changes: ChangeFeed | undefined;
  private readonly leases: TableLeases | undefined;

  /**
   * @param database where the bindings live
   * @param options this replica's leases and the change feed
   */
  constructor(
    private readonly database: Database,
    options: BindingRepositoryOptions = {},
  ) {
    this.writer = this.writerOn(database);
    this.leases = options.leases;
    this.changes = options.changes;
  }

  /**
   * Stores a new binding with this replica's lease on its operation, in one transaction with a
   * check of its instance and, for a project the instance is shared with, its share, both locked
   * (`FOR SHARE`): a delete of the instance or the end of the share that starts meanwhile waits
   * for this insert, and its list of bindings then includes the new one; one that started before
   * makes this insert throw `BindingRefusedError`. Throws `DuplicateTenantBindingError` when the
   * tenant is already bound to the instance.
   */
  async insert(record: BindingRecord): Promise<void> {
    try {
      await this.database.transaction(async (tx) => {
        await refuseUnlessBindable(tx, record);
        await this.writerOn(tx).insert(toRow(record), record.operation.state === 'in progress');
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23505' && record.tenant)
        throw new DuplicateTenantBindingError(record.tenant.id);
      throw error;
    }
    await this.announce(record);
  }

  /**
   * Stores the progress or the end of the binding's running operation (the end gives back its
   * lease). Throws `LeaseLostError` when another replica took the operation over.
   */
  async save(record: BindingRecord): Promise<void> {
    if (!(await this.writer.saveOwned(toRow(record), record.operation.state === 'in progress')))
      throw new LeaseLostError(record.id);
    await this.announce(record);
  }

  /**
   * Saves `record`, which starts an operation (taking its lease), unless the stored binding
   * already has one in progress or has expired (racing requests). Returns whether it was saved;
   * throws `StaleRecordError` when the binding changed since `record` was read.
   */
  async saveIfIdle(record: BindingRecord): Promise<boolean> {
    const result = await this.writer.saveIfIdle(
      toRow(record),
      record.version,
      record.operation.state === 'in progress',
      ' AND expired_at IS NULL',
    );
    if (result === 'stale') throw new StaleRecordError(record.id);
    if (result === 'saved') await this.announce(record);
    return result === 'saved';
  }

  private writerOn(database: Queryable): LeasedRowWriter {
    const placeholder = (column: string, n: number) => `$${n}${column === 'parameters' ? '::jsonb' : ''}`;
    return new LeasedRowWriter(database, 'service_bindings', COLUMNS, placeholder, this.leases);
  }

  private async announce(record: Pick<BindingRecord, 'id' | 'projectId' | 'instanceId'>): Promise<void> {
    await this.changes?.publish({
      kind: 'binding',
      projectId: record.projectId,
      instanceId: record.instanceId,
      bindingId: record.id,
    });
  }

  /** One binding by id. */
  async find(id: string): Promise<BindingRecord | undefined> {
    const { rows } = await this.database.query<BindingRow>('SELECT * FROM service_bindings WHERE id = $1', [id]);
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  /** The bindings of an instance, oldest first; only those of `projectId` when given. */
  async listByInstance(instanceId: string, projectId?: string): Promise<BindingRecord[]> {
    const { rows } = await this.database.query<BindingRow>(
      `SELECT * FROM service_bindings WHERE instance_id = $1 ${projectId !== undefined ? 'AND project_id = $2' : ''} ORDER BY created_at, id`,
      projectId !== undefined ? [instanceId, projectId] : [instanceId],
    );
    return rows.map(fromRow);
  }

  /** The bindings of a project that have an expiry date and have not expired yet, soonest expiry first. */
  async listExpiringOfProject(projectId: string): Promise<BindingRecord[]> {
    const { rows } = await this.database.query<BindingRow>(
      'SELECT * FROM service_bindings WHERE project_id = $1 AND expires_at IS NOT NULL AND expired_at IS NULL ORDER BY expires_at, id',
      [projectId],
    );
    return rows.map(fromRow);
  }

  /** Bindings that expired at or before `now`, are not expired yet on the platform and are idle. */
  async listExpired(now: Date): Promise<BindingRecord[]> {
    const { rows } = await this.database.query<BindingRow>(
      `SELECT * FROM service_bindings
       WHERE expires_at <= $1 AND expired_at IS NULL AND operation_state <> 'in progress'
         AND NOT (operation_type = 'create' AND operation_state = 'failed')
       ORDER BY expires_at, id`,
      [now.toISOString()],
    );
    return rows.map(fromRow);
  }

  /** Forgets a binding (one whose operation runs only by the replica holding its lease). */
  async remove(id: string): Promise<void> {
    const removed = await this.writer.remove(id);
    if (removed) await this.announce({ id, ...removed });
  }

  /** Records an event. */
  async addEvent(event: BindingEvent): Promise<void> {
    await this.database.query(
      'INSERT INTO binding_events (binding_id, instance_id, project_id, kind, detail, occurred_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [event.bindingId, event.instanceId, event.projectId, event.kind, event.detail, event.occurredAt.toISOString()],
    );
  }
}
