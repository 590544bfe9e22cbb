import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCouncilPermission } from '~/auth/council-access.server';
import { can } from '~/auth/permissions';
import { MilestoneForm } from '~/components/plans-cycle-form';
import { PlansManageNav } from '~/components/plans-nav';
import { YearWheel, toWheelEvents } from '~/components/year-wheel';
import { todayInHelsinki } from '~/lib/dates';
import { translatedReply } from '~/lib/forms.server';
import { badRequest } from '~/lib/http.server';
import { localized } from '~/lib/i18n';
import { getT } from '~/lib/t.server';
import { useLocale } from '~/lib/use-locale';
import { buildYearEvents, createMilestone, deleteMilestone, listMilestones, listYearMeetings, updateMilestone } from '~/models/cycle.server';
import { deleteMilestoneSchema, milestoneSchema, parseYearParam } from '~/validation/plans';
import { readForm } from '~/lib/http/body.server';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { council, principal } = await requireCouncilPermission(request, params.slug, 'council.view_internal');
  const url = new URL(request.url);
  const thisYear = Number(todayInHelsinki().slice(0, 4));
  const year = parseYearParam(url.searchParams.get('year') ?? undefined) ?? thisYear;
  const [milestones, meetings] = await Promise.all([listMilestones(council.id, council.regionId), listYearMeetings(council.id, year, { publicOnly: false })]);
  const mayEdit = can(principal, 'plan.edit', { councilId: council.id, regionId: council.regionId });
  const mayEditRegion = can(principal, 'council.edit', { regionId: council.regionId });
  const editId = url.searchParams.get('edit');
  return json({
    council: { slug: council.slug },
    year,
    thisYear,
    milestones,
    events: buildYearEvents(milestones, meetings, year),
    mayEdit,
    mayEditRegion,
    editing: mayEdit ? milestones.find((m) => m.id === editId && (m.councilId === council.id || mayEditRegion)) ?? null : null,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { council, actor, principal } = await requireCouncilPermission(request, params.slug, 'plan.edit');
  const { t } = await getT(request);
  const formData = await readForm(request);
  const intent = formData.get('intent');
  const mayEditRegion = can(principal, 'council.edit', { regionId: council.regionId });
  const scope = { councilId: council.id, regionId: council.regionId, actor };
  if (intent === 'deleteMilestone') {
    const submission = parseWithZod(formData, { schema: deleteMilestoneSchema });
    if (submission.status !== 'success') return json({ result: translatedReply(submission, t), message: null }, { status: 400 });
    const outcome = await deleteMilestone({ ...scope, id: submission.value.id, mayEditRegion });
    if (outcome !== 'ok') return json({ result: translatedReply(submission, t, { formErrors: [t('plans.errors.notFound')] }), message: null }, { status: 400 });
    return json({ result: translatedReply(submission, t), message: t('plans.cycle.deleted') });
  }
  if (intent !== 'milestone') badRequest('Unknown intent');
  const submission = parseWithZod(formData, { schema: milestoneSchema });
  if (submission.status !== 'success') return json({ result: translatedReply(submission, t), message: null }, { status: 400 });
  const v = submission.value;
  const fields = {
    titleFi: v.titleFi,
    titleSv: v.titleSv ?? null,
    titleEn: v.titleEn ?? null,
    startMonth: v.startMonth,
    startDay: v.startDay,
    endMonth: v.endMonth ?? null,
    endDay: v.endDay ?? null,
    remindDaysBefore: v.remindDaysBefore ?? null,
  };
  const outcome = v.id
    ? await updateMilestone({ ...scope, ...fields, id: v.id, lockVersion: v.lockVersion, mayEditRegion })
    : await createMilestone({ ...scope, ...fields, regionWide: mayEditRegion && v.regionWide === true });
  if (outcome !== 'ok') {
    const formErrors = [t(outcome === 'conflict' ? 'plans.errors.conflict' : 'plans.errors.notFound')];
    return json({ result: translatedReply(submission, t, { formErrors }), message: null }, { status: outcome === 'conflict' ? 409 : 400 });
  }
  return json({ result: translatedReply(submission, t, { resetForm: true }), message: t('plans.cycle.saved') });
}

export default function ManageCycle() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const base = `/manage/councils/${data.council.slug}/cycle`;
  const when = (m: (typeof data.milestones)[number]) =>
    `${m.startDay}.${m.startMonth}.${m.endMonth !== null && m.endDay !== null ? `–${m.endDay}.${m.endMonth}.` : ''}`;
  return (
    <>
      <h1>{t('plans.cycle.yearTitle', { year: data.year })}</h1>
      <PlansManageNav slug={data.council.slug} reportYear={data.thisYear - 1} />
      {actionData?.message ? <p role="status">{actionData.message}</p> : null}
      <nav aria-label={t('plans.cycle.yearNav')}>
        <ul className="pager">
          <li>
            <Link to={`${base}?year=${data.year - 1}`}>{t('plans.cycle.previousYear')}</Link>
          </li>
          <li>
            <Link to={`${base}?year=${data.year + 1}`}>{t('plans.cycle.nextYear')}</Link>
          </li>
        </ul>
      </nav>
      <YearWheel year={data.year} events={toWheelEvents(data.events, locale)} locale={locale} />
      <section aria-labelledby="milestones">
        <h2 id="milestones">{t('plans.cycle.milestones')}</h2>
        {data.milestones.length === 0 ? (
          <p className="muted">{t('plans.cycle.none')}</p>
        ) : (
          <table>
            <caption>{t('plans.cycle.milestonesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.cycle.fields.titleFi')}</th>
                <th scope="col">{t('plans.cycle.when')}</th>
                <th scope="col">{t('plans.cycle.reminder')}</th>
                <th scope="col">{t('plans.cycle.scope')}</th>
              </tr>
            </thead>
            <tbody>
              {data.milestones.map((m) => {
                const title = localized(m, 'title', locale);
                const editable = data.mayEdit && (m.councilId !== null || data.mayEditRegion);
                return (
                  <tr key={m.id}>
                    <th scope="row">
                      <span lang={title.lang !== locale ? title.lang : undefined}>{title.text}</span>
                      {editable ? (
                        <>
                          {' '}
                          <Link to={`${base}?year=${data.year}&edit=${m.id}#milestone-form`}>{t('plans.cycle.edit')}</Link>{' '}
                          <Form method="post" className="inline-form">
                            <input type="hidden" name="intent" value="deleteMilestone" />
                            <input type="hidden" name="id" value={m.id} />
                            <button type="submit" className="link-button">
                              {t('plans.cycle.delete')}
                            </button>
                          </Form>
                        </>
                      ) : null}
                    </th>
                    <td>{when(m)}</td>
                    <td>{m.remindDaysBefore === null ? t('plans.cycle.noReminder') : t('plans.cycle.remindDays', { count: m.remindDaysBefore })}</td>
                    <td>{m.councilId ? t('plans.cycle.scopeCouncil') : t('plans.cycle.scopeRegion')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      {data.mayEdit ? (
        <section aria-labelledby="milestone-form">
          <h2 id="milestone-form">{data.editing ? t('plans.cycle.edit') : t('plans.cycle.add')}</h2>
          <MilestoneForm
            key={data.editing?.id ?? 'new'}
            lastResult={actionData?.result}
            milestone={data.editing}
            mayEditRegion={data.mayEditRegion}
            cancelHref={`${base}?year=${data.year}`}
          />
        </section>
      ) : null}
    </>
  );
}
