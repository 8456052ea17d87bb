import { Directive, OnDestroy, OnInit, computed, inject, signal } from '@angular/core';
import { PristineChangeEvent, TouchedChangeEvent } from '@angular/forms';
import { ErrorStateMatcher } from '@angular/material/core';
import { ControlWidget } from 'ngx-schema-form';
import { Subscription } from 'rxjs';
import { FIELD_ID_PREFIX, FIELD_POINTER_BASE, propertyPointer, toIdSuffix } from '../field-id-prefix';
import { SchemaFormState } from '../schema-form-state';

/**
 * Base of the Material widgets for one value. ngx-schema-form sets `formProperty`, `schema`,
 * `control` and `id` right after it creates the widget, so these are plain fields, not inputs.
 *
 * Unlike the library's `ControlWidget`, which subscribes in `ngAfterViewInit` and never
 * unsubscribes (a leak each time `visibleIf` shows a field again), this class subscribes in
 * `ngOnInit` and releases everything on destroy. State the template reads is kept in signals,
 * so the widgets work with OnPush change detection.
 *
 * The messages come from the form's own check of the whole value (see {@link SchemaFormState}),
 * so that a field and the form's summary of problems always say the same.
 */
@Directive({ host: { '[attr.data-mp-pointer]': 'pointer' } })
export abstract class MaterialControlWidget extends ControlWidget implements OnInit, OnDestroy {
  private readonly idPrefix = inject(FIELD_ID_PREFIX);
  private readonly pointerBase = inject(FIELD_POINTER_BASE);
  /** The state shared with the form. */
  protected readonly formState = inject(SchemaFormState);
  /** Subscriptions released when the widget is destroyed. */
  protected readonly subscriptions = new Subscription();
  /** The current value of the form property. */
  protected readonly value = signal<unknown>(undefined);
  /** Whether the person has edited or left the field. */
  protected readonly interacted = signal(false);
  /** Plain-language error messages. */
  protected readonly messages = this.formState.messagesOf(() => this.pointer);
  /**
   * Whether the messages are shown: once the field was used, at once when it holds a value (a
   * default that does not fit must not block the form silently), and everywhere once the person
   * tried to go on. A required field left empty is not shouted at before that.
   */
  protected readonly showErrors = computed(
    () =>
      this.messages().length > 0 && (this.interacted() || this.formState.revealAll() || !isEmptyValue(this.value())),
  );
  /** Lets Material form fields follow {@link showErrors}. */
  protected readonly errorStateMatcher: ErrorStateMatcher = { isErrorState: () => this.showErrors() };

  /** JSON pointer of the value within the parameters. */
  get pointer(): string {
    return propertyPointer(this.pointerBase, this.formProperty);
  }

  /** DOM id of the input. */
  protected get fieldId(): string {
    return `${this.idPrefix}${toIdSuffix(this.formProperty?.canonicalPathNotation ?? this.id)}`;
  }

  /** DOM id of the description. */
  protected get hintId(): string {
    return `${this.fieldId}-hint`;
  }

  /** DOM id of the error messages. */
  protected get errorId(): string {
    return `${this.fieldId}-error`;
  }

  /** The label: the schema's title, else the property's key. */
  protected get label(): string {
    return fieldLabel(this.schema, this.formProperty?.path);
  }

  /** Whether the parent object lists this field as required. */
  protected get required(): boolean {
    return this.schema['isRequired'] === true;
  }

  /** The ids that describe the input, for `aria-describedby` outside Material form fields. */
  protected get describedBy(): string | null {
    const ids = [this.schema.description ? this.hintId : '', this.showErrors() ? this.errorId : ''].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : null;
  }

  ngOnInit(): void {
    this.bindValue();
    this.subscriptions.add(
      this.control.events.subscribe((event) => {
        if (
          (event instanceof TouchedChangeEvent && event.touched) ||
          (event instanceof PristineChangeEvent && !event.pristine)
        ) {
          this.interacted.set(true);
        }
      }),
    );
  }

  /** Replaces the library widget's hook, so that it makes none of its own subscriptions. */
  // eslint-disable-next-line @angular-eslint/no-empty-lifecycle-method -- deliberately does nothing
  override ngAfterViewInit(): void {
    // Subscriptions are made in `ngOnInit`; the library's leaking ones are not.
  }

  ngOnDestroy(): void {
    this.subscriptions.unsubscribe();
  }

  /** Keeps the control and the form property in step, both ways. */
  protected bindValue(): void {
    this.subscriptions.add(
      this.formProperty.valueChanges.subscribe((value: unknown) => {
        if (this.control.value !== value) {
          this.control.setValue(value, { emitEvent: false });
        }
        this.value.set(value);
      }),
    );
    this.subscriptions.add(
      this.control.valueChanges.subscribe((value: unknown) => this.formProperty.setValue(value, false)),
    );
  }
}

/** The label of a field: its title, else its key (array items have none). */
export function fieldLabel(schema: { title?: string }, path: string | undefined): string {
  if (schema.title) {
    return schema.title;
  }
  const key = (path ?? '').split('/').pop() ?? '';
  return key === '*' ? '' : key;
}

/** Whether a value counts as not filled in. */
export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}
