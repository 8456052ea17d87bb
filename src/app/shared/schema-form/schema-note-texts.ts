import type { SchemaNote, SchemaRefusalReason } from '@osb/json-schema';

/** Why the form cannot draw a schema that the normaliser accepted. */
export type FormRefusalReason =
  { code: 'slashInFieldName'; name: string } | { code: 'noFields' } | { code: 'formLibraryFailed'; detail: string };

/** Why a plan's parameter schema is offered as JSON only. */
export type UnrenderableReason = SchemaRefusalReason | FormRefusalReason;

/** A number in the loaded language's format. */
function number(value: number): string {
  return new Intl.NumberFormat($localize.locale || 'en').format(value);
}

type Texts<T extends { code: string }> = { readonly [C in T['code']]: (note: Extract<T, { code: C }>) => string };

const NOTE_TEXTS: Texts<SchemaNote> = {
  readAsDraft04: ({ declared }) =>
    $localize`:schema note@@schemaNote.readAsDraft04:$schema ${declared}:declared: was read as draft-04.`,
  notASchema: () => $localize`:schema note@@schemaNote.notASchema:This is not a schema and was ignored.`,
  laterDraftKeyword: ({ keyword }) =>
    $localize`:schema note@@schemaNote.laterDraftKeyword:“${keyword}:keyword:” is not part of draft-04 and is not checked by the form.`,
  buttonsRemoved: () =>
    $localize`:schema note@@schemaNote.buttonsRemoved:Form buttons are not supported and were removed.`,
  unknownKeyword: ({ keyword }) =>
    $localize`:schema note@@schemaNote.unknownKeyword:The unknown keyword “${keyword}:keyword:” was ignored.`,
  emptyEnumRemoved: () => $localize`:schema note@@schemaNote.emptyEnumRemoved:An empty enum was removed.`,
  visibleIfIgnored: () =>
    $localize`:schema note@@schemaNote.visibleIfIgnored:visibleIf must be an object and was ignored.`,
  unknownType: ({ type }) =>
    $localize`:schema note@@schemaNote.unknownType:The type ${type}:type: is not a JSON type and was ignored.`,
  noValueAllowed: () => $localize`:schema note@@schemaNote.noValueAllowed:This field allows no value and is not shown.`,
  propertiesIgnored: () =>
    $localize`:schema note@@schemaNote.propertiesIgnored:properties is not an object and was ignored.`,
  malformedCombinatorRemoved: ({ keyword }) =>
    $localize`:schema note@@schemaNote.malformedCombinatorRemoved:An empty or malformed ${keyword}:keyword: was removed.`,
  conditionAlwaysShown: () =>
    $localize`:schema note@@schemaNote.conditionAlwaysShown:The fields of its if/then/else are always shown, since the condition is not a plain comparison.`,
  patternNotChecked: ({ keyword, pattern, detail }) =>
    $localize`:schema note@@schemaNote.patternNotChecked:The ${keyword}:keyword: ${pattern}:pattern: is not checked by the form (${detail}:detail:).`,
  formatNotChecked: ({ format }) =>
    $localize`:schema note@@schemaNote.formatNotChecked:The format ${format}:format: is not checked by the form.`,
  widgetIgnored: ({ widget }) =>
    $localize`:schema note@@schemaNote.widgetIgnored:The widget ${widget}:widget: was ignored.`,
  requiredWithoutDefinition: ({ name }) =>
    $localize`:schema note@@schemaNote.requiredWithoutDefinition:The required field “${name}:name:” has no definition and is edited as JSON.`,
  fieldsetsIgnored: () =>
    $localize`:schema note@@schemaNote.fieldsetsIgnored:fieldsets must be a list and were ignored.`,
  defaultDropped: ({ value, type }) =>
    $localize`:schema note@@schemaNote.defaultDropped:The default ${value}:value: does not fit the type ${type}:type: and was dropped.`,
  defaultConverted: ({ value, converted }) =>
    $localize`:schema note@@schemaNote.defaultConverted:The default ${value}:value: was read as ${converted}:converted:.`,
  defaultNotAChoice: ({ value }) =>
    $localize`:schema note@@schemaNote.defaultNotAChoice:The default ${value}:value: is not one of the choices and was dropped.`,
};

const REFUSAL_TEXTS: Texts<UnrenderableReason> = {
  notAnObject: () => $localize`:schema refusal@@schemaRefusal.notAnObject:the schema is not a JSON object`,
  notAnObjectSchema: ({ types }) =>
    $localize`:schema refusal@@schemaRefusal.notAnObjectSchema:parameters are a JSON object, but the schema describes ${types}:types:`,
  externalReference: ({ reference }) =>
    $localize`:schema refusal@@schemaRefusal.externalReference:it refers to the external schema ${reference}:reference:, which is not fetched`,
  recursiveReference: ({ reference }) =>
    $localize`:schema refusal@@schemaRefusal.recursiveReference:its reference ${reference}:reference: contains itself, and a recursive schema has no finite form`,
  danglingReference: ({ reference }) =>
    $localize`:schema refusal@@schemaRefusal.danglingReference:its reference ${reference}:reference: points to nothing`,
  tooDeep: ({ limit }) =>
    $localize`:schema refusal@@schemaRefusal.tooDeep:it is nested more than ${number(limit)}:limit: levels deep`,
  tooManyParts: ({ limit }) =>
    $localize`:schema refusal@@schemaRefusal.tooManyParts:it has more than ${number(limit)}:limit: parts`,
  expandsTooFar: ({ limit }) =>
    $localize`:schema refusal@@schemaRefusal.expandsTooFar:it grows to more than ${number(limit)}:limit: parts once its references are followed`,
  tooSlow: ({ limit }) =>
    $localize`:schema refusal@@schemaRefusal.tooSlow:preparing it takes longer than ${number(limit)}:limit: ms`,
  unreadable: () => $localize`:schema refusal@@schemaRefusal.unreadable:the schema could not be read`,
  slashInFieldName: ({ name }) =>
    $localize`:schema refusal@@schemaRefusal.slashInFieldName:the field name “${name}:name:” contains a slash`,
  noFields: () => $localize`:schema refusal@@schemaRefusal.noFields:it names no fields that could be drawn`,
  formLibraryFailed: () => $localize`:schema refusal@@schemaRefusal.formLibraryFailed:the form library cannot draw it`,
};

/** A note about a schema in the user's language, prefixed with where it applies. */
export function schemaNoteText(note: SchemaNote): string {
  return `${note.at}: ${(NOTE_TEXTS[note.code] as (note: SchemaNote) => string)(note)}`;
}

/** Why a schema is offered as JSON only, in the user's language. */
export function unrenderableText(reason: UnrenderableReason): string {
  return (REFUSAL_TEXTS[reason.code] as (reason: UnrenderableReason) => string)(reason);
}
