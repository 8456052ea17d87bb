/**
 * The platform as a benchmark runs it, in a process of its own (so that load generators and
 * browsers do not share its event loop): started from the configuration document in the file
 * named by argv[2], then the catalog refreshed three more times and timed. Tells its parent
 * `{ url, refreshMs }` over IPC and serves until it gets SIGTERM.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { startPlatform } from '../../server/src/start-platform.ts';
import { parseConfig } from '../../server/src/config/load-config.ts';

const document: unknown = JSON.parse(readFileSync(process.argv[2]!, 'utf8'));
const platform = await startPlatform(parseConfig(document, process.argv[2]!), { logger: { level: 'fatal' } });
const refreshMs: number[] = [];
for (let round = 0; round < 3; round++) {
  const started = performance.now();
  await platform.app.catalog.refresh();
  refreshMs.push(performance.now() - started);
}
process.send!({ url: platform.url, refreshMs });
// Ends with the benchmark that started it.
process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
process.on('SIGTERM', () => {
  platform.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
