import { describe, expect, it } from 'vitest';
import { hasStarted, isHeld, meetingStage } from './meeting-lifecycle';

const now = new Date('2026-11-30T12:00:00Z');
const future = { startsAt: '2027-02-10T11:00:00Z', endsAt: '2027-02-10T13:00:00Z' };
const past = { startsAt: '2026-11-01T11:00:00Z', endsAt: '2026-11-01T13:00:00Z' };

describe('meeting lifecycle', () => {
  it('walks scheduled → invited → agenda published for a future meeting', () => {
    expect(meetingStage({ status: 'planned', ...future }, now)).toBe('scheduled');
    expect(meetingStage({ status: 'invited', ...future }, now)).toBe('invited');
    expect(meetingStage({ status: 'invited', ...future, agendaPublishedAt: '2027-02-01T08:00:00Z' }, now)).toBe('agenda_published');
    expect(hasStarted(future, now)).toBe(false);
  });
  it('is held once marked or once its end time has passed', () => {
    expect(isHeld({ status: 'planned', ...past }, now)).toBe(true);
    expect(meetingStage({ status: 'invited', ...past, agendaPublishedAt: '2026-10-25T08:00:00Z' }, now)).toBe('held');
    expect(meetingStage({ status: 'held', ...future }, now)).toBe('held');
    expect(meetingStage({ status: 'cancelled', ...past }, now)).toBe('cancelled');
  });
  it('follows the minutes after the meeting', () => {
    expect(meetingStage({ status: 'held', ...past, minutesStatus: 'draft' }, now)).toBe('minutes_draft');
    expect(meetingStage({ status: 'held', ...past, minutesStatus: 'checking' }, now)).toBe('minutes_checking');
    expect(meetingStage({ status: 'held', ...past, minutesStatus: 'approved' }, now)).toBe('minutes_approved');
    expect(meetingStage({ status: 'held', ...past, minutesStatus: 'published' }, now)).toBe('minutes_published');
    // A draft prepared ahead does not make a future meeting "held".
    expect(meetingStage({ status: 'invited', ...future, minutesStatus: 'draft' }, now)).toBe('invited');
  });
});
