import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';

import type { BrokerComparison } from '@osb/api';
import { apiErrorMessage } from '@app/core/api/api-error';
import { ServiceInstancesApi } from '@app/core/api/service-instances-api';
import { BrokerDifferences } from '@app/shared/ui/broker-differences/broker-differences';
import { DateTimePipe } from '@app/shared/ui/date-time/date-time-pipe';

/**
 * "Refresh from broker" for services whose broker reports its instances: asks the broker for the
 * instance now and shows where it differs from the marketplace's record (which stays as it is).
 */
@Component({
  selector: 'mp-instance-broker-view',
  imports: [BrokerDifferences, DateTimePipe, MatButtonModule, MatIconModule, MatProgressBarModule],
  template: `
    <section aria-labelledby="mp-instance-broker-view-title">
      <div class="mp-instance-broker-view__header">
        <h2 id="mp-instance-broker-view-title" class="mp-section-title" i18n="@@instanceBrokerViewTitle">
          At the service broker
        </h2>
        <button mat-stroked-button type="button" [disabled]="loading()" (click)="refresh()">
          <mat-icon svgIcon="sync" aria-hidden="true" />
          <ng-container i18n="@@refreshFromBroker">Refresh from broker</ng-container>
        </button>
      </div>
      <div role="status" aria-live="polite">
        @if (loading()) {
          <mat-progress-bar
            mode="indeterminate"
            i18n-aria-label="@@brokerViewLoading"
            aria-label="Asking the service broker"
          />
        } @else if (error(); as message) {
          <p class="mp-instance-broker-view__error" i18n="@@brokerViewFailed">
            The service broker could not be asked: {{ message }}
          </p>
        } @else if (comparison(); as result) {
          <p class="mp-instance-broker-view__when" i18n="@@brokerViewFetchedAt">
            As the service broker reported it on {{ result.fetchedAt | mpDateTime }}:
          </p>
          <mp-broker-differences [differences]="result.differences" [planNames]="planNames()" />
        } @else {
          <p class="mp-instance-broker-view__when" i18n="@@brokerViewIntro">
            Compare what the marketplace recorded with what the service broker reports now.
          </p>
        }
      </div>
    </section>
  `,
  styles: `
    .mp-instance-broker-view__header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px 16px;
    }
    .mp-instance-broker-view__when {
      color: var(--mat-sys-on-surface-variant);
    }
    .mp-instance-broker-view__error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InstanceBrokerView {
  private readonly api = inject(ServiceInstancesApi);

  /** The project looking at the instance. */
  readonly projectId = input.required<string>();
  /** The instance to compare. */
  readonly instanceId = input.required<string>();
  /** The service's plan names by id. */
  readonly planNames = input<Readonly<Record<string, string>>>({});

  /** Whether the broker is being asked. */
  protected readonly loading = signal(false);
  /** The last comparison. */
  protected readonly comparison = signal<BrokerComparison | null>(null);
  /** Why the last request failed. */
  protected readonly error = signal<string | null>(null);

  /** Asks the broker again. */
  protected refresh(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.compareWithBroker(this.projectId(), this.instanceId()).subscribe({
      next: (comparison) => {
        this.loading.set(false);
        this.comparison.set(comparison);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.error.set(apiErrorMessage(error));
      },
    });
  }
}
