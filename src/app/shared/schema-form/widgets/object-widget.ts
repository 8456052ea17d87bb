import { ChangeDetectionStrategy, Component, OnDestroy, OnInit, computed, inject, signal } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { FormElementComponent, ObjectLayoutWidget, type FormProperty, type IFieldSet } from 'ngx-schema-form';
import { Subscription } from 'rxjs';
import { FIELD_ID_PREFIX, toIdSuffix } from '../field-id-prefix';
import { describeSchemaErrors, isSchemaError, type SchemaError } from '../schema-error-messages';
import { fieldLabel } from './material-control-widget';

/**
 * The fields of an object: the whole form at the root, a fieldset with a legend below it.
 * Fields appear in schema order, grouped by the schema's `fieldsets` when it has any.
 */
@Component({
  selector: 'mp-sf-object-widget',
  imports: [FormElementComponent, NgTemplateOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (isRoot) {
      <ng-container *ngTemplateOutlet="fields" />
      <ng-container *ngTemplateOutlet="objectMessages" />
    } @else {
      <fieldset class="mp-sf-group" [id]="groupId" [attr.aria-describedby]="schema.description ? groupId + '-hint' : null">
        @if (label) {
          <legend>{{ label }}@if (schema['isRequired']) {<span class="mp-sf-required" aria-hidden="true"> *</span>}</legend>
        }
        @if (schema.description) {
          <div class="mp-sf-hint" [id]="groupId + '-hint'">{{ schema.description }}</div>
        }
        <ng-container *ngTemplateOutlet="fields" />
        <ng-container *ngTemplateOutlet="objectMessages" />
      </fieldset>
    }
    <ng-template #objectMessages>
      @if (messages().length > 0) {
        <div class="mp-sf-error" role="alert">@for (message of messages(); track message) {<span class="mp-sf-message">{{ message }}</span>}</div>
      }
    </ng-template>
    <ng-template #fields>
      @for (fieldset of fieldsets; track fieldset.id) {
        @if (hasOwnFieldsets && (fieldset.title || fieldset.description)) {
          <div class="mp-sf-fieldset-heading">
            @if (fieldset.title) {<div class="mp-sf-fieldset-title">{{ fieldset.title }}</div>}
            @if (fieldset.description) {<div class="mp-sf-hint">{{ fieldset.description }}</div>}
          </div>
        }
        @for (fieldId of fieldset.fields; track fieldId) {
          <sf-form-element class="mp-sf-element" [formProperty]="formProperty.getProperty(fieldId)" />
        }
      }
    </ng-template>
  `,
})
export class ObjectWidget extends ObjectLayoutWidget implements OnInit, OnDestroy {
  private readonly idPrefix = inject(FIELD_ID_PREFIX);
  private readonly subscriptions = new Subscription();
  private readonly errors = signal<SchemaError[]>([]);
  /** Messages about the object itself, such as keys it does not allow. */
  protected readonly messages = computed(() => describeSchemaErrors(this.errors()));
  /** Whether this is the whole form rather than a nested object. */
  protected isRoot = false;
  /** Whether the schema declared its own fieldsets (rather than the library's default one). */
  protected hasOwnFieldsets = false;
  /** The groups of fields. */
  protected fieldsets: IFieldSet[] = [];

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
    this.fieldsets = this.schema.fieldsets ?? [];
    this.hasOwnFieldsets = !(this.fieldsets.length === 1 && this.fieldsets[0].id === 'fieldset-default');
    const ownPath = `#${this.formProperty.path}`;
    this.subscriptions.add(
      this.formProperty.errorsChanges.subscribe((errors: unknown) => {
        const list = Array.isArray(errors) ? errors.filter(isSchemaError) : [];
        this.forwardMissingFields(list.filter((error) => error.path === ownPath && error.code === 'OBJECT_MISSING_REQUIRED_PROPERTY'));
        this.errors.set(list.filter((error) => (error.path === ownPath || error.path === '#/') && OBJECT_LEVEL_CODES.has(error.code)));
      }),
    );
  }

  /** Replaces the library widget's hook, so that it makes none of its own subscriptions. */
  // eslint-disable-next-line @angular-eslint/no-empty-lifecycle-method -- deliberately does nothing
  override ngAfterViewInit(): void {
    // Subscriptions are made in `ngOnInit` and released on destroy.
  }

  ngOnDestroy(): void {
    this.subscriptions.unsubscribe();
  }

  /**
   * Shows "required" under a nested field: the root's validation names the missing field only
   * at this object's path, which ngx-schema-form does not pass on to the field itself.
   */
  private forwardMissingFields(errors: SchemaError[]): void {
    for (const error of errors) {
      const child = (this.formProperty.properties as Record<string, FormProperty>)[String(error.params[0])];
      child?.extendErrors(error);
    }
  }
}

const OBJECT_LEVEL_CODES = new Set([
  'OBJECT_ADDITIONAL_PROPERTIES', 'OBJECT_PROPERTIES_MINIMUM', 'OBJECT_PROPERTIES_MAXIMUM', 'OBJECT_DEPENDENCY_KEY',
  'ONE_OF_MISSING', 'ANY_OF_MISSING', 'ONE_OF_MULTIPLE', 'NOT_PASSED',
]);
