import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compareSemver, isNewerVersion } from '../src/osb/semver.ts';

describe('semantic version precedence', () => {
  it('orders major, minor and patch numerically, not as text', () => {
    assert.ok(compareSemver('1.10.0', '1.9.0')! > 0);
    assert.ok(compareSemver('2.0.0', '10.0.0')! < 0);
    assert.ok(compareSemver('16.4.1', '16.4.0')! > 0);
    assert.equal(compareSemver('1.2.3', '1.2.3'), 0);
  });

  it('follows the pre-release rules of semver.org §11', () => {
    const ordered = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
    ];
    for (let index = 1; index < ordered.length; index++) {
      assert.ok(compareSemver(ordered[index]!, ordered[index - 1]!)! > 0, `${ordered[index]} > ${ordered[index - 1]}`);
      assert.ok(compareSemver(ordered[index - 1]!, ordered[index]!)! < 0);
    }
  });

  it('ignores build metadata and compares huge numbers exactly', () => {
    assert.equal(compareSemver('1.0.0+build.1', '1.0.0+build.2'), 0);
    assert.ok(compareSemver('1.0.90071992547409930', '1.0.90071992547409929')! > 0);
  });

  it('refuses what is not a version', () => {
    assert.equal(compareSemver('1.0', '1.0.0'), undefined);
    assert.equal(compareSemver('1.0.0', 'v1.0.1'), undefined);
    assert.equal(isNewerVersion('latest', '1.0.0'), false);
  });

  it('says whether a candidate is newer', () => {
    assert.equal(isNewerVersion('16.4.1', '16.4.0'), true);
    assert.equal(isNewerVersion('16.4.0', '16.4.0'), false);
    assert.equal(isNewerVersion('16.3.9', '16.4.0'), false);
  });
});
