/**
 * The `lint` suite of `npm test`: ESLint finds no problem (errors and warnings alike), Prettier
 * finds every file formatted, and the module boundaries hold, shown by linting files that break
 * them on purpose.
 *
 * Each file under scripts/lint-fixtures/ stands for a file at the same path in the repository
 * (Sheriff tags a file by where it lies, so it must lie there while it is linted). Its first line
 * names the rules it breaks (`// expect: rule, rule`, or `// expect: nothing` for an import the
 * rules allow). The test copies it into place as `lint-fixture-<name>.ts`, lints it and removes it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { after, describe, test } from 'node:test';

import { ESLint } from 'eslint';

const root = join(import.meta.dirname, '..');
const fixturesDir = join(import.meta.dirname, 'lint-fixtures');
const eslint = new ESLint({ cwd: root });

test('ESLint finds no problem and no warning', async () => {
  const results = await eslint.lintFiles(['.']);
  const problems = results.reduce((sum, result) => sum + result.errorCount + result.warningCount, 0);
  if (problems > 0) {
    const formatter = await eslint.loadFormatter('stylish');
    assert.fail(`ESLint found ${problems} problem(s) (npm run lint):\n${await formatter.format(results)}`);
  }
});

test('Prettier finds every file formatted', () => {
  const prettier = join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs');
  const run = spawnSync(process.execPath, [prettier, '--check', '--log-level=warn', '.'], {
    cwd: root,
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, `Prettier would reformat these files (npm run format):\n${run.stdout}${run.stderr}`);
});

describe('module boundaries', () => {
  const placed = [];
  after(() => placed.forEach((file) => rmSync(file, { force: true })));

  for (const fixture of readdirSync(fixturesDir, { recursive: true })
    .filter((name) => name.endsWith('.ts'))
    .sort()) {
    const source = readFileSync(join(fixturesDir, fixture), 'utf8');
    const expected = expectedRules(source);
    const title = expected.length === 0 ? 'allow' : `report ${expected.join(' and ')} for`;

    test(`${title} ${fixture}`, async () => {
      const target = join(root, dirname(fixture), `lint-fixture-${fixture.split('/').pop()}`);
      placed.push(target);
      copyFileSync(join(fixturesDir, fixture), target);
      try {
        const [result] = await eslint.lintFiles([target]);
        const importLine = source.split('\n').findIndex((line) => line.startsWith('import ')) + 1;
        const reported = result.messages.map(
          (message) => `${message.ruleId} at line ${message.line}: ${message.message}`,
        );
        assert.deepEqual(
          [...new Set(result.messages.map((message) => message.ruleId))].sort(),
          expected,
          `${relative(root, target)}:\n${reported.join('\n')}`,
        );
        for (const message of result.messages) {
          assert.equal(message.line, importLine, `reported away from the import: ${message.message}`);
        }
      } finally {
        rmSync(target, { force: true });
      }
    });
  }
});

/** The rules a fixture's `// expect:` line names, sorted; none for `// expect: nothing`. */
function expectedRules(source) {
  const match = source.match(/^\/\/ expect: (.+)$/m);
  assert.ok(match, 'a lint fixture starts with an `// expect:` line');
  return match[1].trim() === 'nothing'
    ? []
    : match[1]
        .split(',')
        .map((rule) => rule.trim())
        .sort();
}
