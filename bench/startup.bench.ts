/**
 * Start-up benchmark: how long the platform takes to start (embedded database and its migrations,
 * every broker's catalog fetched and checked, listening), with one good broker and with the good
 * broker among the six hostile ones of the hostile-broker tests (server/test/support/hostile-brokers.ts).
 * Started as the server tests start it, in this process with the brokers, over a new data
 * directory each time.
 */
import { performance } from 'node:perf_hooks';
import type { CatalogResponse } from '@osb/api';
import { startTestPlatform } from '../server/test/helper.ts';
import { startHostileBrokers } from '../server/test/support/hostile-brokers.ts';
import { temporaryDirectory, type TestBrokerEntry } from '../server/test/support/test-config.ts';
import { startTestIssuer, type TestIssuer } from '../server/test/support/test-issuer.ts';
import { conditions, median, ms } from './support/harness.ts';

const RUNS = Number(process.env['BENCH_STARTUP_RUNS'] ?? 3);

/** Starts the platform over `brokers` once: the time until it listens, and whether it lists the good broker's services. */
async function timedStart(
  issuer: TestIssuer,
  brokers: TestBrokerEntry[],
): Promise<{ ms: number; goodListed: boolean }> {
  const directory = await temporaryDirectory();
  try {
    const started = performance.now();
    const platform = await startTestPlatform({ issuer: issuer.issuer, dataDir: directory.path, brokers });
    const elapsed = performance.now() - started;
    try {
      const token = await issuer.sign({ sub: 'alice' });
      const { body } = await platform.call<CatalogResponse>('GET', '/api/catalog', { token });
      return { ms: elapsed, goodListed: body.services.some((service) => service.id === 'good-service-id') };
    } finally {
      await platform.close();
    }
  } finally {
    await directory.remove();
  }
}

/** Starts the platform `RUNS` times over `brokers` and prints one line. */
async function measure(label: string, issuer: TestIssuer, brokers: TestBrokerEntry[]): Promise<void> {
  const runs = [];
  for (let run = 0; run < RUNS; run++) runs.push(await timedStart(issuer, brokers));
  const times = runs.map((run) => run.ms);
  const listed = runs.every((run) => run.goodListed) ? "good broker's services listed" : 'GOOD BROKER MISSING';
  console.log(`start with ${label}: ${times.map(ms).join(', ')} (median ${ms(median(times))}; ${listed})`);
}

console.log(`# Start-up benchmark (embedded database)\nConditions: ${conditions()}`);
const issuer = await startTestIssuer();
const hostile = await startHostileBrokers();
try {
  const good = hostile.entries.filter((entry) => entry.id === 'good');
  await measure('the good broker alone', issuer, good);
  await measure(`the good broker among ${hostile.entries.length - 1} hostile ones`, issuer, hostile.entries);
} finally {
  await hostile.close();
  await issuer.close();
}
console.log(`Conditions at the end: ${conditions()}`);
