/**
 * Instance sharing against the demo broker's shareable DNS Zone: the target project sees the
 * instance read-only and manages only its own bindings; ending the share (by the owner or the
 * target) deletes the target's bindings at the broker; sharing stays within the workspace and
 * within shareable services.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type {
  CatalogResponse,
  ServiceBinding,
  ServiceBindingWithCredentials,
  ServiceInstance,
  ServiceInstanceShare,
  ServiceInstanceShareDetails,
  ServiceSummary,
} from '@osb/api';
import type { RunningDemoBroker } from '../src/demo-broker/demo-broker.ts';
import { demoGlobalBroker, startDemoScenario, type Scenario, type TestPlatform } from './helper.ts';

const OWNER = '/api/projects/likvid-payments/service-instances';
const TARGET = '/api/projects/likvid-mobile/service-instances';

let scenario: Scenario<RunningDemoBroker>;
let demoBroker: RunningDemoBroker;
let platform: TestPlatform;
let alice: string;
let bob: string;

before(async () => {
  scenario = await startDemoScenario({ brokers: [demoGlobalBroker] });
  ({ broker: demoBroker, platform, token: alice } = scenario);
  bob = await scenario.issuer.sign({ sub: 'bob' });
});

after(() => scenario.close());

async function call<T = ServiceBindingWithCredentials>(
  method: string,
  path: string,
  body?: unknown,
  token = alice,
): Promise<{ status: number; body: T }> {
  return platform.call<T>(method, path, { body, token });
}

function message(answer: { body: unknown }): string {
  return (answer.body as { message: string }).message;
}

async function service(name: string): Promise<ServiceSummary> {
  const { body } = await call<CatalogResponse>('GET', '/api/catalog');
  return body.services.find((candidate) => candidate.name === name)!;
}

let zones = 0;

async function dnsZone(): Promise<ServiceInstance> {
  const dns = await service('dns-zone');
  const planId = dns.plans.find((plan) => plan.name === 'free')!.id;
  const n = ++zones;
  const { status, body } = await call<ServiceInstance>('POST', OWNER, {
    name: `zone-${n}`,
    serviceId: dns.id,
    planId,
    parameters: { zoneName: `zone${n}.example.com` },
  });
  assert.equal(status, 201);
  return body;
}

/** The binding ids the demo broker was asked to delete. */
async function unboundAtBroker(): Promise<string[]> {
  const basic = Buffer.from('broker-user:broker-secret-password').toString('base64');
  const response = await fetch(`${demoBroker.url}/global/demo/requests`, {
    headers: { Authorization: `Basic ${basic}` },
  });
  const { requests } = (await response.json()) as { requests: { method: string; path: string }[] };
  return requests
    .filter((request) => request.method === 'DELETE' && request.path.includes('/service_bindings/'))
    .map((request) => request.path.split('/').pop()!);
}

describe('sharing an instance', () => {
  it('shows the instance read-only in the target project, where it manages only its own bindings', async () => {
    const zone = await dnsZone();
    const shared = await call<ServiceInstanceShare>('POST', `${OWNER}/${zone.id}/shares`, {
      targetProjectId: 'likvid-mobile',
    });
    assert.equal(shared.status, 201);
    assert.equal(shared.body.targetProjectDisplayName, 'Mobile App');
    assert.equal(shared.body.ownerProjectId, 'likvid-payments');

    const listed = await call<ServiceInstance[]>('GET', TARGET);
    const seen = listed.body.find((instance) => instance.id === zone.id);
    assert.ok(seen, 'the target lists the shared instance');
    assert.deepEqual(seen.sharedFrom, { projectId: 'likvid-payments', displayName: 'Payments' });
    assert.deepEqual((await call<ServiceInstance>('GET', `${TARGET}/${zone.id}`)).body.sharedFrom, seen.sharedFrom);
    assert.equal((await call<ServiceInstance>('GET', `${OWNER}/${zone.id}`)).body.sharedFrom, undefined);

    const update = await call('PATCH', `${TARGET}/${zone.id}`, { name: 'taken over' });
    assert.equal(update.status, 403);
    assert.match(message(update), /shared with your project by Payments/);
    assert.equal((await call('DELETE', `${TARGET}/${zone.id}`)).status, 403);
    assert.equal(
      (await call('POST', `${TARGET}/${zone.id}/shares`, { targetProjectId: 'likvid-payments' })).status,
      403,
    );

    const targetBinding = await call('POST', `${TARGET}/${zone.id}/bindings`, { name: 'mobile records' });
    assert.equal(targetBinding.status, 201);
    assert.equal(targetBinding.body.projectId, 'likvid-mobile');
    assert.ok(targetBinding.body.credentials?.['api_token']);
    const ownerBinding = await call('POST', `${OWNER}/${zone.id}/bindings`, { name: 'payments records' });
    assert.deepEqual(
      (await call<ServiceBinding[]>('GET', `${OWNER}/${zone.id}/bindings`)).body.map((b) => b.name),
      ['payments records'],
    );
    assert.deepEqual(
      (await call<ServiceBinding[]>('GET', `${TARGET}/${zone.id}/bindings`)).body.map((b) => b.name),
      ['mobile records'],
    );
    assert.equal((await call('DELETE', `${OWNER}/${zone.id}/bindings/${targetBinding.body.id}`)).status, 404);
    assert.equal((await call('DELETE', `${TARGET}/${zone.id}/bindings/${ownerBinding.body.id}`)).status, 404);

    const ownerView = await call<ServiceInstanceShare[]>('GET', `${OWNER}/${zone.id}/shares`);
    assert.deepEqual(
      ownerView.body.map((share) => share.targetProjectId),
      ['likvid-mobile'],
    );
    const targetView = await call<ServiceInstanceShare[]>('GET', `${TARGET}/${zone.id}/shares`);
    assert.deepEqual(
      targetView.body.map((share) => share.targetProjectId),
      ['likvid-mobile'],
    );
  });

  it('lists the target bindings before the owner ends the share, then deletes them at the broker', async () => {
    const zone = await dnsZone();
    await call('POST', `${OWNER}/${zone.id}/shares`, { targetProjectId: 'likvid-mobile' });
    const first = await call('POST', `${TARGET}/${zone.id}/bindings`, { name: 'app' });
    const second = await call('POST', `${TARGET}/${zone.id}/bindings`, { name: 'ci' });
    const ownerBinding = await call('POST', `${OWNER}/${zone.id}/bindings`, { name: 'owner' });

    const preview = await call<ServiceInstanceShareDetails>('GET', `${OWNER}/${zone.id}/shares/likvid-mobile`);
    assert.equal(preview.status, 200);
    assert.deepEqual(
      preview.body.bindingsToRemove.map((binding) => binding.name),
      ['app', 'ci'],
    );
    assert.equal('credentials' in preview.body.bindingsToRemove[0]!, false);

    const ended = await call('DELETE', `${OWNER}/${zone.id}/shares/likvid-mobile`);
    assert.equal(ended.status, 204);
    const unbound = await unboundAtBroker();
    assert.ok(
      unbound.includes(first.body.id) && unbound.includes(second.body.id),
      'the target bindings were deleted at the broker',
    );
    assert.equal(unbound.includes(ownerBinding.body.id), false);
    assert.equal(
      (await call<ServiceInstance[]>('GET', TARGET)).body.some((instance) => instance.id === zone.id),
      false,
    );
    assert.equal((await call('GET', `${TARGET}/${zone.id}`)).status, 404);
    assert.equal((await call('GET', `${TARGET}/${zone.id}/bindings`)).status, 404);
    assert.deepEqual(
      (await call<ServiceBinding[]>('GET', `${OWNER}/${zone.id}/bindings`)).body.map((b) => b.name),
      ['owner'],
    );
  });

  it('lets the target end the share itself', async () => {
    const zone = await dnsZone();
    await call('POST', `${OWNER}/${zone.id}/shares`, { targetProjectId: 'likvid-mobile' });
    const binding = await call('POST', `${TARGET}/${zone.id}/bindings`, { name: 'leaving' });
    const preview = await call<ServiceInstanceShareDetails>('GET', `${TARGET}/${zone.id}/shares/likvid-mobile`);
    assert.deepEqual(
      preview.body.bindingsToRemove.map((b) => b.id),
      [binding.body.id],
    );
    assert.equal((await call('DELETE', `${TARGET}/${zone.id}/shares/likvid-mobile`)).status, 204);
    assert.ok((await unboundAtBroker()).includes(binding.body.id));
    assert.deepEqual((await call<ServiceInstanceShare[]>('GET', `${OWNER}/${zone.id}/shares`)).body, []);
  });

  it('deletes the target bindings too when the owner deletes the instance', async () => {
    const zone = await dnsZone();
    await call('POST', `${OWNER}/${zone.id}/shares`, { targetProjectId: 'likvid-mobile' });
    const binding = await call('POST', `${TARGET}/${zone.id}/bindings`, { name: 'doomed' });
    assert.equal((await call('DELETE', `${OWNER}/${zone.id}`)).status, 204);
    assert.ok((await unboundAtBroker()).includes(binding.body.id));
    assert.equal(
      (await call<ServiceInstance[]>('GET', TARGET)).body.some((instance) => instance.id === zone.id),
      false,
    );
  });

  it('shares only within the workspace, only shareable services, never twice', async () => {
    const zone = await dnsZone();
    const otherWorkspace = await call('POST', `${OWNER}/${zone.id}/shares`, { targetProjectId: 'acme-webshop' });
    assert.equal(otherWorkspace.status, 422);
    assert.match(message(otherWorkspace), /same workspace/);
    assert.equal(
      (await call('POST', `${OWNER}/${zone.id}/shares`, { targetProjectId: 'no-such-project' })).status,
      422,
    );
    assert.equal(
      (await call('POST', `${OWNER}/${zone.id}/shares`, { targetProjectId: 'likvid-payments' })).status,
      422,
    );
    assert.equal((await call('POST', `${OWNER}/${zone.id}/shares`, { targetProjectId: 'likvid-mobile' })).status, 201);
    assert.equal((await call('POST', `${OWNER}/${zone.id}/shares`, { targetProjectId: 'likvid-mobile' })).status, 409);

    const vault = await service('secrets-vault');
    const instance = await call<ServiceInstance>('POST', OWNER, {
      name: 'vault',
      serviceId: vault.id,
      planId: vault.plans[0]!.id,
    });
    const refused = await call('POST', `${OWNER}/${instance.body.id}/shares`, { targetProjectId: 'likvid-mobile' });
    assert.equal(refused.status, 422);
    assert.match(message(refused), /does not allow sharing/);

    const outsider = await call(
      'GET',
      `/api/projects/acme-webshop/service-instances/${zone.id}/shares`,
      undefined,
      bob,
    );
    assert.equal(outsider.status, 404);
    const foreignProject = await call('GET', `${OWNER}/${zone.id}/shares`, undefined, bob);
    assert.equal(foreignProject.status, 404);
  });
});
