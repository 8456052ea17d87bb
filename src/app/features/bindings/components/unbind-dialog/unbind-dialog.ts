import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogConfig, MatDialogModule } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { Observable, map } from 'rxjs';

import type { ServiceBinding } from '@osb/api';

/** What the unbind confirmation shows. */
export interface UnbindDialogData {
  /** The binding, named in the question with what loses access through it. */
  readonly binding: ServiceBinding;
}

/**
 * Asks whether to delete a binding and says what loses access with it: the applications that
 * use its credentials and, for a tenant binding, the tenant. Closes with `true` to go ahead.
 */
@Component({
  selector: 'mp-unbind-dialog',
  imports: [MatButtonModule, MatDialogModule, MatIconModule],
  template: `
    <h2 mat-dialog-title i18n="@@unbindDialogTitle">Delete the binding “{{ data.binding.name }}”?</h2>
    <mat-dialog-content>
      <p i18n="@@unbindDialogMessage">
        The broker revokes its credentials; applications that use them lose access. This cannot be undone.
      </p>
      <ul class="mp-unbind-dialog__affected" i18n-aria-label="@@unbindAffectedList" aria-label="What loses access">
        <li>
          <mat-icon svgIcon="key" aria-hidden="true" />
          <span i18n="@@unbindAffectedBinding"
            >Credentials of “{{ data.binding.name }}”, created by {{ data.binding.createdBy }}</span
          >
        </li>
        @if (data.binding.tenant; as tenant) {
          <li>
            <mat-icon svgIcon="lock" aria-hidden="true" />
            <span i18n="@@unbindAffectedTenant"
              >Tenant {{ tenant.id }} ({{ tenant.platform }}, {{ tenant.locationId }}) loses access to the
              instance</span
            >
          </li>
        }
      </ul>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false" i18n="@@cancel">Cancel</button>
      <button
        mat-flat-button
        type="button"
        class="mp-unbind-dialog__confirm"
        [mat-dialog-close]="true"
        i18n="@@unbindConfirm"
      >
        Delete binding
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .mp-unbind-dialog__affected {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .mp-unbind-dialog__affected li {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      padding: 0.25rem 0;
    }
    .mp-unbind-dialog__affected mat-icon {
      flex: none;
      color: var(--mat-sys-on-surface-variant);
    }
    .mp-unbind-dialog__confirm {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UnbindDialog {
  /** The binding to name and describe. */
  protected readonly data = inject<UnbindDialogData>(MAT_DIALOG_DATA);
}

/** Opens the confirmation; emits once whether the user confirmed. */
export function confirmUnbind(dialog: MatDialog, binding: ServiceBinding): Observable<boolean> {
  const config: MatDialogConfig<UnbindDialogData> = { data: { binding }, maxWidth: '32rem', role: 'alertdialog' };
  return dialog
    .open<UnbindDialog, UnbindDialogData, boolean>(UnbindDialog, config)
    .afterClosed()
    .pipe(map((confirmed) => confirmed === true));
}
