/**
 * Votes by name (nimenhuutoäänestys). Drizzle-free: the editor, the model and tests share it.
 *
 * Who votes on an item: the members (and the chair) present and the deputies present who
 * substitute for a member, less those recused from the item (esteellisyys: a recusal is not a
 * vote). Someone who arrived after the item or had left before it can only be recorded absent.
 */
export const VOTE_OPTIONS = ['yes', 'no', 'abstain', 'absent'] as const;
export type VoteOption = (typeof VOTE_OPTIONS)[number];

export interface VoterAttendance {
  personId: string;
  name: string;
  role: string;
  present: boolean;
  substitutesForId: string | null;
  /** Positions of the items they arrived at / left at (null: from the start / to the end). */
  arrivedAtPosition: number | null;
  leftAtPosition: number | null;
}

export interface Voter {
  personId: string;
  name: string;
  /** In the room during this item: may vote yes, no or abstain; otherwise only absent. */
  inRoom: boolean;
}

/** Whether an attendance row is a voting seat: a member, the chair, or a substituting deputy. */
function isVotingAttendee(a: Pick<VoterAttendance, 'role' | 'present' | 'substitutesForId'>): boolean {
  if (!a.present) return false;
  return a.role === 'member' || a.role === 'chair' || (a.role === 'deputy' && a.substitutesForId !== null);
}

/** The voters of the item at `position`, by name. */
export function votersOf(attendees: VoterAttendance[], recusedPersonIds: ReadonlySet<string>, position: number): Voter[] {
  return attendees
    .filter((a) => isVotingAttendee(a) && !recusedPersonIds.has(a.personId))
    .map((a) => ({
      personId: a.personId,
      name: a.name,
      inRoom: !(a.arrivedAtPosition !== null && position < a.arrivedAtPosition) && !(a.leftAtPosition !== null && position >= a.leftAtPosition),
    }))
    .sort((x, y) => x.name.localeCompare(y.name, 'fi'));
}

export interface VoteCounts {
  for: number;
  against: number;
  abstain: number;
  absent: number;
}

export function countVotes(entries: Array<{ option: VoteOption }>): VoteCounts {
  const counts: VoteCounts = { for: 0, against: 0, abstain: 0, absent: 0 };
  for (const e of entries) {
    if (e.option === 'yes') counts.for += 1;
    else if (e.option === 'no') counts.against += 1;
    else if (e.option === 'abstain') counts.abstain += 1;
    else counts.absent += 1;
  }
  return counts;
}

export type RollCallProblem =
  | { kind: 'not_voter'; personId: string }
  | { kind: 'twice'; personId: string }
  | { kind: 'missing'; personId: string; name: string }
  | { kind: 'not_in_room'; personId: string; name: string };

/**
 * Checks a roll call against the item's voters: everyone listed is a voter, each once, every
 * voter has an option, and someone not in the room for the item is recorded absent.
 */
export function checkRollCall(voters: Voter[], entries: Array<{ personId: string; option: VoteOption }>): RollCallProblem | null {
  const byId = new Map(voters.map((v) => [v.personId, v]));
  const seen = new Set<string>();
  for (const e of entries) {
    const voter = byId.get(e.personId);
    if (!voter) return { kind: 'not_voter', personId: e.personId };
    if (seen.has(e.personId)) return { kind: 'twice', personId: e.personId };
    seen.add(e.personId);
    if (!voter.inRoom && e.option !== 'absent') return { kind: 'not_in_room', personId: voter.personId, name: voter.name };
  }
  const missing = voters.find((v) => !seen.has(v.personId));
  if (missing) return { kind: 'missing', personId: missing.personId, name: missing.name };
  return null;
}
