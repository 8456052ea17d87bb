import { ZSchemaValidatorFactory, type ISchema } from 'ngx-schema-form';

import { CachedZSchemaValidatorFactory, FieldValidatorFactory } from './cached-z-schema-validator-factory';

/** What an error says (its code, where and with which values), without the schema object it came from. */
function reported(errors: unknown): unknown {
  return ((errors as { code: string; path: string; params: unknown[] }[] | null) ?? []).map(
    ({ code, path, params }) => ({
      code,
      path,
      params,
    }),
  );
}

describe('CachedZSchemaValidatorFactory', () => {
  const schema: ISchema = {
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string', pattern: '^[a-z]+$', maxLength: 8 },
      size: { type: 'integer', minimum: 1, maximum: 10 },
    },
  };

  // Brokers' patterns are checked on a copy of the schema (linear-patterns.ts), so the errors
  // point at that copy: compare what they report.
  it('reports what the library factory reports, required paths included', () => {
    const cached = new CachedZSchemaValidatorFactory();
    const library = new ZSchemaValidatorFactory();
    for (const value of [{}, { name: 'ok', size: 3 }, { name: 'NOT OK', size: 30 }]) {
      expect(reported(cached.createValidatorFn(schema)(value))).toEqual(
        reported(library.createValidatorFn(schema)(value)),
      );
    }
    expect(cached.createValidatorFn(schema)({})).toEqual([
      expect.objectContaining({ code: 'OBJECT_MISSING_REQUIRED_PROPERTY', path: '#/name' }),
    ]);
  });

  it('validates each schema on its own, however many others it has validated', () => {
    const factory = new CachedZSchemaValidatorFactory();
    const fields = Array.from({ length: 50 }, (_, index): ISchema => ({ type: 'string', maxLength: index + 1 }));
    fields.forEach((field) => factory.createValidatorFn(field)('xx'));
    expect(factory.createValidatorFn(fields[0]!)('xx')).toEqual([expect.objectContaining({ code: 'MAX_LENGTH' })]);
    expect(factory.createValidatorFn(fields[1]!)('xx')).toBeNull();
  });

  it('compares numbers as numbers, as the library does for number fields', () => {
    const validate = new CachedZSchemaValidatorFactory().createValidatorFn({
      type: 'integer',
      minimum: 1,
      maximum: 10,
    });
    expect(validate('5')).toBeNull();
    expect(validate('50')).toEqual([expect.objectContaining({ code: 'MAXIMUM' })]);
  });
});

describe('FieldValidatorFactory', () => {
  it('checks fields but not objects, which the form checks as a whole once per change', () => {
    const factory = new FieldValidatorFactory();
    const name: ISchema = { type: 'string', maxLength: 2 };
    const form: ISchema = { type: 'object', required: ['name'], properties: { name } };
    expect(factory.createValidatorFn(form)({ name: 'too long' })).toBeNull();
    expect(factory.createValidatorFn(name)('too long')).toEqual([expect.objectContaining({ code: 'MAX_LENGTH' })]);
  });
});
