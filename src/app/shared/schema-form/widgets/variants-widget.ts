import { ChangeDetectionStrategy, Component, OnDestroy, OnInit, inject, signal } from '@angular/core';
import { FormComponent, Widget, type FormProperty, type ISchema } from 'ngx-schema-form';
import { Subscription } from 'rxjs';
import {
  VARIANTS_KEYWORD,
  carryOverToVariant,
  chooseVariant,
  isJsonObject,
  type SchemaVariant,
} from '@osb/json-schema';
import { Markdown } from '../../ui/markdown/markdown';
import {
  FIELD_ID_PREFIX,
  FIELD_POINTER_BASE,
  nextFieldIdPrefix,
  propertyPointer,
  type FieldPointerBase,
} from '../field-id-prefix';
import { SchemaFormState } from '../schema-form-state';
import { fieldLabel } from './material-control-widget';
import { RequiredMarker } from './required-marker';
import { VariantPicker } from './variant-picker';

/** One rendering of the chosen variant's fields. */
interface VariantRender {
  id: number;
  schema: ISchema;
  model: Record<string, unknown>;
}

/**
 * An object that takes one of several shapes (`oneOf`/`anyOf` alternatives with fields, in a
 * nested object or a list item): a picker for the shape and the chosen shape's fields, drawn as a
 * form of their own. The value starts in the shape it already has (an update prefills it).
 */
@Component({
  selector: 'mp-sf-variants-widget',
  imports: [FormComponent, Markdown, RequiredMarker, VariantPicker],
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [
    { provide: FIELD_ID_PREFIX, useFactory: nextFieldIdPrefix },
    { provide: FIELD_POINTER_BASE, useFactory: (): FieldPointerBase => ({ pointer: '' }) },
  ],
  host: { '[attr.data-mp-pointer]': 'pointer' },
  template: `
    <fieldset class="mp-sf-group">
      @if (label) {
        <legend>
          {{ label }}
          @if (schema['isRequired']) {
            <mp-sf-required-marker />
          }
        </legend>
      }
      @if (schema.description) {
        <mp-markdown class="mp-sf-hint mp-sf-markdown" [source]="schema.description" />
      }
      <mp-sf-variant-picker
        [label]="pickerLabel"
        [variants]="variants"
        [chosen]="chosen()"
        (chosenChange)="choose($event)"
      />
      @for (render of renders(); track render.id) {
        <sf-form [schema]="render.schema" [model]="render.model" (onChange)="takeValue($event.value)" />
      }
    </fieldset>
  `,
})
export class VariantsWidget extends Widget<FormProperty> implements OnInit, OnDestroy {
  private readonly formState = inject(SchemaFormState);
  private readonly ownBase = inject(FIELD_POINTER_BASE, { self: true });
  private readonly parentBase = inject(FIELD_POINTER_BASE, { skipSelf: true });
  private readonly subscriptions = new Subscription();
  /** The shapes to choose from. */
  protected variants: SchemaVariant[] = [];
  /** The index of the chosen shape. */
  protected readonly chosen = signal(0);
  /** The chosen shape's fields, as a one-element list so that a new choice replaces them. */
  protected readonly renders = signal<VariantRender[]>([]);
  private renderCount = 0;

  /** JSON pointer of the object within the parameters. */
  get pointer(): string {
    return propertyPointer(this.parentBase, this.formProperty);
  }

  /** The legend: the title, else the key. */
  protected get label(): string {
    return fieldLabel(this.schema, this.formProperty?.path);
  }

  /** The picker's label. */
  protected readonly pickerLabel = $localize`:@@schemaForm.variant.kind:Kind`;

  ngOnInit(): void {
    this.ownBase.pointer = this.pointer;
    const variants = (this.schema as Record<string, unknown>)[VARIANTS_KEYWORD];
    this.variants = Array.isArray(variants) ? (variants as SchemaVariant[]) : [];
    const value = this.formProperty.value;
    const index = this.formState.variantChoices()[this.pointer] ?? chooseVariant(this.variants, value);
    this.show(index, isJsonObject(value) ? value : carryOverToVariant(this.variants[index], {}));
  }

  ngOnDestroy(): void {
    this.subscriptions.unsubscribe();
  }

  /** Switches to another shape, keeping the values of the fields both share. */
  protected choose(index: number): void {
    if (index === this.chosen() || !this.variants[index]) {
      return;
    }
    this.formState.chooseVariant(this.pointer, index);
    this.show(index, carryOverToVariant(this.variants[index], this.formProperty.value));
  }

  /** Takes the value of the chosen shape's fields. */
  protected takeValue(value: unknown): void {
    this.formProperty.setValue(value, false);
  }

  private show(index: number, model: Record<string, unknown>): void {
    this.chosen.set(index);
    this.renderCount += 1;
    this.renders.set([
      {
        id: this.renderCount,
        schema: structuredClone(this.variants[index].schema) as ISchema,
        model: structuredClone(model),
      },
    ]);
  }
}
