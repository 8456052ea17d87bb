import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';

import type { ServiceBindingOperation } from '../../../../../../server/src/bindings/api-schemas';
import type { AppIconName } from '../../../../shared/ui/icons/app-icons';
import { bindingOperationLabel } from '../../binding-status';

/** The state of a binding's last operation as a chip ("Binding", "Ready", "Unbinding failed") with the broker's description. */
@Component({
  selector: 'mp-binding-status',
  imports: [MatChipsModule, MatIconModule],
  template: `
    <mat-chip-set class="mp-instance-status__chips">
      <mat-chip class="mp-instance-status__chip" disableRipple>
        <mat-icon matChipAvatar [svgIcon]="icon()" aria-hidden="true" />
        {{ label() }}
      </mat-chip>
    </mat-chip-set>
    @if (operation().description; as description) {
      <span class="mp-instance-status__description">{{ description }}</span>
    }
  `,
  // The same chip as an instance's status, so that both read alike.
  styleUrl: '../../../service-instances/components/instance-status/instance-status.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[class.mp-instance-status--running]': "operation().state === 'in progress'",
    '[class.mp-instance-status--succeeded]': "operation().state === 'succeeded'",
    '[class.mp-instance-status--failed]': "operation().state === 'failed'",
  },
})
export class BindingStatus {
  /** The binding's last operation. */
  readonly operation = input.required<Pick<ServiceBindingOperation, 'type' | 'state' | 'description'>>();

  /** The chip's text. */
  protected readonly label = computed(() => bindingOperationLabel(this.operation()));
  /** The chip's icon. */
  protected readonly icon = computed<AppIconName>(() => {
    const { type, state } = this.operation();
    if (state === 'in progress') return 'sync';
    if (state === 'failed') return 'warning';
    return type === 'create' ? 'check' : 'schedule';
  });
}
