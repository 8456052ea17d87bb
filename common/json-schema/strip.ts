import {
  SCHEMA_LIST_KEYWORDS,
  SCHEMA_MAP_KEYWORDS,
  SCHEMA_VALUED_KEYWORDS,
  UI_KEYWORDS,
  UI_KEYWORD_ALIASES,
  isJsonObject,
  type JsonSchema,
} from './keywords.js';

/**
 * Returns a copy of a schema without the keywords that only steer rendering (`widget`,
 * `visibleIf`, `fieldsets`, `order`, `buttons`, `placeholder`, `x-widget`, …), so that a
 * validator can compile it: `widget: {id: "select"}` would otherwise read as a draft-04 `id`.
 * Property names are never touched, only keywords at schema positions.
 */
export function stripUiKeywords<T>(schema: T): T {
  return stripNode(structuredClone(schema)) as T;
}

function stripNode(node: unknown): unknown {
  if (!isJsonObject(node)) {
    return node;
  }
  const out: JsonSchema = {};
  for (const [keyword, value] of Object.entries(node)) {
    if (UI_KEYWORDS.has(keyword) || UI_KEYWORD_ALIASES.some((entry) => entry.alias.test(keyword))) {
      continue;
    }
    if (SCHEMA_MAP_KEYWORDS.has(keyword) && isJsonObject(value)) {
      out[keyword] = Object.fromEntries(
        Object.entries(value).map(([name, subschema]) => [
          name,
          Array.isArray(subschema) ? subschema : stripNode(subschema),
        ]),
      );
    } else if (SCHEMA_LIST_KEYWORDS.has(keyword) && Array.isArray(value)) {
      out[keyword] = value.map(stripNode);
    } else if (SCHEMA_VALUED_KEYWORDS.has(keyword)) {
      out[keyword] = stripNode(value);
    } else {
      out[keyword] = value;
    }
  }
  return out;
}
