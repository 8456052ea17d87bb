import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnDestroy, afterNextRender, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialog, MatDialogConfig, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { Observable, map } from 'rxjs';

import { type Credentials, credentialsJson, downloadTextFile, safeFileName } from '../../credential-export';
import { CredentialsPanel } from '../credentials-panel/credentials-panel';

/** What the one-time credentials dialog shows. */
export interface SensitiveCredentialsData {
  /** The new binding's name. */
  readonly bindingName: string;
  /** The credentials, delivered this one time. */
  readonly credentials: Credentials;
}

/**
 * The only showing of a sensitive service's credentials, right after the binding was created:
 * it saves them as a text file once when it opens, shows them (masked until revealed) and closes
 * only after the user confirms they saved them. The credentials live in this dialog alone and
 * are dropped when it closes; the marketplace keeps no copy.
 */
@Component({
  selector: 'mp-sensitive-credentials-dialog',
  imports: [MatButtonModule, MatCheckboxModule, MatDialogModule, MatIconModule, CredentialsPanel],
  template: `
    <h2 mat-dialog-title i18n="@@sensitiveDialogTitle">Save the credentials of “{{ bindingName }}” now</h2>
    <mat-dialog-content>
      <p class="mp-sensitive-dialog__notice">
        <mat-icon svgIcon="lock" aria-hidden="true" />
        <span i18n="@@sensitiveDialogNotice">
          This is a sensitive service: the marketplace does not keep its credentials. They are shown only now, and your
          browser saved them as <strong>{{ fileName }}</strong>. Once you close this dialog they cannot be shown again.
        </span>
      </p>
      @if (credentials(); as current) {
        <mp-credentials-panel [credentials]="current" [bindingName]="bindingName" [showBulkActions]="false" />
      }
      <button mat-button type="button" class="mp-sensitive-dialog__again" (click)="download()">
        <mat-icon svgIcon="download" aria-hidden="true" />
        <ng-container i18n="@@sensitiveDialogDownloadAgain">Download the file again</ng-container>
      </button>
      <mat-checkbox [checked]="saved()" (change)="saved.set($event.checked)" i18n="@@sensitiveDialogConfirm">
        I have saved these credentials in a safe place.
      </mat-checkbox>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button type="button" [disabled]="!saved()" (click)="close()" i18n="@@sensitiveDialogDone">Done</button>
    </mat-dialog-actions>
  `,
  styles: `
    .mp-sensitive-dialog__notice {
      display: flex;
      gap: 8px;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      mat-icon {
        flex: none;
      }
    }
    .mp-sensitive-dialog__again {
      margin: 8px 0;
    }
    mat-checkbox {
      display: block;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SensitiveCredentialsDialog implements OnDestroy {
  private readonly dialogRef = inject<MatDialogRef<SensitiveCredentialsDialog, void>>(MatDialogRef);
  private readonly document = inject(DOCUMENT);
  private readonly data = inject<SensitiveCredentialsData>(MAT_DIALOG_DATA);

  /** The binding's name. */
  protected readonly bindingName = this.data.bindingName;
  /** Name of the saved text file. */
  protected readonly fileName = `${safeFileName(this.data.bindingName)}-credentials.txt`;
  /** The credentials while the dialog is open. */
  protected readonly credentials = signal<Credentials | undefined>(this.data.credentials);
  /** Whether the user confirmed they saved the credentials. */
  protected readonly saved = signal(false);

  constructor() {
    afterNextRender(() => this.download());
  }

  /** Saves the credentials as a text file. */
  protected download(): void {
    const credentials = this.credentials();
    if (credentials) {
      downloadTextFile(this.document, this.fileName, credentialsText(this.bindingName, credentials), 'text/plain');
    }
  }

  /** Closes the dialog once the user confirmed. */
  protected close(): void {
    if (this.saved()) {
      this.dialogRef.close();
    }
  }

  /** Drops the credentials. */
  ngOnDestroy(): void {
    this.credentials.set(undefined);
  }
}

/** The content of the saved text file: a short header, then the credentials as JSON. */
export function credentialsText(bindingName: string, credentials: Credentials): string {
  const header = $localize`:@@sensitiveFileHeader:Credentials of the binding “${bindingName}:bindingName:”. The marketplace does not keep them: store this file safely.`;
  return `${header}\n\n${credentialsJson(credentials)}`;
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
