import { isJsonObject, type JsonSchema } from './keywords.js';
import { sameJson } from './normalize.js';

/**
 * Removes what a person did not fill in from form output, so that a broker receives only the
 * parameters that were chosen:
 * - empty strings, `null`s, empty lists and empty objects of optional fields are omitted;
 * - an optional object that still lacks one of its required fields and whose other fields all
 *   hold their defaults was left untouched and is omitted as a whole.
 * Required fields are kept as they are, so that validation can name what is missing.
 */
export function pruneEmptyParameters(value: unknown, schema: unknown): unknown {
  return pruneValue(value, isJsonObject(schema) ? schema : {});
}

function pruneValue(value: unknown, schema: JsonSchema): unknown {
  if (Array.isArray(value)) {
    const itemSchema = isJsonObject(schema['items']) ? schema['items'] : {};
    return value.map((item) => pruneValue(item, itemSchema));
  }
  if (!isJsonObject(value)) {
    return value;
  }
  const properties = isJsonObject(schema['properties']) ? schema['properties'] : {};
  const required = Array.isArray(schema['required']) ? (schema['required'] as unknown[]) : [];
  const extra = isJsonObject(schema['additionalProperties']) ? schema['additionalProperties'] : {};
  const out: JsonSchema = {};
  for (const [key, child] of Object.entries(value)) {
    const childSchema = isJsonObject(properties[key]) ? (properties[key] as JsonSchema) : extra;
    const pruned = pruneValue(child, childSchema);
    if (required.includes(key) || !(isEmpty(pruned, childSchema) || isUntouchedIncomplete(pruned, childSchema))) {
      out[key] = pruned;
    }
  }
  return out;
}

function isEmpty(value: unknown, schema: JsonSchema): boolean {
  if (value === null) {
    const type = schema['type'];
    return !(type === 'null' || (Array.isArray(type) && type.includes('null')));
  }
  return (
    value === undefined ||
    value === '' ||
    (Array.isArray(value) && value.length === 0) ||
    (isJsonObject(value) && Object.keys(value).length === 0)
  );
}

/** An object missing a required field whose present fields all equal their defaults. */
function isUntouchedIncomplete(value: unknown, schema: JsonSchema): boolean {
  if (!isJsonObject(value)) {
    return false;
  }
  const required = Array.isArray(schema['required']) ? (schema['required'] as unknown[]) : [];
  if (!required.some((name) => typeof name === 'string' && !(name in value))) {
    return false;
  }
  const properties = isJsonObject(schema['properties']) ? schema['properties'] : {};
  return Object.entries(value).every(([key, child]) => {
    const childSchema = properties[key];
    return isJsonObject(childSchema) && 'default' in childSchema && sameJson(childSchema['default'], child);
  });
}
