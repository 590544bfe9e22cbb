import { getFormProps, getInputProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { requirePermission } from '~/auth/session.server';
import { AttendanceTable } from '~/components/calendar-attendance';
import { PlaceFields } from '~/components/calendar-fields';
import { ErrorList, Field, TextareaField } from '~/components/form';
import { MeetingDelivery, RESEND_FAILED_INTENT } from '~/components/meeting-delivery';
import { formatMeetingTime } from '~/lib/dates';
import { translatedReply } from '~/lib/forms.server';
import { notFound } from '~/lib/http.server';
import { localized } from '~/lib/i18n';
import { helsinkiDate, helsinkiTime } from '~/lib/recurrence';
import { getT } from '~/lib/t.server';
import { absoluteUrl } from '~/lib/url.server';
import { useLocale } from '~/lib/use-locale';
import { attendanceBySeat, countPendingNotices, sendInvitations, sendPendingNotices } from '~/models/invitations.server';
import { meetingDelivery, resendFailed } from '~/models/outbox.server';
import { cancelMeeting, getMeetingWithCouncil, isLocked, markMeetingHeld, updateMeeting, type MeetingChangeRefusal } from '~/models/meetings.server';
import { MeetingNumber, shownStatus } from '~/components/meeting-number';
import { cancelSchema, crossFieldErrors, occurrenceSchema } from '~/validation/calendar';
import { readForm } from '~/lib/http/body.server';
import { showsLanguage, unusedLanguageFields } from '~/lib/content-languages';

export const handle = { hydrate: true };
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.meeting.title} – Neuvos` : 'Neuvos' }];

async function load(request: Request, meetingId: string | undefined) {
  const found = await getMeetingWithCouncil(meetingId ?? '');
  if (!found) notFound();
  const auth = await requirePermission(request, 'meeting.edit', { councilId: found.council.id, regionId: found.council.regionId });
  return { ...found, auth, scope: { councilId: found.council.id, regionId: found.council.regionId } };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting, council, meetingNo } = await load(request, params.meetingId);
  const [attendance, pending, delivery] = await Promise.all([
    attendanceBySeat(meeting.id, council.id),
    countPendingNotices(meeting.id, council.id),
    meetingDelivery(meeting.id, council.id),
  ]);
  const now = new Date();
  return json({
    meeting,
    meetingNo,
    council: { slug: council.slug, nameFi: council.nameFi, nameSv: council.nameSv, nameEn: council.nameEn },
    languages: council.languages,
    form: { date: helsinkiDate(meeting.startsAt), startTime: helsinkiTime(meeting.startsAt), endTime: helsinkiTime(meeting.endsAt) },
    locked: isLocked(meeting, now) || meeting.status === 'cancelled',
    mayMarkHeld: meeting.startsAt.getTime() <= now.getTime() && meeting.status !== 'held' && meeting.status !== 'cancelled',
    now: now.toISOString(),
    attendance,
    pending,
    delivery,
  });
}

const REFUSAL_KEYS: Record<MeetingChangeRefusal, string> = {
  conflict: 'calendar.errors.conflict',
  locked: 'calendar.errors.locked',
  in_past: 'calendar.errors.inPast',
  not_found: 'calendar.errors.notFound',
};
const INVITE_KEYS = { in_past: 'calendar.errors.inviteInPast', cancelled: 'calendar.errors.inviteCancelled', held: 'calendar.errors.inviteHeld', no_invitees: 'calendar.errors.noInvitees', not_found: 'calendar.errors.notFound' } as const;

type Reply = { form: string; result?: ReturnType<typeof translatedReply>; message?: string; error?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { meeting, auth, scope, council } = await load(request, params.meetingId);
  const { t } = await getT(request);
  const formData = await readForm(request);
  const intent = String(formData.get('intent') ?? '');
  const baseUrl = absoluteUrl(request, '');
  const notices = async (notify: boolean) => (notify ? ` ${t('mail.noticesQueued', { count: await sendPendingNotices([meeting.id], { baseUrl }) })}` : '');

  if (intent === 'updateMeeting') {
    const submission = parseWithZod(formData, { schema: occurrenceSchema });
    if (submission.status !== 'success') {
      const fieldErrors = crossFieldErrors('meeting', submission.payload, submission.error);
      return json<Reply>({ form: intent, result: translatedReply(submission, t, { fieldErrors }) }, { status: 400 });
    }
    const v = submission.value;
    const refused = unusedLanguageFields({ titleSv: v.titleSv, titleEn: v.titleEn }, council.languages);
    if (refused.length > 0) {
      const fieldErrors = Object.fromEntries(refused.map((r) => [r.field, [t('content.refused', { lang: t(`languages.${r.lang}`) })]]));
      return json<Reply>({ form: intent, result: translatedReply(submission, t, { fieldErrors }) }, { status: 400 });
    }
    const result = await updateMeeting(meeting.id, scope, auth.actor, { ...v, address: v.address ?? null, room: v.room ?? null, onlineUrl: v.onlineUrl ?? null });
    if (!result.ok) {
      const message = t(REFUSAL_KEYS[result.reason]);
      const reply = result.reason === 'in_past' ? { fieldErrors: { date: [message] } } : { formErrors: [message] };
      return json<Reply>({ form: intent, result: translatedReply(submission, t, reply) }, { status: result.reason === 'conflict' ? 409 : 400 });
    }
    return json<Reply>({ form: intent, result: translatedReply(submission, t), message: t('calendar.meeting.saved') + (await notices(result.notify)) });
  }
  if (intent === 'cancelMeeting' || intent === 'markHeld') {
    const submission = parseWithZod(formData, { schema: cancelSchema });
    if (submission.status !== 'success') return json<Reply>({ form: intent, result: translatedReply(submission, t) }, { status: 400 });
    const result =
      intent === 'cancelMeeting'
        ? await cancelMeeting(meeting.id, scope, auth.actor, { lockVersion: submission.value.lockVersion, reason: submission.value.reason })
        : await markMeetingHeld(meeting.id, scope, auth.actor, { lockVersion: submission.value.lockVersion });
    if (!result.ok) return json<Reply>({ form: intent, error: t(REFUSAL_KEYS[result.reason]) }, { status: result.reason === 'conflict' ? 409 : 400 });
    const done = intent === 'cancelMeeting' ? t('calendar.meeting.cancelled') : t('calendar.meeting.held');
    return json<Reply>({ form: intent, message: done + (await notices(result.notify)) });
  }
  if (intent === 'invite') {
    const result = await sendInvitations(meeting.id, scope, auth.actor, { baseUrl });
    if (!result.ok) return json<Reply>({ form: intent, error: t(INVITE_KEYS[result.reason]) }, { status: 400 });
    const missing = result.withoutEmail.length ? ` ${t('calendar.meeting.withoutEmail', { names: result.withoutEmail.join(', ') })}` : '';
    return json<Reply>({ form: intent, message: t('mail.invitedQueued', { count: result.queued }) + missing });
  }
  if (intent === 'sendUpdate') {
    const sent = await sendPendingNotices([meeting.id], { baseUrl });
    return json<Reply>({ form: intent, message: t('mail.updatesQueued', { count: sent }) });
  }
  if (intent === RESEND_FAILED_INTENT) {
    const count = await resendFailed({ meetingId: meeting.id, ...scope }, auth.actor);
    return json<Reply>({ form: intent, message: count > 0 ? t('mail.delivery.resent', { count }) : t('mail.delivery.nothingToResend') });
  }
  return json<Reply>({ form: intent, error: t('calendar.errors.required') }, { status: 400 });
}

export default function ManageMeetingPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const { meeting } = data;
  const [form, fields] = useForm<z.input<typeof occurrenceSchema>>({
    id: `meeting-${meeting.id}-${meeting.lockVersion}`,
    lastResult: actionData?.form === 'updateMeeting' ? actionData.result : undefined,
    defaultValue: { ...data.form, title: meeting.title, titleSv: meeting.titleSv ?? '', titleEn: meeting.titleEn ?? '', meetingType: meeting.meetingType, address: meeting.address ?? '', room: meeting.room ?? '', onlineUrl: meeting.onlineUrl ?? '', publicity: meeting.publicity, lockVersion: String(meeting.lockVersion) },
  });
  const [cancelForm, cancelFields] = useForm<z.input<typeof cancelSchema>>({ id: `cancel-${meeting.id}` });
  const council = localized(data.council, 'name', locale);
  return (
    <>
      <p>
        <Link to={`/manage/councils/${data.council.slug}/meetings`}>{council.text}</Link>
      </p>
      <h1>{t('calendar.meeting.title', { title: meeting.title })}</h1>
      <p>
        <MeetingNumber meetingNo={data.meetingNo} startsAt={meeting.startsAt} /> ·{' '}
        <time dateTime={meeting.startsAt}>{formatMeetingTime(meeting.startsAt, meeting.endsAt, locale)}</time> · {t(`meetings.statuses.${shownStatus(meeting, data.now)}`)} ·{' '}
        {t(`calendar.publicity.${meeting.publicity}`)}
      </p>
      <ul className="pager">
        <li><Link to={`/manage/meetings/${meeting.id}/agenda`}>{t('calendar.meeting.agenda')}</Link></li>
        <li><Link to={`/manage/meetings/${meeting.id}/minutes`}>{t('calendar.meeting.minutes')}</Link></li>
        {meeting.seriesId ? (
          <li><Link to={`/manage/councils/${data.council.slug}/series/${meeting.seriesId}?target=${meeting.id}`}>{t('calendar.meeting.series')}</Link></li>
        ) : null}
      </ul>
      {meeting.detached ? <p className="muted">{t('calendar.meeting.detached')}</p> : null}
      {actionData?.message ? <p role="status">{actionData.message}</p> : null}
      {actionData?.error ? <p role="alert" className="error-text">{actionData.error}</p> : null}

      <section aria-labelledby="invite-title">
        <h2 id="invite-title">{t('calendar.meeting.invite')}</h2>
        {data.locked ? null : (
          <Form method="post">
            <p className="muted">{t('calendar.meeting.inviteHint')}</p>
            <button type="submit" name="intent" value="invite">{t(meeting.status === 'invited' ? 'calendar.meeting.inviteMore' : 'calendar.meeting.inviteSubmit')}</button>
          </Form>
        )}
        {data.pending > 0 ? (
          <Form method="post">
            <p>{t('calendar.meeting.pending', { count: data.pending })}</p>
            <button type="submit" name="intent" value="sendUpdate">{t('calendar.meeting.sendUpdate')}</button>
          </Form>
        ) : null}
        <h3>{t('calendar.attendance.title')}</h3>
        <AttendanceTable attendance={data.attendance} />
      </section>
      <MeetingDelivery delivery={data.delivery} />

      {data.locked ? (
        <p className="notice">{t('calendar.meeting.locked')}</p>
      ) : (
        <>
          <section aria-labelledby="edit-title">
            <h2 id="edit-title">{t('calendar.meeting.edit')}</h2>
            <Form method="post" className="stack" {...getFormProps(form)}>
              <input type="hidden" name="intent" value="updateMeeting" />
              <input {...getInputProps(fields.lockVersion, { type: 'hidden' })} key={fields.lockVersion.key} />
              <ErrorList id={form.errorId} errors={form.errors} />
              <Field meta={fields.title} label={t('calendar.fields.title')} />
              {(['sv', 'en'] as const)
                .filter((l) => showsLanguage(l, data.languages, [l === 'sv' ? meeting.titleSv : meeting.titleEn]) || Boolean(fields[l === 'sv' ? 'titleSv' : 'titleEn'].errors))
                .map((l) => (
                  <Field key={l} meta={l === 'sv' ? fields.titleSv : fields.titleEn} label={t('content.fieldIn', { field: t('calendar.fields.title'), lang: t(`content.inLanguage.${l}`) })} />
                ))}
              <Field meta={fields.date} label={t('calendar.fields.date')} type="date" />
              <Field meta={fields.startTime} label={t('calendar.fields.startTime')} type="time" />
              <Field meta={fields.endTime} label={t('calendar.fields.endTime')} type="time" />
              <PlaceFields fields={fields} />
              <div><button type="submit">{t('calendar.meeting.save')}</button></div>
            </Form>
          </section>
          <section aria-labelledby="cancel-title">
            <h2 id="cancel-title">{t('calendar.meeting.cancel')}</h2>
            <Form method="post" className="stack" {...getFormProps(cancelForm)}>
              <input type="hidden" name="intent" value="cancelMeeting" />
              <input type="hidden" name="lockVersion" value={meeting.lockVersion} />
              <TextareaField meta={cancelFields.reason} label={t('calendar.fields.reason')} rows={2} />
              <div><button type="submit" className="secondary">{t('calendar.meeting.cancelSubmit')}</button></div>
            </Form>
          </section>
        </>
      )}
      {data.mayMarkHeld ? (
        <Form method="post">
          <input type="hidden" name="lockVersion" value={meeting.lockVersion} />
          <button type="submit" name="intent" value="markHeld" className="secondary">{t('calendar.meeting.markHeld')}</button>
        </Form>
      ) : null}
    </>
  );
}
