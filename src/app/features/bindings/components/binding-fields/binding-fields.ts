import { ChangeDetectionStrategy, Component, computed, input, model, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';

import type { ServiceOffering, ServicePlan } from '@osb/api';
import { ParametersForm, type Parameters } from '@app/shared/schema-form/parameters-form';

/** The longest binding name the platform accepts. */
const BINDING_NAME_MAX_LENGTH = 100;

/**
 * The fields of a binding order: notes on sensitive credentials and expiry, the binding's name
 * and the parameters of the plan's binding schema (a JSON editor on request for a plan without
 * one). Used by the create-binding dialog and the order wizard's binding step.
 */
@Component({
  selector: 'mp-binding-fields',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, ParametersForm],
  templateUrl: './binding-fields.html',
  styleUrl: './binding-fields.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BindingFields {
  /** The service bound (for its sensitive flag). */
  readonly service = input.required<ServiceOffering>();
  /** The plan bound (for its binding schema and expiry). */
  readonly plan = input.required<ServicePlan>();
  /** Whether to show every problem (after the user tried to go on). */
  readonly revealProblems = input(false);
  /** Whether a name is required (the order wizard's step may be left empty to skip it). */
  readonly nameRequired = input(true);
  /** The binding's name as typed. */
  readonly name = model('');
  /** The parameters as entered. */
  readonly parameters = model<Parameters>({});
  /** Emits whether the parameters may be sent. */
  readonly validChange = output<boolean>();

  /** The longest name allowed. */
  protected readonly nameMaxLength = BINDING_NAME_MAX_LENGTH;
  /** The plan's binding schema. */
  protected readonly schema = computed(() => this.plan().schemas.bindingCreate);
  /** Whether the JSON parameters editor is open for a plan without a binding schema. */
  protected readonly showParameters = signal(false);
}
