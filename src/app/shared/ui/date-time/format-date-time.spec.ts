import { registerLocaleData } from '@angular/common';
import localeDe from '@angular/common/locales/de';

import { formatDateTime, formatRelativeTime, isRecent } from './format-date-time';

describe('formatDateTime', () => {
  beforeAll(() => registerLocaleData(localeDe, 'de'));

  it('writes a date and time as German readers expect', () => {
    expect(formatDateTime(new Date(2026, 10, 28, 18, 50), 'de')).toBe('28.11.2026, 18:50');
  });

  it('writes them in English for English', () => {
    expect(formatDateTime(new Date(2026, 10, 28, 18, 50), 'en')).toBe('Nov 28, 2026, 6:50\u202fPM');
  });

  it('gives nothing for a value that is no date', () => {
    expect(formatDateTime('yesterday', 'de')).toBe('');
  });
});

describe('formatRelativeTime', () => {
  const now = new Date('2026-11-28T18:50:00Z');
  const before = (ms: number) => new Date(now.getTime() - ms).toISOString();

  it('says how many minutes, hours or days ago in German', () => {
    expect(formatRelativeTime(before(5 * 60_000), now, 'de')).toBe('vor 5 Minuten');
    expect(formatRelativeTime(before(3 * 3_600_000), now, 'de')).toBe('vor 3 Stunden');
    expect(formatRelativeTime(before(2 * 86_400_000), now, 'de')).toBe('vorgestern');
  });

  it('says "now" for moments seconds away', () => {
    expect(formatRelativeTime(before(10_000), now, 'en')).toBe('now');
  });

  it('says how far ahead a moment is', () => {
    expect(formatRelativeTime(new Date(now.getTime() + 5 * 60_000), now, 'en')).toBe('in 5 minutes');
  });

  it('takes a day as the limit of recent', () => {
    expect(isRecent(before(23 * 3_600_000), now)).toBe(true);
    expect(isRecent(before(25 * 3_600_000), now)).toBe(false);
  });
});
