/**
 * Initial-load benchmark: the initial JavaScript of the production build (gzip, as
 * `npm run bundle-size` counts it) and Lighthouse performance scores, desktop and mobile, of the
 * signed-out page and of the sign-in page (the app's start for a signed-out user, which ends on
 * the provider's login page). Needs `npm run build` first.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromiumArgs, chromiumExecutable } from '../scripts/chromium.mjs';
import { conditions, median, startBenchPlatform } from './support/harness.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');
const RUNS = Number(process.env['BENCH_LIGHTHOUSE_RUNS'] ?? 1);

/** Lighthouse's performance score (0-100) and key timings of one page. */
async function lighthouse(
  url: string,
  preset: 'desktop' | 'mobile',
): Promise<{ score: number; fcp: number; lcp: number; tbt: number }> {
  const args = [
    url,
    '--output=json',
    '--output-path=stdout',
    '--quiet',
    '--only-categories=performance',
    `--chrome-flags=${chromiumArgs.join(' ')}`,
    ...(preset === 'desktop' ? ['--preset=desktop'] : []),
  ];
  const { stdout } = await run(join(root, 'node_modules', '.bin', 'lighthouse'), args, {
    env: { ...process.env, CHROME_PATH: chromiumExecutable },
    maxBuffer: 64 * 1024 * 1024,
  });
  const report = JSON.parse(stdout) as {
    categories: { performance: { score: number } };
    audits: Record<string, { numericValue?: number }>;
  };
  return {
    score: Math.round(report.categories.performance.score * 100),
    fcp: report.audits['first-contentful-paint']?.numericValue ?? Number.NaN,
    lcp: report.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
    tbt: report.audits['total-blocking-time']?.numericValue ?? Number.NaN,
  };
}

console.log(`# Initial load benchmark\nConditions: ${conditions()}`);
const { stdout: bundle } = await run(process.execPath, [join(root, 'scripts', 'bundle-size.mjs')]);
console.log(`initial JavaScript (raw, gzip -9): ${bundle.trim().split('\n').at(-1)!.trim()}`);

const platform = await startBenchPlatform(1, 10);
try {
  const pages = {
    'signed-out page': `${platform.url}/signed-out`,
    'sign-in page (app start, signed out)': `${platform.url}/`,
  };
  for (const [name, url] of Object.entries(pages)) {
    for (const preset of ['desktop', 'mobile'] as const) {
      const runs = [];
      for (let round = 0; round < RUNS; round++) runs.push(await lighthouse(url, preset));
      const best = runs.sort((a, b) => b.score - a.score)[0]!;
      console.log(
        `Lighthouse ${preset}, ${name}: performance ${runs.map((r) => r.score).join(', ')} ` +
          `(median ${median(runs.map((r) => r.score))}; FCP ${Math.round(best.fcp)} ms, LCP ${Math.round(best.lcp)} ms, TBT ${Math.round(best.tbt)} ms)`,
      );
    }
  }
} finally {
  await platform.close();
}
console.log(`Conditions at the end: ${conditions()}`);
