import { expiringBindingsNotice, expiryWarningText, timeLeftText } from './binding-expiry';

describe('binding expiry', () => {
  const now = new Date('2026-11-24T12:00:00.000Z');

  it('says how much time is left', () => {
    expect(timeLeftText('2026-11-29T13:00:00.000Z', now)).toBe('5 days left');
    expect(timeLeftText('2026-11-25T18:00:00.000Z', now)).toBe('1 day left');
    expect(timeLeftText('2026-11-24T15:20:00.000Z', now)).toBe('3 hours left');
    expect(timeLeftText('2026-12-01T11:59:50.000Z', now)).toBe('7 days left');
    expect(timeLeftText('2026-11-24T13:10:00.000Z', now)).toBe('1 hour left');
    expect(timeLeftText('2026-11-24T12:20:00.000Z', now)).toBe('less than an hour left');
    expect(timeLeftText('2026-11-24T11:00:00.000Z', now)).toBe('expired');
  });

  it('warns only about bindings the server says expire soon', () => {
    const expiresAt = '2026-11-27T12:00:00.000Z';
    expect(expiryWarningText({ expiresAt, expiresSoon: true }, now)).toBe(
      'Expires soon (3 days left): the platform deletes this binding and its credentials then. Create a new binding in time and switch over to it.',
    );
    expect(expiryWarningText({ expiresAt, expiresSoon: false }, now)).toBeUndefined();
    expect(expiryWarningText({ expiresSoon: true }, now)).toBeUndefined();
    expect(expiryWarningText({ expiresAt, expiresSoon: true, expiredAt: expiresAt }, now)).toBeUndefined();
  });

  it('counts bindings for the project notice', () => {
    expect(expiringBindingsNotice(0)).toBeUndefined();
    expect(expiringBindingsNotice(1)).toBe('1 binding expires soon:');
    expect(expiringBindingsNotice(2)).toBe('2 bindings expire soon:');
  });
});
