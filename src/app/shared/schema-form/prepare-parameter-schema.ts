import {
  DefaultLogService,
  FormPropertyFactory,
  JEXLExpressionCompilerFactory,
  PropertyBindingRegistry,
  PropertyGroup,
  SchemaPreprocessor,
  ValidatorRegistry,
} from 'ngx-schema-form';
import {
  VARIANTS_KEYWORD,
  isJsonObject,
  normalizeParameterSchema,
  type JsonSchema,
  type SchemaNote,
  type SchemaVariant,
} from '@osb/json-schema';
import { installFreeValueProperties } from './free-value-property';
import { MATERIAL_WIDGETS } from './material-widget-registry';
import { NoLibraryValidation } from './no-library-validation';
import { ParametersValidator } from './parameters-validator';
import type { UnrenderableReason } from './schema-note-texts';

/** What the parameters are for: a new instance, a change to one, or a binding. */
export type ParametersFormMode = 'create' | 'update' | 'bind';

/** A broker schema made ready for the form, or why it cannot be. */
export type PreparedParameterSchema =
  | { kind: 'none' }
  | { kind: 'unrenderable'; reason: UnrenderableReason }
  | { kind: 'form'; schema: JsonSchema; notes: SchemaNote[]; validator: ParametersValidator };

/**
 * Normalises a broker's schema; one without a single field to draw is reported (the JSON editor is
 * offered instead of an empty form). A schema with variants is rendered once off-screen for each
 * variant, so that a variant ngx-schema-form would throw on is reported before any is shown; any
 * other schema is built only by the form itself, which reports what the library throws (see
 * `SafeFormBuild`). In update mode the defaults become placeholders and secrets are never
 * required: an update sends only what the person changes, and a secret the platform keeps stays as
 * it is unless a new one is typed.
 */
export function prepareParameterSchema(schema: unknown, mode: ParametersFormMode): PreparedParameterSchema {
  if (schema === undefined || schema === null) {
    return { kind: 'none' };
  }
  const normalized = normalizeParameterSchema(schema);
  if (!normalized.ok) {
    return { kind: 'unrenderable', reason: normalized.refusal };
  }
  const renderable = normalized.schema;
  const unaddressable = fieldNames(renderable).find((name) => name.includes('/'));
  if (unaddressable !== undefined) {
    // ngx-schema-form addresses fields by slash-separated paths and would render nothing for it.
    return { kind: 'unrenderable', reason: { code: 'slashInFieldName', name: unaddressable } };
  }
  forEachField(renderable, (field) => {
    const widgetId = isJsonObject(field['widget']) ? field['widget']['id'] : undefined;
    if (typeof widgetId === 'string' && !(widgetId in MATERIAL_WIDGETS)) {
      delete field['widget'];
    }
    if (mode === 'update' && 'default' in field) {
      field['placeholder'] ??=
        typeof field['default'] === 'object' ? JSON.stringify(field['default']) : String(field['default']);
      delete field['default'];
    }
    if (mode === 'update' && Array.isArray(field['required']) && isJsonObject(field['properties'])) {
      const properties = field['properties'];
      field['required'] = field['required'].filter(
        (name) => !(isJsonObject(properties[name]) && properties[name]['writeOnly'] === true),
      );
    }
  });
  const variants = renderable[VARIANTS_KEYWORD] as SchemaVariant[] | undefined;
  if (fieldNames(renderable).length === 0 && !variants) {
    return { kind: 'unrenderable', reason: { code: 'noFields' } };
  }
  for (const schema of variants?.map((variant) => variant.schema) ?? []) {
    const failure = renderOffScreen(schema);
    if (failure) {
      return { kind: 'unrenderable', reason: { code: 'formLibraryFailed', detail: failure } };
    }
  }
  return {
    kind: 'form',
    schema: renderable,
    notes: normalized.notes,
    validator: new ParametersValidator(renderable),
  };
}

/**
 * Builds ngx-schema-form's property tree for a copy of the schema, without validating it; returns
 * the error it throws, if any.
 */
function renderOffScreen(schema: JsonSchema): string | undefined {
  installFreeValueProperties();
  try {
    const copy = structuredClone(schema);
    SchemaPreprocessor.preprocess(copy);
    const factory = new FormPropertyFactory(
      new NoLibraryValidation(),
      new ValidatorRegistry(),
      new PropertyBindingRegistry(),
      new JEXLExpressionCompilerFactory(),
      new DefaultLogService(3),
    );
    const root = factory.createProperty(copy);
    root.reset(null, false);
    if (root instanceof PropertyGroup) {
      root._bindVisibility();
    }
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The names of all fields at any depth. */
function fieldNames(schema: JsonSchema): string[] {
  const names: string[] = [];
  forEachField(schema, (field) =>
    names.push(...(isJsonObject(field['properties']) ? Object.keys(field['properties']) : [])),
  );
  return names;
}

/** Calls `visit` for every schema that becomes a form field (the root, properties, list items). */
function forEachField(schema: JsonSchema, visit: (field: JsonSchema) => void): void {
  visit(schema);
  if (isJsonObject(schema['properties'])) {
    Object.values(schema['properties'])
      .filter(isJsonObject)
      .forEach((child) => forEachField(child, visit));
  }
  if (isJsonObject(schema['items'])) {
    forEachField(schema['items'], visit);
  }
  if (Array.isArray(schema[VARIANTS_KEYWORD])) {
    (schema[VARIANTS_KEYWORD] as SchemaVariant[]).forEach((variant) => forEachField(variant.schema, visit));
  }
}
