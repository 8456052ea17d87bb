export { DRAFT_04_URI, isJsonObject, type JsonSchema } from './keywords.js';
export { NORMALIZED_WIDGETS, normalizeParameterSchema, sameJson, type NormalizeResult } from './normalize.js';
export { pruneEmptyParameters } from './prune.js';
export { stripUiKeywords } from './strip.js';
