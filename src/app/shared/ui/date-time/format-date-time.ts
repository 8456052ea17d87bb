import { formatDate } from '@angular/common';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * A date with its time in the user's language, through Angular's locale data: German
 * `28.11.2026, 18:50`, English `Nov 28, 2026, 6:50 PM`. Empty for a value that is no date.
 */
export function formatDateTime(value: string | number | Date, locale: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return `${formatDate(date, 'mediumDate', locale)}, ${formatDate(date, 'shortTime', locale)}`;
}

/**
 * How long ago (or how far ahead) a moment is, in words of the user's language: `vor 5 Minuten`,
 * `in 3 Stunden`, `5 minutes ago`. Seconds count as `now`.
 */
export function formatRelativeTime(value: string | number | Date, now: Date, locale: string): string {
  const difference = new Date(value).getTime() - now.getTime();
  if (Number.isNaN(difference)) return '';
  const words = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const distance = Math.abs(difference);
  if (distance < MINUTE_MS) return words.format(0, 'second');
  if (distance < HOUR_MS) return words.format(Math.round(difference / MINUTE_MS), 'minute');
  if (distance < DAY_MS) return words.format(Math.round(difference / HOUR_MS), 'hour');
  return words.format(Math.round(difference / DAY_MS), 'day');
}

/** Whether a moment is close enough to `now` (within a day) that "5 minutes ago" reads better than a date. */
export function isRecent(value: string | number | Date, now: Date): boolean {
  return Math.abs(new Date(value).getTime() - now.getTime()) < DAY_MS;
}

/**
 * A moment as briefly as it stays clear, in the user's language and time zone: only the time when
 * it falls on the same day as `now` (`18:50`, `6:50 PM`), else the date with the time.
 */
export function formatMoment(value: string | number | Date, now: Date, locale: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return date.toDateString() === now.toDateString()
    ? formatDate(date, 'shortTime', locale)
    : formatDateTime(date, locale);
}
