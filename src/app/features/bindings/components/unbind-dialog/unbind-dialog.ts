import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogConfig, MatDialogModule } from '@angular/material/dialog';
import { Observable, map } from 'rxjs';

/** What the unbind confirmation shows. */
export interface UnbindDialogData {
  /** The binding's name, repeated in the question. */
  readonly bindingName: string;
}

/** Asks whether to delete a binding, naming it; closes with `true` to go ahead. */
@Component({
  selector: 'mp-unbind-dialog',
  imports: [MatButtonModule, MatDialogModule],
  template: `
    <h2 mat-dialog-title i18n="@@unbindDialogTitle">Delete the binding “{{ data.bindingName }}”?</h2>
    <mat-dialog-content>
      <p i18n="@@unbindDialogMessage">
        The broker revokes its credentials; applications that use them lose access. This cannot be undone.
      </p>
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
    .mp-unbind-dialog__confirm {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UnbindDialog {
  /** The binding to name. */
  protected readonly data = inject<UnbindDialogData>(MAT_DIALOG_DATA);
}

/** Opens the confirmation; emits once whether the user confirmed. */
export function confirmUnbind(dialog: MatDialog, bindingName: string): Observable<boolean> {
  const config: MatDialogConfig<UnbindDialogData> = { data: { bindingName }, maxWidth: '32rem', role: 'alertdialog' };
  return dialog
    .open<UnbindDialog, UnbindDialogData, boolean>(UnbindDialog, config)
    .afterClosed()
    .pipe(map((confirmed) => confirmed === true));
}
