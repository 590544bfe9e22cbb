import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { requireCouncilPermission } from '~/auth/council-access.server';
import { can } from '~/auth/permissions';
import { ErrorList, Field, TextareaField } from '~/components/form';
import { PlansManageNav } from '~/components/plans-nav';
import { todayInHelsinki } from '~/lib/dates';
import { translatedReply } from '~/lib/forms.server';
import { localized } from '~/lib/i18n';
import { getT } from '~/lib/t.server';
import { useLocale } from '~/lib/use-locale';
import { createPlan, listPlans } from '~/models/plans.server';
import { listReports } from '~/models/reports.server';
import { createPlanSchema } from '~/validation/plans';
import { readForm } from '~/lib/http/body.server';

export const handle = { hydrate: true };
export const meta: MetaFunction = () => [{ title: 'Neuvos' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { council, principal } = await requireCouncilPermission(request, params.slug, 'council.view_internal');
  const subject = { councilId: council.id, regionId: council.regionId };
  const [plans, reports] = await Promise.all([listPlans(council.id), listReports(council.id)]);
  const thisYear = Number(todayInHelsinki().slice(0, 4));
  return json({
    council: { slug: council.slug, nameFi: council.nameFi, nameSv: council.nameSv, nameEn: council.nameEn },
    plans,
    reports,
    thisYear,
    mayEditPlans: can(principal, 'plan.edit', subject),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { council, actor } = await requireCouncilPermission(request, params.slug, 'plan.edit');
  const { t } = await getT(request);
  const submission = parseWithZod(await readForm(request), { schema: createPlanSchema });
  if (submission.status !== 'success') return json({ result: translatedReply(submission, t) }, { status: 400 });
  const { year, title, introduction } = submission.value;
  const result = await createPlan({ councilId: council.id, regionId: council.regionId, actor, year, title, introduction: introduction ?? null });
  if (result === 'exists') {
    return json({ result: translatedReply(submission, t, { fieldErrors: { year: [t('plans.plan.create.exists')] } }) }, { status: 400 });
  }
  return redirect(`/manage/councils/${council.slug}/plans/${year}`);
}

export default function ManagePlans() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const nextYear = data.plans.some((p) => p.year === data.thisYear) ? data.thisYear + 1 : data.thisYear;
  const [form, fields] = useForm<z.input<typeof createPlanSchema>>({
    lastResult: actionData?.result,
    defaultValue: { year: String(nextYear), title: t('plans.plan.defaultTitle', { year: nextYear }) },
  });
  const name = localized(data.council, 'name', locale);
  const reportYears = [...new Set([data.thisYear - 1, data.thisYear, ...data.reports.map((r) => r.year)])].sort((a, b) => b - a);
  return (
    <>
      <p className="muted" lang={name.lang !== locale ? name.lang : undefined}>
        {name.text}
      </p>
      <h1>{t('plans.manage.heading')}</h1>
      <PlansManageNav slug={data.council.slug} reportYear={data.thisYear - 1} />
      <section aria-labelledby="plans-list">
        <h2 id="plans-list">{t('plans.plan.title')}</h2>
        {data.plans.length === 0 ? (
          <p className="muted">{t('plans.plan.none')}</p>
        ) : (
          <ul>
            {data.plans.map((p) => (
              <li key={p.id}>
                <Link to={`/manage/councils/${data.council.slug}/plans/${p.year}`}>{p.title}</Link>{' '}
                <span className="badge">{t(`plans.statuses.${p.status}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {data.mayEditPlans ? (
        <section aria-labelledby="plans-create">
          <h2 id="plans-create">{t('plans.plan.create.heading')}</h2>
          <Form method="post" className="stack" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="create" />
            <ErrorList id={form.errorId} errors={form.errors} />
            <Field meta={fields.year} label={t('plans.plan.create.year')} type="number" />
            <Field meta={fields.title} label={t('plans.plan.create.title')} />
            <TextareaField meta={fields.introduction} label={t('plans.plan.create.introduction')} rows={4} />
            <div>
              <button type="submit">{t('plans.plan.create.submit')}</button>
            </div>
          </Form>
        </section>
      ) : (
        <p className="muted">{t('plans.manage.readOnly')}</p>
      )}
      <section aria-labelledby="reports-list">
        <h2 id="reports-list">{t('plans.manage.reportsFor')}</h2>
        <ul>
          {reportYears.map((year) => {
            const report = data.reports.find((r) => r.year === year);
            return (
              <li key={year}>
                <Link to={`/manage/councils/${data.council.slug}/reports/${year}`}>{t('plans.report.yearTitle', { year })}</Link>
                {report ? <span className="badge">{t(`plans.statuses.${report.status}`)}</span> : null}
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
