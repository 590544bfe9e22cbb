// A meeting's stage in practice, derived from what is recorded (browser-safe, no database).
// scheduled → invited → agenda published → held → minutes drafted → checked → approved → published.

import { helsinkiYear } from './dates';

export const MEETING_STAGES = [
  'cancelled',
  'scheduled',
  'invited',
  'agenda_published',
  'held',
  'minutes_draft',
  'minutes_checking',
  'minutes_approved',
  'minutes_published',
] as const;
export type MeetingStage = (typeof MEETING_STAGES)[number];

export interface LifecycleFacts {
  status: 'planned' | 'invited' | 'held' | 'cancelled';
  startsAt: Date | string;
  endsAt: Date | string;
  agendaPublishedAt?: Date | string | null;
  /** Status of the latest minutes version, if minutes were started. */
  minutesStatus?: 'draft' | 'checking' | 'approved' | 'published' | null;
}

const time = (value: Date | string) => (value instanceof Date ? value : new Date(value)).getTime();

/** Whether the meeting has started (minutes may be approved only from then on). */
export function hasStarted(facts: Pick<LifecycleFacts, 'startsAt'>, now: Date = new Date()): boolean {
  return time(facts.startsAt) <= now.getTime();
}

/** Held: the secretary marked it held, or its end time has passed (and it was not cancelled). */
export function isHeld(facts: Pick<LifecycleFacts, 'status' | 'endsAt'>, now: Date = new Date()): boolean {
  if (facts.status === 'cancelled') return false;
  return facts.status === 'held' || time(facts.endsAt) <= now.getTime();
}

/** The stage a meeting is in now. */
export function meetingStage(facts: LifecycleFacts, now: Date = new Date()): MeetingStage {
  if (facts.status === 'cancelled') return 'cancelled';
  switch (facts.minutesStatus) {
    case 'published':
      return 'minutes_published';
    case 'approved':
      return 'minutes_approved';
    case 'checking':
      return 'minutes_checking';
    case 'draft':
      if (isHeld(facts, now)) return 'minutes_draft';
      break;
    default:
      break;
  }
  if (isHeld(facts, now)) return 'held';
  if (facts.agendaPublishedAt) return 'agenda_published';
  if (facts.status === 'invited') return 'invited';
  return 'scheduled';
}

/** "3/2027" parts of a meeting's number, or null for a cancelled (unnumbered) meeting. */
export function meetingNumber(sequence: number | null | undefined, startsAt: Date | string): { n: number; year: number } | null {
  if (!sequence) return null;
  return { n: sequence, year: helsinkiYear(startsAt instanceof Date ? startsAt : new Date(startsAt)) };
}

/** "3/2027", or null for an unnumbered (cancelled) meeting: the API field and the label's parts. */
export function meetingNumberText(sequence: number | null | undefined, startsAt: Date | string): string | null {
  const parts = meetingNumber(sequence, startsAt);
  return parts ? `${parts.n}/${parts.year}` : null;
}
