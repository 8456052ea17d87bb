import { isJsonObject, type JsonSchema } from './keywords.js';

/**
 * One alternative of a `oneOf`/`anyOf` whose alternatives carry fields, as the form offers it:
 * its label and the object schema of its fields (the common ones first).
 */
export interface SchemaVariant {
  label: string;
  schema: JsonSchema;
}

/** The UI keyword under which a normalised node lists its {@link SchemaVariant}s. */
export const VARIANTS_KEYWORD = 'variants';

/**
 * Builds the variants of an object node from its alternatives (each already normalised for
 * rendering): each variant holds the node's own fields followed by the alternative's, the union of
 * their `required` lists, and the alternative's other keywords. A field the alternative pins to
 * one value (`const` or a one-value `enum`) holds that value and is not shown: the picker already
 * says which variant it is. Returns
 * undefined when no alternative has fields of its own: `required`-only alternatives stay plain
 * validation.
 */
export function buildVariants(node: JsonSchema, alternatives: readonly JsonSchema[]): SchemaVariant[] | undefined {
  if (!alternatives.some((alternative) => Object.keys(propertiesOf(alternative)).length > 0)) {
    return undefined;
  }
  const common = propertiesOf(node);
  const base = Object.fromEntries(
    Object.entries(node).filter(
      ([keyword]) => !['oneOf', 'anyOf', 'widget', VARIANTS_KEYWORD, 'title', 'description'].includes(keyword),
    ),
  );
  const schemas = alternatives.map((alternative) => {
    const properties: JsonSchema = { ...common };
    for (const [name, field] of Object.entries(propertiesOf(alternative))) {
      properties[name] = isJsonObject(common[name]) ? { ...common[name], ...(field as JsonSchema) } : field;
      const pinned = pinnedValue(properties[name]);
      if (pinned !== undefined) {
        properties[name] = { ...(properties[name] as JsonSchema), default: pinned.value, widget: { id: 'hidden' } };
      }
    }
    const required = [...new Set([...stringList(node['required']), ...stringList(alternative['required'])])];
    const own = Object.fromEntries(
      Object.entries(alternative).filter(
        ([keyword]) =>
          !['properties', 'required', 'title', 'description', 'type', 'widget', 'order', 'fieldsets'].includes(keyword),
      ),
    );
    return { ...base, ...own, type: 'object', properties, ...(required.length > 0 ? { required } : {}) } as JsonSchema;
  });
  return alternatives.map((alternative, index) => ({
    label: variantLabel(alternative, index, alternatives, common),
    schema: schemas[index],
  }));
}

/** The title of an alternative, else what distinguishes it from the others, else its number. */
function variantLabel(alternative: JsonSchema, index: number, all: readonly JsonSchema[], common: JsonSchema): string {
  if (typeof alternative['title'] === 'string' && alternative['title'].trim() !== '') {
    return alternative['title'];
  }
  const own = propertiesOf(alternative);
  for (const [name, field] of Object.entries(own)) {
    const pinned = pinnedValue(field);
    if (pinned !== undefined) {
      const title = isJsonObject(field) && typeof field['title'] === 'string' ? field['title'] : name;
      return `${title}: ${String(pinned.value)}`;
    }
  }
  const others = all.filter((_, other) => other !== index).map((other) => Object.keys(propertiesOf(other)));
  const distinct = Object.entries(own)
    .filter(([name]) => !(name in common) && !others.every((names) => names.includes(name)))
    .map(([name, field]) => (isJsonObject(field) && typeof field['title'] === 'string' ? field['title'] : name));
  if (distinct.length > 0) {
    return distinct.join(', ');
  }
  if (typeof alternative['description'] === 'string' && alternative['description'].length <= 80) {
    return alternative['description'];
  }
  return `#${index + 1}`;
}

/**
 * Which variant a value most likely follows: pinned values decide first, then the number of the
 * value's keys that only some variants have; ties go to the earlier variant.
 */
export function chooseVariant(variants: readonly SchemaVariant[], value: unknown): number {
  if (!isJsonObject(value) || variants.length === 0) {
    return 0;
  }
  const scores = variants.map((variant) => {
    const properties = propertiesOf(variant.schema);
    let score = 0;
    for (const [key, child] of Object.entries(value)) {
      const field = properties[key];
      const pinned = pinnedValue(field);
      if (pinned !== undefined) {
        score += sameValue(pinned.value, child) ? 1000 : -1000;
      } else if (field === undefined) {
        score -= 1;
      } else if (!variants.every((other) => key in propertiesOf(other.schema))) {
        score += 1;
      }
    }
    return score;
  });
  return scores.indexOf(Math.max(...scores));
}

/**
 * The value to start a newly chosen variant from: the fields it shares with the previous value
 * keep their values, the others start empty (and pinned fields at their value).
 */
export function carryOverToVariant(variant: SchemaVariant, value: unknown): Record<string, unknown> {
  const properties = propertiesOf(variant.schema);
  const carried: Record<string, unknown> = {};
  if (isJsonObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (key in properties && pinnedValue(properties[key]) === undefined) {
        carried[key] = child;
      }
    }
  }
  for (const [key, field] of Object.entries(properties)) {
    const pinned = pinnedValue(field);
    if (pinned !== undefined) {
      carried[key] = pinned.value;
    }
  }
  return carried;
}

function pinnedValue(field: unknown): { value: unknown } | undefined {
  if (!isJsonObject(field)) {
    return undefined;
  }
  if ('const' in field) {
    return { value: field['const'] };
  }
  return Array.isArray(field['enum']) && field['enum'].length === 1 ? { value: field['enum'][0] } : undefined;
}

function propertiesOf(schema: unknown): JsonSchema {
  return isJsonObject(schema) && isJsonObject(schema['properties']) ? schema['properties'] : {};
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}

function sameValue(left: unknown, right: unknown): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}
