import { useTranslation } from 'react-i18next';
import { isHeld, meetingNumber } from '~/lib/meeting-lifecycle';

/** "Kokous 3/2027": the meeting's number in its council and year; nothing for a cancelled meeting. */
export function MeetingNumber({ meetingNo, startsAt }: { meetingNo?: number | null; startsAt: string | Date }) {
  const { t } = useTranslation();
  const parts = meetingNumber(meetingNo, startsAt);
  return parts ? <span className="meeting-number">{t('ws.meeting.number', parts)}</span> : null;
}

/**
 * The status a list shows: a meeting whose end time has passed is held, whatever was marked.
 * `now` is the server's time from the loader: a hydrating page must not read the browser's clock,
 * or the page the server rendered and the one the browser renders differ (React error 418).
 */
export function shownStatus(m: { status: string; endsAt: string | Date }, now: string | Date): string {
  if (m.status === 'held' || m.status === 'cancelled') return m.status;
  return isHeld({ status: m.status as 'planned', endsAt: m.endsAt }, new Date(now)) ? 'held' : m.status;
}
