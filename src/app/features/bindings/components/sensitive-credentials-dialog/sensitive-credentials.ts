import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  afterNextRender,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatIconModule } from '@angular/material/icon';

import { type Credentials, credentialsJson, safeFileName } from '../../credential-export';
import { downloadTextFile } from '@app/shared/ui/download/download-text-file';
import { CredentialsPanel } from '../credentials-panel/credentials-panel';

/**
 * The one showing of a sensitive service's credentials: saves them as a text file once when it
 * appears, shows them masked until revealed, and lets the user finish only after confirming
 * that they saved them.
 */
@Component({
  selector: 'mp-sensitive-credentials',
  imports: [MatButtonModule, MatCheckboxModule, MatIconModule, CredentialsPanel],
  template: `
    <p class="mp-sensitive-credentials__notice">
      <mat-icon svgIcon="lock" aria-hidden="true" />
      <span i18n="@@sensitiveDialogNotice">
        This is a sensitive service: the marketplace does not keep its credentials. They are shown only now, and your
        browser saved them as <strong>{{ fileName() }}</strong>. Once you close this dialog they cannot be shown again.
      </span>
    </p>
    <mp-credentials-panel [credentials]="credentials()" [bindingName]="bindingName()" [showBulkActions]="false" />
    <button mat-button type="button" class="mp-sensitive-credentials__again" (click)="download()">
      <mat-icon svgIcon="download" aria-hidden="true" />
      <ng-container i18n="@@sensitiveDialogDownloadAgain">Download the file again</ng-container>
    </button>
    <mat-checkbox [checked]="saved()" (change)="saved.set($event.checked)" i18n="@@sensitiveDialogConfirm">
      I have saved these credentials in a safe place.
    </mat-checkbox>
    <div class="mp-sensitive-credentials__actions">
      <button mat-flat-button type="button" [disabled]="!saved()" (click)="finish()" i18n="@@sensitiveDialogDone">
        Done
      </button>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .mp-sensitive-credentials__notice {
      display: flex;
      gap: 8px;
      margin: 0 0 16px;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      mat-icon {
        flex: none;
      }
    }
    .mp-sensitive-credentials__again {
      margin: 8px 0;
    }
    mat-checkbox {
      display: block;
    }
    .mp-sensitive-credentials__actions {
      display: flex;
      justify-content: flex-end;
      margin-top: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SensitiveCredentials {
  private readonly document = inject(DOCUMENT);

  /** The new binding's name. */
  readonly bindingName = input.required<string>();
  /** The credentials, delivered this one time. */
  readonly credentials = input.required<Credentials>();
  /** Emits when the user confirmed saving the credentials and is done. */
  readonly done = output<void>();

  /** Name of the saved text file. */
  protected readonly fileName = computed(() => `${safeFileName(this.bindingName())}-credentials.txt`);
  /** Whether the user confirmed they saved the credentials. */
  protected readonly saved = signal(false);

  constructor() {
    afterNextRender(() => this.download());
  }

  /** Saves the credentials as a text file. */
  protected download(): void {
    downloadTextFile(
      this.document,
      this.fileName(),
      credentialsText(this.bindingName(), this.credentials()),
      'text/plain',
    );
  }

  /** Finishes once the user confirmed. */
  protected finish(): void {
    if (this.saved()) {
      this.done.emit();
    }
  }
}

/** The content of the saved text file: a short header, then the credentials as JSON. */
function credentialsText(bindingName: string, credentials: Credentials): string {
  const header = $localize`:@@sensitiveFileHeader:Credentials of the binding “${bindingName}:bindingName:”. The marketplace does not keep them: store this file safely.`;
  return `${header}\n\n${credentialsJson(credentials)}`;
}
