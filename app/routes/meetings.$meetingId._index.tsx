import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { RecordsItemList } from '~/components/records-items';
import { RecordsAttendance, RecordsCheckers, RecordsMeetingFacts, RecordsVersionFacts, RecordsVersionHistory } from '~/components/records-minutes';
import { formatDateTime } from '~/lib/dates';
import { notFound } from '~/lib/http.server';
import { useLocale } from '~/lib/use-locale';
import { metaLocale, pickLang } from '~/lib/i18n';
import { LangText } from '~/components/lang-text';
import { getPublicAgenda, getPublicMeeting } from '~/models/agendas.server';
import { getPublishedMinutes, publicMeetingFacts, toItemView } from '~/models/minutes.server';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? `${pickLang(data.meeting.titles, metaLocale(matches))?.text ?? data.meeting.title} – Neuvos` : 'Neuvos' },
];

/**
 * The public meeting page: the public agenda, or the published minutes once there are some.
 * Closed meetings, members-only councils and unpublished agendas are 404: the loader only
 * calls functions that return public data.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const scope = await getPublicMeeting(params.meetingId ?? '');
  if (!scope) notFound();
  const [agenda, minutes] = await Promise.all([getPublicAgenda(scope.meetingId), getPublishedMinutes(scope.meetingId)]);
  const attachmentsByItem = new Map(agenda.map((i) => [i.id, i.attachments]));
  return json({
    meeting: publicMeetingFacts(scope),
    agenda,
    minutes: minutes
      ? {
          version: minutes.version,
          history: minutes.history,
          items: minutes.items.map((i) => ({ ...toItemView(i), attachments: attachmentsByItem.get(i.id) ?? [] })),
          attendees: minutes.attendees,
          checkers: minutes.checkers,
        }
      : null,
  });
}

export default function PublicMeetingPage() {
  const { meeting, agenda, minutes } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const base = `/meetings/${meeting.id}`;
  return (
    <article className="records-page">
      <h1>
        <LangText texts={meeting.titles} fallbackText={meeting.title} />
      </h1>
      <RecordsMeetingFacts meeting={meeting} locale={locale} />
      <p className="muted">
        {meeting.agendaPublishedAt ? t('records.meeting.agendaPublished', { date: formatDateTime(meeting.agendaPublishedAt, locale) }) : null}
        {minutes?.version.publishedAt ? ` · ${t('records.meeting.minutesPublished', { date: formatDateTime(minutes.version.publishedAt, locale) })}` : null}
      </p>
      <nav aria-label={t('records.meeting.print')}>
        <ul className="records-links">
          <li>
            <Link to={`${base}/print?doc=agenda&lng=${locale}`}>{t('records.meeting.printAgenda')}</Link>
          </li>
          <li>
            <a href={`${base}/agenda.pdf?lng=${locale}`}>{t('records.meeting.pdfAgenda')}</a>
          </li>
          {minutes ? (
            <>
              <li>
                <Link to={`${base}/print?doc=minutes&lng=${locale}`}>{t('records.meeting.printMinutes')}</Link>
              </li>
              <li>
                <a href={`${base}/minutes.pdf?version=${minutes.version.versionNo}&lng=${locale}`}>{t('records.meeting.pdfMinutes')}</a>
              </li>
            </>
          ) : null}
        </ul>
      </nav>
      {minutes ? (
        <>
          <h2>{t('records.minutes')}</h2>
          <RecordsVersionFacts version={minutes.version} locale={locale} />
          <RecordsAttendance attendees={minutes.attendees} />
          <h2>{t('records.minutesPage.items')}</h2>
          <RecordsItemList items={minutes.items} showMinutes />
          <RecordsCheckers checkers={minutes.checkers} locale={locale} />
          <RecordsVersionHistory history={minutes.history} current={minutes.version.versionNo} basePath={`${base}/minutes`} locale={locale} />
        </>
      ) : (
        <>
          <h2>{t('records.agenda')}</h2>
          <p className="muted">{t('records.meeting.minutesNotYet')}</p>
          <RecordsItemList items={agenda} />
        </>
      )}
    </article>
  );
}
