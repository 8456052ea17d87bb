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
 * One cost component as text, for example `€12.50 per month` or `€0.40 per 1000 requests`.
 * Amounts are formatted with `Intl.NumberFormat` in `locale`; euro comes first when a plan
 * names several currencies.
 */
export function formatCost(cost: PlanCost, locale: string): string {
  const unit = unitLabel(cost.unit);
  return [formatAmounts(cost.amount, locale), unit].filter((part) => part.length > 0).join(' ');
}

/** Amounts in several currencies as text, euro first: `€12.50 / $14.00`; empty for none. */
export function formatAmounts(amounts: Readonly<Record<string, number>>, locale: string): string {
  return Object.entries(amounts)
    .sort(([a], [b]) => Number(b.toLowerCase() === 'eur') - Number(a.toLowerCase() === 'eur'))
    .map(([currency, amount]) => formatAmount(amount, currency, locale))
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

/** One amount in Angular's currency format of `locale` (`12,50 €` in German); codes that are no currency follow the number. */
export function formatAmount(amount: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase() }).format(amount);
  } catch {
    // Not an ISO 4217 code: show the number with the code the broker gave.
    return `${new Intl.NumberFormat(locale).format(amount)} ${currency.toUpperCase()}`;
  }
}
