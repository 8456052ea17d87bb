import { plural } from '../i18n/plural';

/** One error as z-schema (the validator inside ngx-schema-form) reports it. */
export interface SchemaError {
  /** z-schema's error code, e.g. `PATTERN` or `OBJECT_MISSING_REQUIRED_PROPERTY`. */
  code: string;
  /** The values z-schema fills into its message. */
  params: unknown[];
  /** z-schema's English message. */
  message: string;
  /** JSON pointer of the value, e.g. `#/externalRegistrationNumber`. */
  path: string;
}

/** Whether a value is shaped like a z-schema error. */
export function isSchemaError(value: unknown): value is SchemaError {
  return typeof value === 'object' && value !== null && typeof (value as SchemaError).code === 'string';
}

const FORMAT_MESSAGES: Record<string, () => string> = {
  email: () => $localize`:@@schemaForm.error.format.email:Enter a valid email address.`,
  uri: () => $localize`:@@schemaForm.error.format.uri:Enter a valid URL, such as https://example.com.`,
  'strict-uri': () => $localize`:@@schemaForm.error.format.uri:Enter a valid URL, such as https://example.com.`,
  date: () => $localize`:@@schemaForm.error.format.date:Enter a date as YYYY-MM-DD.`,
  'date-time': () => $localize`:@@schemaForm.error.format.dateTime:Enter a date and time such as 2026-01-31T12:00:00Z.`,
  ipv4: () => $localize`:@@schemaForm.error.format.ipv4:Enter an IPv4 address such as 10.0.0.1.`,
  ipv6: () => $localize`:@@schemaForm.error.format.ipv6:Enter an IPv6 address.`,
  hostname: () => $localize`:@@schemaForm.error.format.hostname:Enter a host name such as db.example.com.`,
};

const TYPE_MESSAGES: Record<string, () => string> = {
  integer: () => $localize`:@@schemaForm.error.type.integer:Enter a whole number.`,
  number: () => $localize`:@@schemaForm.error.type.number:Enter a number.`,
  string: () => $localize`:@@schemaForm.error.type.string:Enter text.`,
  boolean: () => $localize`:@@schemaForm.error.type.boolean:Choose yes or no.`,
  object: () => $localize`:@@schemaForm.error.type.object:Enter a JSON object.`,
  array: () => $localize`:@@schemaForm.error.type.array:Enter a list.`,
};

/**
 * Translates one z-schema error into a plain-language sentence for the person filling the form.
 * A value that does not match the field's pattern is explained by the field's description (the
 * regular expression means nothing to most people), when one is given.
 */
export function describeSchemaError(error: SchemaError, fieldDescription?: string): string {
  const [first, second] = error.params ?? [];
  const count = Number(second);
  switch (error.code) {
    case 'OBJECT_MISSING_REQUIRED_PROPERTY':
      return $localize`:@@schemaForm.error.required:This field is required.`;
    case 'PATTERN':
      return fieldDescription
        ? $localize`:@@schemaForm.error.patternDescribed:The value does not have the expected form: ${fieldDescription}:description:`
        : $localize`:@@schemaForm.error.pattern:The value does not have the expected form.`;
    case 'MIN_LENGTH':
      return plural(count, {
        one: () => $localize`:@@schemaForm.error.minLength.one:Enter at least ${count}:minimum: character.`,
        other: () => $localize`:@@schemaForm.error.minLength:Enter at least ${count}:minimum: characters.`,
      });
    case 'MAX_LENGTH':
      return plural(count, {
        one: () => $localize`:@@schemaForm.error.maxLength.one:Enter at most ${count}:maximum: character.`,
        other: () => $localize`:@@schemaForm.error.maxLength:Enter at most ${count}:maximum: characters.`,
      });
    case 'MINIMUM':
      return $localize`:@@schemaForm.error.minimum:Must be ${second}:minimum: or more.`;
    case 'MINIMUM_EXCLUSIVE':
      return $localize`:@@schemaForm.error.minimumExclusive:Must be more than ${second}:minimum:.`;
    case 'MAXIMUM':
      return $localize`:@@schemaForm.error.maximum:Must be ${second}:maximum: or less.`;
    case 'MAXIMUM_EXCLUSIVE':
      return $localize`:@@schemaForm.error.maximumExclusive:Must be less than ${second}:maximum:.`;
    case 'MULTIPLE_OF':
      return $localize`:@@schemaForm.error.multipleOf:Must be a multiple of ${second}:step:.`;
    case 'ENUM_MISMATCH':
    case 'ENUM_CASE_MISMATCH':
      return $localize`:@@schemaForm.error.enum:Choose one of the offered values.`;
    case 'ONE_OF_MISSING':
    case 'ANY_OF_MISSING':
      return $localize`:@@schemaForm.error.noAlternative:Does not match any of the allowed choices.`;
    case 'ONE_OF_MULTIPLE':
      return $localize`:@@schemaForm.error.manyAlternatives:Matches more than one of the allowed choices.`;
    case 'NOT_PASSED':
      return $localize`:@@schemaForm.error.not:This value is not allowed.`;
    case 'INVALID_TYPE':
      return (
        TYPE_MESSAGES[String(first)] ?? (() => $localize`:@@schemaForm.error.type:Must be of type ${first}:type:.`)
      )();
    case 'INVALID_FORMAT':
      return (
        FORMAT_MESSAGES[String(first)] ??
        (() => $localize`:@@schemaForm.error.format:Must be a valid ${first}:format:.`)
      )();
    case 'ARRAY_LENGTH_SHORT':
      return plural(count, {
        one: () => $localize`:@@schemaForm.error.minItems.one:Add at least ${count}:minimum: item.`,
        other: () => $localize`:@@schemaForm.error.minItems:Add at least ${count}:minimum: items.`,
      });
    case 'ARRAY_LENGTH_LONG':
      return plural(count, {
        one: () => $localize`:@@schemaForm.error.maxItems.one:Add at most ${count}:maximum: item.`,
        other: () => $localize`:@@schemaForm.error.maxItems:Add at most ${count}:maximum: items.`,
      });
    case 'ARRAY_UNIQUE':
      return $localize`:@@schemaForm.error.uniqueItems:Each item must be different.`;
    case 'OBJECT_ADDITIONAL_PROPERTIES':
      return $localize`:@@schemaForm.error.additionalProperties:These keys are not allowed: ${[first].flat().join(', ')}:keys:.`;
    case 'OBJECT_PROPERTIES_MINIMUM':
      return plural(count, {
        one: () => $localize`:@@schemaForm.error.minProperties.one:Add at least ${count}:minimum: entry.`,
        other: () => $localize`:@@schemaForm.error.minProperties:Add at least ${count}:minimum: entries.`,
      });
    case 'OBJECT_PROPERTIES_MAXIMUM':
      return plural(count, {
        one: () => $localize`:@@schemaForm.error.maxProperties.one:Add at most ${count}:maximum: entry.`,
        other: () => $localize`:@@schemaForm.error.maxProperties:Add at most ${count}:maximum: entries.`,
      });
    case 'OBJECT_DEPENDENCY_KEY':
      return $localize`:@@schemaForm.error.dependency:${first}:dependency: is required when ${second}:key: is given.`;
    default:
      return $localize`:@@schemaForm.error.other:Not a valid value (${error.message}:detail:).`;
  }
}
