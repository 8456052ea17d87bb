import { LOCALE_ID, Pipe, type PipeTransform, inject } from '@angular/core';

import { formatDateTime } from './format-date-time';

/** A date with its time in the app's language: `{{ createdAt | mpDateTime }}` gives `28.11.2026, 18:50` in German. */
@Pipe({ name: 'mpDateTime' })
export class DateTimePipe implements PipeTransform {
  private readonly locale = inject(LOCALE_ID);

  /** Formats an ISO timestamp (or a date); empty for missing values. */
  transform(value: string | Date | null | undefined): string {
    return value ? formatDateTime(value, this.locale) : '';
  }
}
