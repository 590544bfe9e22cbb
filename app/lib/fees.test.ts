import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  centsToEuros,
  computeMeetingFees,
  feeExportRow,
  meetingLength,
  parseEuros,
  periodsOverlap,
  quarterOf,
  quarterRange,
  recentQuarters,
  ruleOn,
  type AttendanceRole,
  type FeeAttendee,
  type FeeRule,
} from './fees';

const RULE: FeeRule = {
  kind: 'per_meeting',
  validFrom: '2026-01-01',
  validTo: null,
  meetingFeeCents: 8000,
  chairSupplementCents: 4000,
  secretarySupplementCents: 2000,
  paySecretary: true,
  longMeetingAfterMinutes: 180,
  longMeetingSupplementCents: 2500,
  kmRateCents: 59,
};

const person = (id: string, role: AttendanceRole, present = true): FeeAttendee => ({
  personId: id,
  name: `Henkilö ${id}`,
  role,
  present,
});

describe('computeMeetingFees', () => {
  it('pays the fee to members and substituting deputies present, supplements to the chair and the secretary', () => {
    const lines = computeMeetingFees(RULE, 120, [
      person('c', 'chair'),
      person('s', 'secretary'),
      person('m', 'member'),
      person('d', 'deputy'),
      person('a', 'member', false),
      person('e', 'expert'),
    ]);
    expect(lines.map((l) => [l.personId, l.totalCents])).toEqual([
      ['c', 12000],
      ['s', 10000],
      ['m', 8000],
      ['d', 8000],
    ]);
  });

  it('leaves out a secretary the rule does not pay (a county employee)', () => {
    const lines = computeMeetingFees({ ...RULE, paySecretary: false }, 60, [
      person('s', 'secretary'),
      person('m', 'member'),
    ]);
    expect(lines.map((l) => l.personId)).toEqual(['m']);
  });

  it('adds the long-meeting supplement only after the limit', () => {
    expect(computeMeetingFees(RULE, 180, [person('m', 'member')])[0]!.longMeetingCents).toBe(0);
    expect(computeMeetingFees(RULE, 181, [person('m', 'member')])[0]!.longMeetingCents).toBe(2500);
  });

  it('adds an approved claim: km at the rule rate, tickets and accessibility costs', () => {
    const [line] = computeMeetingFees(
      RULE,
      60,
      [person('m', 'member')],
      new Map([['m', { km: 100, ticketCents: 1250, accessibilityCents: 3000 }]]),
    );
    expect(line).toMatchObject({
      km: 100,
      kmCents: 5900,
      ticketCents: 1250,
      accessibilityCents: 3000,
      totalCents: 8000 + 5900 + 1250 + 3000,
    });
  });

  it('pays nothing under a none rule or without a rule', () => {
    const none: FeeRule = { ...RULE, kind: 'none' };
    expect(
      computeMeetingFees(
        none,
        300,
        [person('m', 'member')],
        new Map([['m', { km: 10, ticketCents: 100, accessibilityCents: 0 }]]),
      ),
    ).toEqual([]);
    expect(computeMeetingFees(null, 300, [person('m', 'member')])).toEqual([]);
  });

  const roleArb = fc.constantFrom<AttendanceRole>('member', 'deputy', 'chair', 'secretary', 'expert', 'other');
  const attendeesArb = fc.array(
    fc.record({
      personId: fc.string({ minLength: 1, maxLength: 3 }),
      name: fc.string(),
      role: roleArb,
      present: fc.boolean(),
    }),
    { maxLength: 20 },
  );
  const ruleArb = fc.record({
    kind: fc.constantFrom<'none' | 'per_meeting'>('none', 'per_meeting'),
    validFrom: fc.constant('2026-01-01'),
    validTo: fc.constant(null),
    meetingFeeCents: fc.integer({ min: -1000, max: 1_000_000 }),
    chairSupplementCents: fc.integer({ min: -1000, max: 1_000_000 }),
    secretarySupplementCents: fc.integer({ min: -1000, max: 1_000_000 }),
    paySecretary: fc.boolean(),
    longMeetingAfterMinutes: fc.option(fc.integer({ min: 30, max: 1440 })),
    longMeetingSupplementCents: fc.integer({ min: -1000, max: 1_000_000 }),
    kmRateCents: fc.integer({ min: -10, max: 1000 }),
  });
  const claimsArb = fc.dictionary(
    fc.string({ minLength: 1, maxLength: 3 }),
    fc.record({
      km: fc.integer({ min: -50, max: 3000 }),
      ticketCents: fc.integer({ min: -100, max: 1_000_000 }),
      accessibilityCents: fc.integer({ min: -100, max: 1_000_000 }),
    }),
  );

  it('property: never negative, total is the sum of its parts, one line per person', () => {
    fc.assert(
      fc.property(
        ruleArb,
        fc.integer({ min: 0, max: 1440 }),
        attendeesArb,
        claimsArb,
        (rule, minutes, attendees, claims) => {
          const lines = computeMeetingFees(rule, minutes, attendees, new Map(Object.entries(claims)));
          for (const l of lines) {
            for (const v of [
              l.feeCents,
              l.chairCents,
              l.secretaryCents,
              l.longMeetingCents,
              l.km,
              l.kmCents,
              l.ticketCents,
              l.accessibilityCents,
              l.totalCents,
            ]) {
              expect(v).toBeGreaterThanOrEqual(0);
              expect(Number.isInteger(v)).toBe(true);
            }
            expect(l.totalCents).toBe(
              l.feeCents +
                l.chairCents +
                l.secretaryCents +
                l.longMeetingCents +
                l.kmCents +
                l.ticketCents +
                l.accessibilityCents,
            );
          }
          expect(new Set(lines.map((l) => l.personId)).size).toBe(lines.length);
        },
      ),
    );
  });

  it('property: a none rule gives zero, whatever the attendance and claims', () => {
    fc.assert(
      fc.property(
        ruleArb,
        fc.integer({ min: 0, max: 1440 }),
        attendeesArb,
        claimsArb,
        (rule, minutes, attendees, claims) => {
          const lines = computeMeetingFees(
            { ...rule, kind: 'none' },
            minutes,
            attendees,
            new Map(Object.entries(claims)),
          );
          expect(lines.reduce((sum, l) => sum + l.totalCents, 0)).toBe(0);
        },
      ),
    );
  });

  it('property: only people present in a fee-earning role get a line', () => {
    fc.assert(
      fc.property(attendeesArb, (attendees) => {
        const lines = computeMeetingFees(RULE, 60, attendees);
        for (const l of lines)
          expect(
            attendees.some((a) => a.personId === l.personId && a.present && a.role !== 'expert' && a.role !== 'other'),
          ).toBe(true);
      }),
    );
  });
});

describe('rules and periods', () => {
  const rules = [
    { validFrom: '2025-01-01', validTo: '2025-12-31', id: 'a' },
    { validFrom: '2026-01-01', validTo: null, id: 'b' },
  ];
  it('finds the rule in force on a date', () => {
    expect(ruleOn(rules, '2024-12-31')).toBeNull();
    expect(ruleOn(rules, '2025-06-01')?.id).toBe('a');
    expect(ruleOn(rules, '2026-01-01')?.id).toBe('b');
    expect(ruleOn(rules, '2099-01-01')?.id).toBe('b');
  });
  it('detects overlapping periods', () => {
    expect(periodsOverlap(rules[0]!, rules[1]!)).toBe(false);
    expect(periodsOverlap({ validFrom: '2025-06-01', validTo: null }, rules[0]!)).toBe(true);
    expect(periodsOverlap({ validFrom: '2027-01-01', validTo: null }, rules[1]!)).toBe(true);
  });
});

describe('meeting length', () => {
  it('uses the recorded opening and closing times, else the schedule', () => {
    const base = { startsAt: '2026-03-10T10:00:00Z', endsAt: '2026-03-10T12:00:00Z' };
    expect(meetingLength({ ...base, openedAt: '2026-03-10T10:05:00Z', closedAt: '2026-03-10T13:20:00Z' })).toEqual({
      minutes: 195,
      source: 'recorded',
    });
    expect(meetingLength({ ...base, openedAt: '2026-03-10T10:05:00Z', closedAt: null })).toEqual({
      minutes: 120,
      source: 'scheduled',
    });
  });
});

describe('money and quarters', () => {
  it('formats and parses euros', () => {
    expect(centsToEuros(123450)).toBe('1234.50');
    expect(centsToEuros(5)).toBe('0.05');
    expect(parseEuros('12,5')).toBe(1250);
    expect(parseEuros('1 234,50 €')).toBe(123450);
    expect(parseEuros('')).toBe(0);
    expect(parseEuros('-3')).toBeNull();
    expect(parseEuros('1,234')).toBeNull();
    expect(parseEuros('abc')).toBeNull();
  });
  it('property: parseEuros reads back centsToEuros', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (cents) => parseEuros(centsToEuros(cents)) === cents),
    );
  });
  it('computes quarters', () => {
    expect(quarterRange(2026, 1)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(quarterRange(2024, 1).to).toBe('2024-03-31');
    expect(quarterRange(2026, 4)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(quarterOf('2026-05-31')).toEqual({ year: 2026, quarter: 2 });
    expect(recentQuarters('2026-02-10', 3).map((q) => `${q.year}Q${q.quarter}`)).toEqual([
      '2026Q1',
      '2025Q4',
      '2025Q3',
    ]);
  });
  it('writes one export row per line with euros', () => {
    const [line] = computeMeetingFees(RULE, 200, [person('c', 'chair')]);
    expect(feeExportRow({ date: '2026-03-10', title: 'Kokous' }, line!)).toEqual([
      'Henkilö c',
      '2026-03-10',
      'Kokous',
      'chair',
      '80.00',
      '40.00',
      '0.00',
      '25.00',
      0,
      '0.00',
      '0.00',
      '0.00',
      '145.00',
    ]);
  });
});
