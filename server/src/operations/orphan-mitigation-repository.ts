/**
 * The orphan-mitigation queue (table `orphan_mitigations`): resources the platform keeps
 * deleting at their broker until the broker confirms.
 */
import type { Queryable } from '../store/database.ts';
import type { TableLeases } from '../store/leases.ts';
import type { OrphanMitigationState } from './orphan-mitigation.ts';

/** A resource to delete at its broker, with the retry state. */
export interface OrphanMitigationEntry extends OrphanMitigationState {
  brokerId: string;
  instanceId: string;
  /** Set for a binding; absent for the instance itself. */
  bindingId?: string;
  serviceId: string;
  planId: string;
  /** Why the platform mitigates, for operators. */
  reason: string;
  /** After a failed delete: forget the instance once the broker confirms the delete. */
  forgetInstance: boolean;
  /** After a failed unbind: forget the binding once the broker confirms the delete (default false). */
  forgetBinding?: boolean;
}

interface EntryRow {
  broker_id: string;
  instance_id: string;
  binding_id: string | null;
  service_id: string;
  plan_id: string;
  reason: string;
  forget_instance: boolean;
  forget_binding: boolean;
  attempts: number;
  next_attempt_at: Date | string;
  last_result: string | null;
}

/** The key of an entry: the instance id, or `<instance id>/<binding id>`. */
export function resourceKey(entry: Pick<OrphanMitigationEntry, 'instanceId' | 'bindingId'>): string {
  return entry.bindingId === undefined ? entry.instanceId : `${entry.instanceId}/${entry.bindingId}`;
}

function fromRow(row: EntryRow): OrphanMitigationEntry {
  return {
    brokerId: row.broker_id,
    instanceId: row.instance_id,
    ...(row.binding_id !== null ? { bindingId: row.binding_id } : {}),
    serviceId: row.service_id,
    planId: row.plan_id,
    reason: row.reason,
    forgetInstance: row.forget_instance,
    ...(row.forget_binding ? { forgetBinding: true } : {}),
    attempts: row.attempts,
    nextAttemptAt: new Date(row.next_attempt_at).getTime(),
    ...(row.last_result !== null ? { lastResult: row.last_result } : {}),
  };
}

/**
 * Reads and writes `orphan_mitigations`. The replica that queues an entry holds its lease and
 * makes its attempts; another replica claims it when that lease expires.
 */
export class OrphanMitigationRepository {
  /**
   * @param database where the queue lives
   * @param leases this replica's leases on the queue's entries
   */
  constructor(
    private readonly database: Queryable,
    private readonly leases?: TableLeases,
  ) {}

  /** Adds an entry, or replaces the one for the same resource; this replica takes its lease. */
  async save(entry: OrphanMitigationEntry): Promise<void> {
    const owner = this.leases?.owner ?? null;
    await this.database.query(
      `INSERT INTO orphan_mitigations
         (resource_key, broker_id, instance_id, binding_id, service_id, plan_id, reason, forget_instance,
          attempts, next_attempt_at, last_result, created_at, lease_owner, lease_expires_at, forget_binding)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now(), $12::text,
               CASE WHEN $12::text IS NULL THEN NULL ELSE now() + $13::integer * interval '1 millisecond' END, $14)
       ON CONFLICT (resource_key) DO UPDATE SET
         reason = EXCLUDED.reason, forget_instance = EXCLUDED.forget_instance,
         forget_binding = EXCLUDED.forget_binding, attempts = EXCLUDED.attempts,
         next_attempt_at = EXCLUDED.next_attempt_at, last_result = EXCLUDED.last_result,
         lease_owner = EXCLUDED.lease_owner, lease_expires_at = EXCLUDED.lease_expires_at`,
      [
        resourceKey(entry),
        entry.brokerId,
        entry.instanceId,
        entry.bindingId ?? null,
        entry.serviceId,
        entry.planId,
        entry.reason,
        entry.forgetInstance,
        entry.attempts,
        new Date(entry.nextAttemptAt).toISOString(),
        entry.lastResult ?? null,
        owner,
        this.leases?.ttlMs ?? 0,
        entry.forgetBinding ?? false,
      ],
    );
    if (owner !== null) this.leases?.taken(resourceKey(entry));
  }

  /**
   * Stores the retry state after an unsuccessful attempt, unless the entry was removed or
   * restarted meanwhile (its lease is no longer this replica's). Returns whether it was stored.
   */
  async recordAttempt(entry: OrphanMitigationEntry): Promise<boolean> {
    const { rows } = await this.database.query(
      `UPDATE orphan_mitigations SET attempts = $2, next_attempt_at = $3, last_result = $4
       WHERE resource_key = $1 ${this.leases ? 'AND lease_owner = $5' : ''} RETURNING 1`,
      [
        resourceKey(entry),
        entry.attempts,
        new Date(entry.nextAttemptAt).toISOString(),
        entry.lastResult ?? null,
        ...(this.leases ? [this.leases.owner] : []),
      ],
    );
    return rows.length > 0;
  }

  /** The entry for a resource key. */
  async find(key: string): Promise<OrphanMitigationEntry | undefined> {
    const { rows } = await this.database.query<EntryRow>('SELECT * FROM orphan_mitigations WHERE resource_key = $1', [
      key,
    ]);
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  /** The ids of instances (among `instanceIds`) with a pending instance-level entry. */
  async pendingInstanceIds(instanceIds: string[]): Promise<Set<string>> {
    if (instanceIds.length === 0) return new Set();
    const { rows } = await this.database.query<{ instance_id: string }>(
      'SELECT instance_id FROM orphan_mitigations WHERE binding_id IS NULL AND instance_id = ANY($1::text[])',
      [instanceIds],
    );
    return new Set(rows.map((row) => row.instance_id));
  }

  /** Removes the entry for a resource key. */
  async remove(key: string): Promise<void> {
    this.leases?.dropped(key);
    await this.database.query('DELETE FROM orphan_mitigations WHERE resource_key = $1', [key]);
  }
}
