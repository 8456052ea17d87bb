/**
 * `npm run bench`: runs the benchmarks named on the command line (default: all) one after the
 * other, each in a process of its own. Each prints its figures and the conditions it ran under.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ALL = ['initial-load', 'forms', 'catalog', 'api', 'instances-list', 'startup'];
const chosen = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ALL;
let failed = 0;
for (const name of chosen) {
  if (!ALL.includes(name)) throw new Error(`Unknown benchmark ${name}; choose from ${ALL.join(', ')}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, `${name}.bench.ts`)], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failed++;
  console.log('');
}
process.exit(failed > 0 ? 1 : 0);
