import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { can } from '~/auth/permissions';
import { ConflictDeclareForm } from '~/components/practice-conflicts';
import { RecordsItemList } from '~/components/records-items';
import { RecordsAttendance, RecordsCheckers, RecordsMeetingFacts, RecordsVersionFacts } from '~/components/records-minutes';
import { readForm } from '~/lib/http/body.server';
import { hasStarted } from '~/lib/meeting-lifecycle';
import { getT } from '~/lib/t.server';
import { useLocale } from '~/lib/use-locale';
import { declareConflict, myDeclarations } from '~/models/conflicts.server';
import { declareConflictSchema } from '~/validation/practice';
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
  const { scope, principal, user, subject: meetingSubject } = await requireMeetingPermission(request, params.meetingId, 'council.view_internal');
  const subject = { councilId: scope.councilId, regionId: scope.regionId };
  const seated = (['member', 'deputy', 'chair', 'vice_chair'] as const).some((r) => meetingSubject.meetingRoles.has(r));
  const mayEdit = can(principal, 'agenda.edit', subject);
  // Before the agenda is published members see the meeting's facts only (the secretariat sees the draft).
  const agendaPending = !scope.agendaPublishedAt && !mayEdit;
  const [agenda, minutes] = agendaPending
    ? [[], null]
    : await Promise.all([getMembersAgenda(scope.meetingId, scope.councilId), getMembersMinutes(scope.meetingId, scope.councilId)]);
  return json(
    {
      meeting: publicMeetingFacts(scope),
      publicPage: isPublicRecord(scope),
      agendaPending,
      mayEdit,
      mayEditMinutes: can(principal, 'minutes.edit', subject),
      agenda,
      conflicts: seated && !agendaPending
        ? { open: scope.status !== 'cancelled' && !hasStarted(scope), mine: await myDeclarations(scope.meetingId, user.personId) }
        : null,
      minutes: minutes
        ? { version: minutes.version, items: minutes.items.map(toItemView), attendees: minutes.attendees, checkers: minutes.checkers }
        : null,
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

type ConflictReply = { error?: string; message?: string };

/** A member declares a conflict of interest on an item before the meeting (issue 14.6). */
export async function action({ request, params }: ActionFunctionArgs) {
  const { scope, user, actor, subject } = await requireMeetingPermission(request, params.meetingId, 'council.view_internal');
  const { t } = await getT(request);
  const submission = parseWithZod(await readForm(request), { schema: declareConflictSchema });
  if (submission.status !== 'success') {
    const first = Object.values(submission.error ?? {}).find((m) => m && m.length > 0)?.[0];
    return json<ConflictReply>({ error: t(first ?? 'records.errors.badForm') }, { status: 400 });
  }
  const outcome = await declareConflict({ ...actor, userId: user.id }, user.personId, subject.meetingRoles, scope.meetingId, submission.value.itemId, submission.value.reason);
  if (outcome.status === 'ok') return json<ConflictReply>({ message: t('practice.conflicts.saved') });
  const key =
    outcome.status === 'too_late' ? 'practice.conflicts.tooLate' : outcome.status === 'no_seat' ? 'practice.conflicts.noSeat' : outcome.status === 'decided' ? 'practice.conflicts.errors.decided' : 'records.errors.notFound';
  const status = outcome.status === 'no_seat' ? 403 : outcome.status === 'not_found' ? 404 : 409;
  return json<ConflictReply>({ error: t(key) }, { status });
}

export default function MembersMeetingPage() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
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
        {data.agendaPending ? null : (
          <>
            <li>
              <Link to={`${base}/print?doc=agenda&view=members`}>{t('records.meeting.printAgenda')}</Link>
            </li>
            <li>
              <a href={`${base}/agenda.pdf?view=members`}>{t('records.meeting.pdfAgenda')}</a>
            </li>
          </>
        )}
      </ul>
      <h2>{t('records.agenda')}</h2>
      {data.agendaPending ? <p className="notice">{t('practice.meeting.agendaNotPublished')}</p> : null}
      <RecordsItemList items={data.agenda} />
      {data.conflicts ? (
        <ConflictDeclareForm items={data.agenda} mine={data.conflicts.mine} open={data.conflicts.open} locale={locale} error={reply?.error} message={reply?.message} />
      ) : null}
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
