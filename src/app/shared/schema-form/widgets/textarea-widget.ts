import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MaterialControlWidget } from './material-control-widget';
import { Markdown } from '../../ui/markdown/markdown';

/** A multi-line text field. */
@Component({
  selector: 'mp-sf-textarea-widget',
  imports: [Markdown, ReactiveFormsModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="mp-sf-field" subscriptSizing="dynamic" [floatLabel]="schema.placeholder ? 'always' : 'auto'">
      <mat-label
        >{{ label }}
        @if (required) {
          <span class="mp-sf-required" aria-hidden="true"> *</span>
        }
      </mat-label>
      <textarea
        matInput
        rows="4"
        [id]="fieldId"
        [formControl]="control"
        [errorStateMatcher]="errorStateMatcher"
        [attr.name]="name"
        [attr.placeholder]="schema.placeholder || null"
        [attr.aria-required]="required"
        [attr.maxlength]="schema.maxLength || null"
        [readonly]="!!schema.readOnly"
      ></textarea>
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
export class TextareaWidget extends MaterialControlWidget {}
