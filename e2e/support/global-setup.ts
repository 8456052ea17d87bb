/**
 * Playwright global setup: builds the UI, the marketplace element and the demo portal when a build
 * is older than its sources, starts the whole platform and tells the tests where it runs
 * (E2E_BASE_URL, E2E_BROKER_URL, E2E_DATA_DIR, E2E_PLAIN_HOST_URL for the plain HTML host page's
 * server, and test-results/e2e-platform.json). The function it returns is the global teardown.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { startPlainHost } from './plain-host.ts';
import {
  freePort,
  platformInfoFile,
  repositoryRoot,
  startPlatform,
  stopPlatform,
  type PlatformInfo,
} from './platform.ts';

/** The Angular projects the platform serves, each with a file its build writes and the sources it reads. */
const builds = [
  { project: 'osb-marketplace', output: 'dist/osb-marketplace/browser/index.html', inputs: ['src', 'public'] },
  { project: 'osb-marketplace-embed', output: 'dist/osb-marketplace-embed/browser/main.js', inputs: ['src'] },
  { project: 'demo-portal', output: 'dist/demo-portal/browser/index.html', inputs: ['demo-portal'] },
];
const sharedBuildInputs = [
  'angular.json',
  'tsconfig.json',
  'tsconfig.app.json',
  'tsconfig.embed.json',
  'package-lock.json',
];

/** Builds what is stale, starts the platform and the plain host page; returns the teardown that stops them. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (process.env['E2E_SKIP_BUILD'] === '1') {
    console.log('e2e: E2E_SKIP_BUILD=1, using the existing builds');
  } else {
    for (const build of builds) {
      if (buildIsFresh(build)) {
        console.log(`e2e: the ${build.project} build is newer than its sources, not rebuilding`);
      } else {
        buildProject(build.project);
      }
    }
  }

  const plainHostURL = `http://127.0.0.1:${await freePort()}`;
  const plainHost = await startPlainHost(Number(new URL(plainHostURL).port));
  const platform = await startPlatform({ allowedOrigins: [plainHostURL] });
  const info: PlatformInfo = { baseURL: platform.baseURL, brokerURL: platform.brokerURL, dataDir: platform.dataDir };
  process.env['E2E_BASE_URL'] = info.baseURL;
  process.env['E2E_BROKER_URL'] = info.brokerURL;
  process.env['E2E_DATA_DIR'] = info.dataDir;
  process.env['E2E_PLAIN_HOST_URL'] = plainHostURL;
  writeFileSync(platformInfoFile, `${JSON.stringify(info, null, 2)}\n`);
  console.log(`e2e: platform (pid ${platform.process.pid}) at ${info.baseURL}, demo broker at ${info.brokerURL}`);

  return async () => {
    plainHost.close();
    await stopPlatform(platform);
  };
}

function buildProject(project: string): void {
  console.log(`e2e: building ${project} (ng build ${project})`);
  const ng = join(repositoryRoot, 'node_modules', '@angular', 'cli', 'bin', 'ng.js');
  const build = spawnSync(process.execPath, [ng, 'build', project], { cwd: repositoryRoot, stdio: 'inherit' });
  if (build.status !== 0) {
    throw new Error(`ng build ${project} failed (${build.signal ?? `exit code ${build.status}`})`);
  }
}

function buildIsFresh(build: (typeof builds)[number]): boolean {
  const builtAt = statSync(join(repositoryRoot, build.output), { throwIfNoEntry: false })?.mtimeMs;
  return (
    builtAt !== undefined &&
    [...build.inputs, ...sharedBuildInputs].every((input) => newestChange(join(repositoryRoot, input)) < builtAt)
  );
}

/** The latest modification time of a file or, recursively, of anything in a directory. */
function newestChange(path: string): number {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestChange(join(path, entry))), stats.mtimeMs);
}
