import { describe, expect, it } from 'vitest';
import {
  buildRule,
  expandSeries,
  helsinkiDate,
  helsinkiTime,
  MAX_OCCURRENCES,
  planSeriesEdit,
  presetOf,
  RecurrenceError,
  validateRule,
  withUntil,
  type ExistingOccurrence,
  type SeriesEditInput,
  type SeriesEditPlan,
  type SeriesPattern,
} from './recurrence';
import { helsinkiWallClock } from './dates';

const iso = (d: Date) => d.toISOString();
const dates = (pattern: SeriesPattern, horizon: string) => expandSeries(pattern, horizon).map((o) => o.localDate);

describe('buildRule presets', () => {
  it('builds each preset as an RRULE body without DTSTART', () => {
    expect(buildRule('quarterly')).toBe('FREQ=MONTHLY;INTERVAL=3');
    expect(buildRule('weekly')).toBe('FREQ=WEEKLY');
    expect(buildRule('biweekly')).toBe('FREQ=WEEKLY;INTERVAL=2');
    expect(buildRule('monthly_same_day')).toBe('FREQ=MONTHLY');
    expect(buildRule('monthly_first_weekday_except_july', { weekday: 'TU' })).toBe(
      'FREQ=MONTHLY;BYDAY=1TU;BYMONTH=1,2,3,4,5,6,8,9,10,11,12',
    );
  });

  it('takes the weekday from the first date when none is named', () => {
    // 2026-01-07 is a Wednesday.
    expect(buildRule('monthly_first_weekday_except_july', { firstDate: '2026-01-07' })).toBe(
      'FREQ=MONTHLY;BYDAY=1WE;BYMONTH=1,2,3,4,5,6,8,9,10,11,12',
    );
    expect(() => buildRule('monthly_first_weekday_except_july')).toThrow(RangeError);
  });

  it('normalises a custom rule: upper case, no RRULE: prefix, FREQ first', () => {
    expect(buildRule('custom', { rrule: ' rrule:interval=2;freq=weekly;byday=mo; ' })).toBe(
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO',
    );
  });

  it('recognises a stored body as its preset', () => {
    expect(presetOf('FREQ=MONTHLY;INTERVAL=3')).toEqual({ preset: 'quarterly' });
    expect(presetOf(buildRule('monthly_first_weekday_except_july', { weekday: 'TH' }))).toEqual({
      preset: 'monthly_first_weekday_except_july',
      weekday: 'TH',
    });
    expect(presetOf('FREQ=MONTHLY;BYDAY=-1FR')).toEqual({ preset: 'custom' });
  });
});

describe('expandSeries', () => {
  it('keeps 13:00 local across the March DST change (2026-03-29)', () => {
    const occ = expandSeries(
      { rrule: 'FREQ=WEEKLY', firstDate: '2026-03-22', localStartTime: '13:00', durationMinutes: 120 },
      '2026-04-05',
    );
    expect(occ.map((o) => iso(o.start))).toEqual([
      '2026-03-22T11:00:00.000Z',
      '2026-03-29T10:00:00.000Z',
      '2026-04-05T10:00:00.000Z',
    ]);
    expect(occ.map((o) => helsinkiTime(o.start))).toEqual(['13:00', '13:00', '13:00']);
    expect(occ.map((o) => iso(o.end))).toEqual([
      '2026-03-22T13:00:00.000Z',
      '2026-03-29T12:00:00.000Z',
      '2026-04-05T12:00:00.000Z',
    ]);
    expect(occ.every((o) => o.originalStart.getTime() === o.start.getTime())).toBe(true);
  });

  it('keeps 13:00 local across the October DST change (2026-10-25)', () => {
    const occ = expandSeries(
      { rrule: 'FREQ=WEEKLY', firstDate: '2026-10-18', localStartTime: '13:00:00', durationMinutes: 60 },
      '2026-11-01',
    );
    expect(occ.map((o) => iso(o.start))).toEqual([
      '2026-10-18T10:00:00.000Z',
      '2026-10-25T11:00:00.000Z',
      '2026-11-01T11:00:00.000Z',
    ]);
    expect(occ.map((o) => o.localDate)).toEqual(['2026-10-18', '2026-10-25', '2026-11-01']);
  });

  it('expands quarterly: four times a year on the same day', () => {
    const pattern = { rrule: buildRule('quarterly'), firstDate: '2026-01-15', localStartTime: '09:30', durationMinutes: 90 };
    expect(dates(pattern, '2026-12-31')).toEqual(['2026-01-15', '2026-04-15', '2026-07-15', '2026-10-15']);
  });

  it('expands the first Tuesday of each month except July', () => {
    const rrule = buildRule('monthly_first_weekday_except_july', { weekday: 'TU' });
    const occ = expandSeries({ rrule, firstDate: '2026-01-01', localStartTime: '13:00', durationMinutes: 120 }, '2026-12-31');
    expect(occ.map((o) => o.localDate)).toEqual([
      '2026-01-06',
      '2026-02-03',
      '2026-03-03',
      '2026-04-07',
      '2026-05-05',
      '2026-06-02',
      '2026-08-04',
      '2026-09-01',
      '2026-10-06',
      '2026-11-03',
      '2026-12-01',
    ]);
    expect(occ.map((o) => helsinkiTime(o.start)).every((t) => t === '13:00')).toBe(true);
  });

  it('expands biweekly on the first date’s weekday', () => {
    const pattern = { rrule: buildRule('biweekly'), firstDate: '2026-01-07', localStartTime: '17:00', durationMinutes: 60 };
    expect(dates(pattern, '2026-02-28')).toEqual(['2026-01-07', '2026-01-21', '2026-02-04', '2026-02-18']);
  });

  it('expands monthly on the same day, skipping months without that day (RFC 5545)', () => {
    const pattern = { rrule: buildRule('monthly_same_day'), firstDate: '2026-01-31', localStartTime: '10:00', durationMinutes: 60 };
    expect(dates(pattern, '2026-06-30')).toEqual(['2026-01-31', '2026-03-31', '2026-05-31']);
  });

  it('expands weekly: 52 Mondays in 2026', () => {
    const occ = expandSeries(
      { rrule: buildRule('weekly'), firstDate: '2026-01-05', localStartTime: '08:00', durationMinutes: 30 },
      '2026-12-31',
    );
    expect(occ).toHaveLength(52);
    expect(occ[51]?.localDate).toBe('2026-12-28');
  });

  it('expands a custom rule (last Friday of the month)', () => {
    const pattern = { rrule: buildRule('custom', { rrule: 'FREQ=MONTHLY;BYDAY=-1FR' }), firstDate: '2026-01-01', localStartTime: '12:00', durationMinutes: 60 };
    expect(dates(pattern, '2026-03-31')).toEqual(['2026-01-30', '2026-02-27', '2026-03-27']);
  });

  it('reads UNTIL as a UTC instant and a date-only UNTIL as an inclusive local date', () => {
    const base = { firstDate: '2026-03-03', localStartTime: '13:00', durationMinutes: 60 };
    // 13:00 local on 2026-03-10 is 11:00Z, one second after this UNTIL.
    expect(dates({ ...base, rrule: 'FREQ=WEEKLY;UNTIL=20260310T105959Z' }, '2026-12-31')).toEqual(['2026-03-03']);
    expect(dates({ ...base, rrule: 'FREQ=WEEKLY;UNTIL=20260310' }, '2026-12-31')).toEqual(['2026-03-03', '2026-03-10']);
    expect(dates({ ...base, rrule: 'FREQ=WEEKLY;COUNT=3' }, '2026-12-31')).toEqual(['2026-03-03', '2026-03-10', '2026-03-17']);
  });

  it('returns only occurrences from a given date, for extending a materialised series', () => {
    const pattern = { rrule: 'FREQ=WEEKLY', firstDate: '2020-01-07', localStartTime: '13:00', durationMinutes: 60 };
    expect(expandSeries(pattern, '2026-01-31', { from: '2026-01-01' }).map((o) => o.localDate)).toEqual([
      '2026-01-06',
      '2026-01-13',
      '2026-01-20',
      '2026-01-27',
    ]);
  });

  it('throws coded errors for an invalid rule or too many occurrences', () => {
    const base = { firstDate: '2026-01-01', localStartTime: '13:00', durationMinutes: 60 };
    expect(() => expandSeries({ ...base, rrule: 'FREQ=HOURLY' }, '2026-12-31')).toThrow(RecurrenceError);
    try {
      expandSeries({ ...base, rrule: 'FREQ=DAILY' }, '2026-12-31');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RecurrenceError);
      expect((error as RecurrenceError).code).toBe('too_many');
    }
    expect(expandSeries({ ...base, rrule: 'FREQ=WEEKLY' }, '2025-12-31')).toEqual([]);
  });
});

describe('validateRule', () => {
  it('counts the occurrences within the horizon', () => {
    expect(validateRule('FREQ=MONTHLY;INTERVAL=3', '2026-01-15', '2026-12-31')).toEqual({ ok: true, count: 4 });
    expect(validateRule(`FREQ=DAILY;COUNT=${MAX_OCCURRENCES}`, '2026-01-01', '2027-12-31')).toEqual({
      ok: true,
      count: MAX_OCCURRENCES,
    });
  });

  it.each([
    ['FREQ=HOURLY'],
    ['FREQ=MINUTELY'],
    ['FREQ=SECONDLY;COUNT=5'],
    ['nonsense'],
    [''],
    ['FREQ=FORTNIGHTLY'],
    ['BYDAY=MO'],
    ['FREQ=WEEKLY;FOO=1'],
    ['FREQ=WEEKLY;INTERVAL=0'],
    ['FREQ=WEEKLY;COUNT=abc'],
    ['FREQ=WEEKLY;COUNT=3;UNTIL=20261231'],
    ['FREQ=WEEKLY;FREQ=DAILY'],
    ['FREQ=WEEKLY;BYHOUR=10'],
    ['FREQ=MONTHLY;BYDAY=XX'],
    ['FREQ=MONTHLY;BYDAY=1TU;BYMONTH=13'],
    ['FREQ=WEEKLY;BYDAY=1TU'],
    ['FREQ=DAILY;BYMONTHDAY=30'],
    ['FREQ=WEEKLY;BYDAY=MO;BYSETPOS=3'],
    ['FREQ=WEEKLY;UNTIL=20261340'],
    ['DTSTART:20260101T120000Z\nRRULE:FREQ=WEEKLY'],
    ['FREQ=WEEKLY;EXDATE:20260113'],
  ])('refuses %j as invalid', (body) => {
    const result = validateRule(body, '2026-01-01', '2026-12-31');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe('invalid');
  });

  it.each([
    ['FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30', '2026-01-01', '2030-12-31'],
    ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', '2026-01-01', '2030-12-31'],
    ['FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6', '2026-01-01', '2030-12-31'],
    ['FREQ=WEEKLY;UNTIL=20251231', '2026-01-01', '2026-12-31'],
    ['FREQ=YEARLY', '2026-01-01', '2025-12-31'],
    ['FREQ=MONTHLY;BYMONTH=7;BYDAY=1TU', '2026-08-01', '2027-06-30'],
  ])('refuses %s from %s to %s as empty', (body, first, horizon) => {
    const result = validateRule(body, first, horizon);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe('empty');
  });

  it.each([
    ['FREQ=DAILY', '2026-01-01', '2026-12-31'],
    ['FREQ=WEEKLY', '2026-01-01', '2029-12-31'],
    [`FREQ=DAILY;COUNT=${MAX_OCCURRENCES + 1}`, '2026-01-01', '2027-12-31'],
  ])('refuses %s from %s to %s as too many', (body, first, horizon) => {
    const result = validateRule(body, first, horizon);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe('too_many');
  });
});

describe('withUntil', () => {
  it('replaces COUNT or UNTIL with a UTC UNTIL', () => {
    expect(withUntil('FREQ=WEEKLY;COUNT=10;BYDAY=TU', new Date('2026-03-03T10:59:59Z'))).toBe(
      'FREQ=WEEKLY;BYDAY=TU;UNTIL=20260303T105959Z',
    );
    expect(withUntil('FREQ=WEEKLY;UNTIL=20270101', new Date('2026-03-03T10:59:59Z'))).toBe(
      'FREQ=WEEKLY;UNTIL=20260303T105959Z',
    );
  });
});

// A weekly Tuesday 13:00 series from 2026-01-06, materialised to 2026-03-24.
const SERIES: SeriesPattern = { rrule: 'FREQ=WEEKLY', firstDate: '2026-01-06', localStartTime: '13:00', durationMinutes: 120 };
const HORIZON = '2026-03-31';
const NOW = new Date('2026-02-01T10:00:00Z');

function meeting(id: string, date: string, extra: Partial<ExistingOccurrence> = {}): ExistingOccurrence {
  const start = helsinkiWallClock(date, '13:00');
  return { id, originalStart: start, startsAt: start, endsAt: new Date(start.getTime() + 120 * 60_000), status: 'invited', detached: false, ...extra };
}

function existingMeetings(): ExistingOccurrence[] {
  const moved = helsinkiWallClock('2026-02-11', '14:00');
  return [
    meeting('jan06', '2026-01-06', { status: 'held' }),
    meeting('jan13', '2026-01-13', { status: 'held' }),
    meeting('jan20', '2026-01-20', { status: 'held' }),
    meeting('jan27', '2026-01-27', { status: 'planned' }), // past but never marked held
    meeting('feb03', '2026-02-03'),
    meeting('feb10', '2026-02-10', { detached: true, startsAt: moved, endsAt: new Date(moved.getTime() + 3_600_000) }),
    meeting('feb17', '2026-02-17', { status: 'cancelled', detached: true }),
    meeting('feb24', '2026-02-24'),
    meeting('mar03', '2026-03-03', { status: 'planned' }),
    meeting('mar10', '2026-03-10', { status: 'planned' }),
    meeting('mar17', '2026-03-17', { status: 'planned' }),
    meeting('mar24', '2026-03-24', { status: 'planned' }),
  ];
}

function plan(input: Partial<SeriesEditInput> & Pick<SeriesEditInput, 'scope' | 'change'>): SeriesEditPlan {
  const result = planSeriesEdit({ series: SERIES, existing: existingMeetings(), horizon: HORIZON, now: NOW, ...input });
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.plan;
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe('planSeriesEdit: all', () => {
  it('moves every future occurrence to the new time, across DST, leaving held, past, detached and cancelled ones', () => {
    const p = plan({ scope: 'all', change: { localStartTime: '14:00' } });
    expect(ids(p.update)).toEqual(['feb03', 'feb24', 'mar03', 'mar10', 'mar17', 'mar24']);
    expect(p.update.every((u) => helsinkiTime(u.startsAt) === '14:00' && u.timeChanged && !u.detach)).toBe(true);
    expect(iso(p.update[0]!.startsAt)).toBe('2026-02-03T12:00:00.000Z');
    expect(iso(p.update[0]!.originalStart)).toBe('2026-02-03T12:00:00.000Z');
    expect(p.skipped).toEqual([
      { id: 'jan06', reason: 'held' },
      { id: 'jan13', reason: 'held' },
      { id: 'jan20', reason: 'held' },
      { id: 'jan27', reason: 'past' },
      { id: 'feb10', reason: 'detached' },
      { id: 'feb17', reason: 'cancelled' },
    ]);
    expect(p.cancel).toEqual([]);
    // 2026-03-31 is after the DST change: 14:00 local is 11:00Z.
    expect(p.create.map((c) => [c.localDate, iso(c.startsAt)])).toEqual([['2026-03-31', '2026-03-31T11:00:00.000Z']]);
    expect(p.series).toEqual({ ...SERIES, localStartTime: '14:00' });
    expect(p.split).toBeNull();
  });

  it('lists unchanged meetings for a place-only change, with timeChanged false', () => {
    const p = plan({ scope: 'all', change: {} });
    expect(ids(p.update)).toEqual(['feb03', 'feb24', 'mar03', 'mar10', 'mar17', 'mar24']);
    expect(p.update.some((u) => u.timeChanged)).toBe(false);
  });

  it('moves meetings from Tuesdays to Wednesdays instead of cancelling and recreating them', () => {
    const p = plan({ scope: 'all', change: { rrule: 'FREQ=WEEKLY;BYDAY=WE' } });
    expect(p.update.map((u) => [u.id, helsinkiDate(u.startsAt)])).toEqual([
      ['feb03', '2026-02-04'],
      ['feb24', '2026-02-25'],
      ['mar03', '2026-03-04'],
      ['mar10', '2026-03-11'],
      ['mar17', '2026-03-18'],
      ['mar24', '2026-03-25'],
    ]);
    expect(p.cancel).toEqual([]);
    // The detached and the cancelled meetings still cover their weeks: nothing new on 11.2. or 18.2.
    expect(p.create).toEqual([]);
    expect(ids(p.skipped)).toContain('feb10');
  });

  it('cancels the occurrences a sparser rule drops', () => {
    const p = plan({ scope: 'all', change: { rrule: 'FREQ=WEEKLY;INTERVAL=2' } });
    // Every other Tuesday from 6.1.: 3.2., 17.2., 3.3., 17.3., 31.3.
    expect(ids(p.update)).toEqual(['feb03', 'mar03', 'mar17']);
    expect(ids(p.cancel)).toEqual(['feb24', 'mar10', 'mar24']);
    expect(p.create.map((c) => c.localDate)).toEqual(['2026-03-31']);
    expect(ids(p.skipped)).toEqual(['jan06', 'jan13', 'jan20', 'jan27', 'feb10', 'feb17']);
  });

  it('does not add a meeting in a week whose meeting was already held', () => {
    const now = new Date('2026-02-04T08:00:00Z'); // Wednesday morning; Tuesday's meeting was held
    const existing = existingMeetings().map((m) => (m.id === 'feb03' ? { ...m, status: 'held' as const } : m));
    const p = plan({ scope: 'all', now, existing, change: { rrule: 'FREQ=WEEKLY;BYDAY=TH' } });
    expect(p.create).toEqual([]);
    expect(p.skipped).toContainEqual({ id: 'feb03', reason: 'held' });
    expect(helsinkiDate(p.update[0]!.startsAt)).toBe('2026-02-26');
  });

  it('refuses a rule that is invalid, empty or too long', () => {
    const run = (rrule: string, horizon = HORIZON) =>
      planSeriesEdit({ scope: 'all', series: SERIES, existing: existingMeetings(), horizon, now: NOW, change: { rrule } });
    expect(run('FREQ=HOURLY')).toMatchObject({ ok: false, code: 'invalid' });
    expect(run('FREQ=WEEKLY;UNTIL=20260120')).toMatchObject({ ok: false, code: 'empty' });
    expect(run('FREQ=DAILY', '2027-06-30')).toMatchObject({ ok: false, code: 'too_many' });
  });
});

describe('planSeriesEdit: following', () => {
  it('splits the series at the target and moves it and later ones to the new series', () => {
    const p = plan({ scope: 'following', targetId: 'feb03', change: { localStartTime: '15:00' } });
    expect(p.split).not.toBeNull();
    expect(iso(p.split!.oldUntil)).toBe('2026-02-03T10:59:59.000Z');
    expect(p.split!.oldRrule).toBe('FREQ=WEEKLY;UNTIL=20260203T105959Z');
    expect(p.split!.oldKeepsOccurrences).toBe(true);
    expect(dates({ ...SERIES, rrule: p.split!.oldRrule }, HORIZON)).toEqual([
      '2026-01-06',
      '2026-01-13',
      '2026-01-20',
      '2026-01-27',
    ]);
    expect(p.series).toEqual({ rrule: 'FREQ=WEEKLY', firstDate: '2026-02-03', localStartTime: '15:00', durationMinutes: 120 });
    expect(ids(p.update)).toEqual(['feb03', 'feb24', 'mar03', 'mar10', 'mar17', 'mar24']);
    expect(p.update.map((u) => iso(u.startsAt))).toContain('2026-03-24T13:00:00.000Z');
    expect(p.skipped).toEqual([
      { id: 'feb10', reason: 'detached' },
      { id: 'feb17', reason: 'cancelled' },
    ]);
    // Meetings before the target are out of scope: neither touched nor reported.
    const all = [...ids(p.update), ...ids(p.cancel), ...ids(p.skipped)];
    expect(all.some((id) => id.startsWith('jan'))).toBe(false);
    expect(p.create.map((c) => c.localDate)).toEqual(['2026-03-31']);
  });

  it('carries a COUNT over into the new series', () => {
    const series = { ...SERIES, rrule: 'FREQ=WEEKLY;COUNT=10' };
    const p = plan({ scope: 'following', series, targetId: 'feb03', change: { durationMinutes: 90 } });
    expect(p.split!.oldRrule).toBe('FREQ=WEEKLY;UNTIL=20260203T105959Z');
    // 4 before the target, so 6 remain: 3.2. … 10.3.
    expect(p.series.rrule).toBe('FREQ=WEEKLY;COUNT=6');
    expect(p.cancel.map((c) => c.id)).toEqual(['mar17', 'mar24']);
    expect(p.update.every((u) => u.endsAt.getTime() - u.startsAt.getTime() === 90 * 60_000)).toBe(true);
  });

  it('refuses a new series starting on or before an earlier occurrence', () => {
    const result = planSeriesEdit({
      scope: 'following',
      series: SERIES,
      existing: existingMeetings(),
      targetId: 'feb24',
      horizon: HORIZON,
      now: NOW,
      change: { firstDate: '2026-02-17' },
    });
    expect(result).toMatchObject({ ok: false, code: 'overlap' });
  });

  it('refuses to split at a held or past meeting', () => {
    const run = (targetId: string) =>
      planSeriesEdit({ scope: 'following', series: SERIES, existing: existingMeetings(), targetId, horizon: HORIZON, now: NOW, change: {} });
    expect(run('jan13')).toMatchObject({ ok: false, code: 'target_locked' });
    expect(run('jan27')).toMatchObject({ ok: false, code: 'target_locked' });
    expect(run('nope')).toMatchObject({ ok: false, code: 'target_not_found' });
  });
});

describe('planSeriesEdit: this', () => {
  it('moves one occurrence and detaches it', () => {
    const p = plan({ scope: 'this', targetId: 'feb24', change: { localDate: '2026-02-26', localStartTime: '10:00' } });
    expect(p.update).toEqual([
      {
        id: 'feb24',
        originalStart: new Date('2026-02-24T11:00:00Z'),
        startsAt: new Date('2026-02-26T08:00:00Z'),
        endsAt: new Date('2026-02-26T10:00:00Z'),
        timeChanged: true,
        detach: true,
      },
    ]);
    expect(p.create).toEqual([]);
    expect(p.cancel).toEqual([]);
    expect(p.series).toEqual(SERIES);
  });

  it('never touches a held or past meeting and never moves one into the past', () => {
    const run = (targetId: string, change: SeriesEditInput['change']) =>
      planSeriesEdit({ scope: 'this', series: SERIES, existing: existingMeetings(), targetId, horizon: HORIZON, now: NOW, change });
    expect(run('jan20', { localStartTime: '14:00' })).toMatchObject({ ok: false, code: 'target_locked' });
    expect(run('jan27', { localStartTime: '14:00' })).toMatchObject({ ok: false, code: 'target_locked' });
    expect(run('feb24', { localDate: '2026-01-30' })).toMatchObject({ ok: false, code: 'in_past' });
  });
});
