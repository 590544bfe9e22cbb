import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ReportFiguresView } from '~/components/plans-report-view';
import { formatDate } from '~/lib/dates';
import { notFound } from '~/lib/http.server';
import { langTexts, localized, metaLocale, pickLang } from '~/lib/i18n';
import { LangHtml, LangText } from '~/components/lang-text';
import { htmlTexts } from '~/lib/content-languages.server';
import { renderMarkdown } from '~/lib/markdown.server';
import { useLocale } from '~/lib/use-locale';
import { getCouncilBySlug } from '~/models/councils.server';
import { getPublishedReport, reportFigures } from '~/models/reports.server';
import { parseYearParam } from '~/validation/plans';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? `${pickLang(data.report.titles, metaLocale(matches))?.text ?? data.report.title} – ${localized(data.council, 'name', metaLocale(matches)).text} – Neuvos`
      : 'Neuvos',
  },
];

/** A published annual report of a public council, printable as it is (the print stylesheet hides the site chrome). */
export async function loader({ params }: LoaderFunctionArgs) {
  const year = parseYearParam(params.year);
  const found = await getCouncilBySlug(params.slug ?? '');
  if (!found || year === null || found.council.publicityDefault !== 'public') notFound();
  const report = await getPublishedReport(found.council.id, year);
  if (!report) notFound();
  return json({
    council: { slug: found.council.slug, nameFi: found.council.nameFi, nameSv: found.council.nameSv, nameEn: found.council.nameEn },
    year,
    report: { title: report.title, titles: langTexts(report, 'title'), approvedAt: report.approvedAt, publishedAt: report.publishedAt },
    bodyHtml: report.body ? renderMarkdown(report.body) : '',
    bodyHtmls: htmlTexts(report, 'body'),
    figures: reportFigures(report),
  });
}

export default function PublicReport() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const name = localized(data.council, 'name', locale);
  return (
    <article className="plans-printable">
      <p className="muted">
        <Link to={`/councils/${data.council.slug}`} lang={name.lang !== locale ? name.lang : undefined}>
          {name.text}
        </Link>
      </p>
      <h1>
        <LangText texts={data.report.titles} fallbackText={data.report.title} />
      </h1>
      <p className="muted">
        {data.report.approvedAt ? t('plans.report.approvedOn', { date: formatDate(new Date(data.report.approvedAt), locale) }) : null}
        {data.report.publishedAt ? ` · ${t('plans.report.publishedOn', { date: formatDate(new Date(data.report.publishedAt), locale) })}` : null}
      </p>
      <p className="no-print">
        <a href={`/councils/${data.council.slug}/reports/${data.year}.pdf`} download>
          {t('plans.report.pdf')}
        </a>
      </p>
      <LangHtml htmls={data.bodyHtmls} fallbackHtml={data.bodyHtml} className="plans-text-body" />
      <ReportFiguresView figures={data.figures} locale={locale} />
    </article>
  );
}
