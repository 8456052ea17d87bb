import { describeSchemaNote, normalizeParameterSchema, type JsonSchema } from '@osb/json-schema';
import { ParametersValidator } from './parameters-validator';
import { prepareParameterSchema } from './prepare-parameter-schema';

/** Backtracking engines need about 2^n steps for `^(a+)+$` against n a's and a mismatch. */
const CATASTROPHIC = '^(a+)+$';
const EVIL_TEXT = `${'a'.repeat(30)}!`;

function timed<T>(work: () => T): { result: T; milliseconds: number } {
  const started = performance.now();
  const result = work();
  return { result, milliseconds: performance.now() - started };
}

describe("brokers' patterns in the form", () => {
  const schema = normalized({
    type: 'object',
    properties: {
      name: { type: 'string', pattern: CATASTROPHIC },
      labels: {
        type: 'object',
        patternProperties: { [CATASTROPHIC]: { type: 'string', maxLength: 3 } },
        additionalProperties: false,
      },
    },
  });

  it('checks a catastrophic pattern against a long value in milliseconds', () => {
    const validator = new ParametersValidator(schema);
    const { result, milliseconds } = timed(() => validator.problems({ name: EVIL_TEXT }));
    expect(result.map((problem) => problem.path)).toEqual(['#/name']);
    expect(milliseconds).toBeLessThan(1_000);
    expect(validator.problems({ name: 'aaaa' })).toEqual([]);
  });

  it('checks keys against catastrophic patternProperties in milliseconds, with their subschemas and additionalProperties', () => {
    const validator = new ParametersValidator(schema);
    const { result, milliseconds } = timed(() => validator.problems({ labels: { [EVIL_TEXT]: 'x', aa: 'long' } }));
    expect(milliseconds).toBeLessThan(1_000);
    expect(result.map((problem) => problem.path).sort()).toEqual(['#/labels', '#/labels/aa']);
    expect(validator.problems({ labels: { aaa: 'ok' } })).toEqual([]);
  });

  it('refuses text longer than the pattern length limit with a length message', () => {
    const validator = new ParametersValidator(
      normalized({ properties: { name: { type: 'string', pattern: '^a*$' } } }),
    );
    const problems = validator.problems({ name: 'a'.repeat(10_001) });
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain('10000');
  });

  it('renders a schema whose default fails a catastrophic pattern without freezing', () => {
    const { result, milliseconds } = timed(() =>
      prepareParameterSchema(
        { type: 'object', properties: { name: { type: 'string', pattern: CATASTROPHIC, default: EVIL_TEXT } } },
        'create',
      ),
    );
    expect(milliseconds).toBeLessThan(3_000);
    expect(result.kind).toBe('form');
  });

  it('drops patterns that need backtracking, with a warning, and keeps the others', () => {
    const result = normalizeParameterSchema({
      properties: {
        lookahead: { type: 'string', pattern: '^(?=.*\\d).+$' },
        backreference: { type: 'string', pattern: '^(a)\\1$' },
        plain: { type: 'string', pattern: '^[a-z]([-a-z0-9]*[a-z0-9])?$' },
      },
    });
    if (!result.ok) throw new Error(result.refusal.code);
    const properties = result.schema['properties'] as Record<string, JsonSchema>;
    expect(properties['lookahead']['pattern']).toBeUndefined();
    expect(properties['backreference']['pattern']).toBeUndefined();
    expect(properties['plain']['pattern']).toBe('^[a-z]([-a-z0-9]*[a-z0-9])?$');
    expect(result.notes.map(describeSchemaNote).join('\n')).toMatch(/lookahead[\s\S]*not checked by the form/);
  });
});

function normalized(input: unknown): JsonSchema {
  const result = normalizeParameterSchema(input);
  if (!result.ok) throw new Error(result.refusal.code);
  return result.schema;
}
