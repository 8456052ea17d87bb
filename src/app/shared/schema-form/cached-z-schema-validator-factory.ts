import { Injectable } from '@angular/core';
import type { JsonSchema } from '@osb/json-schema';
import { ZSchemaValidatorFactory, type ISchema } from 'ngx-schema-form';
import type ZSchema from 'z-schema';

import { linearPatternZSchema, withLinearPatterns } from './linear-patterns';

/**
 * ngx-schema-form's z-schema validation with one validator per field schema, compiled once and
 * kept by the schema object's identity. The library's own factory validates every field with one
 * shared z-schema instance, whose cache of compiled schemas is scanned linearly with a deep
 * comparison on every check: validating a form of n fields cost n² comparisons, and every
 * keystroke, which validates the field and its parents, cost n of them.
 *
 * Brokers' `pattern` and `patternProperties` run on the linear-time engine (see linear-patterns.ts).
 */
@Injectable()
export class CachedZSchemaValidatorFactory extends ZSchemaValidatorFactory {
  private readonly validators = new WeakMap<object, ZSchema>();

  override createValidatorFn(schema: ISchema): (value: unknown) => Record<string, boolean> {
    return (value: unknown) => {
      const numeric = schema.type === 'number' || schema.type === 'integer';
      const validator = this.validatorFor(schema);
      validator.validate(numeric ? +(value as number) : value, withLinearPatterns(schema as JsonSchema));
      const errors = validator.getLastErrors() as ZSchemaError[] | null;
      // As ngx-schema-form does: a missing required property is reported at the property's path.
      for (const error of errors ?? []) {
        if (error.path === '#/' && error.code === 'OBJECT_MISSING_REQUIRED_PROPERTY') {
          error.path = `${error.path}${String(error.params[0])}`;
        }
      }
      return (errors ?? null) as unknown as Record<string, boolean>;
    };
  }

  private validatorFor(schema: ISchema): ZSchema {
    let validator = this.validators.get(schema);
    if (!validator) {
      validator = linearPatternZSchema();
      this.validators.set(schema, validator);
    }
    return validator;
  }
}

/** The part of a z-schema error this factory adjusts. */
interface ZSchemaError {
  code: string;
  path: string;
  params: unknown[];
}

/**
 * The validator factory of the parameters form: the library checks each field on its own, but not
 * objects. ngx-schema-form checks a field's parents after each change, so the root object, all
 * fields included, was checked again on every keystroke; the form checks the whole value once per
 * change itself (ParametersValidator) and shows those problems, so the library's check of the
 * objects was never read.
 */
@Injectable()
export class FieldValidatorFactory extends CachedZSchemaValidatorFactory {
  override createValidatorFn(schema: ISchema): (value: unknown) => Record<string, boolean> {
    return schema.type === 'object' ? noErrors : super.createValidatorFn(schema);
  }
}

/** A validator that finds nothing (ngx-schema-form reads `null` as no errors). */
export function noErrors(): Record<string, boolean> {
  return null as unknown as Record<string, boolean>;
}
