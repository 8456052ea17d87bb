import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MaterialControlWidget } from './material-control-widget';
import { Markdown } from '../../ui/markdown/markdown';

/** A number field for `integer` and `number` values. */
@Component({
  selector: 'mp-sf-number-widget',
  imports: [Markdown, ReactiveFormsModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field
      class="mp-sf-field mp-sf-field--number"
      subscriptSizing="dynamic"
      [floatLabel]="schema.placeholder ? 'always' : 'auto'"
    >
      <mat-label
        >{{ label }}
        @if (required) {
          <span class="mp-sf-required" aria-hidden="true"> *</span>
        }
      </mat-label>
      <input
        matInput
        type="number"
        [id]="fieldId"
        [formControl]="control"
        [errorStateMatcher]="errorStateMatcher"
        [attr.name]="name"
        [attr.placeholder]="schema.placeholder || null"
        [attr.aria-required]="required"
        [attr.min]="schema['minimum'] ?? null"
        [attr.max]="schema['maximum'] ?? null"
        [attr.step]="schema.type === 'integer' ? 1 : 'any'"
        [readonly]="!!schema.readOnly"
      />
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
export class NumberWidget extends MaterialControlWidget {}
