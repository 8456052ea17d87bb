import type { BrokerStatus } from '@osb/api';

import { missingBrokers, missingLocalBrokers, unreachableBroker } from './broker-health';

const global: BrokerStatus = {
  id: 'g',
  displayName: 'Global',
  locality: { kind: 'global' },
  state: 'ok',
  warnings: [],
};
const frankfurt: BrokerStatus = {
  id: 'fra',
  displayName: 'Frankfurt',
  locality: { kind: 'local', locationId: 'eu-de-central' },
  state: 'unavailable',
  unreachable: true,
  warnings: [],
};
const amsterdam: BrokerStatus = {
  id: 'ams',
  displayName: 'Amsterdam',
  locality: { kind: 'local', locationId: 'eu-nl-west' },
  state: 'unavailable',
  reason: 'The catalog was rejected.',
  warnings: [],
};

describe('broker health', () => {
  it('names the missing global brokers everywhere and the local ones only in their location', () => {
    const downGlobal = { ...global, state: 'unavailable' as const };
    expect(missingBrokers([downGlobal, frankfurt, amsterdam], 'eu-de-central')).toEqual([downGlobal, frankfurt]);
    expect(missingLocalBrokers([downGlobal, frankfurt, amsterdam], 'eu-nl-west')).toEqual([amsterdam]);
    expect(missingBrokers([global], 'eu-de-central')).toEqual([]);
  });

  it('refuses orders only of brokers that cannot be reached, not of those whose catalog was rejected', () => {
    expect(unreachableBroker([global, frankfurt, amsterdam], 'fra')).toBe(frankfurt);
    expect(unreachableBroker([global, frankfurt, amsterdam], 'ams')).toBeUndefined();
    expect(unreachableBroker([global, frankfurt, amsterdam], 'g')).toBeUndefined();
  });
});
