/**
 * The platform's OSB clients: one per configured broker, built once and shared by the catalog
 * and the instance and binding operations.
 */
import type { BrokerConfig } from '../config/config.ts';
import type { BrokerReply } from './broker-reply.ts';
import { OsbClient, type BrokerOperations } from './osb-client.ts';

/** What every client is built with besides its broker's URL and credentials. */
export interface OsbClientsOptions {
  /** The platform's public URL (for `X-Api-Info-Location`). */
  publicUrl: string;
  /** Timeout of catalog requests, in seconds. */
  catalogTimeoutSeconds: number;
  /** Timeout of lifecycle requests and polls, in seconds. */
  operationTimeoutSeconds: number;
}

/** Finds the lifecycle requests of a broker by its id. */
export interface BrokerDirectory {
  /** The broker's operations; a broker no longer configured answers every request as unreachable. */
  broker(brokerId: string): BrokerOperations;
}

const unreachable = async (): Promise<BrokerReply> => ({ kind: 'unreachable' });

/** A broker that is no longer configured: no request can reach it. */
const MISSING_BROKER: BrokerOperations = {
  provision: unreachable,
  update: unreachable,
  deprovision: unreachable,
  lastOperation: unreachable,
  fetchInstance: unreachable,
  bind: unreachable,
  unbind: unreachable,
  fetchBinding: unreachable,
  bindingLastOperation: unreachable,
};

/** One `OsbClient` per configured broker, keyed by broker id. */
export class OsbClients implements BrokerDirectory {
  private readonly clients: Map<string, OsbClient>;

  /** @param brokers the configured brokers @param options the public URL and the timeouts */
  constructor(brokers: readonly BrokerConfig[], options: OsbClientsOptions) {
    this.clients = new Map(
      brokers.map((broker) => [
        broker.id,
        new OsbClient({
          url: broker.url,
          username: broker.username,
          password: broker.password,
          publicUrl: options.publicUrl,
          // A broker's own timeout bounds every request to it, the catalog included.
          timeoutSeconds: broker.requestTimeoutSeconds ?? options.operationTimeoutSeconds,
          catalogTimeoutSeconds: broker.requestTimeoutSeconds ?? options.catalogTimeoutSeconds,
        }),
      ]),
    );
  }

  /** The client of a configured broker. */
  client(brokerId: string): OsbClient | undefined {
    return this.clients.get(brokerId);
  }

  /** The calls to a broker: its client, or for a broker no longer configured, calls that answer `unreachable`. */
  broker(brokerId: string): BrokerOperations {
    return this.clients.get(brokerId) ?? MISSING_BROKER;
  }
}
