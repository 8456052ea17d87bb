import type { ServiceBinding } from '@osb/api';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * How much time a binding has left before it expires, as words: "5 days left", "3 hours left",
 * "less than an hour left", or "expired".
 */
export function timeLeftText(expiresAt: string, now: Date): string {
  const left = Date.parse(expiresAt) - now.getTime();
  if (left <= 0) {
    return $localize`:binding expiry@@bindingExpired:expired`;
  }
  if (left >= 2 * DAY_MS) {
    const days = Math.round(left / DAY_MS);
    return $localize`:binding expiry@@bindingDaysLeft:${days}:days: days left`;
  }
  if (left >= DAY_MS) {
    return $localize`:binding expiry@@bindingOneDayLeft:1 day left`;
  }
  if (left >= 2 * HOUR_MS) {
    const hours = Math.round(left / HOUR_MS);
    return $localize`:binding expiry@@bindingHoursLeft:${hours}:hours: hours left`;
  }
  if (left >= HOUR_MS) {
    return $localize`:binding expiry@@bindingOneHourLeft:1 hour left`;
  }
  return $localize`:binding expiry@@bindingUnderAnHourLeft:less than an hour left`;
}

/** The warning a binding that expires soon carries, naming when it is deleted. */
export function expiryWarningText(
  binding: Pick<ServiceBinding, 'expiresAt' | 'expiresSoon' | 'expiredAt'>,
  now: Date,
): string | undefined {
  if (!binding.expiresAt || !binding.expiresSoon || binding.expiredAt) {
    return undefined;
  }
  const left = timeLeftText(binding.expiresAt, now);
  return $localize`:binding expiry@@bindingExpiresSoonWarning:Expires soon (${left}:timeLeft:): the platform deletes this binding and its credentials then. Create a new binding in time and switch over to it.`;
}

/** The notice for a project page: how many bindings expire within their warning period. */
export function expiringBindingsNotice(count: number): string | undefined {
  if (count <= 0) {
    return undefined;
  }
  return count === 1
    ? $localize`:project notice@@oneBindingExpiresSoon:1 binding expires soon:`
    : $localize`:project notice@@bindingsExpireSoon:${count}:count: bindings expire soon:`;
}

/** Whether a binding counts for the project's expiry notice: it expires soon and still exists. */
export function expiresSoon(binding: Pick<ServiceBinding, 'expiresSoon' | 'expiredAt'>): boolean {
  return binding.expiresSoon && !binding.expiredAt;
}
