/**
 * The activity log: every change to a project's instances, bindings and shares, recorded by the
 * services through the small `ActivityRecorder` interface and read a page at a time (table
 * `activity_entries`, migration 008). Entries hold a kind code and safe details only; the
 * details are narrowed to the contract's `ActivityDetails` fields before they are stored, so a
 * caller cannot slip parameters or credentials in. Every entry is announced on the change feed
 * once written: the end of an operation is recorded after the instance or binding that shows it
 * is saved (and announced), so a page that reloads the activity on a change would miss it.
 */
import {
  ACTIVITY_PAGE_DEFAULT,
  type ActivityDetails,
  type ActivityEntry,
  type ActivityKind,
  type ActivityOutcome,
  type ActivityQuery,
} from '@osb/api';
import type { BrokerFailure } from '../osb/outcome.ts';
import type { ChangeFeed } from '../store/change-feed.ts';
import type { Queryable } from '../store/database.ts';

/** Who asked for a change; the display name is looked up when absent (the end of an operation knows only the id). */
export interface ActivityActor {
  id: string;
  displayName?: string;
}

/** One change to record. */
export interface NewActivity {
  projectId: string;
  instanceId: string;
  instanceName: string;
  bindingId?: string;
  bindingName?: string;
  kind: ActivityKind;
  outcome: ActivityOutcome;
  /** Null: the platform itself (expiry). */
  actor: ActivityActor | null;
  details?: ActivityDetails;
}

/** What the instance, binding and share services call: one call per event. */
export interface ActivityRecorder {
  /**
   * Records a change and then announces it as a change of its instance or binding; a failure to
   * record is logged and never fails the change itself.
   */
  record(activity: NewActivity): Promise<void>;
}

/** What the log needs. */
export interface ActivityLogDependencies {
  database: Queryable;
  /** The platform's clock (ms since the epoch). */
  clock: () => number;
  /** Display names of configured users, for actors the log has not seen yet. */
  displayNames: ReadonlyMap<string, string>;
  /** Where a written entry is announced as a change of its instance or binding. */
  changes?: ChangeFeed;
  log: { error(object: object, message: string): void };
}

/** The longest broker message kept in an entry. */
const BROKER_MESSAGE_LIMIT = 500;

const DETAIL_FIELDS = [
  'serviceId',
  'planId',
  'previousPlanId',
  'previousName',
  'maintenanceInfoVersion',
  'targetProjectId',
  'targetProjectName',
  'failureReason',
  'brokerMessage',
  'orphanMitigation',
] as const satisfies readonly (keyof ActivityDetails)[];

interface ActivityRow {
  id: string | number;
  project_id: string;
  instance_id: string;
  instance_name: string;
  binding_id: string | null;
  binding_name: string | null;
  kind: ActivityKind;
  outcome: ActivityOutcome;
  actor_id: string | null;
  actor_name: string | null;
  occurred_at: Date | string;
  details: ActivityDetails;
}

/** Records and reads the activity of projects. */
export class ActivityLog implements ActivityRecorder {
  /** @param deps the database, the clock, the configured users' names and the log */
  constructor(private readonly deps: ActivityLogDependencies) {}

  async record(activity: NewActivity): Promise<void> {
    try {
      const actorName = activity.actor ? await this.displayNameOf(activity.actor) : null;
      await this.deps.database.query(
        `INSERT INTO activity_entries (project_id, instance_id, instance_name, binding_id, binding_name, kind, outcome,
           actor_id, actor_name, occurred_at, details)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          activity.projectId,
          activity.instanceId,
          activity.instanceName,
          activity.bindingId ?? null,
          activity.bindingName ?? null,
          activity.kind,
          activity.outcome,
          activity.actor?.id ?? null,
          actorName,
          new Date(this.deps.clock()).toISOString(),
          JSON.stringify(safeDetails(activity.details ?? {})),
        ],
      );
    } catch (error) {
      this.deps.log.error(
        { err: error, instanceId: activity.instanceId, kind: activity.kind },
        'Cannot record the activity',
      );
      return;
    }
    await this.announce(activity);
  }

  /** Announces a written entry as a change of its binding or instance; a failure is logged. */
  private async announce({ projectId, instanceId, bindingId, kind }: NewActivity): Promise<void> {
    try {
      await this.deps.changes?.publish(
        bindingId !== undefined
          ? { kind: 'binding', projectId, instanceId, bindingId }
          : { kind: 'instance', projectId, instanceId },
      );
    } catch (error) {
      this.deps.log.error({ err: error, instanceId, kind }, 'Cannot announce the activity');
    }
  }

  /** One page of a project's activity, newest first, with how many entries match in all. */
  async page(projectId: string, query: ActivityQuery): Promise<{ entries: ActivityEntry[]; total: number }> {
    const where = `project_id = $1 AND ($2::text IS NULL OR instance_id = $2) AND ($3::text IS NULL OR kind = $3)
      AND ($4::text IS NULL OR outcome = $4)`;
    const parameters = [projectId, query.instanceId ?? null, query.kind ?? null, query.outcome ?? null];
    const [{ rows }, counted] = await Promise.all([
      this.deps.database.query<ActivityRow>(
        `SELECT * FROM activity_entries WHERE ${where} ORDER BY occurred_at DESC, id DESC LIMIT $5 OFFSET $6`,
        [...parameters, query.limit ?? ACTIVITY_PAGE_DEFAULT, query.offset ?? 0],
      ),
      this.deps.database.query<{ total: string }>(
        `SELECT count(*) AS total FROM activity_entries WHERE ${where}`,
        parameters,
      ),
    ]);
    return { entries: rows.map(toEntry), total: Number(counted.rows[0]?.total ?? 0) };
  }

  /** The actor's name as given, else as last recorded, else as configured, else the id. */
  private async displayNameOf(actor: ActivityActor): Promise<string> {
    if (actor.displayName) return actor.displayName;
    const { rows } = await this.deps.database.query<{ actor_name: string }>(
      `SELECT actor_name FROM activity_entries WHERE actor_id = $1 AND actor_name IS NOT NULL
       ORDER BY occurred_at DESC, id DESC LIMIT 1`,
      [actor.id],
    );
    return rows[0]?.actor_name ?? this.deps.displayNames.get(actor.id) ?? actor.id;
  }
}

/** Only the contract's detail fields, with the broker's message capped. */
function safeDetails(details: ActivityDetails): ActivityDetails {
  const safe: Record<string, unknown> = {};
  for (const field of DETAIL_FIELDS) {
    const value = details[field];
    if (value !== undefined) safe[field] = value;
  }
  if (typeof safe['brokerMessage'] === 'string') {
    safe['brokerMessage'] = (safe['brokerMessage'] as string).slice(0, BROKER_MESSAGE_LIMIT);
  }
  return safe as ActivityDetails;
}

function toEntry(row: ActivityRow): ActivityEntry {
  return {
    id: String(row.id),
    at: new Date(row.occurred_at).toISOString(),
    kind: row.kind,
    outcome: row.outcome,
    ...(row.actor_id !== null ? { actor: { id: row.actor_id, displayName: row.actor_name ?? row.actor_id } } : {}),
    instanceId: row.instance_id,
    instanceName: row.instance_name,
    ...(row.binding_id !== null ? { bindingId: row.binding_id } : {}),
    ...(row.binding_name !== null ? { bindingName: row.binding_name } : {}),
    details: row.details,
  };
}

/** The details of a failed operation: the reason code, the broker's own words and whether leftovers are being deleted. */
export function failureDetails(
  failure: Pick<BrokerFailure, 'reason' | 'brokerDescription'>,
  orphanMitigation = false,
): ActivityDetails {
  return {
    failureReason: failure.reason,
    ...(failure.brokerDescription !== undefined ? { brokerMessage: failure.brokerDescription } : {}),
    ...(orphanMitigation ? { orphanMitigation } : {}),
  };
}

/** The outcome of an operation's end (`gone` finishes a delete). */
export function outcomeOf(end: { type: 'succeeded' | 'gone' | 'failed' }): ActivityOutcome {
  return end.type === 'failed' ? 'failed' : 'succeeded';
}
