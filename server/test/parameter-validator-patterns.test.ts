import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { ParameterValidator } from '../src/osb/parameter-validator.ts';

/** A backtracking engine needs about 2^n steps for `^(a+)+$` against n a's and a mismatch. */
const CATASTROPHIC = '^(a+)+$';
const EVIL_TEXT = `${'a'.repeat(40)}!`;

function timed<T>(work: () => T): { result: T; milliseconds: number } {
  const started = performance.now();
  const result = work();
  return { result, milliseconds: performance.now() - started };
}

describe("ParameterValidator with brokers' regular expressions", () => {
  const schema = {
    type: 'object',
    properties: {
      name: { type: 'string', pattern: CATASTROPHIC },
      labels: {
        type: 'object',
        patternProperties: { [CATASTROPHIC]: { type: 'string' } },
        additionalProperties: false,
      },
    },
  };

  it('answers a catastrophic pattern against a long value in milliseconds', () => {
    const validator = new ParameterValidator();
    validator.problems(schema, {});
    const { result, milliseconds } = timed(() => validator.problems(schema, { name: EVIL_TEXT }));
    assert.match(result?.detail ?? '', /name must match pattern/);
    assert.equal(result?.fields, 'name');
    assert.ok(milliseconds < 1_000, `took ${milliseconds} ms`);
    assert.equal(validator.problems(schema, { name: 'aaaa' }), undefined);
  });

  it('answers catastrophic patternProperties against a long key in milliseconds', () => {
    const validator = new ParameterValidator();
    validator.problems(schema, {});
    const { result, milliseconds } = timed(() => validator.problems(schema, { labels: { [EVIL_TEXT]: 'x' } }));
    assert.match(result?.detail ?? '', /labels must NOT have additional properties/);
    assert.ok(milliseconds < 1_000, `took ${milliseconds} ms`);
    assert.equal(validator.problems(schema, { labels: { aaa: 'x' } }), undefined);
  });

  it('refuses text too long to check against a pattern, saying so', () => {
    const validator = new ParameterValidator();
    assert.match(
      validator.problems(schema, { name: 'a'.repeat(10_001) })?.detail ?? '',
      /longer than 10000 characters/,
    );
  });

  it('does not check a pattern that needs backtracking instead of giving up on the whole schema', () => {
    const validator = new ParameterValidator();
    const withLookahead = {
      type: 'object',
      properties: { a: { type: 'string', pattern: '^(?=x)x$' }, b: { type: 'integer' } },
    };
    assert.equal(validator.problems(withLookahead, { a: 'y', b: 1 }), undefined);
    assert.match(validator.problems(withLookahead, { a: 'y', b: 'one' })?.detail ?? '', /b must be integer/);
  });

  it('keeps validating after a catalog refresh brings the same schema with its $id and id again', () => {
    const validator = new ParameterValidator();
    const fetched = () => ({
      $id: 'https://broker.example/create.json',
      id: 'create',
      type: 'object',
      properties: { size: { type: 'integer' } },
    });
    for (let refresh = 0; refresh < 3; refresh += 1) {
      assert.match(
        validator.problems(fetched(), { size: 'large' })?.detail ?? '',
        /size must be integer/,
        `after refresh ${refresh}`,
      );
    }
  });

  it('keeps a bounded number of compiled schemas however many catalog versions it sees', () => {
    const validator = new ParameterValidator();
    for (let version = 0; version < 300; version += 1) {
      validator.problems(
        {
          $id: `https://broker.example/v${version}`,
          type: 'object',
          properties: { size: { type: 'integer', maximum: version } },
        },
        { size: 1 },
      );
    }
    const cached = (validator as unknown as { compiled: Map<string, unknown> }).compiled;
    assert.ok(cached.size <= 200, `${cached.size} compiled schemas kept`);
  });
});
