/**
 * Playwright global setup: builds the UI when the build is older than its sources, starts the
 * whole platform and tells the tests where it runs (E2E_BASE_URL, E2E_BROKER_URL and
 * test-results/e2e-platform.json). The function it returns is the global teardown.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  platformInfoFile,
  repositoryRoot,
  startPlatform,
  stopPlatform,
  type PlatformInfo,
} from './platform.ts';

const builtIndex = join(repositoryRoot, 'dist', 'osb-marketplace', 'browser', 'index.html');
const buildInputs = ['src', 'public', 'angular.json', 'tsconfig.json', 'tsconfig.app.json', 'package-lock.json'];

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (process.env['E2E_SKIP_BUILD'] === '1') {
    console.log('e2e: E2E_SKIP_BUILD=1, using the existing UI build');
  } else if (buildIsFresh()) {
    console.log('e2e: the UI build is newer than its sources, not rebuilding');
  } else {
    buildUi();
  }

  const platform = await startPlatform();
  const info: PlatformInfo = { baseURL: platform.baseURL, brokerURL: platform.brokerURL, dataDir: platform.dataDir };
  process.env['E2E_BASE_URL'] = info.baseURL;
  process.env['E2E_BROKER_URL'] = info.brokerURL;
  process.env['E2E_DATA_DIR'] = info.dataDir;
  writeFileSync(platformInfoFile, `${JSON.stringify(info, null, 2)}\n`);
  console.log(`e2e: platform (pid ${platform.process.pid}) at ${info.baseURL}, demo broker at ${info.brokerURL}`);

  return () => stopPlatform(platform);
}

function buildUi(): void {
  console.log('e2e: building the UI (ng build)');
  const ng = join(repositoryRoot, 'node_modules', '@angular', 'cli', 'bin', 'ng.js');
  const build = spawnSync(process.execPath, [ng, 'build'], { cwd: repositoryRoot, stdio: 'inherit' });
  if (build.status !== 0) {
    throw new Error(`ng build failed (${build.signal ?? `exit code ${build.status}`})`);
  }
}

function buildIsFresh(): boolean {
  const builtAt = statSync(builtIndex, { throwIfNoEntry: false })?.mtimeMs;
  return builtAt !== undefined && buildInputs.every((input) => newestChange(join(repositoryRoot, input)) < builtAt);
}

/** The latest modification time of a file or, recursively, of anything in a directory. */
function newestChange(path: string): number {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestChange(join(path, entry))),
    stats.mtimeMs,
  );
}
