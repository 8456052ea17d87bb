export { DRAFT_04_URI, isJsonObject, type JsonSchema } from './keywords.js';
export { NORMALIZED_WIDGETS, normalizeParameterSchema, sameJson, type NormalizeResult } from './normalize.js';
export { pruneEmptyParameters } from './prune.js';
export { stripUiKeywords } from './strip.js';
export { DRAWN_BY_CONDITION } from './conditionals.js';
export { resolveSchemaForValue, type ResolveOptions } from './resolve.js';
export { isSecretField, isSecretName, secretPaths, valueAtPointer, withValuesAt } from './secrets.js';
export { VARIANTS_KEYWORD, carryOverToVariant, chooseVariant, type SchemaVariant } from './variants.js';
