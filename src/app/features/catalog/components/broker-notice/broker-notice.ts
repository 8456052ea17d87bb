import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

import type { BrokerStatus } from '@osb/api';

/** Tells the user that some brokers' services are missing right now, and why. */
@Component({
  selector: 'mp-broker-notice',
  imports: [MatIconModule],
  template: `
    @if (unavailable().length > 0) {
      <div class="mp-broker-notice" role="status">
        <mat-icon svgIcon="warning" aria-hidden="true" />
        <div>
          <p class="mp-broker-notice__title" i18n="broker notice@@brokerNoticeTitle">
            Some services are missing because their provider cannot be reached right now.
          </p>
          <ul class="mp-broker-notice__brokers">
            @for (broker of unavailable(); track broker.id) {
              <li>
                <strong>{{ broker.displayName }}</strong>
                @if (broker.reason) {
                  : {{ broker.reason }}
                }
              </li>
            }
          </ul>
        </div>
      </div>
    }
  `,
  styleUrl: './broker-notice.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BrokerNotice {
  /** Health of every broker, from the catalog. */
  readonly brokers = input.required<readonly BrokerStatus[]>();

  /** The brokers whose catalog could not be used. */
  protected readonly unavailable = computed(() => this.brokers().filter((broker) => broker.state === 'unavailable'));
}
