import { ChangeDetectionStrategy, Component, LOCALE_ID, computed, inject, input } from '@angular/core';

import { Clock } from './clock';
import { formatDateTime, formatRelativeTime, isRecent } from './format-date-time';

/**
 * A moment as people say it: "5 minutes ago" within a day of now, else its date and time in the
 * app's language; the exact date and time are in its tooltip and `datetime` attribute.
 */
@Component({
  selector: 'mp-time-ago',
  template: `<time [attr.datetime]="value()" [attr.title]="exact()">{{ text() }}</time>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TimeAgo {
  private readonly locale = inject(LOCALE_ID);
  private readonly clock = inject(Clock);

  /** The moment, as an ISO timestamp. */
  readonly value = input.required<string>();

  /** The date and time in the app's language. */
  protected readonly exact = computed(() => formatDateTime(this.value(), this.locale));
  /** What is shown. */
  protected readonly text = computed(() => {
    const now = this.clock.now();
    return isRecent(this.value(), now) ? formatRelativeTime(this.value(), now, this.locale) : this.exact();
  });
}
