import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as ref from '../../tests/support/dates-reference';
import * as dates from './dates';
import type { Locale } from './i18n';

/**
 * The Intl-only date helpers (which run in the browser) give exactly what the date-fns/@date-fns/tz
 * implementation gave, for any instant from 1990 to 2100 and every locale, around every DST change.
 */
const LOCALES: Locale[] = ['fi', 'sv', 'en'];
const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }).map((ms) => new Date(ms));

/** Instants within two hours of each Helsinki DST change from 2020 to 2035, minute by minute around them. */
function aroundDstChanges(): Date[] {
  const out: Date[] = [];
  for (let year = 2020; year <= 2035; year++) {
    for (const month of [2, 9]) {
      // Last Sunday of March / October at 01:00 UTC.
      const last = new Date(Date.UTC(year, month + 1, 0));
      const change = Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
      for (let m = -120; m <= 120; m += 7) out.push(new Date(change + m * 60_000));
    }
  }
  return out;
}

describe('dates without date-fns match the date-fns implementation', () => {
  it('formats any instant the same way in every locale', () => {
    fc.assert(
      fc.property(instant, instant, fc.constantFrom(...LOCALES), (a, b, locale) => {
        expect(dates.formatDateTime(a, locale)).toBe(ref.formatDateTime(a, locale));
        expect(dates.formatTime(a, locale)).toBe(ref.formatTime(a, locale));
        expect(dates.formatDate(a, locale)).toBe(ref.formatDate(a, locale));
        expect(dates.formatDate(a.toISOString(), locale)).toBe(ref.formatDate(a.toISOString(), locale));
        expect(dates.formatMeetingTime(a, b, locale)).toBe(ref.formatMeetingTime(a, b, locale));
        expect(dates.toIsoWithOffset(a)).toBe(ref.toIsoWithOffset(a));
        expect(dates.todayInHelsinki(a)).toBe(ref.todayInHelsinki(a));
        expect(dates.helsinkiYear(a)).toBe(ref.helsinkiYear(a));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees around every DST change, including the skipped and the repeated hour', () => {
    for (const a of aroundDstChanges()) {
      for (const locale of LOCALES) expect(dates.formatDateTime(a, locale)).toBe(ref.formatDateTime(a, locale));
      expect(dates.toIsoWithOffset(a)).toBe(ref.toIsoWithOffset(a));
      const iso = ref.toIsoWithOffset(a);
      const [day, time] = [iso.slice(0, 10), iso.slice(11, 16)];
      expect(dates.helsinkiWallClock(day, time).getTime(), `${day} ${time}`).toBe(ref.helsinkiWallClock(day, time).getTime());
    }
    // Wall-clock times that do not exist (March, 03:00–03:59) or exist twice (October, 03:00–03:59).
    for (const [day, time] of [['2026-03-29', '03:30'], ['2026-03-29', '03:00'], ['2026-10-25', '03:30'], ['2026-10-25', '03:00'], ['2026-10-25', '04:00'], ['2027-03-28', '03:59']]) {
      expect(dates.helsinkiWallClock(day!, time!).getTime(), `${day} ${time}`).toBe(ref.helsinkiWallClock(day!, time!).getTime());
    }
  });

  it('reads any wall-clock time the same way', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2099 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (y, mo, d, h, mi) => {
          const day = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const time = `${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}`;
          expect(dates.helsinkiWallClock(day, time).getTime()).toBe(ref.helsinkiWallClock(day, time).getTime());
        },
      ),
      { numRuns: 3000 },
    );
  });
});
