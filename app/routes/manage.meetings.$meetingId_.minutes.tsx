import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { ZodTypeAny } from 'zod';
import { can } from '~/auth/permissions';
import { ConflictDecisions } from '~/components/practice-conflicts';
import { RecordsMeetingFacts } from '~/components/records-minutes';
import {
  AttendanceForm,
  CheckersForm,
  DecisionForm,
  MinutesMetaForm,
  RecusalForms,
  RollCallForm,
  WorkflowForms,
} from '~/components/records-minutes-editor';
import { formatDateTime, helsinkiWallClock } from '~/lib/dates';
import { translatedReply } from '~/lib/forms.server';
import { hasStarted } from '~/lib/meeting-lifecycle';
import { getT } from '~/lib/t.server';
import { useLocale } from '~/lib/use-locale';
import { isUuid, missingTranslations, requireMeetingPermission } from '~/models/agendas.server';
import { listDeclarations } from '~/models/conflicts.server';
import * as m from '~/models/minutes.server';
import {
  approveSchema,
  attendanceSchema,
  checkersSchema,
  correctionSchema,
  decisionSchema,
  minutesMetaSchema,
  recusalRemoveSchema,
  recusalSchema,
  refusalKey,
  rollCallClearSchema,
  rollCallSchema,
  startMinutesSchema,
  versionStepSchema,
} from '~/validation/records';
import { readForm } from '~/lib/http/body.server';
import { MissingTranslations } from '~/components/missing-translations';

export const handle = { hydrate: true };
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.meeting.title} – Neuvos` : 'Neuvos' }];

/** The secretary's minutes workspace: attendance, decisions, checkers and the workflow. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, principal } = await requireMeetingPermission(request, params.meetingId, 'minutes.edit');
  const [ws, declarations] = await Promise.all([m.getMinutesWorkspace(scope), listDeclarations(scope.meetingId)]);
  const section = minutesSection(new URL(request.url));
  const titles = new Map(ws.laterMeetings.map((x) => [x.id, x.title]));
  return json(
    {
      meeting: m.publicMeetingFacts(scope),
      section,
      // The server's time: whether the meeting has started is not decided by the browser's clock.
      now: new Date().toISOString(),
      mayPublish: can(principal, 'minutes.publish', { councilId: scope.councilId, regionId: scope.regionId }),
      ...ws,
      declarations,
      councilLanguages: scope.councilLanguages,
      // Approval freezes the minutes: the secretary sees before it which translations are missing.
      missingTranslations: missingTranslations(scope, ws.items, scope.councilLanguages, new Map(ws.decisions.map((d) => [d.agendaItemId, d]))),
      laterItems: ws.laterItems.map((i) => ({ id: i.id, title: i.title, number: i.sectionNumber ? `§ ${i.sectionNumber}` : null, meetingTitle: titles.get(i.meetingId) ?? '' })),
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

type Reply = { form: string; result?: ReturnType<typeof translatedReply>; message?: string; error?: string; fieldErrors?: Record<string, string> };

const STATUS: Partial<Record<m.MinutesRefusal, number>> = { not_found: 404, conflict: 409 };
const INTENTS: Record<string, ZodTypeAny> = {
  'start-minutes': startMinutesSchema,
  'save-meta': minutesMetaSchema,
  'save-attendance': attendanceSchema,
  'save-decision': decisionSchema,
  'add-recusal': recusalSchema,
  'remove-recusal': recusalRemoveSchema,
  'save-roll-call': rollCallSchema,
  'clear-roll-call': rollCallClearSchema,
  'choose-checkers': checkersSchema,
  'send-for-checking': versionStepSchema,
  'return-to-draft': versionStepSchema,
  publish: versionStepSchema,
  approve: approveSchema,
  'start-correction': correctionSchema,
};

/** The editor is split into sections (sub-pages by `?section=`), so each works without JavaScript. */
const SECTIONS = ['attendance', 'items', 'approval'] as const;
type Section = (typeof SECTIONS)[number];
function minutesSection(url: URL): Section {
  const value = url.searchParams.get('section');
  return (SECTIONS as readonly string[]).includes(value ?? '') ? (value as Section) : 'attendance';
}

function localInstant(value: string | undefined): Date | null {
  return value ? helsinkiWallClock(value.slice(0, 10), value.slice(11, 16)) : null;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope, actor, principal } = await requireMeetingPermission(request, params.meetingId, 'minutes.edit');
  const formData = await readForm(request);
  const intent = String(formData.get('intent') ?? '');
  if (intent === 'publish' && !can(principal, 'minutes.publish', { councilId: scope.councilId, regionId: scope.regionId })) {
    throw new Response('Forbidden', { status: 403 });
  }
  const { t } = await getT(request);
  const schema = INTENTS[intent];
  const itemId = String(formData.get('itemId') ?? '');
  const form = ['save-decision', 'add-recusal', 'save-roll-call', 'clear-roll-call'].includes(intent) ? `${intent}:${itemId}` : intent;
  if (!schema) return json<Reply>({ form, error: t('records.errors.badForm') }, { status: 400 });
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== 'success') {
    return json<Reply>({ form, result: translatedReply(submission, t), error: t('records.errors.required') }, { status: 400 });
  }
  const who = { councilId: scope.councilId, regionId: scope.regionId, actor };
  const meetingId = scope.meetingId;
  const versionId = String(formData.get('versionId') ?? '');
  const v = submission.value as Record<string, unknown> & { lockVersion: number };
  if (intent !== 'start-minutes' && intent !== 'start-correction' && !isUuid(versionId)) {
    return json<Reply>({ form, error: t('records.errors.notFound') }, { status: 404 });
  }
  let outcome: m.MinutesOutcome;
  switch (intent) {
    case 'start-minutes':
      outcome = await m.startMinutes(who, meetingId);
      break;
    case 'save-meta': {
      const meta = submission.value as { place?: string; openedAt?: string; closedAt?: string; summary?: string };
      outcome = await m.updateMinutesMeta(who, meetingId, versionId, v.lockVersion, {
        place: meta.place,
        summary: meta.summary,
        openedAt: localInstant(meta.openedAt),
        closedAt: localInstant(meta.closedAt),
      });
      break;
    }
    case 'save-attendance': {
      const rows = (submission.value as { rows: Parameters<typeof m.saveAttendance>[4] }).rows;
      outcome = await m.saveAttendance(who, meetingId, versionId, v.lockVersion, rows);
      break;
    }
    case 'save-decision':
      outcome = await m.saveDecision(who, meetingId, versionId, v.lockVersion, submission.value as Parameters<typeof m.saveDecision>[4]);
      break;
    case 'add-recusal':
      outcome = await m.addRecusal(who, meetingId, versionId, v.lockVersion, submission.value as { itemId: string; personId: string; reason?: string });
      break;
    case 'save-roll-call': {
      const input = submission.value as { itemId: string; votes: m.RollCallInput['votes'] };
      outcome = await m.saveRollCall(who, meetingId, versionId, v.lockVersion, { itemId: input.itemId, votes: input.votes });
      break;
    }
    case 'clear-roll-call':
      outcome = await m.clearRollCall(who, meetingId, versionId, v.lockVersion, String(v.itemId));
      break;
    case 'remove-recusal':
      outcome = await m.removeRecusal(who, meetingId, versionId, v.lockVersion, String(v.recusalId));
      break;
    case 'choose-checkers':
      outcome = await m.chooseCheckers(who, meetingId, versionId, v.lockVersion, v.personIds as string[]);
      break;
    case 'send-for-checking':
      outcome = await m.sendForChecking(who, meetingId, versionId, v.lockVersion);
      break;
    case 'return-to-draft':
      outcome = await m.returnToDraft(who, meetingId, versionId, v.lockVersion);
      break;
    case 'approve':
      outcome = await m.approveMinutes(who, meetingId, versionId, v.lockVersion, v.method as m.ApprovalMethod, v.approvedAtItemId as string | undefined);
      break;
    case 'publish':
      outcome = await m.publishMinutes(who, meetingId, versionId, v.lockVersion);
      break;
    default:
      outcome = await m.startCorrection(who, meetingId, String(v.correctionNote));
  }
  if (outcome.status !== 'ok') {
    const message = t(refusalKey(outcome.status), outcome.params);
    const fieldErrors = outcome.field ? { [outcome.field]: message } : undefined;
    const result = translatedReply(submission, t, outcome.field ? { fieldErrors: { [outcome.field]: [message] } } : { formErrors: [message] });
    return json<Reply>({ form, result, error: message, fieldErrors }, { status: STATUS[outcome.status] ?? 400 });
  }
  const message = intent === 'start-minutes' ? t('records.minutesPage.started') : t('records.minutesPage.done');
  return json<Reply>({ form, result: translatedReply(submission, t), message });
}

export default function MinutesWorkspacePage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const { meeting, current } = data;
  const resultFor = (form: string) => (actionData?.form === form ? actionData.result : undefined);
  const errorFor = (form: string) => (actionData?.form === form ? actionData.error : undefined);
  const editable = current?.status === 'draft';
  const present = data.attendees.filter((a) => a.present).map((a) => ({ personId: a.personId, name: a.name }));
  const confirmed = data.checkers.filter((c) => c.confirmedAt).length;
  return (
    <>
      <p>
        <Link to={`/manage/meetings/${meeting.id}`}>{meeting.title}</Link> · <Link to={`/manage/meetings/${meeting.id}/agenda`}>{t('records.meeting.workingAgenda')}</Link> ·{' '}
        <Link to={`/meetings/${meeting.id}/members`}>{t('records.meeting.membersView')}</Link>
      </p>
      <h1>{t('records.minutesPage.title', { title: meeting.title })}</h1>
      <RecordsMeetingFacts meeting={meeting} locale={locale} />
      {actionData?.message ? <p role="status">{actionData.message}</p> : null}
      {actionData?.error ? (
        <p role="alert" className="error-text">
          {actionData.error}
        </p>
      ) : null}
      {!current ? (
        <>
          <p>{t('records.minutesPage.noMinutes')}</p>
          <Form method="post">
            <button type="submit" name="intent" value="start-minutes">
              {t('records.minutesPage.start')}
            </button>
          </Form>
        </>
      ) : (
        <>
          <p className="records-status">
            <strong>{t('records.minutesPage.version', { n: current.versionNo, status: t(`records.statuses.${current.status}`) })}</strong>
            {current.correctionNote ? ` – ${current.correctionNote}` : ''}
          </p>
          {current.status === 'checking' ? <p className="notice">{t('records.minutesPage.checkingNotice')}</p> : null}
          {current.status === 'approved' || current.status === 'published' ? <p className="notice">{t('records.minutesPage.frozenNotice')}</p> : null}
          <section aria-labelledby="quorum-title">
            <h2 id="quorum-title">{t('records.minutesPage.quorum')}</h2>
            <p role="status">
              {t('records.minutesPage.quorumLine', data.quorum)} <strong>{data.quorum.quorate ? t('records.minutesPage.quorate') : t('records.minutesPage.notQuorate')}</strong>
            </p>
          </section>
          <nav aria-label={t('ws.minutes.sectionsLabel')} className="section-tabs">
            <ul>
              {(['attendance', 'items', 'approval'] as const).map((key) => (
                <li key={key}>
                  <Link to={`?section=${key}`} aria-current={data.section === key ? 'page' : undefined}>
                    {t(`ws.minutes.sections.${key}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {data.section === 'attendance' ? (
            <>
          {editable ? (
            <>
              <section aria-labelledby="meta-title">
                <h2 id="meta-title">{t('records.minutesPage.meta')}</h2>
                <MinutesMetaForm version={current} lastResult={resultFor('save-meta')} />
              </section>
              <section aria-labelledby="attendance-edit-title">
                <h2 id="attendance-edit-title">{t('records.minutesPage.attendance')}</h2>
                <AttendanceForm version={current} roster={data.roster} attendees={data.attendees} seats={data.seatMemberships} items={data.items} error={errorFor('save-attendance')} fieldErrors={actionData?.form === 'save-attendance' ? actionData.fieldErrors : undefined} />
              </section>
            </>
          ) : null}
            </>
          ) : null}
          {data.section === 'items' ? (
            <>
          <section aria-labelledby="items-edit-title">
            <h2 id="items-edit-title">{t('records.minutesPage.items')}</h2>
            {data.items.map((item) => {
              const decision = data.decisions.find((d) => d.agendaItemId === item.id);
              const q = data.quorumByItem[item.id];
              return (
                <section key={item.id} className="records-item" aria-labelledby={`mi-${item.id}`}>
                  <h3 id={`mi-${item.id}`}>
                    {item.number ?? t('records.unnumbered')} {item.title}
                    {item.publicity !== 'public' ? <span className="badge">{t(`records.publicity.${item.publicity}`)}</span> : null}
                  </h3>
                  {q && !q.quorate ? <p className="notice">{t('records.minutesPage.notQuorate')}</p> : null}
                  {editable ? (
                    <DecisionForm
                      version={current}
                      item={item}
                      decision={decision}
                      laterMeetings={data.laterMeetings}
                      lastResult={resultFor(`save-decision:${item.id}`)}
                      locale={locale}
                      languages={data.councilLanguages}
                      countsFromRollCall={data.memberVotes.some((mv) => mv.agendaItemId === item.id)}
                    />
                  ) : (
                    <p>
                      <strong>{t('records.decision')}:</strong> {decision?.decision ?? '–'}
                    </p>
                  )}
                  <RollCallForm
                    version={current}
                    itemId={item.id}
                    voters={data.votersByItem[item.id] ?? []}
                    recorded={data.memberVotes.filter((mv) => mv.agendaItemId === item.id)}
                    editable={editable}
                    lastResult={resultFor(`save-roll-call:${item.id}`)}
                  />
                  <RecusalForms version={current} itemId={item.id} recusals={data.recusals.filter((r) => r.agendaItemId === item.id)} present={present} editable={editable} />
                  <ConflictDecisions meetingId={meeting.id} declarations={data.declarations.filter((d) => d.agendaItemId === item.id)} version={current} locale={locale} />
                  <p>
                    <Link to={`/manage/meetings/${meeting.id}/items/${item.id}/extract`}>{t('practice.extract.manage')}</Link>
                  </p>
                </section>
              );
            })}
          </section>
            </>
          ) : null}
          {data.section === 'approval' ? (
            <>
          <section aria-labelledby="checkers-edit-title">
            <h2 id="checkers-edit-title">{t('records.minutesPage.checkers')}</h2>
            {data.checkers.length > 0 ? (
              <>
                <ul>
                  {data.checkers.map((c) => (
                    <li key={c.id}>
                      {c.name}: {c.confirmedAt ? t('records.minutesView.confirmedAt', { date: formatDateTime(c.confirmedAt, locale) }) : t('records.minutesView.notConfirmed')}
                    </li>
                  ))}
                </ul>
                <p>{t('records.minutesPage.confirmations', { confirmed, total: data.checkers.length })}</p>
              </>
            ) : null}
            {editable ? <CheckersForm version={current} present={present} chosen={new Set(data.checkers.map((c) => c.personId))} error={errorFor('choose-checkers')} /> : null}
          </section>
          <section aria-labelledby="workflow-title">
            <h2 id="workflow-title">{t('records.minutesPage.workflow')}</h2>
            {!hasStarted(meeting, new Date(data.now)) && (current.status === 'draft' || current.status === 'checking') ? (
              <p className="notice">{t('ws.meeting.notStartedNote', { when: formatDateTime(meeting.startsAt, locale) })}</p>
            ) : null}
            {current.status !== 'published' ? <MissingTranslations missing={data.missingTranslations} id="minutes-missing-translations" /> : null}
            <WorkflowForms version={current} laterItems={data.laterItems} error={undefined} hasCheckers={data.checkers.length > 0} />
            {!data.mayPublish && current.status === 'approved' ? <p className="muted">{t('errors.forbiddenText')}</p> : null}
          </section>
          <section aria-labelledby="versions-title">
            <h2 id="versions-title">{t('records.minutesView.history')}</h2>
            <ol reversed>
              {data.versions.map((ver) => (
                <li key={ver.id}>
                  {t('records.versionN', { n: ver.versionNo })}: {t(`records.statuses.${ver.status}`)}
                  {ver.publishedAt ? ` (${formatDateTime(ver.publishedAt, locale)})` : ''}
                  {ver.correctionNote ? ` – ${ver.correctionNote}` : ''}
                </li>
              ))}
            </ol>
            <p>
              <Link to={`/meetings/${meeting.id}/print?doc=minutes&view=members`}>{t('records.meeting.printMinutes')}</Link> ·{' '}
              <a href={`/meetings/${meeting.id}/minutes.pdf?view=members`}>{t('records.meeting.pdfMinutes')}</a>
            </p>
          </section>
            </>
          ) : null}
        </>
      )}
    </>
  );
}
