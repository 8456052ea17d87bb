import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { Observable } from 'rxjs';

import type { ProjectRef, ServiceInstanceDeletionImpact } from '@osb/api';
import { apiErrorMessage } from '@app/core/api/api-error';
import { ServiceInstancesApi } from '@app/core/api/service-instances-api';
import { ConfirmationDialog, openConfirmation } from '@app/shared/ui/confirmation-dialog/confirmation-dialog';

/** Which instance the deprovision confirmation is about. */
export interface DeprovisionDialogData {
  /** The project that owns the instance. */
  readonly projectId: string;
  readonly instanceId: string;
  /** The instance's name, repeated in the question and typed to confirm when other projects lose access. */
  readonly instanceName: string;
}

/**
 * Asks whether to deprovision a service instance and shows what goes with it: every binding (of
 * every project) and the projects the instance is shared with. When other projects lose access,
 * or what is affected cannot be told, the user types the instance's name to confirm. Closes with
 * `true` to go ahead.
 */
@Component({
  selector: 'mp-deprovision-dialog',
  imports: [ConfirmationDialog, FormsModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule],
  template: `
    <mp-confirmation-dialog
      i18n-title="@@deprovisionDialogTitle"
      title="Deprovision “{{ data.instanceName }}”?"
      i18n-confirmLabel="@@deprovisionConfirm"
      confirmLabel="Deprovision"
      [confirmDisabled]="!canConfirm()"
    >
      <p i18n="@@deprovisionDialogMessage">
        The broker deletes the instance and all its bindings. Data kept in the instance is lost; this cannot be undone.
      </p>
      @if (impact(); as affected) {
        @if (affected.bindings.length > 0) {
          <h3 class="mp-confirmation-dialog__subtitle" i18n="@@deprovisionBindingsTitle">
            These bindings are deleted; applications that use their credentials lose access:
          </h3>
          <ul class="mp-confirmation-dialog__list" i18n-aria-label="@@deprovisionBindingsList" aria-label="Bindings">
            @for (binding of affected.bindings; track binding.id) {
              <li>
                <mat-icon svgIcon="key" aria-hidden="true" />
                <span class="mp-confirmation-dialog__name">{{ binding.name }}</span>
                <span class="mp-confirmation-dialog__meta"
                  >·
                  @if (binding.project.projectId === data.projectId) {
                    <ng-container i18n="@@deprovisionBindingOwnProject">this project</ng-container>
                  } @else {
                    {{ binding.project.displayName }}
                  }
                </span>
                @if (binding.tenantId; as tenant) {
                  <span class="mp-confirmation-dialog__meta"
                    >· <ng-container i18n="@@deprovisionBindingTenant">tenant {{ tenant }}</ng-container></span
                  >
                }
              </li>
            }
          </ul>
        } @else {
          <p i18n="@@deprovisionNoBindings">The instance has no bindings.</p>
        }
        @if (affected.sharedWith.length > 0) {
          <h3 class="mp-confirmation-dialog__subtitle" i18n="@@deprovisionSharesTitle">
            These projects the instance is shared with lose access to it:
          </h3>
          <ul class="mp-confirmation-dialog__list" i18n-aria-label="@@deprovisionSharesList" aria-label="Projects">
            @for (project of affected.sharedWith; track project.projectId) {
              <li>
                <mat-icon svgIcon="share" aria-hidden="true" />
                <span class="mp-confirmation-dialog__name">{{ project.displayName }}</span>
              </li>
            }
          </ul>
        }
      } @else if (impactError(); as message) {
        <p class="mp-confirmation-dialog__error" role="alert" i18n="@@deprovisionImpactFailed">
          What else the deprovision removes could not be loaded: {{ message }}
        </p>
      } @else {
        <mat-progress-bar
          mode="indeterminate"
          i18n-aria-label="@@loadingDeprovisionImpact"
          aria-label="Loading what the deprovision removes"
        />
      }
      @if (nameRequired()) {
        <mat-form-field class="mp-deprovision-dialog__confirm-name">
          <mat-label i18n="@@deprovisionTypeName">Type “{{ data.instanceName }}” to confirm</mat-label>
          <input
            matInput
            name="confirmName"
            autocomplete="off"
            spellcheck="false"
            [ngModel]="typedName()"
            (ngModelChange)="typedName.set($event)"
          />
          @if (otherProjects().length > 0) {
            <mat-hint i18n="@@deprovisionTypeNameHint">Other projects lose access to this instance.</mat-hint>
          }
        </mat-form-field>
      }
    </mp-confirmation-dialog>
  `,
  styles: `
    .mp-deprovision-dialog__confirm-name {
      width: 100%;
      margin-top: 1rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeprovisionDialog {
  /** The instance to name and look up. */
  protected readonly data = inject<DeprovisionDialogData>(MAT_DIALOG_DATA);

  /** What the deprovision takes away, once loaded. */
  protected readonly impact = signal<ServiceInstanceDeletionImpact | undefined>(undefined);
  /** Why it could not be loaded. */
  protected readonly impactError = signal<string | null>(null);
  /** The name as the user typed it. */
  protected readonly typedName = signal('');
  /** The other projects that lose access: those it is shared with and those holding bindings. */
  protected readonly otherProjects = computed(() => {
    const impact = this.impact();
    const projects = new Map<string, ProjectRef>();
    for (const project of [...(impact?.sharedWith ?? []), ...(impact?.bindings ?? []).map((b) => b.project)]) {
      if (project.projectId !== this.data.projectId) projects.set(project.projectId, project);
    }
    return [...projects.values()];
  });
  /** Whether the name must be typed: other projects lose access, or it is unknown whether they do. */
  protected readonly nameRequired = computed(() => this.impactError() !== null || this.otherProjects().length > 0);
  /** Whether the deprovision may go ahead. */
  protected readonly canConfirm = computed(
    () =>
      (this.impact() !== undefined || this.impactError() !== null) &&
      (!this.nameRequired() || this.typedName().trim() === this.data.instanceName),
  );

  constructor() {
    inject(ServiceInstancesApi)
      .deletionImpact(this.data.projectId, this.data.instanceId)
      .subscribe({
        next: (impact) => this.impact.set(impact),
        error: (error: unknown) => this.impactError.set(apiErrorMessage(error)),
      });
  }
}

/** Opens the confirmation; emits once whether the user confirmed. */
export function confirmDeprovision(dialog: MatDialog, data: DeprovisionDialogData): Observable<boolean> {
  return openConfirmation<DeprovisionDialog, DeprovisionDialogData>(dialog, DeprovisionDialog, {
    data,
    width: '100%',
    maxWidth: '36rem',
  });
}
