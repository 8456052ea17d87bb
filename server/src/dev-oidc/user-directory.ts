/**
 * The users of the development OpenID provider: checks their passwords and supplies the
 * claims of their tokens.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** A user who can sign in at the development OpenID provider. */
export interface DevOidcUser {
  /** The user id; becomes the `sub` and `preferred_username` claims. */
  id: string;
  /** The full name; becomes the `name` claim. */
  displayName: string;
  /** Becomes the `email` claim. */
  email?: string;
  /** The password, in plain text (development only). */
  password: string;
}

/** The claims the provider may release about a user (which ones depends on the scopes, see `CLAIMS_BY_SCOPE`). */
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- a type, unlike an interface, fits oidc-provider's Record<string, unknown> claims
export type UserClaims = { sub: string; name: string; preferred_username: string; email?: string };

/** Which claims each scope releases. */
export const CLAIMS_BY_SCOPE = {
  openid: ['sub'],
  profile: ['name', 'preferred_username'],
  email: ['email'],
} as const;

/** Looks users up and checks their passwords. */
export class UserDirectory {
  private readonly users: ReadonlyMap<string, DevOidcUser>;

  /** @param users the users who may sign in; ids must be unique */
  constructor(users: readonly DevOidcUser[]) {
    this.users = new Map(users.map((user) => [user.id, user]));
    if (this.users.size !== users.length) throw new Error('The development OpenID provider users must have unique ids');
  }

  /** The user with this id, if any. */
  find(id: string): DevOidcUser | undefined {
    return this.users.get(id);
  }

  /**
   * The user whose id and password these are, else undefined. The password comparison takes
   * the same time whether or not the user exists and however much of the password matches.
   * A user without a password cannot sign in.
   */
  authenticate(username: string, password: string): DevOidcUser | undefined {
    const user = this.users.get(username);
    const matches = timingSafeEqual(digest(password), digest(user?.password ?? ''));
    return user && user.password !== '' && matches ? user : undefined;
  }

  /** The claims of a user's tokens. */
  static claimsOf(user: DevOidcUser): UserClaims {
    return {
      sub: user.id,
      name: user.displayName,
      preferred_username: user.id,
      ...(user.email ? { email: user.email } : {}),
    };
  }
}

/** Fixed-length digest, so that passwords of any length compare in constant time. */
function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
