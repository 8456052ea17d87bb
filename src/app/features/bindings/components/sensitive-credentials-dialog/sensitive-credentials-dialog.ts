import { ChangeDetectionStrategy, Component, OnDestroy, inject, signal } from '@angular/core';
import { MAT_DIALOG_DATA, MatDialog, MatDialogConfig, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { Observable, map } from 'rxjs';

import type { Credentials } from '../../credential-export';
import { SensitiveCredentials } from './sensitive-credentials';

/** What the one-time credentials dialog shows. */
export interface SensitiveCredentialsData {
  /** The new binding's name. */
  readonly bindingName: string;
  /** The credentials, delivered this one time. */
  readonly credentials: Credentials;
}

/**
 * The dialog around the one showing of a sensitive service's credentials, right after the
 * binding was created. It closes only after the user confirms they saved them (no Escape, no
 * backdrop); the credentials live in it alone and are dropped when it closes.
 */
@Component({
  selector: 'mp-sensitive-credentials-dialog',
  imports: [MatDialogModule, SensitiveCredentials],
  template: `
    <h2 mat-dialog-title i18n="@@sensitiveDialogTitle">Save the credentials of “{{ bindingName }}” now</h2>
    <mat-dialog-content>
      @if (credentials(); as current) {
        <mp-sensitive-credentials [bindingName]="bindingName" [credentials]="current" (done)="close()" />
      }
    </mat-dialog-content>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SensitiveCredentialsDialog implements OnDestroy {
  private readonly dialogRef = inject<MatDialogRef<SensitiveCredentialsDialog, void>>(MatDialogRef);
  private readonly data = inject<SensitiveCredentialsData>(MAT_DIALOG_DATA);

  /** The binding's name. */
  protected readonly bindingName = this.data.bindingName;
  /** The credentials while the dialog is open. */
  protected readonly credentials = signal<Credentials | undefined>(this.data.credentials);

  /** Closes the dialog (the user confirmed saving the credentials). */
  protected close(): void {
    this.credentials.set(undefined);
    this.dialogRef.close();
  }

  /** Drops the credentials. */
  ngOnDestroy(): void {
    this.credentials.set(undefined);
  }
}

/** Opens the one-time credentials dialog; it closes only after the user confirmed saving them. */
export function showSensitiveCredentials(dialog: MatDialog, data: SensitiveCredentialsData): Observable<void> {
  const config: MatDialogConfig<SensitiveCredentialsData> = {
    data,
    disableClose: true,
    autoFocus: 'first-heading',
    maxWidth: '40rem',
    width: '100%',
    role: 'alertdialog',
  };
  return dialog
    .open<SensitiveCredentialsDialog, SensitiveCredentialsData, void>(SensitiveCredentialsDialog, config)
    .afterClosed()
    .pipe(map(() => undefined));
}
