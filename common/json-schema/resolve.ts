import { isJsonObject, type JsonSchema } from './keywords.js';
import { DRAWN_BY_CONDITION } from './conditionals.js';
import { VARIANTS_KEYWORD, chooseVariant, type SchemaVariant } from './variants.js';

/** How {@link resolveSchemaForValue} decides variants and conditions. */
export interface ResolveOptions {
  /** Whether a value satisfies a (normalised) schema; decides `if`. */
  matches(schema: JsonSchema, value: unknown): boolean;
  /** The variant a person picked, by the JSON pointer of the object ('' for the root). */
  choices?: Readonly<Record<string, number>>;
}

/**
 * The schema a normalised schema amounts to for one value: each object with variants becomes the
 * variant picked (or the one the value follows), each `if`/`then`/`else` the branch that applies,
 * and list items get one schema each. Validating against it names the fields that are wrong rather
 * than "matches none of the choices", and reviews read the chosen variant's labels from it.
 */
export function resolveSchemaForValue(
  schema: JsonSchema,
  value: unknown,
  options: ResolveOptions,
  pointer = '',
): JsonSchema {
  let node = schema;
  const variants = node[VARIANTS_KEYWORD];
  if (Array.isArray(variants) && variants.length > 0 && (isJsonObject(value) || value === undefined)) {
    const list = variants as SchemaVariant[];
    const picked = options.choices?.[pointer];
    const index = picked !== undefined && picked >= 0 && picked < list.length ? picked : chooseVariant(list, value);
    node = { ...list[index].schema, variantLabel: list[index].label };
  }
  node = applyConditionals(node, value, options);
  if (isJsonObject(value) && isJsonObject(node['properties'])) {
    const properties: JsonSchema = {};
    for (const [name, field] of Object.entries(node['properties'])) {
      properties[name] = isJsonObject(field)
        ? resolveSchemaForValue(field, value[name], options, `${pointer}/${escape(name)}`)
        : field;
    }
    node = { ...node, properties };
  }
  if (Array.isArray(value) && isJsonObject(node['items']) && value.length > 0) {
    const items = node['items'];
    node = {
      ...node,
      items: value.map((item, index) => resolveSchemaForValue(items, item, options, `${pointer}/${index}`)),
      additionalItems: items,
    };
  }
  return node;
}

/**
 * Applies the node's own `if`/`then`/`else` and those among its `allOf` entries: the fields only
 * a branch defines start unconstrained, then each branch that applies adds its constraints.
 */
function applyConditionals(schema: JsonSchema, value: unknown, options: ResolveOptions): JsonSchema {
  const allOf = Array.isArray(schema['allOf']) ? schema['allOf'] : [];
  const conditionals = [schema, ...allOf].filter(
    (entry): entry is JsonSchema => isJsonObject(entry) && isJsonObject(entry['if']),
  );
  if (conditionals.length === 0) {
    return schema;
  }
  const rest = Object.fromEntries(
    Object.entries(schema).filter(([keyword]) => !['if', 'then', 'else'].includes(keyword)),
  );
  const own = isJsonObject(rest['properties']) ? rest['properties'] : {};
  let node: JsonSchema = {
    ...rest,
    properties: Object.fromEntries(
      Object.entries(own).map(([name, field]) => [name, isJsonObject(field) && field[DRAWN_BY_CONDITION] ? {} : field]),
    ),
  };
  const remainingAllOf = allOf.filter((entry) => !conditionals.includes(entry as JsonSchema));
  if (remainingAllOf.length > 0) {
    node['allOf'] = remainingAllOf;
  } else {
    delete node['allOf'];
  }
  for (const conditional of conditionals) {
    const branch = options.matches(conditional['if'] as JsonSchema, value) ? conditional['then'] : conditional['else'];
    if (isJsonObject(branch)) {
      node = mergeBranch(node, branch);
    }
  }
  return node;
}

/** Adds a conditional branch to a node: its fields' constraints, its `required` names and its other keywords. */
function mergeBranch(node: JsonSchema, branch: JsonSchema): JsonSchema {
  const { properties: branchProperties, required: branchRequired, ...others } = branch;
  const merged: JsonSchema = { ...node };
  if (isJsonObject(branchProperties)) {
    const properties: JsonSchema = { ...(isJsonObject(node['properties']) ? node['properties'] : {}) };
    for (const [name, field] of Object.entries(branchProperties)) {
      const own = properties[name];
      properties[name] =
        isJsonObject(own) && isJsonObject(field)
          ? { ...own, allOf: [...(Array.isArray(own['allOf']) ? own['allOf'] : []), field] }
          : field;
    }
    merged['properties'] = properties;
  }
  if (Array.isArray(branchRequired)) {
    merged['required'] = [
      ...new Set([...(Array.isArray(node['required']) ? node['required'] : []), ...branchRequired]),
    ];
  }
  const rest = Object.fromEntries(
    Object.entries(others).filter(([keyword]) => !['type', 'title', 'description'].includes(keyword)),
  );
  if (Object.keys(rest).length > 0) {
    merged['allOf'] = [...(Array.isArray(node['allOf']) ? node['allOf'] : []), rest];
  }
  return merged;
}

function escape(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}
