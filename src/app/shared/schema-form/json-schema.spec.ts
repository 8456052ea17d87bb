import Ajv from 'ajv-draft-04';
import {
  DRAFT_04_URI,
  chooseVariant,
  describeSchemaNote,
  describeSchemaRefusal,
  isSecretField,
  normalizeParameterSchema,
  secretPaths,
  type SchemaVariant,
  pruneEmptyParameters,
  stripUiKeywords,
  type JsonSchema,
} from '@osb/json-schema';
import { SCHEMA_FIXTURES } from '@testing/schema-fixtures';

/** The normalised schema and its notes in English. */
function normalized(schema: unknown): { schema: JsonSchema; warnings: string[] } {
  const result = normalizeParameterSchema(schema);
  if (!result.ok) {
    throw new Error(`refused: ${describeSchemaRefusal(result.refusal)}`);
  }
  return { schema: result.schema, warnings: result.notes.map(describeSchemaNote) };
}

function property(schema: JsonSchema, name: string): JsonSchema {
  return (schema['properties'] as Record<string, JsonSchema>)[name];
}

describe('normalizeParameterSchema', () => {
  for (const fixture of SCHEMA_FIXTURES) {
    it(`makes ${fixture.file} a draft-04 object schema that a strict-keyword-free validator compiles`, () => {
      const { schema } = normalized(fixture.schema);
      expect(schema['$schema']).toBe(DRAFT_04_URI);
      expect(schema['type']).toBe('object');
      const ajv = new Ajv({ strict: false, allErrors: true });
      expect(ajv.validateSchema(stripUiKeywords(schema)), JSON.stringify(ajv.errors)).toBe(true);
      expect(() => ajv.compile(stripUiKeywords(schema))).not.toThrow();
    });
  }

  it('leaves the input untouched', () => {
    const input = { properties: { a: { const: 'x' } } };
    const before = structuredClone(input);
    normalized(input);
    expect(input).toEqual(before);
  });

  it('gives a schema without type the object type and an object without properties an empty map', () => {
    expect(normalized({ properties: { a: { type: 'string' } } }).schema['type']).toBe('object');
    expect(normalized({ type: 'object' }).schema['properties']).toEqual({});
    expect(normalized({}).schema['properties']).toEqual({});
  });

  it('refuses what is not an object schema', () => {
    expect(normalizeParameterSchema('nope')).toEqual({ ok: false, refusal: { code: 'notAnObject' } });
    expect(normalizeParameterSchema({ type: 'string' })).toMatchObject({ ok: false });
  });

  it('accepts draft-07: rewrites $schema, turns const into enum and numeric exclusive bounds into draft-04 ones', () => {
    const { schema, warnings } = normalized({
      $schema: 'http://json-schema.org/draft-07/schema#',
      properties: {
        tier: { const: 'gold' },
        size: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 10 },
      },
    });
    expect(schema['$schema']).toBe(DRAFT_04_URI);
    expect(property(schema, 'tier')).toMatchObject({ type: 'string', enum: ['gold'] });
    expect(property(schema, 'size')).toMatchObject({
      minimum: 0,
      exclusiveMinimum: true,
      maximum: 10,
      exclusiveMaximum: true,
    });
    expect(warnings.join()).toContain('draft-07');
  });

  it('turns examples into a placeholder', () => {
    const { schema } = normalized({
      properties: { region: { type: 'string', examples: ['us-central1', 'asia-northeast1'] } },
    });
    expect(property(schema, 'region')).toEqual({ type: 'string', placeholder: 'us-central1' });
  });

  it('inlines #/definitions and #/$defs references, keeping annotations beside $ref', () => {
    const { schema } = normalized({
      definitions: { name: { type: 'string', minLength: 3 } },
      $defs: { size: { type: 'integer', default: 1 } },
      properties: {
        first: { $ref: '#/definitions/name', title: 'First name' },
        size: { $ref: '#/$defs/size' },
      },
    });
    expect(property(schema, 'first')).toEqual({ type: 'string', minLength: 3, title: 'First name' });
    expect(property(schema, 'size')).toEqual({ type: 'integer', default: 1 });
    expect(schema['definitions']).toBeUndefined();
    expect(schema['$defs']).toBeUndefined();
  });

  it('refuses recursive and external references with a reason', () => {
    const recursive = normalizeParameterSchema({
      definitions: { node: { type: 'object', properties: { child: { $ref: '#/definitions/node' } } } },
      properties: { tree: { $ref: '#/definitions/node' } },
    });
    expect(recursive).toEqual({ ok: false, refusal: { code: 'recursiveReference', reference: '#/definitions/node' } });
    const external = normalizeParameterSchema({ properties: { a: { $ref: 'https://example.com/a.json' } } });
    expect(external).toEqual({
      ok: false,
      refusal: { code: 'externalReference', reference: 'https://example.com/a.json' },
    });
    expect(normalizeParameterSchema({ properties: { a: { $ref: '#/definitions/missing' } } })).toMatchObject({
      ok: false,
    });
  });

  it('converts defaults of the wrong type when nothing is lost and drops the others with a warning', () => {
    const { schema, warnings } = normalized({
      properties: {
        days: { type: 'integer', default: '35' },
        ratio: { type: 'number', default: '0.5' },
        enabled: { type: 'boolean', default: 'true' },
        label: { type: 'string', default: 7 },
        broken: { type: 'integer', default: 'many' },
        color: { type: 'string', enum: ['red', 'green'], default: 'blue' },
      },
    });
    expect(property(schema, 'days')['default']).toBe(35);
    expect(property(schema, 'ratio')['default']).toBe(0.5);
    expect(property(schema, 'enabled')['default']).toBe(true);
    expect(property(schema, 'label')['default']).toBe('7');
    expect(property(schema, 'broken')).not.toHaveProperty('default');
    expect(property(schema, 'color')).not.toHaveProperty('default');
    expect(warnings).toEqual(
      expect.arrayContaining([expect.stringContaining('"many"'), expect.stringContaining('"blue"')]),
    );
  });

  it('keeps labelled oneOf choices, labels each with description and picks a select', () => {
    const { schema } = normalized({
      properties: {
        serviceType: {
          type: 'string',
          oneOf: [
            { description: 'Internal', enum: ['int'] },
            { title: 'External', enum: ['ext'] },
          ],
        },
        cores: { enum: [2, 4] },
      },
    });
    expect(property(schema, 'serviceType')).toEqual({
      type: 'string',
      widget: { id: 'select' },
      oneOf: [
        { description: 'Internal', enum: ['int'] },
        { title: 'External', description: 'External', enum: ['ext'] },
      ],
    });
    expect(property(schema, 'cores')).toEqual({ type: 'integer', enum: [2, 4], widget: { id: 'select' } });
  });

  it('drops vendor keywords with a warning and keeps ngx-schema-form keywords', () => {
    const { schema, warnings } = normalized({
      openshift_form_definition: ['a'],
      properties: {
        a: { type: 'string', prescribed: true, 'x-widget': 'textarea', visibleIf: { b: ['x'] } },
        b: { type: 'string' },
      },
    });
    expect(schema).not.toHaveProperty('openshift_form_definition');
    expect(property(schema, 'a')).toEqual({ type: 'string', widget: { id: 'textarea' }, visibleIf: { b: ['x'] } });
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringContaining('"prescribed"'),
        expect.stringContaining('"openshift_form_definition"'),
      ]),
    );
  });

  it('gives string maps a key/value widget and other free-form values a JSON widget', () => {
    const { schema } = normalized({
      properties: {
        tags: { type: 'object', additionalProperties: { type: 'string' } },
        labels: { type: 'object' },
        anything: {},
        tuple: { type: 'array', items: [{ type: 'string' }] },
        either: { type: ['string', 'number'] },
      },
    });
    expect(property(schema, 'tags')['widget']).toEqual({ id: 'key-value' });
    expect(property(schema, 'labels')['widget']).toEqual({ id: 'json' });
    expect(property(schema, 'anything')['widget']).toEqual({ id: 'json' });
    expect(property(schema, 'tuple')['widget']).toEqual({ id: 'json' });
    expect(property(schema, 'either')).toEqual({
      anyOf: [{ type: 'string' }, { type: 'number' }],
      widget: { id: 'json' },
    });
  });

  it('repairs order and fieldsets so that each field appears once, in schema order', () => {
    const { schema } = normalized({
      order: ['b', 'ghost', 'b'],
      properties: { a: { type: 'string' }, b: { type: 'string' }, c: { type: 'string' } },
    });
    expect(schema['order']).toEqual(['b', 'a', 'c']);
    const withFieldsets = normalized({
      fieldsets: [
        { title: 'Main', fields: ['c', 'a'] },
        { title: 'Again', fields: ['a'] },
      ],
      properties: { a: { type: 'string' }, b: { type: 'string' }, c: { type: 'string' } },
    }).schema;
    expect((withFieldsets['fieldsets'] as JsonSchema[]).map((fieldset) => fieldset['fields'])).toEqual([
      ['c', 'a'],
      [],
      ['b'],
    ]);
  });

  it('drops unknown formats, uncompilable patterns and empty required lists; reads draft-03 required flags', () => {
    const { schema } = normalized({
      required: [],
      properties: {
        id: { type: 'string', format: 'uuid', pattern: '(?i)^abc$' },
        name: { type: 'string', required: true },
        mail: { type: 'string', format: 'email' },
      },
    });
    expect(property(schema, 'id')).toEqual({ type: 'string' });
    expect(schema['required']).toEqual(['name']);
    expect(property(schema, 'mail')).toEqual({ type: 'string', format: 'email', widget: { id: 'email' } });
  });
});

describe('stripUiKeywords', () => {
  it('removes UI keywords at schema positions and keeps properties that share their names', () => {
    const stripped = stripUiKeywords({
      type: 'object',
      fieldsets: [],
      properties: {
        widget: { type: 'string', widget: { id: 'select' }, placeholder: 'x' },
        order: { type: 'array', items: { type: 'string', visibleIf: { a: [1] } } },
      },
    });
    expect(stripped).toEqual({
      type: 'object',
      properties: { widget: { type: 'string' }, order: { type: 'array', items: { type: 'string' } } },
    });
  });
});

describe('pruneEmptyParameters', () => {
  const schema = {
    type: 'object',
    required: ['must'],
    properties: {
      must: { type: 'string' },
      maybe: { type: 'string' },
      list: { type: 'array', items: { type: 'string' } },
      settings: {
        type: 'object',
        required: ['name'],
        properties: { name: { type: 'string' }, size: { type: 'integer', default: 5 } },
      },
    },
  };

  it('omits empty optional values and keeps required ones', () => {
    expect(pruneEmptyParameters({ must: '', maybe: '', list: [], settings: {} }, schema)).toEqual({ must: '' });
  });

  it('omits an optional object that was left at its defaults while missing a required field', () => {
    expect(pruneEmptyParameters({ must: 'x', settings: { size: 5 } }, schema)).toEqual({ must: 'x' });
    expect(pruneEmptyParameters({ must: 'x', settings: { size: 6 } }, schema)).toEqual({
      must: 'x',
      settings: { size: 6 },
    });
    expect(pruneEmptyParameters({ must: 'x', settings: { name: 'n', size: 5 } }, schema)).toEqual({
      must: 'x',
      settings: { name: 'n', size: 5 },
    });
  });
});

describe('variants, conditions and secrets', () => {
  it('labels variants by title, else by a pinned value, else by the fields only they have', () => {
    const { schema } = normalized({
      type: 'object',
      oneOf: [
        { title: 'By name', properties: { name: { type: 'string' } } },
        { properties: { kind: { const: 'ip' }, address: { type: 'string' } } },
        { properties: { cidr: { type: 'string', title: 'CIDR' }, mask: { type: 'integer' } } },
      ],
    });
    const variants = schema['variants'] as SchemaVariant[];
    expect(variants.map((variant) => variant.label)).toEqual(['By name', 'kind: ip', 'CIDR, mask']);
    expect(chooseVariant(variants, { cidr: '10.0.0.0/8' })).toBe(2);
    expect(chooseVariant(variants, { kind: 'ip' })).toBe(1);
    expect(property(variants[1].schema, 'kind')).toMatchObject({ default: 'ip', widget: { id: 'hidden' } });
  });

  it('keeps required-only alternatives as plain validation', () => {
    const { schema } = normalized({
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'string' } },
      oneOf: [{ required: ['a'] }, { required: ['b'] }],
    });
    expect(schema['variants']).toBeUndefined();
    expect(schema['oneOf']).toEqual([{ required: ['a'] }, { required: ['b'] }]);
  });

  it('draws the fields of if/then/else with visibleIf on the compared field', () => {
    const { schema } = normalized({
      type: 'object',
      properties: { tier: { type: 'string', enum: ['basic', 'pro'] } },
      if: { properties: { tier: { const: 'pro' } } },
      then: { properties: { seats: { type: 'integer' } }, required: ['seats'] },
      else: { properties: { trialDays: { type: 'integer' } } },
    });
    expect(property(schema, 'seats')['visibleIf']).toEqual({ tier: ['pro'] });
    expect(property(schema, 'trialDays')['visibleIf']).toEqual({ tier: ['$EXP$ target.value != "pro"'] });
  });

  it('finds secrets by writeOnly, format password and secret-looking names, not by numbers or choices', () => {
    expect(isSecretField('pin', { type: 'string', writeOnly: true })).toBe(true);
    expect(isSecretField('code', { type: 'string', format: 'password' })).toBe(true);
    for (const name of ['password', 'adminPasswd', 'clientSecret', 'apiToken', 'api_key', 'accessKey', 'key']) {
      expect(isSecretField(name, { type: 'string' }), name).toBe(true);
    }
    for (const name of ['keyboardLayout', 'monkey', 'tokenLifetime', 'region']) {
      expect(isSecretField(name, { type: 'string' }), name).toBe(false);
    }
    expect(isSecretField('passwordLength', { type: 'integer' })).toBe(false);
    expect(isSecretField('secretEngine', { type: 'string', enum: ['kv', 'pki'] })).toBe(false);
    expect(secretPaths({ db: { password: 'x', port: 5432 }, users: [{ token: 't' }] })).toEqual([
      '/db/password',
      '/users/0/token',
    ]);
  });
});
