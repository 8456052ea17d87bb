import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogConfig, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Observable } from 'rxjs';

import type {
  BindingTenantChoice,
  Location,
  ServiceBindingWithCredentials,
  ServiceOffering,
  ServicePlan,
} from '@osb/api';
import { apiErrorMessage } from '@app/core/api/api-error';
import type { InstanceRef } from '@app/core/api/api-types';
import type { Parameters } from '@app/shared/schema-form/parameters-form';
import { FocusOnShow } from '@app/shared/ui/focus-on-show/focus-on-show';
import { BindingsApi } from '../../bindings-api';
import { BindingFields } from '../binding-fields/binding-fields';
import { TenantPicker } from '../tenant-picker/tenant-picker';

/** What the create-binding dialog needs to know about the instance. */
export interface CreateBindingData {
  /** The instance, as the project that binds it. */
  readonly ref: InstanceRef;
  /** The instance's name, for the title. */
  readonly instanceName: string;
  /** The instance's service (for its sensitive and tenant-aware flags). */
  readonly service: ServiceOffering;
  /** The instance's plan (for its binding schema and expiry). */
  readonly plan: ServicePlan;
  /** The instance's location for a local service. */
  readonly locationId?: string;
  /** The catalog's locations, to name tenants' locations. */
  readonly locations: readonly Location[];
}

/**
 * Orders a binding: a name, the tenant for a tenant-aware service, and the parameters of the
 * plan's binding schema. Closes with the platform's answer (with credentials when the broker
 * bound synchronously); a refusal keeps every input and says why, with the focus on the reason.
 */
@Component({
  selector: 'mp-create-binding-dialog',
  imports: [
    FormsModule,
    MatButtonModule,
    MatDialogModule,
    MatIconModule,
    MatProgressBarModule,
    BindingFields,
    FocusOnShow,
    TenantPicker,
  ],
  templateUrl: './create-binding-dialog.html',
  styleUrl: './create-binding-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CreateBindingDialog {
  private readonly api = inject(BindingsApi);
  private readonly dialogRef = inject<MatDialogRef<CreateBindingDialog, ServiceBindingWithCredentials>>(MatDialogRef);
  /** The instance and its offering. */
  protected readonly data = inject<CreateBindingData>(MAT_DIALOG_DATA);
  /** Whether the dialog was opened not to close on Escape or the backdrop anyway. */
  private readonly closeDisabledByConfig = this.dialogRef.disableClose === true;

  /** The binding's name as typed. */
  protected readonly name = signal('');
  /** The picked tenant, for a tenant-aware service. */
  protected readonly tenantId = signal<string | undefined>(undefined);
  /** The tenant choices, once loaded (tenant-aware services only). */
  protected readonly tenantChoices = signal<readonly BindingTenantChoice[] | undefined>(undefined);
  /** Why the tenant choices could not be loaded. */
  protected readonly tenantError = signal<string | null>(null);
  /** The parameters for the binding schema. */
  protected readonly parameters = signal<Parameters>({});
  /** Whether the parameters may be sent. */
  protected readonly parametersValid = signal(true);
  /** Whether the order is on its way. */
  protected readonly submitting = signal(false);
  /** Whether the user tried to submit (reveals problems). */
  protected readonly attempted = signal(false);
  /** Why the platform or broker refused the order. */
  protected readonly submitError = signal<string | null>(null);
  /** Whether the order may be sent. */
  protected readonly canSubmit = computed(
    () =>
      this.name().trim().length > 0 &&
      this.parametersValid() &&
      (!this.data.service.tenantAware || this.tenantId() !== undefined) &&
      !this.submitting(),
  );

  constructor() {
    if (this.data.service.tenantAware) {
      this.loadTenants();
    }
  }

  /** Loads the tenant choices (again, after an error). */
  protected loadTenants(): void {
    this.tenantError.set(null);
    this.api.tenantChoices(this.data.ref).subscribe({
      next: (choices) => this.tenantChoices.set(choices),
      error: (error: unknown) => this.tenantError.set(apiErrorMessage(error)),
    });
  }

  /** Sends the order; closes with the answer, or keeps the inputs and shows why it failed. */
  protected createBinding(): void {
    this.attempted.set(true);
    if (!this.canSubmit()) {
      return;
    }
    const tenantId = this.tenantId();
    this.setSubmitting(true);
    this.submitError.set(null);
    this.api
      .create(this.data.ref, {
        name: this.name().trim(),
        parameters: this.parameters(),
        ...(this.data.service.tenantAware && tenantId !== undefined ? { tenantId } : {}),
      })
      .subscribe({
        next: (binding) => this.dialogRef.close(binding),
        error: (error: unknown) => {
          this.setSubmitting(false);
          this.submitError.set(apiErrorMessage(error));
          if (this.data.service.tenantAware) {
            this.loadTenants();
          }
        },
      });
  }

  /**
   * Marks the order as on its way or settled. While it is on its way the dialog cannot be
   * dismissed (Escape, backdrop): the answer may carry credentials delivered only this once.
   */
  private setSubmitting(submitting: boolean): void {
    this.submitting.set(submitting);
    this.dialogRef.disableClose = submitting || this.closeDisabledByConfig;
  }
}

/** Opens the create-binding dialog; emits the created binding, or undefined when cancelled. */
export function openCreateBinding(
  dialog: MatDialog,
  data: CreateBindingData,
): Observable<ServiceBindingWithCredentials | undefined> {
  const config: MatDialogConfig<CreateBindingData> = {
    data,
    width: '100%',
    maxWidth: '44rem',
    autoFocus: 'first-tabbable',
  };
  return dialog
    .open<CreateBindingDialog, CreateBindingData, ServiceBindingWithCredentials>(CreateBindingDialog, config)
    .afterClosed();
}
