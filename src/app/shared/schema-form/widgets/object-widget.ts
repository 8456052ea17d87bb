import { ChangeDetectionStrategy, Component, OnInit, inject } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { ObjectLayoutWidget, type FormProperty, type IFieldSet } from 'ngx-schema-form';
import { FIELD_ID_PREFIX, FIELD_POINTER_BASE, propertyPointer, toIdSuffix } from '../field-id-prefix';
import { SchemaFormState } from '../schema-form-state';
import { FieldSlot } from './field-slot';
import { fieldLabel } from './material-control-widget';
import { Markdown } from '../../ui/markdown/markdown';

/**
 * The fields of an object: the whole form at the root, a fieldset with a legend below it.
 * Fields appear in schema order, grouped by the schema's `fieldsets` when it has any.
 */
@Component({
  selector: 'mp-sf-object-widget',
  imports: [Markdown, FieldSlot, NgTemplateOutlet],
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
        <div class="mp-sf-error" role="alert">
          @for (message of messages(); track message) {
            <span class="mp-sf-message">{{ message }}</span>
          }
        </div>
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
        @for (field of fieldset.properties; track field.id) {
          <mp-sf-field-slot [formProperty]="field.property" />
        }
      }
    </ng-template>
  `,
})
export class ObjectWidget extends ObjectLayoutWidget implements OnInit {
  private readonly idPrefix = inject(FIELD_ID_PREFIX);
  private readonly pointerBase = inject(FIELD_POINTER_BASE);
  private readonly formState = inject(SchemaFormState);
  /** Messages about the object itself, such as keys it does not allow. */
  protected readonly messages = this.formState.messagesOf(() => this.pointer);
  /** Whether this is the whole form rather than a nested object. */
  protected isRoot = false;
  /** Whether the schema declared its own fieldsets (rather than the library's default one). */
  protected hasOwnFieldsets = false;
  /** The groups of fields, each with its fields' form properties (looked up once, not on every check). */
  protected fieldsets: (IFieldSet & { properties: { id: string; property: FormProperty }[] })[] = [];

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
    this.fieldsets = fieldsets.map((fieldset) => ({
      ...fieldset,
      properties: fieldset.fields.map((id) => ({ id, property: this.formProperty.getProperty(id) })),
    }));
  }

  /** Replaces the library widget's hook: messages come from the form's state, not its subscriptions. */
  // eslint-disable-next-line @angular-eslint/no-empty-lifecycle-method -- deliberately does nothing
  override ngAfterViewInit(): void {
    // Nothing to subscribe to.
  }
}
