import { ChangeDetectionStrategy, Component, type WritableSignal, input, signal } from '@angular/core';
import { FormElementComponent, type FormProperty } from 'ngx-schema-form';
import { fieldLabel } from './material-control-widget';

/**
 * The room a placeholder takes (its box and the space below it), as parameters-form.scss sizes it:
 * a text field or a check box, with a line for the hint when the field has a description.
 */
const PLACEHOLDER_HEIGHTS = { field: 56 + 16, fieldWithHint: 56 + 52, choice: 40 + 16, choiceWithHint: 40 + 36 };

/** What can take the focus inside a drawn field. */
export const FOCUSABLE = 'input, textarea, mat-select, [role="combobox"], button, [tabindex]:not(.mp-sf-placeholder)';

/**
 * One field of an object as its {@link ObjectWidget} lays it out: a slot of the field's size that
 * holds, until the field is drawn, a placeholder with its label (plain elements of the object's
 * template, so that a large form makes no component per field it has not drawn yet), and then the
 * field itself in a {@link FieldSlot}.
 */
export class SlotField {
  /** Whether the field is drawn rather than its placeholder. */
  readonly drawn: WritableSignal<boolean>;
  /** Whether the field is shown (`visibleIf`), as the library's property last said. */
  readonly visible = signal(true);
  /** The placeholder's text: the field's label. */
  readonly label: string;
  /** Whether the parent object lists this field as required. */
  readonly required: boolean;
  /** Whether the field is drawn as a check box, whose placeholder is smaller than a text field's. */
  readonly choice: boolean;
  /** Whether the field has a description, shown as a hint below it. */
  readonly hint: boolean;
  /** Whether the field is drawn in the form's first pass because it stands in the viewport. */
  inFirstView = false;

  constructor(
    /** The field's key within its object. */
    readonly id: string,
    /** The form property of the field. */
    readonly property: FormProperty,
    drawAtOnce: boolean,
  ) {
    const schema = property.schema;
    this.drawn = signal(drawAtOnce || schema.type === 'object' || schema.widget?.id === 'hidden');
    this.label = fieldLabel(schema, property.path);
    this.required = schema['isRequired'] === true;
    this.choice = schema.type === 'boolean';
    this.hint = !!schema.description;
  }

  /**
   * The room the field takes in the page at least (the drawn field takes that of its placeholder,
   * or more): none while it is not shown or when it is hidden, undefined for a nested object.
   */
  get minimumHeight(): number | undefined {
    const schema = this.property.schema;
    if (schema.type === 'object') {
      return undefined;
    }
    if (!this.property.visible || schema.widget?.id === 'hidden') {
      return 0;
    }
    if (this.choice) {
      return this.hint ? PLACEHOLDER_HEIGHTS.choiceWithHint : PLACEHOLDER_HEIGHTS.choice;
    }
    return this.hint ? PLACEHOLDER_HEIGHTS.fieldWithHint : PLACEHOLDER_HEIGHTS.field;
  }
}

/**
 * A drawn field of an object. Its change detection is OnPush, so a keystroke, which marks the
 * views from its field up to the form for checking, does not check every other field of the form.
 * The library's element decides on every check of its own whether the field is shown; a change of
 * {@link visible} gets it checked when another field's value changes that. A hidden field (a value
 * the schema fixes) takes no room.
 */
@Component({
  selector: 'mp-sf-field-slot',
  imports: [FormElementComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { style: 'display: contents' },
  template: `<sf-form-element
    class="mp-sf-element"
    [class.mp-sf-element--hidden]="formProperty().schema.widget?.id === 'hidden'"
    [formProperty]="formProperty()"
  />`,
})
export class FieldSlot {
  /** The form property of the field. */
  readonly formProperty = input.required<FormProperty>();
  /** Whether the field is shown (`visibleIf`); only its changes matter, they get the field checked. */
  readonly visible = input(true);
}
