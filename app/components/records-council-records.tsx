import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '~/lib/dates';
import { useLocale } from '~/lib/use-locale';
import { langTexts } from '~/lib/i18n';
import { LangText } from '~/components/lang-text';

type When = string | Date;

/**
 * The public council page's list of published agendas and minutes (data from
 * listPublishedRecords in ~/models/agendas.server), newest meeting first.
 */
export function RecordsCouncilRecords({
  records,
}: {
  records: Array<{ id: string; title: string; titleSv?: string | null; titleEn?: string | null; startsAt: When; agendaPublishedAt: When | null; minutesPublishedAt: When | null }>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (records.length === 0) return <p className="muted">{t('records.meeting.noRecords')}</p>;
  return (
    <table>
      <caption>{t('records.meeting.recordsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('meetings.when')}</th>
          <th scope="col">{t('records.agenda')}</th>
          <th scope="col">{t('records.minutes')}</th>
        </tr>
      </thead>
      <tbody>
        {records.map((r) => (
          <tr key={r.id}>
            <th scope="row">
              <Link to={`/meetings/${r.id}`}>
                <LangText texts={langTexts(r, 'title')} fallbackText={r.title} />
              </Link>
              <br />
              <time dateTime={new Date(r.startsAt).toISOString()}>{formatDate(r.startsAt, locale)}</time>
            </th>
            <td>
              <a href={`/meetings/${r.id}/agenda.pdf`}>{t('records.meeting.pdfAgenda')}</a>
            </td>
            <td>
              {r.minutesPublishedAt ? (
                <>
                  <Link to={`/meetings/${r.id}/minutes`}>{t('records.meeting.readMinutes')}</Link> ·{' '}
                  <a href={`/meetings/${r.id}/minutes.pdf`}>{t('records.meeting.pdf')}</a>
                </>
              ) : (
                <span className="muted">{t('records.meeting.minutesNotYet')}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
