import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { can } from '~/auth/permissions';
import { MatterLinkForm } from '~/components/practice-matters';
import { AgendaAttachments, AgendaItemControls, AgendaItemForm, PlaceholderTitleWarning } from '~/components/records-agenda-editor';
import { ErrorList, Field } from '~/components/form';
import { RecordsMeetingFacts } from '~/components/records-minutes';
import { formatDateTime, helsinkiWallClock, toIsoWithOffset } from '~/lib/dates';
import { translatedReply } from '~/lib/forms.server';
import { maxUploadBytes, rethrowStorageFailure } from '~/lib/storage.server';
import { getT } from '~/lib/t.server';
import { useLocale } from '~/lib/use-locale';
import * as agendas from '~/models/agendas.server';
import { cancelScheduledPublication, getScheduledPublication, scheduleAgendaPublication } from '~/models/agendas-schedule.server';
import { addAttachment, deleteAttachment, readUpload } from '~/models/attachments.server';
import { listMatters, mattersOfItems } from '~/models/matters.server';
import { publicMeetingFacts } from '~/models/minutes.server';
import { agendaItemActionSchema, agendaItemSchema, agendaSimpleSchema, attachmentDeleteSchema, attachmentSchema, refusalKey } from '~/validation/records';
import { readForm } from '~/lib/http/body.server';
import { unusedLanguageFields } from '~/lib/content-languages';
import { MissingTranslations } from '~/components/missing-translations';

export const handle = { hydrate: true };
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.meeting.title} – Neuvos` : 'Neuvos' }];

const maxMb = () => Number((maxUploadBytes() / (1024 * 1024)).toFixed(2));

/** The secretariat's working view of one agenda. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, principal } = await agendas.requireMeetingPermission(request, params.meetingId, 'agenda.edit');
  const [items, frozen, scheduled] = await Promise.all([
    agendas.getWorkingAgenda(scope.meetingId, scope.councilId),
    agendas.agendaFrozen(scope.meetingId),
    scope.agendaPublishedAt ? null : getScheduledPublication(scope.meetingId),
  ]);
  const [matters, itemMatters] = await Promise.all([listMatters(scope.councilId), mattersOfItems(items.map((i) => i.id))]);
  const deadline = agendas.noticeDeadline(scope.startsAt, scope.noticePeriodDays);
  return json(
    {
      meeting: publicMeetingFacts(scope),
      noticePeriodDays: scope.noticePeriodDays,
      deadline,
      late: !scope.agendaPublishedAt && Date.now() > deadline.getTime(),
      frozen,
      scheduled,
      items,
      matters,
      itemMatters,
      councilLanguages: scope.councilLanguages,
      missingTranslations: agendas.missingTranslations(scope, items, scope.councilLanguages),
      maxMb: maxMb(),
      mayEditMinutes: can(principal, 'minutes.edit', { councilId: scope.councilId, regionId: scope.regionId }),
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

type Reply = { form: string; result?: ReturnType<typeof translatedReply>; message?: string; error?: string };

/** "Publish later": a Helsinki wall-clock time from a datetime-local field. */
const scheduleSchema = /* @__PURE__ */ (() => z.object({
  intent: z.literal('schedule-publish'),
  publishAt: z
    .string({ required_error: 'records.agendaPage.publishAtRequired' })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'records.agendaPage.publishAtInvalid'),
}))();

/** The instant of a 'YYYY-MM-DDTHH:MM' Helsinki time; null for a day or time that does not exist (30.2., the DST gap). */
function helsinkiInstant(local: string): Date | null {
  const at = helsinkiWallClock(local.slice(0, 10), local.slice(11, 16));
  return toIsoWithOffset(at).slice(0, 16) === local ? at : null;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope, actor } = await agendas.requireMeetingPermission(request, params.meetingId, 'agenda.edit');
  const { t } = await getT(request);
  const who = { councilId: scope.councilId, regionId: scope.regionId, actor };
  const meetingId = scope.meetingId;

  if ((request.headers.get('content-type') ?? '').startsWith('multipart/form-data') || Number(request.headers.get('content-length')) > maxUploadBytes()) {
    // Uploads: refused on Content-Length before the body is read, and by size while it streams.
    const upload = await readUpload(request);
    const itemId = upload.ok ? String(upload.fields.get('itemId') ?? '') : '';
    const form = `upload:${itemId}`;
    if (!upload.ok) return json<Reply>({ form, error: t(refusalKey(upload.code), { mb: maxMb() }) }, { status: upload.code === 'too_large' ? 413 : 400 });
    const submission = parseWithZod(upload.fields, { schema: attachmentSchema });
    if (submission.status !== 'success') return json<Reply>({ form, error: t('records.errors.notFound') }, { status: 400 });
    if (!upload.file) return json<Reply>({ form, error: t('records.errors.noFile') }, { status: 400 });
    const outcome = await addAttachment(who, meetingId, { ...submission.value, ...upload.file }).catch((error: unknown) => rethrowStorageFailure(error, request));
    if (outcome.status !== 'ok') {
      const code = outcome.status === 'empty' ? 'empty_file' : outcome.status;
      return json<Reply>({ form, error: t(refusalKey(code), { mb: maxMb() }) }, { status: outcome.status === 'too_large' ? 413 : outcome.status === 'not_found' ? 404 : 400 });
    }
    return json<Reply>({ form, message: t('records.agendaPage.uploaded') });
  }

  const formData = await readForm(request);
  const intent = String(formData.get('intent') ?? '');
  if (intent === 'save-item') {
    const submission = parseWithZod(formData, { schema: agendaItemSchema });
    const form = `item:${String(formData.get('itemId') ?? 'new')}`;
    if (submission.status !== 'success') return json<Reply>({ form, result: translatedReply(submission, t) }, { status: 400 });
    const { itemId, lockVersion, ...input } = submission.value;
    const refused = unusedLanguageFields(input, scope.councilLanguages);
    if (refused.length > 0) {
      const fieldErrors = Object.fromEntries(refused.map((r) => [r.field, [t('content.refused', { lang: t(`languages.${r.lang}`) })]]));
      return json<Reply>({ form, result: translatedReply(submission, t, { fieldErrors }) }, { status: 400 });
    }
    const outcome =
      itemId && lockVersion
        ? await agendas.updateAgendaItem(who, meetingId, itemId, lockVersion, input)
        : await agendas.addAgendaItem(who, meetingId, input);
    if (outcome.status !== 'ok') {
      const status = outcome.status === 'conflict' ? 409 : outcome.status === 'not_found' ? 404 : 400;
      return json<Reply>({ form, result: translatedReply(submission, t, { formErrors: [t(refusalKey(outcome.status))] }) }, { status });
    }
    return json<Reply>({ form, result: translatedReply(submission, t, { resetForm: !itemId }), message: t('records.agendaPage.saved') });
  }
  if (intent === 'move-up' || intent === 'move-down' || intent === 'delete-item') {
    const submission = parseWithZod(formData, { schema: agendaItemActionSchema });
    if (submission.status !== 'success') return json<Reply>({ form: intent, error: t('records.errors.notFound') }, { status: 400 });
    const { itemId, lockVersion } = submission.value;
    const outcome =
      intent === 'delete-item'
        ? await agendas.deleteAgendaItem(who, meetingId, itemId, lockVersion)
        : await agendas.moveAgendaItem(who, meetingId, itemId, lockVersion, intent === 'move-up' ? 'up' : 'down');
    if (outcome.status !== 'ok') return json<Reply>({ form: intent, error: t(refusalKey(outcome.status)) }, { status: outcome.status === 'conflict' ? 409 : outcome.status === 'not_found' ? 404 : 400 });
    return json<Reply>({ form: intent, message: t(intent === 'delete-item' ? 'records.agendaPage.deleted' : 'records.agendaPage.moved') });
  }
  if (intent === 'apply-template' || intent === 'publish') {
    const submission = parseWithZod(formData, { schema: agendaSimpleSchema });
    if (submission.status !== 'success') return json<Reply>({ form: intent, error: t('records.errors.notFound') }, { status: 400 });
    if (intent === 'apply-template') {
      const outcome = await agendas.applyAgendaTemplate(who, meetingId);
      if (outcome.status !== 'ok') return json<Reply>({ form: intent, error: t(refusalKey(outcome.status)) }, { status: 400 });
      return json<Reply>({ form: intent, message: t('records.agendaPage.templateApplied', { count: outcome.added ?? 0 }) });
    }
    const outcome = await agendas.publishAgenda(who, meetingId);
    if (outcome.status !== 'ok') return json<Reply>({ form: intent, error: t(refusalKey(outcome.status)) }, { status: 400 });
    const { locale } = await getT(request);
    const message = outcome.late
      ? t('records.agendaPage.publishedLate', { date: formatDateTime(outcome.deadline, locale) })
      : t('records.agendaPage.publishedOk', { count: outcome.numbered });
    return json<Reply>({ form: intent, message });
  }
  if (intent === 'schedule-publish') {
    const submission = parseWithZod(formData, { schema: scheduleSchema });
    const form = intent;
    if (submission.status !== 'success') return json<Reply>({ form, result: translatedReply(submission, t) }, { status: 400 });
    const fieldError = (key: string, options: Record<string, string> = {}) =>
      json<Reply>({ form, result: translatedReply(submission, t, { fieldErrors: { publishAt: [t(key, options)] } }) }, { status: 400 });
    const at = helsinkiInstant(submission.value.publishAt);
    if (!at) return fieldError('records.agendaPage.publishAtInvalid');
    const outcome = await scheduleAgendaPublication(who, meetingId, at);
    const { locale } = await getT(request);
    if (outcome.status === 'in_past') return fieldError('records.agendaPage.publishAtPast');
    if (outcome.status === 'after_start') return fieldError('records.agendaPage.publishAtAfterStart', { date: formatDateTime(scope.startsAt, locale) });
    if (outcome.status === 'published') return json<Reply>({ form, error: t('records.agendaPage.alreadyPublished') }, { status: 400 });
    if (outcome.status !== 'ok') return json<Reply>({ form, error: t(refusalKey(outcome.status)) }, { status: outcome.status === 'not_found' ? 404 : 400 });
    return json<Reply>({ form, result: translatedReply(submission, t, { resetForm: true }), message: t('records.agendaPage.scheduled', { date: formatDateTime(outcome.at, locale) }) });
  }
  if (intent === 'cancel-schedule') {
    const outcome = await cancelScheduledPublication(who, meetingId);
    if (outcome.status === 'not_found') return json<Reply>({ form: intent, error: t('records.errors.notFound') }, { status: 404 });
    return json<Reply>({ form: intent, message: t(outcome.status === 'ok' ? 'records.agendaPage.scheduleCancelled' : 'records.agendaPage.notScheduled') });
  }
  if (intent === 'delete-attachment') {
    const submission = parseWithZod(formData, { schema: attachmentDeleteSchema });
    if (submission.status !== 'success') return json<Reply>({ form: intent, error: t('records.errors.notFound') }, { status: 400 });
    const outcome = await deleteAttachment(who, meetingId, submission.value.attachmentId);
    if (outcome.status !== 'ok') return json<Reply>({ form: intent, error: t(refusalKey(outcome.status)) }, { status: outcome.status === 'not_found' ? 404 : 400 });
    return json<Reply>({ form: intent, message: t('records.agendaPage.attachmentDeleted') });
  }
  return json<Reply>({ form: intent, error: t('records.errors.badForm') }, { status: 400 });
}

export default function AgendaWorkingView() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const { meeting, items } = data;
  const resultFor = (form: string) => (actionData?.form === form ? actionData.result : undefined);
  const deadline = formatDateTime(data.deadline, locale);
  return (
    <>
      <p>
        <Link to={`/manage/meetings/${meeting.id}`}>{meeting.title}</Link>
      </p>
      <h1>{t('records.agendaPage.title', { title: meeting.title })}</h1>
      <RecordsMeetingFacts meeting={meeting} locale={locale} />
      {actionData?.message ? <p role="status">{actionData.message}</p> : null}
      {actionData?.error && !items.some((i) => actionData.form === `upload:${i.id}`) ? (
        <p role="alert" className="error-text">
          {actionData.error}
        </p>
      ) : null}
      {data.frozen ? <p className="notice">{t('records.agendaPage.frozenNotice')}</p> : null}
      <section aria-labelledby="publish-title">
        <h2 id="publish-title">{t('records.agendaPage.status')}</h2>
        {meeting.agendaPublishedAt ? (
          <p>{t('records.agendaPage.publishedAt', { date: formatDateTime(meeting.agendaPublishedAt, locale) })}</p>
        ) : (
          <>
            <p>{t('records.agendaPage.notPublished')}</p>
            <p className={data.late ? 'notice' : 'muted'} role={data.late ? 'alert' : undefined}>
              {data.late
                ? t('records.agendaPage.lateWarning', { days: data.noticePeriodDays, date: deadline })
                : t('records.agendaPage.deadline', { days: data.noticePeriodDays, date: deadline })}
            </p>
          </>
        )}
        {!data.frozen ? <MissingTranslations missing={data.missingTranslations} /> : null}
        {!data.frozen ? (
          <div className="records-controls">
            {!meeting.agendaPublishedAt ? (
              <Form method="post" className="inline-form">
                <button type="submit" name="intent" value="apply-template" className="secondary">
                  {t('records.agendaPage.applyTemplate')}
                </button>
              </Form>
            ) : null}
            <Form method="post" className="inline-form">
              <button type="submit" name="intent" value="publish">
                {data.missingTranslations.length > 0 ? t('content.missing.publishAnyway') : t('records.agendaPage.publish')}
              </button>
            </Form>
          </div>
        ) : null}
        {!data.frozen && !meeting.agendaPublishedAt ? (
          <SchedulePublication scheduled={data.scheduled} lastResult={resultFor('schedule-publish')} />
        ) : null}
        <p>
          <Link to={`/manage/councils/${meeting.councilSlug}/agenda-template`}>{t('records.agendaPage.editTemplate')}</Link>
          {' · '}
          <Link to={`/meetings/${meeting.id}/members`}>{t('records.meeting.membersView')}</Link>
          {data.mayEditMinutes ? (
            <>
              {' · '}
              <Link to={`/manage/meetings/${meeting.id}/minutes`}>{t('records.meeting.workingMinutes')}</Link>
            </>
          ) : null}
        </p>
      </section>
      <section aria-labelledby="items-title">
        <h2 id="items-title">{t('records.agendaPage.items')}</h2>
        <p className="muted">{t('records.agendaPage.lockHint')}</p>
        <ol className="plain-list records-editor">
          {items.map((item, index) => (
            <li key={item.id}>
              <h3>
                {item.number ?? t('records.unnumbered')} {item.title}
                {item.publicity !== 'public' ? <span className="badge">{t(`records.publicity.${item.publicity}`)}</span> : null}
                {item.personalDataClass !== 'none' ? <span className="badge">{t(`lifecycle.classes.${item.personalDataClass}`)}</span> : null}
              </h3>
              <PlaceholderTitleWarning title={item.title} publicity={item.publicity} id={`title-warning-${item.id}`} />
              {!data.frozen ? (
                <>
                  <AgendaItemControls item={item} first={index === 0} last={index === items.length - 1} />
                  <details open={actionData?.form === `item:${item.id}`}>
                    <summary>{t('records.agendaPage.editItem')}</summary>
                    <AgendaItemForm item={item} lastResult={resultFor(`item:${item.id}`)} languages={data.councilLanguages} />
                  </details>
                  <AgendaAttachments item={item} maxMb={data.maxMb} error={actionData?.form === `upload:${item.id}` ? actionData.error : undefined} />
                </>
              ) : null}
              <details>
                <summary>{data.itemMatters[item.id] ? t('practice.matters.partOf', { title: data.itemMatters[item.id]!.title }) : t('practice.matters.pick')}</summary>
                <MatterLinkForm
                  slug={data.meeting.councilSlug}
                  target={{ itemId: item.id }}
                  matters={data.matters}
                  current={data.itemMatters[item.id] ?? null}
                  returnTo={`/manage/meetings/${data.meeting.id}/agenda`}
                />
              </details>
            </li>
          ))}
        </ol>
        {!data.frozen ? (
          <section aria-labelledby="new-item-heading">
            <h3 id="new-item-heading">{t('records.agendaPage.newItem')}</h3>
            <AgendaItemForm lastResult={resultFor('item:new')} languages={data.councilLanguages} />
          </section>
        ) : null}
      </section>
    </>
  );
}

/** "Publish later": the pending schedule with its cancel button, and the form to set one. */
function SchedulePublication({
  scheduled,
  lastResult,
}: {
  scheduled: { at: string; changed: boolean } | null;
  lastResult?: ReturnType<typeof translatedReply>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form, fields] = useForm<z.input<typeof scheduleSchema>>({ id: 'schedule-publish', lastResult, shouldRevalidate: 'onBlur' });
  return (
    <div className="stack">
      {scheduled ? (
        <>
          <p>{t('records.agendaPage.scheduledFor', { date: formatDateTime(scheduled.at, locale) })}</p>
          {scheduled.changed ? <p className="notice">{t('records.agendaPage.scheduleChanged')}</p> : null}
          <Form method="post" className="inline-form">
            <button type="submit" name="intent" value="cancel-schedule" className="secondary">
              {t('records.agendaPage.cancelSchedule')}
            </button>
          </Form>
        </>
      ) : null}
      <Form method="post" className="stack records-form" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="schedule-publish" />
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field meta={fields.publishAt} type="datetime-local" label={t('records.agendaPage.publishAt')} hint={t('records.agendaPage.publishAtHint')} />
        <div>
          <button type="submit" className="secondary">
            {t('records.agendaPage.schedule')}
          </button>
        </div>
      </Form>
    </div>
  );
}
