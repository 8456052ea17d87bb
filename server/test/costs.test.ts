/**
 * `GET /api/projects/:projectId/costs` over real HTTP against a scripted broker whose plans cost
 * in every kind of unit: time units get a monthly estimate, usage-based and one-time ones are
 * listed with their rates only, totals per service and for the project by currency; an instance
 * shared with another project counts only in its owner's.
 */
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { monthlyEstimate, type ProjectCosts, type ServiceInstance } from '@osb/api';
import type { ScriptedBroker } from './support/scripted-broker.ts';
import { startScriptedScenario, type Scenario, type TestPlatform } from './helper.ts';

const PLANS = {
  hourly: [{ amount: { eur: 0.1 }, unit: 'HOURLY' }],
  daily: [{ amount: { eur: 1.2 }, unit: 'DAILY' }],
  weekly: [{ amount: { eur: 3.5 }, unit: 'WEEKLY' }],
  monthly: [{ amount: { eur: 49, usd: 55 }, unit: 'MONTHLY' }],
  yearly: [{ amount: { eur: 120 }, unit: 'YEARLY' }],
  storage: [
    { amount: { eur: 5 }, unit: 'MONTHLY' },
    { amount: { eur: 0.02 }, unit: 'GB' },
  ],
  requests: [{ amount: { eur: 0.4 }, unit: 'PER 1000 REQUESTS' }],
  setup: [
    { amount: { eur: 99 }, unit: 'SETUP FEE' },
    { amount: { eur: 10 }, unit: 'monthly' },
  ],
  free: [],
} as const;

function costCatalog() {
  const plan = (name: keyof typeof PLANS) => ({
    id: `plan-${name}`,
    name,
    description: name,
    free: PLANS[name].length === 0,
    metadata: { displayName: `Plan ${name}`, costs: PLANS[name] },
  });
  return {
    services: [
      {
        id: 'compute',
        name: 'compute',
        description: 'Time-billed',
        bindable: false,
        metadata: { displayName: 'Compute', shareable: true },
        plans: (['hourly', 'daily', 'weekly', 'monthly', 'yearly', 'free'] as const).map(plan),
      },
      {
        id: 'storage',
        name: 'storage',
        description: 'Usage-billed',
        bindable: false,
        metadata: { displayName: 'Storage' },
        plans: (['storage', 'requests', 'setup'] as const).map(plan),
      },
    ],
  };
}

let scenario: Scenario<ScriptedBroker>;
let broker: ScriptedBroker;
let platform: TestPlatform;
let alice: string;
let bob: string;
const ids = new Map<string, string>();

before(async () => {
  scenario = await startScriptedScenario(costCatalog());
  ({ broker, platform, token: alice } = scenario);
  bob = await scenario.issuer.sign({ sub: 'bob' });
  const orders: [string, string][] = [
    ['compute', 'hourly'],
    ['compute', 'daily'],
    ['compute', 'weekly'],
    ['compute', 'monthly'],
    ['compute', 'yearly'],
    ['compute', 'free'],
    ['storage', 'storage'],
    ['storage', 'requests'],
    ['storage', 'setup'],
  ];
  for (const [serviceId, plan] of orders) {
    const { status, body } = await platform.call<ServiceInstance>(
      'POST',
      '/api/projects/likvid-payments/service-instances',
      { token: alice, body: { name: `costs-${plan}`, serviceId, planId: `plan-${plan}` } },
    );
    assert.equal(status, 201);
    ids.set(plan, body.id);
  }
  // An order that failed costs nothing and is not listed.
  broker.script('provision', { status: 400, body: {} });
  await platform.call('POST', '/api/projects/likvid-payments/service-instances', {
    token: alice,
    body: { name: 'costs-failed', serviceId: 'compute', planId: 'plan-monthly' },
  });
});

after(() => scenario.close());

async function costs(project = 'likvid-payments', token = alice) {
  return platform.call<ProjectCosts>('GET', `/api/projects/${project}/costs`, { token });
}

it('estimates time units per month (hours ×730, days ×365/12, weeks ×52/12, years ÷12) and lists usage rates', async () => {
  const { status, body } = await costs();
  assert.equal(status, 200);
  assert.deepEqual(
    body.instances.map((line) => line.instanceName),
    ['hourly', 'daily', 'weekly', 'monthly', 'yearly', 'free', 'storage', 'requests', 'setup'].map((p) => `costs-${p}`),
  );
  const line = (plan: string) => body.instances.find((entry) => entry.instanceId === ids.get(plan))!;
  assert.deepEqual(line('hourly').monthly, { eur: 73 });
  assert.deepEqual(line('daily').monthly, { eur: 36.5 });
  assert.deepEqual(line('weekly').monthly, { eur: 15.1667 });
  assert.deepEqual(line('monthly').monthly, { eur: 49, usd: 55 });
  assert.deepEqual(line('yearly').monthly, { eur: 10 });
  assert.deepEqual(line('free').monthly, {});
  assert.equal(line('free').free, true);
  assert.equal(line('hourly').serviceName, 'Compute');
  assert.equal(line('hourly').planName, 'Plan hourly');
  assert.deepEqual(line('hourly').recurring, [{ amount: { eur: 0.1 }, unit: 'HOURLY', monthly: { eur: 73 } }]);
  assert.deepEqual(line('storage').monthly, { eur: 5 });
  assert.deepEqual(line('storage').usageBased, [{ amount: { eur: 0.02 }, unit: 'GB' }]);
  assert.deepEqual(line('requests').monthly, {});
  assert.deepEqual(line('requests').usageBased, [{ amount: { eur: 0.4 }, unit: 'PER 1000 REQUESTS' }]);
  assert.deepEqual(line('setup').usageBased, [{ amount: { eur: 99 }, unit: 'SETUP FEE' }]);
  assert.deepEqual(line('setup').monthly, { eur: 10 });
});

it('adds the estimates per service and for the project, by currency', async () => {
  const { body } = await costs();
  assert.deepEqual(body.services, [
    {
      serviceId: 'compute',
      serviceName: 'Compute',
      instances: 6,
      monthly: { eur: 183.6667, usd: 55 },
      usageBasedInstances: 0,
    },
    { serviceId: 'storage', serviceName: 'Storage', instances: 3, monthly: { eur: 15 }, usageBasedInstances: 3 },
  ]);
  assert.deepEqual(body.monthly, { eur: 198.6667, usd: 55 });
  assert.equal(body.usageBasedInstances, 3);
});

it("lists an instance shared with another project there without counting it; it counts in the owner's", async () => {
  const shared = ids.get('monthly')!;
  const share = await platform.call('POST', `/api/projects/likvid-payments/service-instances/${shared}/shares`, {
    token: alice,
    body: { targetProjectId: 'likvid-mobile' },
  });
  assert.equal(share.status, 201);
  const { body } = await costs('likvid-mobile');
  assert.equal(body.instances.length, 1);
  assert.deepEqual(body.instances[0]!.sharedFrom, { projectId: 'likvid-payments', displayName: 'Payments' });
  assert.deepEqual(body.instances[0]!.monthly, { eur: 49, usd: 55 });
  assert.deepEqual(body.monthly, {});
  assert.deepEqual(body.services, []);
  assert.deepEqual((await costs()).body.monthly, { eur: 198.6667, usd: 55 });
});

it('answers 404 to users outside the project', async () => {
  assert.equal((await costs('likvid-payments', bob)).status, 404);
});

it('gives no monthly estimate for units that depend on usage or happen once', () => {
  assert.equal(monthlyEstimate({ amount: { eur: 1 }, unit: 'MB' }), undefined);
  assert.equal(monthlyEstimate({ amount: { eur: 1 }, unit: 'per API call' }), undefined);
  assert.equal(monthlyEstimate({ amount: { eur: 1 }, unit: 'setup_fee' }), undefined);
  assert.deepEqual(monthlyEstimate({ amount: { EUR: 2 }, unit: ' hourly ' }), { eur: 1460 });
});
