import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compareInstance, credentialDifferences, parameterDifferences } from '../src/provisioning/broker-comparison.ts';

const sealed = { $sealed: 'ciphertext' };

describe('comparing the record with the broker’s report', () => {
  it('lists changed, added and removed parameters leaf by leaf, arrays as a whole', () => {
    assert.deepEqual(
      parameterDifferences(
        { size: 10, db: { port: 5432, name: 'app' }, zones: ['a', 'b'], keep: true },
        { size: 20, db: { port: 5432 }, zones: ['a'], keep: true, region: 'eu' },
        [],
      ),
      [
        { field: 'parameter', path: '/db/name', change: 'removed', recorded: 'app' },
        { field: 'parameter', path: '/region', change: 'added', reported: 'eu' },
        { field: 'parameter', path: '/size', change: 'changed', recorded: 10, reported: 20 },
        { field: 'parameter', path: '/zones', change: 'changed', recorded: ['a', 'b'], reported: ['a'] },
      ],
    );
  });

  it('finds nothing when both agree', () => {
    assert.deepEqual(parameterDifferences({ a: { b: [1] } }, { a: { b: [1] } }, []), []);
    assert.deepEqual(parameterDifferences({}, {}, []), []);
  });

  it('never shows secret values: sealed, secret by schema or by name', () => {
    const schema = {
      $schema: 'http://json-schema.org/draft-04/schema#',
      type: 'object',
      properties: { pin: { type: 'string', writeOnly: true } },
    };
    const differences = parameterDifferences(
      { adminPassword: sealed, pin: sealed, apiToken: 'old-token' },
      { adminPassword: 'hunter2-from-broker', pin: '1234', apiToken: 'new-token', dbPassword: 'leaked' },
      [schema],
    );
    assert.deepEqual(differences, [
      { field: 'parameter', path: '/apiToken', change: 'changed', masked: true },
      { field: 'parameter', path: '/dbPassword', change: 'added', masked: true },
    ]);
    assert.doesNotMatch(JSON.stringify(differences), /hunter2|1234|token|leaked|ciphertext/);
  });

  it('says a sealed secret is gone at the broker without its value', () => {
    assert.deepEqual(parameterDifferences({ adminPassword: sealed }, {}, []), [
      { field: 'parameter', path: '/adminPassword', change: 'removed', masked: true },
    ]);
  });

  it('compares plan, dashboard URL and maintenance version only where the broker reports them', () => {
    const recorded = {
      planId: 'small',
      dashboardUrl: 'https://dash/1',
      maintenanceInfoVersion: '1.0.0',
      parameters: { size: 1 },
    };
    assert.deepEqual(compareInstance(recorded, {}, []), []);
    assert.deepEqual(
      compareInstance(
        recorded,
        { planId: 'large', dashboardUrl: 'https://dash/2', maintenanceInfoVersion: '1.1.0', parameters: { size: 1 } },
        [],
      ),
      [
        { field: 'plan', change: 'changed', recorded: 'small', reported: 'large' },
        { field: 'dashboardUrl', change: 'changed', recorded: 'https://dash/1', reported: 'https://dash/2' },
        { field: 'maintenanceVersion', change: 'changed', recorded: '1.0.0', reported: '1.1.0' },
      ],
    );
    assert.deepEqual(compareInstance({ ...recorded, dashboardUrl: null }, { dashboardUrl: 'https://dash/2' }, []), [
      { field: 'dashboardUrl', change: 'added', reported: 'https://dash/2' },
    ]);
  });

  it('names the credentials that differ without their values', () => {
    const differences = credentialDifferences(
      { user: 'app', password: 'old-secret', host: 'db' },
      { user: 'app', password: 'new-secret', port: 5432 },
    );
    assert.deepEqual(differences, [
      { field: 'credential', path: '/host', change: 'removed', masked: true },
      { field: 'credential', path: '/password', change: 'changed', masked: true },
      { field: 'credential', path: '/port', change: 'added', masked: true },
    ]);
    assert.doesNotMatch(JSON.stringify(differences), /secret|5432|"db"/);
  });
});
