import { InjectionToken } from '@angular/core';

let formCount = 0;

/**
 * Prefix of the DOM ids of one parameters form, so that several forms on one page (create and
 * binding forms in a preview, two plans side by side, the fields of a chosen variant) never share
 * an id.
 */
export const FIELD_ID_PREFIX = new InjectionToken<string>('schema form field id prefix', {
  factory: nextFieldIdPrefix,
});

/** A prefix no other form on the page has. */
export function nextFieldIdPrefix(): string {
  formCount += 1;
  return `mp-sf${formCount}-`;
}

/** Turns a form property path such as `firewallRules.0.name` into a valid id suffix. */
export function toIdSuffix(path: string): string {
  return path.replace(/[^A-Za-z0-9_-]/g, '_') || 'root';
}

/**
 * Where the fields of one rendered form sit in the parameters: '' for the whole form, the JSON
 * pointer of the object for the fields of a chosen variant (set once that object is known).
 */
export interface FieldPointerBase {
  pointer: string;
}

/** The {@link FieldPointerBase} of the form a widget belongs to. */
export const FIELD_POINTER_BASE = new InjectionToken<FieldPointerBase>('schema form field pointer base', {
  factory: () => ({ pointer: '' }),
});

/** The JSON pointer of a form property's value within the parameters ('' for the root). */
export function propertyPointer(
  base: FieldPointerBase,
  property: { _canonicalPath?: string; path?: string } | undefined,
): string {
  const own = (property?._canonicalPath ?? property?.path ?? '').replace(/\/$/, '');
  return `${base.pointer}${own}`;
}
