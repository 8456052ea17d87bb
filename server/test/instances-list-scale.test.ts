/**
 * The instances list with 500 instances ordered through the API (over real HTTP): search by
 * instance and service name, each filter (state, service, shared with us, shared by us), each
 * sort in both directions, and paging through every sort without repeating or skipping an
 * instance. The expected answers are computed here from what the test ordered.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ServiceInstance } from '@osb/api';
import type { ScriptedBroker } from './support/scripted-broker.ts';
import { startScriptedScenario, type Scenario, type TestPlatform } from './helper.ts';

const PAYMENTS = '/api/projects/likvid-payments/service-instances';
const MOBILE = '/api/projects/likvid-mobile/service-instances';

/** Three services: the shareable one is named so that a search for "store" finds it, not by instance name. */
const SERVICES = [
  { id: 'svc-relational', name: 'relational', displayName: 'Relational Store', shareable: true },
  { id: 'svc-queue', name: 'queue', displayName: 'Message Queue', shareable: false },
  { id: 'svc-cache', name: 'cache', displayName: 'Key Cache', shareable: false },
];

function catalog() {
  return {
    services: SERVICES.map((service) => ({
      id: service.id,
      name: service.name,
      description: `The ${service.displayName}`,
      bindable: true,
      metadata: { displayName: service.displayName, shareable: service.shareable },
      plans: [{ id: `${service.id}-plan`, name: 'standard', description: 'Standard' }],
    })),
  };
}

/** What the test ordered, to compute the expected answers from. */
interface Ordered {
  id: string;
  name: string;
  serviceId: string;
  state: ServiceInstance['lastOperation']['state'];
  /** Ordered by the other project and shared with likvid-payments. */
  sharedIn: boolean;
  /** Ordered by likvid-payments and shared with likvid-mobile. */
  sharedOut: boolean;
  createdAt: string;
}

let scenario: Scenario<ScriptedBroker>;
let broker: ScriptedBroker;
let platform: TestPlatform;
let alice: string;
const ordered: Ordered[] = [];

/** Names in mixed case with digits, dashes and underscores, so that sorting by name is no accident of order. */
function nameOf(index: number): string {
  const words = ['orders', 'Billing', 'ledger', 'audit_log', 'Search', 'events', 'users', 'zeta%'];
  return `${words[(index * 7) % words.length]}-${String((index * 37) % 500).padStart(3, '0')}-${index}`;
}

async function order(path: string, index: number, serviceId: string): Promise<ServiceInstance> {
  const { status, body } = await platform.call<ServiceInstance>('POST', path, {
    body: { name: nameOf(index), serviceId, planId: `${serviceId}-plan` },
    token: alice,
  });
  assert.ok(status === 201 || status === 202, `ordering ${nameOf(index)}: ${status} ${JSON.stringify(body)}`);
  return body;
}

async function waitUntil(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`timed out waiting for ${what}`);
}

/** Orders `count` instances two at a time. */
async function orderMany(
  count: number,
  first: number,
  place: (index: number) => { path: string; serviceId: string },
): Promise<ServiceInstance[]> {
  const created: ServiceInstance[] = [];
  for (let start = first; start < first + count; start += 2) {
    const batch = Array.from({ length: Math.min(2, first + count - start) }, (_, offset) => start + offset);
    created.push(
      ...(await Promise.all(
        batch.map((index) => {
          const { path, serviceId } = place(index);
          return order(path, index, serviceId);
        }),
      )),
    );
  }
  return created;
}

before(async () => {
  // The broker's Retry-After may postpone polls by an hour: running operations stay quiet.
  scenario = await startScriptedScenario(catalog(), { provisioning: { polling: { maxRetryAfterMs: 3_600_000 } } });
  ({ broker, platform, token: alice } = scenario);
  const serviceAt = (index: number) => SERVICES[index % SERVICES.length]!.id;
  const record = (instance: ServiceInstance, state: Ordered['state'], sharedIn = false): void => {
    ordered.push({
      id: instance.id,
      name: instance.name,
      serviceId: instance.serviceId,
      state,
      sharedIn,
      sharedOut: false,
      createdAt: instance.createdAt,
    });
  };

  // 30 orders the broker fails asynchronously.
  broker.setDefault('provision', { status: 202, body: { operation: 'provisioning' } });
  broker.setDefault('last_operation', { status: 200, body: { state: 'failed', description: 'No capacity' } });
  for (const instance of await orderMany(30, 0, (index) => ({ path: PAYMENTS, serviceId: serviceAt(index) }))) {
    record(instance, 'failed');
  }
  await waitUntil(async () => (await list(PAYMENTS, 'state=failed&limit=1')).total === 30, 'the failures');

  // 400 ready instances of the project, and 40 of likvid-mobile, of which 20 shared with it.
  broker.setDefault('provision', { status: 201, body: {} });
  for (const instance of await orderMany(400, 30, (index) => ({ path: PAYMENTS, serviceId: serviceAt(index) }))) {
    record(instance, 'succeeded');
  }
  const mobile = await orderMany(40, 430, () => ({ path: MOBILE, serviceId: 'svc-relational' }));
  for (const instance of mobile.slice(0, 20)) {
    const { status } = await platform.call('POST', `${MOBILE}/${instance.id}/shares`, {
      body: { targetProjectId: 'likvid-payments' },
      token: alice,
    });
    assert.equal(status, 201);
    record(instance, 'succeeded', true);
  }

  // 25 of the project's own ready relational instances shared with likvid-mobile.
  const shareable = ordered.filter((o) => !o.sharedIn && o.state === 'succeeded' && o.serviceId === 'svc-relational');
  for (const instance of shareable.slice(0, 25)) {
    const { status } = await platform.call('POST', `${PAYMENTS}/${instance.id}/shares`, {
      body: { targetProjectId: 'likvid-mobile' },
      token: alice,
    });
    assert.equal(status, 201);
    instance.sharedOut = true;
  }
  // Last, 30 orders the broker keeps working on (asking to be polled again in an hour).
  broker.setDefault('provision', { status: 202, body: { operation: 'provisioning' } });
  broker.setDefault('last_operation', {
    status: 200,
    body: { state: 'in progress' },
    headers: { 'Retry-After': '3600' },
  });
  for (const instance of await orderMany(30, 470, (index) => ({ path: PAYMENTS, serviceId: serviceAt(index) }))) {
    record(instance, 'in progress');
  }
});

after(() => scenario.close());

async function list(path: string, query: string): Promise<{ instances: ServiceInstance[]; total: number }> {
  const { status, body, headers } = await platform.call<ServiceInstance[]>('GET', `${path}?${query}`, {
    token: alice,
  });
  assert.equal(status, 200, query);
  return { instances: body, total: Number(headers.get('x-total-count')) };
}

/** Every instance matching `query`, read a page of `pageSize` at a time. */
async function readAll(query: string, pageSize: number): Promise<ServiceInstance[]> {
  const all: ServiceInstance[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = await list(PAYMENTS, `${query}&limit=${pageSize}&offset=${offset}`);
    all.push(...page.instances);
    if (offset + pageSize >= page.total) return all;
  }
}

const displayName = (serviceId: string) => SERVICES.find((service) => service.id === serviceId)!.displayName;
/** Byte order of lower-case text, as the platform compares names. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const STATUS_RANK = { failed: 0, 'in progress': 1, succeeded: 2 } as const;
const SORTS: Record<string, (a: Ordered, b: Ordered) => number> = {
  name: (a, b) => compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.id, b.id),
  service: (a, b) =>
    compareText(displayName(a.serviceId).toLowerCase(), displayName(b.serviceId).toLowerCase()) || SORTS['name']!(a, b),
  created: (a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || compareText(a.id, b.id),
  status: (a, b) => STATUS_RANK[a.state] - STATUS_RANK[b.state] || SORTS['name']!(a, b),
};

describe('the instances list of a project with 500 instances', () => {
  it('counts its own and the shared instances', async () => {
    const { instances, total } = await list(PAYMENTS, 'limit=500');
    assert.equal(total, 480);
    assert.equal(instances.length, 480);
    assert.deepEqual(new Set(instances.map((instance) => instance.id)), new Set(ordered.map((o) => o.id)));
  });

  it('lists each instance as its own GET answers it (operation, shares, mitigation)', async () => {
    const { instances } = await list(PAYMENTS, 'limit=500');
    for (const instance of instances) {
      const { status, body } = await platform.call<ServiceInstance>('GET', `${PAYMENTS}/${instance.id}`, {
        token: alice,
      });
      assert.equal(status, 200);
      assert.deepEqual(instance, body);
    }
    const shared = instances.filter((instance) => instance.sharedWith !== undefined);
    assert.equal(shared.length, 25);
    assert.deepEqual(shared[0]!.sharedWith, [{ projectId: 'likvid-mobile', displayName: 'Mobile App' }]);
    assert.equal(instances.filter((instance) => instance.sharedFrom !== undefined).length, 20);
  });

  for (const [sort, compare] of Object.entries(SORTS)) {
    for (const direction of ['asc', 'desc'] as const) {
      it(`sorts by ${sort} (${direction}) and pages through it without repeating or skipping`, async () => {
        const expected = [...ordered].sort((a, b) => (direction === 'asc' ? compare(a, b) : compare(b, a)));
        const paged = await readAll(`sort=${sort}&order=${direction}`, 70);
        assert.deepEqual(
          paged.map((instance) => instance.id),
          expected.map((o) => o.id),
        );
      });
    }
  }

  it('searches instance names and service names, ignoring case, with wildcards taken literally', async () => {
    const bySearch = async (search: string) =>
      (await readAll(`search=${encodeURIComponent(search)}&sort=name`, 200)).map((instance) => instance.id);
    const expect = (keep: (o: Ordered) => boolean) =>
      ordered
        .filter(keep)
        .sort(SORTS['name'])
        .map((o) => o.id);
    assert.deepEqual(
      await bySearch('BILLING'),
      expect((o) => o.name.toLowerCase().includes('billing')),
    );
    assert.deepEqual(
      await bySearch('store'),
      expect((o) => o.serviceId === 'svc-relational'),
    );
    assert.deepEqual(
      await bySearch('%'),
      expect((o) => o.name.includes('%')),
    );
    assert.deepEqual(
      await bySearch('_log'),
      expect((o) => o.name.includes('_log')),
    );
    assert.notEqual((await bySearch('%')).length, 0);
  });

  it('filters by state, by service and by sharing, also combined with a search', async () => {
    const ids = async (query: string) => new Set((await readAll(`${query}&sort=created`, 500)).map((i) => i.id));
    const expect = (keep: (o: Ordered) => boolean) => new Set(ordered.filter(keep).map((o) => o.id));
    for (const state of ['succeeded', 'in progress', 'failed'] as const) {
      assert.deepEqual(
        await ids(`state=${encodeURIComponent(state)}`),
        expect((o) => o.state === state),
      );
    }
    for (const { id } of SERVICES) {
      assert.deepEqual(
        await ids(`serviceId=${id}`),
        expect((o) => o.serviceId === id),
      );
    }
    assert.deepEqual(
      await ids('sharing=with-us'),
      expect((o) => o.sharedIn),
    );
    assert.deepEqual(
      await ids('sharing=by-us'),
      expect((o) => o.sharedOut),
    );
    assert.deepEqual(
      await ids('sharing=by-us&search=orders&state=succeeded'),
      expect((o) => o.sharedOut && o.name.includes('orders')),
    );
    assert.deepEqual(
      await ids('serviceId=svc-queue&state=failed'),
      expect((o) => o.serviceId === 'svc-queue' && o.state === 'failed'),
    );
  });

  it('names the other project on shared instances, in both directions', async () => {
    const { instances } = await list(PAYMENTS, 'limit=500');
    for (const instance of instances) {
      const o = ordered.find((candidate) => candidate.id === instance.id)!;
      assert.deepEqual(
        instance.sharedFrom,
        o.sharedIn ? { projectId: 'likvid-mobile', displayName: 'Mobile App' } : undefined,
      );
      assert.deepEqual(
        instance.sharedWith,
        o.sharedOut ? [{ projectId: 'likvid-mobile', displayName: 'Mobile App' }] : undefined,
      );
    }
  });

  it('counts the instances of each service, shared ones included', async () => {
    const { status, body } = await platform.call('GET', '/api/projects/likvid-payments/instance-services', {
      token: alice,
    });
    assert.equal(status, 200);
    assert.deepEqual(
      body,
      [...SERVICES]
        .sort((a, b) => compareText(a.id, b.id))
        .map(({ id }) => ({ serviceId: id, count: ordered.filter((o) => o.serviceId === id).length })),
    );
  });

  it('refuses unknown sorts and sharing filters', async () => {
    for (const query of ['sort=size', 'order=up', 'sharing=everyone']) {
      const { status } = await platform.call('GET', `${PAYMENTS}?${query}`, { token: alice });
      assert.equal(status, 400, query);
    }
  });
});
