/**
 * Configurations for tests: the demo's users and projects, brokers of the test's choosing, a
 * temporary data directory.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MarketplaceConfig } from '../../src/config/config.ts';
import { parseConfig } from '../../src/config/load-config.ts';

/** A broker entry as written in the configuration file. */
export interface TestBrokerEntry {
  id: string;
  url: string;
  displayName?: string;
  locality?: 'global' | { location: string };
  /** The broker's own request timeout (`brokers[].requestTimeoutSeconds`). */
  requestTimeoutSeconds?: number;
}

/** Creates a temporary directory, removed by the returned function. */
export async function temporaryDirectory(): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'osb-marketplace-test-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/**
 * The database section for a test platform with its data in `dataDir`: the embedded database
 * there, or, when `DATABASE_URL` is set (the `server-postgres` suite), a schema of that
 * PostgreSQL database named after `dataDir` (so a platform restarted on the same `dataDir`
 * finds its data again).
 */
export function testDatabase(dataDir: string): { dataDir: string; url?: string; schema?: string } {
  const url = process.env.DATABASE_URL;
  if (!url) return { dataDir };
  return { dataDir, url, schema: `osb_test_${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}` };
}

/** A configuration with the demo's locations, workspaces, projects and users. */
export function testConfig(options: {
  issuer: string;
  dataDir: string;
  brokers?: TestBrokerEntry[];
  requestTimeoutSeconds?: number;
  /** More `auth` keys of the configuration file, such as `acceptedClients` or `projectsClaim`. */
  auth?: Record<string, unknown>;
  /** The `embedding` section of the configuration file. */
  embedding?: Record<string, unknown>;
}): MarketplaceConfig {
  return parseConfig(
    {
      server: { host: '127.0.0.1', port: 0, publicUrl: 'http://127.0.0.1:9' },
      database: testDatabase(options.dataDir),
      auth: {
        issuer: options.issuer,
        clientId: 'osb-marketplace-ui',
        audience: 'osb-marketplace-api',
        usernameClaim: 'sub',
        ...options.auth,
      },
      ...(options.embedding ? { embedding: options.embedding } : {}),
      catalog: { refreshIntervalSeconds: 3600, requestTimeoutSeconds: options.requestTimeoutSeconds ?? 5 },
      // Work left by a platform that stopped without handing it back moves on within seconds.
      operations: { leaseSeconds: 5, sweepIntervalSeconds: 1 },
      ui: { productName: 'Test Marketplace', primaryColor: '#005a9c' },
      locations: [
        { id: 'eu-de-central', displayName: 'Frankfurt' },
        { id: 'eu-nl-west', displayName: 'Amsterdam' },
      ],
      brokers: (options.brokers ?? []).map((broker) => ({
        displayName: `Broker ${broker.id}`,
        username: 'broker-user',
        password: 'broker-secret-password',
        locality: 'global',
        ...broker,
      })),
      workspaces: [
        { id: 'likvid-bank', displayName: 'Likvid Bank' },
        { id: 'acme', displayName: 'ACME Corp' },
      ],
      projects: [
        {
          id: 'likvid-payments',
          displayName: 'Payments',
          workspaceId: 'likvid-bank',
          members: ['alice'],
          tenants: [{ id: '123456789012', locationId: 'eu-de-central', platform: 'aws' }],
        },
        { id: 'likvid-mobile', displayName: 'Mobile App', workspaceId: 'likvid-bank', members: ['alice'] },
        { id: 'acme-webshop', displayName: 'Web Shop', workspaceId: 'acme', members: ['bob'] },
      ],
      users: [
        { id: 'alice', displayName: 'Alice Adams', email: 'alice@likvid-bank.example' },
        { id: 'bob', displayName: 'Bob Baker', email: 'bob@acme.example' },
        { id: 'carol', displayName: 'Carol Clark' },
      ],
    },
    'test configuration',
  );
}
