import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';

import type { ServiceInstance, UpgradeAvailable } from '@osb/api';
import { apiErrorMessage } from '@app/core/api/api-error';
import { ServiceInstancesApi } from '@app/core/api/service-instances-api';
import { Markdown } from '@app/shared/ui/markdown/markdown';

/**
 * "Upgrade available": the maintenance version the broker offers for the instance, the broker's
 * own description of it (sanitised markdown, marked as the broker's words) and the button that
 * applies it. Emits the instance as the platform answered (usually with its update running).
 */
@Component({
  selector: 'mp-instance-upgrade',
  imports: [MatButtonModule, MatIconModule, Markdown],
  template: `
    <section class="mp-instance-upgrade" aria-labelledby="mp-instance-upgrade-title">
      <mat-icon svgIcon="upgrade" aria-hidden="true" />
      <div class="mp-instance-upgrade__body">
        <h2 id="mp-instance-upgrade-title" class="mp-instance-upgrade__title" i18n="@@upgradeAvailableTitle">
          Upgrade available: version {{ upgrade().version }}
        </h2>
        @if (upgrade().description; as description) {
          <p class="mp-instance-upgrade__source" i18n="@@upgradeBrokerDescribes">The service broker describes it:</p>
          <mp-markdown class="mp-instance-upgrade__description" [source]="description" />
        }
        @if (readOnly()) {
          <p class="mp-instance-upgrade__hint" i18n="@@upgradeSharedReadOnly">
            Only the project that owns the instance can upgrade it.
          </p>
        } @else {
          <p class="mp-instance-upgrade__hint" i18n="@@upgradeHint">
            The broker updates the instance to the new version; its parameters and plan stay as they are.
          </p>
        }
        @if (error(); as message) {
          <p class="mp-instance-upgrade__error" role="alert" i18n="@@upgradeFailed">
            The instance was not upgraded: {{ message }}
          </p>
        }
      </div>
      @if (!readOnly()) {
        <button mat-flat-button type="button" [disabled]="disabled() || upgrading()" (click)="apply()">
          <ng-container i18n="@@upgradeAction">Upgrade</ng-container>
        </button>
      }
    </section>
  `,
  styleUrl: './instance-upgrade.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InstanceUpgrade {
  private readonly api = inject(ServiceInstancesApi);

  /** The project the instance belongs to. */
  readonly projectId = input.required<string>();
  /** The instance to upgrade. */
  readonly instanceId = input.required<string>();
  /** The upgrade the broker offers. */
  readonly upgrade = input.required<UpgradeAvailable>();
  /** Whether the instance is shared with this project (read-only here): no button then. */
  readonly readOnly = input(false);
  /** Whether another operation runs. */
  readonly disabled = input(false);
  /** The instance as the platform answered the upgrade. */
  readonly upgraded = output<ServiceInstance>();
  /** Emitted when the upgrade was refused, so that the page reads the instance again. */
  readonly failed = output<void>();

  /** Whether the request is on its way. */
  protected readonly upgrading = signal(false);
  /** Why the last upgrade was refused. */
  protected readonly error = signal<string | null>(null);

  /** Sends the upgrade. */
  protected apply(): void {
    this.upgrading.set(true);
    this.error.set(null);
    this.api.upgrade(this.projectId(), this.instanceId()).subscribe({
      next: (instance) => {
        this.upgrading.set(false);
        this.upgraded.emit(instance);
      },
      error: (error: unknown) => {
        this.upgrading.set(false);
        this.error.set(apiErrorMessage(error));
        this.failed.emit();
      },
    });
  }
}
