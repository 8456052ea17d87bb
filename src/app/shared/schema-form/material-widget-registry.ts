import { Injectable } from '@angular/core';
import { WidgetRegistry } from 'ngx-schema-form';
import { ArrayWidget } from './widgets/array-widget';
import { CheckboxWidget } from './widgets/checkbox-widget';
import { DateTimeWidget } from './widgets/date-time-widget';
import { HiddenWidget } from './widgets/hidden-widget';
import { JsonWidget } from './widgets/json-widget';
import { KeyValueWidget } from './widgets/key-value-widget';
import { ObjectWidget } from './widgets/object-widget';
import { RadioWidget } from './widgets/radio-widget';
import { FieldWidget } from './widgets/field-widget';
import { VariantsWidget } from './widgets/variants-widget';

/** The widget for each widget id (`widget: {id}` in a schema, else the field's type). */
export const MATERIAL_WIDGETS: Readonly<Record<string, unknown>> = {
  string: FieldWidget,
  text: FieldWidget,
  search: FieldWidget,
  tel: FieldWidget,
  password: FieldWidget,
  email: FieldWidget,
  url: FieldWidget,
  date: DateTimeWidget,
  'date-time': DateTimeWidget,
  time: DateTimeWidget,
  textarea: FieldWidget,
  integer: FieldWidget,
  number: FieldWidget,
  range: FieldWidget,
  boolean: CheckboxWidget,
  checkbox: CheckboxWidget,
  select: FieldWidget,
  radio: RadioWidget,
  array: ArrayWidget,
  object: ObjectWidget,
  'key-value': KeyValueWidget,
  json: JsonWidget,
  variants: VariantsWidget,
  hidden: HiddenWidget,
};

/** ngx-schema-form's widget registry with Angular Material widgets; JSON text for anything unknown. */
@Injectable()
export class MaterialWidgetRegistry extends WidgetRegistry {
  constructor() {
    super();
    for (const [id, widget] of Object.entries(MATERIAL_WIDGETS)) {
      this.register(id, widget);
    }
    this.setDefaultWidget(JsonWidget);
  }
}
