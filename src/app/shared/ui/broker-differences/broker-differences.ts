import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import type { BrokerDifference } from '@osb/api';

/**
 * How the broker's report of an instance or binding differs from what the marketplace recorded:
 * one row per difference, the broker's values as plain text (they are untrusted), secret
 * parameters and credentials only named, never shown.
 */
@Component({
  selector: 'mp-broker-differences',
  template: `
    @if (differences().length === 0) {
      <p class="mp-broker-differences__same" i18n="@@brokerViewSame">
        The service broker reports the same as the marketplace recorded.
      </p>
    } @else {
      <table class="mp-broker-differences__table">
        <caption class="mp-visually-hidden" i18n="@@brokerViewCaption">
          Differences between the marketplace's record and the service broker's report
        </caption>
        <thead>
          <tr>
            <th scope="col" i18n="@@brokerViewWhat">What</th>
            <th scope="col" i18n="@@brokerViewRecorded">Recorded by the marketplace</th>
            <th scope="col" i18n="@@brokerViewReported">Reported by the service broker</th>
          </tr>
        </thead>
        <tbody>
          @for (difference of differences(); track $index) {
            <tr>
              <th scope="row">
                {{ label(difference) }}
                @if (difference.path) {
                  <code>{{ difference.path }}</code>
                }
              </th>
              @if (difference.masked) {
                <td>{{ difference.change === 'added' ? notSet : hidden }}</td>
                <td>{{ difference.change === 'removed' ? notSet : hidden }}</td>
              } @else {
                <td>{{ text(difference.recorded, difference.field) }}</td>
                <td>{{ text(difference.reported, difference.field) }}</td>
              }
            </tr>
          }
        </tbody>
      </table>
    }
  `,
  styleUrl: './broker-differences.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'mp-broker-differences' },
})
export class BrokerDifferences {
  /** The differences the platform found. */
  readonly differences = input.required<readonly BrokerDifference[]>();
  /** Plan names by id, to name plans instead of showing their ids. */
  readonly planNames = input<Readonly<Record<string, string>>>({});

  /** What a value the broker or the record does not have reads. */
  protected readonly notSet = $localize`:@@brokerViewNotSet:not set`;
  /** What a secret value that is set reads. */
  protected readonly hidden = $localize`:@@brokerViewHidden:set (hidden)`;

  /** The name of the differing field. */
  protected label(difference: BrokerDifference): string {
    switch (difference.field) {
      case 'plan':
        return $localize`:@@brokerViewPlan:Plan`;
      case 'dashboardUrl':
        return $localize`:@@brokerViewDashboard:Dashboard URL`;
      case 'maintenanceVersion':
        return $localize`:@@brokerViewMaintenance:Maintenance version`;
      case 'parameter':
        return $localize`:@@brokerViewParameter:Parameter`;
      case 'credential':
        return $localize`:@@brokerViewCredential:Credential`;
    }
  }

  /** A value as plain text: plans by name, other values as JSON unless they are text. */
  protected text(value: unknown, field: BrokerDifference['field']): string {
    if (value === undefined) {
      return this.notSet;
    }
    if (field === 'plan' && typeof value === 'string') {
      return this.planNames()[value] ?? value;
    }
    return typeof value === 'string' ? value : JSON.stringify(value);
  }
}
