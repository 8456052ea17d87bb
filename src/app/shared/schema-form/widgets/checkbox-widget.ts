import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { FieldMessages } from './field-messages';
import { MaterialControlWidget } from './material-control-widget';
import { Markdown } from '../../ui/markdown/markdown';

/** A check box for a `boolean` value. */
@Component({
  selector: 'mp-sf-checkbox-widget',
  imports: [FieldMessages, Markdown, ReactiveFormsModule, MatCheckboxModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="mp-sf-choice mp-sf-choice--checkbox">
      <mat-checkbox
        [id]="fieldId"
        [formControl]="control"
        [aria-describedby]="describedBy ?? ''"
        [attr.aria-invalid]="showErrors()"
      >
        {{ label }}
        @if (required) {
          <span class="mp-sf-required" aria-hidden="true"> *</span>
        }
      </mat-checkbox>
      @if (schema.description) {
        <div class="mp-sf-hint" [id]="hintId"><mp-markdown class="mp-sf-markdown" [source]="schema.description" /></div>
      }
      @if (showErrors()) {
        <div class="mp-sf-error" role="alert" [id]="errorId"><mp-sf-field-messages [messages]="messages()" /></div>
      }
    </div>
  `,
})
export class CheckboxWidget extends MaterialControlWidget {}
