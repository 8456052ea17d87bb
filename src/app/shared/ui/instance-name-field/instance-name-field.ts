import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators, type ValidationErrors } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

/** The longest instance name the platform accepts. */
const INSTANCE_NAME_MAX_LENGTH = 100;

/** A name as compared for uniqueness within a project: trimmed, without case. */
export function comparableInstanceName(name: string): string {
  return name.trim().toLocaleLowerCase();
}

/**
 * The control of an instance's name, with the platform's rules: required, not blank, at most
 * {@link INSTANCE_NAME_MAX_LENGTH} characters, and (where `takenNames` tells them) none of the
 * project's other names as compared by {@link comparableInstanceName} (error `taken`).
 */
export function instanceNameControl(takenNames: () => ReadonlySet<string> = () => new Set()): FormControl<string> {
  return new FormControl('', {
    nonNullable: true,
    validators: [
      Validators.required,
      Validators.maxLength(INSTANCE_NAME_MAX_LENGTH),
      Validators.pattern(/\S/),
      (control): ValidationErrors | null =>
        takenNames().has(comparableInstanceName(String(control.value))) ? { taken: true } : null,
    ],
  });
}

/**
 * The field of an instance's name, for a control of {@link instanceNameControl}: its label, hint
 * and the message of the first rule the name breaks. Used where instances are ordered and changed.
 */
@Component({
  selector: 'mp-instance-name-field',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule],
  template: `
    <mat-form-field class="mp-instance-name-field__field">
      <mat-label i18n="@@instanceName">Instance name</mat-label>
      <input matInput [formControl]="control()" [maxlength]="nameMaxLength" autocomplete="off" required />
      <mat-hint i18n="@@instanceNameHint">How the instance is listed in your project.</mat-hint>
      @if (control().hasError('maxlength')) {
        <mat-error i18n="@@instanceNameTooLong">At most {{ nameMaxLength }} characters.</mat-error>
      } @else if (control().hasError('taken')) {
        <mat-error i18n="@@instanceNameTaken"
          >An instance of this project already has this name. Choose another one.</mat-error
        >
      } @else {
        <mat-error i18n="@@instanceNameRequired">Give the instance a name.</mat-error>
      }
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    .mp-instance-name-field__field {
      width: 100%;
      max-width: 480px;
    }
  `,
  // Checked with the page: whether the field shows its error also depends on what surrounds it
  // (a stepper step the user tried to leave, a form the page marked as touched), which no input tells.
  changeDetection: ChangeDetectionStrategy.Eager,
})
export class InstanceNameField {
  /** The name's control, made by {@link instanceNameControl}. */
  readonly control = input.required<FormControl<string>>();

  /** The longest name allowed, for the message. */
  protected readonly nameMaxLength = INSTANCE_NAME_MAX_LENGTH;
}
