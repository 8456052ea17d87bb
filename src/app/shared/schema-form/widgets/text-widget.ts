import { ChangeDetectionStrategy, Component, computed, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MaterialControlWidget } from './material-control-widget';
import { Markdown } from '../../ui/markdown/markdown';

const INPUT_TYPES: Record<string, string> = {
  password: 'password',
  email: 'email',
  url: 'url',
  tel: 'tel',
  search: 'search',
};

/**
 * A one-line text field; the widget id picks the input type (password, email, url, …). A secret
 * (password widget) is masked with a button to reveal it while typing; in an update, a secret the
 * platform keeps starts empty and says so, and stays unchanged unless a new value is typed.
 */
@Component({
  selector: 'mp-sf-text-widget',
  imports: [Markdown, ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="mp-sf-field" subscriptSizing="dynamic" [floatLabel]="placeholder() ? 'always' : 'auto'">
      <mat-label
        >{{ label }}
        @if (required) {
          <span class="mp-sf-required" aria-hidden="true"> *</span>
        }
      </mat-label>
      <input
        matInput
        [id]="fieldId"
        [type]="inputType"
        [formControl]="control"
        [errorStateMatcher]="errorStateMatcher"
        [attr.name]="name"
        [attr.placeholder]="placeholder() || null"
        [attr.aria-required]="required"
        [attr.maxlength]="schema.maxLength || null"
        [readonly]="!!schema.readOnly"
        [attr.autocomplete]="isSecret ? 'new-password' : null"
        [attr.spellcheck]="isSecret ? false : null"
      />
      @if (isSecret) {
        <button
          mat-icon-button
          matIconSuffix
          type="button"
          (click)="revealed.set(!revealed())"
          [attr.aria-pressed]="revealed()"
          [attr.aria-controls]="fieldId"
          i18n-aria-label="@@schemaForm.secret.reveal"
          aria-label="Show the value while typing"
        >
          <mat-icon [svgIcon]="revealed() ? 'visibility_off' : 'visibility'" aria-hidden="true" />
        </button>
      }
      @if (schema.description) {
        <mat-hint [id]="hintId"><mp-markdown class="mp-sf-markdown" [source]="schema.description" /></mat-hint>
      }
      @if (showErrors()) {
        <mat-error [id]="errorId">
          @for (message of messages(); track message) {
            <span class="mp-sf-message">{{ message }}</span>
          }
        </mat-error>
      }
    </mat-form-field>
  `,
})
export class TextWidget extends MaterialControlWidget {
  /** Whether the person asked to see the secret they type. */
  protected readonly revealed = signal(false);
  /** The placeholder: "set, type to replace" for a kept secret, else the schema's. */
  protected readonly placeholder = computed(() =>
    this.isSecret && this.formState.storedSecrets().includes(this.pointer)
      ? $localize`:@@schemaForm.secret.stored:Set (hidden). Type a new value to replace it.`
      : (this.schema.placeholder ?? ''),
  );

  /** Whether the field holds a secret. */
  protected get isSecret(): boolean {
    return this.schema.widget?.id === 'password';
  }

  /** The HTML input type for the schema's widget id. */
  protected get inputType(): string {
    if (this.isSecret) {
      return this.revealed() ? 'text' : 'password';
    }
    return INPUT_TYPES[this.schema.widget?.id] ?? 'text';
  }
}
