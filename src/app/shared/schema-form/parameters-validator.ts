import ZSchema from 'z-schema';
import { isJsonObject, stripUiKeywords, type JsonSchema } from '@osb/json-schema';
import { describeSchemaError, isSchemaError } from './schema-error-messages';

/** One problem with a parameters value: where, and what is wrong in plain language. */
export interface ParameterProblem {
  /** JSON pointer of the value, e.g. `#/externalRegistrationNumber`. */
  path: string;
  /** What is wrong. */
  message: string;
}

/**
 * Checks parameter values against a normalised schema with z-schema (draft-04), the validator
 * ngx-schema-form uses, after removing the UI-only keywords.
 */
export class ParametersValidator {
  private readonly validator = new ZSchema({ breakOnFirstError: false });
  private readonly schema: JsonSchema;
  /** The paths of all fields in the order the form shows them. */
  private readonly fieldOrder: string[];

  constructor(schema: JsonSchema) {
    this.schema = stripUiKeywords(schema);
    this.fieldOrder = fieldPaths(this.schema, '#');
  }

  /** The problems of a value in the order of the fields; empty when it is valid. */
  problems(value: unknown): ParameterProblem[] {
    if (this.validator.validate(value, this.schema)) {
      return [];
    }
    const problems = (this.validator.getLastErrors() ?? []).filter(isSchemaError).map((error) => {
      const missing = error.code === 'OBJECT_MISSING_REQUIRED_PROPERTY' ? `/${String(error.params[0])}` : '';
      const path = `${error.path.replace(/\/$/, '')}${missing}`;
      return { path, message: describeSchemaError(error, descriptionAt(this.schema, path)) };
    });
    return problems.sort((left, right) => this.rank(left.path) - this.rank(right.path));
  }

  /** Position of the field a path is in (list indexes ignored); unknown paths go last. */
  private rank(path: string): number {
    const fieldPath = path.replace(/\/\d+(?=\/|$)/g, '');
    const index = this.fieldOrder.findIndex((candidate) => fieldPath === candidate);
    return index === -1 ? this.fieldOrder.length : index;
  }
}

/** The description of the field at a JSON pointer such as `#/servers/0/name`, if it has one. */
function descriptionAt(schema: JsonSchema, path: string): string | undefined {
  let current: unknown = schema;
  for (const segment of path.split('/').slice(1)) {
    if (!isJsonObject(current)) return undefined;
    const properties = current['properties'];
    current = /^\d+$/.test(segment) && isJsonObject(current['items'])
      ? current['items']
      : isJsonObject(properties) ? properties[segment] : undefined;
  }
  return isJsonObject(current) && typeof current['description'] === 'string' ? current['description'] : undefined;
}

/** The paths of a schema's fields, depth first, in schema order. */
function fieldPaths(schema: unknown, path: string): string[] {
  if (!isJsonObject(schema)) {
    return [];
  }
  const properties = isJsonObject(schema['properties']) ? Object.entries(schema['properties']) : [];
  return [
    path,
    ...properties.flatMap(([name, child]) => fieldPaths(child, `${path}/${name}`)),
    ...(isJsonObject(schema['items']) ? fieldPaths(schema['items'], path).slice(1) : []),
  ];
}
