import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { sameJson } from '@osb/json-schema';
import { AriaRequired } from './aria-required';
import { MaterialControlWidget } from './material-control-widget';
import { Markdown } from '../../ui/markdown/markdown';

/**
 * A JSON text editor for values the form cannot break into fields: free-form objects, untyped
 * fields, tuples. Also the fallback for widget ids nobody registered.
 */
@Component({
  selector: 'mp-sf-json-widget',
  imports: [Markdown, ReactiveFormsModule, MatFormFieldModule, MatInputModule, AriaRequired],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="mp-sf-field mp-sf-field--json" subscriptSizing="dynamic">
      <mat-label
        >{{ label }}
        @if (required) {
          <span class="mp-sf-required" aria-hidden="true"> *</span>
        }
      </mat-label>
      <textarea
        matInput
        rows="4"
        class="mp-sf-code"
        spellcheck="false"
        [id]="fieldId"
        [formControl]="control"
        [errorStateMatcher]="jsonErrorStateMatcher"
        [mpSfAriaRequired]="required"
        [attr.placeholder]="schema.placeholder || null"
      ></textarea>
      <mat-hint [id]="hintId">
        @if (schema.description) {
          <mp-markdown class="mp-sf-markdown" [source]="schema.description" />
        }
        <span i18n="@@schemaForm.json.hint">Enter JSON.</span></mat-hint
      >
      @if (parseError(); as problem) {
        <mat-error [id]="errorId">{{ problem }}</mat-error>
      } @else if (showErrors()) {
        <mat-error [id]="errorId">
          @for (message of messages(); track message) {
            <span class="mp-sf-message">{{ message }}</span>
          }
        </mat-error>
      }
    </mat-form-field>
  `,
})
export class JsonWidget extends MaterialControlWidget {
  /** Why the text is not JSON, if it is not. */
  protected readonly parseError = signal<string | undefined>(undefined);
  /** Shows the field in error on a syntax error as well as on schema errors. */
  protected readonly jsonErrorStateMatcher = {
    isErrorState: () => this.parseError() !== undefined || this.showErrors(),
  };

  override ngOnDestroy(): void {
    this.formState.setUnreadable(this.fieldId, false);
    super.ngOnDestroy();
  }

  protected override bindValue(): void {
    this.subscriptions.add(
      this.formProperty.valueChanges.subscribe((value: unknown) => {
        this.value.set(value);
        if (this.parseError() === undefined && !sameJson(readJson(this.control.value).value, value)) {
          this.control.setValue(value === null || value === undefined ? '' : JSON.stringify(value, null, 2), {
            emitEvent: false,
          });
        }
      }),
    );
    this.subscriptions.add(
      this.control.valueChanges.subscribe((text: string) => {
        const read = readJson(text);
        this.parseError.set(read.error);
        this.formState.setUnreadable(this.fieldId, read.error !== undefined);
        if (read.error === undefined) {
          this.formProperty.setValue(read.value, false);
        }
      }),
    );
  }
}

/** Parses JSON text; blank text is "no value". */
function readJson(text: string | null): { value: unknown; error?: string } {
  if (!text || text.trim() === '') {
    return { value: null };
  }
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return {
      value: null,
      error: $localize`:@@schemaForm.json.syntax:This is not valid JSON: ${error instanceof Error ? error.message : String(error)}:detail:`,
    };
  }
}
