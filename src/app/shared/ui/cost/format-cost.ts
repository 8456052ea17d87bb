import { costUnitKey, type PlanCost } from '@osb/api';

/** Labels of the meshMarketplace cost units; other units are shown as the broker gives them. */
const UNIT_LABELS: Readonly<Record<string, () => string>> = {
  HOURLY: () => $localize`:cost unit@@costUnitHourly:per hour`,
  DAILY: () => $localize`:cost unit@@costUnitDaily:per day`,
  WEEKLY: () => $localize`:cost unit@@costUnitWeekly:per week`,
  MONTHLY: () => $localize`:cost unit@@costUnitMonthly:per month`,
  YEARLY: () => $localize`:cost unit@@costUnitYearly:per year`,
  MB: () => $localize`:cost unit@@costUnitMb:per MB`,
  GB: () => $localize`:cost unit@@costUnitGb:per GB`,
  'SETUP FEE': () => $localize`:cost unit@@costUnitSetupFee:one-time setup fee`,
};

/**
 * The most fraction digits a rate keeps: small per-unit prices (`€0.025 per GB`, `€0.00002 per MB`)
 * are shown as the broker gives them instead of being rounded to cents.
 */
const RATE_FRACTION_DIGITS = 6;

/**
 * One cost component as text, for example `€12.50 per month` or `€0.025 per GB`.
 * Amounts are formatted with `Intl.NumberFormat` in `locale`, with at least the currency's digits
 * and up to six; euro comes first when a plan names several currencies.
 */
export function formatCost(cost: PlanCost, locale: string): string {
  const unit = unitLabel(cost.unit);
  return [formatAmounts(cost.amount, locale, RATE_FRACTION_DIGITS), unit].filter((part) => part.length > 0).join(' ');
}

/**
 * Amounts in several currencies as text, euro first: `€12.50 / $14.00`; empty for none. Each has
 * the currency's digits, or up to `maximumFractionDigits` where more are given.
 */
export function formatAmounts(
  amounts: Readonly<Record<string, number>>,
  locale: string,
  maximumFractionDigits?: number,
): string {
  return Object.entries(amounts)
    .sort(([a], [b]) => Number(b.toLowerCase() === 'eur') - Number(a.toLowerCase() === 'eur'))
    .map(([currency, amount]) => formatAmount(amount, currency, locale, maximumFractionDigits))
    .join(' / ');
}

/**
 * The label of a cost unit (`MONTHLY` gives `per month`). Other units are shown as the broker
 * wrote them, except that words in capitals are lowered (`PER 1000 REQUESTS` gives
 * `per 1000 requests`): shouting units read as codes.
 */
export function unitLabel(unit: string): string {
  const words = unit.trim().replace(/[\s_]+/g, ' ');
  const label = UNIT_LABELS[costUnitKey(unit)];
  if (label) return label();
  return words === words.toUpperCase() ? words.toLowerCase() : words;
}

/**
 * One amount in the currency format of `locale` (`12,50 €` in German), with the currency's digits
 * or up to `maximumFractionDigits` where more are given; codes that are no currency follow the number.
 */
function formatAmount(amount: number, currency: string, locale: string, maximumFractionDigits?: number): string {
  const digits = maximumFractionDigits === undefined ? {} : { maximumFractionDigits };
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase(), ...digits }).format(
      amount,
    );
  } catch {
    // Not an ISO 4217 code: show the number with the code the broker gave.
    return `${new Intl.NumberFormat(locale, digits).format(amount)} ${currency.toUpperCase()}`;
  }
}
