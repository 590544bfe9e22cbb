import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMeetingTime, helsinkiWallClock, todayInHelsinki, toIsoWithOffset } from './dates';

describe('dates', () => {
  it('writes a Finnish meeting time the Finnish way', () => {
    const start = helsinkiWallClock('2025-01-14', '13:00');
    expect(formatDateTime(start, 'fi')).toBe('ti 14.1.2025 klo 13.00');
    expect(formatMeetingTime(start, helsinkiWallClock('2025-01-14', '15:00'), 'fi')).toBe('ti 14.1.2025 klo 13.00–15.00');
  });
  it('writes Swedish and English in their own way', () => {
    const start = helsinkiWallClock('2025-01-14', '13:00');
    expect(formatDateTime(start, 'sv')).toBe('ti 14.1.2025 kl. 13.00');
    expect(formatDateTime(start, 'en')).toBe('Tue 14 Jan 2025, 13:00');
  });
  it('keeps wall-clock time across daylight saving', () => {
    const winter = helsinkiWallClock('2025-03-25', '13:00');
    const summer = helsinkiWallClock('2025-04-01', '13:00');
    expect(winter.toISOString()).toBe('2025-03-25T11:00:00.000Z');
    expect(summer.toISOString()).toBe('2025-04-01T10:00:00.000Z');
    expect(toIsoWithOffset(summer)).toBe('2025-04-01T13:00:00+03:00');
  });
  it('formats plain dates without time-zone drift', () => {
    expect(formatDate('2023-09-28', 'fi')).toBe('28.9.2023');
    expect(formatDate('2023-09-28', 'en')).toBe('28 Sep 2023');
    // A serialised instant is shown as its Helsinki date.
    expect(formatDate('2026-11-09T22:30:00.000Z', 'fi')).toBe('10.11.2026');
  });
  it('knows today in Helsinki even when UTC is still yesterday', () => {
    expect(todayInHelsinki(new Date('2025-06-30T22:30:00Z'))).toBe('2025-07-01');
  });
});
