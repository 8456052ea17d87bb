import { isJsonObject, type JsonSchema } from './keywords.js';

/**
 * Resolves a same-document reference (`#`, `#/definitions/x`, `#/$defs/x`, any JSON pointer);
 * undefined when it points to nothing or is malformed.
 */
export function resolvePointer(document: JsonSchema, reference: string): unknown {
  let pointer: string;
  try {
    pointer = decodeURIComponent(reference.slice(1));
  } catch {
    return undefined;
  }
  return valueAtPointer(document, pointer);
}

/** Reads the value at a JSON pointer (`''` is the whole value, `/db/password` a member); undefined when there is none. */
export function valueAtPointer(value: unknown, pointer: string): unknown {
  if (pointer === '') {
    return value;
  }
  if (!pointer.startsWith('/')) {
    return undefined;
  }
  let current = value;
  for (const segment of pointer.slice(1).split('/')) {
    const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current) && /^\d+$/.test(key)) {
      current = current[Number(key)];
    } else if (isJsonObject(current) && Object.hasOwn(current, key)) {
      current = current[key];
    } else {
      return undefined;
    }
  }
  return current;
}
