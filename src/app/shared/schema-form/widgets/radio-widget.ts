import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatRadioModule } from '@angular/material/radio';
import { choiceOptions, type ChoiceOption } from './choice-options';
import { FieldMessages } from './field-messages';
import { MaterialControlWidget } from './material-control-widget';
import { Markdown } from '../../ui/markdown/markdown';

/** Radio buttons for `enum` and labelled `oneOf` fields (widget id `radio`). */
@Component({
  selector: 'mp-sf-radio-widget',
  imports: [FieldMessages, Markdown, ReactiveFormsModule, MatRadioModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div
      class="mp-sf-choice"
      role="radiogroup"
      [attr.aria-labelledby]="fieldId + '-label'"
      [attr.aria-describedby]="describedBy"
      [attr.aria-invalid]="showErrors()"
      [attr.aria-required]="required"
    >
      <div class="mp-sf-group-label" [id]="fieldId + '-label'">
        {{ label }}
        @if (required) {
          <span class="mp-sf-required" aria-hidden="true"> *</span>
        }
      </div>
      <mat-radio-group [id]="fieldId" [formControl]="control" [name]="fieldId" class="mp-sf-radio-group">
        @for (option of options; track $index) {
          <mat-radio-button [value]="option.value">{{ option.label }}</mat-radio-button>
        }
      </mat-radio-group>
      @if (schema.description) {
        <div class="mp-sf-hint" [id]="hintId"><mp-markdown class="mp-sf-markdown" [source]="schema.description" /></div>
      }
      @if (showErrors()) {
        <div class="mp-sf-error" role="alert" [id]="errorId"><mp-sf-field-messages [messages]="messages()" /></div>
      }
    </div>
  `,
})
export class RadioWidget extends MaterialControlWidget {
  /** The choices. */
  protected options: ChoiceOption[] = [];

  override ngOnInit(): void {
    this.options = choiceOptions(this.schema);
    super.ngOnInit();
  }
}
