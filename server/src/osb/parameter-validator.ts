/**
 * The one check of OSB parameters against a plan's schema: the platform runs it before anything
 * goes to a broker, the demo broker runs it the way a real broker would. Brokers' schemas are draft-04 (or later, or without `$schema`) with form-only
 * keywords; those are stripped (`stripUiKeywords`) and the schema is compiled non-strictly.
 * A schema that cannot be compiled at all is not held against the user: the broker checks.
 *
 * Brokers' `pattern`s and `patternProperties` run on the linear-time engine (`safePattern`), so a
 * catastrophic pattern cannot block the event loop; a pattern it cannot run is not checked here.
 * Each schema is compiled by its own Ajv instance (a broker's `id`/`$id` cannot clash with another
 * schema's or with an earlier version of itself), and the compiled validators are kept in a
 * bounded cache keyed by the schema's text, so catalog refreshes do not grow the memory.
 */
import ajvDraft04Module from 'ajv-draft-04';
import ajvFormatsModule from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { MAX_PATTERN_TEXT_LENGTH, safePattern, stripUiKeywords } from '@osb/json-schema';

/** Default export of a CommonJS module, whether the loader unwrapped it or not. */
function commonJsDefault<T>(module: T | { default: T }): T {
  return typeof module === 'object' && module !== null && 'default' in module ? module.default : (module as T);
}

const Ajv04 = commonJsDefault(ajvDraft04Module as unknown as typeof ajvDraft04Module.default);
const addFormats = commonJsDefault(ajvFormatsModule as unknown as typeof ajvFormatsModule.default);

/** Longest list of problems put into one message. */
const MAX_PROBLEMS = 5;

/** How many compiled schemas are kept. */
const CACHE_SIZE = 200;

/** Ajv's `code.regExp`: brokers' patterns on the linear-time engine; one it cannot run matches everything. */
const linearRegExp = Object.assign(
  (pattern: string) => {
    try {
      const compiled = safePattern(pattern);
      return { test: (text: string) => compiled.test(text) };
    } catch {
      return { test: () => true };
    }
  },
  { code: 'linearRegExp' },
);

/** Why parameters do not satisfy a schema: the `parametersInvalid` error's parameters. */
export interface ParameterProblems {
  /** The first few problems in English, joined by `; ` (for API clients). */
  detail: string;
  /** The fields with problems, dotted paths joined by `, ` (`parameters`: the whole object). */
  fields: string;
}

/** Checks parameters against plan schemas, compiling each schema once. */
export class ParameterValidator {
  /** Compiled validators by schema text and mode, least recently used first. */
  private readonly compiled = new Map<string, ValidateFunction | null>();

  /**
   * Why `parameters` do not satisfy `schema`, as the `parametersInvalid` error's parameters;
   * undefined when they do, when there is no schema, or when the schema cannot be compiled.
   * With `partial`, top-level `required` is not enforced (an update sends only the changed keys).
   */
  problems(
    schema: Record<string, unknown> | undefined,
    parameters: Record<string, unknown>,
    partial = false,
  ): ParameterProblems | undefined {
    const problems = this.problemList(schema, parameters, partial);
    if (!problems) return undefined;
    const shown = problems.slice(0, MAX_PROBLEMS);
    return {
      detail: shown.map((problem) => `${problem.field} ${problem.message}`).join('; '),
      fields: [...new Set(shown.map((problem) => problem.field))].join(', '),
    };
  }

  /**
   * Every way `parameters` fail `schema`, each as `<where> <what>` (for example `size must be
   * integer`); undefined when they satisfy it, when there is no schema, or when it cannot be compiled.
   */
  errors(schema: Record<string, unknown> | undefined, parameters: unknown, partial = false): string[] | undefined {
    return this.problemList(schema, parameters, partial)?.map((problem) => `${problem.field} ${problem.message}`);
  }

  private problemList(
    schema: Record<string, unknown> | undefined,
    parameters: unknown,
    partial: boolean,
  ): { field: string; message: string }[] | undefined {
    if (!schema) return undefined;
    const validate = this.validatorFor(schema, partial);
    if (!validate || validate(parameters)) return undefined;
    return (validate.errors ?? []).map((error) => {
      const field = error.instancePath ? error.instancePath.slice(1).replace(/\//g, '.') : 'parameters';
      const extra = error.keyword === 'additionalProperties' ? ` (${String(error.params['additionalProperty'])})` : '';
      return { field, message: `${describe(error)}${extra}` };
    });
  }

  private validatorFor(schema: Record<string, unknown>, partial: boolean): ValidateFunction | null {
    const stripped = stripUiKeywords(schema);
    if (partial) delete stripped['required'];
    const key = JSON.stringify(stripped);
    if (this.compiled.has(key)) {
      const cached = this.compiled.get(key)!;
      this.compiled.delete(key);
      this.compiled.set(key, cached);
      return cached;
    }
    let validate: ValidateFunction | null;
    try {
      const ajv = new Ajv04({
        strict: false,
        allErrors: true,
        validateSchema: false,
        verbose: true,
        code: { regExp: linearRegExp },
      });
      addFormats(ajv);
      validate = ajv.compile(stripped);
    } catch {
      validate = null;
    }
    if (this.compiled.size >= CACHE_SIZE) this.compiled.delete(this.compiled.keys().next().value!);
    this.compiled.set(key, validate);
    return validate;
  }
}

/** Ajv's message, except for text too long to check against a pattern. */
function describe(error: ErrorObject): string {
  if (error.keyword === 'pattern' && typeof error.data === 'string' && error.data.length > MAX_PATTERN_TEXT_LENGTH) {
    return `is longer than ${MAX_PATTERN_TEXT_LENGTH} characters, too long to check against its pattern`;
  }
  return error.message ?? 'is invalid';
}
