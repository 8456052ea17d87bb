/**
 * When a binding starts to "expire soon": the configured warning period before its expiry, but
 * never more than a share of its whole lifetime, so that a short-lived binding (a 7-day binding
 * with a 7-day warning period) is not announced as expiring from the moment it is created.
 */

/** The largest share of a binding's lifetime (creation to expiry) its warning may cover. */
const WARNING_SHARE_OF_LIFETIME = 0.25;

/**
 * How long before `expiresAt` the warning starts, in ms: the configured `warningMs`, at most a
 * quarter of the lifetime from `createdAt` to `expiresAt` (none for a lifetime of zero or less).
 */
export function expiryWarningWindowMs(createdAt: Date, expiresAt: Date, warningMs: number): number {
  const lifetime = expiresAt.getTime() - createdAt.getTime();
  return Math.max(0, Math.min(warningMs, lifetime * WARNING_SHARE_OF_LIFETIME));
}

/** Whether a binding that expires at `expiresAt` expires soon at `now` (also once the time has passed). */
export function expiresSoonAt(createdAt: Date, expiresAt: Date, warningMs: number, now: number): boolean {
  return expiresAt.getTime() - now <= expiryWarningWindowMs(createdAt, expiresAt, warningMs);
}
