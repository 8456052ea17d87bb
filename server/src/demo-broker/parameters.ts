/**
 * Validation of request parameters against the JSON schemas of the catalog, the way a real
 * broker checks what a platform sends.
 */
import ajvDraft04, { type ValidateFunction } from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { stripUiKeywords } from '@osb/json-schema';
import type { JsonSchema } from './services.ts';

// Both CommonJS packages also export themselves as `.default`, which works whether or not
// the loader unwraps the CommonJS default.
const Ajv04 = ajvDraft04.default;
const addFormats = ajvFormats.default;

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
    const validate = this.ajv.compile(stripUiKeywords(schema));
    this.compiled.set(schema, validate);
    return validate;
  }
}
