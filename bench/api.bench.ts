/**
 * API benchmark on the embedded database: the catalog listing (5,000 services from 50 brokers)
 * and a project's instances list (1,000 instances) at 50 and 200 concurrent connections, with
 * autocannon: requests per second, p50, p99, errors and timeouts.
 */
import autocannon from 'autocannon';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { BENCH_PROJECT, conditions, ms, startBenchPlatform } from './support/harness.ts';
import { seedInstances } from './support/instances.ts';

const BROKERS = 50;
const SERVICES_PER_BROKER = 100;
const INSTANCES = Number(process.env['BENCH_INSTANCES'] ?? 1000);
const SECONDS = Number(process.env['BENCH_API_SECONDS'] ?? 10);

/**
 * autocannon 9 appends every chunk of every response body to a string (for body checks, which
 * this benchmark does not use; mcollina/autocannon#485). Decoding a compressed body as UTF-8 is
 * slow: for the 75 kB brotli catalog it cost the load generator about 2 ms of CPU per response,
 * four times what the platform spent answering it, so on two cores the figures measured
 * autocannon. The bodies are dropped instead (autocannon still counts their bytes).
 */
const requestQueue = createRequire(import.meta.url)('autocannon/lib/pipelinedRequestsQueue.js') as {
  prototype: { addBody(data: Buffer): void };
};
requestQueue.prototype.addBody = () => undefined;

/**
 * Waits until the platform answers its health check within 100 ms again: after a load run it
 * may still be working on requests whose clients gave up.
 */
async function settle(url: string): Promise<void> {
  const deadline = performance.now() + 180_000;
  while (performance.now() < deadline) {
    const started = performance.now();
    try {
      await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(10_000) });
      if (performance.now() - started < 100) return;
    } catch {
      // Still busy.
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** Runs autocannon against `url` with `connections` and prints one line. */
async function load(label: string, url: string, token: string, connections: number): Promise<void> {
  const result = await autocannon({
    url,
    connections,
    duration: SECONDS,
    timeout: 10,
    headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'br, gzip' },
  });
  console.log(
    `${label} at ${connections} connections (${SECONDS} s): ${Math.round(result.requests.average)} requests/s, ` +
      `p50 ${ms(result.latency.p50)}, p99 ${ms(result.latency.p99)}, ${result.errors} errors (${result.timeouts} timeouts), ` +
      `${result.non2xx} non-2xx, ${result['2xx']} answered 2xx`,
  );
}

console.log(`# API benchmark (embedded database)\nConditions: ${conditions()}`);
const platform = await startBenchPlatform(BROKERS, SERVICES_PER_BROKER);
try {
  const token = await platform.token();
  // One request first, so the platform has fetched its provider's signing keys before the load.
  await fetch(`${platform.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
  const catalogUrl = `${platform.url}/api/catalog`;
  for (const connections of [50, 200]) {
    await load(`GET /api/catalog (${BROKERS * SERVICES_PER_BROKER} services)`, catalogUrl, token, connections);
    await settle(platform.url);
  }

  const seeding = performance.now();
  await seedInstances(platform.url, token, INSTANCES);
  console.log(`ordered ${INSTANCES} instances in ${ms(performance.now() - seeding)}`);
  const instancesUrl = `${platform.url}/api/projects/${BENCH_PROJECT}/service-instances`;
  for (const connections of [50, 200]) {
    await load(`GET instances list (${INSTANCES} instances, first page)`, instancesUrl, token, connections);
    await settle(platform.url);
  }
} finally {
  await platform.close();
}
console.log(`Conditions at the end: ${conditions()}`);
