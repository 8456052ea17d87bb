import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';

import type { ServiceInstanceOperation } from '../../../../../../server/src/provisioning/api-schemas';
import type { AppIconName } from '../../../../shared/ui/icons/app-icons';
import { operationLabel } from '../../instance-operation';

/**
 * The state of an instance's last operation as a chip ("Provisioning", "Ready", "Update failed"),
 * with the broker's description beside it: its progress while running, its reason after a failure.
 */
@Component({
  selector: 'mp-instance-status',
  imports: [MatChipsModule, MatIconModule],
  template: `
    <mat-chip-set class="mp-instance-status__chips">
      <mat-chip class="mp-instance-status__chip" disableRipple>
        <mat-icon matChipAvatar [svgIcon]="icon()" aria-hidden="true" />
        {{ label() }}
      </mat-chip>
    </mat-chip-set>
    @if (showDescription() && operation().description; as description) {
      <span class="mp-instance-status__description">{{ description }}</span>
    }
  `,
  styleUrl: './instance-status.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    'class': 'mp-instance-status',
    '[class.mp-instance-status--running]': "operation().state === 'in progress'",
    '[class.mp-instance-status--succeeded]': "operation().state === 'succeeded'",
    '[class.mp-instance-status--failed]': "operation().state === 'failed'",
  },
})
export class InstanceStatus {
  /** The instance's last operation. */
  readonly operation = input.required<Pick<ServiceInstanceOperation, 'type' | 'state' | 'description'>>();
  /** Whether to show the broker's description beside the chip. */
  readonly showDescription = input(true);

  /** The chip's text. */
  protected readonly label = computed(() => operationLabel(this.operation()));
  /** The chip's icon. */
  protected readonly icon = computed<AppIconName>(() => {
    switch (this.operation().state) {
      case 'in progress':
        return 'sync';
      case 'succeeded':
        return 'check';
      case 'failed':
        return 'warning';
    }
  });
}
