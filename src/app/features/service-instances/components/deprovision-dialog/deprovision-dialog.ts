import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogConfig, MatDialogModule } from '@angular/material/dialog';
import { Observable, map } from 'rxjs';

/** What the deprovision confirmation shows. */
export interface DeprovisionDialogData {
  /** The instance's name, repeated in the question. */
  readonly instanceName: string;
}

/** Asks whether to deprovision a service instance, naming it; closes with `true` to go ahead. */
@Component({
  selector: 'mp-deprovision-dialog',
  imports: [MatButtonModule, MatDialogModule],
  template: `
    <h2 mat-dialog-title i18n="@@deprovisionDialogTitle">Deprovision “{{ data.instanceName }}”?</h2>
    <mat-dialog-content>
      <p i18n="@@deprovisionDialogMessage">
        The broker deletes the instance and all its bindings. Data kept in the instance is lost; this cannot be undone.
      </p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false" i18n="@@cancel">Cancel</button>
      <button
        mat-flat-button
        type="button"
        class="mp-deprovision-dialog__confirm"
        [mat-dialog-close]="true"
        i18n="@@deprovisionConfirm"
      >
        Deprovision
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .mp-deprovision-dialog__confirm {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeprovisionDialog {
  /** The instance to name. */
  protected readonly data = inject<DeprovisionDialogData>(MAT_DIALOG_DATA);
}

/** Opens the confirmation; emits once whether the user confirmed. */
export function confirmDeprovision(dialog: MatDialog, instanceName: string): Observable<boolean> {
  const config: MatDialogConfig<DeprovisionDialogData> = {
    data: { instanceName },
    maxWidth: '32rem',
    role: 'alertdialog',
  };
  return dialog
    .open<DeprovisionDialog, DeprovisionDialogData, boolean>(DeprovisionDialog, config)
    .afterClosed()
    .pipe(map((confirmed) => confirmed === true));
}
