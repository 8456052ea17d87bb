/**
 * Validation of request parameters against the JSON schemas of the catalog, the way a real
 * broker checks what a platform sends.
 */
import ajvDraft04, { type ValidateFunction } from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import type { JsonSchema } from './services.ts';

// Both CommonJS packages also export themselves as `.default`, which works whether or not
// the loader unwraps the CommonJS default.
const Ajv04 = ajvDraft04.default;
const addFormats = ajvFormats.default;

/**
 * Keywords of form renderers (ngx-schema-form) that mean nothing to a validator. `widget`
 * must go before compiling: its `{id: "select"}` would be read as a draft-04 `id`.
 */
const UI_ONLY_KEYWORDS = new Set(['widget', 'visibleIf', 'visibleIfNot', 'fieldsets', 'buttons']);

/** Keywords whose value maps names (of properties or definitions) to schemas. */
const NAMED_SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions']);

/** A copy of `schema` without UI-only keywords, at any depth; property names are kept as they are. */
export function stripUiKeywords(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(stripUiKeywords);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => !UI_ONLY_KEYWORDS.has(key))
      .map(([key, value]) => [key, NAMED_SCHEMA_MAPS.has(key) ? stripNamedSchemas(value) : stripUiKeywords(value)]),
  );
}

function stripNamedSchemas(map: unknown): unknown {
  if (map === null || typeof map !== 'object' || Array.isArray(map)) return map;
  return Object.fromEntries(Object.entries(map).map(([name, schema]) => [name, stripUiKeywords(schema)]));
}

/** Validates parameters against draft-04 schemas, compiling each schema once. */
export class ParameterValidator {
  private readonly ajv = new Ajv04({ strict: false, allErrors: true, validateSchema: false });
  private readonly compiled = new WeakMap<JsonSchema, ValidateFunction>();

  constructor() {
    addFormats(this.ajv);
  }

  /** Why `parameters` do not match `schema` (a sentence for the user), or undefined if they do. */
  problems(schema: JsonSchema | undefined, parameters: unknown): string | undefined {
    if (parameters !== undefined && (parameters === null || typeof parameters !== 'object' || Array.isArray(parameters))) {
      return 'parameters must be a JSON object.';
    }
    if (!schema) return undefined;
    const validate = this.validatorFor(schema);
    if (validate(parameters ?? {})) return undefined;
    const details = (validate.errors ?? []).map((error) => {
      const where = error.instancePath ? error.instancePath.slice(1).replace(/\//g, '.') : 'parameters';
      const extra = error.keyword === 'additionalProperties' ? ` (${String(error.params['additionalProperty'])})` : '';
      return `${where} ${error.message ?? 'is invalid'}${extra}`;
    });
    return `Invalid parameters: ${details.join('; ')}.`;
  }

  private validatorFor(schema: JsonSchema): ValidateFunction {
    const cached = this.compiled.get(schema);
    if (cached) return cached;
    const validate = this.ajv.compile(stripUiKeywords(schema) as JsonSchema);
    this.compiled.set(schema, validate);
    return validate;
  }
}
