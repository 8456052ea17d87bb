import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import type { ServiceInstanceOperation } from '@osb/api';
import { operationMessage } from '@app/core/api/api-error-messages';
import { OperationStatus } from '@app/shared/ui/operation-status/operation-status';
import { operationLabel } from '../../instance-operation';

/**
 * The state of an instance's last operation as a chip ("Provisioning…", "Ready", "Update failed"),
 * with the broker's description beside it: its progress while running, its reason after a failure.
 */
@Component({
  selector: 'mp-instance-status',
  imports: [OperationStatus],
  template: `
    <mp-operation-status
      [operation]="operation()"
      [label]="label()"
      [description]="showDescription() ? message() : undefined"
    />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InstanceStatus {
  /** The instance's last operation. */
  readonly operation =
    input.required<
      Pick<ServiceInstanceOperation, 'type' | 'state' | 'description' | 'failure' | 'brokerUnreachable' | 'deadline'>
    >();
  /** Whether to show the broker's description beside the chip. */
  readonly showDescription = input(true);

  /** The chip's text. */
  protected readonly label = computed(() => operationLabel(this.operation()));
  /** The broker's note or the failure's reason beside the chip, in the user's language. */
  protected readonly message = computed(() => operationMessage(this.operation()));
}
