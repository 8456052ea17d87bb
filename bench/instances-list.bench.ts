/**
 * Instances list benchmark: a project with 500 instances (ordered through the API, spread over
 * five services) in a catalog of 5,000 services. Measures the list's search, filter and sort
 * requests (median and p95 of sequential requests) and, in Chromium, the time from navigation
 * to the list and from the last keystroke of a search or a change of sort to the list shown.
 */
import { performance } from 'node:perf_hooks';
import {
  BENCH_PROJECT,
  conditions,
  launchChromium,
  median,
  ms,
  percentile,
  signInPage,
  size,
  startBenchPlatform,
} from './support/harness.ts';
import { seedInstances } from './support/instances.ts';
import { syntheticCatalog } from './support/synthetic-brokers.ts';

const BROKERS = 50;
const SERVICES_PER_BROKER = 100;
const INSTANCES = 500;
const REPEATS = 30;

/** The display name of service `index` of broker 0, as the benchmark's catalog names it. */
function serviceNameOf(index: number): string {
  return String((syntheticCatalog(0, 5).services[index]!['metadata'] as { displayName: string }).displayName);
}

const QUERIES: [label: string, query: string][] = [
  ['first page (100), oldest first', 'limit=100'],
  ['all 500', 'limit=500'],
  ['search by name', 'search=instance-12'],
  ['search by service name', `search=${encodeURIComponent(serviceNameOf(1))}`],
  ['filter by state', 'state=succeeded'],
  ['filter by service', 'serviceId=svc-0-1'],
  ['filter shared by us', 'sharing=by-us'],
  ['sort by name, descending', 'sort=name&order=desc'],
  ['sort by service', 'sort=service'],
  ['sort by status, page 4', 'sort=status&offset=300'],
];

/** Times `REPEATS` sequential requests of one query. */
async function timeQuery(url: string, token: string, query: string): Promise<string> {
  const times: number[] = [];
  let bytes = 0;
  let total = '';
  for (let round = 0; round < REPEATS; round++) {
    const started = performance.now();
    const response = await fetch(`${url}/api/projects/${BENCH_PROJECT}/service-instances?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = await response.arrayBuffer();
    times.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`${query}: HTTP ${response.status}`);
    bytes = body.byteLength;
    total = response.headers.get('x-total-count') ?? '?';
  }
  return `median ${ms(median(times))}, p95 ${ms(percentile(times, 95))}, ${total} match, ${size(bytes)} a page`;
}

console.log(`# Instances list benchmark (embedded database)\nConditions: ${conditions()}`);
const platform = await startBenchPlatform(BROKERS, SERVICES_PER_BROKER);
try {
  const token = await platform.token();
  const seeding = performance.now();
  await seedInstances(platform.url, token, INSTANCES, 5);
  console.log(
    `ordered ${INSTANCES} instances of 5 services (catalog: ${BROKERS * SERVICES_PER_BROKER} services) in ${ms(performance.now() - seeding)}`,
  );

  console.log(`\n## API: ${REPEATS} sequential requests each`);
  for (const [label, query] of QUERIES) {
    console.log(`GET ?${query} (${label}): ${await timeQuery(platform.url, token, query)}`);
  }

  console.log('\n## UI in Chromium (production build, desktop viewport)');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const path = `/projects/${BENCH_PROJECT}/instances`;
    await signInPage(page, platform.url, path);
    await page.locator('mp-instance-list-item').first().waitFor({ timeout: 120_000 });

    const count = page.locator('.mp-instances-page__count');
    const shownAfter = async (act: () => Promise<void>, expected: RegExp) => {
      const started = performance.now();
      await act();
      await count.filter({ hasText: expected }).waitFor({ timeout: 60_000 });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
      return performance.now() - started;
    };

    const navigations: number[] = [];
    for (let round = 0; round < 5; round++) {
      await page.goto(`${platform.url}/projects/${BENCH_PROJECT}/marketplace`);
      await page.locator('mp-service-card').first().waitFor({ timeout: 120_000 });
      navigations.push(
        await shownAfter(async () => {
          await page
            .getByRole('navigation', { name: 'Main' })
            .getByRole('link', { name: 'Instances', exact: true })
            .click();
        }, /500 instances/),
      );
    }
    console.log(`navigation to the list (100 of 500 drawn): median ${ms(median(navigations))}`);

    const searches: number[] = [];
    const sorts: number[] = [];
    const filters: number[] = [];
    const search = page.getByRole('searchbox');
    for (let round = 0; round < 5; round++) {
      searches.push(await shownAfter(() => search.fill(`instance-4${round}`), /^\s*11 instances\s*$/));
      await shownAfter(() => search.fill(''), /500 instances/);
      sorts.push(
        await shownAfter(async () => {
          await page.getByRole('combobox', { name: 'Sort by' }).click();
          await page.getByRole('option', { name: round % 2 ? 'Order date' : 'Name' }).click();
        }, /500 instances/),
      );
      filters.push(
        await shownAfter(async () => {
          await page.getByRole('combobox', { name: 'Service' }).click();
          await page.getByRole('option').nth(1).click();
        }, /^\s*100 instances\s*$/),
      );
      await shownAfter(async () => {
        await page.getByRole('combobox', { name: 'Service' }).click();
        await page.getByRole('option', { name: 'Any service' }).click();
      }, /500 instances/);
    }
    console.log(
      `search typed → filtered list shown: median ${ms(median(searches))} (includes the 300 ms pause before the search is sent)`,
    );
    console.log(`sort changed → sorted list shown: median ${ms(median(sorts))}`);
    console.log(`service filter chosen → filtered list shown: median ${ms(median(filters))}`);
  } finally {
    await browser.close();
  }
} finally {
  await platform.close();
}
console.log(`Conditions at the end: ${conditions()}`);
