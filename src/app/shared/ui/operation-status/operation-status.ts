import { ChangeDetectionStrategy, Component, LOCALE_ID, computed, inject, input } from '@angular/core';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';

import type { AppIconName } from '../icons/app-icons';
import { brokerFaultText, type BrokerFault } from './broker-fault';

/** The state of a broker operation, as the platform reports it. */
export type OperationState = 'in progress' | 'succeeded' | 'failed';

/**
 * The state of an operation at a broker as a coloured chip (spinning while it runs), with the
 * broker's description beside it: its progress while running, its reason after a failure.
 */
@Component({
  selector: 'mp-operation-status',
  imports: [MatChipsModule, MatIconModule],
  template: `
    <mat-chip-set class="mp-operation-status__chips">
      <mat-chip class="mp-operation-status__chip" disableRipple>
        <mat-icon matChipAvatar [svgIcon]="icon()" aria-hidden="true" />
        {{ label() }}
      </mat-chip>
    </mat-chip-set>
    @if (faultText(); as fault) {
      <span class="mp-operation-status__description mp-operation-status__fault" role="status">{{ fault }}</span>
    } @else if (description(); as description) {
      <span class="mp-operation-status__description">{{ description }}</span>
    }
  `,
  styleUrl: './operation-status.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[class.mp-operation-status--running]': "state() === 'in progress'",
    '[class.mp-operation-status--succeeded]': "state() === 'succeeded'",
    '[class.mp-operation-status--failed]': "state() === 'failed'",
  },
})
export class OperationStatus {
  /** The operation's state, which sets the chip's colour. */
  readonly state = input.required<OperationState>();
  /** The chip's text ("Provisioning", "Ready", "Unbinding failed"). */
  readonly label = input.required<string>();
  /** The chip's icon. */
  readonly icon = input.required<AppIconName>();
  /** The broker's description of the operation, if it gave one. */
  readonly description = input<string>();
  /** Set while the platform cannot reach the broker of the running operation; shown instead of the description. */
  readonly brokerUnreachable = input<BrokerFault>();
  /** ISO time at which the platform stops waiting for the running operation. */
  readonly deadline = input<string>();

  private readonly locale = inject(LOCALE_ID);

  /** "Broker unreachable since 18:50, retrying until …", while running and unreachable. */
  protected readonly faultText = computed(() => {
    const fault = this.brokerUnreachable();
    return fault && this.state() === 'in progress'
      ? brokerFaultText(fault, this.deadline(), new Date(), this.locale)
      : undefined;
  });
}
