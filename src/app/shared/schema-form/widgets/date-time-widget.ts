import { ChangeDetectionStrategy, Component, OnInit } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { provideNativeDateAdapter } from '@angular/material/core';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTimepickerModule } from '@angular/material/timepicker';
import { Markdown } from '../../ui/markdown/markdown';
import { FieldMessages } from './field-messages';
import { MaterialControlWidget } from './material-control-widget';

/**
 * A date (`format: date`, sent as YYYY-MM-DD), a time (`format: time`, sent as HH:MM:SS with the
 * browser's UTC offset, as RFC 3339 asks) or both
 * (`format: date-time`, sent as an ISO 8601 instant in UTC), picked with Material's date and time
 * pickers or typed.
 */
@Component({
  selector: 'mp-sf-date-time-widget',
  imports: [
    FieldMessages,
    Markdown,
    ReactiveFormsModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatTimepickerModule,
  ],
  providers: [provideNativeDateAdapter()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <!-- Outside the form fields, where the fields' @if blocks could not reach them. -->
    <mat-datepicker #datePicker />
    <mat-timepicker #timePicker />
    <div class="mp-sf-date-time">
      @for (part of parts; track part; let first = $first) {
        <!-- The first field holds the label, placeholder, description and messages of the value. -->
        <mat-form-field class="mp-sf-field" [class.mp-sf-field--time]="part === 'time'" subscriptSizing="dynamic">
          <mat-label>
            @if (first) {
              {{ label }}
              @if (required) {
                <span class="mp-sf-required" aria-hidden="true"> *</span>
              }
            } @else {
              <ng-container i18n="@@schemaForm.time">Time</ng-container>
            }
          </mat-label>
          <!-- One element a block, so that each reaches its slot of the form field. -->
          @if (part === 'date') {
            <input
              matInput
              [id]="fieldId"
              [matDatepicker]="datePicker"
              [formControl]="picked"
              [errorStateMatcher]="errorStateMatcher"
              [readonly]="!!schema.readOnly"
              (blur)="interacted.set(true)"
              [attr.placeholder]="schema.placeholder || null"
            />
          } @else {
            <input
              matInput
              [id]="first ? fieldId : fieldId + '-time'"
              [matTimepicker]="timePicker"
              [formControl]="picked"
              [errorStateMatcher]="errorStateMatcher"
              [readonly]="!!schema.readOnly"
              (blur)="interacted.set(true)"
              [attr.placeholder]="(first && schema.placeholder) || null"
            />
          }
          @if (part === 'date') {
            <mat-datepicker-toggle matIconSuffix [for]="datePicker" [disabled]="!!schema.readOnly" />
          } @else {
            <mat-timepicker-toggle matIconSuffix [for]="timePicker" [disabled]="!!schema.readOnly" />
          }
          @if (first && schema.description) {
            <mat-hint [id]="hintId"><mp-markdown class="mp-sf-markdown" [source]="schema.description" /></mat-hint>
          }
          @if (first && showErrors()) {
            <mat-error [id]="errorId"><mp-sf-field-messages [messages]="messages()" /></mat-error>
          }
        </mat-form-field>
      }
    </div>
  `,
})
export class DateTimeWidget extends MaterialControlWidget implements OnInit {
  /** The date and time as the pickers hold them. */
  protected readonly picked = new FormControl<Date | null>(null);
  /** The parts picked, each in a field of its own: a date, a time, or a date and then a time. */
  protected parts: readonly ('date' | 'time')[] = ['date'];

  override ngOnInit(): void {
    const kind = this.schema.widget?.id;
    this.parts = kind === 'time' ? ['time'] : kind === 'date-time' ? ['date', 'time'] : ['date'];
    super.ngOnInit();
  }

  protected override bindValue(): void {
    this.subscriptions.add(
      this.formProperty.valueChanges.subscribe((value: unknown) => {
        this.value.set(value);
        const date = parseValue(value, this.schema.widget?.id);
        if (date?.getTime() !== this.picked.value?.getTime()) {
          this.picked.setValue(date, { emitEvent: false });
        }
      }),
    );
    this.subscriptions.add(
      this.picked.valueChanges.subscribe((date) => {
        this.interacted.set(true);
        this.formProperty.setValue(
          date && !Number.isNaN(date.getTime()) ? formatValue(date, this.schema.widget?.id) : '',
          false,
        );
      }),
    );
  }
}

/** Reads a stored value into a date for the pickers. */
function parseValue(value: unknown, kind: string | undefined): Date | null {
  if (typeof value !== 'string' || value === '') {
    return null;
  }
  if (kind === 'time') {
    const match = /^(\d\d):(\d\d)(?::(\d\d))?/.exec(value);
    return match ? new Date(2000, 0, 1, Number(match[1]), Number(match[2]), Number(match[3] ?? 0)) : null;
  }
  if (kind === 'date') {
    const match = /^(\d{4})-(\d\d)-(\d\d)$/.exec(value);
    return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Writes a picked date in the schema's format. */
function formatValue(date: Date, kind: string | undefined): string {
  const pad = (part: number) => String(part).padStart(2, '0');
  if (kind === 'time') {
    const offset = -date.getTimezoneOffset();
    const zone =
      offset === 0
        ? 'Z'
        : `${offset > 0 ? '+' : '-'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
    return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}${zone}`;
  }
  if (kind === 'date') {
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  }
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
