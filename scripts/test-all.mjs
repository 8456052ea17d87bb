#!/usr/bin/env node
/**
 * `npm test`: runs every test suite (unit; server with server-postgres, lint and stories beside it; e2e), each with its normal
 * console output plus a machine-readable report under test-results/, then prints a table of the
 * counts read from those reports and one closing line `N passed, N failed, N skipped`.
 *
 * `node scripts/test-all.mjs server e2e` runs only the named suites.
 *
 * `server-postgres` runs the server suite once more against the PostgreSQL server at
 * `TEST_DATABASE_URL` (each test platform in a schema of its own), in parallel with `server`;
 * without that variable it is reported as not run. `lint` and `stories` run beside `server` too:
 * the server suites spend most of their time waiting on brokers and timers.
 *
 * Exits non-zero when a test failed or a suite crashed (no readable report, an error outside
 * the tests, a non-zero exit without failed tests) or ran no tests; each such suite adds one to
 * the failed count, and the table says why.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = join(import.meta.dirname, '..');
const resultsDir = join(root, 'test-results');
const node = process.execPath;
const bin = (path) => join(root, 'node_modules', path);

/**
 * @typedef {{ passed: number, failed: number, skipped: number, problem?: string, note?: string }} Counts
 * @typedef {{ name: string, report: string, prepare?: string[], command: () => string[] | undefined, count: (report: string) => Counts,
 *   env?: () => Record<string, string>, unavailable?: () => string | undefined, setUp?: () => Promise<void>,
 *   parallelWith?: string }} Suite
 */

/** @type {Suite[]} */
const suites = [
  {
    // ESLint, Prettier, the module-boundary fixtures and the npm scripts' ng commands.
    name: 'lint',
    report: 'lint.tap',
    command: () => nodeTests('lint.tap', ['scripts/lint.test.mjs', 'scripts/workspace.test.mjs']),
    count: nodeTestCounts,
    parallelWith: 'server',
  },
  {
    name: 'unit',
    report: 'unit.json',
    // The translation spec compares the translations with the messages extracted from the code now.
    prepare: [bin('@angular/cli/bin/ng.js'), 'extract-i18n', 'osb-marketplace', '--output-path', 'src/locale'],
    // Angular's unit-test builder writes the output file for the first reporter only.
    command: () => [
      bin('@angular/cli/bin/ng.js'),
      'test',
      '--watch=false',
      '--reporters=json',
      `--output-file=${join(resultsDir, 'unit.json')}`,
      '--reporters=default',
    ],
    count: vitestCounts,
  },
  {
    name: 'server',
    report: 'server.tap',
    command: () => serverTests('server.tap'),
    count: nodeTestCounts,
  },
  {
    name: 'server-postgres',
    report: 'server-postgres.tap',
    command: () => serverTests('server-postgres.tap'),
    count: nodeTestCounts,
    env: () => ({ DATABASE_URL: process.env.TEST_DATABASE_URL }),
    unavailable: () => (process.env.TEST_DATABASE_URL ? undefined : 'TEST_DATABASE_URL is not set'),
    setUp: dropTestSchemas,
    // Runs alongside `server`: most of their time is spent waiting on brokers and timers.
    parallelWith: 'server',
  },
  {
    name: 'stories',
    report: 'stories.json',
    command: () => [
      bin('vitest/vitest.mjs'),
      'run',
      '--project=storybook',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${join(resultsDir, 'stories.json')}`,
    ],
    count: vitestCounts,
    parallelWith: 'server',
  },
  {
    name: 'e2e',
    // playwright.config.ts adds the list reporter for the console and writes this JSON report.
    report: 'e2e.json',
    command: () => [bin('@playwright/test/cli.js'), 'test'],
    count: playwrightCounts,
  },
];

const selected = process.argv.slice(2);
const unknown = selected.filter((name) => !suites.some((suite) => suite.name === name));
if (unknown.length > 0) {
  console.error(`Unknown suite ${unknown.join(', ')}; the suites are ${suites.map((s) => s.name).join(', ')}.`);
  process.exit(2);
}

mkdirSync(resultsDir, { recursive: true });
const chosen = suites.filter((s) => selected.length === 0 || selected.includes(s.name));
const results = [];
for (const suite of chosen) {
  if (suite.parallelWith && chosen.some((other) => other.name === suite.parallelWith)) continue;
  const companions = chosen.filter((other) => other.parallelWith === suite.name);
  if (companions.length === 0) {
    results.push(await runSuite(suite));
    continue;
  }
  // The companions' output is held back and printed after this suite's, so that it stays readable.
  const outputs = companions.map(() => []);
  const running = [runSuite(suite), ...companions.map((companion, index) => runSuite(companion, outputs[index]))];
  results.push(...(await Promise.all(running)));
  for (const output of outputs) process.stdout.write(Buffer.concat(output));
}
printSummary(results);
process.exitCode = results.some((result) => result.failed > 0) ? 1 : 0;

/** Arguments for node's test runner: the files one after another, spec output and a TAP report. */
function nodeTests(report, files) {
  return [
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${join(resultsDir, report)}`,
    ...files,
  ];
}

/** `node --test` over every server test file, reporting to the console and to `report`. */
function serverTests(report) {
  const files = findFiles(join(root, 'server', 'test'), '.test.ts');
  if (files.length === 0) return undefined;
  return [
    '--import',
    'tsx',
    ...nodeTests(
      report,
      files.map((file) => relative(root, file)),
    ),
  ];
}

/** Drops the schemas an earlier run of the server suite left in the test database. */
async function dropTestSchemas() {
  const pg = createRequire(import.meta.url)('pg');
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'osb\\_test\\_%'");
    for (const { nspname } of rows) await client.query(`DROP SCHEMA "${nspname}" CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * Runs one suite and reads its counts from its own report; with `output`, the suite's console
 * output is collected there instead of printed.
 */
async function runSuite(suite, output) {
  const heading = `\n=== ${suite.name} ${'='.repeat(60 - suite.name.length)}\n\n`;
  if (output) output.push(Buffer.from(heading));
  else process.stdout.write(heading);
  const reportFile = join(resultsDir, suite.report);
  rmSync(reportFile, { force: true });
  const unavailable = suite.unavailable?.();
  if (unavailable) {
    const note = `not run: ${unavailable}`;
    if (output) output.push(Buffer.from(`${note}\n`));
    else console.log(note);
    return { name: suite.name, seconds: 0, ...zero(), note };
  }
  const args = suite.command();
  if (!args) {
    return { name: suite.name, seconds: 0, ...withProblem(zero(), 'no test files') };
  }
  const started = performance.now();
  if (suite.prepare) {
    const prepared = await run(suite.prepare);
    if (prepared !== 0) {
      const seconds = (performance.now() - started) / 1000;
      return { name: suite.name, seconds, ...withProblem(zero(), `preparation failed: exit code ${prepared}`) };
    }
  }
  try {
    await suite.setUp?.();
  } catch (error) {
    return { name: suite.name, seconds: 0, ...withProblem(zero(), `cannot set up: ${error.message}`) };
  }
  const exitCode = await run(args, { ...process.env, ...suite.env?.() }, output);
  const seconds = (performance.now() - started) / 1000;

  let counts;
  try {
    counts = suite.count(readFileSync(reportFile, 'utf8'));
  } catch (error) {
    const reason = error.code === 'ENOENT' ? 'wrote no report' : `unreadable report (${error.message})`;
    return { name: suite.name, seconds, ...withProblem(zero(), `crashed: ${reason}, exit code ${exitCode}`) };
  }
  if (counts.problem) return { name: suite.name, seconds, ...withProblem(counts, `crashed: ${counts.problem}`) };
  if (counts.passed + counts.failed + counts.skipped === 0) {
    return { name: suite.name, seconds, ...withProblem(counts, 'ran no tests') };
  }
  if (exitCode !== 0 && counts.failed === 0) {
    return {
      name: suite.name,
      seconds,
      ...withProblem(counts, `crashed: exit code ${exitCode} without a failed test`),
    };
  }
  return { name: suite.name, seconds, ...counts };
}

/** A suite that went wrong outside its tests counts one failure more, and says why. */
function withProblem(counts, problem) {
  return { ...counts, failed: counts.failed + 1, problem };
}

function zero() {
  return { passed: 0, failed: 0, skipped: 0 };
}

/**
 * Runs `node args…` in the repository root with the console attached, or with its output
 * collected in `output`; resolves to its exit code.
 */
function run(args, env = process.env, output = undefined) {
  return new Promise((resolve) => {
    const child = spawn(node, args, { cwd: root, env, stdio: output ? ['inherit', 'pipe', 'pipe'] : 'inherit' });
    if (output) {
      child.stdout.on('data', (chunk) => output.push(chunk));
      child.stderr.on('data', (chunk) => output.push(chunk));
    }
    child.on('error', () => resolve(-1));
    child.on('exit', (code, signal) => resolve(code ?? `signal ${signal}`));
  });
}

/** Counts from Vitest's JSON reporter (also used by `ng test`). */
function vitestCounts(text) {
  const report = JSON.parse(text);
  const counts = {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
  if (!report.success && counts.failed === 0 && report.numFailedTestSuites > 0) {
    counts.problem = `${report.numFailedTestSuites} test file(s) failed outside their tests`;
  }
  return counts;
}

/** Counts from the summary comments that close node:test's TAP report. */
function nodeTestCounts(text) {
  const total = (key) => {
    const match = text.match(new RegExp(`^# ${key} (\\d+)$`, 'm'));
    if (!match) throw new Error(`no "# ${key}" line`);
    return Number(match[1]);
  };
  const cancelled = total('cancelled');
  return {
    passed: total('pass'),
    failed: total('fail') + cancelled,
    skipped: total('skipped') + total('todo'),
    ...(cancelled > 0 ? { note: `${cancelled} cancelled` } : {}),
  };
}

/** Counts from Playwright's JSON reporter; a test that passed on retry counts as passed. */
function playwrightCounts(text) {
  const { stats, errors = [] } = JSON.parse(text);
  return {
    passed: stats.expected + stats.flaky,
    failed: stats.unexpected,
    skipped: stats.skipped,
    ...(stats.flaky > 0 ? { note: `${stats.flaky} flaky (passed on retry)` } : {}),
    ...(errors.length > 0
      ? { problem: `${errors.length} error(s) outside the tests, first: ${firstLine(errors[0].message)}` }
      : {}),
  };
}

function firstLine(message = '') {
  return (
    message
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? ''
  );
}

/** Every file under `dir` whose name ends with `suffix`, sorted. */
function findFiles(dir, suffix) {
  try {
    return readdirSync(dir, { recursive: true })
      .filter((name) => name.endsWith(suffix))
      .map((name) => join(dir, name))
      .sort();
  } catch (error) {
    if (error.code === 'ENOENT') return [];
    throw error;
  }
}

function printSummary(results) {
  const rows = [
    ['suite', 'passed', 'failed', 'skipped', 'time', 'notes'],
    ...results.map((r) => [
      r.name,
      r.passed,
      r.failed,
      r.skipped,
      `${r.seconds.toFixed(1)} s`,
      [r.problem, r.note].filter(Boolean).join('; '),
    ]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  console.log(`\n=== summary ${'='.repeat(53)}\n`);
  for (const row of rows) {
    console.log(
      row
        .map((cell, column) =>
          column >= 1 && column <= 4 ? String(cell).padStart(widths[column]) : String(cell).padEnd(widths[column]),
        )
        .join('  ')
        .trimEnd(),
    );
  }
  const sum = (key) => results.reduce((total, result) => total + result[key], 0);
  console.log(`\n${sum('passed')} passed, ${sum('failed')} failed, ${sum('skipped')} skipped`);
}
