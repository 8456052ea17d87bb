import {
  DRAFT_04_KEYWORDS,
  DRAFT_04_URI,
  KNOWN_FORMATS,
  UI_KEYWORD_ALIASES,
  isJsonObject,
  type JsonSchema,
} from './keywords.js';
import { resolvePointer } from './pointer.js';
import { SCHEMA_BUDGET, SchemaBudgetExceeded, WorkBudget, oversize } from './schema-budget.js';
import type { SchemaNote, SchemaRefusalReason } from './notes.js';
import { unsupportedPatternReason } from './safe-pattern.js';
import { drawConditionalFields } from './conditionals.js';
import { isSecretField } from './secrets.js';
import { VARIANTS_KEYWORD, buildVariants } from './variants.js';

/** The outcome of {@link normalizeParameterSchema}. */
export type NormalizeResult =
  { ok: true; schema: JsonSchema; notes: SchemaNote[] } | { ok: false; refusal: SchemaRefusalReason };

/** Widget ids the normaliser assigns; the UI registers a widget for each. */
export const NORMALIZED_WIDGETS = {
  select: 'select',
  password: 'password',
  email: 'email',
  url: 'url',
  date: 'date',
  textarea: 'textarea',
  dateTime: 'date-time',
  time: 'time',
  /** An object whose fields depend on which of its `oneOf`/`anyOf` alternatives is chosen. */
  variants: 'variants',
  /** A value the schema fixes (a variant's discriminator): sent, not shown. */
  hidden: 'hidden',
  /** An object that maps free keys to strings, edited as key/value rows. */
  keyValue: 'key-value',
  /** Any value the form cannot break into fields, edited as JSON text. */
  json: 'json',
} as const;

/** Keywords ngx-schema-form reads for rendering that are passed through. */
const PASSED_UI_KEYWORDS = new Set(['widget', 'visibleIf', 'fieldsets', 'order', 'placeholder', 'readOnly']);

/** Keywords of later drafts that draft-04 lacks and that are dropped after conversion. */
const LATER_DRAFT_KEYWORDS = new Set([
  'contains',
  'propertyNames',
  'dependentRequired',
  'dependentSchemas',
  'unevaluatedProperties',
  'unevaluatedItems',
  'contentMediaType',
  'contentEncoding',
  'deprecated',
  'prefixItems',
  'minContains',
  'maxContains',
]);

/** Keywords dropped without a warning: identifiers and comments once references are inlined. */
const SILENTLY_DROPPED = new Set(['$schema', '$id', 'id', '$comment', 'definitions', '$defs', 'name', 'isRequired']);

const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);
const SCALAR_TYPES = new Set(['string', 'number', 'integer', 'boolean']);
const LABELLED_OPTION_KEYS = new Set(['enum', 'title', 'description', 'type']);

/** Refuses a schema that cannot be made renderable; the message completes "cannot be shown as a form: …". */
class SchemaRefusal extends Error {
  constructor(readonly reason: SchemaRefusalReason) {
    super(reason.code);
  }
}

/**
 * Makes a broker's parameter schema renderable by ngx-schema-form 2.14 (draft-04 only) without
 * changing which parameters it accepts where that can be avoided. Works on a deep copy.
 *
 * - a missing root `type` becomes `object`; objects without `properties` get `{}`;
 * - draft-06/07 schemas are accepted: `$schema` becomes draft-04, `const` becomes a one-value
 *   `enum`, numeric `exclusiveMinimum`/`exclusiveMaximum` become their draft-04 form, `examples`
 *   becomes the placeholder, other later-draft keywords are dropped with a warning;
 * - internal `$ref`s (`#/definitions/…`, `#/$defs/…`, any JSON pointer) are inlined; recursive and
 *   external references are refused;
 * - a `default` of the wrong type is converted when nothing is lost (`"35"` for an integer), else
 *   dropped with a warning, as is a default outside the `enum`;
 * - labelled choices `oneOf: [{description|title, enum: [v]}]` are kept, given a `description`
 *   label each (ngx-schema-form's convention) and a select widget; plain `enum`s get one too;
 * - vendor keywords (`prescribed`, `openshift_form_definition`, …) are dropped with a warning;
 * - string maps (`additionalProperties: {type: string}` without properties) get a key/value widget,
 *   other free-form values (untyped fields, tuples, free objects) a JSON widget;
 * - `order` and `fieldsets` are repaired so that every field appears exactly once, in schema order;
 * - unknown `format`s, and `pattern`s that cannot be checked in linear time (see safe-pattern.ts),
 *   are dropped with a warning, since the form's validator would otherwise reject every value;
 * - a schema over its budget (schema-budget.ts: depth, nodes after inlining, time) is refused.
 */
export function normalizeParameterSchema(schema: unknown): NormalizeResult {
  if (!isJsonObject(schema)) {
    return { ok: false, refusal: { code: 'notAnObject' } };
  }
  const tooLarge = oversize(schema, SCHEMA_BUDGET);
  if (tooLarge !== undefined) {
    return { ok: false, refusal: tooLarge };
  }
  try {
    const normalizer = new SchemaNormalizer(structuredClone(schema), new WorkBudget(SCHEMA_BUDGET));
    return { ok: true, schema: normalizer.normalizeRoot(), notes: normalizer.notes };
  } catch (error) {
    if (error instanceof SchemaRefusal || error instanceof SchemaBudgetExceeded) {
      return { ok: false, refusal: error.reason };
    }
    return {
      ok: false,
      refusal: { code: 'unreadable', detail: error instanceof Error ? error.message : String(error) },
    };
  }
}

/** Walks one schema document and builds its renderable copy. */
class SchemaNormalizer {
  /** What was changed in a way a broker author should know about. */
  readonly notes: SchemaNote[] = [];
  private readonly noted = new Set<string>();
  private readonly referenceStack: string[] = [];

  constructor(
    private readonly document: JsonSchema,
    private readonly budget: WorkBudget,
  ) {}

  /** The normalised copy of the whole document (its notes collected in `notes`). */
  normalizeRoot(): JsonSchema {
    const declared = this.document['$schema'];
    if (declared !== undefined && (typeof declared !== 'string' || !declared.includes('draft-04'))) {
      this.note({ code: 'readAsDraft04', at: '#', declared: JSON.stringify(declared) });
    }
    const rootType = this.document['type'];
    const types = Array.isArray(rootType) ? rootType : rootType === undefined ? [] : [rootType];
    if (types.length > 0 && !types.includes('object')) {
      throw new SchemaRefusal({ code: 'notAnObjectSchema', types: types.map(String).join(', ') });
    }
    const root = this.normalizeNode(this.document, '#', { render: true, isRoot: true });
    root['type'] = 'object';
    if (!isJsonObject(root['properties'])) {
      root['properties'] = {};
    }
    delete root['widget'];
    return structuredClone({ $schema: DRAFT_04_URI, ...root });
  }

  private note(note: SchemaNote): void {
    const key = JSON.stringify(note);
    if (!this.noted.has(key)) {
      this.noted.add(key);
      this.notes.push(note);
    }
  }

  /**
   * Normalises one schema node. `render` is false inside `allOf`/`anyOf`/`oneOf`/`not`, whose
   * branches only validate and get no widgets or inferred types.
   */
  private normalizeNode(raw: unknown, pointer: string, context: NodeContext): JsonSchema {
    this.budget.step();
    if (raw === true) {
      return {};
    }
    if (raw === false) {
      return { not: {} };
    }
    if (!isJsonObject(raw)) {
      this.note({ code: 'notASchema', at: pointer });
      return {};
    }
    if (typeof raw['$ref'] === 'string') {
      return this.inlineReference(raw, pointer, context);
    }

    const out: JsonSchema = {};
    const later: JsonSchema = {};
    for (const [keyword, value] of Object.entries(raw)) {
      const alias = UI_KEYWORD_ALIASES.find((entry) => entry.alias.test(keyword));
      if (alias) {
        out[alias.keyword] ??= value;
      } else if (DRAFT_04_KEYWORDS.has(keyword) && keyword !== 'definitions') {
        out[keyword] = value;
      } else if (PASSED_UI_KEYWORDS.has(keyword)) {
        out[keyword] ??= value;
      } else if (['const', 'examples', 'writeOnly', 'if', 'then', 'else'].includes(keyword)) {
        later[keyword] = value;
      } else if (keyword === 'exclusiveMinimum' || keyword === 'exclusiveMaximum') {
        out[keyword] = value;
      } else if (LATER_DRAFT_KEYWORDS.has(keyword)) {
        this.note({ code: 'laterDraftKeyword', at: pointer, keyword });
      } else if (keyword === 'buttons') {
        this.note({ code: 'buttonsRemoved', at: pointer });
      } else if (!SILENTLY_DROPPED.has(keyword) && keyword !== '$ref') {
        this.note({ code: 'unknownKeyword', at: pointer, keyword });
      }
    }

    if ('const' in later && out['enum'] === undefined) {
      out['enum'] = [later['const']];
    }
    if (typeof out['required'] === 'boolean') {
      delete out['required'];
    }
    this.convertExclusiveBounds(out);
    const typeWasUnion = this.normalizeType(out, pointer);
    this.normalizeSubschemas(out, pointer);
    if (later['if'] !== undefined) {
      this.normalizeConditional(out, later, pointer, context);
    }
    if (context.render && Array.isArray(raw['allOf']) && Array.isArray(out['allOf'])) {
      const normalizedAllOf = out['allOf'];
      raw['allOf'].forEach((entry, index) => {
        const condition = isJsonObject(normalizedAllOf[index]) ? normalizedAllOf[index]['if'] : undefined;
        if (isJsonObject(entry) && isJsonObject(condition)) {
          this.drawConditional(out, entry, condition, `${pointer}/allOf/${index}`);
        }
      });
    }
    if (context.render) {
      this.normalizeVariants(out, raw, pointer, context);
    }
    this.normalizeRequired(out, raw);
    if (Array.isArray(out['enum']) && out['enum'].length === 0) {
      this.note({ code: 'emptyEnumRemoved', at: pointer });
      delete out['enum'];
    }
    this.normalizePattern(out, pointer);

    if (context.render) {
      if (out['type'] === undefined && !typeWasUnion) {
        const inferred = inferType(out);
        if (inferred) {
          out['type'] = inferred;
        }
      }
      this.normalizeFormat(out, pointer);
      this.normalizeWidget(out, pointer);
      this.decorate(out, later, context);
      if (out['type'] === 'object') {
        this.normalizeObjectLayout(out, pointer, context);
      } else if (out['type'] === 'array') {
        this.normalizeArrayLayout(out);
      } else if (out['type'] === undefined && !out['widget']) {
        out['widget'] = { id: NORMALIZED_WIDGETS.json };
      }
      if (typeof out['visibleIf'] !== 'undefined' && !isJsonObject(out['visibleIf'])) {
        this.note({ code: 'visibleIfIgnored', at: pointer });
        delete out['visibleIf'];
      }
    } else {
      for (const keyword of PASSED_UI_KEYWORDS) {
        delete out[keyword];
      }
    }
    this.normalizeDefault(out, pointer);
    return out;
  }

  /** Replaces `{$ref}` by a normalised copy of its target; annotations beside `$ref` win. */
  private inlineReference(raw: JsonSchema, pointer: string, context: NodeContext): JsonSchema {
    const reference = raw['$ref'] as string;
    if (!reference.startsWith('#')) {
      throw new SchemaRefusal({ code: 'externalReference', reference });
    }
    if (this.referenceStack.includes(reference)) {
      throw new SchemaRefusal({ code: 'recursiveReference', reference });
    }
    const target = resolvePointer(this.document, reference);
    if (target === undefined) {
      throw new SchemaRefusal({ code: 'danglingReference', reference });
    }
    if (typeof target === 'boolean') {
      return target ? {} : { not: {} };
    }
    const merged: JsonSchema = isJsonObject(target) ? { ...target } : {};
    for (const [keyword, value] of Object.entries(raw)) {
      if (keyword !== '$ref' && (!DRAFT_04_KEYWORDS.has(keyword) || ANNOTATIONS.has(keyword))) {
        merged[keyword] = value;
      }
    }
    this.referenceStack.push(reference);
    try {
      return this.normalizeNode(merged, pointer, context);
    } finally {
      this.referenceStack.pop();
    }
  }

  private convertExclusiveBounds(out: JsonSchema): void {
    for (const [exclusive, bound] of [
      ['exclusiveMinimum', 'minimum'],
      ['exclusiveMaximum', 'maximum'],
    ] as const) {
      const value = out[exclusive];
      if (typeof value === 'number') {
        out[bound] = value;
        out[exclusive] = true;
      } else if (typeof value === 'boolean' && typeof out[bound] !== 'number') {
        delete out[exclusive];
      } else if (value !== undefined && typeof value !== 'boolean') {
        delete out[exclusive];
      }
    }
  }

  /** Keeps single and nullable types; other unions become an equivalent `anyOf`. Returns whether it did so. */
  private normalizeType(out: JsonSchema, pointer: string): boolean {
    const type = out['type'];
    if (type === undefined) {
      return false;
    }
    const types = (Array.isArray(type) ? type : [type]).filter(
      (entry, index, all): entry is string =>
        typeof entry === 'string' && JSON_TYPES.has(entry) && all.indexOf(entry) === index,
    );
    if (types.length === 0) {
      this.note({ code: 'unknownType', at: pointer, type: JSON.stringify(type) });
      delete out['type'];
      return false;
    }
    if (types.length === 1) {
      out['type'] = types[0];
      return false;
    }
    const nonNull = types.filter((entry) => entry !== 'null');
    if (types.length === 2 && nonNull.length === 1 && SCALAR_TYPES.has(nonNull[0])) {
      out['type'] = types;
      return false;
    }
    delete out['type'];
    const alternatives = types.map((entry) => ({ type: entry }));
    if (out['anyOf'] === undefined) {
      out['anyOf'] = alternatives;
    } else {
      out['allOf'] = [...(Array.isArray(out['allOf']) ? out['allOf'] : []), { anyOf: alternatives }];
    }
    return true;
  }

  private normalizeSubschemas(out: JsonSchema, pointer: string): void {
    const field = { render: true, isRoot: false };
    const branch = { render: false, isRoot: false };
    if (out['properties'] !== undefined) {
      const properties: JsonSchema = {};
      if (isJsonObject(out['properties'])) {
        for (const [name, subschema] of Object.entries(out['properties'])) {
          const path = `${pointer}/properties/${escapePointer(name)}`;
          if (subschema === false) {
            this.note({ code: 'noValueAllowed', at: path });
            continue;
          }
          properties[name] = this.normalizeNode(subschema, path, { ...field, propertyName: name });
        }
      } else {
        this.note({ code: 'propertiesIgnored', at: `${pointer}/properties` });
      }
      out['properties'] = properties;
    }
    if (isJsonObject(out['patternProperties'])) {
      out['patternProperties'] = Object.fromEntries(
        Object.entries(out['patternProperties'])
          .filter(([pattern]) => this.isCheckablePattern(pattern, pointer))
          .map(([pattern, subschema]) => [
            pattern,
            this.normalizeNode(subschema, `${pointer}/patternProperties/${escapePointer(pattern)}`, branch),
          ]),
      );
    }
    if (isJsonObject(out['dependencies'])) {
      out['dependencies'] = Object.fromEntries(
        Object.entries(out['dependencies']).map(([name, dependency]) => [
          name,
          Array.isArray(dependency)
            ? dependency
            : this.normalizeNode(dependency, `${pointer}/dependencies/${escapePointer(name)}`, branch),
        ]),
      );
    }
    if (out['additionalProperties'] !== undefined && typeof out['additionalProperties'] !== 'boolean') {
      out['additionalProperties'] = this.normalizeNode(
        out['additionalProperties'],
        `${pointer}/additionalProperties`,
        field,
      );
    }
    if (out['additionalItems'] !== undefined && typeof out['additionalItems'] !== 'boolean') {
      out['additionalItems'] = this.normalizeNode(out['additionalItems'], `${pointer}/additionalItems`, field);
    }
    if (Array.isArray(out['items'])) {
      out['items'] = out['items'].map((item, index) => this.normalizeNode(item, `${pointer}/items/${index}`, field));
    } else if (out['items'] !== undefined) {
      out['items'] = this.normalizeNode(out['items'], `${pointer}/items`, field);
    }
    for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
      const list = out[keyword];
      if (Array.isArray(list) && list.length > 0) {
        out[keyword] = list.map((entry, index) => this.normalizeNode(entry, `${pointer}/${keyword}/${index}`, branch));
      } else if (list !== undefined) {
        this.note({ code: 'malformedCombinatorRemoved', at: pointer, keyword });
        delete out[keyword];
      }
    }
    if (out['not'] !== undefined) {
      out['not'] = this.normalizeNode(out['not'], `${pointer}/not`, branch);
    }
  }

  /**
   * Keeps a draft-07 `if`/`then`/`else` (normalised, for the form's own validation, which follows
   * it) and draws the fields its branches add, shown while their branch applies.
   */
  private normalizeConditional(out: JsonSchema, later: JsonSchema, pointer: string, context: NodeContext): void {
    const branch = { render: false, isRoot: false };
    out['if'] = this.normalizeNode(later['if'], `${pointer}/if`, branch);
    for (const part of ['then', 'else'] as const) {
      if (later[part] !== undefined) {
        out[part] = this.normalizeNode(later[part], `${pointer}/${part}`, branch);
      }
    }
    if (context.render) {
      this.drawConditional(out, later, out['if'] as JsonSchema, pointer);
    }
  }

  /** Draws the fields of a conditional's raw `then`/`else` into an object node. */
  private drawConditional(out: JsonSchema, raw: JsonSchema, condition: JsonSchema, pointer: string): void {
    const rendered: { then?: JsonSchema; else?: JsonSchema } = {};
    for (const part of ['then', 'else'] as const) {
      if (raw[part] !== undefined) {
        rendered[part] = this.normalizeNode(raw[part], `${pointer}/${part}`, { render: true, isRoot: true });
      }
    }
    if (!drawConditionalFields(out, rendered, condition)) {
      this.note({ code: 'conditionAlwaysShown', at: pointer });
    }
  }

  /** Turns `oneOf`/`anyOf` alternatives that carry fields into variants the form lets people choose from. */
  private normalizeVariants(out: JsonSchema, raw: JsonSchema, pointer: string, context: NodeContext): void {
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      const list = raw[keyword];
      if (!Array.isArray(list) || list.length < 2 || !Array.isArray(out[keyword])) {
        continue;
      }
      const alternatives = list.map((entry, index) =>
        this.normalizeNode(entry, `${pointer}/${keyword}/${index}`, { render: true, isRoot: true }),
      );
      const variants = buildVariants(out, alternatives);
      if (variants) {
        out['type'] ??= 'object';
        out[VARIANTS_KEYWORD] = variants;
        if (!context.isRoot) {
          out['widget'] = { id: NORMALIZED_WIDGETS.variants };
        }
        return;
      }
    }
  }

  /** Keeps `required` a non-empty list of names, adding draft-03 `required: true` children. */
  private normalizeRequired(out: JsonSchema, raw: JsonSchema): void {
    const names = new Set<string>(
      Array.isArray(out['required']) ? out['required'].filter((name): name is string => typeof name === 'string') : [],
    );
    const rawProperties = raw['properties'];
    if (isJsonObject(rawProperties)) {
      for (const [name, subschema] of Object.entries(rawProperties)) {
        if (
          isJsonObject(subschema) &&
          subschema['required'] === true &&
          isJsonObject(out['properties']) &&
          name in out['properties']
        ) {
          names.add(name);
        }
      }
    }
    if (names.size > 0) {
      out['required'] = [...names];
    } else {
      delete out['required'];
    }
  }

  /** Whether a `patternProperties` pattern can be checked in linear time; warns when not. */
  private isCheckablePattern(pattern: string, pointer: string): boolean {
    const unsupported = unsupportedPatternReason(pattern);
    if (unsupported !== undefined) {
      this.note({
        code: 'patternNotChecked',
        at: pointer,
        keyword: 'patternProperties',
        pattern: JSON.stringify(pattern),
        detail: unsupported,
      });
    }
    return unsupported === undefined;
  }

  private normalizePattern(out: JsonSchema, pointer: string): void {
    const pattern = out['pattern'];
    if (pattern === undefined) {
      return;
    }
    const unsupported = unsupportedPatternReason(pattern);
    if (unsupported !== undefined) {
      this.note({
        code: 'patternNotChecked',
        at: pointer,
        keyword: 'pattern',
        pattern: JSON.stringify(pattern),
        detail: unsupported,
      });
      delete out['pattern'];
    }
  }

  private normalizeFormat(out: JsonSchema, pointer: string): void {
    const format = out['format'];
    if (format === undefined) {
      return;
    }
    const widgetByFormat: Record<string, string> = {
      email: NORMALIZED_WIDGETS.email,
      uri: NORMALIZED_WIDGETS.url,
      'strict-uri': NORMALIZED_WIDGETS.url,
      url: NORMALIZED_WIDGETS.url,
      date: NORMALIZED_WIDGETS.date,
      'date-time': NORMALIZED_WIDGETS.dateTime,
      time: NORMALIZED_WIDGETS.time,
      password: NORMALIZED_WIDGETS.password,
      textarea: NORMALIZED_WIDGETS.textarea,
    };
    if (typeof format === 'string' && out['type'] === 'string' && !out['widget'] && widgetByFormat[format]) {
      out['widget'] = { id: widgetByFormat[format] };
    }
    if (typeof format !== 'string' || !KNOWN_FORMATS.has(format)) {
      if (format !== 'password' && format !== 'textarea') {
        this.note({ code: 'formatNotChecked', at: pointer, format: JSON.stringify(format) });
      }
      delete out['format'];
    }
  }

  private normalizeWidget(out: JsonSchema, pointer: string): void {
    const widget = out['widget'];
    if (widget === undefined) {
      return;
    }
    if (typeof widget === 'string') {
      out['widget'] = { id: widget };
    } else if (!isJsonObject(widget) || typeof widget['id'] !== 'string') {
      this.note({ code: 'widgetIgnored', at: pointer, widget: JSON.stringify(widget) });
      delete out['widget'];
    }
  }

  /** Labels choices, picks widgets by shape and turns `examples` into a placeholder. */
  private decorate(out: JsonSchema, later: JsonSchema, context: NodeContext): void {
    const options = labelledOptions(out['oneOf']);
    if (options) {
      out['oneOf'] = options;
      out['type'] ??= inferTypeOfValues(options.map((option) => (option['enum'] as unknown[])[0]));
    }
    const type = out['type'];
    if (!out['widget']) {
      if ((options || Array.isArray(out['enum'])) && type !== 'boolean' && type !== 'array' && type !== 'object') {
        out['widget'] = { id: NORMALIZED_WIDGETS.select };
      } else if (type === 'string' && isSecretField(context.propertyName, { ...out, writeOnly: later['writeOnly'] })) {
        out['widget'] = { id: NORMALIZED_WIDGETS.password };
      } else if (type === 'string' && typeof out['maxLength'] === 'number' && out['maxLength'] > 1000) {
        out['widget'] = { id: NORMALIZED_WIDGETS.textarea };
      }
    }
    const widgetId = isJsonObject(out['widget']) ? out['widget']['id'] : undefined;
    if (
      widgetId === NORMALIZED_WIDGETS.password ||
      isSecretField(context.propertyName, { ...out, writeOnly: later['writeOnly'] })
    ) {
      out['writeOnly'] = true;
    }
    if (out['placeholder'] !== undefined && typeof out['placeholder'] !== 'string') {
      delete out['placeholder'];
    }
    const examples = later['examples'];
    if (out['placeholder'] === undefined && Array.isArray(examples) && examples.length > 0 && isScalar(examples[0])) {
      out['placeholder'] = String(examples[0]);
    }
    for (const annotation of ['title', 'description'] as const) {
      if (out[annotation] !== undefined && typeof out[annotation] !== 'string') {
        delete out[annotation];
      }
    }
  }

  private normalizeObjectLayout(out: JsonSchema, pointer: string, context: NodeContext): void {
    const properties = isJsonObject(out['properties']) ? out['properties'] : {};
    out['properties'] = properties;
    const required = Array.isArray(out['required']) ? (out['required'] as string[]) : [];
    for (const name of required) {
      if (!(name in properties) && out['additionalProperties'] !== false) {
        properties[name] = { widget: { id: NORMALIZED_WIDGETS.json } };
        this.note({ code: 'requiredWithoutDefinition', at: pointer, name });
      }
    }
    const names = Object.keys(properties);
    if (names.length === 0 && !context.isRoot && !out['widget'] && out['additionalProperties'] !== false) {
      const values = out['additionalProperties'];
      const isStringMap = isJsonObject(values) && values['type'] === 'string' && out['patternProperties'] === undefined;
      out['widget'] = { id: isStringMap ? NORMALIZED_WIDGETS.keyValue : NORMALIZED_WIDGETS.json };
    }
    this.repairLayout(out, names, pointer);
  }

  /** Makes `fieldsets`/`order` name every field once; ngx-schema-form throws otherwise. */
  private repairLayout(out: JsonSchema, names: string[], pointer: string): void {
    const fieldsets = out['fieldsets'];
    if (fieldsets !== undefined) {
      delete out['order'];
      if (!Array.isArray(fieldsets)) {
        this.note({ code: 'fieldsetsIgnored', at: pointer });
        delete out['fieldsets'];
        return;
      }
      const used = new Set<string>();
      const repaired: JsonSchema[] = [];
      fieldsets.filter(isJsonObject).forEach((fieldset, index) => {
        const fields = (Array.isArray(fieldset['fields']) ? fieldset['fields'] : []).filter(
          (field): field is string => typeof field === 'string' && names.includes(field) && !used.has(field),
        );
        fields.forEach((field) => used.add(field));
        repaired.push({
          ...fieldset,
          id: typeof fieldset['id'] === 'string' ? fieldset['id'] : `fieldset-${index}`,
          title: typeof fieldset['title'] === 'string' ? fieldset['title'] : '',
          description: typeof fieldset['description'] === 'string' ? fieldset['description'] : '',
          name: typeof fieldset['name'] === 'string' ? fieldset['name'] : '',
          fields,
        });
      });
      const rest = names.filter((name) => !used.has(name));
      if (rest.length > 0) {
        repaired.push({ id: 'fieldset-rest', title: '', description: '', name: '', fields: rest });
      }
      out['fieldsets'] = repaired;
    } else if (out['order'] !== undefined) {
      const order = Array.isArray(out['order']) ? out['order'] : [];
      const listed = order.filter(
        (field, index): field is string =>
          typeof field === 'string' && names.includes(field) && order.indexOf(field) === index,
      );
      out['order'] = [...listed, ...names.filter((name) => !listed.includes(name))];
    }
  }

  private normalizeArrayLayout(out: JsonSchema): void {
    const items = out['items'];
    const itemType = isJsonObject(items) ? items['type'] : undefined;
    if (!out['widget'] && (items === undefined || Array.isArray(items) || itemType === undefined)) {
      out['widget'] = { id: NORMALIZED_WIDGETS.json };
    }
    if (items === undefined) {
      out['items'] = {};
    }
  }

  /** Converts a default to the field's type when nothing is lost; drops it otherwise. */
  private normalizeDefault(out: JsonSchema, pointer: string): void {
    if (!('default' in out)) {
      return;
    }
    const original = out['default'];
    const coerced = coerceToType(original, out['type']);
    if (!coerced.ok) {
      this.note({
        code: 'defaultDropped',
        at: pointer,
        value: JSON.stringify(original),
        type: JSON.stringify(out['type']),
      });
      delete out['default'];
      return;
    }
    if (coerced.value !== original) {
      this.note({
        code: 'defaultConverted',
        at: pointer,
        value: JSON.stringify(original),
        converted: JSON.stringify(coerced.value),
      });
    }
    const choices = Array.isArray(out['enum'])
      ? out['enum']
      : labelledOptions(out['oneOf'])?.map((option) => (option['enum'] as unknown[])[0]);
    if (choices && !choices.some((choice) => sameJson(choice, coerced.value))) {
      this.note({ code: 'defaultNotAChoice', at: pointer, value: JSON.stringify(coerced.value) });
      delete out['default'];
      return;
    }
    out['default'] = coerced.value;
  }
}

interface NodeContext {
  render: boolean;
  isRoot: boolean;
  propertyName?: string;
}

const ANNOTATIONS = new Set(['title', 'description', 'default']);

/** Returns labelled choices with a `description` label each, or undefined when `oneOf` is not that shape. */
function labelledOptions(oneOf: unknown): JsonSchema[] | undefined {
  if (!Array.isArray(oneOf) || oneOf.length === 0) {
    return undefined;
  }
  const isLabelledOption = (option: unknown): option is JsonSchema =>
    isJsonObject(option) &&
    Array.isArray(option['enum']) &&
    option['enum'].length === 1 &&
    Object.keys(option).every((key) => LABELLED_OPTION_KEYS.has(key));
  if (!oneOf.every(isLabelledOption)) {
    return undefined;
  }
  return oneOf.map((option) => {
    const value = (option['enum'] as unknown[])[0];
    const label =
      typeof option['description'] === 'string'
        ? option['description']
        : typeof option['title'] === 'string'
          ? option['title']
          : String(value);
    return { ...option, description: label };
  });
}

/** Guesses a missing `type` from the keywords present. */
function inferType(schema: JsonSchema): string | undefined {
  if (
    schema['properties'] !== undefined ||
    schema['additionalProperties'] !== undefined ||
    schema['patternProperties'] !== undefined
  ) {
    return 'object';
  }
  if (schema['items'] !== undefined) {
    return 'array';
  }
  if (Array.isArray(schema['enum'])) {
    return inferTypeOfValues(schema['enum']);
  }
  if (['minLength', 'maxLength', 'pattern', 'format'].some((keyword) => schema[keyword] !== undefined)) {
    return 'string';
  }
  if (['minimum', 'maximum', 'multipleOf'].some((keyword) => schema[keyword] !== undefined)) {
    return 'number';
  }
  return 'default' in schema ? inferTypeOfValues([schema['default']]) : undefined;
}

/** The one JSON type all values share, or undefined. */
function inferTypeOfValues(values: unknown[]): string | undefined {
  const types = new Set(
    values.map((value) => {
      if (typeof value === 'number') {
        return Number.isInteger(value) ? 'integer' : 'number';
      }
      if (typeof value === 'string' || typeof value === 'boolean') {
        return typeof value;
      }
      return 'other';
    }),
  );
  if (types.size === 2 && types.has('integer') && types.has('number')) {
    return 'number';
  }
  const [only] = types;
  return types.size === 1 && only !== 'other' ? only : undefined;
}

/** Converts a value to a JSON type without losing information. */
function coerceToType(value: unknown, type: unknown): { ok: true; value: unknown } | { ok: false } {
  const types = Array.isArray(type) ? type : type === undefined ? [] : [type];
  if (types.length === 0 || (value === null && types.includes('null'))) {
    return { ok: true, value };
  }
  for (const candidate of types) {
    const converted = coerceToSingleType(value, candidate);
    if (converted.ok) {
      return converted;
    }
  }
  return { ok: false };
}

function coerceToSingleType(value: unknown, type: unknown): { ok: true; value: unknown } | { ok: false } {
  switch (type) {
    case 'integer':
      if (typeof value === 'number' && Number.isInteger(value)) {
        return { ok: true, value };
      }
      return typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) && Number.isSafeInteger(Number(value))
        ? { ok: true, value: Number(value) }
        : { ok: false };
    case 'number':
      if (typeof value === 'number') {
        return { ok: true, value };
      }
      return typeof value === 'string' &&
        value.trim() !== '' &&
        Number.isFinite(Number(value)) &&
        String(Number(value)) === value.trim()
        ? { ok: true, value: Number(value) }
        : { ok: false };
    case 'boolean':
      if (typeof value === 'boolean') {
        return { ok: true, value };
      }
      return value === 'true' || value === 'false' ? { ok: true, value: value === 'true' } : { ok: false };
    case 'string':
      if (typeof value === 'string') {
        return { ok: true, value };
      }
      return typeof value === 'number' || typeof value === 'boolean'
        ? { ok: true, value: String(value) }
        : { ok: false };
    case 'object':
      return isJsonObject(value) ? { ok: true, value } : { ok: false };
    case 'array':
      return Array.isArray(value) ? { ok: true, value } : { ok: false };
    case 'null':
      return value === null ? { ok: true, value } : { ok: false };
    default:
      return { ok: false };
  }
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** Whether two JSON values are equal. */
export function sameJson(left: unknown, right: unknown): boolean {
  if (left === right) {
    return true;
  }
  if (Array.isArray(left) && Array.isArray(right)) {
    return left.length === right.length && left.every((item, index) => sameJson(item, right[index]));
  }
  if (isJsonObject(left) && isJsonObject(right)) {
    const keys = Object.keys(left);
    return (
      keys.length === Object.keys(right).length && keys.every((key) => key in right && sameJson(left[key], right[key]))
    );
  }
  return false;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
