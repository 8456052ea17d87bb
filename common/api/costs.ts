/**
 * Costs of a project's instances, from their plans' `metadata.costs`, and the one rule that
 * turns a cost component into a monthly estimate (used by the platform's costs route and by
 * the order review).
 */
import Type, { type Static } from 'typebox';
import { PlanCost } from './catalog.js';

/** Average hours in a month (8,760 hours a year / 12). */
export const HOURS_PER_MONTH = 730;

/**
 * How many of each time unit make a month: an hour 730 times, a day 365/12 times, a week 52/12
 * times, a month once, a year a twelfth. Units not listed (per GB, per request, setup fees)
 * depend on usage or happen once: they get no monthly estimate.
 */
export const UNITS_PER_MONTH: Readonly<Record<string, number>> = {
  HOURLY: HOURS_PER_MONTH,
  DAILY: 365 / 12,
  WEEKLY: 52 / 12,
  MONTHLY: 1,
  YEARLY: 1 / 12,
};

/** The unit as a lookup key: `per-hour`, `setup_fee` and `Setup Fee` read alike (`SETUP FEE`). */
export function costUnitKey(unit: string): string {
  return unit
    .trim()
    .replace(/[\s_-]+/g, ' ')
    .toUpperCase();
}

/**
 * The monthly amounts of one cost component by currency, or undefined when its unit depends on
 * usage or is one-time. Amounts are rounded to a hundredth of a cent.
 */
export function monthlyEstimate(cost: PlanCost): Record<string, number> | undefined {
  const factor = UNITS_PER_MONTH[costUnitKey(cost.unit)];
  if (factor === undefined) return undefined;
  return Object.fromEntries(
    Object.entries(cost.amount).map(([currency, amount]) => [currency.toLowerCase(), roundAmount(amount * factor)]),
  );
}

/**
 * The monthly amounts of a plan (the sum of its estimable components) by currency; empty when
 * none is estimable.
 */
export function monthlyTotal(costs: readonly PlanCost[]): Record<string, number> {
  return addAmounts(costs.map(monthlyEstimate).filter((amounts) => amounts !== undefined));
}

/** Adds amounts by currency. */
export function addAmounts(amounts: readonly Record<string, number>[]): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const entry of amounts) {
    for (const [currency, amount] of Object.entries(entry)) sum[currency] = roundAmount((sum[currency] ?? 0) + amount);
  }
  return sum;
}

function roundAmount(amount: number): number {
  return Math.round(amount * 10_000) / 10_000;
}

/** Amounts by lower-case currency code, for example `{eur: 36.5}`. */
export const Amounts = Type.Record(Type.String(), Type.Number());
export type Amounts = Static<typeof Amounts>;

/** The costs of one instance of the project. */
export const InstanceCosts = Type.Object({
  instanceId: Type.String(),
  instanceName: Type.String(),
  serviceId: Type.String(),
  serviceName: Type.String(),
  planId: Type.String(),
  planName: Type.String(),
  /** The plan's cost components with a monthly estimate (hourly, daily, weekly, monthly, yearly). */
  recurring: Type.Array(Type.Object({ ...PlanCost.properties, monthly: Amounts })),
  /** The components that depend on usage (per GB, per request, …) or happen once (setup fee): rates only. */
  usageBased: Type.Array(PlanCost),
  /** The instance's monthly estimate; empty when it has none. */
  monthly: Amounts,
  /** Whether the plan is free of charge. */
  free: Type.Boolean(),
  /**
   * Set for an instance another project shared with this one: its owner pays for it, so it is
   * listed here but not counted in the totals.
   */
  sharedFrom: Type.Optional(Type.Object({ projectId: Type.String(), displayName: Type.String() })),
  /** Set when the catalog no longer offers the instance's plan: its costs are unknown. */
  offeringGone: Type.Optional(Type.Boolean()),
});
export type InstanceCosts = Static<typeof InstanceCosts>;

/** The monthly estimate of one service's instances in the project. */
export const ServiceCosts = Type.Object({
  serviceId: Type.String(),
  serviceName: Type.String(),
  instances: Type.Integer({ minimum: 0 }),
  monthly: Amounts,
  /** How many of its instances also have usage-based costs not in the estimate. */
  usageBasedInstances: Type.Integer({ minimum: 0 }),
});
export type ServiceCosts = Static<typeof ServiceCosts>;

/**
 * `GET /api/projects/:projectId/costs`: every instance of the project with its plan's costs,
 * the totals per service and for the project by currency (the project's own instances only).
 */
export const ProjectCosts = Type.Object({
  instances: Type.Array(InstanceCosts),
  services: Type.Array(ServiceCosts),
  monthly: Amounts,
  /** How many of the project's own instances have usage-based costs not in the estimate. */
  usageBasedInstances: Type.Integer({ minimum: 0 }),
});
export type ProjectCosts = Static<typeof ProjectCosts>;
