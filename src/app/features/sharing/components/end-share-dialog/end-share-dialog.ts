import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MAT_DIALOG_DATA, MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { Observable } from 'rxjs';

import type { ServiceInstanceShareDetails } from '@osb/api';
import { apiErrorMessage } from '@app/core/api/api-error';
import type { InstanceRef } from '@app/core/api/api-types';
import { ConfirmationDialog, openConfirmation } from '@app/shared/ui/confirmation-dialog/confirmation-dialog';
import { SharingApi } from '../../sharing-api';

/** Which share the confirmation is about. */
export interface EndShareDialogData {
  /** The instance, as the project that asks (owner or target). */
  readonly ref: InstanceRef;
  /** The instance's name. */
  readonly instanceName: string;
  /** The project the instance is shared with. */
  readonly targetProjectId: string;
  /** That project's name. */
  readonly targetProjectName: string;
}

/**
 * Asks whether to end a share after listing the target project's bindings that ending it
 * deletes (read from the platform when the dialog opens); closes with `true` to go ahead.
 */
@Component({
  selector: 'mp-end-share-dialog',
  imports: [ConfirmationDialog, MatIconModule, MatProgressBarModule],
  template: `
    <mp-confirmation-dialog
      i18n-title="@@endShareTitle"
      title="Stop sharing “{{ data.instanceName }}” with {{ data.targetProjectName }}?"
      i18n-confirmLabel="@@endShareConfirm"
      confirmLabel="Stop sharing"
      [confirmDisabled]="!details()"
    >
      <p i18n="@@endShareMessage">{{ data.targetProjectName }} can no longer see or bind the instance.</p>
      @if (loadError(); as message) {
        <p class="mp-confirmation-dialog__error" role="alert" i18n="@@endShareDetailsFailed">
          What ending the share removes could not be loaded: {{ message }}
        </p>
      } @else if (details(); as loaded) {
        <div role="status">
          @if (loaded.bindingsToRemove.length === 0) {
            <p i18n="@@endShareNoBindings">{{ data.targetProjectName }} has no bindings on the instance.</p>
          } @else {
            <p i18n="@@endShareBindings">
              These bindings of {{ data.targetProjectName }} are deleted, and their credentials stop working:
            </p>
            <ul class="mp-confirmation-dialog__list">
              @for (binding of loaded.bindingsToRemove; track binding.id) {
                <li>
                  <mat-icon svgIcon="key" aria-hidden="true" />
                  <span>{{ binding.name }}</span>
                  @if (binding.tenant; as tenant) {
                    <span class="mp-confirmation-dialog__meta" i18n="@@endShareBindingTenant"
                      >(tenant {{ tenant.id }})</span
                    >
                  }
                </li>
              }
            </ul>
          }
        </div>
      } @else {
        <mat-progress-bar
          mode="indeterminate"
          i18n-aria-label="@@loadingShareDetails"
          aria-label="Loading the bindings that ending the share removes"
        />
      }
    </mp-confirmation-dialog>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EndShareDialog {
  /** The share to end. */
  protected readonly data = inject<EndShareDialogData>(MAT_DIALOG_DATA);
  /** The share and the bindings ending it removes, once loaded. */
  protected readonly details = signal<ServiceInstanceShareDetails | undefined>(undefined);
  /** Why they could not be loaded. */
  protected readonly loadError = signal<string | null>(null);

  constructor() {
    inject(SharingApi)
      .details(this.data.ref, this.data.targetProjectId)
      .subscribe({
        next: (details) => this.details.set(details),
        error: (error: unknown) => this.loadError.set(apiErrorMessage(error)),
      });
  }
}

/** Opens the confirmation; emits once whether the user confirmed. */
export function confirmEndShare(dialog: MatDialog, data: EndShareDialogData): Observable<boolean> {
  return openConfirmation<EndShareDialog, EndShareDialogData>(dialog, EndShareDialog, { data, maxWidth: '36rem' });
}
