import { Injectable } from '@angular/core';
import { SchemaValidatorFactory, type ISchema } from 'ngx-schema-form';

/**
 * ngx-schema-form's own validation, switched off. The library checks every field with z-schema
 * when it builds a form, and a field and all its parents on every change; the parameters form
 * checks the whole value once per change itself (`ParametersValidator`, with brokers'
 * patterns on the linear-time engine) and shows only those problems, so the library's results were
 * never read. The off-screen build of a schema's variants, which looks only for schemas the
 * library throws on, uses it too.
 */
@Injectable()
export class NoLibraryValidation extends SchemaValidatorFactory {
  /** A validator that finds nothing, whatever the schema. */
  override createValidatorFn(): (value: unknown) => Record<string, boolean> {
    return noErrors;
  }

  /**
   * Resolves a `$ref` for the library; a normalised schema has none (they are inlined), so being
   * asked is a defect.
   */
  override getSchema(_schema: ISchema, reference: string): ISchema {
    throw new Error(`A normalised schema has no $ref, but the form was asked for ${reference}.`);
  }
}

/** A validator that finds nothing (ngx-schema-form reads `null` as no errors). */
function noErrors(): Record<string, boolean> {
  return null as unknown as Record<string, boolean>;
}
