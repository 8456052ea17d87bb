/**
 * Catalog benchmark: 500, 2,000 and 5,000 services from 50 brokers. For each size: the catalog's
 * refresh time, the listing's bytes (raw, gzip, brotli as sent) and latency, and in Chromium the
 * time from navigation to the first cards, the longest blocked stretch, and the time per search
 * keystroke and for clearing the search.
 */
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright';
import {
  BENCH_PROJECT,
  conditions,
  launchChromium,
  longTasks,
  median,
  ms,
  recordLongTasks,
  signInPage,
  size,
  startBenchPlatform,
} from './support/harness.ts';

const BROKERS = 50;
const SIZES = (process.env['BENCH_CATALOG_SIZES'] ?? '500,2000,5000').split(',').map(Number);
const SEARCH = 'database';
const MARKETPLACE = `/projects/${BENCH_PROJECT}/marketplace`;

/** Bytes on the wire and time of one GET with the given Accept-Encoding. */
function get(
  url: string,
  token: string,
  encoding: string,
): Promise<{ bytes: number; ms: number; status: number; encoding: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { headers: { authorization: `Bearer ${token}`, 'accept-encoding': encoding } },
      (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('end', () =>
          resolve({
            bytes,
            ms: performance.now() - started,
            status: response.statusCode ?? 0,
            encoding: String(response.headers['content-encoding'] ?? 'identity'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Time from clicking the Marketplace link (on the Instances page) to the first card, and long tasks meanwhile. */
async function navigateToCards(page: Page): Promise<{ toCards: number; longest: number }> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Instances', exact: true }).click();
  await page.waitForURL(/\/instances$/);
  await page.waitForTimeout(500);
  const clickedAt = await page.evaluate(() => performance.now());
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Marketplace', exact: true }).click();
  await page.locator('mp-service-card').first().waitFor({ timeout: 120_000 });
  const shownAt = await page.evaluate(() => performance.now());
  await page.waitForTimeout(1000);
  const tasks = await longTasks(page, clickedAt);
  return { toCards: shownAt - clickedAt, longest: Math.max(0, ...tasks.map((task) => task.duration)) };
}

/** Time from a full page load (reload) of the marketplace to the first card, and long tasks meanwhile. */
async function loadToCards(page: Page, url: string): Promise<{ toCards: number; longest: number }> {
  await page.goto(url);
  await page.locator('mp-service-card').first().waitFor({ timeout: 120_000 });
  const shownAt = await page.evaluate(() => performance.now());
  await page.waitForTimeout(1000);
  const tasks = await longTasks(page, 0);
  return { toCards: shownAt, longest: Math.max(0, ...tasks.map((task) => task.duration)) };
}

/** Types `text` into the search field one character at a time; the time from each input to the next painted frame. */
async function typeSearch(page: Page, text: string): Promise<{ keystrokes: number[]; clear: number }> {
  const input = page.getByRole('searchbox');
  await input.focus();
  const keystrokes: number[] = [];
  for (const character of text) {
    keystrokes.push(await page.evaluate((typed) => inputAndPaint(typed, true), character));
  }
  const clear = await page.evaluate(() => inputAndPaint('', false));
  return { keystrokes, clear };
}

declare function inputAndPaint(text: string, append: boolean): Promise<number>;

const inputAndPaintScript = () => {
  (window as unknown as { inputAndPaint: typeof inputAndPaint }).inputAndPaint = (text, append) => {
    const input = document.querySelector<HTMLInputElement>('input[type=search]')!;
    const started = performance.now();
    input.value = append ? input.value + text : text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return new Promise((resolve) =>
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started))),
    );
  };
};

console.log(`# Catalog benchmark\nConditions: ${conditions()}`);
for (const services of SIZES) {
  const platform = await startBenchPlatform(BROKERS, services / BROKERS);
  try {
    const token = await platform.token();
    const url = `${platform.url}/api/catalog`;
    const plain = await get(url, token, 'identity');
    const gzip = await get(url, token, 'gzip');
    const brotli = await get(url, token, 'br, gzip');
    const latencies: number[] = [];
    for (let round = 0; round < 10; round++) latencies.push((await get(url, token, 'br, gzip')).ms);

    const browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1350, height: 940 } });
    await recordLongTasks(page);
    await page.addInitScript(inputAndPaintScript);
    await signInPage(page, platform.url, MARKETPLACE);
    await page.locator('mp-service-card').first().waitFor({ timeout: 120_000 });
    const navigations = [await navigateToCards(page), await navigateToCards(page)];
    const search = await typeSearch(page, SEARCH);
    const cardsInDom = await page.locator('mp-service-card').count();
    const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
    const load = await loadToCards(page, `${platform.url}${MARKETPLACE}`);
    await browser.close();

    console.log(`\n## ${services} services from ${BROKERS} brokers`);
    console.log(`refresh (fetch and validate every broker's catalog): ${platform.refreshMs.map(ms).join(', ')}`);
    console.log(
      `GET /api/catalog: ${size(plain.bytes)} uncompressed, ${size(gzip.bytes)} as ${gzip.encoding}, ${size(brotli.bytes)} as ${brotli.encoding}; ` +
        `latency median ${ms(median(latencies))} (10 sequential requests, status ${brotli.status})`,
    );
    console.log(
      `navigation (in-app link) to cards: ${navigations.map((n) => ms(n.toCards)).join(', ')}; longest blocked stretch ${navigations.map((n) => ms(n.longest)).join(', ')}`,
    );
    console.log(`full page load to cards: ${ms(load.toCards)}; longest blocked stretch ${ms(load.longest)}`);
    console.log(
      `search keystroke (input to painted frame, typing "${SEARCH}"): median ${ms(median(search.keystrokes))}, max ${ms(Math.max(...search.keystrokes))}; clearing the search ${ms(search.clear)}`,
    );
    console.log(`after clearing the search: ${cardsInDom} cards and ${elements} elements in the DOM`);
  } finally {
    await platform.close();
  }
}
console.log(`\nConditions at the end: ${conditions()}`);
