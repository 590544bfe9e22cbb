import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { langTexts, localized } from '~/lib/i18n';
import { LangText } from '~/components/lang-text';
import { formatMeetingTime } from '~/lib/dates';
import { useLocale } from '~/lib/use-locale';
import { MeetingNumber, shownStatus } from './meeting-number';
import type { PublicMeeting } from '~/models/meetings.server';

/** A table of meetings; the council column is left out on a council's own page. */
export function MeetingTable({
  meetings,
  caption,
  showCouncil = true,
}: {
  meetings: Array<Omit<PublicMeeting, 'startsAt' | 'endsAt' | 'agendaPublishedAt'> & { startsAt: string | Date; endsAt: string | Date; agendaPublishedAt: string | Date | null }>;
  caption: string;
  showCouncil?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (meetings.length === 0) return <p className="muted">{t('meetings.none')}</p>;
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('meetings.when')}</th>
          {showCouncil ? <th scope="col">{t('meetings.council')}</th> : null}
          <th scope="col">{t('meetings.where')}</th>
          <th scope="col">{t('meetings.status')}</th>
        </tr>
      </thead>
      <tbody>
        {meetings.map((m) => {
          const name = localized(
            { nameFi: m.councilNameFi, nameSv: m.councilNameSv, nameEn: m.councilNameEn },
            'name',
            locale,
          );
          return (
            <tr key={m.id}>
              <td>
                <time dateTime={new Date(m.startsAt).toISOString()}>{formatMeetingTime(m.startsAt, m.endsAt, locale)}</time>
                <br />
                <MeetingNumber meetingNo={m.meetingNo} startsAt={m.startsAt} />{' '}
                {m.agendaPublishedAt || m.minutesPublished ? (
                  <Link to={`/meetings/${m.id}`}>
                    <LangText texts={langTexts(m, 'title')} fallbackText={m.title} />
                  </Link>
                ) : (
                  <span>
                    <LangText texts={langTexts(m, 'title')} fallbackText={m.title} />
                  </span>
                )}
              </td>
              {showCouncil ? (
                <td>
                  <Link to={`/councils/${m.councilSlug}`} lang={name.lang !== locale ? name.lang : undefined}>
                    {name.text}
                  </Link>
                </td>
              ) : null}
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
                {/* Public tables render only on the server (no hydration): its clock is the right one. */}
                {t(`meetings.statuses.${shownStatus(m, new Date())}`)}
                {m.agendaPublishedAt ? <span className="badge">{t('meetings.agendaPublished')}</span> : null}
                {m.minutesPublished ? <span className="badge">{t('meetings.minutesPublished')}</span> : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
