import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildBindingLastOperationRequest,
  buildBindRequest,
  buildContext,
  buildDeprovisionRequest,
  buildUnbindRequest,
  buildLastOperationRequest,
  buildProvisionRequest,
  buildUpdateRequest,
  changedParameters,
  originatingIdentity,
} from '../src/osb/requests.ts';
import { DEFAULT_POLLING_SETTINGS, nextPollDelay, parseRetryAfter, pollingDeadline } from '../src/osb/polling.ts';
import {
  afterFailedAttempt,
  orphanMitigationDone,
  startOrphanMitigation,
  type OrphanMitigationSchedule,
} from '../src/operations/orphan-mitigation.ts';

const user = { id: 'alice', euid: 'alice@likvid-bank.example' };
const base = {
  instanceId: 'a1b2c3',
  workspaceId: 'likvid-bank',
  projectId: 'likvid-payments',
  publicUrl: 'http://localhost:8080/',
  serviceId: 'svc-1',
};

describe('provision request', () => {
  it('sends the meshMarketplace context, organization_guid, space_guid and maintenance_info', () => {
    const request = buildProvisionRequest({
      ...base,
      planId: 'plan-1',
      parameters: { size: 2 },
      maintenanceInfoVersion: '1.2.0',
      user,
    });
    assert.equal(request.method, 'PUT');
    assert.deepEqual(request.path, ['service_instances', 'a1b2c3']);
    assert.deepEqual(request.query, { accepts_incomplete: 'true' });
    assert.deepEqual(request.body, {
      service_id: 'svc-1',
      plan_id: 'plan-1',
      context: {
        platform: 'meshmarketplace',
        customer_id: 'likvid-bank',
        project_id: 'likvid-payments',
        auth_url: null,
        token_url: null,
        permission_url: null,
      },
      organization_guid: 'likvid-bank',
      space_guid: 'likvid-payments',
      parameters: { size: 2 },
      maintenance_info: { version: '1.2.0' },
    });
  });

  it('fills auth_url, token_url and permission_url for a service with a dashboard client', () => {
    const request = buildProvisionRequest({
      ...base,
      planId: 'plan-1',
      user,
      dashboardSso: {
        clientId: 'dash client',
        authorizationEndpoint: 'http://localhost:8080/oidc/auth',
        tokenEndpoint: 'http://localhost:8080/oidc/token',
      },
    });
    const context = request.body?.['context'] as Record<string, unknown>;
    assert.equal(
      context['auth_url'],
      'http://localhost:8080/oidc/auth?client_id=dash%20client&response_type=code&redirect_uri={redirect_uri}&nonce={nonce}&state={state}',
    );
    assert.equal(context['token_url'], 'http://localhost:8080/oidc/token');
    assert.equal(context['permission_url'], 'http://localhost:8080/serviceInstances/a1b2c3/permissions');
  });

  it('carries the originating identity of the user (platform meshmarketplace, user_id and user_euid)', () => {
    const request = buildProvisionRequest({ ...base, planId: 'p', user });
    assert.deepEqual(request.originatingIdentity, {
      platform: 'meshmarketplace',
      user: { user_id: 'alice', user_euid: 'alice@likvid-bank.example' },
    });
    assert.deepEqual(originatingIdentity({ id: 'bob' }).user, { user_id: 'bob', user_euid: 'bob' });
  });
});

describe('update request', () => {
  it('sends only changed parameters, the new plan and previous_values', () => {
    const request = buildUpdateRequest({
      ...base,
      currentPlanId: 'small',
      newPlanId: 'large',
      changedParameters: { size: 3 },
      currentMaintenanceInfoVersion: '1.0.0',
      maintenanceInfoVersion: '2.0.0',
      user,
    });
    assert.equal(request.method, 'PATCH');
    assert.deepEqual(request.query, { accepts_incomplete: 'true' });
    const body = request.body!;
    assert.equal(body['plan_id'], 'large');
    assert.deepEqual(body['parameters'], { size: 3 });
    assert.deepEqual(body['previous_values'], { plan_id: 'small', maintenance_info: { version: '1.0.0' } });
    assert.deepEqual(body['maintenance_info'], { version: '2.0.0' });
    assert.ok(request.originatingIdentity);
  });

  it('leaves out plan_id and parameters when they did not change', () => {
    const body = buildUpdateRequest({
      ...base,
      currentPlanId: 'small',
      newPlanId: 'small',
      changedParameters: {},
      user,
    }).body!;
    assert.equal('plan_id' in body, false);
    assert.equal('parameters' in body, false);
    assert.deepEqual(body['previous_values'], { plan_id: 'small' });
  });

  it('finds the changed keys, ignoring key order', () => {
    assert.deepEqual(
      changedParameters(
        { a: 1, b: { x: 1, y: [1, 2] }, c: 'same', gone: true },
        { a: 2, b: { y: [1, 2], x: 1 }, c: 'same', added: null },
      ),
      { a: 2, added: null },
    );
  });
});

describe('deprovision and last_operation requests', () => {
  const ref = { instanceId: 'id/with space', serviceId: 'svc', planId: 'old-plan' };

  it('deprovision carries service_id, plan_id and accepts_incomplete, identity only for users', () => {
    const request = buildDeprovisionRequest(ref, user);
    assert.deepEqual(request.path, ['service_instances', 'id/with space']);
    assert.deepEqual(request.query, { service_id: 'svc', plan_id: 'old-plan', accepts_incomplete: 'true' });
    assert.ok(request.originatingIdentity);
    assert.equal(buildDeprovisionRequest(ref).originatingIdentity, undefined);
  });

  it('last_operation echoes operation exactly and uses the given (old) plan', () => {
    const request = buildLastOperationRequest(ref, 'op =&?/ä');
    assert.deepEqual(request.path, ['service_instances', 'id/with space', 'last_operation']);
    assert.deepEqual(request.query, { service_id: 'svc', plan_id: 'old-plan', operation: 'op =&?/ä' });
    assert.deepEqual(buildLastOperationRequest(ref, undefined).query, { service_id: 'svc', plan_id: 'old-plan' });
  });
});

describe('polling policy', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');

  it('reads Retry-After as seconds or an HTTP date', () => {
    assert.equal(parseRetryAfter('7', now), 7000);
    assert.equal(parseRetryAfter('Mon, 23 Nov 2026 12:00:30 GMT', now), 30_000);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter('-3', now), undefined);
    assert.equal(parseRetryAfter(undefined, now), undefined);
  });

  it('honours Retry-After within bounds', () => {
    const s = DEFAULT_POLLING_SETTINGS;
    assert.equal(nextPollDelay(s, 0, '5', now), 5000);
    assert.equal(nextPollDelay(s, 0, '0', now), s.minDelayMs);
    assert.equal(nextPollDelay(s, 0, '86400', now), s.maxRetryAfterMs);
    assert.equal(nextPollDelay(s, 0, 'Mon, 23 Nov 2026 11:00:00 GMT', now), s.minDelayMs);
  });

  it('starts at 2 s and backs off gently up to the cap', () => {
    const s = DEFAULT_POLLING_SETTINGS;
    assert.deepEqual(
      [0, 1, 2, 3].map((n) => nextPollDelay(s, n, undefined, now)),
      [2000, 3000, 4500, 6750],
    );
    assert.equal(nextPollDelay(s, 50, undefined, now), s.maxBackoffDelayMs);
  });

  it('never waits beyond the deadline', () => {
    assert.equal(nextPollDelay(DEFAULT_POLLING_SETTINGS, 0, '60', now, now + 1500), 1500);
    assert.equal(nextPollDelay(DEFAULT_POLLING_SETTINGS, 0, undefined, now, now - 10), 0);
  });

  it('ends at the smaller of the platform maximum and the plan maximum_polling_duration', () => {
    const s = { ...DEFAULT_POLLING_SETTINGS, platformMaxDurationMs: 3_600_000 };
    assert.equal(pollingDeadline(s, now, 60), now + 60_000);
    assert.equal(pollingDeadline(s, now, 7200), now + 3_600_000);
    assert.equal(pollingDeadline(s, now), now + 3_600_000);
  });
});

describe('orphan mitigation schedule', () => {
  const schedule: OrphanMitigationSchedule = { initialDelayMs: 1000, factor: 2, maxDelayMs: 5000 };

  it('retries with backoff up to the cap and remembers the last result', () => {
    let state = startOrphanMitigation(schedule, 0);
    assert.deepEqual(state, { attempts: 0, nextAttemptAt: 1000 });
    const delays: number[] = [];
    for (let now = 1000, i = 0; i < 4; i++) {
      state = afterFailedAttempt(schedule, state, { kind: 'response', status: 500, body: undefined }, now);
      delays.push(state.nextAttemptAt - now);
      now = state.nextAttemptAt;
    }
    assert.deepEqual(delays, [2000, 4000, 5000, 5000]);
    assert.equal(state.attempts, 4);
    assert.equal(state.lastResult, 'HTTP 500');
  });

  it('is done on 200 or 410 only', () => {
    assert.equal(orphanMitigationDone({ kind: 'response', status: 200, body: 'malformed' }), true);
    assert.equal(orphanMitigationDone({ kind: 'response', status: 410, body: undefined }), true);
    for (const status of [202, 204, 422, 500]) {
      assert.equal(orphanMitigationDone({ kind: 'response', status, body: {} }), false, String(status));
    }
    assert.equal(orphanMitigationDone({ kind: 'timeout' }), false);
  });
});

describe('binding requests', () => {
  const ref = { instanceId: 'inst', bindingId: 'bind 1', serviceId: 'svc', planId: 'plan' };
  const context = buildContext({
    instanceId: 'inst',
    workspaceId: 'likvid-bank',
    projectId: 'likvid-payments',
    publicUrl: 'http://p',
  });

  it('bind sends context, the meshMarketplace tenant bind_resource and parameters', () => {
    const request = buildBindRequest({
      ...ref,
      context,
      bindResource: { tenant_id: '123456789012', platform: 'eu-de-central.aws' },
      parameters: { readOnly: true },
      user,
    });
    assert.equal(request.method, 'PUT');
    assert.deepEqual(request.path, ['service_instances', 'inst', 'service_bindings', 'bind 1']);
    assert.deepEqual(request.query, { accepts_incomplete: 'true' });
    assert.deepEqual(request.body, {
      service_id: 'svc',
      plan_id: 'plan',
      context,
      bind_resource: { tenant_id: '123456789012', platform: 'eu-de-central.aws' },
      parameters: { readOnly: true },
    });
    assert.ok(request.originatingIdentity);
  });

  it('unbind and binding last_operation carry service_id and plan_id; orphan mitigation has no identity', () => {
    assert.deepEqual(buildUnbindRequest(ref).query, { service_id: 'svc', plan_id: 'plan', accepts_incomplete: 'true' });
    assert.equal(buildUnbindRequest(ref).originatingIdentity, undefined);
    assert.ok(buildUnbindRequest(ref, user).originatingIdentity);
    const poll = buildBindingLastOperationRequest(ref, 'op 1');
    assert.deepEqual(poll.path, ['service_instances', 'inst', 'service_bindings', 'bind 1', 'last_operation']);
    assert.deepEqual(poll.query, { service_id: 'svc', plan_id: 'plan', operation: 'op 1' });
  });
});
