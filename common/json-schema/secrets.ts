import { isJsonObject, type JsonSchema } from './keywords.js';

/** Parameter names that look like they hold a secret (password, secret, token, key, …). */
const SECRET_NAME_PATTERNS: readonly RegExp[] = [
  /passw(?:or)?d/i,
  /passphrase/i,
  /secret/i,
  /token$/i,
  /credential/i,
  /api_?key/i,
  /(?:^|[_.-])key$/i,
  /[a-z0-9]Key$/,
];

/** Whether a parameter's name looks like it holds a secret. */
function isSecretName(name: string): boolean {
  return SECRET_NAME_PATTERNS.some((pattern) => pattern.test(name));
}

/**
 * Whether a parameter is secret: its schema says `writeOnly: true` or `format: password`, or it
 * holds text (or an undeclared value) under a name that looks like a secret.
 */
export function isSecretField(name: string | undefined, schema: unknown): boolean {
  const node = isJsonObject(schema) ? schema : {};
  if (node['writeOnly'] === true || node['format'] === 'password') {
    return true;
  }
  const type = node['type'];
  const holdsText = type === undefined || type === 'string' || (Array.isArray(type) && type.includes('string'));
  return name !== undefined && holdsText && !Array.isArray(node['enum']) && isSecretName(name);
}

/**
 * The JSON pointers (`/db/password`, `/users/0/token`) of the secret values in `value`, judged by
 * a normalised schema where it describes them (its variants and conditional branches included)
 * and by their names everywhere else.
 */
export function secretPaths(value: unknown, schema?: unknown): string[] {
  const paths: string[] = [];
  collectSecretPaths(value, isJsonObject(schema) ? schema : undefined, '', paths);
  return paths;
}

function collectSecretPaths(value: unknown, schema: JsonSchema | undefined, path: string, paths: string[]): void {
  if (Array.isArray(value)) {
    const items = schema && isJsonObject(schema['items']) ? schema['items'] : undefined;
    value.forEach((item, index) => collectSecretPaths(item, items, `${path}/${index}`, paths));
    return;
  }
  if (!isJsonObject(value)) {
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    const childSchema = schema ? propertySchema(schema, key) : undefined;
    const childPath = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (
      child !== null &&
      child !== undefined &&
      !isJsonObject(child) &&
      !Array.isArray(child) &&
      isSecretField(key, childSchema)
    ) {
      paths.push(childPath);
    } else {
      collectSecretPaths(child, childSchema, childPath, paths);
    }
  }
}

/** The schema of one property, looked up in the node, its variants and its conditional branches. */
function propertySchema(schema: JsonSchema, key: string): JsonSchema | undefined {
  const candidates: unknown[] = [schema];
  if (Array.isArray(schema['variants'])) {
    candidates.push(...schema['variants'].map((variant) => (isJsonObject(variant) ? variant['schema'] : undefined)));
  }
  candidates.push(schema['then'], schema['else']);
  for (const candidate of candidates) {
    const properties =
      isJsonObject(candidate) && isJsonObject(candidate['properties']) ? candidate['properties'] : undefined;
    if (properties && isJsonObject(properties[key])) {
      return properties[key];
    }
  }
  return isJsonObject(schema['additionalProperties']) ? schema['additionalProperties'] : undefined;
}

/** A copy of parameters with the values at some JSON pointers replaced (missing objects are created). */
export function withValuesAt(
  parameters: Record<string, unknown>,
  replacements: Record<string, unknown>,
): Record<string, unknown> {
  const value = structuredClone(parameters);
  for (const [pointer, replacement] of Object.entries(replacements)) {
    const segments = pointer
      .split('/')
      .slice(1)
      .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
    let current: unknown = value;
    segments.forEach((segment, index) => {
      if (!isJsonObject(current) && !Array.isArray(current)) {
        return;
      }
      const container = current as Record<string, unknown>;
      if (index === segments.length - 1) {
        container[segment] = replacement;
      } else {
        container[segment] ??= /^\d+$/.test(segments[index + 1]) ? [] : {};
        current = container[segment];
      }
    });
  }
  return value;
}
