/**
 * Broker faults shown as they are, over real HTTP against a scripted broker: a binding whose
 * unbind failed stays listed with its credentials while orphan mitigation deletes it at the
 * broker, and is gone once the broker confirms; after a failed unbind or deprovision, a broker
 * that can fetch the resource is asked whether it still exists, and a 404 ends it.
 */
import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import type {
  CatalogResponse,
  ErrorBody,
  ServiceBinding,
  ServiceBindingWithCredentials,
  ServiceInstance,
} from '@osb/api';
import { eventually, type ScriptedAnswer, type ScriptedBroker } from './support/scripted-broker.ts';
import { startScriptedScenario, type Answer, type Scenario, type TestPlatform } from './helper.ts';

const INSTANCES = '/api/projects/likvid-payments/service-instances';

/** One service that cannot be fetched, one whose instances and bindings can. */
const catalog = {
  services: [
    {
      id: 'plain-service',
      name: 'plain',
      description: 'A bindable service',
      bindable: true,
      plans: [{ id: 'plain-plan', name: 'standard', description: 'Standard' }],
    },
    {
      id: 'fetchable-service',
      name: 'fetchable',
      description: 'A service whose instances and bindings can be fetched',
      bindable: true,
      instances_retrievable: true,
      bindings_retrievable: true,
      plans: [{ id: 'fetchable-plan', name: 'standard', description: 'Standard' }],
    },
  ],
};

let scenario: Scenario<ScriptedBroker>;
let token: string;
let broker: ScriptedBroker;
let platform: TestPlatform;

before(async () => {
  scenario = await startScriptedScenario(catalog);
  ({ broker, platform, token } = scenario);
});

after(() => scenario.close());

beforeEach(() => {
  broker.requests.length = 0;
  for (const route of ['unbind', 'deprovision', 'fetch', 'binding_fetch'] as const)
    broker.setDefault(route, route.endsWith('fetch') ? { status: 404, body: {} } : { status: 200, body: {} });
  broker.setDefault('last_operation', { status: 200, body: { state: 'succeeded' } });
  broker.setDefault('binding_last_operation', { status: 200, body: { state: 'succeeded' } });
});

function call<T = ServiceBindingWithCredentials>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
  return platform.call<T>(method, path, { body, token });
}

let count = 0;

/** An instance of `serviceId` with one binding whose credentials the broker sent. */
async function boundInstance(serviceId: string): Promise<{ instance: ServiceInstance; binding: string; path: string }> {
  const planId = serviceId === 'plain-service' ? 'plain-plan' : 'fetchable-plan';
  const instance = await call<ServiceInstance>('POST', INSTANCES, { name: `faults-${++count}`, serviceId, planId });
  assert.equal(instance.status, 201);
  broker.script('bind', { status: 201, body: { credentials: { password: `secret-${count}` } } });
  const binding = await call('POST', `${INSTANCES}/${instance.body.id}/bindings`, { name: 'app' });
  assert.equal(binding.status, 201);
  return {
    instance: instance.body,
    binding: binding.body.id,
    path: `${INSTANCES}/${instance.body.id}/bindings/${binding.body.id}`,
  };
}

async function mitigationPending(bindingId: string): Promise<boolean> {
  const { rows } = await platform.database.query('SELECT 1 FROM orphan_mitigations WHERE binding_id = $1', [bindingId]);
  return rows.length > 0;
}

describe('a binding whose unbind failed', () => {
  const failures: { name: string; answers: ScriptedAnswer[]; poll?: ScriptedAnswer }[] = [
    { name: 'a 500', answers: [{ status: 500, body: { description: 'Unbind exploded' } }] },
    { name: 'an unexpected success code', answers: [{ status: 201, body: {} }] },
    {
      name: 'an asynchronous failure',
      answers: [{ status: 202, body: { operation: 'unbind-1' } }],
      poll: { status: 200, body: { state: 'failed', description: 'Could not delete' } },
    },
  ];
  for (const failure of failures) {
    it(`after ${failure.name}: stays listed with its credentials until the broker confirms the delete`, async () => {
      const { instance, binding, path } = await boundInstance('plain-service');
      // The unbind fails, and so does every orphan-mitigation DELETE until the test lets them succeed.
      broker.setDefault('unbind', { status: 500, body: {} });
      broker.script('unbind', ...failure.answers);
      if (failure.poll) broker.script('binding_last_operation', failure.poll);
      await call('DELETE', path);
      await eventually(
        async () => (await call('GET', path)).body.lastOperation?.state === 'failed',
        'the unbind to fail',
      );
      // While the broker has not confirmed, the binding is listed and its credentials are served.
      const kept = await call('GET', path);
      assert.equal(kept.status, 200);
      assert.deepEqual(kept.body.credentials, { password: `secret-${count}` });
      assert.deepEqual(
        (await call<ServiceBinding[]>('GET', `${INSTANCES}/${instance.id}/bindings`)).body.map((b) => b.id),
        [binding],
      );
      await eventually(
        () => broker.requestsTo('unbind').filter((request) => request.bindingId === binding).length >= 3,
        'orphan mitigation to retry',
      );
      assert.equal((await call('GET', path)).status, 200, 'kept while the broker has not confirmed');
      broker.setDefault('unbind', { status: 200, body: {} });
      await eventually(async () => (await call('GET', path)).status === 404, 'the binding to be forgotten');
      // The binding goes first, then its orphan-mitigation entry (a crash between leaves a retry, not a ghost).
      await eventually(async () => !(await mitigationPending(binding)), 'the orphan mitigation to end');
      const deletes = broker.requestsTo('unbind').filter((request) => request.bindingId === binding);
      assert.ok(deletes.length >= 3, `orphan mitigation sent DELETE until it succeeded (${deletes.length})`);
      assert.equal(deletes.at(-1)!.originatingIdentity, undefined, 'orphan mitigation is the platform’s own');
      assert.deepEqual((await call<ServiceBinding[]>('GET', `${INSTANCES}/${instance.id}/bindings`)).body, []);
    });
  }
});

describe('after a failed unbind or deprovision, a broker that can fetch the resource', () => {
  it('is asked for the binding, and a 404 ends it', async () => {
    const { binding, path } = await boundInstance('fetchable-service');
    broker.setDefault('unbind', { status: 500, body: { description: 'Always failing' } });
    broker.setDefault('binding_fetch', { status: 404, body: {} });
    await call('DELETE', path);
    await eventually(async () => (await call('GET', path)).status === 404, 'the binding to be recorded as gone');
    assert.ok(broker.requestsTo('binding_fetch').some((request) => request.bindingId === binding));
    // The binding goes first, then its orphan-mitigation entry.
    await eventually(async () => !(await mitigationPending(binding)), 'the orphan mitigation to end');
  });

  it('is asked for the instance, and a 404 ends it', async () => {
    const instance = await call<ServiceInstance>('POST', INSTANCES, {
      name: `faults-${++count}`,
      serviceId: 'fetchable-service',
      planId: 'fetchable-plan',
    });
    broker.setDefault('deprovision', { status: 500, body: { description: 'Always failing' } });
    broker.setDefault('fetch', { status: 404, body: {} });
    await call('DELETE', `${INSTANCES}/${instance.body.id}`);
    await eventually(
      async () => (await call('GET', `${INSTANCES}/${instance.body.id}`)).status === 404,
      'the instance to be recorded as gone',
    );
    assert.ok(broker.requestsTo('fetch').some((request) => request.instanceId === instance.body.id));
  });

  it('keeps the resource while the broker still has it', async () => {
    const { binding, path } = await boundInstance('fetchable-service');
    broker.setDefault('unbind', { status: 500, body: {} });
    broker.setDefault('binding_fetch', { status: 200, body: { credentials: {} } });
    await call('DELETE', path);
    await eventually(
      () => broker.requestsTo('binding_fetch').filter((request) => request.bindingId === binding).length >= 2,
      'the broker to be asked twice',
    );
    assert.equal((await call('GET', path)).status, 200);
  });

  it('is not asked when the service cannot fetch it', async () => {
    const { binding, path } = await boundInstance('plain-service');
    broker.setDefault('unbind', { status: 500, body: {} });
    await call('DELETE', path);
    const of = (route: 'unbind' | 'binding_fetch') =>
      broker.requestsTo(route).filter((request) => request.bindingId === binding);
    await eventually(() => of('unbind').length >= 3, 'orphan mitigation to retry');
    assert.equal(of('binding_fetch').length, 0);
    assert.equal((await call('GET', path)).status, 200);
    assert.equal(await mitigationPending(binding), true);
  });
});

describe('an operation whose broker cannot be reached', () => {
  it('records since when, the last error and the next retry on the instance, and clears them once the broker answers', async () => {
    broker.script('provision', { status: 202, body: { operation: 'create-1' } });
    broker.setDefault('last_operation', { status: 503, body: { description: 'Down for maintenance' } });
    const created = await call<ServiceInstance>('POST', INSTANCES, {
      name: `faults-${++count}`,
      serviceId: 'plain-service',
      planId: 'plain-plan',
    });
    assert.equal(created.status, 202);
    const path = `${INSTANCES}/${created.body.id}`;
    const first = await eventually(async () => {
      const { body } = await call<ServiceInstance>('GET', path);
      return body.lastOperation.brokerUnreachable && body.lastOperation;
    }, 'the unreachable broker to be recorded');
    assert.equal(first.state, 'in progress');
    assert.equal(first.brokerUnreachable!.lastError, 'broker-error');
    assert.ok(first.deadline, 'the deadline is shown');
    assert.ok(first.brokerUnreachable!.nextRetryAt, 'the next retry is shown');
    const polls = broker.requestsTo('last_operation').length;
    await eventually(() => broker.requestsTo('last_operation').length > polls + 1, 'more polls');
    const later = (await call<ServiceInstance>('GET', path)).body.lastOperation;
    assert.equal(later.brokerUnreachable?.since, first.brokerUnreachable!.since, 'since the first failed poll');

    broker.setDefault('last_operation', { status: 200, body: { state: 'succeeded' } });
    const done = await eventually(async () => {
      const { body } = await call<ServiceInstance>('GET', path);
      return body.lastOperation.state === 'succeeded' && body.lastOperation;
    }, 'the order to complete once the broker is back');
    assert.equal(done.brokerUnreachable, undefined);
    assert.equal(done.deadline, undefined);
  });

  it('records it on a binding too', async () => {
    const instance = await call<ServiceInstance>('POST', INSTANCES, {
      name: `faults-${++count}`,
      serviceId: 'plain-service',
      planId: 'plain-plan',
    });
    broker.script('bind', { status: 202, body: { operation: 'bind-1' } });
    broker.setDefault('binding_last_operation', { status: 500, body: {} });
    const created = await call('POST', `${INSTANCES}/${instance.body.id}/bindings`, { name: 'waiting' });
    assert.equal(created.status, 202);
    const path = `${INSTANCES}/${instance.body.id}/bindings/${created.body.id}`;
    const operation = await eventually(async () => {
      const { body } = await call('GET', path);
      return body.lastOperation.brokerUnreachable && body.lastOperation;
    }, 'the unreachable broker to be recorded on the binding');
    assert.equal(operation.brokerUnreachable!.lastError, 'broker-error');
    broker.setDefault('binding_last_operation', { status: 200, body: { state: 'succeeded' } });
    broker.setDefault('binding_fetch', { status: 200, body: { credentials: { key: 'late' } } });
    const done = await eventually(async () => {
      const { body } = await call('GET', path);
      return body.lastOperation.state === 'succeeded' && body;
    }, 'the binding to complete');
    assert.equal(done.lastOperation.brokerUnreachable, undefined);
    assert.deepEqual(done.credentials, { key: 'late' });
  });
});

describe('a broker that is down', () => {
  it('is reported with since when, its services are marked stale, and orders of them are refused with a code', async () => {
    broker.setDefault('catalog', { status: 503, body: { description: 'Down' } });
    try {
      await platform.parts.catalog.refresh();
      const listing = await call<CatalogResponse>('GET', '/api/catalog');
      const [status] = listing.body.brokers;
      assert.equal(status!.state, 'unavailable');
      assert.equal(status!.unreachable, true);
      assert.equal(status!.stale, true);
      assert.ok(status!.unavailableSince, 'since when');
      assert.ok(
        listing.body.services.some((service) => service.id === 'plain-service'),
        'its services are still listed, from the stored catalog',
      );
      await platform.parts.catalog.refresh();
      const again = (await call<CatalogResponse>('GET', '/api/catalog')).body.brokers[0]!;
      assert.equal(again.unavailableSince, status!.unavailableSince, 'since the first failed refresh');

      const refused = await call<ErrorBody>('POST', INSTANCES, {
        name: `faults-${++count}`,
        serviceId: 'plain-service',
        planId: 'plain-plan',
      });
      assert.equal(refused.status, 503);
      assert.equal(refused.body.code, 'brokerUnavailable');
      assert.deepEqual(refused.body.params, { broker: 'Broker scripted', since: status!.unavailableSince });
      assert.equal(broker.requestsTo('provision').length, 0, 'the broker never heard of it');
    } finally {
      broker.setDefault('catalog', { status: 200, body: catalog });
      await platform.parts.catalog.refresh();
    }
    const back = (await call<CatalogResponse>('GET', '/api/catalog')).body.brokers[0]!;
    assert.equal(back.state, 'ok');
    assert.equal(back.unavailableSince, undefined);
    assert.equal(back.stale, undefined);
    const ordered = await call('POST', INSTANCES, {
      name: `faults-${++count}`,
      serviceId: 'plain-service',
      planId: 'plain-plan',
    });
    assert.equal(ordered.status, 201);
  });
});
