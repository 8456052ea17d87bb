import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

import type { ServiceBinding } from '@osb/api';
import { DateTimePipe } from '@app/shared/ui/date-time/date-time-pipe';
import { expiryWarningText, timeLeftText } from '../../binding-expiry';

/**
 * When a binding expires and how much time it has left; a warning when the platform says it
 * expires soon, and the date it was deleted once it has expired.
 */
@Component({
  selector: 'mp-binding-expiry',
  imports: [DateTimePipe, MatIconModule],
  template: `
    @let item = binding();
    @if (item.expiredAt) {
      <p class="mp-binding-expiry__line" i18n="@@bindingExpiredOn">
        <mat-icon svgIcon="schedule" aria-hidden="true" /> Expired on {{ item.expiredAt | mpDateTime }}; its credentials
        no longer work.
      </p>
    } @else if (item.expiresAt) {
      <p class="mp-binding-expiry__line" i18n="@@bindingExpiresOn">
        <mat-icon svgIcon="schedule" aria-hidden="true" /> Expires on {{ item.expiresAt | mpDateTime }} ({{
          timeLeft()
        }})
      </p>
      @if (warning(); as text) {
        <p class="mp-binding-expiry__warning" role="note">
          <mat-icon svgIcon="warning" aria-hidden="true" />
          <span>{{ text }}</span>
        </p>
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .mp-binding-expiry__line,
    .mp-binding-expiry__warning {
      display: flex;
      align-items: flex-start;
      gap: 6px;
      margin: 4px 0 0;
      font: var(--mat-sys-body-medium);
    }
    .mp-binding-expiry__line {
      color: var(--mat-sys-on-surface-variant);
    }
    .mp-binding-expiry__warning {
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    mat-icon {
      flex: none;
      width: 18px;
      height: 18px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BindingExpiry {
  /** The binding. */
  readonly binding = input.required<Pick<ServiceBinding, 'expiresAt' | 'expiresSoon' | 'expiredAt'>>();
  /** The time to count from (the page's clock). */
  readonly now = input<Date>(new Date());

  /** Time left, as words. */
  protected readonly timeLeft = computed(() => {
    const expiresAt = this.binding().expiresAt;
    return expiresAt ? timeLeftText(expiresAt, this.now()) : '';
  });
  /** The warning for a binding that expires soon. */
  protected readonly warning = computed(() => expiryWarningText(this.binding(), this.now()));
}
