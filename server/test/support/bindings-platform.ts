/**
 * A platform for binding and sharing tests: the app with provisioning, bindings and sharing
 * over the given brokers, listening on 127.0.0.1 port 0, with fast provisioning timings, a
 * clock the test can move, and every log line the server writes (at trace level) kept.
 */
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { OidcDiscovery } from '../../src/auth/oidc-discovery.ts';
import { ProjectAccess } from '../../src/auth/project-access.ts';
import { registerInstancesWithBindings, type InstancesWithBindings } from '../../src/bindings/bindings.ts';
import { CatalogRepository } from '../../src/store/catalog-repository.ts';
import type { Database } from '../../src/store/database.ts';
import { openDatabase } from '../../src/store/open-database.ts';
import { FAST_PROVISIONING } from './provisioning-platform.ts';
import { testConfig, type TestBrokerEntry } from './test-config.ts';

/** A clock a test sets and moves. */
export class TestClock {
  private offsetMs = 0;

  /** The current time: real time plus the offset. */
  readonly now = (): number => Date.now() + this.offsetMs;

  /** Moves the clock forward. */
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

/** A running platform for binding tests. */
export interface BindingsPlatform {
  url: string;
  app: FastifyInstance;
  database: Database;
  parts: InstancesWithBindings;
  clock: TestClock;
  /** Everything the server logged so far, one JSON line each. */
  logs(): string;
  close(): Promise<void>;
}

/** Starts the platform with its data in `dataDir` over `brokers` (basic auth `broker-user` / `broker-secret-password`). */
export async function startBindingsPlatform(options: {
  issuer: string;
  brokers: TestBrokerEntry[];
  dataDir: string;
  /** Seconds between expiry checks (default: an hour, so tests trigger checks themselves). */
  expiryCheckIntervalSeconds?: number;
}): Promise<BindingsPlatform> {
  const config = testConfig({ issuer: options.issuer, dataDir: options.dataDir, brokers: options.brokers });
  config.expiry = { warningDays: 7, checkIntervalSeconds: options.expiryCheckIntervalSeconds ?? 3600 };
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const clock = new TestClock();
  const database = await openDatabase(config.database);
  const app = await buildApp(config, { database, logger: { level: 'trace', stream } });
  const parts = await registerInstancesWithBindings(app, {
    config,
    database,
    catalog: app.catalog,
    catalogRepository: new CatalogRepository(database),
    discovery: new OidcDiscovery(config.auth.issuer),
    settings: FAST_PROVISIONING,
    log: app.log,
    projects: new ProjectAccess(config),
    users: config.users,
    clock: clock.now,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    database,
    parts,
    clock,
    logs: () => lines.join(''),
    async close() {
      await app.close();
      await database.close();
    },
  };
}
