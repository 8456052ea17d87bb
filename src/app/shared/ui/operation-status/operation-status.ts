import { ChangeDetectionStrategy, Component, LOCALE_ID, computed, inject, input } from '@angular/core';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';

import type { AppIconName } from '../icons/app-icons';
import { brokerFaultText, type BrokerFault } from './broker-fault';

/** The state of a broker operation, as the platform reports it. */
export type OperationState = 'in progress' | 'succeeded' | 'failed';

/** What the chip shows of an operation (an instance's or a binding's last operation). */
export interface OperationProgress {
  /** The operation's state, which sets the chip's colour. */
  readonly state: OperationState;
  /** Set while the platform cannot reach the broker of the running operation; shown instead of the description. */
  readonly brokerUnreachable?: BrokerFault;
  /** ISO time at which the platform stops waiting for the running operation. */
  readonly deadline?: string;
}

/** The chip's icon for each state, unless another is given. */
const STATE_ICONS: Readonly<Record<OperationState, AppIconName>> = {
  'in progress': 'sync',
  succeeded: 'check',
  failed: 'warning',
};

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
        <mat-icon matChipAvatar [svgIcon]="icon() ?? stateIcons[state()]" aria-hidden="true" />
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
  /** The operation: its state, and whether its broker is unreachable. */
  readonly operation = input.required<OperationProgress>();
  /** The chip's text ("Provisioning…", "Ready", "Deletion failed"). */
  readonly label = input.required<string>();
  /** The chip's icon; by default one for the state (sync, check, warning). */
  readonly icon = input<AppIconName>();
  /** The broker's description of the operation, if it gave one. */
  readonly description = input<string>();

  /** The operation's state. */
  protected readonly state = computed(() => this.operation().state);
  /** The default icons by state. */
  protected readonly stateIcons = STATE_ICONS;

  private readonly locale = inject(LOCALE_ID);

  /** "Broker unreachable since 18:50, retrying until …", while running and unreachable. */
  protected readonly faultText = computed(() => {
    const { state, brokerUnreachable: fault, deadline } = this.operation();
    return fault && state === 'in progress' ? brokerFaultText(fault, deadline, new Date(), this.locale) : undefined;
  });
}
