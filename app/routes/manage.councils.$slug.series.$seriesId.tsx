import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { requireCouncilPermission } from '~/auth/council-access.server';
import { PlaceFields, SeriesRuleFields } from '~/components/calendar-fields';
import { CalendarList } from '~/components/calendar-list';
import { ErrorList, Field } from '~/components/form';
import { formatMeetingTime } from '~/lib/dates';
import { translatedReply } from '~/lib/forms.server';
import { notFound } from '~/lib/http.server';
import { presetOf, type SeriesEditPlan } from '~/lib/recurrence';
import { getT } from '~/lib/t.server';
import { absoluteUrl } from '~/lib/url.server';
import { useLocale } from '~/lib/use-locale';
import { sendPendingNotices } from '~/models/invitations.server';
import { isLocked } from '~/models/meetings.server';
import { applySeriesEdit, getSeries, previewSeriesEdit, problemFieldErrors, seriesFormValues } from '~/models/series.server';
import { crossFieldErrors, EDIT_SCOPES, seriesEditSchema } from '~/validation/calendar';
import { readForm } from '~/lib/http/body.server';

export const handle = { hydrate: true };
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.series.title} – Neuvos` : 'Neuvos' }];

async function load(request: Request, params: LoaderFunctionArgs['params']) {
  const access = await requireCouncilPermission(request, params.slug, 'meeting.edit');
  const found = await getSeries(params.seriesId ?? '', access.council.id);
  if (!found) notFound();
  return { ...access, ...found };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { council, series, meetings } = await load(request, params);
  const now = new Date();
  const target = new URL(request.url).searchParams.get('target');
  const { preset } = presetOf(series.rrule);
  return json({
    council: { slug: council.slug },
    series: { ...seriesFormValues(series), id: series.id, preset, customRule: preset === 'custom' ? series.rrule : '' },
    meetings: meetings.map((m) => ({ ...m, locked: isLocked(m, now) || m.status === 'cancelled' })),
    target: meetings.some((m) => m.id === target) ? target : null,
    now: now.toISOString(),
  });
}

type Times = { start: string; end: string };
const times = (start: Date, end: Date): Times => ({ start: start.toISOString(), end: end.toISOString() });

/** The plan in a form the page can show: what each meeting was and becomes. */
function describePlan(plan: SeriesEditPlan, meetings: Array<{ id: string; title: string; startsAt: Date; endsAt: Date }>) {
  const byId = new Map(meetings.map((m) => [m.id, m]));
  return {
    update: plan.update.map((u) => ({ id: u.id, from: times(byId.get(u.id)!.startsAt, byId.get(u.id)!.endsAt), to: times(u.startsAt, u.endsAt), timeChanged: u.timeChanged })),
    create: plan.create.map((c) => times(c.startsAt, c.endsAt)),
    cancel: plan.cancel.map((c) => ({ id: c.id, at: times(c.startsAt, byId.get(c.id)!.endsAt) })),
    skipped: plan.skipped.map((s) => ({ id: s.id, reason: s.reason, at: times(byId.get(s.id)!.startsAt, byId.get(s.id)!.endsAt) })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { council, actor } = await load(request, params);
  const { t, locale } = await getT(request);
  const submission = parseWithZod(await readForm(request), { schema: seriesEditSchema });
  if (submission.status !== 'success') {
    const fieldErrors = crossFieldErrors('seriesEdit', submission.payload, submission.error);
    return json({ result: translatedReply(submission, t, { fieldErrors }), plan: null, applied: null }, { status: 400 });
  }
  const v = submission.value;
  const scope = { councilId: council.id, regionId: council.regionId };
  const editRequest = {
    scope: v.scope,
    targetId: v.scope === 'all' ? undefined : v.targetId,
    lockVersion: v.lockVersion,
    input: { ...v, address: v.address ?? null, room: v.room ?? null, onlineUrl: v.onlineUrl ?? null },
  };
  if (v.confirm !== 'yes') {
    const preview = await previewSeriesEdit(scope, params.seriesId!, editRequest);
    if (!preview.ok) return json({ result: translatedReply(submission, t, { fieldErrors: problemFieldErrors(t, locale, preview, v) }), plan: null, applied: null }, { status: 400 });
    return json({ result: translatedReply(submission, t), plan: describePlan(preview.plan, preview.meetings), applied: null });
  }
  const applied = await applySeriesEdit(scope, actor, params.seriesId!, editRequest);
  if (!applied.ok) return json({ result: translatedReply(submission, t, { fieldErrors: problemFieldErrors(t, locale, applied, v) }), plan: null, applied: null }, { status: applied.code === 'conflict' ? 409 : 400 });
  const notices = await sendPendingNotices(applied.notifyIds, { baseUrl: absoluteUrl(request, '') });
  return json({
    result: translatedReply(submission, t, { resetForm: true }),
    plan: null,
    applied: { updated: applied.updated, created: applied.created, cancelled: applied.cancelled, notices },
  });
}

function PlanView({ plan, meetings }: { plan: NonNullable<ReturnType<typeof describePlan>>; meetings: Array<{ id: string; title: string }> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const title = (id: string) => meetings.find((m) => m.id === id)?.title ?? '';
  const when = (x: Times) => formatMeetingTime(x.start, x.end, locale);
  return (
    <section aria-labelledby="plan-title" className="series-plan">
      <h2 id="plan-title">{t('calendar.series.planTitle')}</h2>
      <h3>{t('calendar.series.willUpdate', { count: plan.update.length })}</h3>
      <ul>
        {plan.update.map((u) => (
          <li key={u.id}>
            {title(u.id)}: {when(u.from)}
            {u.timeChanged ? ` → ${when(u.to)}` : ''}
          </li>
        ))}
      </ul>
      <h3>{t('calendar.series.willCreate', { count: plan.create.length })}</h3>
      <ul>{plan.create.map((c) => <li key={c.start}>{when(c)}</li>)}</ul>
      <h3>{t('calendar.series.willCancel', { count: plan.cancel.length })}</h3>
      <ul>{plan.cancel.map((c) => <li key={c.id}>{title(c.id)}: {when(c.at)}</li>)}</ul>
      <h3>{t('calendar.series.willSkip', { count: plan.skipped.length })}</h3>
      <ul>
        {plan.skipped.map((s) => (
          <li key={s.id}>
            {title(s.id)}: {when(s.at)} ({t(`calendar.series.skip.${s.reason}`)})
          </li>
        ))}
      </ul>
      <p className="muted">{t('calendar.series.notifyNote')}</p>
    </section>
  );
}

export default function SeriesPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const [stale, setStale] = useState(false);
  const [form, fields] = useForm<z.input<typeof seriesEditSchema>>({
    lastResult: actionData?.result,
    defaultValue: { ...data.series, scope: data.target ? 'this' : 'all', targetId: data.target ?? undefined },
  });
  const plan = actionData?.plan && !stale ? actionData.plan : null;
  const open = data.meetings.filter((m) => !m.locked);
  return (
    <>
      <h1>{t('calendar.series.title', { title: data.series.title })}</h1>
      <p>
        {t('calendar.series.rule')}: <code>{data.series.rrule}</code> ·{' '}
        <Link to={`/manage/councils/${data.council.slug}/meetings`}>{t('calendar.manage.upcoming')}</Link>
      </p>
      {actionData?.applied ? (
        <p role="status">
          {t('calendar.series.applied', actionData.applied)} {t('mail.noticesQueued', { count: actionData.applied.notices })}
        </p>
      ) : null}
      <Form method="post" className="stack" {...getFormProps(form)} onChange={() => setStale(true)} onSubmit={() => setStale(false)}>
        <input type="hidden" name="intent" value="editSeries" />
        <input {...getInputProps(fields.lockVersion, { type: 'hidden' })} key={fields.lockVersion.key} />
        <ErrorList id={form.errorId} errors={form.errors} />
        <fieldset className="calendar-fields">
          <legend>{t('calendar.series.scope')}</legend>
          {EDIT_SCOPES.map((s) => (
            <div key={s}>
              <input type="radio" id={`scope-${s}`} name={fields.scope.name} value={s} defaultChecked={fields.scope.initialValue === s} />{' '}
              <label htmlFor={`scope-${s}`} className="inline-label">{t(`calendar.series.scopes.${s}`)}</label>
            </div>
          ))}
          <ErrorList id={fields.scope.errorId} errors={fields.scope.errors} />
        </fieldset>
        <div className="field">
          <label htmlFor={fields.targetId.id}>{t('calendar.series.target')}</label>
          <select {...getSelectProps(fields.targetId)} key={fields.targetId.key}>
            <option value="">–</option>
            {open.map((m) => (
              <option key={m.id} value={m.id}>
                {formatMeetingTime(m.startsAt, m.endsAt, locale)}
              </option>
            ))}
          </select>
          <ErrorList id={fields.targetId.errorId} errors={fields.targetId.errors} />
        </div>
        <Field meta={fields.title} label={t('calendar.fields.title')} />
        <SeriesRuleFields fields={fields} />
        <PlaceFields fields={fields} />
        <div className="button-row">
          <button type="submit" className="secondary">{t('calendar.series.previewChanges')}</button>{' '}
          {plan ? (
            <button type="submit" name="confirm" value="yes">
              {t('calendar.series.confirm')}
            </button>
          ) : null}
        </div>
      </Form>
      {plan ? <PlanView plan={plan} meetings={data.meetings} /> : null}
      <h2>{t('calendar.series.meetings')}</h2>
      <CalendarList meetings={data.meetings} now={data.now} caption={t('calendar.series.meetings')} hrefFor={(m) => `/manage/meetings/${m.id}`} />
    </>
  );
}
