/**
 * Announces changes of instances and bindings to every replica on the same database through
 * PostgreSQL `NOTIFY` (PGlite delivers them within the process), so that open status streams
 * learn of an operation's progress whichever replica made it.
 */
import type { Database } from './database.ts';

/** The notification channel of instance and binding changes. */
const CHANGES_CHANNEL = 'osb_marketplace_changes';

/** Something about an instance changed (the instance itself, or one of its bindings). */
export interface ResourceChange {
  kind: 'instance' | 'binding';
  /** The project that owns the changed instance or binding. */
  projectId: string;
  instanceId: string;
  bindingId?: string;
}

/** Publishes and subscribes to changes. */
export class ChangeFeed {
  /** @param database the database whose notifications carry the changes */
  constructor(private readonly database: Database) {}

  /** Announces a change to every replica (after the write that made it). */
  async publish(change: ResourceChange): Promise<void> {
    await this.database.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, JSON.stringify(change)]);
  }

  /** Calls `handler` with every change from now on; resolves to a function that stops it. */
  subscribe(handler: (change: ResourceChange) => void): Promise<() => Promise<void>> {
    return this.database.listen(CHANGES_CHANNEL, (payload) => {
      const change = parseChange(payload);
      if (change) handler(change);
    });
  }
}

function parseChange(payload: string): ResourceChange | undefined {
  try {
    const value = JSON.parse(payload) as Partial<ResourceChange>;
    return (value.kind === 'instance' || value.kind === 'binding') &&
      typeof value.projectId === 'string' &&
      typeof value.instanceId === 'string'
      ? (value as ResourceChange)
      : undefined;
  } catch {
    return undefined;
  }
}
