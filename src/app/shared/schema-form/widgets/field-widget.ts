import { ChangeDetectionStrategy, ChangeDetectorRef, Component, OnInit, computed, inject, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { choiceOptions, emptyChoiceValue, type ChoiceOption } from './choice-options';
import { FieldMessages } from './field-messages';
import { AriaRequired } from './aria-required';
import { MaterialControlWidget, isEmptyValue } from './material-control-widget';
import { Markdown } from '../../ui/markdown/markdown';

/** The control a {@link FieldWidget} draws inside its form field. */
type FieldControl = 'text' | 'number' | 'textarea' | 'select';

/** The control for each widget id; any other id is one-line text. */
const CONTROLS: Readonly<Record<string, FieldControl>> = {
  integer: 'number',
  number: 'number',
  range: 'number',
  textarea: 'textarea',
  select: 'select',
};

const INPUT_TYPES: Record<string, string> = {
  password: 'password',
  email: 'email',
  url: 'url',
  tel: 'tel',
  search: 'search',
};

/**
 * A Material form field with its label, description and messages around one control, picked by
 * the widget id:
 * - one-line text, whose widget id picks the input type (password, email, url, …). A secret
 *   (password widget) is masked with a button to reveal it while typing; in an update, a secret
 *   the platform keeps starts empty and says so, and stays unchanged unless a new value is typed;
 * - a number field for `integer` and `number` values;
 * - a multi-line text field (`textarea`);
 * - a drop-down list (`select`) for `enum` and labelled `oneOf` fields; several choices for a list of them.
 */
@Component({
  selector: 'mp-sf-field-widget',
  imports: [
    FieldMessages,
    Markdown,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    AriaRequired,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field
      class="mp-sf-field"
      [class.mp-sf-field--number]="kind === 'number'"
      subscriptSizing="dynamic"
      [floatLabel]="placeholder() ? 'always' : 'auto'"
    >
      <mat-label
        >{{ label }}
        @if (required) {
          <span class="mp-sf-required" aria-hidden="true"> *</span>
        }
      </mat-label>
      @switch (kind) {
        @case ('select') {
          <mat-select
            [id]="fieldId"
            [formControl]="control"
            [errorStateMatcher]="errorStateMatcher"
            [multiple]="schema.type === 'array'"
            [mpSfAriaRequired]="required"
            [placeholder]="placeholder()"
            (focusin)="createAllChoices()"
            (mousedown)="createAllChoices()"
          >
            @if (!required && schema.type !== 'array' && (allChoices() || isEmptyValue(value()))) {
              <mat-option [value]="emptyValue" i18n="@@schemaForm.select.none">(none)</mat-option>
            }
            @for (option of createdOptions(); track option) {
              <mat-option [value]="option.value">{{ option.label }}</mat-option>
            }
          </mat-select>
        }
        @case ('textarea') {
          <textarea
            matInput
            rows="4"
            [id]="fieldId"
            [formControl]="control"
            [errorStateMatcher]="errorStateMatcher"
            [attr.name]="name"
            [attr.placeholder]="placeholder() || null"
            [mpSfAriaRequired]="required"
            [attr.maxlength]="schema.maxLength || null"
            [readonly]="!!schema.readOnly"
          ></textarea>
        }
        @case ('number') {
          <input
            matInput
            type="number"
            [id]="fieldId"
            [formControl]="control"
            [errorStateMatcher]="errorStateMatcher"
            [attr.name]="name"
            [attr.placeholder]="placeholder() || null"
            [mpSfAriaRequired]="required"
            [attr.min]="schema['minimum'] ?? null"
            [attr.max]="schema['maximum'] ?? null"
            [attr.step]="schema.type === 'integer' ? 1 : 'any'"
            [readonly]="!!schema.readOnly"
          />
        }
        @default {
          <input
            matInput
            [id]="fieldId"
            [type]="inputType"
            [formControl]="control"
            [errorStateMatcher]="errorStateMatcher"
            [attr.name]="name"
            [attr.placeholder]="placeholder() || null"
            [mpSfAriaRequired]="required"
            [attr.maxlength]="schema.maxLength || null"
            [readonly]="!!schema.readOnly"
            [attr.autocomplete]="isSecret ? 'new-password' : null"
            [attr.spellcheck]="isSecret ? false : null"
          />
        }
      }
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
        <mat-error [id]="errorId"><mp-sf-field-messages [messages]="messages()" /></mat-error>
      }
    </mat-form-field>
  `,
})
export class FieldWidget extends MaterialControlWidget implements OnInit {
  /** The control drawn, from the widget id. */
  protected kind: FieldControl = 'text';
  /** Whether the person asked to see the secret they type. */
  protected readonly revealed = signal(false);
  /** The choices of a drop-down list, computed once: the schema does not change while the widget lives. */
  protected options: ChoiceOption[] = [];
  /** The value of the "(none)" choice. */
  protected emptyValue: unknown = '';
  /**
   * Whether every choice of the drop-down list is created. Until the list gets the focus or is
   * pressed, only the chosen ones are (enough to show the value), so that a form of many long
   * lists draws quickly.
   */
  protected readonly allChoices = signal(false);
  /** The choices created in the drop-down list (see {@link allChoices}). */
  protected readonly createdOptions = computed(() => {
    if (this.allChoices()) {
      return this.options;
    }
    const value = this.value();
    return this.options.filter((option) =>
      Array.isArray(value) ? value.includes(option.value) : option.value === value,
    );
  });
  /** Whether a value counts as not filled in (for the template). */
  protected readonly isEmptyValue = isEmptyValue;
  private readonly changeDetector = inject(ChangeDetectorRef);
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

  /** The HTML input type of one-line text for the schema's widget id. */
  protected get inputType(): string {
    if (this.isSecret) {
      return this.revealed() ? 'text' : 'password';
    }
    return INPUT_TYPES[this.schema.widget?.id] ?? 'text';
  }

  /**
   * Creates every choice at once, before the list opens or takes a key (it got the focus or a
   * press), so that it opens with all of them.
   */
  protected createAllChoices(): void {
    if (!this.allChoices()) {
      this.allChoices.set(true);
      this.changeDetector.detectChanges();
    }
  }

  override ngOnInit(): void {
    this.kind = CONTROLS[this.schema.widget?.id] ?? 'text';
    if (this.kind === 'select') {
      this.options = choiceOptions(this.schema);
      this.emptyValue = emptyChoiceValue(this.schema);
    }
    super.ngOnInit();
  }
}
