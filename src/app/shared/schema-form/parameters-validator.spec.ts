import { normalizeParameterSchema, type JsonSchema } from '@osb/json-schema';

import { ParametersValidator } from './parameters-validator';

describe('ParametersValidator', () => {
  const result = normalizeParameterSchema({
    type: 'object',
    properties: {
      name: { type: 'string', title: 'Name', pattern: '^[a-z]+$' },
      size: { type: 'integer', minimum: 1 },
    },
    required: ['name'],
  });
  if (!result.ok) throw new Error(result.refusal.code);
  const schema: JsonSchema = result.schema;

  it('hands z-schema the same schema while the resolved schema stays the same, so it is compiled once', () => {
    const validator = new ParametersValidator(schema);
    const validate = vi.spyOn(
      (validator as unknown as { validator: { validate: (value: unknown, schema: unknown) => boolean } }).validator,
      'validate',
    );
    expect(validator.problems({ name: 'ok', size: 2 })).toEqual([]);
    expect(validator.problems({ name: 'NOT OK', size: 0 }).map((problem) => problem.path)).toEqual([
      '#/name',
      '#/size',
    ]);
    expect(validator.problems({}).map((problem) => problem.path)).toEqual(['#/name']);
    const schemas = validate.mock.calls.map(([, used]) => used);
    expect(schemas).toHaveLength(3);
    expect(schemas[1]).toBe(schemas[0]);
    expect(schemas[2]).toBe(schemas[0]);
  });

  it('uses a flat schema as it is, without resolving it anew for each value', () => {
    const validator = new ParametersValidator(schema);
    expect(validator.resolve({ name: 'ok' })).toBe(schema);
    expect(validator.resolve({ name: 'other', size: 3 })).toBe(schema);
  });

  it('resolves a schema whose conditions depend on the value', () => {
    const conditional = normalizeParameterSchema({
      type: 'object',
      properties: { tier: { type: 'string', enum: ['basic', 'pro'] }, seats: { type: 'integer' } },
      if: { properties: { tier: { const: 'pro' } } },
      then: { required: ['seats'] },
    });
    if (!conditional.ok) throw new Error(conditional.refusal.code);
    const validator = new ParametersValidator(conditional.schema);
    expect(validator.resolve({ tier: 'pro' })).not.toBe(conditional.schema);
    expect(validator.problems({ tier: 'pro' }).map((problem) => problem.path)).toEqual(['#/seats']);
    expect(validator.problems({ tier: 'basic' })).toEqual([]);
  });
});
