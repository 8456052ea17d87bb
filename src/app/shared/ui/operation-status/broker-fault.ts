import { formatMoment } from '../date-time/format-date-time';

/** What the platform reports of a running operation whose broker it cannot reach. */
export interface BrokerFault {
  /** ISO time of the first attempt that could not reach the broker. */
  since: string;
}

/**
 * The line that replaces a running operation's (stale) progress while its broker cannot be
 * reached: since when, that the platform retries, and until when it waits at most (after that the
 * operation fails and the platform cleans up at the broker). Times in the user's language and time zone.
 */
export function brokerFaultText(fault: BrokerFault, deadline: string | undefined, now: Date, locale: string): string {
  const since = formatMoment(fault.since, now, locale);
  if (!deadline)
    return $localize`:operation status@@brokerUnreachableRetrying:Broker unreachable since ${since}:since:, retrying`;
  const until = formatMoment(deadline, now, locale);
  return $localize`:operation status@@brokerUnreachableRetryingUntil:Broker unreachable since ${since}:since:, retrying until ${until}:until:`;
}
