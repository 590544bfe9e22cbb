import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMeetingTime } from '~/lib/dates';
import { useLocale } from '~/lib/use-locale';
import { MeetingNumber, shownStatus } from './meeting-number';

export interface ListMeeting {
  id: string;
  title: string;
  startsAt: string | Date;
  endsAt: string | Date;
  status: string;
  meetingType: string;
  address: string | null;
  room: string | null;
  publicity?: string;
  seriesId?: string | null;
  detached?: boolean;
  /** Number within the council and year (null when cancelled). */
  meetingNo?: number | null;
  /** Shown in "my meetings", across councils. */
  councilName?: { text: string; lang: string };
}

/** Meetings as a table: time and title (a link), council when several, place, status, and optional actions. */
export function CalendarList({
  meetings,
  caption,
  hrefFor,
  actions,
  actionsLabel,
  now,
}: {
  meetings: ListMeeting[];
  /** The server's time (from the loader), for the shown status. */
  now: string;
  caption: string;
  hrefFor: (meeting: ListMeeting) => string;
  actions?: (meeting: ListMeeting) => ReactNode;
  actionsLabel?: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (meetings.length === 0) return <p className="muted">{t('meetings.none')}</p>;
  const showCouncil = meetings.some((m) => m.councilName);
  return (
    <table className="calendar-list">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('meetings.when')}</th>
          {showCouncil ? <th scope="col">{t('meetings.council')}</th> : null}
          <th scope="col">{t('meetings.where')}</th>
          <th scope="col">{t('meetings.status')}</th>
          {actions ? <th scope="col">{actionsLabel}</th> : null}
        </tr>
      </thead>
      <tbody>
        {meetings.map((m) => (
          <tr key={m.id} className={m.status === 'cancelled' ? 'is-cancelled' : undefined}>
            <th scope="row">
              <Link to={hrefFor(m)}>
                <time dateTime={new Date(m.startsAt).toISOString()}>{formatMeetingTime(m.startsAt, m.endsAt, locale)}</time>
                <br />
                <MeetingNumber meetingNo={m.meetingNo} startsAt={m.startsAt} /> {m.title}
              </Link>
            </th>
            {showCouncil ? <td lang={m.councilName && m.councilName.lang !== locale ? m.councilName.lang : undefined}>{m.councilName?.text}</td> : null}
            <td>
              {t(`meetings.${m.meetingType}`)}
              {m.address ? (
                <>
                  <br />
                  {m.address}
                  {m.room ? `, ${m.room}` : ''}
                </>
              ) : null}
            </td>
            <td>
              {t(`meetings.statuses.${shownStatus(m, now)}`)}
              {m.publicity === 'closed' ? <span className="badge">{t('calendar.publicity.closed')}</span> : null}
              {m.seriesId ? <span className="badge">{t(m.detached ? 'calendar.list.detached' : 'calendar.list.inSeries')}</span> : null}
            </td>
            {actions ? <td>{actions(m)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
