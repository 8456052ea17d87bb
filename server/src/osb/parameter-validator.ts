/**
 * The one check of OSB parameters against a plan's schema: the platform runs it before anything
 * goes to a broker, the demo broker runs it the way a real broker would. Brokers' schemas are draft-04 (or later, or without `$schema`) with form-only
 * keywords; those are stripped (`stripUiKeywords`) and the schema is compiled non-strictly.
 * A schema that cannot be compiled at all is not held against the user: the broker checks.
 */
import ajvDraft04Module from 'ajv-draft-04';
import ajvFormatsModule from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { stripUiKeywords } from '@osb/json-schema';

/** Default export of a CommonJS module, whether the loader unwrapped it or not. */
function commonJsDefault<T>(module: T | { default: T }): T {
  return typeof module === 'object' && module !== null && 'default' in module ? module.default : (module as T);
}

const Ajv04 = commonJsDefault(ajvDraft04Module as unknown as typeof ajvDraft04Module.default);
const addFormats = commonJsDefault(ajvFormatsModule as unknown as typeof ajvFormatsModule.default);

/** Longest list of problems put into one message. */
const MAX_PROBLEMS = 5;

/** Checks parameters against plan schemas, compiling each schema once. */
export class ParameterValidator {
  private readonly ajv = new Ajv04({ strict: false, allErrors: true, validateSchema: false });
  private readonly compiled = new WeakMap<object, ValidateFunction | null>();
  private readonly compiledPartial = new WeakMap<object, ValidateFunction | null>();

  constructor() {
    addFormats(this.ajv);
  }

  /**
   * Why `parameters` do not satisfy `schema`, the first few problems joined by `; ` (the
   * `parametersInvalid` error's detail); undefined when they do, when there is no schema, or
   * when the schema cannot be compiled. With `partial`, top-level `required` is not enforced
   * (an update sends only the changed keys).
   */
  problems(schema: Record<string, unknown> | undefined, parameters: Record<string, unknown>, partial = false): string | undefined {
    return this.errors(schema, parameters, partial)?.slice(0, MAX_PROBLEMS).join('; ');
  }

  /**
   * Every way `parameters` fail `schema`, each as `<where> <what>` (for example `size must be
   * integer`); undefined when they satisfy it, when there is no schema, or when it cannot be compiled.
   */
  errors(schema: Record<string, unknown> | undefined, parameters: unknown, partial = false): string[] | undefined {
    if (!schema) return undefined;
    const validate = this.validatorFor(schema, partial);
    if (!validate || validate(parameters)) return undefined;
    return (validate.errors ?? []).map((error) => {
      const where = error.instancePath ? error.instancePath.slice(1).replace(/\//g, '.') : 'parameters';
      const extra = error.keyword === 'additionalProperties' ? ` (${String(error.params['additionalProperty'])})` : '';
      return `${where} ${error.message ?? 'is invalid'}${extra}`;
    });
  }

  private validatorFor(schema: Record<string, unknown>, partial: boolean): ValidateFunction | null {
    const cache = partial ? this.compiledPartial : this.compiled;
    const cached = cache.get(schema);
    if (cached !== undefined) return cached;
    const stripped = stripUiKeywords(schema);
    if (partial) delete stripped['required'];
    let validate: ValidateFunction | null;
    try {
      validate = this.ajv.compile(stripped);
    } catch {
      validate = null;
    }
    cache.set(schema, validate);
    return validate;
  }
}
