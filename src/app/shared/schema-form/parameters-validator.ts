import {
  VARIANTS_KEYWORD,
  isJsonObject,
  resolveSchemaForValue,
  stripUiKeywords,
  type JsonSchema,
} from '@osb/json-schema';
import type ZSchema from 'z-schema';
import { linearPatternZSchema, withLinearPatterns } from './linear-patterns';
import { describeSchemaError, isSchemaError } from './schema-error-messages';

/** One problem with a parameters value: where, and what is wrong in plain language. */
export interface ParameterProblem {
  /** JSON pointer of the value, e.g. `#/externalRegistrationNumber`; `#` for the whole value. */
  path: string;
  /** What is wrong. */
  message: string;
}

/**
 * Checks parameter values against a normalised schema with z-schema (draft-04), the validator
 * ngx-schema-form uses, after resolving it for the value (the chosen variants, the `if`/`then`/
 * `else` branches that apply) and removing the UI-only keywords; brokers' patterns run in linear time.
 */
export class ParametersValidator {
  private readonly validator = linearPatternZSchema();
  /** Checks which conditional branches apply; built when a schema with conditions is first resolved. */
  private conditionValidator: ZSchema | undefined;
  /** The paths of all fields in the order the form shows them. */
  private readonly fieldOrder: string[];
  /**
   * The last resolved schema (the object and its JSON) and its copy made for z-schema. Handing z-schema the same
   * object again lets it skip compiling and checking the schema, which costs more than a keystroke
   * may take on a large form.
   */
  private lastPrepared: { source: JsonSchema; resolved: string; schema: JsonSchema } | undefined;
  /**
   * Whether the schema that applies can differ from value to value (it has variants, conditions
   * or list items). Most large forms are flat: their schema is then used as it is, without
   * resolving it anew on every keystroke.
   */
  private readonly dependsOnValue: boolean;

  /** @param schema a schema made renderable by `normalizeParameterSchema` */
  constructor(readonly schema: JsonSchema) {
    this.fieldOrder = fieldPaths(schema, '#');
    this.dependsOnValue = hasKeyword(schema, VALUE_DEPENDENT_KEYWORDS);
  }

  /** The schema that applies to a value, given the variants a person chose (by JSON pointer). */
  resolve(value: unknown, choices: Readonly<Record<string, number>> = {}): JsonSchema {
    if (!this.dependsOnValue) {
      return this.schema;
    }
    return resolveSchemaForValue(this.schema, value, {
      choices,
      matches: (condition, candidate) =>
        (this.conditionValidator ??= linearPatternZSchema({ breakOnFirstError: true })).validate(
          candidate,
          withLinearPatterns(stripUiKeywords(condition)),
        ),
    });
  }

  /** The problems of a value in the order of the fields; empty when it is valid. */
  problems(value: unknown, choices: Readonly<Record<string, number>> = {}): ParameterProblem[] {
    const resolved = this.resolve(value, choices);
    const schema = this.validationSchema(resolved);
    if (this.validator.validate(value, schema)) {
      return [];
    }
    const problems = (this.validator.getLastErrors() ?? []).filter(isSchemaError).map((error) => {
      const missing = error.code === 'OBJECT_MISSING_REQUIRED_PROPERTY' ? `/${String(error.params[0])}` : '';
      const path = `${error.path.replace(/\/$/, '')}${missing}`;
      return { path, message: describeSchemaError(error, plainDescription(schemaAt(resolved, path))) };
    });
    const unique = problems.filter(
      (problem, index) =>
        problems.findIndex((other) => other.path === problem.path && other.message === problem.message) === index,
    );
    return unique.sort((left, right) => this.rank(left.path) - this.rank(right.path));
  }

  /** The resolved schema without UI keywords and with linear-time patterns, the same object while it stays the same. */
  private validationSchema(resolved: JsonSchema): JsonSchema {
    if (this.lastPrepared?.source === resolved) {
      return this.lastPrepared.schema;
    }
    const json = JSON.stringify(resolved);
    const schema =
      this.lastPrepared?.resolved === json ? this.lastPrepared.schema : withLinearPatterns(stripUiKeywords(resolved));
    this.lastPrepared = { source: resolved, resolved: json, schema };
    return schema;
  }

  /** Position of the field a path is in (list indexes ignored); unknown paths go last. */
  private rank(path: string): number {
    const fieldPath = path.replace(/\/\d+(?=\/|$)/g, '');
    const index = this.fieldOrder.findIndex((candidate) => fieldPath === candidate);
    return index === -1 ? this.fieldOrder.length : index;
  }
}

/** The schema of the value at a path like `#/a/0/b` in a resolved schema. */
function schemaAt(schema: JsonSchema, path: string): JsonSchema | undefined {
  let current: unknown = schema;
  for (const segment of path.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    if (!isJsonObject(current)) {
      return undefined;
    }
    const properties = isJsonObject(current['properties']) ? current['properties'] : undefined;
    const items = current['items'];
    current =
      properties?.[segment] ?? (Array.isArray(items) ? (items[Number(segment)] ?? current['additionalItems']) : items);
  }
  return isJsonObject(current) ? current : undefined;
}

/** A field's description without markdown link targets and emphasis, short enough for one message. */
function plainDescription(field: JsonSchema | undefined): string | undefined {
  const description = field?.['description'];
  if (typeof description !== 'string' || description.trim() === '') {
    return undefined;
  }
  const text = description
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** The keywords that make the schema which applies depend on the value (see `resolveSchemaForValue`). */
const VALUE_DEPENDENT_KEYWORDS: ReadonlySet<string> = new Set([VARIANTS_KEYWORD, 'if', 'items']);

/** Whether any object within a JSON value has one of the keys (anywhere, values included: a false yes is safe). */
function hasKeyword(node: unknown, keywords: ReadonlySet<string>): boolean {
  if (Array.isArray(node)) {
    return node.some((item) => hasKeyword(item, keywords));
  }
  return (
    isJsonObject(node) && Object.entries(node).some(([key, value]) => keywords.has(key) || hasKeyword(value, keywords))
  );
}

/** The paths of a schema's fields, depth first, in schema order (variants' fields included). */
function fieldPaths(schema: unknown, path: string): string[] {
  if (!isJsonObject(schema)) {
    return [];
  }
  const variantFields = Array.isArray(schema['variants'])
    ? schema['variants'].flatMap((variant) =>
        isJsonObject(variant) ? fieldPaths(variant['schema'], path).slice(1) : [],
      )
    : [];
  const properties = isJsonObject(schema['properties']) ? Object.entries(schema['properties']) : [];
  return [
    path,
    ...properties.flatMap(([name, child]) => fieldPaths(child, `${path}/${name}`)),
    ...variantFields.filter((candidate, index, all) => all.indexOf(candidate) === index),
    ...(isJsonObject(schema['items']) ? fieldPaths(schema['items'], path).slice(1) : []),
  ];
}
