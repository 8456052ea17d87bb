import type { ActivityEntry, CatalogResponse } from '@osb/api';

import { testActivityEntry } from '@testing/activity-fixtures';
import { activityFailure, activityKindLabel, activitySentence } from './activity-text';

describe('activity text', () => {
  const entry = (overrides: Partial<ActivityEntry>): ActivityEntry =>
    testActivityEntry({ details: { serviceId: 'pg', planId: 'small' }, ...overrides });
  const catalog = {
    services: [
      {
        id: 'pg',
        displayName: 'PostgreSQL',
        plans: [
          { id: 'small', displayName: 'Small' },
          { id: 'large', displayName: 'Large' },
        ],
      },
    ],
    locations: [],
    brokers: [],
  } as unknown as CatalogResponse;

  it('words each kind from its code and details, with names from the catalog', () => {
    expect(activitySentence(entry({}), catalog)).toBe('Alice Adams ordered “db-1” (PostgreSQL, Small)');
    expect(
      activitySentence(
        entry({ kind: 'changed', details: { serviceId: 'pg', planId: 'large', previousPlanId: 'small' } }),
        catalog,
      ),
    ).toBe('Alice Adams changed the plan of “db-1” from Small to Large');
    expect(activitySentence(entry({ kind: 'changed', details: { previousName: 'db-0' } }))).toBe(
      'Alice Adams renamed “db-0” to “db-1”',
    );
    expect(activitySentence(entry({ kind: 'bound', bindingName: 'app' }))).toBe(
      'Alice Adams created the binding “app” of “db-1”',
    );
    expect(activitySentence(entry({ kind: 'expired', actor: undefined, bindingName: 'app' }))).toBe(
      'The platform deleted the expired binding “app” of “db-1”',
    );
    expect(
      activitySentence(entry({ kind: 'shared', details: { targetProjectId: 'm', targetProjectName: 'Mobile App' } })),
    ).toBe('Alice Adams shared “db-1” with the project Mobile App');
  });

  it('falls back to ids when the catalog no longer lists the service', () => {
    expect(activitySentence(entry({}))).toBe('Alice Adams ordered “db-1” (pg, small)');
  });

  it('explains failures with the broker’s words and the clean-up', () => {
    expect(activityFailure(entry({}))).toBeUndefined();
    expect(
      activityFailure(
        entry({
          outcome: 'failed',
          details: { failureReason: 'broker-error', brokerMessage: 'Disk full', orphanMitigation: true },
        }),
      ),
    ).toBe('The service broker says: “Disk full” The platform deletes what the broker may have left behind.');
  });

  it('labels every kind', () => {
    expect(activityKindLabel('share-ended')).toBe('Sharing ended');
  });
});
