/**
 * Semantic Versioning 2.0.0 (semver.org) for OSB `maintenance_info.version`: recognising a
 * version and ordering two of them by precedence.
 */

/** Semantic Versioning 2.0.0, from semver.org. */
export const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/**
 * Compares two semantic versions by precedence: negative when `a` comes before `b`, positive
 * when after, 0 when equal (build metadata is ignored). Undefined when either is not a version.
 */
export function compareSemver(a: string, b: string): number | undefined {
  const left = SEMVER.exec(a);
  const right = SEMVER.exec(b);
  if (!left || !right) return undefined;
  for (let index = 1; index <= 3; index++) {
    const difference = compareNumeric(left[index]!, right[index]!);
    if (difference !== 0) return difference;
  }
  return comparePrerelease(left[4], right[4]);
}

/** Whether `candidate` is a newer version than `current` (false when either is not a version). */
export function isNewerVersion(candidate: string, current: string): boolean {
  return (compareSemver(candidate, current) ?? 0) > 0;
}

/** Numeric identifiers of any length (no precision lost beyond 2^53). */
function compareNumeric(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}

/** A version without a pre-release comes after one with; identifiers compare one by one. */
function comparePrerelease(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  const left = a.split('.');
  const right = b.split('.');
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const difference = compareIdentifier(left[index]!, right[index]!);
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

/** Numeric identifiers compare as numbers and come before alphanumeric ones, which compare in ASCII order. */
function compareIdentifier(a: string, b: string): number {
  const numericA = /^\d+$/.test(a);
  const numericB = /^\d+$/.test(b);
  if (numericA && numericB) return compareNumeric(a, b);
  if (numericA !== numericB) return numericA ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
