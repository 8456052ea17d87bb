import { registerLocaleData } from '@angular/common';
import localeDe from '@angular/common/locales/de';

import { brokerFaultText } from './broker-fault';

describe('brokerFaultText', () => {
  beforeAll(() => registerLocaleData(localeDe, 'de'));
  const now = new Date(2026, 10, 28, 19, 5);

  it('says since when the broker is unreachable, as a time of today in the user’s time zone', () => {
    expect(brokerFaultText({ since: new Date(2026, 10, 28, 18, 50).toISOString() }, undefined, now, 'de')).toBe(
      'Broker unreachable since 18:50, retrying',
    );
    expect(brokerFaultText({ since: new Date(2026, 10, 28, 18, 50).toISOString() }, undefined, now, 'en')).toBe(
      'Broker unreachable since 6:50\u202fPM, retrying',
    );
  });

  it('names the day of an earlier start and until when the platform waits', () => {
    expect(
      brokerFaultText(
        { since: new Date(2026, 10, 27, 18, 50).toISOString() },
        new Date(2026, 10, 28, 19, 50).toISOString(),
        now,
        'de',
      ),
    ).toBe('Broker unreachable since 27.11.2026, 18:50, retrying until 19:50');
  });
});
