import { Injectable } from '@angular/core';
import type { JsonSchema } from '@osb/json-schema';
import { ZSchemaValidatorFactory, type ISchema } from 'ngx-schema-form';
import type ZSchema from 'z-schema';

import { linearPatternZSchema, withLinearPatterns } from './linear-patterns';

/**
 * ngx-schema-form's z-schema validation with each field schema compiled once and its compilation
 * kept by the schema object's identity. The library's own factory validates every field with one
 * shared z-schema instance, whose cache of compiled schemas is scanned linearly with a deep
 * comparison on every check: validating a form of n fields cost n² comparisons, and every
 * keystroke, which validates the field and its parents, cost n of them. Here the one validator
 * gets a cache of its own for each field schema, so that a check compares one entry; one validator
 * per field would do the same, but building a z-schema validator (which compiles the meta-schemas)
 * costs more than checking a field.
 *
 * Brokers' `pattern` and `patternProperties` run on the linear-time engine (see linear-patterns.ts).
 */
@Injectable()
export class CachedZSchemaValidatorFactory extends ZSchemaValidatorFactory {
  /** The one validator of the fields, built when the first field is checked. */
  private validator: (ZSchema & { referenceCache: unknown[] }) | undefined;
  /** z-schema's cache of compiled schemas (its `referenceCache`, pinned z-schema 6.0.2) for each field schema. */
  private readonly compiledSchemas = new WeakMap<object, unknown[]>();

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

  /** The validator with the cache of compiled schemas that belongs to `schema`. */
  private validatorFor(schema: ISchema): ZSchema {
    let compiled = this.compiledSchemas.get(schema);
    if (!compiled) {
      compiled = [];
      this.compiledSchemas.set(schema, compiled);
    }
    this.validator ??= linearPatternZSchema() as ZSchema & { referenceCache: unknown[] };
    this.validator.referenceCache = compiled;
    return this.validator;
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
