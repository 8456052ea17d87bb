/**
 * What the normaliser tells broker authors about their schema, as codes with parameters: the UI
 * translates them, and {@link describeSchemaNote} / {@link describeSchemaRefusal} give the
 * English text for logs, the server and tests. `at` is the JSON pointer of the part concerned.
 */

/** Something the form changed or ignored in a schema it still draws. */
export type SchemaNote =
  | { code: 'readAsDraft04'; at: string; declared: string }
  | { code: 'notASchema'; at: string }
  | { code: 'laterDraftKeyword'; at: string; keyword: string }
  | { code: 'buttonsRemoved'; at: string }
  | { code: 'unknownKeyword'; at: string; keyword: string }
  | { code: 'emptyEnumRemoved'; at: string }
  | { code: 'visibleIfIgnored'; at: string }
  | { code: 'unknownType'; at: string; type: string }
  | { code: 'noValueAllowed'; at: string }
  | { code: 'propertiesIgnored'; at: string }
  | { code: 'malformedCombinatorRemoved'; at: string; keyword: string }
  | { code: 'conditionAlwaysShown'; at: string }
  | { code: 'patternNotChecked'; at: string; keyword: 'pattern' | 'patternProperties'; pattern: string; detail: string }
  | { code: 'formatNotChecked'; at: string; format: string }
  | { code: 'widgetIgnored'; at: string; widget: string }
  | { code: 'requiredWithoutDefinition'; at: string; name: string }
  | { code: 'fieldsetsIgnored'; at: string }
  | { code: 'defaultDropped'; at: string; value: string; type: string }
  | { code: 'defaultConverted'; at: string; value: string; converted: string }
  | { code: 'defaultNotAChoice'; at: string; value: string };

/** Why a schema cannot be drawn as a form at all. */
export type SchemaRefusalReason =
  | { code: 'notAnObject' }
  | { code: 'notAnObjectSchema'; types: string }
  | { code: 'externalReference'; reference: string }
  | { code: 'recursiveReference'; reference: string }
  | { code: 'danglingReference'; reference: string }
  | { code: 'tooDeep'; limit: number }
  | { code: 'tooManyParts'; limit: number }
  | { code: 'expandsTooFar'; limit: number }
  | { code: 'tooSlow'; limit: number }
  | { code: 'unreadable'; detail: string };

type EnglishTexts<T extends { code: string }> = {
  readonly [C in T['code']]: (note: Extract<T, { code: C }>) => string;
};

const NOTE_TEXTS: EnglishTexts<SchemaNote> = {
  readAsDraft04: (note) => `$schema ${note.declared} was read as draft-04`,
  notASchema: () => 'is not a schema and was ignored',
  laterDraftKeyword: (note) => `"${note.keyword}" is not part of draft-04 and is not checked by the form`,
  buttonsRemoved: () => 'form buttons are not supported and were removed',
  unknownKeyword: (note) => `unknown keyword "${note.keyword}" was ignored`,
  emptyEnumRemoved: () => 'an empty enum was removed',
  visibleIfIgnored: () => 'visibleIf must be an object and was ignored',
  unknownType: (note) => `type ${note.type} is not a JSON type and was ignored`,
  noValueAllowed: () => 'allows no value and is not shown',
  propertiesIgnored: () => 'is not an object and was ignored',
  malformedCombinatorRemoved: (note) => `an empty or malformed ${note.keyword} was removed`,
  conditionAlwaysShown: () =>
    'the fields of its if/then/else are always shown, since the condition is not a plain comparison',
  patternNotChecked: (note) => `${note.keyword} ${note.pattern} is not checked by the form: ${note.detail}`,
  formatNotChecked: (note) => `format ${note.format} is not checked by the form`,
  widgetIgnored: (note) => `widget ${note.widget} was ignored`,
  requiredWithoutDefinition: (note) => `required "${note.name}" has no definition and is edited as JSON`,
  fieldsetsIgnored: () => 'fieldsets must be a list and were ignored',
  defaultDropped: (note) => `default ${note.value} does not fit type ${note.type} and was dropped`,
  defaultConverted: (note) => `default ${note.value} was read as ${note.converted}`,
  defaultNotAChoice: (note) => `default ${note.value} is not one of the choices and was dropped`,
};

const REFUSAL_TEXTS: EnglishTexts<SchemaRefusalReason> = {
  notAnObject: () => 'the schema is not a JSON object',
  notAnObjectSchema: (reason) => `parameters are a JSON object, but the schema describes ${reason.types}`,
  externalReference: (reason) => `it refers to the external schema ${reason.reference}, which is not fetched`,
  recursiveReference: (reason) =>
    `its reference ${reason.reference} contains itself, and a recursive schema has no finite form`,
  danglingReference: (reason) => `its reference ${reason.reference} points to nothing`,
  tooDeep: (reason) => `it is nested more than ${reason.limit} levels deep`,
  tooManyParts: (reason) => `it has more than ${reason.limit} parts`,
  expandsTooFar: (reason) => `it expands to more than ${reason.limit} nodes once its references are followed`,
  tooSlow: (reason) => `preparing it takes longer than ${reason.limit} ms`,
  unreadable: (reason) => `the schema could not be read (${reason.detail})`,
};

/** The English text of a note, prefixed with where it applies. */
export function describeSchemaNote(note: SchemaNote): string {
  const text = (NOTE_TEXTS[note.code] as (note: SchemaNote) => string)(note);
  return `${note.at}: ${text}`;
}

/** The English text of why a schema cannot be drawn. */
export function describeSchemaRefusal(reason: SchemaRefusalReason): string {
  return (REFUSAL_TEXTS[reason.code] as (reason: SchemaRefusalReason) => string)(reason);
}
