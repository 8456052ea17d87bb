import type { ISchema } from 'ngx-schema-form';

/** One choice of a select or radio group. */
export interface ChoiceOption {
  /** The value sent to the broker. */
  value: unknown;
  /** What the person reads. */
  label: string;
}

/**
 * The choices of a field: labelled `oneOf: [{description, enum: [v]}]` entries (the
 * meshMarketplace convention) or plain `enum` values. For a list field, the choices of its items.
 */
export function choiceOptions(schema: ISchema): ChoiceOption[] {
  const source = schema.type === 'array' && schema.items ? schema.items : schema;
  if (Array.isArray(source.oneOf)) {
    return source.oneOf
      .filter((option) => Array.isArray(option.enum) && option.enum.length > 0)
      .map((option) => ({
        value: option.enum![0],
        label: String(option.description ?? option['title'] ?? option.enum![0]),
      }));
  }
  return Array.isArray(source.enum) ? source.enum.map((value) => ({ value, label: String(value) })) : [];
}

/** The value of an empty choice: what ngx-schema-form treats as "not filled in" for the type. */
export function emptyChoiceValue(schema: ISchema): unknown {
  return schema.type === 'string' ? '' : null;
}
