import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MAT_DIALOG_DATA, MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import type { Observable } from 'rxjs';

import type { Location, ServiceBinding } from '@osb/api';
import { ConfirmationDialog, openConfirmation } from '@app/shared/ui/confirmation-dialog/confirmation-dialog';
import { locationName } from '../../location-name';

/** What the unbind confirmation shows. */
export interface UnbindDialogData {
  /** The binding, named in the question with what loses access through it. */
  readonly binding: ServiceBinding;
  /** The name of a tenant binding's location. */
  readonly tenantLocationName?: string;
}

/**
 * Asks whether to delete a binding and says what loses access with it: the applications that
 * use its credentials and, for a tenant binding, the tenant. Closes with `true` to go ahead.
 */
@Component({
  selector: 'mp-unbind-dialog',
  imports: [ConfirmationDialog, MatIconModule],
  template: `
    <mp-confirmation-dialog
      i18n-title="@@unbindDialogTitle"
      title="Delete the binding “{{ data.binding.name }}”?"
      i18n-confirmLabel="@@unbindConfirm"
      confirmLabel="Delete binding"
    >
      <p i18n="@@unbindDialogMessage">
        The broker revokes its credentials; applications that use them lose access. This cannot be undone.
      </p>
      <ul class="mp-confirmation-dialog__list" i18n-aria-label="@@unbindAffectedList" aria-label="What loses access">
        <li>
          <mat-icon svgIcon="key" aria-hidden="true" />
          <span i18n="@@unbindAffectedBinding"
            >Credentials of “{{ data.binding.name }}”, created by
            {{ data.binding.createdByName ?? data.binding.createdBy }}</span
          >
        </li>
        @if (data.binding.tenant; as tenant) {
          <li>
            <mat-icon svgIcon="lock" aria-hidden="true" />
            <span i18n="@@unbindAffectedTenant"
              >Tenant {{ tenant.id }} ({{ tenant.platform }}, {{ data.tenantLocationName ?? tenant.locationId }}) loses
              access to the instance</span
            >
          </li>
        }
      </ul>
    </mp-confirmation-dialog>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UnbindDialog {
  /** The binding to name and describe. */
  protected readonly data = inject<UnbindDialogData>(MAT_DIALOG_DATA);
}

/** Opens the confirmation, naming a tenant's location among `locations`; emits once whether the user confirmed. */
export function confirmUnbind(
  dialog: MatDialog,
  binding: ServiceBinding,
  locations: readonly Location[],
): Observable<boolean> {
  const tenantLocationName = binding.tenant ? locationName(locations, binding.tenant.locationId) : undefined;
  return openConfirmation<UnbindDialog, UnbindDialogData>(dialog, UnbindDialog, {
    data: { binding, ...(tenantLocationName !== undefined ? { tenantLocationName } : {}) },
    maxWidth: '32rem',
  });
}
