import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { can } from '~/auth/permissions';
import { RecordsItemList } from '~/components/records-items';
import { RecordsAttendance, RecordsCheckers, RecordsMeetingFacts, RecordsVersionFacts } from '~/components/records-minutes';
import { notFound } from '~/lib/http.server';
import { useLocale } from '~/lib/use-locale';
import { getMembersAgenda, isPublicRecord, requireMeetingPermission } from '~/models/agendas.server';
import { getMembersMinutes, publicMeetingFacts, toItemView } from '~/models/minutes.server';
import { metaLocale, pickLang } from '~/lib/i18n';
import { LangText } from '~/components/lang-text';

export const handle = { hydrate: true };
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? `${pickLang(data.meeting.titles, metaLocale(matches))?.text ?? data.meeting.title} – Neuvos` : 'Neuvos' },
];

/** The members' view: every item with its content, once the agenda is published (the secretariat sees it earlier). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, principal } = await requireMeetingPermission(request, params.meetingId, 'council.view_internal');
  const subject = { councilId: scope.councilId, regionId: scope.regionId };
  const mayEdit = can(principal, 'agenda.edit', subject);
  if (!scope.agendaPublishedAt && !mayEdit) notFound();
  const [agenda, minutes] = await Promise.all([getMembersAgenda(scope.meetingId, scope.councilId), getMembersMinutes(scope.meetingId, scope.councilId)]);
  return json(
    {
      meeting: publicMeetingFacts(scope),
      publicPage: isPublicRecord(scope),
      mayEdit,
      mayEditMinutes: can(principal, 'minutes.edit', subject),
      agenda,
      minutes: minutes
        ? { version: minutes.version, items: minutes.items.map(toItemView), attendees: minutes.attendees, checkers: minutes.checkers }
        : null,
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

export default function MembersMeetingPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const base = `/meetings/${data.meeting.id}`;
  return (
    <article className="records-page">
      <h1>
        <LangText texts={data.meeting.titles} fallbackText={data.meeting.title} />: {t('records.meeting.membersView')}
      </h1>
      <p className="notice">{t('records.meeting.membersNotice')}</p>
      <RecordsMeetingFacts meeting={data.meeting} locale={locale} />
      <ul className="records-links">
        {data.publicPage ? (
          <li>
            <Link to={base}>{t('records.meeting.publicView')}</Link>
          </li>
        ) : null}
        {data.mayEdit ? (
          <li>
            <Link to={`/manage/meetings/${data.meeting.id}/agenda`}>{t('records.meeting.workingAgenda')}</Link>
          </li>
        ) : null}
        {data.mayEditMinutes ? (
          <li>
            <Link to={`/manage/meetings/${data.meeting.id}/minutes`}>{t('records.meeting.workingMinutes')}</Link>
          </li>
        ) : null}
        <li>
          <Link to={`${base}/print?doc=agenda&view=members`}>{t('records.meeting.printAgenda')}</Link>
        </li>
        <li>
          <a href={`${base}/agenda.pdf?view=members`}>{t('records.meeting.pdfAgenda')}</a>
        </li>
      </ul>
      <h2>{t('records.agenda')}</h2>
      <RecordsItemList items={data.agenda} />
      {data.minutes ? (
        <section aria-labelledby="members-minutes">
          <h2 id="members-minutes">{t('records.minutes')}</h2>
          {data.minutes.version.status === 'checking' ? <p className="notice">{t('records.minutesView.inCheckingNotice')}</p> : null}
          <RecordsVersionFacts version={data.minutes.version} locale={locale} />
          <RecordsAttendance attendees={data.minutes.attendees} />
          <RecordsItemList items={data.minutes.items} showMinutes />
          <RecordsCheckers checkers={data.minutes.checkers} locale={locale} />
          <p>
            <Link to={`${base}/print?doc=minutes&view=members`}>{t('records.meeting.printMinutes')}</Link> ·{' '}
            <a href={`${base}/minutes.pdf?view=members`}>{t('records.meeting.pdfMinutes')}</a>
          </p>
        </section>
      ) : null}
    </article>
  );
}
