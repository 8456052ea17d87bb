import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import type { ServiceBindingOperation } from '@osb/api';
import type { AppIconName } from '@app/shared/ui/icons/app-icons';
import { operationMessage } from '@app/core/api/api-error-messages';
import { OperationStatus } from '@app/shared/ui/operation-status/operation-status';
import { bindingOperationLabel } from '../../binding-status';

/** The state of a binding's last operation as a chip ("Creating…", "Ready", "Deletion failed") with the broker's description. */
@Component({
  selector: 'mp-binding-status',
  imports: [OperationStatus],
  template: `
    <mp-operation-status [operation]="operation()" [label]="label()" [icon]="icon()" [description]="message()" />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BindingStatus {
  /** The binding's last operation. */
  readonly operation =
    input.required<
      Pick<ServiceBindingOperation, 'type' | 'state' | 'description' | 'failure' | 'brokerUnreachable' | 'deadline'>
    >();

  /** The chip's text. */
  protected readonly label = computed(() => bindingOperationLabel(this.operation()));
  /** The broker's note or the failure's reason beside the chip, in the user's language. */
  protected readonly message = computed(() => operationMessage(this.operation()));
  /** The chip's icon: the state's, but a clock once a deletion succeeded (the binding is on its way out). */
  protected readonly icon = computed<AppIconName | undefined>(() => {
    const { type, state } = this.operation();
    return state === 'succeeded' && type !== 'create' ? 'schedule' : undefined;
  });
}
