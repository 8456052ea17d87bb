import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  OnDestroy,
  OnInit,
  afterNextRender,
  inject,
} from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { ObjectLayoutWidget, type IFieldSet } from 'ngx-schema-form';
import { Subscription } from 'rxjs';
import { FieldDrawing } from '../field-drawing';
import { FIELD_ID_PREFIX, FIELD_POINTER_BASE, propertyPointer, toIdSuffix } from '../field-id-prefix';
import { SchemaFormState } from '../schema-form-state';
import { FOCUSABLE, FieldSlot, SlotField } from './field-slot';
import { fieldLabel } from './material-control-widget';
import { Markdown } from '../../ui/markdown/markdown';
import { FieldMessages } from './field-messages';

/**
 * The fields of an object: the whole form at the root, a fieldset with a legend below it.
 * Fields appear in schema order, grouped by the schema's `fieldsets` when it has any.
 *
 * Each field stands in a slot. In a large form a field is drawn when {@link FieldDrawing} says so;
 * until then its slot shows a placeholder of the field's size (a text field or a check box, with a
 * line for the hint when the field has a description) with its label, which can take the focus
 * (Tab, or a link from the list of problems) and then draws the field and hands the focus on to
 * it. Objects and hidden fields are drawn at once. Placeholders are plain elements, and one
 * subscription per object follows which of its fields are shown (`visibleIf`).
 */
@Component({
  selector: 'mp-sf-object-widget',
  imports: [FieldMessages, Markdown, FieldSlot, NgTemplateOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.data-mp-pointer]': 'pointer' },
  template: `
    @if (isRoot) {
      <ng-container *ngTemplateOutlet="fields" />
      <ng-container *ngTemplateOutlet="objectMessages" />
    } @else {
      <fieldset
        class="mp-sf-group"
        [id]="groupId"
        [attr.aria-describedby]="schema.description ? groupId + '-hint' : null"
      >
        @if (label) {
          <legend>
            {{ label }}
            @if (schema['isRequired']) {
              <span class="mp-sf-required" aria-hidden="true"> *</span>
            }
          </legend>
        }
        @if (schema.description) {
          <div class="mp-sf-hint" [id]="groupId + '-hint'">
            <mp-markdown class="mp-sf-markdown" [source]="schema.description" />
          </div>
        }
        <ng-container *ngTemplateOutlet="fields" />
        <ng-container *ngTemplateOutlet="objectMessages" />
      </fieldset>
    }
    <ng-template #objectMessages>
      @if (messages().length > 0) {
        <div class="mp-sf-error" role="alert"><mp-sf-field-messages [messages]="messages()" /></div>
      }
    </ng-template>
    <ng-template #fields>
      @for (fieldset of fieldsets; track fieldset.id) {
        @if (hasOwnFieldsets && (fieldset.title || fieldset.description)) {
          <div class="mp-sf-fieldset-heading">
            @if (fieldset.title) {
              <div class="mp-sf-fieldset-title">{{ fieldset.title }}</div>
            }
            @if (fieldset.description) {
              <div class="mp-sf-hint">{{ fieldset.description }}</div>
            }
          </div>
        }
        @for (field of fieldset.slotFields; track field.id) {
          <div
            class="mp-sf-slot"
            [class.mp-sf-slot--choice]="field.choice"
            [class.mp-sf-slot--hint]="field.hint"
            [class.mp-sf-slot--first-view]="field.inFirstView"
            [attr.data-mp-pointer]="field.pointer"
          >
            @if (field.drawn()) {
              <mp-sf-field-slot [formProperty]="field.property" [visible]="field.visible()" />
            } @else if (field.visible()) {
              <div class="mp-sf-element mp-sf-placeholder" tabindex="0" (focus)="drawAndFocus($event)">
                {{ field.label }}
                @if (field.required) {
                  <span class="mp-sf-required" aria-hidden="true"> *</span>
                }
              </div>
            }
          </div>
        }
      }
    </ng-template>
  `,
})
export class ObjectWidget extends ObjectLayoutWidget implements OnInit, OnDestroy {
  private readonly idPrefix = inject(FIELD_ID_PREFIX);
  private readonly pointerBase = inject(FIELD_POINTER_BASE);
  private readonly formState = inject(SchemaFormState);
  private readonly drawing = inject(FieldDrawing, { optional: true });
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly subscription = new Subscription();
  /** The fields in template order, with the element of each one's slot once the view exists. */
  private slots: { field: SlotField; element?: HTMLElement }[] = [];
  /** Messages about the object itself, such as keys it does not allow. */
  protected readonly messages = this.formState.messagesOf(() => this.pointer);
  /** Whether this is the whole form rather than a nested object. */
  protected isRoot = false;
  /** Whether the schema declared its own fieldsets (rather than the library's default one). */
  protected hasOwnFieldsets = false;
  /** The groups of fields, each with its fields (looked up once, not on every check). */
  protected fieldsets: (IFieldSet & { slotFields: SlotField[] })[] = [];

  /** JSON pointer of the object within the parameters. */
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
    this.isRoot = this.formProperty.parent === null;
    const fieldsets: IFieldSet[] = this.schema.fieldsets ?? [];
    this.hasOwnFieldsets = !(fieldsets.length === 1 && fieldsets[0].id === 'fieldset-default');
    const drawAtOnce = !this.drawing || this.drawing.drawsAtOnce;
    this.fieldsets = fieldsets.map((fieldset) => ({
      ...fieldset,
      slotFields: fieldset.fields.map((id) => {
        const property = this.formProperty.getProperty(id);
        return new SlotField(id, property, propertyPointer(this.pointerBase, property), drawAtOnce);
      }),
    }));
    this.slots = this.fieldsets.flatMap((fieldset) => fieldset.slotFields.map((field) => ({ field })));
    if (this.isRoot && !this.hasOwnFieldsets && this.drawing && !drawAtOnce) {
      // The fields in view are drawn in the first pass rather than as placeholders replaced after layout.
      const inView = this.drawing.fieldsInView(
        this.host.nativeElement,
        this.slots.map(({ field }) => field.minimumHeight),
      );
      this.slots.forEach(({ field }, index) => {
        if (inView[index]) {
          field.drawn.set(true);
          field.inFirstView = true;
        }
      });
    }
    // Another field's value decides whether a field is shown; the root's value changes after it.
    this.subscription.add(
      this.formProperty.root.valueChanges.subscribe(() => {
        for (const { field } of this.slots) {
          field.visible.set(field.property.visible);
        }
      }),
    );
  }

  /**
   * Replaces the library widget's hook (messages come from the form's state, not its
   * subscriptions): hands the slots of the fields not drawn yet to {@link FieldDrawing}.
   */
  override ngAfterViewInit(): void {
    const elements = this.host.nativeElement.querySelectorAll<HTMLElement>(
      ':scope > .mp-sf-slot, :scope > fieldset > .mp-sf-slot',
    );
    this.slots.forEach((slot, index) => {
      slot.element = elements[index];
      if (slot.element && !slot.field.drawn()) {
        this.drawing?.register(slot.element, () => slot.field.drawn.set(true));
      }
    });
  }

  ngOnDestroy(): void {
    this.subscription.unsubscribe();
    for (const { element } of this.slots) {
      if (element) {
        this.drawing?.unregister(element);
      }
    }
  }

  /** Draws the field of a focused placeholder now and moves the focus into it. */
  protected drawAndFocus(event: FocusEvent): void {
    const slot = (event.currentTarget as HTMLElement).parentElement;
    if (!slot) {
      return;
    }
    this.drawing?.drawNow(slot);
    afterNextRender(() => slot.querySelector<HTMLElement>(FOCUSABLE)?.focus(), { injector: this.injector });
  }
}
