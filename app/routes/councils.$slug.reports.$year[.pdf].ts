import type { LoaderFunctionArgs } from '@remix-run/node';
import { formatDate } from '~/lib/dates';
import { notFound } from '~/lib/http.server';
import { localized } from '~/lib/i18n';
import { renderReportPdf, reportPdfSections } from '~/lib/report-pdf.server';
import { getT } from '~/lib/t.server';
import { getCouncilBySlug } from '~/models/councils.server';
import { getPublishedReport, reportFigures } from '~/models/reports.server';
import { recordFingerprint } from '~/models/fingerprints.server';
import { getDb } from '~db/client.server';
import { parseYearParam } from '~/validation/plans';

/** The published annual report as an A4 PDF (built with pdfkit, no browser involved). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const year = parseYearParam(params.year);
  const found = await getCouncilBySlug(params.slug ?? '');
  if (!found || year === null || found.council.publicityDefault !== 'public') notFound();
  const report = await getPublishedReport(found.council.id, year);
  if (!report) notFound();
  const { t, locale } = await getT(request);
  const dates = [
    report.approvedAt ? t('plans.report.approvedOn', { date: formatDate(report.approvedAt, locale) }) : null,
    report.publishedAt ? t('plans.report.publishedOn', { date: formatDate(report.publishedAt, locale) }) : null,
  ].filter((s): s is string => s !== null);
  const pdf = await renderReportPdf({
    language: locale,
    councilName: localized(found.council, 'name', locale).text,
    title: report.title,
    subtitle: dates.join(' · '),
    body: report.body,
    sections: reportPdfSections(reportFigures(report), t, locale),
    // A published report is frozen: its publication time as the file's date gives the same bytes on every render.
    ...(report.publishedAt ? { date: report.publishedAt } : {}),
  });
  // Every copy served is an official one: /verify knows its fingerprint (docs/decisions/documents-fingerprints.md).
  await recordFingerprint(getDb(), { kind: 'report', reportId: report.id, language: locale, bytes: pdf });
  return new Response(Buffer.from(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="${found.council.slug}-${year}.pdf"`,
      'Cache-Control': 'public, max-age=300',
    },
  });
}
