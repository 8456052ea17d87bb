import { RE2JS } from 're2js';

/**
 * Brokers' regular expressions (`pattern`, `patternProperties`) run on RE2's linear-time engine
 * (re2js), never on JavaScript's backtracking one: a catastrophic pattern such as `^(a+)+$`
 * cannot freeze the server or the browser tab. JavaScript syntax is translated; what RE2 cannot
 * do in linear time (lookahead, backreferences) is reported as unsupported.
 */

/** Longest pattern a broker may send; a longer one is not checked. */
const MAX_PATTERN_LENGTH = 1_000;

/** Longest text checked against a broker's pattern; longer text does not match. */
export const MAX_PATTERN_TEXT_LENGTH = 10_000;

/** How many compiled patterns are kept for reuse. */
const CACHE_SIZE = 500;

/** A broker's pattern ready to test text in linear time. */
export interface SafePattern {
  /** The pattern as the broker wrote it. */
  readonly source: string;
  /** Whether the pattern matches anywhere in `text` (as JSON Schema's `pattern` does); false for text too long to check. */
  test(text: string): boolean;
}

/** Thrown for a pattern that cannot be checked in linear time; the message says why. */
export class UnsupportedPatternError extends Error {}

const cache = new Map<string, SafePattern | UnsupportedPatternError>();

/**
 * Compiles a broker's pattern for linear-time matching, caching the result.
 * @throws UnsupportedPatternError when the pattern is not a string, too long, or needs backtracking
 */
export function safePattern(pattern: unknown): SafePattern {
  if (typeof pattern !== 'string') {
    throw new UnsupportedPatternError('it is not a string');
  }
  let compiled = cache.get(pattern);
  if (compiled === undefined) {
    compiled = compile(pattern);
    if (cache.size >= CACHE_SIZE) {
      cache.delete(cache.keys().next().value as string);
    }
    cache.set(pattern, compiled);
  }
  if (compiled instanceof UnsupportedPatternError) {
    throw compiled;
  }
  return compiled;
}

/** Why a pattern cannot be checked in linear time, or undefined when it can. */
export function unsupportedPatternReason(pattern: unknown): string | undefined {
  try {
    safePattern(pattern);
    return undefined;
  } catch (error) {
    if (error instanceof UnsupportedPatternError) {
      return error.message;
    }
    throw error;
  }
}

function compile(pattern: string): SafePattern | UnsupportedPatternError {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return new UnsupportedPatternError(`it is longer than ${MAX_PATTERN_LENGTH} characters`);
  }
  try {
    new RegExp(pattern, 'u');
  } catch {
    try {
      new RegExp(pattern);
    } catch {
      return new UnsupportedPatternError('it is not a valid regular expression');
    }
  }
  let engine: RE2JS;
  try {
    engine = RE2JS.compile(RE2JS.translateRegExp(pattern));
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error);
    return new UnsupportedPatternError(`it needs features a linear-time engine does not have (${detail})`);
  }
  return {
    source: pattern,
    test: (text) => text.length <= MAX_PATTERN_TEXT_LENGTH && engine.test(text),
  };
}
