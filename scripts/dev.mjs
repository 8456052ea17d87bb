#!/usr/bin/env node
/**
 * `npm run dev`: the platform server with the demo configuration (API, development OpenID
 * provider, demo broker) and `ng serve`, which reloads the UI on every change and proxies the
 * platform's paths to it (proxy.conf.json). Ctrl-C stops both.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const uiUrl = 'http://localhost:4200/';

const processes = [
  start('platform', ['--import', 'tsx', 'server/src/main.ts']),
  start('ui', [
    join(root, 'node_modules', '@angular', 'cli', 'bin', 'ng.js'),
    'serve',
    'osb-marketplace',
    '--host',
    '127.0.0.1',
    '--port',
    '4200',
  ]),
];
console.log(`Starting the platform and the UI; open ${uiUrl} once "ng serve" says it is ready. Ctrl-C stops both.`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(0));

/** Starts `node args…` in the repository root with the console attached. */
function start(name, args) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`The ${name} process stopped (${signal ?? `exit code ${code}`}); stopping the other one.`);
    stopAll(code || 1);
  });
  return child;
}

/** Stops every process that still runs, by its id, then exits. */
async function stopAll(exitCode) {
  if (stopping) return;
  stopping = true;
  const running = processes.filter((child) => child.exitCode === null && child.signalCode === null);
  await Promise.all(
    running.map(
      (child) =>
        new Promise((done) => {
          child.once('exit', done);
          child.kill('SIGTERM');
        }),
    ),
  );
  process.exit(exitCode);
}
