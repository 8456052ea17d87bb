/**
 * Bindings created while their instance is being deleted, or while the share they would be
 * created under is ending, are refused with a coded error and never left behind at the broker:
 * requests race each other over real HTTP against a scripted broker whose unbind answers slowly.
 */
import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import type {
  ErrorBody,
  ServiceBindingWithCredentials,
  ServiceInstance,
  ServiceInstanceDeletionImpact,
} from '@osb/api';
import { eventually, scriptedCatalog, type ScriptedBroker } from './support/scripted-broker.ts';
import { startScriptedScenario, type Scenario, type TestPlatform } from './helper.ts';

const OWNER = '/api/projects/likvid-payments/service-instances';
const TARGET = '/api/projects/likvid-mobile/service-instances';
/** How long the broker takes to answer an unbind: the window in which the races happen. */
const SLOW_UNBIND_MS = 400;
/** How long the broker takes to answer a bind where a test needs one in progress. */
const SLOW_BIND_MS = 400;

let scenario: Scenario<ScriptedBroker>;
let broker: ScriptedBroker;
let platform: TestPlatform;
let token: string;

before(async () => {
  const shared = {
    id: 'shared-service',
    name: 'shared-zone',
    description: 'A zone the owner shares with other projects',
    bindable: true,
    metadata: { shareable: true },
    plans: [{ id: 'shared-plan', name: 'standard', description: 'Standard' }],
  };
  const catalog = { services: [...scriptedCatalog().services, shared] };
  scenario = await startScriptedScenario(catalog);
  ({ broker, platform, token } = scenario);
});

after(() => scenario.close());

beforeEach(() => {
  broker.setDefault('unbind', { status: 200, body: {}, delayMs: SLOW_UNBIND_MS });
  broker.setDefault('bind', { status: 201, body: { credentials: {} } });
});

function call<T>(method: string, path: string, body?: unknown) {
  return platform.call<T>(method, path, { body, token });
}

let counter = 0;
async function sharedInstance(): Promise<ServiceInstance> {
  counter += 1;
  const created = await call<ServiceInstance>('POST', OWNER, {
    name: `zone-${counter}`,
    serviceId: 'shared-service',
    planId: 'shared-plan',
  });
  assert.equal(created.status, 201);
  return created.body;
}

function bind(projectPath: string, instance: ServiceInstance, name: string) {
  return call<ServiceBindingWithCredentials | ErrorBody>('POST', `${projectPath}/${instance.id}/bindings`, { name });
}

/** Every binding the broker created for the instance was deleted there again: none is orphaned. */
function assertNoBindingLeftAtBroker(instance: ServiceInstance): void {
  const bound = new Set(
    broker
      .requestsTo('bind')
      .filter((request) => request.instanceId === instance.id)
      .map((request) => request.bindingId),
  );
  const unbound = new Set(
    broker
      .requestsTo('unbind')
      .filter((request) => request.instanceId === instance.id)
      .map((request) => request.bindingId),
  );
  assert.deepEqual(
    [...bound].filter((id) => !unbound.has(id)),
    [],
    'bindings left at the broker',
  );
}

/**
 * Deletes the instance, again for as long as the answer is that bindings are still being created:
 * a deprovision that begins between a racing bind's start and the broker's answer must wait for it.
 */
function deleteOnceBindsSettle(instance: ServiceInstance) {
  return eventually(async () => {
    const answer = await call<ErrorBody>('DELETE', `${OWNER}/${instance.id}`);
    return answer.status === 409 && answer.body.code === 'bindingsStillCreating' ? undefined : answer;
  }, 'the deprovision once the racing binds are settled');
}

async function storedBindings(instance: ServiceInstance): Promise<number> {
  const { rows } = await platform.database.query<{ count: number }>(
    'SELECT count(*)::integer AS count FROM service_bindings WHERE instance_id = $1',
    [instance.id],
  );
  return rows[0]!.count;
}

describe('a binding created while its instance is being deleted', () => {
  it('is refused with instanceDeleting once the deprovision has begun', async () => {
    const instance = await sharedInstance();
    assert.equal((await bind(OWNER, instance, 'existing')).status, 201);

    const deleting = call('DELETE', `${OWNER}/${instance.id}`);
    await eventually(
      () => broker.requestsTo('unbind').some((request) => request.instanceId === instance.id),
      'the deprovision deleting the existing binding',
    );
    const refused = await bind(OWNER, instance, 'late');
    assert.equal(refused.status, 409);
    assert.equal((refused.body as ErrorBody).code, 'instanceDeleting');

    assert.equal((await deleting).status, 204);
    assertNoBindingLeftAtBroker(instance);
  });

  it('is deleted with the instance, refused, or finds the instance gone, however the requests interleave', async () => {
    const instance = await sharedInstance();
    await bind(OWNER, instance, 'existing');
    const deleting = deleteOnceBindsSettle(instance);
    const racing = await Promise.all(
      Array.from({ length: 8 }, async (_, index) => {
        await new Promise((resolve) => setTimeout(resolve, index * 15));
        return bind(OWNER, instance, `racer-${index}`);
      }),
    );
    const deleted = await deleting;
    // Created before the deprovision began or between its attempts (and deleted by it), refused while it
    // runs, or, when a busy machine delays the request until the deprovision has finished, not found:
    // nothing in between.
    const legitimate = (answer: (typeof racing)[number]) =>
      answer.status === 201 ||
      (answer.status === 409 && (answer.body as ErrorBody).code === 'instanceDeleting') ||
      (answer.status === 404 && (answer.body as ErrorBody).code === 'instanceNotFound');
    for (const answer of racing)
      assert.ok(legitimate(answer), `unexpected answer ${answer.status} ${JSON.stringify(answer.body)}`);
    assert.equal(deleted.status, 204, JSON.stringify(deleted.body));
    assert.equal(await storedBindings(instance), 0);
    assertNoBindingLeftAtBroker(instance);
  });

  it('makes the deprovision wait with bindingsStillCreating while the broker still creates it', async () => {
    broker.setDefault('bind', { status: 201, body: { credentials: {} }, delayMs: SLOW_BIND_MS });
    const instance = await sharedInstance();
    const binding = bind(OWNER, instance, 'in-flight');
    await eventually(
      () => broker.requestsTo('bind').some((request) => request.instanceId === instance.id),
      'the bind at the broker',
    );

    const refused = await call<ErrorBody>('DELETE', `${OWNER}/${instance.id}`);
    assert.equal(refused.status, 409, JSON.stringify(refused.body));
    assert.equal(refused.body.code, 'bindingsStillCreating');
    assert.deepEqual(refused.body.params, { count: 1, deleting: 0, then: 'deleteInstance' });

    assert.equal((await binding).status, 201, 'the bind finishes');
    const deleted = await call('DELETE', `${OWNER}/${instance.id}`);
    assert.equal(deleted.status, 204, JSON.stringify(deleted.body));
    assert.equal(await storedBindings(instance), 0);
    assertNoBindingLeftAtBroker(instance);
  });
});

describe('a binding created while its share is ending', () => {
  it('is refused with shareEnding, and the share ends without leaving one behind', async () => {
    const instance = await sharedInstance();
    assert.equal(
      (await call('POST', `${OWNER}/${instance.id}/shares`, { targetProjectId: 'likvid-mobile' })).status,
      201,
    );
    assert.equal((await bind(TARGET, instance, 'mobile-app')).status, 201);

    const ending = call('DELETE', `${OWNER}/${instance.id}/shares/likvid-mobile`);
    await eventually(
      () => broker.requestsTo('unbind').some((request) => request.instanceId === instance.id),
      'the end of the share deleting the target’s binding',
    );
    const refused = await bind(TARGET, instance, 'late');
    assert.equal(refused.status, 409);
    assert.equal((refused.body as ErrorBody).code, 'shareEnding');

    assert.equal((await ending).status, 204);
    assert.equal((await bind(TARGET, instance, 'after')).status, 404, 'the instance is gone for the target');
    assert.equal(await storedBindings(instance), 0);
    assertNoBindingLeftAtBroker(instance);
  });
});

describe('the deletion impact', () => {
  it('lists every project’s bindings and the projects the instance is shared with, for the owner only', async () => {
    broker.setDefault('unbind', { status: 200, body: {} });
    const instance = await sharedInstance();
    await call('POST', `${OWNER}/${instance.id}/shares`, { targetProjectId: 'likvid-mobile' });
    await bind(OWNER, instance, 'payments-app');
    await bind(TARGET, instance, 'mobile-app');

    const impact = await call<ServiceInstanceDeletionImpact>('GET', `${OWNER}/${instance.id}/deletion-impact`);
    assert.equal(impact.status, 200);
    assert.deepEqual(
      impact.body.bindings.map((binding) => [binding.name, binding.project.projectId]),
      [
        ['payments-app', 'likvid-payments'],
        ['mobile-app', 'likvid-mobile'],
      ],
    );
    assert.deepEqual(
      impact.body.sharedWith.map((project) => project.projectId),
      ['likvid-mobile'],
    );
    assert.ok(impact.body.sharedWith[0]!.displayName.length > 0);

    const fromTarget = await call<ErrorBody>('GET', `${TARGET}/${instance.id}/deletion-impact`);
    assert.equal(fromTarget.status, 403);
    assert.equal(fromTarget.body.code, 'instanceSharedReadOnly');
  });
});
