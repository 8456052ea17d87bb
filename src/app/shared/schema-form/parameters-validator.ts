import ZSchema from 'z-schema';
import { stripUiKeywords, type JsonSchema } from '../../../../common/json-schema';
import { describeSchemaError, isSchemaError } from './schema-error-messages';

/** One problem with a parameters value: where, and what is wrong in plain language. */
export interface ParameterProblem {
  /** JSON pointer of the value, e.g. `#/externalRegistrationNumber`. */
  path: string;
  /** What is wrong. */
  message: string;
}

/**
 * Checks parameter values against a normalised schema with z-schema (draft-04), the validator
 * ngx-schema-form uses, after removing the UI-only keywords.
 */
export class ParametersValidator {
  private readonly validator = new ZSchema({ breakOnFirstError: false });
  private readonly schema: JsonSchema;

  constructor(schema: JsonSchema) {
    this.schema = stripUiKeywords(schema);
  }

  /** The problems of a value; empty when it is valid. */
  problems(value: unknown): ParameterProblem[] {
    if (this.validator.validate(value, this.schema)) {
      return [];
    }
    return (this.validator.getLastErrors() ?? []).filter(isSchemaError).map((error) => {
      const missing = error.code === 'OBJECT_MISSING_REQUIRED_PROPERTY' ? `/${String(error.params[0])}` : '';
      return { path: `${error.path.replace(/\/$/, '')}${missing}`, message: describeSchemaError(error) };
    });
  }
}
