import { isJsonObject, type JsonSchema } from './keywords.js';

/** UI keyword marking a field that only a conditional branch defines; validation takes it from the branch. */
export const DRAWN_BY_CONDITION = 'drawnByCondition';

/**
 * Draws the fields a draft-07 `if`/`then`/`else` adds to an object: each field only `then` (or only
 * `else`) names joins the node's fields, shown while the condition holds (or fails), so that the
 * form asks for it exactly when the schema does. `rendered` holds the branches normalised for
 * rendering. The condition becomes a `visibleIf` when it only compares fields of the same object
 * with fixed values (`const`/`enum`); otherwise the fields are always shown, and validation still
 * follows the condition. Returns false for a condition the form cannot follow.
 */
export function drawConditionalFields(
  out: JsonSchema,
  rendered: { then?: JsonSchema; else?: JsonSchema },
  condition: JsonSchema,
): boolean {
  const properties = isJsonObject(out['properties']) ? out['properties'] : {};
  out['properties'] = properties;
  const comparisons = fieldComparisons(condition);
  const thenFields = propertiesOf(rendered.then);
  const elseFields = propertiesOf(rendered.else);
  let unfollowed = false;
  for (const [branchFields, otherFields, holds] of [
    [thenFields, elseFields, true],
    [elseFields, thenFields, false],
  ] as const) {
    for (const [name, field] of Object.entries(branchFields)) {
      if (name in properties || !isJsonObject(field)) {
        continue;
      }
      const drawn: JsonSchema = { ...field, [DRAWN_BY_CONDITION]: true };
      if (!(name in otherFields)) {
        if (comparisons) {
          drawn['visibleIf'] = holds ? visibleWhenAll(comparisons) : visibleWhenAny(comparisons);
        } else {
          unfollowed = true;
        }
      }
      properties[name] = drawn;
    }
  }
  return !unfollowed;
}

/** Keywords a field of a plain comparison may carry besides its values. */
const COMPARISON_KEYWORDS = new Set(['enum', 'type', 'title', 'description', 'widget', 'placeholder']);

/** The field/values pairs of a condition like `{properties: {kind: {enum: [a, b]}}, required: [kind]}`. */
function fieldComparisons(condition: JsonSchema): [string, unknown[]][] | undefined {
  const allowed = new Set(['properties', 'required', 'type']);
  if (!Object.keys(condition).every((keyword) => allowed.has(keyword))) {
    return undefined;
  }
  const comparisons: [string, unknown[]][] = [];
  for (const [name, field] of Object.entries(propertiesOf(condition))) {
    const values = isJsonObject(field) && Array.isArray(field['enum']) ? field['enum'] : undefined;
    if (!values || !Object.keys(field as JsonSchema).every((keyword) => COMPARISON_KEYWORDS.has(keyword))) {
      return undefined;
    }
    comparisons.push([name, values]);
  }
  return comparisons.length > 0 ? comparisons : undefined;
}

function visibleWhenAll(comparisons: [string, unknown[]][]): JsonSchema {
  const conditions = comparisons.map(([name, values]) => ({ [name]: values }));
  return conditions.length === 1 ? conditions[0] : { allOf: conditions };
}

/** Visible while at least one comparison fails: `$EXP$` expressions, which ngx-schema-form evaluates with jexl. */
function visibleWhenAny(comparisons: [string, unknown[]][]): JsonSchema {
  const conditions = comparisons.map(([name, values]) => ({
    [name]: [`$EXP$ ${values.map((value) => `target.value != ${JSON.stringify(value)}`).join(' && ')}`],
  }));
  return conditions.length === 1 ? conditions[0] : { oneOf: conditions };
}

function propertiesOf(schema: unknown): JsonSchema {
  return isJsonObject(schema) && isJsonObject(schema['properties']) ? schema['properties'] : {};
}
