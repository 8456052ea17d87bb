/**
 * Keeps every broker's catalog: fetched in parallel at start and on a schedule, validated,
 * cached in memory and in the database. A broker that fails keeps its last good catalog (marked
 * unavailable) and never hides another broker's services. After each refresh the services are
 * indexed by id and the marketplace listing is prepared for the wire once. A broker that could not
 * be reached (or answered 5xx) is asked again alone, with a growing delay, until it answers or the
 * scheduled refresh takes over. With several replicas, the scheduled refresh runs on one of them per
 * interval; the others then read the catalogs it stored.
 */
import type { BrokerStatus, CatalogResponse, Location, ServiceOffering } from '@osb/api';
import { isJsonObject } from '@osb/json-schema';
import type { BrokerConfig } from '../config/config.ts';
import { BrokerError } from '../osb/broker-error.ts';
import { validateCatalog } from '../osb/catalog-validation.ts';
import type { OsbClient } from '../osb/osb-client.ts';
import type { CatalogRepository, StoredCatalog } from '../store/catalog-repository.ts';
import { prepareListing, summariseService, type PreparedListing } from './catalog-listing.ts';
import { askInterval } from '../store/scheduled-jobs.ts';
import { CatalogRetries } from './catalog-retries.ts';

/** How replicas share the scheduled refresh. */
export interface RefreshCoordination {
  /** Whether this replica takes the refresh that is due. */
  claimRefresh(): Promise<boolean>;
  /** Tells the other replicas that fresh catalogs are stored. */
  announce(): Promise<void>;
  /** Calls `handler` when another replica stored fresh catalogs; resolves to a function that stops it. */
  onRefreshedElsewhere(handler: () => void): Promise<() => Promise<void>>;
}

/** What the catalog service needs. */
export interface CatalogServiceOptions {
  brokers: BrokerConfig[];
  locations: Location[];
  repository: CatalogRepository;
  /** The OSB client of a broker. */
  clientFor(broker: BrokerConfig): OsbClient;
  refreshIntervalSeconds: number;
  /** The first and the longest delay of the retries of a broker whose catalog could not be fetched. */
  retry: { initialDelaySeconds: number; maxDelaySeconds: number };
  /** Shares the scheduled refresh with other replicas; without it, this replica refreshes every interval. */
  coordination?: RefreshCoordination;
  /** Where refresh problems are logged (never with credentials). */
  log: { warn(object: object, message: string): void; error(object: object, message: string): void };
}

interface BrokerState {
  services: ServiceOffering[];
  status: BrokerStatus;
}

/** A fetched (or, from another replica, stored) catalog, a failed fetch, or no news of the broker. */
type FetchOutcome =
  | { ok: true; catalog: unknown; fetchedAt: Date; stored?: boolean }
  | {
      ok: false;
      reason: string;
      /** Whether asking again soon may help (no answer, 429 or 5xx). */
      transient: boolean;
    }
  | { ok: 'unchanged' };

/** Every broker's services and health. */
export class CatalogService {
  private states = new Map<string, BrokerState>();
  private stored = new Map<string, StoredCatalog>();
  private servicesById = new Map<string, ServiceOffering>();
  /** Each listed service's id with its display name and name in lower case, for searches by name. */
  private searchableNames: { id: string; names: string }[] = [];
  private prepared: Promise<PreparedListing>;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopListening: (() => Promise<void>) | undefined;
  /** The turn of the last settling of outcomes: one settles after the other. */
  private settling: Promise<unknown> = Promise.resolve();
  private readonly retries: CatalogRetries;
  private stopped = false;

  /** @param options brokers, locations, the repository and a client per broker */
  constructor(private readonly options: CatalogServiceOptions) {
    for (const broker of options.brokers) {
      this.states.set(broker.id, {
        services: [],
        status: {
          ...statusBase(broker),
          state: 'unavailable',
          reason: 'The catalog has not been fetched yet.',
          problem: 'not-fetched',
          warnings: [],
        },
      });
    }
    this.prepared = prepareListing(this.snapshot());
    this.retries = new CatalogRetries(
      {
        initialDelayMs: options.retry.initialDelaySeconds * 1000,
        maxDelayMs: options.retry.maxDelaySeconds * 1000,
        refreshIntervalMs: options.refreshIntervalSeconds * 1000,
      },
      (brokerId) =>
        this.retry(this.options.brokers.find((broker) => broker.id === brokerId)!).catch((error: unknown) =>
          this.options.log.error({ brokerId, err: error }, 'Catalog retry failed'),
        ),
    );
  }

  /**
   * Loads the stored catalogs, fetches every broker's catalog once, then refreshes on schedule
   * (or, with other replicas, takes its turn and adopts the catalogs the others stored).
   */
  async start(): Promise<void> {
    for (const entry of await this.options.repository.findAll()) this.stored.set(entry.brokerId, entry);
    await this.refresh();
    const { coordination } = this.options;
    const intervalMs = this.options.refreshIntervalSeconds * 1000;
    if (coordination) {
      this.stopListening = await coordination.onRefreshedElsewhere(() => {
        this.adoptStored().catch((error: unknown) =>
          this.options.log.error({ err: error }, 'Cannot read the stored catalogs'),
        );
      });
    }
    this.timer = setInterval(
      () => {
        this.scheduledRefresh().catch((error: unknown) =>
          this.options.log.error({ err: error }, 'Catalog refresh failed'),
        );
      },
      coordination ? askInterval(intervalMs) : intervalMs,
    );
    this.timer.unref();
  }

  /** Stops the scheduled refresh and the retries and waits for a running one. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.retries.stop();
    await this.stopListening?.();
    await this.running;
  }

  private async scheduledRefresh(): Promise<void> {
    const { coordination } = this.options;
    if (coordination && !(await coordination.claimRefresh())) return;
    await this.refresh();
    await coordination?.announce();
  }

  /** Takes over the catalogs another replica fetched and stored (a broker without one keeps its state). */
  private async adoptStored(): Promise<void> {
    const stored = new Map((await this.options.repository.findAll()).map((entry) => [entry.brokerId, entry]));
    const outcomes = this.options.brokers.map((broker): FetchOutcome => {
      const entry = stored.get(broker.id);
      const state = this.states.get(broker.id);
      const known = state?.status.lastRefreshedAt ? Date.parse(state.status.lastRefreshedAt) : -Infinity;
      return entry && entry.fetchedAt.getTime() > known
        ? { ok: true, catalog: entry.catalog, fetchedAt: entry.fetchedAt, stored: true }
        : { ok: 'unchanged' };
    });
    if (outcomes.every((outcome) => outcome.ok === 'unchanged')) return;
    for (const entry of stored.values()) this.stored.set(entry.brokerId, entry);
    this.running ??= this.settleInTurn(outcomes).finally(() => {
      this.running = undefined;
    });
    await this.running;
  }

  /** Fetches every broker's catalog now (joins a refresh that is already running). */
  refresh(): Promise<void> {
    this.running ??= this.refreshAll().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** The marketplace listing (service summaries, locations, brokers' health), ready to send. */
  listing(): Promise<PreparedListing> {
    return this.prepared;
  }

  /**
   * One listed service by id, with its plans' schemas; with `brokerId`, only that broker's (an
   * existing instance is always handled by its own broker's offering, whatever another broker lists).
   */
  findService(serviceId: string, brokerId?: string): ServiceOffering | undefined {
    if (brokerId === undefined) return this.servicesById.get(serviceId);
    return this.states.get(brokerId)?.services.find((candidate) => candidate.id === serviceId);
  }

  /** The health of a configured broker's catalog. */
  brokerStatus(brokerId: string): BrokerStatus | undefined {
    return this.states.get(brokerId)?.status;
  }

  /** The ids of the listed services whose display name or name contains `text`, ignoring case. */
  serviceIdsNamed(text: string): string[] {
    const wanted = text.toLocaleLowerCase();
    return this.searchableNames.filter((entry) => entry.names.includes(wanted)).map((entry) => entry.id);
  }

  /** Every listed service summarised, the locations and every broker's status, in configuration order. */
  private snapshot(): CatalogResponse {
    const states = this.options.brokers.map((broker) => this.states.get(broker.id)!);
    return {
      services: states.flatMap((state) => state.services.map(summariseService)),
      locations: this.options.locations,
      brokers: states.map((state) => state.status),
    };
  }

  private async refreshAll(): Promise<void> {
    await this.settleInTurn(await Promise.all(this.options.brokers.map((broker) => this.fetch(broker))));
  }

  /**
   * Asks one broker again after a failed fetch and settles its outcome alone (the other brokers
   * unchanged), unless a refresh or another replica's catalog settled the broker meanwhile.
   */
  private async retry(broker: BrokerConfig): Promise<void> {
    const before = this.states.get(broker.id);
    const outcome = await this.fetch(broker);
    if (this.stopped) return;
    const settled = await this.inTurn(async () => {
      if (this.states.get(broker.id) !== before) return false;
      await this.settleAll(this.options.brokers.map((each) => (each === broker ? outcome : { ok: 'unchanged' })));
      return true;
    });
    if (settled && this.states.get(broker.id)?.status.state === 'ok') await this.options.coordination?.announce();
  }

  /** Settles `outcomes` once every earlier settling finished. */
  private settleInTurn(outcomes: FetchOutcome[]): Promise<void> {
    return this.inTurn(() => this.settleAll(outcomes));
  }

  /** Runs `work` once every earlier settling finished, so that listings are prepared in order. */
  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.settling.then(work);
    this.settling = turn.catch(() => undefined);
    return turn;
  }

  private async settleAll(outcomes: FetchOutcome[]): Promise<void> {
    // An id belongs to the broker that listed it first: its owner so far keeps it (even when
    // down, through its stored catalog), and new ids go by configuration order.
    const knownIds = this.currentOwners();
    for (const [index, broker] of this.options.brokers.entries()) {
      const outcome = outcomes[index]!;
      const state: BrokerState =
        outcome.ok === 'unchanged'
          ? this.states.get(broker.id)!
          : await this.settle(broker, outcome, knownIds).catch((error: unknown) => {
              // Whatever one broker's catalog does, the others still refresh.
              this.options.log.error({ brokerId: broker.id, err: error }, 'Catalog could not be checked');
              const reason = `The catalog could not be checked: ${error instanceof Error ? error.message : String(error)}.`;
              return {
                services: [],
                status: { ...statusBase(broker), state: 'unavailable', reason, problem: 'check-failed', warnings: [] },
              } satisfies BrokerState;
            });
      if (state.status.state === 'unavailable') {
        // Since the first failed refresh after the last good one.
        const previous = this.states.get(broker.id)?.status;
        const since = previous?.state === 'unavailable' ? previous.unavailableSince : undefined;
        state.status.unavailableSince = since ?? new Date().toISOString();
      }
      this.states.set(broker.id, state);
      this.planRetry(broker, outcome);
      for (const service of state.services) {
        knownIds.set(service.id, broker.id);
        for (const plan of service.plans) knownIds.set(plan.id, broker.id);
      }
    }
    this.servicesById = new Map(
      this.options.brokers.flatMap((broker) =>
        this.states.get(broker.id)!.services.map((service) => [service.id, service] as const),
      ),
    );
    this.searchableNames = [...this.servicesById.values()].map((service) => ({
      id: service.id,
      names: `${service.displayName}\n${service.name}`.toLocaleLowerCase(),
    }));
    // The previous listing is served until the new one is ready.
    const next = prepareListing(this.snapshot());
    await next;
    this.prepared = next;
  }

  /** Asks a broker again soon after a fetch that may succeed on retry; forgets its retries once it has news. */
  private planRetry(broker: BrokerConfig, outcome: FetchOutcome): void {
    if (outcome.ok === 'unchanged') return;
    if (!outcome.ok && outcome.transient) this.retries.failed(broker.id);
    else this.retries.cancel(broker.id);
  }

  /** Which broker owns each service and plan id now: from the listed services, else the stored catalogs. */
  private currentOwners(): Map<string, string> {
    const owners = new Map<string, string>();
    for (const [brokerId, entry] of this.stored) {
      for (const id of listedIds(entry.catalog)) owners.set(id, brokerId);
    }
    for (const [brokerId, state] of this.states) {
      for (const service of state.services) {
        owners.set(service.id, brokerId);
        for (const plan of service.plans) owners.set(plan.id, brokerId);
      }
    }
    return owners;
  }

  private async fetch(broker: BrokerConfig): Promise<FetchOutcome> {
    try {
      const catalog = await this.options.clientFor(broker).catalog();
      return { ok: true, catalog, fetchedAt: new Date() };
    } catch (error) {
      if (!(error instanceof BrokerError)) {
        this.options.log.error({ brokerId: broker.id, err: error }, 'Catalog fetch failed');
        return {
          ok: false,
          reason: `The catalog could not be fetched: ${error instanceof Error ? error.message : String(error)}.`,
          transient: true,
        };
      }
      this.options.log.warn({ brokerId: broker.id, kind: error.kind, status: error.status }, error.message);
      return { ok: false, reason: `${error.message}.`, transient: isTransient(error) };
    }
  }

  private async settle(
    broker: BrokerConfig,
    outcome: Exclude<FetchOutcome, { ok: 'unchanged' }>,
    knownIds: Map<string, string>,
  ): Promise<BrokerState> {
    const context = { brokerId: broker.id, locality: broker.locality, knownIds };
    let reason: string;
    if (outcome.ok) {
      const result = validateCatalog(outcome.catalog, context);
      if (result.accepted) {
        const entry = { brokerId: broker.id, catalog: outcome.catalog, fetchedAt: outcome.fetchedAt };
        // A database that cannot store it (an outage) does not hide a good catalog; the next refresh stores it.
        if (!outcome.stored)
          await this.options.repository.save(entry).catch((error: unknown) => {
            this.options.log.warn({ brokerId: broker.id, err: error }, 'Cannot store the fetched catalog');
          });
        this.stored.set(broker.id, entry);
        return {
          services: result.services,
          status: {
            ...statusBase(broker),
            state: 'ok',
            warnings: result.warnings,
            lastRefreshedAt: outcome.fetchedAt.toISOString(),
          },
        };
      }
      reason = `The catalog was rejected: ${summarise(result.reasons)}.`;
      this.options.log.warn({ brokerId: broker.id, reasons: result.reasons }, 'Catalog rejected');
    } else {
      reason = outcome.reason;
    }
    const unreachable = outcome.ok ? {} : { unreachable: true };
    const problem = outcome.ok ? 'rejected' : 'unreachable';

    const previous = this.stored.get(broker.id);
    const fallback = previous && validateCatalog(previous.catalog, context);
    if (previous && fallback?.accepted) {
      return {
        services: fallback.services,
        status: {
          ...statusBase(broker),
          state: 'unavailable',
          reason: `${reason} Showing its services from the catalog fetched at ${previous.fetchedAt.toISOString()}.`,
          problem,
          warnings: fallback.warnings,
          lastRefreshedAt: previous.fetchedAt.toISOString(),
          ...unreachable,
          stale: true,
        },
      };
    }
    return {
      services: [],
      status: { ...statusBase(broker), state: 'unavailable', reason, problem, warnings: [], ...unreachable },
    };
  }
}

/** Whether a failed catalog fetch may succeed when asked again soon: no answer, or 429 or 5xx. */
function isTransient(error: BrokerError): boolean {
  if (error.kind === 'http') return error.status === 429 || (error.status ?? 0) >= 500;
  return error.kind !== 'invalid-response';
}

function statusBase(broker: BrokerConfig): Pick<BrokerStatus, 'id' | 'displayName' | 'locality'> {
  return { id: broker.id, displayName: broker.displayName, locality: broker.locality };
}

function summarise(reasons: string[]): string {
  const shown = reasons.slice(0, 5).join('; ');
  return reasons.length > 5 ? `${shown}; and ${reasons.length - 5} more problems` : shown;
}

/** The service and plan ids a raw catalog lists. */
function listedIds(catalog: unknown): string[] {
  const services = isJsonObject(catalog) && Array.isArray(catalog['services']) ? catalog['services'] : [];
  return services
    .filter(isJsonObject)
    .flatMap((service) => [
      service['id'],
      ...(Array.isArray(service['plans']) ? service['plans'].filter(isJsonObject).map((plan) => plan['id']) : []),
    ])
    .filter((id): id is string => typeof id === 'string');
}
