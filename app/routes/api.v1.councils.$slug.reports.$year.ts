import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { toIsoWithOffset } from '~/lib/dates';
import { apiError } from '~/lib/http.server';
import { getCouncilBySlug } from '~/models/councils.server';
import { getPublishedReport, reportFigures } from '~/models/reports.server';
import { parseYearParam } from '~/validation/plans';

const HEADERS = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=60' };

/** GET /api/v1/councils/{slug}/reports/{year}: a published annual report with its figures (docs/api-plans.md). */
export async function loader({ params }: LoaderFunctionArgs) {
  const year = parseYearParam(params.year);
  if (year === null) return apiError(400, 'year must be a four-digit year between 2000 and 2100');
  const found = await getCouncilBySlug(params.slug ?? '');
  if (!found || found.council.publicityDefault !== 'public') return apiError(404, 'No such public council');
  const report = await getPublishedReport(found.council.id, year);
  if (!report) return apiError(404, 'No published annual report for this year');
  return json(
    {
      council: { slug: found.council.slug, name: { fi: found.council.nameFi, sv: found.council.nameSv, en: found.council.nameEn } },
      year,
      title: report.title,
      body: report.body,
      approvedAt: report.approvedAt ? toIsoWithOffset(report.approvedAt) : null,
      publishedAt: report.publishedAt ? toIsoWithOffset(report.publishedAt) : null,
      figures: reportFigures(report),
    },
    { headers: HEADERS },
  );
}
