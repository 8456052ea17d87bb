import type { ProjectCosts } from '@osb/api';
import { costsCsv, csvCell, csvNumber } from './costs-csv';

describe('costsCsv', () => {
  const costs: ProjectCosts = {
    instances: [
      {
        instanceId: 'i-1',
        instanceName: 'db, "main"',
        serviceId: 's',
        serviceName: 'PostgreSQL',
        planId: 'p',
        planName: 'Small',
        recurring: [{ amount: { eur: 1234.5, usd: 0.05 }, unit: 'HOURLY', monthly: { eur: 901185, usd: 36.5 } }],
        usageBased: [{ amount: { eur: 0.0000002 }, unit: 'PER 1000 REQUESTS' }],
        monthly: { eur: 901185, usd: 36.5 },
        free: false,
      },
      {
        instanceId: 'i-2',
        instanceName: '=HYPERLINK("x")',
        serviceId: 's',
        serviceName: 'DNS',
        planId: 'f',
        planName: 'Free',
        recurring: [],
        usageBased: [],
        monthly: {},
        free: true,
        sharedFrom: { projectId: 'other', displayName: 'Web\nShop' },
      },
    ],
    services: [],
    monthly: { eur: 901185, usd: 36.5 },
    usageBasedInstances: 1,
  };

  it('writes a row per component and currency, with rates and estimates in plain numbers', () => {
    expect(costsCsv(costs).split('\r\n')).toEqual([
      'Instance,Service,Plan,Shared from project,Unit,Currency,Rate,Monthly estimate',
      '"db, ""main""",PostgreSQL,Small,,HOURLY,EUR,1234.5,901185',
      '"db, ""main""",PostgreSQL,Small,,HOURLY,USD,0.05,36.5',
      '"db, ""main""",PostgreSQL,Small,,PER 1000 REQUESTS,EUR,0.0000002,',
      `"'=HYPERLINK(""x"")",DNS,Free,"Web\nShop",,,,`,
      '',
    ]);
  });

  it('writes numbers the same in every locale', () => {
    expect(csvNumber(1234567.891)).toBe('1234567.891');
    expect(csvNumber(1e-7)).toBe('0.0000001');
    expect(csvNumber(Number.NaN)).toBe('');
  });

  it('quotes and defuses only where needed', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-5)).toBe('-5');
  });
});
