/**
 * The stored service instances with their last operation (table `service_instances`).
 */
import type { ChangeFeed } from '../store/change-feed.ts';
import {
  polledOperationOf,
  polledOperationValues,
  type OperationState,
  type PolledOperation,
  type PolledOperationColumns,
} from '../operations/operation-engine.ts';
import type { Queryable } from '../store/database.ts';
import { LeasedRowWriter, LeaseLostError, StaleRecordError, type TableLeases } from '../store/leases.ts';
import type { InstanceMetadata } from '../osb/outcome.ts';

/** Kinds of instance operations, as users see them. */
export type InstanceOperationType = 'create' | 'update' | 'delete';
/** States of an operation (the OSB `last_operation` states). */
export type InstanceOperationState = OperationState;

/** What a running update applies once the broker confirms it. */
export interface UpdateTarget {
  planId: string;
  parameters: Record<string, unknown>;
  maintenanceInfoVersion: string | null;
}

/** The last operation on an instance. */
export interface InstanceOperation extends PolledOperation {
  type: InstanceOperationType;
  updateRepeatable: boolean | null;
  /** The plan id to poll with (the plan before a plan change). */
  pollPlanId: string | null;
  updateTarget: UpdateTarget | null;
}

/** What the instances list is sorted by (every sort ends with the id, so pages neither repeat nor skip). */
export type InstanceSortKey = 'name' | 'service' | 'created' | 'status';

/** Which page of the instances a project sees to read, what narrows them and how they are sorted. */
export interface InstancePageQuery {
  limit: number;
  offset: number;
  /** Part of the name or of the service's name, ignoring case. */
  search?: string;
  state?: InstanceOperationState;
  serviceId?: string;
  /** `with-us`: only instances other projects share with the project; `by-us`: only its own that it shares. */
  sharing?: 'with-us' | 'by-us';
  /** `created` when absent. */
  sort?: InstanceSortKey;
  order?: 'asc' | 'desc';
}

/** What the repository needs from the catalog to search and sort by service. */
export interface ServiceNames {
  /** The ids of the services whose name contains `text`, ignoring case. */
  idsNamed(text: string): string[];
  /** The service's name, as users see it. */
  nameOf(serviceId: string): string | undefined;
}

/** A row of the instances list: the instance, how it is shared, and whether the platform mitigates it. */
export interface VisibleInstance {
  record: InstanceRecord;
  /** True when another project owns the instance and shared it with this one. */
  sharedIn: boolean;
  /** True when the project owns the instance and shares it with other projects. */
  sharedOut: boolean;
  /** True when the platform still has to delete the instance at its broker (orphan mitigation). */
  orphanMitigationPending: boolean;
}

/** A stored service instance. */
export interface InstanceRecord {
  id: string;
  projectId: string;
  workspaceId: string;
  brokerId: string;
  serviceId: string;
  planId: string;
  locationId: string | null;
  name: string;
  parameters: Record<string, unknown>;
  maintenanceInfoVersion: string | null;
  dashboardUrl: string | null;
  metadata: InstanceMetadata | null;
  usable: boolean;
  createdBy: string;
  createdAt: Date;
  operation: InstanceOperation;
  /** The row's version when it was read (0 for a new instance); a write based on an older one is refused. */
  version: number;
}

interface InstanceRow extends PolledOperationColumns {
  id: string;
  project_id: string;
  workspace_id: string;
  broker_id: string;
  service_id: string;
  plan_id: string;
  location_id: string | null;
  name: string;
  parameters: Record<string, unknown>;
  maintenance_info_version: string | null;
  dashboard_url: string | null;
  metadata: InstanceMetadata | null;
  usable: boolean;
  created_by: string;
  created_at: Date | string;
  operation_type: InstanceOperationType;
  operation_update_repeatable: boolean | null;
  poll_plan_id: string | null;
  update_target: UpdateTarget | null;
  version: number;
}

/** Columns in the order `insert` writes them. */
const COLUMNS = [
  'id',
  'project_id',
  'workspace_id',
  'broker_id',
  'service_id',
  'plan_id',
  'location_id',
  'name',
  'parameters',
  'maintenance_info_version',
  'dashboard_url',
  'metadata',
  'usable',
  'created_by',
  'created_at',
  'operation_type',
  'operation_state',
  'operation_description',
  'operation_failure',
  'operation_update_repeatable',
  'operation_requested_by',
  'operation_started_at',
  'broker_operation',
  'poll_plan_id',
  'update_target',
  'operation_deadline',
  'next_poll_at',
  'polls',
  'broker_unreachable_since',
  'broker_last_error',
] as const;

const JSON_COLUMNS = new Set(['parameters', 'metadata', 'update_target']);

/** What {@link fromRow} reads of a `service_instances` row (leaving out the lease columns). */
const RECORD_COLUMNS = [...COLUMNS, 'version'] as const;

function toRow(record: InstanceRecord): unknown[] {
  const op = record.operation;
  const values: Record<(typeof COLUMNS)[number], unknown> = {
    id: record.id,
    project_id: record.projectId,
    workspace_id: record.workspaceId,
    broker_id: record.brokerId,
    service_id: record.serviceId,
    plan_id: record.planId,
    location_id: record.locationId,
    name: record.name,
    parameters: record.parameters,
    maintenance_info_version: record.maintenanceInfoVersion,
    dashboard_url: record.dashboardUrl,
    metadata: record.metadata,
    usable: record.usable,
    created_by: record.createdBy,
    created_at: record.createdAt.toISOString(),
    ...polledOperationValues(op),
    operation_type: op.type,
    operation_update_repeatable: op.updateRepeatable,
    poll_plan_id: op.pollPlanId,
    update_target: op.updateTarget,
  };
  return COLUMNS.map((column) => {
    const value = values[column];
    return JSON_COLUMNS.has(column) && value !== null ? JSON.stringify(value) : value;
  });
}

function fromRow(row: InstanceRow): InstanceRecord {
  return {
    id: row.id,
    projectId: row.project_id,
    workspaceId: row.workspace_id,
    brokerId: row.broker_id,
    serviceId: row.service_id,
    planId: row.plan_id,
    locationId: row.location_id,
    name: row.name,
    parameters: row.parameters,
    maintenanceInfoVersion: row.maintenance_info_version,
    dashboardUrl: row.dashboard_url,
    metadata: row.metadata,
    usable: row.usable,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    // Assigned rather than spread into a new object: the spread cost the instances list several
    // microseconds a row.
    operation: Object.assign(polledOperationOf(row), {
      type: row.operation_type,
      updateRepeatable: row.operation_update_repeatable,
      pollPlanId: row.poll_plan_id,
      updateTarget: row.update_target,
    }),
    version: row.version,
  };
}

/** Thrown by `insert` when the project already has an instance of that name. */
export class DuplicateInstanceNameError extends Error {
  override readonly name = 'DuplicateInstanceNameError';
}

/** What the repository works with besides the database. */
export interface InstanceRepositoryOptions {
  /** This replica's leases on instance operations: writes of running operations require the lease. */
  leases?: TableLeases;
  /** Where changes of instances are announced (to every replica). */
  changes?: ChangeFeed;
}

/**
 * Reads and writes `service_instances`. An operation's row is written only by the replica that
 * holds its lease (taken when the operation starts, given back when it ends), and an idle row
 * only from an up-to-date copy (its `version`).
 */
export class InstanceRepository {
  private readonly writer: LeasedRowWriter;
  private readonly changes: ChangeFeed | undefined;

  /**
   * @param database where the instances live
   * @param options this replica's leases and the change feed
   */
  constructor(
    private readonly database: Queryable,
    options: InstanceRepositoryOptions = {},
  ) {
    const placeholder = (column: string, n: number) => `$${n}${JSON_COLUMNS.has(column) ? '::jsonb' : ''}`;
    this.writer = new LeasedRowWriter(database, 'service_instances', COLUMNS, placeholder, options.leases);
    this.changes = options.changes;
  }

  /**
   * Stores a new instance, with this replica's lease on its operation; throws
   * `DuplicateInstanceNameError` when the name is taken in the project.
   */
  async insert(record: InstanceRecord): Promise<void> {
    await this.nameChecked(record, () => this.writer.insert(toRow(record), inProgress(record)));
    await this.announce(record);
  }

  /**
   * Stores the progress or the end of the instance's running operation; an ended operation gives
   * back its lease. Throws `LeaseLostError` when another replica took the operation over, and
   * `DuplicateInstanceNameError` on a taken name.
   */
  async save(record: InstanceRecord): Promise<void> {
    if (!(await this.nameChecked(record, () => this.writer.saveOwned(toRow(record), inProgress(record))))) {
      throw new LeaseLostError(record.id);
    }
    await this.announce(record);
  }

  /**
   * Saves `record`, which starts an operation (taking its lease) or renames the instance, unless
   * the stored instance already has an operation in progress (two requests racing for the same
   * instance). Returns whether it was saved; throws `StaleRecordError` when the instance changed
   * since `record` was read.
   */
  async saveIfIdle(record: InstanceRecord): Promise<boolean> {
    const result = await this.nameChecked(record, () =>
      this.writer.saveIfIdle(toRow(record), record.version, inProgress(record)),
    );
    if (result === 'stale') throw new StaleRecordError(record.id);
    if (result === 'saved') await this.announce(record);
    return result === 'saved';
  }

  private async nameChecked<T>(record: InstanceRecord, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new DuplicateInstanceNameError(record.name);
      throw error;
    }
  }

  private async announce(record: Pick<InstanceRecord, 'id' | 'projectId'>): Promise<void> {
    await this.changes?.publish({ kind: 'instance', projectId: record.projectId, instanceId: record.id });
  }

  /** One instance by id. */
  async find(id: string): Promise<InstanceRecord | undefined> {
    const { rows } = await this.database.query<InstanceRow>('SELECT * FROM service_instances WHERE id = $1', [id]);
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  /**
   * One page of the instances a project sees (its own and those other projects shared with it),
   * narrowed and sorted in the database; with the number of instances that match in all. One
   * query: the narrow visible rows are filtered and counted, sorted and paged, and only the page's
   * instances are read whole (and only for them whether they are shared or mitigated). Searching
   * and sorting by service read the services' names from `services`.
   */
  async pageVisibleTo(
    projectId: string,
    page: InstancePageQuery,
    services: ServiceNames,
  ): Promise<{ rows: VisibleInstance[]; total: number }> {
    const parameters: unknown[] = [projectId];
    const parameter = (value: unknown, cast = '') => `$${parameters.push(value)}${cast}`;
    const conditions: string[] = [];
    if (page.search) {
      const pattern = parameter(`%${page.search.replace(/[\\%_]/g, '\\$&')}%`);
      conditions.push(
        `(name ILIKE ${pattern} OR service_id = ANY(${parameter(services.idsNamed(page.search), '::text[]')}))`,
      );
    }
    if (page.state) conditions.push(`operation_state = ${parameter(page.state)}`);
    if (page.serviceId) conditions.push(`service_id = ${parameter(page.serviceId)}`);
    if (page.sharing) conditions.push(page.sharing === 'with-us' ? 'shared_in' : 'shared_out');
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';

    let serviceNames = '{}';
    if (page.sort === 'service') {
      const { rows } = await this.database.query<{ service_id: string }>(
        `${VISIBLE} SELECT DISTINCT service_id FROM visible`,
        [projectId],
      );
      serviceNames = JSON.stringify(
        Object.fromEntries(rows.map(({ service_id }) => [service_id, services.nameOf(service_id) ?? service_id])),
      );
    }
    const order = sortColumns(page.sort ?? 'created', () => parameter(serviceNames, '::jsonb'))
      .map((column) => `${column} ${page.order === 'desc' ? 'DESC' : 'ASC'}`)
      .join(', ');
    // Each source of visible instances (the project's own, those shared with it) gives its first
    // `offset + limit` matches in order, and the page is cut from both: the project's own come
    // straight from the index on (project_id, created_at, id) when sorted by order time.
    const firstMatches = parameter(page.offset + page.limit);
    const matchesOf = (source: string) =>
      `(SELECT id, shared_in, name, service_id, operation_state, created_at FROM (${source}) visible ${where}
        ORDER BY ${order} LIMIT ${firstMatches})`;
    // One statement, so that the page and the count see the same snapshot. The count is an
    // aggregate of its own: a window (`count(*) OVER ()`) over the matches cost the embedded
    // database more than filtering and sorting them (8 of 16 ms with 1,000 instances). The page's
    // instances come as one JSON text, an array of values per instance in the order of
    // `PAGE_COLUMNS`, which the database writes and `JSON.parse` reads far faster than the drivers
    // decode a row of 31 columns field by field (and faster than objects that repeat the names).
    // The statement is prepared: parsing and planning it cost the embedded database as much as
    // running it.
    const [result] = (
      await this.database.query<{ listed: string | null; total: string | number }>(
        `${VISIBLE}, page AS (
          SELECT id, shared_in FROM (${matchesOf(OWN)} UNION ALL ${matchesOf(SHARED_WITH)}) visible
          ORDER BY ${order} LIMIT ${parameter(page.limit)} OFFSET ${parameter(page.offset)}
        )
        SELECT (SELECT count(*) FROM visible ${where}) AS total,
          (SELECT json_agg(json_build_array(${RECORD_COLUMNS.join(', ')}, page.shared_in,
              NOT page.shared_in AND EXISTS (SELECT 1 FROM service_instance_shares s WHERE s.instance_id = i.id),
              EXISTS (SELECT 1 FROM orphan_mitigations o WHERE o.instance_id = i.id AND o.binding_id IS NULL)
            ) ORDER BY ${order})::text
            FROM page JOIN service_instances i USING (id)) AS listed`,
        parameters,
        { prepare: true },
      )
    ).rows;
    const rows = result?.listed ? (JSON.parse(result.listed) as unknown[][]).map(pageRowOf) : [];
    return {
      rows: rows.map((row) => ({
        record: fromRow(row),
        sharedIn: row.shared_in,
        sharedOut: row.shared_out,
        orphanMitigationPending: row.orphan_mitigation_pending,
      })),
      total: Number(result?.total ?? 0),
    };
  }

  /** The services of the instances a project sees (its own and those shared with it), each with how many. */
  async countByService(projectId: string): Promise<{ serviceId: string; count: number }[]> {
    const { rows } = await this.database.query<{ service_id: string; count: string }>(
      `${VISIBLE} SELECT service_id, count(*) AS count FROM visible GROUP BY service_id ORDER BY service_id`,
      [projectId],
    );
    return rows.map((row) => ({ serviceId: row.service_id, count: Number(row.count) }));
  }

  /** All instances a project owns, oldest first. */
  async findByProject(projectId: string): Promise<InstanceRecord[]> {
    const { rows } = await this.database.query<InstanceRow>(
      'SELECT * FROM service_instances WHERE project_id = $1 ORDER BY created_at, id',
      [projectId],
    );
    return rows.map(fromRow);
  }

  /** The instances with the given ids (in no particular order). */
  async findMany(ids: readonly string[]): Promise<InstanceRecord[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.database.query<InstanceRow>(
      'SELECT * FROM service_instances WHERE id = ANY($1::text[])',
      [ids],
    );
    return rows.map(fromRow);
  }

  /** Forgets an instance (one whose operation runs only by the replica holding its lease). */
  async remove(id: string): Promise<void> {
    const removed = await this.writer.remove(id);
    if (removed) await this.announce({ id, projectId: removed.projectId });
  }
}

/** An instance of the list query's page (times as ISO text), with how it is shared and whether it is mitigated. */
type PageRow = InstanceRow & {
  shared_in: boolean;
  shared_out: boolean;
  orphan_mitigation_pending: boolean;
};

/** The columns of a row of the list query's page, in the order the query writes them. */
const PAGE_COLUMNS = [...RECORD_COLUMNS, 'shared_in', 'shared_out', 'orphan_mitigation_pending'] as const;

/** A row of the list query's page from its array of values. */
function pageRowOf(values: unknown[]): PageRow {
  const row: Record<string, unknown> = {};
  PAGE_COLUMNS.forEach((column, index) => (row[column] = values[index]));
  return row as unknown as PageRow;
}

/**
 * The instances a project owns, with the columns the list narrows and sorts by, marked when the
 * project shares them. `$1` is the project's id.
 */
const OWN = `SELECT i.id, i.name, i.service_id, i.operation_state, i.created_at, false AS shared_in,
    EXISTS (SELECT 1 FROM service_instance_shares s WHERE s.instance_id = i.id) AS shared_out
  FROM service_instances i WHERE i.project_id = $1`;

/** The instances other projects share with the project `$1`, with the same columns as {@link OWN}. */
const SHARED_WITH = `SELECT i.id, i.name, i.service_id, i.operation_state, i.created_at, true AS shared_in,
    false AS shared_out
  FROM service_instances i JOIN service_instance_shares s ON s.instance_id = i.id
  WHERE s.target_project_id = $1`;

/**
 * The instances a project sees: its own and those shared with it. Not materialized: each use
 * computes only the columns it reads (whether an instance is shared out only when filtered by it).
 */
const VISIBLE = `WITH visible AS NOT MATERIALIZED (${OWN} UNION ALL ${SHARED_WITH})`;

/** Order of the statuses when sorting by status: failures first, then running operations, then the rest. */
const STATUS_RANK = "CASE operation_state WHEN 'failed' THEN 0 WHEN 'in progress' THEN 1 ELSE 2 END";
/** Names compare by their lower-case letters, byte by byte, the same on every database. */
const NAME = 'lower(name) COLLATE "C"';

/** The columns a sort orders by, each ending with the id as the tie-breaker. */
function sortColumns(sort: InstanceSortKey, serviceNames: () => string): string[] {
  switch (sort) {
    case 'name':
      return [NAME, 'id'];
    case 'service':
      return [`lower(${serviceNames()} ->> service_id) COLLATE "C"`, NAME, 'id'];
    case 'status':
      return [STATUS_RANK, NAME, 'id'];
    case 'created':
      return ['created_at', 'id'];
  }
}

function inProgress(record: { operation: { state: string } }): boolean {
  return record.operation.state === 'in progress';
}
