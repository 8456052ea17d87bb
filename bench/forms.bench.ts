/**
 * Forms benchmark: parameter forms of 50, 300 and 1,000 generated fields rendered in Chromium by
 * the marketplace's form (Material widgets) and, in the same run, by ngx-schema-form's own default
 * widgets: time until the form is usable (every field on the page, those in view drawn; a large
 * marketplace form draws the fields out of view when they come near the viewport or get the focus,
 * and the rest a few per frame after that), time until every field is drawn, and time per keystroke
 * in a text field once every field is drawn (medians). Before the first measured form, the page
 * renders one form with each kind of widgets unmeasured, so that neither is timed with code the
 * browser runs for the first time (which would fall on whichever comes first).
 * Serves the forms benchmark page (dist/forms-bench, built by `ng build forms-bench`).
 */
import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { conditions, launchChromium, median, ms } from './support/harness.ts';

const SIZES = (process.env['BENCH_FORM_SIZES'] ?? '50,300,1000').split(',').map(Number);
const ROUNDS = Number(process.env['BENCH_FORM_ROUNDS'] ?? 3);
// BENCH_CPU_PROF=<directory> writes the page's CPU profile of each measured render (until usable) there.
const profileDirectory = process.env['BENCH_CPU_PROF'];
const root = join(import.meta.dirname, '..', 'dist', 'forms-bench', 'browser');
if (!existsSync(join(root, 'index.html')))
  throw new Error('Build the forms benchmark page first: npx ng build forms-bench');

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer((request, response) => {
  const path = normalize(new URL(request.url ?? '/', 'http://x').pathname).replace(/^(\.\.[/\\])+/, '');
  const file = join(root, path === '/' ? 'index.html' : path);
  if (!existsSync(file)) return response.writeHead(404).end();
  response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

declare const benchForms: {
  render(count: number, widgets: string, profile?: string): Promise<{ usable: number; allDrawn: number }>;
  keystroke(character: string): Promise<number>;
};

console.log(`# Forms benchmark\nConditions: ${conditions()}`);
console.log(
  'render: until every field is on the page and those in the 1350x940 viewport are drawn (forms of more than 30 fields draw the rest when they come near the viewport or get the focus, and a few per frame after that); all drawn: until no field is left to draw; keystroke: input event to the next painted frame, after all are drawn; one unmeasured render of each kind of widgets before the first measured one',
);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1350, height: 940 } });
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  await page.waitForFunction(() => 'benchForms' in window);
  for (const widgets of ['app', 'default'])
    await page.evaluate(([n, w]) => benchForms.render(n as number, w as string), [SIZES[0]!, widgets]);
  const profiles: Record<string, object> = {};
  if (profileDirectory) {
    const session = await page.context().newCDPSession(page);
    session.on('Profiler.consoleProfileFinished', ({ title, profile }) => (profiles[title ?? ''] = profile));
    await session.send('Profiler.enable');
  }
  for (const count of SIZES) {
    const figures: Record<string, { render: number; keystroke: number }> = {};
    for (const widgets of ['app', 'default']) {
      const renders: number[] = [];
      const allDrawn: number[] = [];
      const keystrokes: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const profile = profileDirectory ? `forms-${count}-${widgets}-${round + 1}` : undefined;
        const times = await page.evaluate(
          ([n, w, p]) => benchForms.render(n as number, w as string, p as string),
          [count, widgets, profile],
        );
        renders.push(times.usable);
        allDrawn.push(times.allDrawn);
        for (const character of 'abcdef')
          keystrokes.push(await page.evaluate((c) => benchForms.keystroke(c), character));
      }
      figures[widgets] = { render: median(renders), keystroke: median(keystrokes) };
      console.log(
        `${count} fields, ${widgets === 'app' ? 'marketplace form (Material widgets)' : "ngx-schema-form's default widgets"}: ` +
          `render ${ms(median(renders))} (${renders.map(ms).join(', ')}), all drawn ${ms(median(allDrawn))}, keystroke median ${ms(median(keystrokes))}, max ${ms(Math.max(...keystrokes))}`,
      );
    }
    console.log(
      `${count} fields: render ratio marketplace / default widgets ${(figures['app']!.render / figures['default']!.render).toFixed(2)}`,
    );
  }
  if (profileDirectory) {
    mkdirSync(profileDirectory, { recursive: true });
    for (const [title, profile] of Object.entries(profiles))
      writeFileSync(join(profileDirectory, `${title}.cpuprofile`), JSON.stringify(profile));
    console.log(`CPU profiles of the measured renders: ${profileDirectory}`);
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`Conditions at the end: ${conditions()}`);
