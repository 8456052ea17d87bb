import { isJsonObject, sameJson } from '@osb/json-schema';

/** Parameters of an instance. */
export type InstanceParameters = Record<string, unknown>;

/** One parameter an update changes, with its stored value (absent when it is new) and its new one. */
export interface ParameterChange {
  readonly key: string;
  readonly before?: unknown;
  readonly after: unknown;
}

/**
 * The stored parameters an update form starts from: those the update schema has fields for
 * (all of them when the plan gives no update schema, so that the JSON editor shows them).
 */
export function updatableParameters(stored: InstanceParameters, updateSchema: unknown): InstanceParameters {
  const properties =
    isJsonObject(updateSchema) && isJsonObject(updateSchema['properties']) ? updateSchema['properties'] : undefined;
  if (properties === undefined) {
    return updateSchema === undefined ? { ...stored } : {};
  }
  return Object.fromEntries(Object.entries(stored).filter(([key]) => Object.hasOwn(properties, key)));
}

/**
 * The parameters an update sets, key by key: new keys and keys whose value differs from the stored
 * one, in the edited order. Keys left out of `edited` are not listed: an update cannot unset them.
 */
export function parameterChanges(stored: InstanceParameters, edited: InstanceParameters): ParameterChange[] {
  return Object.entries(edited)
    .filter(([key, value]) => !Object.hasOwn(stored, key) || !sameJson(stored[key], value))
    .map(([key, after]) => (Object.hasOwn(stored, key) ? { key, before: stored[key], after } : { key, after }));
}

/** The request body's `parameters`: only the changed keys. */
export function changedParameters(changes: readonly ParameterChange[]): InstanceParameters {
  return Object.fromEntries(changes.map((change) => [change.key, change.after]));
}
