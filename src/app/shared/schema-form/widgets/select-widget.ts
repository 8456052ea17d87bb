import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { choiceOptions, emptyChoiceValue, type ChoiceOption } from './choice-options';
import { MaterialControlWidget } from './material-control-widget';
import { Markdown } from '../../ui/markdown/markdown';

/** A drop-down list for `enum` and labelled `oneOf` fields; several choices for a list of them. */
@Component({
  selector: 'mp-sf-select-widget',
  imports: [Markdown, ReactiveFormsModule, MatFormFieldModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="mp-sf-field" subscriptSizing="dynamic" [floatLabel]="schema.placeholder ? 'always' : 'auto'">
      <mat-label
        >{{ label }}
        @if (required) {
          <span class="mp-sf-required" aria-hidden="true"> *</span>
        }
      </mat-label>
      <mat-select
        [id]="fieldId"
        [formControl]="control"
        [errorStateMatcher]="errorStateMatcher"
        [multiple]="schema.type === 'array'"
        [attr.aria-required]="required"
        [placeholder]="schema.placeholder ?? ''"
      >
        @if (!required && schema.type !== 'array') {
          <mat-option [value]="emptyValue" i18n="@@schemaForm.select.none">(none)</mat-option>
        }
        @for (option of options; track $index) {
          <mat-option [value]="option.value">{{ option.label }}</mat-option>
        }
      </mat-select>
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
export class SelectWidget extends MaterialControlWidget {
  /** The choices, computed once: the schema does not change while the widget lives. */
  protected options: ChoiceOption[] = [];
  /** The value of the "(none)" choice. */
  protected emptyValue: unknown = '';

  override ngOnInit(): void {
    this.options = choiceOptions(this.schema);
    this.emptyValue = emptyChoiceValue(this.schema);
    super.ngOnInit();
  }
}
