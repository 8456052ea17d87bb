export {
  DRAFT_04_URI,
  SCHEMA_LIST_KEYWORDS,
  SCHEMA_MAP_KEYWORDS,
  SCHEMA_VALUED_KEYWORDS,
  isJsonObject,
  type JsonSchema,
} from './keywords.js';
export { NORMALIZED_WIDGETS, normalizeParameterSchema, sameJson, type NormalizeResult } from './normalize.js';
export { describeSchemaNote, describeSchemaRefusal, type SchemaNote, type SchemaRefusalReason } from './notes.js';
export { valueAtPointer } from './pointer.js';
export { pruneEmptyParameters } from './prune.js';
export { stripUiKeywords } from './strip.js';
export { MAX_PATTERN_TEXT_LENGTH, safePattern, unsupportedPatternReason, type SafePattern } from './safe-pattern.js';
export { SCHEMA_BUDGET, oversizeReason, referenceExpansionReason, type SchemaBudget } from './schema-budget.js';
export { DRAWN_BY_CONDITION } from './conditionals.js';
export { resolveSchemaForValue, type ResolveOptions } from './resolve.js';
export { isSecretField, secretPaths, withValuesAt } from './secrets.js';
export { VARIANTS_KEYWORD, carryOverToVariant, chooseVariant, type SchemaVariant } from './variants.js';
