import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MaterialControlWidget } from './material-control-widget';

const INPUT_TYPES: Record<string, string> = {
  password: 'password',
  email: 'email',
  url: 'url',
  date: 'date',
  time: 'time',
  tel: 'tel',
  search: 'search',
};

/** A one-line text field; the widget id picks the input type (password, email, url, date, …). */
@Component({
  selector: 'mp-sf-text-widget',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="mp-sf-field" subscriptSizing="dynamic" [floatLabel]="schema.placeholder ? 'always' : 'auto'">
      <mat-label>{{ label }}@if (required) {<span class="mp-sf-required" aria-hidden="true"> *</span>}</mat-label>
      <input matInput [id]="fieldId" [type]="inputType" [formControl]="control" [errorStateMatcher]="errorStateMatcher"
        [attr.name]="name" [attr.placeholder]="schema.placeholder || null" [attr.aria-required]="required"
        [attr.maxlength]="schema.maxLength || null" [readonly]="!!schema.readOnly" [attr.autocomplete]="inputType === 'password' ? 'new-password' : null" />
      @if (schema.description) {
        <mat-hint [id]="hintId">{{ schema.description }}</mat-hint>
      }
      @if (showErrors()) {
        <mat-error [id]="errorId">@for (message of messages(); track message) {<span class="mp-sf-message">{{ message }}</span>}@if (repeatDescription()) {<span class="mp-sf-message mp-sf-message--help">{{ schema.description }}</span>}</mat-error>
      }
    </mat-form-field>
  `,
})
export class TextWidget extends MaterialControlWidget {
  /** The HTML input type for the schema's widget id. */
  protected get inputType(): string {
    return INPUT_TYPES[this.schema.widget?.id] ?? 'text';
  }
}
