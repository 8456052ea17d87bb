/**
 * The orphan-mitigation queue (table `orphan_mitigations`): resources the platform keeps
 * deleting at their broker until the broker confirms.
 */
import type { Queryable } from '../store/database.ts';
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
}

interface EntryRow {
  broker_id: string;
  instance_id: string;
  binding_id: string | null;
  service_id: string;
  plan_id: string;
  reason: string;
  forget_instance: boolean;
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
    attempts: row.attempts,
    nextAttemptAt: new Date(row.next_attempt_at).getTime(),
    ...(row.last_result !== null ? { lastResult: row.last_result } : {}),
  };
}

/** Reads and writes `orphan_mitigations`. */
export class OrphanMitigationRepository {
  /** @param database where the queue lives */
  constructor(private readonly database: Queryable) {}

  /** Adds an entry, or replaces the one for the same resource. */
  async save(entry: OrphanMitigationEntry): Promise<void> {
    await this.database.query(
      `INSERT INTO orphan_mitigations
         (resource_key, broker_id, instance_id, binding_id, service_id, plan_id, reason, forget_instance,
          attempts, next_attempt_at, last_result, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now())
       ON CONFLICT (resource_key) DO UPDATE SET
         reason = EXCLUDED.reason, forget_instance = EXCLUDED.forget_instance, attempts = EXCLUDED.attempts,
         next_attempt_at = EXCLUDED.next_attempt_at, last_result = EXCLUDED.last_result`,
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
      ],
    );
  }

  /** The entry for a resource key. */
  async find(key: string): Promise<OrphanMitigationEntry | undefined> {
    const { rows } = await this.database.query<EntryRow>('SELECT * FROM orphan_mitigations WHERE resource_key = $1', [key]);
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  /** Every pending entry. */
  async listAll(): Promise<OrphanMitigationEntry[]> {
    const { rows } = await this.database.query<EntryRow>('SELECT * FROM orphan_mitigations ORDER BY next_attempt_at');
    return rows.map(fromRow);
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
    await this.database.query('DELETE FROM orphan_mitigations WHERE resource_key = $1', [key]);
  }
}
