import type { JsonSchema } from './keywords.js';
import { describeSchemaRefusal, type SchemaRefusalReason } from './notes.js';
import { resolvePointer } from './pointer.js';

/**
 * Bounds on the work a broker's schema may cause, so that a hostile schema (nested hundreds of
 * thousands of levels deep, huge, or with `$ref`s that expand exponentially or in a cycle) is
 * refused with a reason instead of freezing the server or the browser tab.
 */
export interface SchemaBudget {
  /** Deepest nesting of objects and lists. */
  maxDepth: number;
  /** Most schema nodes, counted after internal `$ref`s are expanded. */
  maxNodes: number;
  /** Longest time spent preparing one schema. */
  maxMilliseconds: number;
}

/** The budget for one parameter schema: generous for real brokers' schemas (the largest known has about 600 nodes). */
export const SCHEMA_BUDGET: SchemaBudget = { maxDepth: 64, maxNodes: 5_000, maxMilliseconds: 1_000 };

/** Most `$ref`s followed inside one another while measuring a schema. */
const MAX_REFERENCE_CHAIN = 32;

/** Thrown when work on a schema goes over its budget; `reason` says which limit. */
export class SchemaBudgetExceeded extends Error {
  constructor(readonly reason: SchemaRefusalReason) {
    super(describeSchemaRefusal(reason));
  }
}

/** Why a JSON value is nested deeper or has more parts than allowed (in English), or undefined when it fits. */
export function oversizeReason(
  value: unknown,
  limits: Pick<SchemaBudget, 'maxDepth' | 'maxNodes'>,
): string | undefined {
  const reason = oversize(value, limits);
  return reason && describeSchemaRefusal(reason);
}

/**
 * Why a JSON value is nested deeper or has more parts than allowed, or undefined when it fits.
 * Iterative, so even a value nested a million levels deep is measured without overflowing the stack.
 */
export function oversize(
  value: unknown,
  limits: Pick<SchemaBudget, 'maxDepth' | 'maxNodes'>,
): SchemaRefusalReason | undefined {
  const pending: [unknown, number][] = [[value, 1]];
  let nodes = 0;
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    if (typeof node !== 'object' || node === null) {
      continue;
    }
    if (depth > limits.maxDepth) {
      return { code: 'tooDeep', limit: limits.maxDepth };
    }
    nodes += 1;
    if (nodes > limits.maxNodes) {
      return { code: 'tooManyParts', limit: limits.maxNodes };
    }
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      pending.push([child, depth + 1]);
    }
  }
  return undefined;
}

/**
 * Why expanding a schema's internal `$ref`s would not end (a reference that contains itself) or
 * would give more than `maxNodes` nodes, or undefined when it fits. Each reference is measured
 * once, so an exponential tree of references is measured in linear time. Call it on a schema
 * that passed {@link oversizeReason}.
 */
export function referenceExpansionReason(schema: JsonSchema, maxNodes: number): string | undefined {
  const sizes = new Map<string, number>();
  const inProgress: string[] = [];
  let reason: string | undefined;

  const sizeOf = (node: unknown): number => {
    if (reason !== undefined || typeof node !== 'object' || node === null) {
      return 0;
    }
    if (Array.isArray(node)) {
      return node.reduce((total: number, item) => Math.min(total + sizeOf(item), maxNodes + 1), 0);
    }
    const reference = (node as Record<string, unknown>)['$ref'];
    if (typeof reference === 'string' && reference.startsWith('#')) {
      return 1 + sizeOfReference(reference);
    }
    let total = 1;
    for (const child of Object.values(node)) {
      total = Math.min(total + sizeOf(child), maxNodes + 1);
    }
    return total;
  };

  const sizeOfReference = (reference: string): number => {
    const known = sizes.get(reference);
    if (known !== undefined) {
      return known;
    }
    if (inProgress.includes(reference)) {
      reason ??= `its reference ${reference} contains itself`;
      return 0;
    }
    if (inProgress.length >= MAX_REFERENCE_CHAIN) {
      reason ??= `its references nest more than ${MAX_REFERENCE_CHAIN} levels deep`;
      return 0;
    }
    inProgress.push(reference);
    const size = sizeOf(resolvePointer(schema, reference));
    inProgress.pop();
    sizes.set(reference, size);
    return size;
  };

  const total = sizeOf(schema);
  if (reason !== undefined) {
    return reason;
  }
  return total > maxNodes ? `it expands to more than ${maxNodes} nodes once its references are followed` : undefined;
}

/** Counts steps of work on one schema and stops it when the node or time budget is spent. */
export class WorkBudget {
  private steps = 0;
  private readonly deadline: number;

  /** @param budget the limits; @param now the clock in milliseconds (tests pass their own) */
  constructor(
    private readonly budget: SchemaBudget = SCHEMA_BUDGET,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.deadline = now() + budget.maxMilliseconds;
  }

  /**
   * Records one step.
   * @throws SchemaBudgetExceeded once there were more steps than `maxNodes`, or time ran out
   */
  step(): void {
    this.steps += 1;
    if (this.steps > this.budget.maxNodes) {
      throw new SchemaBudgetExceeded({ code: 'expandsTooFar', limit: this.budget.maxNodes });
    }
    if (this.steps % 64 === 0 && this.now() > this.deadline) {
      throw new SchemaBudgetExceeded({ code: 'tooSlow', limit: this.budget.maxMilliseconds });
    }
  }
}
