import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

import type { BrokerStatus } from '@osb/api';
import { missingBrokers } from '@app/core/api/broker-health';
import { DateTimePipe } from '@app/shared/ui/date-time/date-time-pipe';

/**
 * Tells the user that some brokers' services are missing right now, since when (in the user's
 * time zone) and why: only the brokers that matter where the user looks (global ones and those of
 * the location shown).
 */
@Component({
  selector: 'mp-broker-notice',
  imports: [MatIconModule, DateTimePipe],
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
                @if (broker.unavailableSince; as since) {
                  <span i18n="broker notice|Since when a broker's services are missing@@brokerNoticeSince">
                    (since {{ since | mpDateTime }})</span
                  >
                }
                @switch (broker.problem) {
                  @case ('unreachable') {
                    <span i18n="broker notice@@brokerProblemUnreachable">: it cannot be reached.</span>
                  }
                  @case ('rejected') {
                    <span i18n="broker notice@@brokerProblemRejected">: its catalog has errors.</span>
                  }
                  @case ('not-fetched') {
                    <span i18n="broker notice@@brokerProblemNotFetched">: its catalog has not been loaded yet.</span>
                  }
                  @case ('check-failed') {
                    <span i18n="broker notice@@brokerProblemCheckFailed">: its catalog could not be checked.</span>
                  }
                }
                @if (broker.stale && broker.lastRefreshedAt; as refreshedAt) {
                  <span i18n="broker notice|The services shown come from an older catalog@@brokerNoticeStale">
                    Its services are shown as of {{ refreshedAt | mpDateTime }}.</span
                  >
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
  /** The location whose local services are shown; brokers of other locations are not mentioned. */
  readonly locationId = input<string>();

  /** The brokers whose catalog could not be used and that matter here. */
  protected readonly unavailable = computed(() => missingBrokers(this.brokers(), this.locationId()));
}
