/** A JSON Schema node as plain data. */
export type JsonSchema = Record<string, unknown>;

/** The `$schema` URI of JSON Schema draft-04, the only draft ngx-schema-form understands. */
export const DRAFT_04_URI = 'http://json-schema.org/draft-04/schema#';

/** Keywords whose value is one subschema (`items` may also be a list). */
export const SCHEMA_VALUED_KEYWORDS: ReadonlySet<string> = new Set([
  'additionalProperties',
  'additionalItems',
  'not',
  'items',
  'if',
  'then',
  'else',
]);

/** Keywords whose value is a list of subschemas. */
export const SCHEMA_LIST_KEYWORDS: ReadonlySet<string> = new Set(['allOf', 'anyOf', 'oneOf', 'items']);

/** Keywords whose value maps names to subschemas (`dependencies` values may also be name lists). */
export const SCHEMA_MAP_KEYWORDS: ReadonlySet<string> = new Set([
  'properties',
  'patternProperties',
  'definitions',
  '$defs',
  'dependencies',
]);

/** Keywords of draft-04 validation and annotation. */
export const DRAFT_04_KEYWORDS: ReadonlySet<string> = new Set([
  'type',
  'enum',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'items',
  'additionalItems',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
  'required',
  'properties',
  'patternProperties',
  'additionalProperties',
  'dependencies',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'format',
  'definitions',
  'title',
  'description',
  'default',
]);

/**
 * Keywords that only steer how ngx-schema-form renders a field. They are not draft-04 and must
 * be removed before a validator compiles the schema (`widget: {id: "select"}` looks like a
 * draft-04 `id`).
 */
export const UI_KEYWORDS: ReadonlySet<string> = new Set([
  'widget',
  'visibleIf',
  'fieldsets',
  'order',
  'buttons',
  'placeholder',
  'isRequired',
  'name',
  'variants',
  'variantLabel',
  'drawnByCondition',
]);

/** Spellings of ngx-schema-form's extension keywords that it also accepts (`x-widget`, ...). */
export const UI_KEYWORD_ALIASES: readonly { keyword: string; alias: RegExp }[] = [
  { keyword: 'fieldsets', alias: /^x-?field-?sets$/i },
  { keyword: 'widget', alias: /^x-?widget$/i },
  { keyword: 'visibleIf', alias: /^x-?visible-?if$/i },
];

/** Formats z-schema (the validator inside ngx-schema-form) can check. */
export const KNOWN_FORMATS: ReadonlySet<string> = new Set([
  'date',
  'date-time',
  'email',
  'hostname',
  'host-name',
  'ipv4',
  'ipv6',
  'regex',
  'uri',
  'strict-uri',
]);

/** Whether a value is a plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
