import { InjectionToken } from '@angular/core';

let formCount = 0;

/**
 * Prefix of the DOM ids of one parameters form, so that several forms on one page (create and
 * binding forms in a preview, two plans side by side) never share an id.
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
