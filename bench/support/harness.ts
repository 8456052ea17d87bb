/**
 * What every benchmark shares: the conditions it ran under, figures (medians, percentiles), the
 * platform in a process of its own over synthetic brokers, a signed-in token and Chromium.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { chromiumArgs, chromiumExecutable } from '../../scripts/chromium.mjs';
import { signIn } from '../../server/test/support/dev-oidc-browser.ts';
import { SYNTHETIC_BROKER_CREDENTIALS, startSyntheticBrokers, type SyntheticBrokers } from './synthetic-brokers.ts';

/** The demo user every benchmark signs in as, and the project whose pages it opens. */
export const BENCH_USER = { id: 'alice', password: 'bench' };
export const BENCH_PROJECT = 'bench-project';

/** One line describing the machine and its load right now. */
export function conditions(): string {
  const [one, five] = loadavg();
  return `${new Date().toISOString()}, ${cpus().length} cores (${cpus()[0]?.model.trim()}), load average ${one!.toFixed(2)} (1 min) ${five!.toFixed(2)} (5 min), Node ${process.version}`;
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** The p-th percentile (nearest rank) of some numbers. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Milliseconds, rounded for printing. */
export function ms(value: number): string {
  return Number.isNaN(value) ? 'n/a' : `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
}

/** Bytes as kB or MB for printing. */
export function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} kB`;
}

/** A platform started for a benchmark. */
export interface BenchPlatform {
  url: string;
  /** Three timed catalog refreshes after the start. */
  refreshMs: number[];
  /** A bearer token of {@link BENCH_USER}. */
  token(): Promise<string>;
  close(): Promise<void>;
}

/**
 * Starts `brokerCount` synthetic brokers with `servicesPerBroker` services each and the platform
 * over them (embedded database in a temporary directory, development OpenID provider).
 */
export async function startBenchPlatform(brokerCount: number, servicesPerBroker: number): Promise<BenchPlatform> {
  const brokers: SyntheticBrokers = await startSyntheticBrokers(brokerCount, servicesPerBroker);
  const directory = await mkdtemp(join(tmpdir(), 'osb-marketplace-bench-'));
  const configFile = join(directory, 'config.json');
  await writeFile(configFile, JSON.stringify(benchConfig(directory, brokers, brokerCount)));
  // BENCH_CPU_PROF=<directory> writes the platform's CPU profile there when it stops.
  const profileDirectory = process.env['BENCH_CPU_PROF'];
  const child: ChildProcess = fork(join(import.meta.dirname, 'platform-process.ts'), [configFile], {
    execArgv: ['--import', 'tsx', ...(profileDirectory ? ['--cpu-prof', `--cpu-prof-dir=${profileDirectory}`] : [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [started] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => Promise.reject(new Error(`The platform exited with ${code}`))),
  ])) as [{ url: string; refreshMs: number[] }];
  let token: Promise<string> | undefined;
  return {
    url: started.url,
    refreshMs: started.refreshMs,
    token: () =>
      (token ??= signIn({
        issuer: `${started.url}/oidc`,
        clientId: 'osb-marketplace-ui',
        redirectUri: `${started.url}/`,
        username: BENCH_USER.id,
        password: BENCH_USER.password,
      }).then((response) => response.access_token)),
    async close() {
      if (child.exitCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
      }
      await brokers.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

function benchConfig(directory: string, brokers: SyntheticBrokers, brokerCount: number): unknown {
  return {
    server: { host: '127.0.0.1', port: 0, publicUrl: 'http://localhost:9' },
    database: { dataDir: join(directory, 'data') },
    auth: {
      issuer: 'http://localhost:9/oidc',
      clientId: 'osb-marketplace-ui',
      audience: 'osb-marketplace-api',
      devProvider: true,
    },
    demoBroker: { enabled: false, username: 'unused', password: 'unused-password' },
    catalog: { refreshIntervalSeconds: 3600, requestTimeoutSeconds: 30 },
    ui: { productName: 'OSB Marketplace' },
    locations: [
      { id: 'eu-de-central', displayName: 'Frankfurt' },
      { id: 'eu-nl-west', displayName: 'Amsterdam' },
    ],
    // Every fifth broker offers local services in Frankfurt, the others global ones.
    brokers: Array.from({ length: brokerCount }, (_, index) => ({
      id: `bench-broker-${index}`,
      displayName: `Benchmark broker ${index}`,
      url: brokers.urlOf(index),
      ...SYNTHETIC_BROKER_CREDENTIALS,
      locality: index % 5 === 4 ? { location: 'eu-de-central' } : 'global',
    })),
    workspaces: [{ id: 'bench', displayName: 'Benchmark' }],
    projects: [{ id: BENCH_PROJECT, displayName: 'Benchmark project', workspaceId: 'bench', members: [BENCH_USER.id] }],
    users: [
      { id: BENCH_USER.id, displayName: 'Alice Adams', email: 'alice@example.com', password: BENCH_USER.password },
    ],
  };
}

/** Starts Chromium as the tests do. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
}

/** Opens `path` in the app and signs in through the development provider's login page. */
export async function signInPage(page: Page, baseUrl: string, path: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel('Username', { exact: true }).fill(BENCH_USER.id);
  await page.getByLabel('Password', { exact: true }).fill(BENCH_USER.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/oidc'));
}

/** Records every long task (over 50 ms) from the page's start, read back with {@link longTasks}. */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** The long tasks recorded since `since` (page time, ms). */
export function longTasks(page: Page, since = 0): Promise<{ start: number; duration: number }[]> {
  return page.evaluate(
    (from) =>
      (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter(
        (task) => task.start >= from,
      ),
    since,
  );
}
