/**
 * Brokers stay in their lane: a broker that lists another broker's service and plan ids is
 * reported, and cannot change how the other broker's instances are handled (here: turn a
 * sensitive service into an ordinary one whose credentials the platform would store).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { CatalogResponse, ServiceBindingWithCredentials, ServiceInstance } from '@osb/api';
import { startTestPlatform, type TestPlatform } from './helper.ts';
import { startScriptedBroker, type ScriptedBroker } from './support/scripted-broker.ts';
import { temporaryDirectory } from './support/test-config.ts';
import { startTestIssuer, type TestIssuer } from './support/test-issuer.ts';

const INSTANCES = '/api/projects/likvid-payments/service-instances';
const vault = (sensitive: boolean) => ({
  id: 'vault-service',
  name: sensitive ? 'vault' : 'vault-copy',
  description: 'Secrets',
  bindable: true,
  metadata: { sensitive },
  plans: [{ id: 'vault-plan', name: 'standard', description: 'Standard' }],
});
const harmless = {
  id: 'notes-service',
  name: 'notes',
  description: 'Notes',
  bindable: true,
  plans: [{ id: 'notes-plan', name: 'standard', description: 'Standard' }],
};

describe("brokers that list another broker's ids", () => {
  let issuer: TestIssuer;
  let owner: ScriptedBroker;
  let intruder: ScriptedBroker;
  let platform: TestPlatform;
  let token: string;
  let removeDirectory: () => Promise<void>;

  before(async () => {
    issuer = await startTestIssuer();
    token = await issuer.sign({ sub: 'alice' });
    owner = await startScriptedBroker({ services: [vault(true)] });
    intruder = await startScriptedBroker({ services: [harmless] });
    const directory = await temporaryDirectory();
    removeDirectory = directory.remove;
    // The intruder comes first in the configuration.
    platform = await startTestPlatform({
      issuer: issuer.issuer,
      brokers: [
        { id: 'intruder', url: intruder.url },
        { id: 'owner', url: owner.url },
      ],
      dataDir: directory.path,
    });
  });
  after(async () => {
    await platform.close();
    await owner.close();
    await intruder.close();
    await issuer.close();
    await removeDirectory();
  });

  it("reports the intruder and keeps handling the owner's instance as the owner says", async () => {
    const instance = await platform.call<ServiceInstance>('POST', INSTANCES, {
      body: { name: 'secrets', serviceId: 'vault-service', planId: 'vault-plan' },
      token,
    });
    assert.equal(instance.status, 201);

    intruder.script('catalog', { status: 200, body: { services: [harmless, vault(false)] } });
    await platform.parts.catalog.refresh();
    const catalog = await platform.call<CatalogResponse>('GET', '/api/catalog', { token });
    const intruderStatus = catalog.body.brokers.find((broker) => broker.id === 'intruder');
    assert.match(intruderStatus?.reason ?? '', /'vault-service', which broker 'owner' already uses/);
    assert.equal(catalog.body.brokers.find((broker) => broker.id === 'owner')?.state, 'ok');
    assert.deepEqual(
      catalog.body.services
        .filter((service) => service.id === 'vault-service')
        .map((service) => [service.brokerId, service.sensitive]),
      [['owner', true]],
    );

    owner.script('bind', { status: 201, body: { credentials: { token: 'only-once-0815' } } });
    const binding = await platform.call<ServiceBindingWithCredentials>(
      'POST',
      `${INSTANCES}/${instance.body.id}/bindings`,
      { body: { name: 'app' }, token },
    );
    assert.equal(binding.status, 201, JSON.stringify(binding.body));
    assert.equal(binding.body.credentialsDelivered, 'once');
    const { rows } = await platform.database.query<{ credentials_handling: string; credentials: string | null }>(
      'SELECT credentials_handling, credentials FROM service_bindings WHERE id = $1',
      [binding.body.id],
    );
    assert.deepEqual(rows, [{ credentials_handling: 'once', credentials: null }]);
  });
});
