import { HOURS_PER_MONTH, addAmounts, costUnitKey, monthlyEstimate, monthlyTotal } from '@osb/api';

import { formatAmounts } from './format-cost';

describe('monthlyEstimate', () => {
  it('turns every time unit into a month: hours ×730, days ×365/12, weeks ×52/12, years ÷12', () => {
    expect(HOURS_PER_MONTH).toBe(730);
    expect(monthlyEstimate({ amount: { eur: 0.05 }, unit: 'HOURLY' })).toEqual({ eur: 36.5 });
    expect(monthlyEstimate({ amount: { eur: 1.2 }, unit: 'DAILY' })).toEqual({ eur: 36.5 });
    expect(monthlyEstimate({ amount: { eur: 3 }, unit: 'WEEKLY' })).toEqual({ eur: 13 });
    expect(monthlyEstimate({ amount: { eur: 49 }, unit: 'MONTHLY' })).toEqual({ eur: 49 });
    expect(monthlyEstimate({ amount: { eur: 120 }, unit: 'YEARLY' })).toEqual({ eur: 10 });
  });

  it('keeps every currency and rounds to a hundredth of a cent', () => {
    expect(monthlyEstimate({ amount: { EUR: 3.5, usd: 4 }, unit: 'weekly' })).toEqual({ eur: 15.1667, usd: 17.3333 });
  });

  it('reads units the way brokers write them', () => {
    expect(costUnitKey(' per_hour ')).toBe('PER HOUR');
    expect(costUnitKey('setup-fee')).toBe('SETUP FEE');
    expect(monthlyEstimate({ amount: { eur: 1 }, unit: 'Monthly' })).toEqual({ eur: 1 });
  });

  it('invents no estimate for usage-based or one-time units', () => {
    for (const unit of ['GB', 'MB', 'PER 1000 REQUESTS', 'per API call', 'SETUP FEE', '']) {
      expect(monthlyEstimate({ amount: { eur: 1 }, unit })).toBeUndefined();
    }
  });

  it('adds a plan’s estimable components and leaves the others out', () => {
    expect(
      monthlyTotal([
        { amount: { eur: 5 }, unit: 'MONTHLY' },
        { amount: { eur: 0.1 }, unit: 'HOURLY' },
        { amount: { eur: 0.02 }, unit: 'GB' },
      ]),
    ).toEqual({ eur: 78 });
    expect(monthlyTotal([{ amount: { eur: 0.02 }, unit: 'GB' }])).toEqual({});
    expect(addAmounts([{ eur: 0.1 }, { eur: 0.2, usd: 1 }])).toEqual({ eur: 0.3, usd: 1 });
  });
});

describe('formatAmounts', () => {
  it('formats totals in the user’s locale, euro first', () => {
    expect(formatAmounts({ usd: 2, eur: 12.5 }, 'de-DE')).toBe('12,50\u00a0€ / 2,00\u00a0$');
    expect(formatAmounts({ eur: 12.5 }, 'en-US')).toBe('€12.50');
    expect(formatAmounts({}, 'en-US')).toBe('');
  });
});
