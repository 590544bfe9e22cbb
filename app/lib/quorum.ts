/**
 * Quorum (päätösvaltaisuus) from attendance, pure so it can be shown live on the minutes page
 * and tested without a database. A seat counts once: its member, or a deputy substituting for
 * that member. Officers without a seat, experts and guests never count.
 */

export interface QuorumAttendee {
  present: boolean;
  /** The membership the person attends under (a seat when it is in `seatIds`). */
  membershipId: string | null;
  /** For a deputy: the member's seat they fill. */
  substitutesForId: string | null;
  /** Position of the first item they were there for (null: from the start). */
  arrivedAtPosition?: number | null;
  /** Position of the first item they were no longer there for (null: until the end). */
  leftAtPosition?: number | null;
}

export interface QuorumRule {
  /** More than numerator/denominator of the seats must be filled (default 1/2: a majority). */
  numerator: number;
  denominator: number;
}

export interface QuorumResult {
  seats: number;
  present: number;
  required: number;
  quorate: boolean;
}

export const DEFAULT_QUORUM: QuorumRule = { numerator: 1, denominator: 2 };

/** Smallest head count that is "more than numerator/denominator" of the seats. */
export function requiredForQuorum(seats: number, rule: QuorumRule = DEFAULT_QUORUM): number {
  if (seats <= 0 || rule.denominator <= 0) return 0;
  // Integer arithmetic: floor(seats * n / d) + 1 is the least count strictly above the fraction.
  return Math.floor((seats * rule.numerator) / rule.denominator) + 1;
}

/** Whether someone was in the room during the item at `position` (undefined: the meeting start). */
export function presentAt(a: QuorumAttendee, position?: number): boolean {
  if (!a.present) return false;
  if (position === undefined) return a.arrivedAtPosition == null;
  if (a.arrivedAtPosition != null && position < a.arrivedAtPosition) return false;
  if (a.leftAtPosition != null && position >= a.leftAtPosition) return false;
  return true;
}

/** Quorum at an item (or at the start): distinct seats filled by their member or a substituting deputy. */
export function computeQuorum(
  seatIds: ReadonlySet<string>,
  attendees: readonly QuorumAttendee[],
  rule: QuorumRule = DEFAULT_QUORUM,
  position?: number,
): QuorumResult {
  const filled = new Set<string>();
  for (const a of attendees) {
    if (!presentAt(a, position)) continue;
    if (a.membershipId && seatIds.has(a.membershipId)) filled.add(a.membershipId);
    else if (a.substitutesForId && seatIds.has(a.substitutesForId)) filled.add(a.substitutesForId);
  }
  const seats = seatIds.size;
  const required = requiredForQuorum(seats, rule);
  return { seats, present: filled.size, required, quorate: seats > 0 && filled.size >= required };
}
