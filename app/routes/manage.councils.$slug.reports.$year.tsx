import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ZodTypeAny } from 'zod';
import { requireCouncilPermission } from '~/auth/council-access.server';
import { can } from '~/auth/permissions';
import { PlansManageNav } from '~/components/plans-nav';
import { ApproveReportForm, ReportTextForm } from '~/components/plans-report-forms';
import { ReportFiguresView } from '~/components/plans-report-view';
import { formatDate, formatDateTime } from '~/lib/dates';
import { translatedReply } from '~/lib/forms.server';
import { badRequest, notFound } from '~/lib/http.server';
import { renderMarkdown } from '~/lib/markdown.server';
import { getT } from '~/lib/t.server';
import { useLocale } from '~/lib/use-locale';
import { listItemOptions } from '~/models/plans.server';
import * as reports from '~/models/reports.server';
import { approveReportSchema, generateReportSchema, parseYearParam, publishSchema, regenerateReportSchema, reportTextSchema } from '~/validation/plans';
import { readForm } from '~/lib/http/body.server';
import { unusedLanguageFields } from '~/lib/content-languages';

export const handle = { hydrate: true };
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.report ? `${data.report.title} – Neuvos` : 'Neuvos' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { council, principal } = await requireCouncilPermission(request, params.slug, 'council.view_internal');
  const year = parseYearParam(params.year);
  if (year === null) notFound();
  const report = await reports.getReport(council.id, year);
  const mayEdit = can(principal, 'report.edit', { councilId: council.id, regionId: council.regionId });
  const items = mayEdit && report?.status === 'draft' ? await listItemOptions(council.id) : [];
  return json({
    council: { slug: council.slug, languages: council.languages },
    year,
    yearEnded: reports.yearHasEnded(year),
    report: report ? { ...report, generated: null } : null,
    figures: report ? reports.reportFigures(report) : null,
    bodyHtml: report?.body ? renderMarkdown(report.body) : '',
    items,
    mayEdit,
  });
}

const SCHEMAS: Record<string, ZodTypeAny> = {
  generate: generateReportSchema,
  regenerate: regenerateReportSchema,
  save: reportTextSchema,
  approve: approveReportSchema,
  publish: publishSchema,
};

const SUCCESS: Record<string, string> = {
  generate: 'plans.report.text.saved',
  regenerate: 'plans.report.regenerate.done',
  save: 'plans.report.text.saved',
  approve: 'plans.report.approve.done',
  publish: 'plans.report.publish.done',
};

function refusal(t: TFunction, outcome: string, year: number) {
  const messages: Record<string, { formErrors?: string[]; fieldErrors?: Record<string, string[]> }> = {
    exists: { formErrors: [t('plans.report.generate.exists')] },
    conflict: { formErrors: [t('plans.errors.conflict')] },
    frozen: { formErrors: [t('plans.report.frozen')] },
    year_not_ended: { fieldErrors: { confirmYearNotEnded: [t('plans.report.approve.yearNotEnded', { year })] } },
    item_not_found: { fieldErrors: { itemId: [t('plans.errors.itemOtherCouncil')] } },
    not_approved: { formErrors: [t('plans.report.publish.notApproved')] },
    already_published: { formErrors: [t('plans.report.publish.already')] },
  };
  return messages[outcome] ?? { formErrors: [t('plans.errors.notFound')] };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { council, actor } = await requireCouncilPermission(request, params.slug, 'report.edit');
  const year = parseYearParam(params.year);
  if (year === null) notFound();
  const { t } = await getT(request);
  const formData = await readForm(request);
  const intent = String(formData.get('intent') ?? '');
  const schema = SCHEMAS[intent];
  if (!schema) badRequest('Unknown intent');
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== 'success') return json({ formId: intent, result: translatedReply(submission, t), message: null }, { status: 400 });
  const scope = { councilId: council.id, regionId: council.regionId, actor, year };
  const v = submission.value as {
    lockVersion?: number;
    title?: string;
    body?: string;
    titleSv?: string;
    titleEn?: string;
    bodySv?: string;
    bodyEn?: string;
    itemId?: string;
    confirmYearNotEnded?: boolean;
  };
  const refused = intent === 'save' ? unusedLanguageFields({ titleSv: v.titleSv, titleEn: v.titleEn, bodySv: v.bodySv, bodyEn: v.bodyEn }, council.languages) : [];
  if (refused.length > 0) {
    const fieldErrors = Object.fromEntries(refused.map((r) => [r.field, [t('content.refused', { lang: t(`languages.${r.lang}`) })]]));
    return json({ formId: intent, result: translatedReply(submission, t, { fieldErrors }), message: null }, { status: 400 });
  }
  const lockVersion = v.lockVersion ?? 0;
  let outcome: string;
  if (intent === 'generate') outcome = await reports.createReportDraft(scope);
  else if (intent === 'regenerate') outcome = await reports.regenerateReportFigures({ ...scope, lockVersion });
  else if (intent === 'save') outcome = await reports.updateReportText({ ...scope, lockVersion, title: v.title ?? '', body: v.body ?? '', titleSv: v.titleSv, titleEn: v.titleEn, bodySv: v.bodySv, bodyEn: v.bodyEn });
  else if (intent === 'approve') {
    outcome = await reports.approveReport({ ...scope, lockVersion, itemId: v.itemId ?? null, confirmYearNotEnded: v.confirmYearNotEnded === true });
  } else outcome = await reports.publishReport({ ...scope, lockVersion });
  if (outcome !== 'ok') return json({ formId: intent, result: translatedReply(submission, t, refusal(t, outcome, year)), message: null }, { status: 400 });
  return json({ formId: intent, result: translatedReply(submission, t), message: t(SUCCESS[intent] ?? 'plans.report.text.saved') });
}

export default function ManageReport() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const { report, year } = data;
  const resultFor = (id: string) => (actionData?.formId === id ? actionData.result : undefined);
  const plainErrors = actionData && !actionData.message && ['generate', 'regenerate', 'publish'].includes(actionData.formId) ? actionData.result?.error?.[''] ?? [] : [];
  return (
    <>
      <h1>{report?.title ?? t('plans.report.yearTitle', { year })}</h1>
      <PlansManageNav slug={data.council.slug} reportYear={year} />
      {actionData?.message ? <p role="status">{actionData.message}</p> : null}
      {plainErrors.length > 0 ? (
        <ul className="field-errors" role="alert">
          {plainErrors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
      {!report ? (
        data.mayEdit ? (
          <section aria-labelledby="generate">
            <h2 id="generate">{t('plans.report.generate.heading')}</h2>
            <p>{t('plans.report.generate.intro')}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="generate" />
              <button type="submit">{t('plans.report.generate.submit', { year })}</button>
            </Form>
          </section>
        ) : (
          <p className="muted">{t('plans.report.none')}</p>
        )
      ) : (
        <>
          <p>
            <span className="badge">{t(`plans.statuses.${report.status}`)}</span>{' '}
            {data.figures ? t('plans.report.generatedOn', { date: formatDateTime(data.figures.generatedAt, locale) }) : null}
            {report.approvedAt ? ` · ${t('plans.report.approvedOn', { date: formatDate(new Date(report.approvedAt), locale) })}` : null}
            {report.publishedAt ? (
              <>
                {' · '}
                <Link to={`/councils/${data.council.slug}/reports/${year}`}>{t('plans.report.publishedOn', { date: formatDate(new Date(report.publishedAt), locale) })}</Link>
              </>
            ) : null}
          </p>
          {report.status !== 'draft' ? <p className="notice">{t('plans.report.frozenNotice')}</p> : null}
          {data.mayEdit && report.status === 'draft' ? (
            <>
              <section aria-labelledby="report-text">
                <h2 id="report-text">{t('plans.report.text.heading')}</h2>
                <ReportTextForm key={report.lockVersion} lastResult={resultFor('save')} report={report} languages={data.council.languages} />
                <Form method="post" className="plans-inline-actions">
                  <input type="hidden" name="intent" value="regenerate" />
                  <input type="hidden" name="lockVersion" value={report.lockVersion} />
                  <button type="submit" className="secondary">
                    {t('plans.report.regenerate.submit')}
                  </button>
                </Form>
              </section>
              <section aria-labelledby="report-approve">
                <h2 id="report-approve">{t('plans.report.approve.heading')}</h2>
                <ApproveReportForm
                  lastResult={resultFor('approve')}
                  lockVersion={report.lockVersion}
                  items={data.items}
                  locale={locale}
                  year={year}
                  yearEnded={data.yearEnded}
                />
              </section>
            </>
          ) : (
            <div className="plans-text-body" dangerouslySetInnerHTML={{ __html: data.bodyHtml }} />
          )}
          {data.mayEdit && report.status === 'approved' ? (
            <Form method="post">
              <input type="hidden" name="intent" value="publish" />
              <input type="hidden" name="lockVersion" value={report.lockVersion} />
              <button type="submit">{t('plans.report.publish.submit')}</button>
            </Form>
          ) : null}
          {data.figures ? <ReportFiguresView figures={data.figures} locale={locale} /> : null}
        </>
      )}
    </>
  );
}
