import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { SchemaVariant } from '@osb/json-schema';
import { FIELD_ID_PREFIX } from '../field-id-prefix';

let pickerCount = 0;

/** Chooses which of an object's shapes (its `oneOf`/`anyOf` alternatives with fields) to fill in. */
@Component({
  selector: 'mp-sf-variant-picker',
  imports: [MatFormFieldModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="mp-sf-field mp-sf-variant-picker" subscriptSizing="dynamic">
      <mat-label>{{ label() }}</mat-label>
      <mat-select [id]="pickerId" [value]="chosen()" (selectionChange)="chosenChange.emit($event.value)">
        @for (variant of variants(); track $index) {
          <mat-option [value]="$index">{{ variant.label }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
})
export class VariantPicker {
  /** What is being chosen, e.g. the object's title. */
  readonly label = input.required<string>();
  /** The shapes to choose from. */
  readonly variants = input.required<readonly SchemaVariant[]>();
  /** The index of the chosen shape. */
  readonly chosen = input.required<number>();
  /** Emits the index of the shape the person picks. */
  readonly chosenChange = output<number>();
  /** DOM id of the select. */
  protected readonly pickerId = `${inject(FIELD_ID_PREFIX)}variant-${++pickerCount}`;
}
