/**
 * Bind answers with `syslog_drain_url`, `route_service_url` or `volume_mounts` are accepted from
 * services whose `requires` lists the matching permission, and refused from others (OSB v2.17).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ServiceBindingWithCredentials, ServiceInstance } from '@osb/api';
import { startScriptedScenario, type Scenario, type TestPlatform } from './helper.ts';
import type { ScriptedBroker } from './support/scripted-broker.ts';

const INSTANCES = '/api/projects/likvid-payments/service-instances';
const catalog = {
  services: [
    {
      id: 'drain-service',
      name: 'log-drain',
      description: 'A service that drains, routes and mounts',
      bindable: true,
      requires: ['syslog_drain', 'route_forwarding', 'volume_mount'],
      plans: [{ id: 'drain-plan', name: 'standard', description: 'Standard' }],
    },
    {
      id: 'plain-service',
      name: 'plain',
      description: 'A service that requires nothing',
      bindable: true,
      plans: [{ id: 'plain-plan', name: 'standard', description: 'Standard' }],
    },
  ],
};
const volumeMount = {
  driver: 'nfs',
  container_dir: '/data',
  mode: 'rw',
  device_type: 'shared',
  device: { volume_id: 'v-1' },
};

describe('bind answers with drain, route and volume fields', () => {
  let scenario: Scenario<ScriptedBroker>;
  let broker: ScriptedBroker;
  let platform: TestPlatform;
  let token: string;

  before(async () => {
    scenario = await startScriptedScenario(catalog);
    ({ broker, platform, token } = scenario);
  });
  after(() => scenario.close());

  async function bindWith(serviceId: string, planId: string, answer: Record<string, unknown>) {
    const instance = await platform.call<ServiceInstance>('POST', INSTANCES, {
      body: { name: `i-${serviceId}-${Date.now()}`, serviceId, planId },
      token,
    });
    assert.equal(instance.status, 201);
    broker.script('bind', { status: 201, body: answer });
    return platform.call<ServiceBindingWithCredentials>('POST', `${INSTANCES}/${instance.body.id}/bindings`, {
      body: { name: 'app' },
      token,
    });
  }

  it('accepts them from a service that requires them', async () => {
    const created = await bindWith('drain-service', 'drain-plan', {
      credentials: { uri: 'syslog://logs.example:514' },
      syslog_drain_url: 'syslog://logs.example:514',
      route_service_url: 'https://route.example',
      volume_mounts: [volumeMount],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.lastOperation.state, 'succeeded');
    assert.deepEqual(created.body.credentials, { uri: 'syslog://logs.example:514' });
  });

  it('refuses them from a service that does not require them', async () => {
    const created = await bindWith('plain-service', 'plain-plan', {
      credentials: {},
      syslog_drain_url: 'syslog://logs.example:514',
    });
    assert.notEqual(created.status, 201);
  });
});
