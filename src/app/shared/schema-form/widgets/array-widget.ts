import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  OnDestroy,
  OnInit,
  inject,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { ArrayLayoutWidget, FormElementComponent, type FormProperty } from 'ngx-schema-form';
import { Subscription } from 'rxjs';
import { FIELD_ID_PREFIX, FIELD_POINTER_BASE, propertyPointer, toIdSuffix } from '../field-id-prefix';
import { SchemaFormState } from '../schema-form-state';
import { fieldLabel } from './material-control-widget';
import { RequiredMarker } from './required-marker';
import { Markdown } from '../../ui/markdown/markdown';
import { FieldMessages } from './field-messages';

/** A list with add and remove buttons that respect `minItems` and `maxItems`. */
@Component({
  selector: 'mp-sf-array-widget',
  imports: [FieldMessages, Markdown, MatButtonModule, FormElementComponent, RequiredMarker],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.data-mp-pointer]': 'pointer' },
  template: `
    <fieldset
      class="mp-sf-group"
      [id]="groupId"
      [attr.aria-describedby]="schema.description ? groupId + '-hint' : null"
    >
      <legend>
        {{ label }}
        @if (schema['isRequired']) {
          <mp-sf-required-marker />
        }
      </legend>
      @if (schema.description) {
        <div class="mp-sf-hint" [id]="groupId + '-hint'">
          <mp-markdown class="mp-sf-markdown" [source]="schema.description" />
        </div>
      }
      @for (item of items(); track item; let index = $index) {
        <div class="mp-sf-array-item">
          <sf-form-element [formProperty]="item" />
          @if (!fixedLength) {
            <button
              mat-button
              type="button"
              class="mp-sf-remove"
              [disabled]="!canRemove()"
              (click)="removeItem(item)"
              [attr.aria-label]="removeLabel(index)"
              i18n="@@schemaForm.array.remove"
            >
              Remove
            </button>
          }
        </div>
      } @empty {
        <div class="mp-sf-hint" i18n="@@schemaForm.array.empty">No items.</div>
      }
      @if (!fixedLength) {
        <button
          mat-stroked-button
          type="button"
          [disabled]="!canAdd()"
          (click)="addItem()"
          i18n="@@schemaForm.array.add"
        >
          Add item
        </button>
      }
      @if (messages().length > 0) {
        <div class="mp-sf-error" role="alert"><mp-sf-field-messages [messages]="messages()" /></div>
      }
    </fieldset>
  `,
})
export class ArrayWidget extends ArrayLayoutWidget implements OnInit, OnDestroy {
  private readonly idPrefix = inject(FIELD_ID_PREFIX);
  private readonly changeDetector = inject(ChangeDetectorRef);
  private readonly subscriptions = new Subscription();
  /** The item properties, refreshed after each add and remove. */
  protected readonly items = signal<FormProperty[]>([]);
  private readonly pointerBase = inject(FIELD_POINTER_BASE);
  private readonly formState = inject(SchemaFormState);
  /** Messages about the list itself (too few or too many items). */
  protected readonly messages = this.formState.messagesOf(() => this.pointer);
  /** Whether the list has exactly `minItems` = `maxItems` entries, so nothing can be added or removed. */
  protected fixedLength = false;

  /** JSON pointer of the list within the parameters. */
  get pointer(): string {
    return propertyPointer(this.pointerBase, this.formProperty);
  }

  /** DOM id of the fieldset. */
  protected get groupId(): string {
    return `${this.idPrefix}${toIdSuffix(this.formProperty.canonicalPathNotation)}`;
  }

  /** The legend: the title, else the key. */
  protected get label(): string {
    return fieldLabel(this.schema, this.formProperty.path);
  }

  ngOnInit(): void {
    this.fixedLength =
      typeof this.schema['minItems'] === 'number' && this.schema['minItems'] === this.schema['maxItems'];
    this.subscriptions.add(this.formProperty.valueChanges.subscribe(() => this.refreshItems()));
  }

  /** Replaces the library widget's hook, so that it makes none of its own subscriptions. */
  // eslint-disable-next-line @angular-eslint/no-empty-lifecycle-method -- deliberately does nothing
  override ngAfterViewInit(): void {
    // Subscriptions are made in `ngOnInit` and released on destroy.
  }

  ngOnDestroy(): void {
    this.subscriptions.unsubscribe();
  }

  /** The accessible name of an item's remove button. */
  protected removeLabel(index: number): string {
    return $localize`:@@schemaForm.array.removeLabel:Remove item ${index + 1}:number: of ${this.label}:list:`;
  }

  /** Whether another item may be added. */
  protected canAdd(): boolean {
    const maximum = this.schema['maxItems'];
    return typeof maximum !== 'number' || this.items().length < maximum;
  }

  /** Whether an item may be removed. */
  protected canRemove(): boolean {
    const minimum = this.schema['minItems'];
    return typeof minimum !== 'number' || this.items().length > minimum;
  }

  /** Appends an item prefilled with the item schema's defaults. */
  protected addItem(): void {
    this.formProperty.addItem();
    this.formProperty.updateValueAndValidity(false, true);
    this.refreshItems();
  }

  /** Removes one item. */
  protected removeItem(item: FormProperty): void {
    this.formProperty.removeItem(item);
    this.refreshItems();
  }

  private refreshItems(): void {
    this.items.set([...((this.formProperty.properties as FormProperty[]) ?? [])]);
    this.changeDetector.markForCheck();
  }
}
