/**
 * A platform for provisioning tests: the app over the given brokers, listening on 127.0.0.1
 * port 0, with provisioning timings shortened so that tests run in moments.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { OidcDiscovery } from '../../src/auth/oidc-discovery.ts';
import { ProjectAccess } from '../../src/auth/project-access.ts';
import { registerProvisioning } from '../../src/provisioning/provisioning.ts';
import type { ProvisioningOverrides } from '../../src/operations/settings.ts';
import { CatalogRepository } from '../../src/store/catalog-repository.ts';
import type { Database } from '../../src/store/database.ts';
import { openDatabase } from '../../src/store/open-database.ts';
import { testConfig, type TestBrokerEntry } from './test-config.ts';

/** Timings for tests: polls every few milliseconds, 1 s request timeout, quick orphan-mitigation retries. */
export const FAST_PROVISIONING: ProvisioningOverrides = {
  requestTimeoutSeconds: 1,
  polling: { initialDelayMs: 20, minDelayMs: 10, backoffFactor: 1.2, maxBackoffDelayMs: 50, maxRetryAfterMs: 200 },
  orphanMitigation: { initialDelayMs: 20, factor: 2, maxDelayMs: 100 },
};

/** A running platform for provisioning tests. */
export interface ProvisioningPlatform {
  url: string;
  /** The public URL the platform tells brokers. */
  publicUrl: string;
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

/** Starts the platform with its data in `dataDir` over `brokers` (basic auth `broker-user` / `broker-secret-password`). */
export async function startProvisioningPlatform(options: {
  issuer: string;
  brokers: TestBrokerEntry[];
  dataDir: string;
}): Promise<ProvisioningPlatform> {
  const config = testConfig({ issuer: options.issuer, dataDir: options.dataDir, brokers: options.brokers });
  const database = await openDatabase(config.database);
  const app = await buildApp(config, { database, logger: false });
  await registerProvisioning(app, {
    config,
    database,
    catalog: app.catalog,
    catalogRepository: new CatalogRepository(database),
    discovery: new OidcDiscovery(config.auth.issuer),
    settings: FAST_PROVISIONING,
    log: app.log,
    projects: new ProjectAccess(config),
    users: config.users,
    usernameClaim: config.auth.usernameClaim,
    projectConfigs: config.projects,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    publicUrl: config.server.publicUrl,
    app,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
