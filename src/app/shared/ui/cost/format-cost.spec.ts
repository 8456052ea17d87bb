import { formatCost, unitLabel } from './format-cost';

describe('formatCost', () => {
  it('formats euro amounts with the unit label', () => {
    expect(formatCost({ amount: { eur: 12.5 }, unit: 'MONTHLY' }, 'en-US')).toBe('€12.50 per month');
    expect(formatCost({ amount: { eur: 0.05 }, unit: 'HOURLY' }, 'en-US')).toBe('€0.05 per hour');
    expect(formatCost({ amount: { eur: 99 }, unit: 'SETUP FEE' }, 'en-US')).toBe('€99.00 one-time setup fee');
  });

  it('keeps the digits of small rates instead of rounding them to cents', () => {
    expect(formatCost({ amount: { eur: 0.025 }, unit: 'GB' }, 'en-US')).toBe('€0.025 per GB');
    expect(formatCost({ amount: { eur: 0.00002 }, unit: 'MB' }, 'de-DE')).toBe('0,00002\u00a0€ per MB');
    expect(formatCost({ amount: { credits: 0.0125 }, unit: 'daily' }, 'en-US')).toBe('0.0125 CREDITS per day');
  });

  it('formats in the given locale', () => {
    expect(formatCost({ amount: { eur: 1234.5 }, unit: 'YEARLY' }, 'de-DE')).toBe('1.234,50\u00a0€ per year');
  });

  it('shows other units readably: capitals lowered, mixed case as given', () => {
    expect(formatCost({ amount: { eur: 0.4 }, unit: 'PER 1000 REQUESTS' }, 'en-US')).toBe('€0.40 per 1000 requests');
    expect(formatCost({ amount: { eur: 0.4 }, unit: 'PER_API_CALL' }, 'en-US')).toBe('€0.40 per api call');
    expect(formatCost({ amount: { eur: 0.4 }, unit: 'per API call' }, 'en-US')).toBe('€0.40 per API call');
  });

  it('puts euro first and survives codes that are not currencies', () => {
    expect(formatCost({ amount: { usd: 2, eur: 1 }, unit: 'GB' }, 'en-US')).toBe('€1.00 / $2.00 per GB');
    expect(formatCost({ amount: { credits: 3 }, unit: 'daily' }, 'en-US')).toBe('3 CREDITS per day');
  });
});

describe('unitLabel', () => {
  it('knows every meshMarketplace unit', () => {
    expect(['HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY', 'MB', 'GB', 'SETUP FEE'].map(unitLabel)).toEqual([
      'per hour',
      'per day',
      'per week',
      'per month',
      'per year',
      'per MB',
      'per GB',
      'one-time setup fee',
    ]);
    expect(unitLabel('setup_fee')).toBe('one-time setup fee');
  });
});
