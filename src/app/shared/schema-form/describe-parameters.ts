import { isJsonObject, isSecretField, normalizeParameterSchema, withValuesAt, type JsonSchema } from '@osb/json-schema';
import { ParametersValidator } from './parameters-validator';
import { choiceOptions } from './widgets/choice-options';
import type { ISchema } from 'ngx-schema-form';

/** One parameter as a review shows it: its label and its value in words, or its parts. */
export interface ParameterEntry {
  /** JSON pointer of the value. */
  pointer: string;
  /** The field's title, else its key (an item's number in a list). */
  label: string;
  /** The value in words; absent for groups and lists. */
  text?: string;
  /** Whether the value is a secret, shown only as set. */
  secret?: boolean;
  /** The fields of an object or the items of a list. */
  children?: ParameterEntry[];
}

/** What a masked secret reads. */
export const MASKED_SECRET = '••••••••';

/**
 * Describes parameters in words, the way the form shows them: titles for keys, enum labels for
 * values, objects as groups, lists as numbered items, the chosen variant named; secrets (by the
 * schema or by their name, and those the platform only reports as set) as "set", never as values.
 * Keys the schema does not describe follow under their own name.
 */
export function describeParameters(
  schema: unknown,
  value: Record<string, unknown>,
  storedSecrets: readonly string[] = [],
): ParameterEntry[] {
  const normalized = schema === undefined || schema === null ? undefined : normalizeParameterSchema(schema);
  const resolved = normalized?.ok ? new ParametersValidator(normalized.schema).resolve(value) : {};
  const withSecrets = withValuesAt(value, Object.fromEntries(storedSecrets.map((pointer) => [pointer, MASKED_SECRET])));
  return describeObject(withSecrets, resolved, '', new Set(storedSecrets));
}

/** A list of entries as plain text lines, e.g. for a difference view. */
export function entryText(entry: ParameterEntry): string {
  if (entry.text !== undefined) {
    return entry.text;
  }
  return (entry.children ?? []).map((child) => `${child.label}: ${entryText(child)}`).join('; ');
}

function describeObject(
  value: Record<string, unknown>,
  schema: JsonSchema,
  pointer: string,
  stored: ReadonlySet<string>,
): ParameterEntry[] {
  const properties = isJsonObject(schema['properties']) ? schema['properties'] : {};
  const keys = [
    ...Object.keys(properties).filter((key) => key in value),
    ...Object.keys(value).filter((key) => !(key in properties)),
  ];
  const entries: ParameterEntry[] = [];
  if (typeof schema['variantLabel'] === 'string') {
    entries.push({ pointer, label: $localize`:@@parametersView.kind:Kind`, text: schema['variantLabel'] });
  }
  for (const key of keys) {
    const field = isJsonObject(properties[key]) ? (properties[key] as JsonSchema) : {};
    const childPointer = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const label = typeof field['title'] === 'string' && field['title'] !== '' ? field['title'] : key;
    entries.push(describeValue(value[key], field, childPointer, label, stored, key));
  }
  return entries;
}

function describeValue(
  value: unknown,
  field: JsonSchema,
  pointer: string,
  label: string,
  stored: ReadonlySet<string>,
  key?: string,
): ParameterEntry {
  if (
    stored.has(pointer) ||
    (!isJsonObject(value) && !Array.isArray(value) && value !== null && isSecretField(key, field))
  ) {
    return { pointer, label, secret: true, text: MASKED_SECRET };
  }
  if (Array.isArray(value)) {
    const items = Array.isArray(field['items']) ? field['items'] : undefined;
    const itemSchema = isJsonObject(field['items']) ? field['items'] : {};
    const listed = value.map((item, index) =>
      describeValue(
        item,
        (items?.[index] as JsonSchema | undefined) ?? itemSchema,
        `${pointer}/${index}`,
        `${index + 1}`,
        stored,
      ),
    );
    if (listed.every((entry) => entry.children === undefined) && isJsonObject(itemSchema) && !isJsonObject(value[0])) {
      return { pointer, label, text: listed.map((entry) => entry.text).join(', ') };
    }
    return { pointer, label, children: listed };
  }
  if (isJsonObject(value)) {
    return { pointer, label, children: describeObject(value, field, pointer, stored) };
  }
  return { pointer, label, text: valueText(value, field) };
}

/** A scalar in words: the label of its choice, yes/no for booleans, else the value itself. */
export function valueText(value: unknown, field: JsonSchema = {}): string {
  const option = choiceOptions(field as ISchema).find((candidate) => candidate.value === value);
  if (option) {
    return option.label;
  }
  if (typeof value === 'boolean') {
    return value ? $localize`:@@parametersView.yes:Yes` : $localize`:@@parametersView.no:No`;
  }
  if (value === null || value === undefined) {
    return '—';
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}
