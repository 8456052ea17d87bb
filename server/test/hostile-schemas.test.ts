/**
 * The shared schema normaliser (which the browser runs before rendering a form) and the catalog
 * validator under hostile and random input: a clear refusal within the budget instead of a
 * frozen tab, and property-based runs (fast-check) that never crash, hang or take long.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { describeSchemaRefusal, normalizeParameterSchema, type JsonSchema } from '@osb/json-schema';
import { validateCatalog } from '../src/osb/catalog-validation.ts';
import { ParameterValidator } from '../src/osb/parameter-validator.ts';

/** Runs per property; the closing note of the change reports the totals. */
const RUNS = 300;

function timed<T>(work: () => T): { result: T; milliseconds: number } {
  const started = performance.now();
  const result = work();
  return { result, milliseconds: performance.now() - started };
}

function nested(levels: number): JsonSchema {
  let schema: JsonSchema = { type: 'string' };
  for (let level = 0; level < levels; level += 1) schema = { type: 'object', properties: { a: schema } };
  return schema;
}

function exponential(levels: number): JsonSchema {
  const definitions: JsonSchema = { [`d${levels}`]: { type: 'string' } };
  for (let level = 0; level < levels; level += 1) {
    const next = { $ref: `#/definitions/d${level + 1}` };
    definitions[`d${level}`] = { type: 'object', properties: { left: next, right: next } };
  }
  return { type: 'object', definitions, properties: { tree: { $ref: '#/definitions/d0' } } };
}

describe('the schema normaliser within its budget', () => {
  const cases: [string, unknown, RegExp][] = [
    ['nested 300000 levels deep', nested(300_000), /nested more than 64 levels deep/],
    ['whose references expand to 2^30 nodes', exponential(30), /more than 5000 nodes/],
    [
      'whose reference contains itself',
      {
        definitions: { n: { properties: { child: { $ref: '#/definitions/n' } } } },
        properties: { root: { $ref: '#/definitions/n' } },
      },
      /contains itself/,
    ],
    [
      'with 100000 fields',
      { properties: Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`f${i}`, { type: 'string' }])) },
      /more than 5000 parts/,
    ],
  ];
  for (const [what, schema, reason] of cases) {
    it(`refuses a schema ${what} with a clear reason within 3 s`, () => {
      const { result, milliseconds } = timed(() => normalizeParameterSchema(schema));
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : describeSchemaRefusal(result.refusal), reason);
      assert.ok(milliseconds < 3_000, `took ${milliseconds} ms`);
    });
  }
});

/** Keywords and values that hostile and broken schemas are made of. */
const PATTERNS = ['^(a+)+$', '(x+x+)+y', '^(?=a).*$', '(a)\\1', '[', '^[a-z]+$', '.*'];
const REFS = [
  '#',
  '#/definitions/a',
  '#/definitions/b',
  '#/definitions/missing',
  '#/properties/x',
  'http://evil.example/s.json',
  '#/%zz',
];
const TYPES = ['string', 'integer', 'number', 'boolean', 'object', 'array', 'null', 'bogus'];

const schemaArbitrary = fc.letrec((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.boolean(),
    fc.jsonValue({ maxDepth: 2 }),
    fc.record(
      {
        type: fc.oneof(fc.constantFrom(...TYPES), fc.array(fc.constantFrom(...TYPES), { maxLength: 3 })),
        $ref: fc.constantFrom(...REFS),
        pattern: fc.constantFrom(...PATTERNS),
        patternProperties: fc.dictionary(fc.constantFrom(...PATTERNS), tie('schema'), { maxKeys: 2 }),
        properties: fc.dictionary(fc.string({ maxLength: 6 }), tie('schema'), { maxKeys: 4 }),
        definitions: fc.record({ a: tie('schema'), b: tie('schema') }, { requiredKeys: [] }),
        items: fc.oneof(tie('schema'), fc.array(tie('schema'), { maxLength: 2 })),
        additionalProperties: fc.oneof(fc.boolean(), tie('schema')),
        oneOf: fc.array(tie('schema'), { maxLength: 3 }),
        anyOf: fc.array(tie('schema'), { maxLength: 3 }),
        allOf: fc.array(tie('schema'), { maxLength: 3 }),
        not: tie('schema'),
        enum: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
        default: fc.jsonValue({ maxDepth: 2 }),
        required: fc.oneof(fc.boolean(), fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 })),
        title: fc.oneof(fc.string(), fc.integer()),
        widget: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 1 })),
        order: fc.jsonValue({ maxDepth: 1 }),
        fieldsets: fc.jsonValue({ maxDepth: 2 }),
        visibleIf: fc.jsonValue({ maxDepth: 2 }),
        format: fc.constantFrom('email', 'uri', 'date', 'uuid', 'password'),
        minimum: fc.oneof(fc.integer(), fc.string()),
        exclusiveMinimum: fc.oneof(fc.integer(), fc.boolean()),
        const: fc.jsonValue({ maxDepth: 1 }),
        $schema: fc.constantFrom(
          'http://json-schema.org/draft-04/schema#',
          'http://json-schema.org/draft-07/schema#',
          42,
        ),
      },
      { requiredKeys: [] },
    ),
  ),
})).schema;

/** A chain of `levels` schema keywords, so that random depth reaches far beyond the budget. */
const deepSchemaArbitrary = fc
  .tuple(
    fc.integer({ min: 1, max: 100_000 }),
    fc.constantFrom('properties', 'items', 'not', 'allOf', 'additionalProperties'),
  )
  .map(([levels, keyword]) => {
    let schema: unknown = { type: 'string' };
    for (let level = 0; level < levels; level += 1) {
      schema =
        keyword === 'properties'
          ? { properties: { a: schema } }
          : keyword === 'allOf'
            ? { allOf: [schema] }
            : { [keyword]: schema };
    }
    return schema;
  });

describe('property-based: the schema normaliser', () => {
  it(`never throws and answers within its budget for ${RUNS} random schemas, and its output validates random parameters safely`, () => {
    const validator = new ParameterValidator();
    fc.assert(
      fc.property(schemaArbitrary, fc.jsonValue({ maxDepth: 3 }), (schema, parameters) => {
        const { result, milliseconds } = timed(() => normalizeParameterSchema(schema));
        assert.ok(milliseconds < 3_000, `took ${milliseconds} ms`);
        if (!result.ok) {
          assert.equal(typeof describeSchemaRefusal(result.refusal), 'string');
          return;
        }
        assert.equal(result.schema['type'], 'object');
        JSON.stringify(result.schema);
        const value =
          typeof parameters === 'object' && parameters !== null && !Array.isArray(parameters)
            ? parameters
            : { value: parameters };
        const check = timed(() => validator.problems(result.schema, value as Record<string, unknown>));
        assert.ok(check.milliseconds < 2_000, `validation took ${check.milliseconds} ms`);
      }),
      { numRuns: RUNS },
    );
  });

  it(`refuses or accepts ${RUNS / 10} randomly deep schemas (up to 100000 levels) without overflowing, within 3 s each`, () => {
    fc.assert(
      fc.property(deepSchemaArbitrary, (schema) => {
        const { result, milliseconds } = timed(() => normalizeParameterSchema(schema));
        assert.ok(milliseconds < 3_000, `took ${milliseconds} ms`);
        if (!result.ok) assert.deepEqual(result.refusal, { code: 'tooDeep', limit: 64 });
      }),
      { numRuns: RUNS / 10 },
    );
  });
});

/** Catalogs in every shape between well-formed and garbage. */
const planArbitrary = fc.record(
  {
    id: fc.oneof(fc.uuid(), fc.constantFrom('shared-id', ''), fc.integer()),
    name: fc.oneof(fc.constantFrom('small', 'large', 'with space'), fc.string()),
    description: fc.oneof(fc.string(), fc.constant(null)),
    free: fc.oneof(fc.boolean(), fc.string()),
    bindable: fc.oneof(fc.boolean(), fc.string()),
    maintenance_info: fc.oneof(
      fc.record({ version: fc.constantFrom('1.0.0', 'v1', '1.0.0-rc.1+b') }),
      fc.jsonValue({ maxDepth: 1 }),
    ),
    maximum_polling_duration: fc.oneof(fc.integer(), fc.string()),
    metadata: fc.oneof(
      fc.record(
        {
          costs: fc.jsonValue({ maxDepth: 3 }),
          bullets: fc.jsonValue({ maxDepth: 1 }),
          expiryDays: fc.jsonValue({ maxDepth: 0 }),
        },
        { requiredKeys: [] },
      ),
      fc.jsonValue({ maxDepth: 2 }),
    ),
    schemas: fc.oneof(
      fc.record({ service_instance: fc.record({ create: fc.record({ parameters: schemaArbitrary }) }) }),
      fc.record({ service_binding: fc.record({ create: fc.record({ parameters: deepSchemaArbitrary }) }) }),
      fc.jsonValue({ maxDepth: 2 }),
    ),
  },
  { requiredKeys: [] },
);
const catalogArbitrary = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record({
    services: fc.array(
      fc.record(
        {
          id: fc.oneof(fc.uuid(), fc.constantFrom('shared-id'), fc.integer()),
          name: fc.oneof(fc.constantFrom('db', 'db', 'cache'), fc.string()),
          description: fc.string(),
          bindable: fc.oneof(fc.boolean(), fc.jsonValue({ maxDepth: 0 })),
          requires: fc.oneof(
            fc.array(fc.constantFrom('syslog_drain', 'route_forwarding', 'volume_mount', 'bogus')),
            fc.string(),
          ),
          tags: fc.jsonValue({ maxDepth: 1 }),
          metadata: fc.oneof(
            fc.record(
              {
                displayName: fc.jsonValue({ maxDepth: 0 }),
                imageUrl: fc.oneof(fc.webUrl(), fc.string()),
                sensitive: fc.jsonValue({ maxDepth: 0 }),
              },
              { requiredKeys: [] },
            ),
            fc.jsonValue({ maxDepth: 2 }),
          ),
          plans: fc.oneof(fc.array(planArbitrary, { maxLength: 4 }), fc.jsonValue({ maxDepth: 1 })),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 5 },
    ),
  }),
);

describe('property-based: the catalog validator', () => {
  it(`never throws and explains every rejection, within 2 s, for ${RUNS} random catalogs`, () => {
    fc.assert(
      fc.property(catalogArbitrary, (catalog) => {
        const { result, milliseconds } = timed(() =>
          validateCatalog(catalog, {
            brokerId: 'random',
            locality: { kind: 'global' },
            knownIds: new Map([['shared-id', 'other']]),
          }),
        );
        assert.ok(milliseconds < 2_000, `took ${milliseconds} ms`);
        if (!result.accepted) {
          assert.ok(result.reasons.length > 0);
          assert.ok(result.reasons.every((reason) => typeof reason === 'string' && reason.length > 0));
        } else {
          assert.ok(result.services.every((service) => service.brokerId === 'random'));
          assert.ok(!result.ids.includes('shared-id'), 'took over an id of another broker');
        }
      }),
      { numRuns: RUNS },
    );
  });
});
