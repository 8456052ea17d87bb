/**
 * The user's display preferences (language, colour scheme) and the hint that this browser was
 * signed in, kept in local storage: they are not secrets. Storage that the browser blocks or that is full counts as empty, and a choice then
 * holds for the page only.
 */

/** Reads a preference; null when it is not set or the storage cannot be read. */
export function readPreference(
  key: string,
  storage: Pick<Storage, 'getItem'> | undefined = localStorageIfAvailable(),
): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Keeps a preference for the user's next visits, if the storage lets it. */
export function writePreference(
  key: string,
  value: string,
  storage: Pick<Storage, 'setItem'> | undefined = localStorageIfAvailable(),
): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Full or blocked: the choice holds for this page only.
  }
}

/** Forgets a preference, if the storage lets it. */
export function removePreference(
  key: string,
  storage: Pick<Storage, 'removeItem'> | undefined = localStorageIfAvailable(),
): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Blocked: nothing was kept either.
  }
}

/** `localStorage`, or undefined where the browser forbids touching it. */
function localStorageIfAvailable(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
