import { ChangeDetectionStrategy, Component, computed, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { isJsonObject } from '@osb/json-schema';
import { FieldMessages } from './field-messages';
import { MaterialControlWidget } from './material-control-widget';
import { RequiredMarker } from './required-marker';
import { Markdown } from '../../ui/markdown/markdown';

/** One row of a key/value map. */
interface MapEntry {
  key: string;
  value: string;
}

/** Rows of keys and text values for a string map (`additionalProperties: {type: string}`), e.g. tags. */
@Component({
  selector: 'mp-sf-key-value-widget',
  imports: [FieldMessages, Markdown, MatButtonModule, MatFormFieldModule, MatInputModule, RequiredMarker],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset
      class="mp-sf-group"
      [attr.aria-describedby]="describedBy"
      [attr.aria-invalid]="showErrors() || !!rowProblem()"
    >
      <legend>
        {{ label }}
        @if (required) {
          <mp-sf-required-marker />
        }
      </legend>
      @if (schema.description) {
        <div class="mp-sf-hint" [id]="hintId"><mp-markdown class="mp-sf-markdown" [source]="schema.description" /></div>
      }
      @for (entry of entries(); track $index; let index = $index) {
        <div class="mp-sf-row">
          <mat-form-field subscriptSizing="dynamic">
            <mat-label i18n="@@schemaForm.map.key">Key</mat-label>
            <input
              matInput
              [id]="fieldId + '-key-' + index"
              [value]="entry.key"
              (input)="updateEntry(index, 'key', $event)"
            />
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label i18n="@@schemaForm.map.value">Value</mat-label>
            <input
              matInput
              [id]="fieldId + '-value-' + index"
              [value]="entry.value"
              (input)="updateEntry(index, 'value', $event)"
            />
          </mat-form-field>
          <button mat-button type="button" (click)="removeEntry(index)" i18n="@@schemaForm.map.remove">Remove</button>
        </div>
      }
      <button mat-stroked-button type="button" (click)="addEntry()" i18n="@@schemaForm.map.add">Add entry</button>
      @if (rowProblem(); as problem) {
        <div class="mp-sf-error" role="alert" [id]="errorId">{{ problem }}</div>
      } @else if (showErrors()) {
        <div class="mp-sf-error" role="alert" [id]="errorId"><mp-sf-field-messages [messages]="messages()" /></div>
      }
    </fieldset>
  `,
})
export class KeyValueWidget extends MaterialControlWidget {
  /** The rows as the person sees them. */
  protected readonly entries = signal<MapEntry[]>([]);
  /** Why the rows cannot become a map, if they cannot. */
  protected readonly rowProblem = computed(() => {
    const keys = this.entries()
      .filter((entry) => entry.key !== '' || entry.value !== '')
      .map((entry) => entry.key);
    if (keys.includes('')) {
      return $localize`:@@schemaForm.map.missingKey:Every entry needs a key.`;
    }
    return new Set(keys).size < keys.length
      ? $localize`:@@schemaForm.map.duplicateKey:Each key may appear only once.`
      : undefined;
  });

  override ngOnDestroy(): void {
    this.formState.setUnreadable(this.fieldId, false);
    super.ngOnDestroy();
  }

  /** Adds an empty row. */
  protected addEntry(): void {
    this.entries.update((entries) => [...entries, { key: '', value: '' }]);
    this.interacted.set(true);
  }

  /** Removes one row. */
  protected removeEntry(index: number): void {
    this.entries.update((entries) => entries.filter((_, position) => position !== index));
    this.publish();
  }

  /** Takes the text of a key or value input. */
  protected updateEntry(index: number, part: keyof MapEntry, event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this.entries.update((entries) =>
      entries.map((entry, position) => (position === index ? { ...entry, [part]: text } : entry)),
    );
    this.interacted.set(true);
    this.publish();
  }

  protected override bindValue(): void {
    this.subscriptions.add(
      this.formProperty.valueChanges.subscribe((value: unknown) => {
        this.value.set(value);
        if (this.entries().length === 0 && isJsonObject(value)) {
          this.entries.set(Object.entries(value).map(([key, text]) => ({ key, value: String(text) })));
        }
      }),
    );
  }

  private publish(): void {
    const problem = this.rowProblem();
    this.formState.setUnreadable(this.fieldId, problem !== undefined);
    if (problem === undefined) {
      const filled = this.entries().filter((entry) => entry.key !== '');
      this.formProperty.setValue(
        filled.length > 0 ? Object.fromEntries(filled.map((entry) => [entry.key, entry.value])) : null,
        false,
      );
    }
  }
}
