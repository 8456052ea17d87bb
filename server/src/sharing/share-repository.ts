/**
 * The stored instance shares (table `service_instance_shares`): which instance a project shared
 * with which other project of its workspace.
 */
import type { Queryable } from '../store/database.ts';

/** An instance shared with another project. */
export interface ShareRecord {
  instanceId: string;
  /** The project the instance belongs to (from the instance). */
  ownerProjectId: string;
  targetProjectId: string;
  sharedBy: string;
  createdAt: Date;
  /** When ending the share began (the target can bind no more); null while it runs. */
  endingSince: Date | null;
}

/** Thrown by `insert` when the instance is already shared with the project. */
export class DuplicateShareError extends Error {
  override readonly name = 'DuplicateShareError';
}

interface ShareRow {
  instance_id: string;
  owner_project_id: string;
  target_project_id: string;
  shared_by: string;
  created_at: Date | string;
  ending_since: Date | string | null;
}

const SELECT = `SELECT s.instance_id, i.project_id AS owner_project_id, s.target_project_id, s.shared_by, s.created_at, s.ending_since
  FROM service_instance_shares s JOIN service_instances i ON i.id = s.instance_id`;

function fromRow(row: ShareRow): ShareRecord {
  return {
    instanceId: row.instance_id,
    ownerProjectId: row.owner_project_id,
    targetProjectId: row.target_project_id,
    sharedBy: row.shared_by,
    createdAt: new Date(row.created_at),
    endingSince: row.ending_since === null ? null : new Date(row.ending_since),
  };
}

/** Reads and writes `service_instance_shares`. */
export class ShareRepository {
  /** @param database where the shares live */
  constructor(private readonly database: Queryable) {}

  /** Stores a new share; throws `DuplicateShareError` when it exists. */
  async insert(share: Omit<ShareRecord, 'ownerProjectId' | 'endingSince'>): Promise<void> {
    try {
      await this.database.query(
        'INSERT INTO service_instance_shares (instance_id, target_project_id, shared_by, created_at) VALUES ($1, $2, $3, $4)',
        [share.instanceId, share.targetProjectId, share.sharedBy, share.createdAt.toISOString()],
      );
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new DuplicateShareError(share.targetProjectId);
      throw error;
    }
  }

  /** The share of an instance with a project, if any. */
  async find(instanceId: string, targetProjectId: string): Promise<ShareRecord | undefined> {
    const { rows } = await this.database.query<ShareRow>(
      `${SELECT} WHERE s.instance_id = $1 AND s.target_project_id = $2`,
      [instanceId, targetProjectId],
    );
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  /** The shares of an instance, oldest first. */
  async listByInstance(instanceId: string): Promise<ShareRecord[]> {
    const { rows } = await this.database.query<ShareRow>(
      `${SELECT} WHERE s.instance_id = $1 ORDER BY s.created_at, s.target_project_id`,
      [instanceId],
    );
    return rows.map(fromRow);
  }

  /** The shares of the given instances, oldest first. */
  async listByInstances(instanceIds: readonly string[]): Promise<ShareRecord[]> {
    if (instanceIds.length === 0) return [];
    const { rows } = await this.database.query<ShareRow>(
      `${SELECT} WHERE s.instance_id = ANY($1::text[]) ORDER BY s.created_at, s.target_project_id`,
      [instanceIds],
    );
    return rows.map(fromRow);
  }

  /** The shares with a project, oldest first. */
  async listByTarget(targetProjectId: string): Promise<ShareRecord[]> {
    const { rows } = await this.database.query<ShareRow>(
      `${SELECT} WHERE s.target_project_id = $1 ORDER BY s.created_at, s.instance_id`,
      [targetProjectId],
    );
    return rows.map(fromRow);
  }

  /**
   * Marks the share as ending (keeping an earlier mark). The update waits for bindings being
   * created under the share (they lock its row) and every later one sees the mark, so a list of
   * the target's bindings read afterwards is complete.
   */
  async markEnding(instanceId: string, targetProjectId: string, at: Date): Promise<void> {
    await this.database.query(
      'UPDATE service_instance_shares SET ending_since = COALESCE(ending_since, $3) WHERE instance_id = $1 AND target_project_id = $2',
      [instanceId, targetProjectId, at.toISOString()],
    );
  }

  /** Ends a share. */
  async remove(instanceId: string, targetProjectId: string): Promise<void> {
    await this.database.query('DELETE FROM service_instance_shares WHERE instance_id = $1 AND target_project_id = $2', [
      instanceId,
      targetProjectId,
    ]);
  }
}
