import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useFetcher, useLoaderData } from '@remix-run/react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { requireCouncilPermission } from '~/auth/council-access.server';
import { PlaceFields, SeriesPreview, SeriesRuleFields } from '~/components/calendar-fields';
import { CalendarList } from '~/components/calendar-list';
import { CalendarMonth, monthBounds, monthOf } from '~/components/calendar-month';
import { ErrorList, Field } from '~/components/form';
import { formatDate } from '~/lib/dates';
import { translatedReply } from '~/lib/forms.server';
import { localized } from '~/lib/i18n';
import { getT } from '~/lib/t.server';
import { useLocale } from '~/lib/use-locale';
import { createMeeting, listCouncilMeetings } from '~/models/meetings.server';
import { createSeries, listSeries, previewSeries, problemFieldErrors } from '~/models/series.server';
import { showsLanguage, unusedLanguageFields } from '~/lib/content-languages';
import { crossFieldErrors, meetingSchema, parseMonthParam, seriesSchema } from '~/validation/calendar';
import { readForm } from '~/lib/http/body.server';

export const handle = { hydrate: true };
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.council.nameFi} – Neuvos` : 'Neuvos' }];

const DAY_MS = 86_400_000;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { council } = await requireCouncilPermission(request, params.slug, 'meeting.edit');
  const url = new URL(request.url);
  const now = new Date();
  const month = parseMonthParam(url.searchParams.get('month'));
  const view = url.searchParams.get('view') === 'month' || month ? 'month' : 'list';
  const shown = month ?? monthOf(now);
  const range = view === 'month' ? monthBounds(shown) : { from: new Date(now.getTime() - 90 * DAY_MS), to: new Date(now.getTime() + 3 * 366 * DAY_MS) };
  const [meetings, series] = await Promise.all([listCouncilMeetings(council.id, range), listSeries(council.id)]);
  const created = Number(url.searchParams.get('created'));
  return json({
    council: { slug: council.slug, nameFi: council.nameFi, nameSv: council.nameSv, nameEn: council.nameEn },
    languages: council.languages,
    view,
    month: shown,
    meetings,
    series,
    now: now.toISOString(),
    created: Number.isInteger(created) && created > 0 ? created : null,
  });
}

const place = (v: { meetingType: 'in_person' | 'online' | 'hybrid'; address?: string; room?: string; onlineUrl?: string }) => ({
  meetingType: v.meetingType,
  address: v.address ?? null,
  room: v.room ?? null,
  onlineUrl: v.onlineUrl ?? null,
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { council, actor } = await requireCouncilPermission(request, params.slug, 'meeting.edit');
  const { t, locale } = await getT(request);
  const formData = await readForm(request);
  const scope = { councilId: council.id, regionId: council.regionId };
  if (formData.get('intent') === 'createMeeting') {
    const submission = parseWithZod(formData, { schema: meetingSchema });
    if (submission.status !== 'success') {
      const fieldErrors = crossFieldErrors('meeting', submission.payload, submission.error);
      return json({ form: 'meeting', result: translatedReply(submission, t, { fieldErrors }), preview: null, previewError: null }, { status: 400 });
    }
    const v = submission.value;
    const refused = unusedLanguageFields({ titleSv: v.titleSv, titleEn: v.titleEn }, council.languages);
    if (refused.length > 0) {
      const fieldErrors = Object.fromEntries(refused.map((r) => [r.field, [t('content.refused', { lang: t(`languages.${r.lang}`) })]]));
      return json({ form: 'meeting', result: translatedReply(submission, t, { fieldErrors }), preview: null, previewError: null }, { status: 400 });
    }
    const created = await createMeeting(scope, actor, { ...v, ...place(v) });
    if (!created.ok) {
      return json(
        { form: 'meeting', result: translatedReply(submission, t, { fieldErrors: { date: [t('calendar.errors.inPast')] } }), preview: null, previewError: null },
        { status: 400 },
      );
    }
    return redirect(`/manage/meetings/${created.meeting.id}`);
  }
  const submission = parseWithZod(formData, { schema: seriesSchema });
  if (submission.status !== 'success') {
    const fieldErrors = crossFieldErrors('series', submission.payload, submission.error);
    return json({ form: 'series', result: translatedReply(submission, t, { fieldErrors }), preview: null, previewError: null }, { status: 400 });
  }
  const v = submission.value;
  const input = { ...v, ...place(v), customRule: v.customRule };
  if (v.intent === 'previewSeries') {
    const preview = previewSeries(input);
    if (!preview.ok) {
      const fieldErrors = problemFieldErrors(t, locale, preview, v);
      return json({ form: 'series', result: translatedReply(submission, t, { fieldErrors }), preview: null, previewError: Object.values(fieldErrors)[0]![0]! }, { status: 400 });
    }
    const now = Date.now();
    const dates = preview.occurrences.map((o) => ({ start: o.start.toISOString(), end: o.end.toISOString(), past: o.start.getTime() < now }));
    return json({ form: 'series', result: translatedReply(submission, t), preview: dates, previewError: null });
  }
  const created = await createSeries(scope, actor, input);
  if (!created.ok) {
    return json({ form: 'series', result: translatedReply(submission, t, { fieldErrors: problemFieldErrors(t, locale, created, v) }), preview: null, previewError: null }, { status: 400 });
  }
  return redirect(`/manage/councils/${council.slug}/meetings?created=${created.meetingIds.length}`);
}

export default function CouncilMeetingsPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const fetcher = useFetcher<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const base = `/manage/councils/${data.council.slug}/meetings`;
  const [meetingForm, meetingFields] = useForm<z.input<typeof meetingSchema>>({
    id: 'new-meeting',
    lastResult: actionData?.form === 'meeting' ? actionData.result : undefined,
    defaultValue: { meetingType: 'in_person', publicity: 'public' },
  });
  const [seriesForm, seriesFields] = useForm<z.input<typeof seriesSchema>>({
    id: 'new-series',
    lastResult: actionData?.form === 'series' ? actionData.result : undefined,
    defaultValue: { meetingType: 'in_person', publicity: 'public', preset: 'quarterly', startTime: '13:00', durationMinutes: '120' },
  });
  const timer = useRef<ReturnType<typeof setTimeout>>();
  // The live preview: every change re-asks the server for the dates (nothing is saved).
  const onSeriesChange = (event: React.FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const body = new FormData(form);
      body.set('intent', 'previewSeries');
      fetcher.submit(body, { method: 'post' });
    }, 400);
  };
  const live = fetcher.data?.form === 'series' ? fetcher.data : actionData?.form === 'series' ? actionData : null;
  const name = localized(data.council, 'name', locale);
  return (
    <>
      <h1>{t('calendar.manage.title', { council: name.text })}</h1>
      {data.created ? <p role="status">{t('calendar.manage.seriesCreated', { count: data.created })}</p> : null}
      <nav aria-label={t('calendar.list.views')}>
        <ul className="pager">
          <li>
            <Link to={base} aria-current={data.view === 'list' ? 'page' : undefined}>{t('calendar.list.listView')}</Link>
          </li>
          <li>
            <Link to={`${base}?view=month&month=${data.month}`} aria-current={data.view === 'month' ? 'page' : undefined}>{t('calendar.list.monthView')}</Link>
          </li>
        </ul>
      </nav>
      {data.view === 'month' ? (
        <CalendarMonth month={data.month} meetings={data.meetings} now={data.now} hrefFor={(m) => `/manage/meetings/${m.id}`} monthHref={(m) => `${base}?view=month&month=${m}`} />
      ) : (
        <CalendarList meetings={data.meetings} now={data.now} caption={t('calendar.manage.upcoming')} hrefFor={(m) => `/manage/meetings/${m.id}`} />
      )}
      <h2>{t('calendar.manage.series')}</h2>
      {data.series.length === 0 ? (
        <p className="muted">{t('calendar.manage.noSeries')}</p>
      ) : (
        <ul>
          {data.series.map((s) => (
            <li key={s.id}>
              <Link to={`/manage/councils/${data.council.slug}/series/${s.id}`}>{s.title}</Link>{' '}
              <span className="muted">
                {formatDate(s.firstDate, locale)}, {t('calendar.manage.seriesUntil', { date: formatDate(s.materialisedUntil, locale) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="new-series-heading">
        <h2 id="new-series-heading">{t('calendar.manage.newSeries')}</h2>
        <div className="series-editor">
          <Form method="post" className="stack" {...getFormProps(seriesForm)} onChange={onSeriesChange}>
            <ErrorList id={seriesForm.errorId} errors={seriesForm.errors} />
            <Field meta={seriesFields.title} label={t('calendar.fields.title')} />
            <SeriesRuleFields fields={seriesFields} />
            <PlaceFields fields={seriesFields} />
            <div className="button-row">
              <button type="submit" name="intent" value="previewSeries" className="secondary">{t('calendar.manage.preview')}</button>{' '}
              <button type="submit" name="intent" value="createSeries">{t('calendar.manage.createSeries')}</button>
            </div>
          </Form>
          <SeriesPreview dates={live?.preview ?? null} error={live?.previewError ?? null} />
        </div>
      </section>
      <section aria-labelledby="new-meeting-heading">
        <h2 id="new-meeting-heading">{t('calendar.manage.newMeeting')}</h2>
        <Form method="post" className="stack" {...getFormProps(meetingForm)}>
          <input type="hidden" name="intent" value="createMeeting" />
          <ErrorList id={meetingForm.errorId} errors={meetingForm.errors} />
          <Field meta={meetingFields.title} label={t('calendar.fields.title')} />
          {(['sv', 'en'] as const)
            .filter((l) => showsLanguage(l, data.languages) || Boolean(meetingFields[l === 'sv' ? 'titleSv' : 'titleEn'].errors))
            .map((l) => (
              <Field key={l} meta={l === 'sv' ? meetingFields.titleSv : meetingFields.titleEn} label={t('content.fieldIn', { field: t('calendar.fields.title'), lang: t(`content.inLanguage.${l}`) })} />
            ))}
          <Field meta={meetingFields.date} label={t('calendar.fields.date')} type="date" />
          <Field meta={meetingFields.startTime} label={t('calendar.fields.startTime')} type="time" />
          <Field meta={meetingFields.endTime} label={t('calendar.fields.endTime')} type="time" />
          <PlaceFields fields={meetingFields} />
          <div>
            <button type="submit">{t('calendar.manage.createMeeting')}</button>
          </div>
        </Form>
      </section>
    </>
  );
}
