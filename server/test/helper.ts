/**
 * The one way server tests start the platform: `startTestPlatform` builds the whole app with
 * `buildApp` over a test configuration (the demo's users and projects, the test's brokers, a
 * temporary data directory), shortens the operation timings, gives it a clock the test moves,
 * listens on 127.0.0.1 port 0, and returns it with helpers that call it over real HTTP.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import type { CatalogResponse, ServiceInstance } from '@osb/api';
import type { FastifyInstance } from 'fastify';
import { buildApp, type Platform } from '../src/app.ts';
import type { MarketplaceConfig } from '../src/config/config.ts';
import type { ProvisioningOverrides } from '../src/operations/settings.ts';
import type { Database } from '../src/store/database.ts';
import { openDatabase } from '../src/store/open-database.ts';
import { startDemoBroker, type DemoBrokerOptions, type RunningDemoBroker } from '../src/demo-broker/demo-broker.ts';
import { eventually, scriptedCatalog, startScriptedBroker, type ScriptedBroker } from './support/scripted-broker.ts';
import { temporaryDirectory, testConfig, type TestBrokerEntry } from './support/test-config.ts';
import { startTestIssuer, type TestIssuer } from './support/test-issuer.ts';

/**
 * Timings for tests: polls every few milliseconds and quick orphan-mitigation retries. The request
 * timeout stays generous (10 s), so that a broker answering slowly on a busy machine is not taken
 * for one that never answers; tests of that case set a short one of their own.
 */
export const FAST_PROVISIONING: ProvisioningOverrides = {
  requestTimeoutSeconds: 10,
  polling: { initialDelayMs: 20, minDelayMs: 10, backoffFactor: 1.2, maxBackoffDelayMs: 50, maxRetryAfterMs: 200 },
  orphanMitigation: { initialDelayMs: 20, factor: 2, maxDelayMs: 100 },
};

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

/** An answer of the platform. */
export interface Answer<T> {
  status: number;
  /** The parsed JSON body; `undefined` when empty. */
  body: T;
  headers: Headers;
}

/** A running platform for a test. */
export interface TestPlatform {
  /** Where it listens. */
  url: string;
  /** The public URL the platform tells brokers. */
  publicUrl: string;
  config: MarketplaceConfig;
  app: FastifyInstance;
  /** The platform's services (instances, bindings, shares, expiry, catalog). */
  parts: Platform;
  database: Database;
  clock: TestClock;
  /** Everything the server logged so far (at trace level), one JSON line each; empty unless `captureLogs`. */
  logs(): string;
  /** Sends a request with the bearer `token` (if any) and a JSON `body` (if any). */
  call<T = unknown>(method: string, path: string, options?: { body?: unknown; token?: string }): Promise<Answer<T>>;
  /** Closes the app and then its database (once, however often it is called). */
  close(): Promise<void>;
}

/** What the test platform is built from. */
export interface TestPlatformOptions {
  /** A complete configuration; otherwise one is made from `issuer`, `dataDir` and `brokers`. */
  config?: MarketplaceConfig;
  issuer?: string;
  dataDir?: string;
  /** Brokers with basic auth `broker-user` / `broker-secret-password`. */
  brokers?: TestBrokerEntry[];
  /** Seconds between expiry checks (default: an hour, so tests trigger checks themselves). */
  expiryCheckIntervalSeconds?: number;
  /** Where the built UI is. */
  uiRoot?: string;
  /** Where the built marketplace element and demo portal are. */
  embedRoot?: string;
  portalRoot?: string;
  /** Keep every log line (at trace level) for `logs()`. */
  captureLogs?: boolean;
  /** An open database to use (left open by `close`); default: the configuration's own. */
  database?: Database;
  /** Timings that replace some of the fast test timings (`FAST_PROVISIONING`). */
  provisioning?: ProvisioningOverrides;
  /** Adds to the app before it listens (for example a route that fails on purpose). */
  beforeListen?: (app: FastifyInstance) => void;
}

/** Starts the whole platform for a test. */
export async function startTestPlatform(options: TestPlatformOptions): Promise<TestPlatform> {
  const config =
    options.config ??
    testConfig({ issuer: options.issuer!, dataDir: options.dataDir!, brokers: options.brokers ?? [] });
  if (options.expiryCheckIntervalSeconds !== undefined)
    config.expiry = { ...config.expiry, checkIntervalSeconds: options.expiryCheckIntervalSeconds };
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const clock = new TestClock();
  const database = options.database ?? (await openDatabase(config.database));
  const app = await buildApp(config, {
    database,
    logger: options.captureLogs ? { level: 'trace', stream } : false,
    uiRoot: options.uiRoot,
    embedRoot: options.embedRoot,
    portalRoot: options.portalRoot,
    settings: {
      ...FAST_PROVISIONING,
      ...options.provisioning,
      polling: { ...FAST_PROVISIONING.polling, ...options.provisioning?.polling },
    },
    clock: clock.now,
  });
  options.beforeListen?.(app);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    publicUrl: config.server.publicUrl,
    config,
    app,
    parts: app.platform,
    database,
    clock,
    logs: () => lines.join(''),
    call: (method, path, callOptions) => callPlatform(url, method, path, callOptions),
    close() {
      closing ??= app.close().then(() => (options.database ? undefined : database.close()));
      return closing;
    },
  };
}

/** Calls a platform at `url` over HTTP. */
export async function callPlatform<T = unknown>(
  url: string,
  method: string,
  path: string,
  options: { body?: unknown; token?: string } = {},
): Promise<Answer<T>> {
  const { body, token } = options;
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(token !== undefined ? { Authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
}

/** A platform with an OpenID issuer, a broker and a temporary data directory of its own. */
export interface Scenario<Broker> {
  platform: TestPlatform;
  broker: Broker;
  issuer: TestIssuer;
  /** An access token of `alice` (a member of `likvid-payments` and `likvid-mobile`). */
  token: string;
  /** The platform's data directory (removed by `close`). */
  dataDir: string;
  /**
   * Closes the platform (if still open) and starts it again on the same data directory and brokers,
   * with the scenario's options, or with `overrides` of them for this run.
   */
  restart(overrides?: ScenarioPlatformOptions): Promise<TestPlatform>;
  /** Stops the platform, the broker and the issuer, and removes the data directory. */
  close(): Promise<void>;
}

/** The platform's options besides what a scenario gives it (issuer, data directory, brokers). */
export type ScenarioPlatformOptions = Omit<TestPlatformOptions, 'config' | 'issuer' | 'dataDir' | 'brokers'>;

/** What a scenario starts: its broker, and the configuration's broker entries for it. */
export interface ScenarioOptions<Broker> extends ScenarioPlatformOptions {
  startBroker(): Promise<Broker>;
  brokers(broker: Broker): TestBrokerEntry[];
}

/** Starts an issuer, a broker and the platform over a new temporary data directory. */
export async function startScenario<Broker extends { close(): Promise<void> }>(
  options: ScenarioOptions<Broker>,
): Promise<Scenario<Broker>> {
  const { startBroker, brokers, ...platformOptions } = options;
  const issuer = await startTestIssuer();
  const token = await issuer.sign({ sub: 'alice' });
  const directory = await temporaryDirectory();
  const broker = await startBroker();
  const start = (overrides: ScenarioPlatformOptions = {}) =>
    startTestPlatform({
      ...platformOptions,
      ...overrides,
      issuer: issuer.issuer,
      dataDir: directory.path,
      brokers: brokers(broker),
    });
  const scenario: Scenario<Broker> = {
    platform: await start(),
    broker,
    issuer,
    token,
    dataDir: directory.path,
    async restart(overrides) {
      await scenario.platform.close();
      scenario.platform = await start(overrides);
      return scenario.platform;
    },
    async close() {
      await scenario.platform.close();
      await broker.close();
      await issuer.close();
      await directory.remove();
    },
  };
  return scenario;
}

/** A scenario whose one broker, `scripted`, is a scripted broker serving `catalog`. */
export function startScriptedScenario(
  catalog: unknown = scriptedCatalog(),
  options: ScenarioPlatformOptions = {},
): Promise<Scenario<ScriptedBroker>> {
  return startScenario({
    ...options,
    startBroker: () => startScriptedBroker(catalog),
    brokers: (broker) => [{ id: 'scripted', url: broker.url }],
  });
}

/**
 * A scenario with the demo broker (a local broker for `eu-de-central`, asynchronous operations
 * of one second) configured as `brokers` (default: `demo-global` and `demo-fra`).
 */
export function startDemoScenario(
  options: ScenarioPlatformOptions & { brokers?: ((demo: RunningDemoBroker) => TestBrokerEntry)[] } = {},
): Promise<Scenario<RunningDemoBroker>> {
  const { brokers = [demoGlobalBroker, demoFrankfurtBroker], ...platformOptions } = options;
  return startScenario({
    ...platformOptions,
    startBroker: () => startTestDemoBroker({ locationIds: ['eu-de-central'], asyncOperationSeconds: 1 }),
    brokers: (demo) => brokers.map((entry) => entry(demo)),
  });
}

/** Starts the demo broker on a free port with the test configuration's broker credentials. */
export function startTestDemoBroker(
  options: Omit<DemoBrokerOptions, 'host' | 'port' | 'username' | 'password'>,
): Promise<RunningDemoBroker> {
  return startDemoBroker({
    host: '127.0.0.1',
    port: 0,
    username: 'broker-user',
    password: 'broker-secret-password',
    ...options,
  });
}

/** The demo broker's global broker as configuration entry `demo-global`. */
export function demoGlobalBroker(demo: RunningDemoBroker): TestBrokerEntry {
  return { id: 'demo-global', url: `${demo.url}/global` };
}

/** The demo broker's Frankfurt broker as configuration entry `demo-fra`, local to `eu-de-central`. */
export function demoFrankfurtBroker(demo: RunningDemoBroker): TestBrokerEntry {
  return { id: 'demo-fra', url: `${demo.url}/locations/eu-de-central`, locality: { location: 'eu-de-central' } };
}

/**
 * Reads an instance or a binding at `path` until its last operation is no longer in progress
 * and returns it; gives up (throws) after the `eventually` timeout.
 */
export function settled<T extends { lastOperation: { state: string } }>(
  platform: Pick<TestPlatform, 'call'>,
  path: string,
  token: string,
  description = `the operation of ${path} to finish`,
): Promise<T> {
  return eventually(async () => {
    const { status, body } = await platform.call<T>('GET', path, { token });
    return status === 200 && body.lastOperation.state !== 'in progress' && body;
  }, description);
}

/** The ids of the catalog's service named `serviceName` and of its plan named `planName`; both must exist. */
export async function offeringIds(
  platform: Pick<TestPlatform, 'call'>,
  token: string,
  serviceName: string,
  planName: string,
): Promise<{ serviceId: string; planId: string }> {
  const { body } = await platform.call<CatalogResponse>('GET', '/api/catalog', { token });
  const service = body.services.find((candidate) => candidate.name === serviceName);
  assert.ok(service, `the catalog offers ${serviceName}`);
  const plan = service.plans.find((candidate) => candidate.name === planName);
  assert.ok(plan, `${serviceName} has a plan ${planName}`);
  return { serviceId: service.id, planId: plan.id };
}

/** What {@link readyInstance} orders: a service and plan by name, the instance's name and parameters. */
export interface InstanceOrder {
  service: string;
  plan: string;
  name: string;
  parameters?: Record<string, unknown>;
}

/** Orders an instance in the project whose instances are at `instancesPath`; returns it once its create operation succeeded. */
export async function readyInstance(
  platform: Pick<TestPlatform, 'call'>,
  token: string,
  instancesPath: string,
  order: InstanceOrder,
): Promise<ServiceInstance> {
  const { status, body } = await platform.call<ServiceInstance>('POST', instancesPath, {
    body: {
      name: order.name,
      ...(await offeringIds(platform, token, order.service, order.plan)),
      parameters: order.parameters ?? {},
    },
    token,
  });
  assert.ok(status === 201 || status === 202, `instance ordered (HTTP ${status})`);
  const ready = await settled<ServiceInstance>(
    platform,
    `${instancesPath}/${body.id}`,
    token,
    `${order.service} instance to be ready`,
  );
  assert.equal(ready.lastOperation.state, 'succeeded', `${order.service} instance provisioned`);
  return ready;
}
