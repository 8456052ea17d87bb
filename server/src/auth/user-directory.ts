/**
 * The display names of users, as the platform knows them: configured users by their configured
 * name, other users by the name their token carried when they last used the platform (table
 * `user_names`). Answers name users where they would otherwise show a bare user id.
 */
import type { UserConfig } from '../config/config.ts';
import type { Queryable } from '../store/database.ts';

/** A user's display name by id, where the platform knows one. */
export type UserNames = (userId: string) => string | undefined;

/** Finds and remembers users' display names. */
export class UserDirectory {
  private readonly configured: Map<string, string>;
  /** Names this replica stored or read, so that each is written once. */
  private readonly remembered = new Map<string, string>();

  /**
   * @param database where the names of users from tokens are kept
   * @param users the configured users
   * @param clock the current time in ms since the epoch
   */
  constructor(
    private readonly database: Queryable,
    users: readonly Pick<UserConfig, 'id' | 'displayName'>[],
    private readonly clock: () => number,
  ) {
    this.configured = new Map(users.map((user) => [user.id, user.displayName]));
  }

  /** Keeps the display name of a signed-in user who is not configured (written only when it changed). */
  async remember(user: { id: string; displayName: string }): Promise<void> {
    if (this.configured.has(user.id) || this.remembered.get(user.id) === user.displayName) return;
    await this.database.query(
      `INSERT INTO user_names (user_id, display_name, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET display_name = EXCLUDED.display_name, updated_at = EXCLUDED.updated_at`,
      [user.id, user.displayName, new Date(this.clock()).toISOString()],
    );
    this.remembered.set(user.id, user.displayName);
  }

  /** The display names of the given users that the platform knows, looked up at once. */
  async names(userIds: Iterable<string>): Promise<UserNames> {
    const unknown = [...new Set(userIds)].filter((id) => !this.configured.has(id) && !this.remembered.has(id));
    if (unknown.length > 0) {
      const { rows } = await this.database.query<{ user_id: string; display_name: string }>(
        'SELECT user_id, display_name FROM user_names WHERE user_id = ANY($1::text[])',
        [unknown],
      );
      for (const row of rows) this.remembered.set(row.user_id, row.display_name);
    }
    return (userId) => this.configured.get(userId) ?? this.remembered.get(userId);
  }
}
