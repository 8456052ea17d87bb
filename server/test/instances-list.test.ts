/**
 * The project's instances list over real HTTP: paged in the database (oldest first, with the
 * total in X-Total-Count), narrowed by name and state, its own instances before shared ones.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ServiceInstance } from '@osb/api';
import { startScriptedScenario, type Scenario, type TestPlatform } from './helper.ts';
import type { ScriptedBroker } from './support/scripted-broker.ts';

let scenario: Scenario<ScriptedBroker>;
let platform: TestPlatform;
let alice: string;

const INSTANCES = '/api/projects/likvid-payments/service-instances';
const NAMES = ['alpha-db', 'beta-db', 'gamma-cache', 'delta-db', 'epsilon-cache', 'zeta_db'];

before(async () => {
  scenario = await startScriptedScenario();
  ({ platform, token: alice } = scenario);
  for (const name of NAMES) {
    const { status } = await platform.call('POST', INSTANCES, {
      body: { name, serviceId: 'scripted-service', planId: 'scripted-small', parameters: { size: 2 } },
      token: alice,
    });
    assert.equal(status, 201, `ordering ${name}`);
  }
});

after(() => scenario.close());

async function list(query: string): Promise<{ status: number; names: string[]; total: string | null }> {
  const { status, body, headers } = await platform.call<ServiceInstance[]>('GET', `${INSTANCES}${query}`, {
    token: alice,
  });
  return {
    status,
    names: Array.isArray(body) ? body.map((instance) => instance.name) : [],
    total: headers.get('x-total-count'),
  };
}

describe('GET /api/projects/:projectId/service-instances', () => {
  it('answers the first page (up to 100), oldest first, with the total, when no page is asked for', async () => {
    assert.deepEqual(await list(''), { status: 200, names: NAMES, total: '6' });
  });

  it('answers every one of 200 requests at once, each with its own page and the total', async () => {
    const queries = ['?limit=2', '?limit=2&offset=4', '?search=A-DB', '?sort=name&order=desc&limit=3'];
    const expected = [
      { status: 200, names: ['alpha-db', 'beta-db'], total: '6' },
      { status: 200, names: ['epsilon-cache', 'zeta_db'], total: '6' },
      { status: 200, names: ['alpha-db', 'beta-db', 'delta-db'], total: '3' },
      { status: 200, names: ['zeta_db', 'gamma-cache', 'epsilon-cache'], total: '6' },
    ];
    const answers = await Promise.all(Array.from({ length: 200 }, (_, index) => list(queries[index % 4]!)));
    answers.forEach((answer, index) => assert.deepEqual(answer, expected[index % 4], queries[index % 4]));
  });

  it('pages with limit and offset', async () => {
    assert.deepEqual(await list('?limit=2'), { status: 200, names: ['alpha-db', 'beta-db'], total: '6' });
    assert.deepEqual(await list('?limit=2&offset=4'), { status: 200, names: ['epsilon-cache', 'zeta_db'], total: '6' });
    assert.deepEqual(await list('?limit=2&offset=10'), { status: 200, names: [], total: '6' });
  });

  it('narrows by part of the name, ignoring case, taking % and _ literally', async () => {
    assert.deepEqual(await list('?search=A-DB&limit=2'), { status: 200, names: ['alpha-db', 'beta-db'], total: '3' });
    assert.deepEqual(await list('?search=_'), { status: 200, names: ['zeta_db'], total: '1' });
    assert.deepEqual(await list('?search=%25'), { status: 200, names: [], total: '0' });
  });

  it("narrows by part of the service's name too", async () => {
    assert.deepEqual(await list('?search=SCRIPTED-d'), { status: 200, names: NAMES, total: '6' });
  });

  it('narrows by the state of the last operation', async () => {
    assert.deepEqual(await list('?state=succeeded&search=cache'), {
      status: 200,
      names: ['gamma-cache', 'epsilon-cache'],
      total: '2',
    });
    assert.deepEqual(await list('?state=failed'), { status: 200, names: [], total: '0' });
  });

  it('names the user who ordered each instance and started its operation', async () => {
    const { body } = await platform.call<ServiceInstance[]>('GET', `${INSTANCES}?limit=1`, { token: alice });
    assert.equal(body[0]?.createdBy, 'alice');
    assert.equal(body[0]?.createdByName, 'Alice Adams');
    assert.equal(body[0]?.lastOperation.requestedByName, 'Alice Adams');
  });

  it('shows each instance exactly as reading that instance does', async () => {
    const { body } = await platform.call<ServiceInstance[]>('GET', INSTANCES, { token: alice });
    assert.equal(body.length, NAMES.length);
    for (const listed of body) {
      const { body: read } = await platform.call<ServiceInstance>('GET', `${INSTANCES}/${listed.id}`, { token: alice });
      assert.deepEqual(listed, read);
    }
    assert.deepEqual(body[0]?.parameters, { size: 2 });
  });

  it('refuses pages it cannot serve', async () => {
    assert.equal((await list('?limit=0')).status, 400);
    assert.equal((await list('?limit=501')).status, 400);
    assert.equal((await list('?offset=-1')).status, 400);
    assert.equal((await list('?state=sleeping')).status, 400);
  });
});
