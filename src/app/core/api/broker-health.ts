import type { BrokerStatus } from '@osb/api';

/**
 * The unavailable brokers that matter where the user looks: the global ones, and the local ones of
 * `locationId` (a broker of another location does not explain what is missing here).
 */
export function missingBrokers(brokers: readonly BrokerStatus[], locationId: string | undefined): BrokerStatus[] {
  return brokers.filter(
    (broker) =>
      broker.state === 'unavailable' &&
      (broker.locality.kind === 'global' || broker.locality.locationId === locationId),
  );
}

/** The unavailable brokers of local services in `locationId`. */
export function missingLocalBrokers(brokers: readonly BrokerStatus[], locationId: string | undefined): BrokerStatus[] {
  return missingBrokers(brokers, locationId).filter((broker) => broker.locality.kind === 'local');
}

/** The broker of `brokerId` when it cannot be reached, so that it takes no orders; else undefined. */
export function unreachableBroker(brokers: readonly BrokerStatus[], brokerId: string): BrokerStatus | undefined {
  return brokers.find((broker) => broker.id === brokerId && broker.state === 'unavailable' && broker.unreachable);
}
