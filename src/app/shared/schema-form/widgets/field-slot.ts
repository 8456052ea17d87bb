import {
  ChangeDetectionStrategy,
  Component,
  Directive,
  OnInit,
  type Type,
  ViewContainerRef,
  type WritableSignal,
  inject,
  input,
  signal,
} from '@angular/core';
import { FormControl } from '@angular/forms';
import { WidgetRegistry, type FormProperty, type Widget } from 'ngx-schema-form';
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
    /** JSON pointer of the field's value, so that a problem's link finds the field while it is a placeholder. */
    readonly pointer: string,
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
 * Creates the widget of a form property in its place (from the form's widget registry, by the
 * schema's widget id) and hands it the property, as ngx-schema-form's own element does; the widget
 * is destroyed with the place.
 */
@Directive({ selector: '[mpSfWidgetOf]' })
export class WidgetOutlet implements OnInit {
  /** The form property whose widget is created. */
  readonly property = input.required<FormProperty>({ alias: 'mpSfWidgetOf' });
  private readonly registry = inject(WidgetRegistry);
  private readonly container = inject(ViewContainerRef);

  ngOnInit(): void {
    const property = this.property();
    const widget: Widget<FormProperty> = this.container.createComponent(
      this.registry.getWidgetType(property.schema.widget.id) as Type<Widget<FormProperty>>,
    ).instance;
    widget.formProperty = property;
    widget.schema = property.schema;
    widget.id = widget.name = property.canonicalPathNotation;
    widget.control = new FormControl<unknown>('');
  }
}

/**
 * A drawn field of an object. It creates the field's widget itself rather than through
 * ngx-schema-form's element, which adds two components per field and a check of them on every
 * change detection for buttons and bindings that normalised schemas never have. Its change
 * detection is OnPush, so a keystroke, which marks the views from its field up to the form for
 * checking, does not check every other field of the form. The widget exists while the field is
 * shown ({@link visible}, `visibleIf`); a field not shown, or hidden (a value the schema fixes),
 * takes no room.
 */
@Component({
  selector: 'mp-sf-field-slot',
  imports: [WidgetOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    class: 'mp-sf-element',
    '[class.mp-sf-element--hidden]': "!visible() || formProperty().schema.widget?.id === 'hidden'",
  },
  template: `
    @if (visible()) {
      <ng-container [mpSfWidgetOf]="formProperty()" />
    }
  `,
})
export class FieldSlot {
  /** The form property of the field. */
  readonly formProperty = input.required<FormProperty>();
  /** Whether the field is shown (`visibleIf`), as the library's property last said. */
  readonly visible = input(true);
}
