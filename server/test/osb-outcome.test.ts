import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { classifyReply, type OperationKind, type OperationOutcome } from '../src/osb/outcome.ts';
import { classifyLastOperation } from '../src/osb/last-operation.ts';
import { parseBrokerError, type BrokerReply } from '../src/osb/broker-reply.ts';

function reply(status: number, body?: unknown): BrokerReply {
  return { kind: 'response', status, body };
}

function failureOf(outcome: OperationOutcome) {
  assert.equal(outcome.type, 'failed', `expected a failure, got ${JSON.stringify(outcome)}`);
  return outcome.type === 'failed' ? outcome : assert.fail();
}

/** The orphan-mitigation table of OSB v2.17, row by row. */
const omTable: { kind: OperationKind; reply: BrokerReply; type: OperationOutcome['type']; om: boolean }[] = [
  { kind: 'provision', reply: reply(201, { dashboard_url: 'https://d.example/1' }), type: 'succeeded', om: false },
  { kind: 'provision', reply: reply(200, {}), type: 'already-exists', om: false },
  { kind: 'provision', reply: reply(200, 'not an object'), type: 'failed', om: false },
  { kind: 'provision', reply: reply(200, undefined), type: 'failed', om: false },
  { kind: 'provision', reply: reply(202, { operation: 'op-1' }), type: 'accepted', om: false },
  { kind: 'provision', reply: reply(201, undefined), type: 'failed', om: true },
  { kind: 'provision', reply: reply(201, { dashboard_url: 42 }), type: 'failed', om: true },
  { kind: 'provision', reply: reply(202, []), type: 'failed', om: true },
  { kind: 'provision', reply: reply(202, { operation: 7 }), type: 'failed', om: true },
  { kind: 'provision', reply: reply(202, { operation: 'x'.repeat(10_001) }), type: 'failed', om: true },
  { kind: 'provision', reply: reply(204), type: 'failed', om: true },
  { kind: 'provision', reply: reply(500, { description: 'boom' }), type: 'failed', om: true },
  { kind: 'provision', reply: reply(503), type: 'failed', om: true },
  { kind: 'provision', reply: { kind: 'timeout' }, type: 'failed', om: true },
  { kind: 'provision', reply: { kind: 'unreachable' }, type: 'failed', om: false },
  { kind: 'provision', reply: reply(408), type: 'failed', om: false },
  { kind: 'provision', reply: reply(400, { description: 'bad' }), type: 'failed', om: false },
  { kind: 'provision', reply: reply(409, {}), type: 'failed', om: false },
  { kind: 'provision', reply: reply(410, {}), type: 'failed', om: false },
  { kind: 'provision', reply: reply(422, { error: 'ConcurrencyError' }), type: 'failed', om: false },
  { kind: 'update', reply: reply(200, {}), type: 'succeeded', om: false },
  { kind: 'update', reply: reply(202, {}), type: 'accepted', om: false },
  { kind: 'update', reply: reply(201, {}), type: 'failed', om: false },
  { kind: 'update', reply: reply(202, 'garbage'), type: 'failed', om: false },
  { kind: 'update', reply: reply(500), type: 'failed', om: false },
  { kind: 'update', reply: { kind: 'timeout' }, type: 'failed', om: false },
  { kind: 'deprovision', reply: reply(200, {}), type: 'succeeded', om: false },
  { kind: 'deprovision', reply: reply(202, { operation: 'del' }), type: 'accepted', om: false },
  { kind: 'deprovision', reply: reply(410, {}), type: 'gone', om: false },
  { kind: 'deprovision', reply: reply(201, {}), type: 'failed', om: true },
  { kind: 'deprovision', reply: reply(204), type: 'failed', om: true },
  { kind: 'deprovision', reply: reply(500), type: 'failed', om: true },
  { kind: 'deprovision', reply: { kind: 'timeout' }, type: 'failed', om: false },
  { kind: 'deprovision', reply: reply(422, { error: 'ConcurrencyError' }), type: 'failed', om: false },
  { kind: 'deprovision', reply: reply(400), type: 'failed', om: false },
  { kind: 'bind', reply: reply(201, { credentials: { user: 'u' } }), type: 'succeeded', om: false },
  { kind: 'bind', reply: reply(200, { credentials: {} }), type: 'already-exists', om: false },
  { kind: 'bind', reply: reply(201, { credentials: 'secret' }), type: 'failed', om: true },
  { kind: 'bind', reply: reply(201, { syslog_drain_url: 'syslog://x' }), type: 'failed', om: true },
  { kind: 'bind', reply: reply(202, null), type: 'failed', om: true },
  { kind: 'bind', reply: reply(502), type: 'failed', om: true },
  { kind: 'bind', reply: { kind: 'timeout' }, type: 'failed', om: true },
  { kind: 'bind', reply: reply(422, { error: 'RequiresApp' }), type: 'failed', om: false },
  { kind: 'unbind', reply: reply(200, {}), type: 'succeeded', om: false },
  { kind: 'unbind', reply: reply(410), type: 'gone', om: false },
  { kind: 'unbind', reply: reply(500), type: 'failed', om: true },
  { kind: 'unbind', reply: reply(206, {}), type: 'failed', om: true },
  { kind: 'unbind', reply: { kind: 'timeout' }, type: 'failed', om: false },
];

describe('classifyReply', () => {
  for (const row of omTable) {
    const label =
      row.reply.kind === 'response'
        ? `HTTP ${row.reply.status} ${JSON.stringify(row.reply.body)?.slice(0, 40)}`
        : row.reply.kind;
    it(`${row.kind} ${label} → ${row.type}${row.om ? ' with orphan mitigation' : ''}`, () => {
      const outcome = classifyReply(row.kind, row.reply);
      assert.equal(outcome.type, row.type);
      assert.equal(outcome.orphanMitigation, row.om);
    });
  }

  it('stores dashboard_url and metadata of a 201 and ignores unknown fields', () => {
    const outcome = classifyReply(
      'provision',
      reply(201, {
        dashboard_url: 'https://dash.example/i/1',
        metadata: { labels: { a: '1' }, attributes: { b: 2 } },
        extra: true,
      }),
    );
    assert.deepEqual(outcome, {
      type: 'succeeded',
      orphanMitigation: false,
      dashboardUrl: 'https://dash.example/i/1',
      metadata: { labels: { a: '1' }, attributes: { b: 2 } },
    });
  });

  it('drops a dashboard_url that is not http(s)', () => {
    const outcome = classifyReply('provision', reply(201, { dashboard_url: 'javascript:alert(1)' }));
    assert.equal(outcome.type === 'succeeded' && outcome.dashboardUrl, null);
  });

  it('keeps operation of a 202 exactly, and accepts a 202 without or with a null operation', () => {
    const operation = 'task 10/ä?&=';
    assert.deepEqual(classifyReply('provision', reply(202, { operation, dashboard_url: 'http://d/1' })), {
      type: 'accepted',
      orphanMitigation: false,
      operation,
      dashboardUrl: 'http://d/1',
    });
    assert.deepEqual(classifyReply('provision', reply(202, {})), { type: 'accepted', orphanMitigation: false });
    assert.deepEqual(classifyReply('provision', reply(202, { operation: null })), {
      type: 'accepted',
      orphanMitigation: false,
    });
  });

  it('tells the three 422 error codes apart', () => {
    assert.equal(
      failureOf(classifyReply('provision', reply(422, { error: 'AsyncRequired' }))).failure.reason,
      'async-required',
    );
    assert.equal(
      failureOf(classifyReply('update', reply(422, { error: 'MaintenanceInfoConflict' }))).failure.reason,
      'maintenance-info-conflict',
    );
    assert.equal(
      failureOf(classifyReply('deprovision', reply(422, { error: 'ConcurrencyError' }))).failure.reason,
      'concurrency-error',
    );
    assert.equal(
      failureOf(classifyReply('update', reply(422, { description: 'over quota' }))).failure.reason,
      'unprocessable',
    );
  });

  it('shows the broker description, and its own message with the status otherwise', () => {
    const withDescription = failureOf(
      classifyReply('provision', reply(400, { error: 'BadParams', description: 'size must be > 1' })),
    );
    assert.equal(withDescription.failure.description, 'size must be > 1');
    assert.equal(withDescription.failure.error, 'BadParams');
    assert.equal(withDescription.failure.status, 400);
    const without = failureOf(classifyReply('provision', reply(502, '<html>proxy</html>')));
    assert.match(without.failure.description, /HTTP 502/);
    assert.doesNotMatch(without.failure.description, /html/);
  });

  it('reads instance_usable and update_repeatable for update and deprovision only', () => {
    const update = failureOf(classifyReply('update', reply(422, { instance_usable: false, update_repeatable: false })));
    assert.equal(update.failure.instanceUsable, false);
    assert.equal(update.failure.updateRepeatable, false);
    const deprovision = failureOf(
      classifyReply('deprovision', reply(500, { instance_usable: false, update_repeatable: false })),
    );
    assert.equal(deprovision.failure.instanceUsable, false);
    assert.equal(deprovision.failure.updateRepeatable, true);
    const provision = failureOf(classifyReply('provision', reply(500, { instance_usable: false })));
    assert.equal(provision.failure.instanceUsable, true);
    const defaults = failureOf(classifyReply('update', reply(500, { instance_usable: 'no' })));
    assert.equal(defaults.failure.instanceUsable, true);
  });

  it('accepts drain, route and volume fields of a bind only when the service requires them', () => {
    const outcome = classifyReply(
      'bind',
      reply(201, { credentials: { u: 1 }, syslog_drain_url: 'syslog://d', volume_mounts: [] }),
      {
        requires: ['syslog_drain', 'volume_mount'],
      },
    );
    assert.deepEqual(outcome, {
      type: 'succeeded',
      orphanMitigation: false,
      binding: { credentials: { u: 1 }, syslogDrainUrl: 'syslog://d', volumeMounts: [] },
    });
  });
});

describe('parseBrokerError', () => {
  it('unpacks JSON text in error', () => {
    assert.deepEqual(parseBrokerError({ error: '{"error":"ConcurrencyError","description":"busy"}' }), {
      error: 'ConcurrencyError',
      description: 'busy',
    });
  });

  it('unpacks an error object and prefers the outer description', () => {
    assert.deepEqual(parseBrokerError({ error: { code: 'Quota', message: 'inner' }, description: 'outer' }), {
      error: 'Quota',
      description: 'outer',
    });
  });

  it('never throws on odd bodies and drops odd codes and control characters', () => {
    for (const body of [undefined, null, 3, 'text', [], { error: '{broken' }, { error: 12, description: {} }]) {
      assert.doesNotThrow(() => parseBrokerError(body));
    }
    assert.deepEqual(parseBrokerError({ error: '{broken', description: 'a\u0000b\u0007 ' }), { description: 'ab' });
    assert.equal(parseBrokerError({ description: 'x'.repeat(5000) }).description?.length, 2000);
  });
});

describe('classifyLastOperation', () => {
  it('reads the three states', () => {
    assert.deepEqual(classifyLastOperation('provision', reply(200, { state: 'in progress', description: '10%' })), {
      type: 'in-progress',
      description: '10%',
    });
    assert.deepEqual(classifyLastOperation('update', reply(200, { state: 'succeeded' })), { type: 'succeeded' });
    const failed = classifyLastOperation('provision', reply(200, { state: 'failed', description: 'quota' }));
    assert.equal(failed.type, 'failed');
    assert.equal(failed.type === 'failed' && failed.orphanMitigation, true);
    assert.equal(failed.type === 'failed' && failed.failure.description, 'quota');
  });

  it('asks for orphan mitigation after a failed provision, deprovision, bind or unbind, never after an update', () => {
    const failedBody = reply(200, { state: 'failed', instance_usable: false, update_repeatable: false });
    for (const kind of ['provision', 'deprovision', 'bind', 'unbind'] as const) {
      const result = classifyLastOperation(kind, failedBody);
      assert.equal(result.type === 'failed' && result.orphanMitigation, true, kind);
    }
    const update = classifyLastOperation('update', failedBody);
    assert.deepEqual(
      update.type === 'failed' && [
        update.orphanMitigation,
        update.failure.instanceUsable,
        update.failure.updateRepeatable,
      ],
      [false, false, false],
    );
  });

  it('treats 410 as success when deleting and as invalid otherwise', () => {
    assert.deepEqual(classifyLastOperation('deprovision', reply(410, {})), { type: 'gone' });
    assert.deepEqual(classifyLastOperation('unbind', reply(410)), { type: 'gone' });
    assert.equal(classifyLastOperation('provision', reply(410, {})).type, 'invalid');
    assert.equal(classifyLastOperation('update', reply(410, {})).type, 'invalid');
  });

  it('treats other codes, bad bodies and timeouts as invalid (keep polling)', () => {
    for (const r of [
      reply(404, {}),
      reply(500),
      reply(200, { state: 'done' }),
      reply(200, 'x'),
      { kind: 'timeout' } as const,
    ]) {
      assert.equal(classifyLastOperation('provision', r).type, 'invalid');
    }
  });
});
