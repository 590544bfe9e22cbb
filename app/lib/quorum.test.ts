import { describe, expect, it } from 'vitest';
import { computeQuorum, presentAt, requiredForQuorum, type QuorumAttendee } from './quorum';

const seats = new Set(['m1', 'm2', 'm3', 'm4']);
const member = (id: string, over: Partial<QuorumAttendee> = {}): QuorumAttendee => ({
  present: true,
  membershipId: id,
  substitutesForId: null,
  ...over,
});

describe('requiredForQuorum', () => {
  it('needs more than half by default', () => {
    expect(requiredForQuorum(4)).toBe(3);
    expect(requiredForQuorum(5)).toBe(3);
    expect(requiredForQuorum(19)).toBe(10);
    expect(requiredForQuorum(0)).toBe(0);
  });

  it('follows the council rule', () => {
    expect(requiredForQuorum(12, { numerator: 1, denominator: 3 })).toBe(5);
    expect(requiredForQuorum(10, { numerator: 2, denominator: 3 })).toBe(7);
  });
});

describe('computeQuorum', () => {
  it('is not quorate with exactly half present', () => {
    const r = computeQuorum(seats, [member('m1'), member('m2')]);
    expect(r).toEqual({ seats: 4, present: 2, required: 3, quorate: false });
  });

  it('counts a substituting deputy for their member', () => {
    const deputy: QuorumAttendee = { present: true, membershipId: 'd3', substitutesForId: 'm3' };
    const r = computeQuorum(seats, [member('m1'), member('m2'), deputy]);
    expect(r.present).toBe(3);
    expect(r.quorate).toBe(true);
  });

  it('counts a seat once when member and deputy are both there', () => {
    const deputy: QuorumAttendee = { present: true, membershipId: 'd1', substitutesForId: 'm1' };
    expect(computeQuorum(seats, [member('m1'), deputy, member('m2')]).present).toBe(2);
  });

  it('ignores absent people, non-seats and deputies who substitute for nobody', () => {
    const r = computeQuorum(seats, [
      member('m1', { present: false }),
      member('expert'),
      { present: true, membershipId: 'd2', substitutesForId: null },
      member('m4'),
    ]);
    expect(r.present).toBe(1);
  });

  it('follows arrivals and departures by item position', () => {
    const late = member('m3', { arrivedAtPosition: 3 });
    const early = member('m2', { leftAtPosition: 5 });
    const people = [member('m1'), early, late];
    expect(computeQuorum(seats, people, undefined, 1).present).toBe(2);
    expect(computeQuorum(seats, people, undefined, 3).quorate).toBe(true);
    expect(computeQuorum(seats, people, undefined, 5).present).toBe(2);
    expect(presentAt(late)).toBe(false);
    expect(presentAt(early)).toBe(true);
  });

  it('is never quorate without seats', () => {
    expect(computeQuorum(new Set(), [member('x')]).quorate).toBe(false);
  });
});
