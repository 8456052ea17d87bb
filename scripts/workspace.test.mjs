/**
 * Part of the `lint` suite of `npm test`: the npm scripts work in this Angular workspace, which
 * builds several projects (the app, the embedded element, the demo portal, a benchmark page).
 * An `ng` command that several projects could run must name its project, or the CLI refuses to pick one.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(import.meta.dirname, '..');
const readJson = (file) => JSON.parse(readFileSync(join(root, file), 'utf8'));
const projects = readJson('angular.json').projects;
const scripts = readJson('package.json').scripts;

test('every ng command of the npm scripts names its project where several could run it', () => {
  const commands = Object.entries(scripts).flatMap(([script, line]) =>
    [...line.matchAll(/\bng (build|serve|test|extract-i18n)(?: ([a-z][\w-]*))?/g)].map((match) => ({
      script,
      target: match[1],
      project: match[2],
    })),
  );
  assert.ok(commands.length > 0, 'the npm scripts run ng');
  for (const { script, target, project } of commands) {
    // `ng extract-i18n` runs on any project that builds.
    const candidates = Object.keys(projects).filter(
      (name) => projects[name].architect[target] || (target === 'extract-i18n' && projects[name].architect.build),
    );
    if (project) {
      assert.ok(candidates.includes(project), `npm run ${script}: project ${project} cannot run "ng ${target}"`);
    } else {
      assert.equal(
        candidates.length,
        1,
        `npm run ${script}: "ng ${target}" names no project, and ${candidates.length} can run it`,
      );
    }
  }
});
