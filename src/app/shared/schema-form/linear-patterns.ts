import ZSchema from 'z-schema';
import { validate as validateSubschema } from 'z-schema/src/JsonValidation.js';
import {
  MAX_PATTERN_TEXT_LENGTH,
  SCHEMA_LIST_KEYWORDS,
  SCHEMA_MAP_KEYWORDS,
  SCHEMA_VALUED_KEYWORDS,
  isJsonObject,
  safePattern,
  type JsonSchema,
} from '@osb/json-schema';

/**
 * z-schema (the validator of ngx-schema-form) runs `pattern` and `patternProperties` with
 * JavaScript's backtracking engine, so a broker's `^(a+)+$` could freeze the tab. Here these
 * keywords are moved to names z-schema ignores and checked by a custom validator on the
 * linear-time engine instead (`safePattern`).
 */
const PATTERN = 'x-linear-pattern';
const PATTERN_PROPERTIES = 'x-linear-pattern-properties';
const ADDITIONAL_PROPERTIES = 'x-linear-additional-properties';

/** The z-schema report as custom validators see it. */
interface ValidationReport {
  path: string[];
  addError(code: string, params: unknown[], subReports: unknown, schema: unknown): void;
}

const converted = new WeakMap<object, JsonSchema>();

/** A copy of a schema whose patterns z-schema leaves to {@link checkLinearPatterns}; memoised per schema object. */
export function withLinearPatterns(schema: JsonSchema): JsonSchema {
  let copy = converted.get(schema);
  if (copy === undefined) {
    copy = convertNode(schema) as JsonSchema;
    converted.set(schema, copy);
  }
  return copy;
}

function convertNode(node: unknown): unknown {
  if (!isJsonObject(node)) {
    return node;
  }
  const out: JsonSchema = {};
  for (const [keyword, value] of Object.entries(node)) {
    if (SCHEMA_LIST_KEYWORDS.has(keyword) && Array.isArray(value)) {
      out[keyword] = value.map(convertNode);
    } else if (SCHEMA_MAP_KEYWORDS.has(keyword) && isJsonObject(value)) {
      out[keyword] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, convertNode(child)]));
    } else if (SCHEMA_VALUED_KEYWORDS.has(keyword)) {
      out[keyword] = convertNode(value);
    } else {
      out[keyword] = value;
    }
  }
  moveKeyword(out, 'pattern', PATTERN);
  if (isJsonObject(out['patternProperties'])) {
    moveKeyword(out, 'patternProperties', PATTERN_PROPERTIES);
    moveKeyword(out, 'additionalProperties', ADDITIONAL_PROPERTIES);
  }
  return out;
}

function moveKeyword(schema: JsonSchema, from: string, to: string): void {
  if (from in schema) {
    schema[to] = schema[from];
    delete schema[from];
  }
}

/** Whether a broker's pattern matches; a pattern the normaliser would have dropped is not checked. */
function matches(pattern: string, text: string): boolean {
  try {
    return safePattern(pattern).test(text);
  } catch {
    return true;
  }
}

/** z-schema's `customValidator`: checks the moved pattern keywords of one schema node. */
function checkLinearPatterns(this: unknown, report: ValidationReport, schema: JsonSchema, json: unknown): void {
  const pattern = schema[PATTERN];
  if (typeof pattern === 'string' && typeof json === 'string') {
    if (json.length > MAX_PATTERN_TEXT_LENGTH) {
      report.addError('MAX_LENGTH', [json.length, MAX_PATTERN_TEXT_LENGTH], null, schema);
    } else if (!matches(pattern, json)) {
      report.addError('PATTERN', [pattern, json], null, schema);
    }
  }
  const patternProperties = schema[PATTERN_PROPERTIES];
  if (!isJsonObject(patternProperties) || !isJsonObject(json)) {
    return;
  }
  const properties = isJsonObject(schema['properties']) ? schema['properties'] : {};
  const additional = schema[ADDITIONAL_PROPERTIES];
  const unexpected: string[] = [];
  for (const [key, value] of Object.entries(json)) {
    const matching = Object.entries(patternProperties).filter(([keyPattern]) => matches(keyPattern, key));
    const subschemas = matching.map(([, subschema]) => subschema);
    if (matching.length === 0 && !(key in properties)) {
      if (additional === false) {
        unexpected.push(key);
      } else if (isJsonObject(additional)) {
        subschemas.push(additional);
      }
    }
    for (const subschema of subschemas) {
      report.path.push(key);
      validateSubschema.call(this, report, subschema, value);
      report.path.pop();
    }
  }
  if (unexpected.length > 0) {
    report.addError('OBJECT_ADDITIONAL_PROPERTIES', [unexpected], null, schema);
  }
}

/** A z-schema validator that checks patterns on the linear-time engine; validate only {@link withLinearPatterns} copies. */
export function linearPatternZSchema(options: { breakOnFirstError: boolean } = { breakOnFirstError: false }): ZSchema {
  return new ZSchema({ ...options, customValidator: checkLinearPatterns as never });
}
