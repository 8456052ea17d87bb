/**
 * The warning window of expiring bindings: the configured period, but never more than a quarter
 * of the binding's lifetime, so a short-lived binding does not "expire soon" from its creation.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expiresSoonAt, expiryWarningWindowMs } from '../src/bindings/expiry-window.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const created = new Date('2026-01-01T00:00:00Z');
const after = (ms: number) => new Date(created.getTime() + ms);

describe('the expiry warning window', () => {
  it('is the configured period for a binding that lives much longer', () => {
    assert.equal(expiryWarningWindowMs(created, after(90 * DAY_MS), 7 * DAY_MS), 7 * DAY_MS);
    assert.equal(expiryWarningWindowMs(created, after(28 * DAY_MS), 7 * DAY_MS), 7 * DAY_MS);
  });

  it('is a quarter of the lifetime when the configured period would be longer', () => {
    assert.equal(expiryWarningWindowMs(created, after(7 * DAY_MS), 7 * DAY_MS), 1.75 * DAY_MS);
    assert.equal(expiryWarningWindowMs(created, after(DAY_MS), 7 * DAY_MS), 6 * HOUR_MS);
  });

  it('is empty for a binding that expires when or before it is created', () => {
    assert.equal(expiryWarningWindowMs(created, created, 7 * DAY_MS), 0);
    assert.equal(expiryWarningWindowMs(created, after(-DAY_MS), 7 * DAY_MS), 0);
  });

  it('does not call a 7-day binding with a 7-day warning period "expiring soon" at its creation', () => {
    const expires = after(7 * DAY_MS);
    assert.equal(expiresSoonAt(created, expires, 7 * DAY_MS, created.getTime()), false);
    assert.equal(expiresSoonAt(created, expires, 7 * DAY_MS, after(5 * DAY_MS).getTime()), false);
    assert.equal(expiresSoonAt(created, expires, 7 * DAY_MS, after(5.25 * DAY_MS).getTime()), true);
    assert.equal(expiresSoonAt(created, expires, 7 * DAY_MS, after(8 * DAY_MS).getTime()), true, 'and once past');
  });

  it('warns a 30-day binding in its last 7 days', () => {
    const expires = after(30 * DAY_MS);
    assert.equal(expiresSoonAt(created, expires, 7 * DAY_MS, after(22 * DAY_MS).getTime()), false);
    assert.equal(expiresSoonAt(created, expires, 7 * DAY_MS, after(23 * DAY_MS).getTime()), true);
  });
});
