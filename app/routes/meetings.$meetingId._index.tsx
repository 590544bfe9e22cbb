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
import { getPublicAgenda, getScheduledPublicMeeting, isPublicRecord } from '~/models/agendas.server';
import { getPublishedMinutes, publicMeetingFacts, toItemView } from '~/models/minutes.server';

const STAGE_OF_STATUS: Record<string, string> = { planned: 'scheduled', invited: 'invited', held: 'held', cancelled: 'cancelled' };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? `${pickLang(data.meeting.titles, metaLocale(matches))?.text ?? data.meeting.title} – Neuvos` : 'Neuvos' },
];

/**
 * The public meeting page: from scheduling the meeting's facts (time, place, status), then the
 * public agenda, then the published minutes. Closed meetings and members-only councils are 404;
 * before the agenda is published only the facts are shown (no items, no drafts): the loader only
 * calls functions that return public data.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const scope = await getScheduledPublicMeeting(params.meetingId ?? '');
  if (!scope) notFound();
  if (!isPublicRecord(scope)) return json({ meeting: publicMeetingFacts(scope), agendaPending: true as const, agenda: [], minutes: null });
  const [agenda, minutes] = await Promise.all([getPublicAgenda(scope.meetingId), getPublishedMinutes(scope.meetingId)]);
  const attachmentsByItem = new Map(agenda.map((i) => [i.id, i.attachments]));
  return json({
    meeting: publicMeetingFacts(scope),
    agendaPending: false as const,
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
  const { meeting, agenda, minutes, agendaPending } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const base = `/meetings/${meeting.id}`;
  const status = (
    <p>
      {t('practice.meeting.status')}: <strong>{t(`ws.meeting.stages.${STAGE_OF_STATUS[meeting.status] ?? 'scheduled'}`)}</strong>
    </p>
  );
  if (agendaPending) {
    return (
      <article className="records-page">
        <h1>{meeting.title}</h1>
        <RecordsMeetingFacts meeting={meeting} locale={locale} />
        {status}
        <p className="notice">{t('practice.meeting.agendaNotPublished')}</p>
      </article>
    );
  }
  return (
    <article className="records-page">
      <h1>
        <LangText texts={meeting.titles} fallbackText={meeting.title} />
      </h1>
      <RecordsMeetingFacts meeting={meeting} locale={locale} />
      {meeting.status === 'cancelled' ? status : null}
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
          <nav aria-labelledby="extracts-title">
            <h2 id="extracts-title">{t('practice.extract.title')}</h2>
            <ul className="records-links">
              {minutes.items
                .filter((i) => !i.withheld)
                .map((i) => (
                  <li key={i.id}>
                    <Link to={`${base}/items/${i.id}/extract`}>{t('practice.extract.linkLabel', { item: `${i.number ? `${i.number} ` : ''}${pickLang(i.titles, locale)?.text ?? i.title}` })}</Link>
                  </li>
                ))}
            </ul>
          </nav>
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
