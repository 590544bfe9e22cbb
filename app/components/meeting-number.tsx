import { useTranslation } from 'react-i18next';
import { isHeld, meetingNumber } from '~/lib/meeting-lifecycle';

/** "Kokous 3/2027": the meeting's number in its council and year; nothing for a cancelled meeting. */
export function MeetingNumber({ meetingNo, startsAt }: { meetingNo?: number | null; startsAt: string | Date }) {
  const { t } = useTranslation();
  const parts = meetingNumber(meetingNo, startsAt);
  return parts ? <span className="meeting-number">{t('ws.meeting.number', parts)}</span> : null;
}

/** The status a list shows: a meeting whose end time has passed is held, whatever was marked. */
export function shownStatus(m: { status: string; endsAt: string | Date }): string {
  if (m.status === 'held' || m.status === 'cancelled') return m.status;
  return isHeld({ status: m.status as 'planned', endsAt: m.endsAt }) ? 'held' : m.status;
}
