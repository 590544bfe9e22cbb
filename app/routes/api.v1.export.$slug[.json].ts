import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { apiError } from '~/lib/http.server';
import { absoluteUrl } from '~/lib/url.server';
import { getCouncilBySlug } from '~/models/councils.server';
import { callApi } from '~/models/export.server';
import { getCouncilRecordsSummary } from '~/models/plans.server';
import * as councilApi from './api.v1.councils.$slug._index';
import * as meetingApi from './api.v1.meetings.$meetingId';
import * as meetingsApi from './api.v1.councils.$slug.meetings';
import * as membershipsApi from './api.v1.councils.$slug.memberships';
import * as plansApi from './api.v1.councils.$slug.plans.$year';
import * as reportsApi from './api.v1.councils.$slug.reports.$year';
import * as statementsApi from './api.v1.councils.$slug.statements';

/**
 * GET /api/v1/export/{slug}.json: everything public about one council in one file: the
 * council and its terms with memberships, public meetings with their published agendas and
 * minutes, statements, published plans and reports.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? '';
  const found = await getCouncilBySlug(slug);
  if (!found) return apiError(404, `No council with slug ${JSON.stringify(slug)}`);
  const origin = absoluteUrl(request, '');
  const p = { slug };
  const council = (await callApi(councilApi.loader, origin, `/api/v1/councils/${slug}`, p)) as { terms?: Array<{ id: string }> } | null;
  const isPublic = found.council.publicityDefault === 'public';
  const terms = isPublic
    ? await Promise.all(
        (council?.terms ?? []).map(async (term) => ({
          term,
          memberships: await callApi(membershipsApi.loader, origin, `/api/v1/councils/${slug}/memberships?term=${term.id}`, p),
        })),
      )
    : [];
  const meetingList = (await callApi(meetingsApi.loader, origin, `/api/v1/councils/${slug}/meetings?from=2000-01-01&to=2099-12-31`, p)) as
    | { meetings?: Array<{ id: string }> }
    | Array<{ id: string }>
    | null;
  const meetings = Array.isArray(meetingList) ? meetingList : (meetingList?.meetings ?? []);
  const meetingDetails: unknown[] = [];
  for (const m of meetings) {
    meetingDetails.push(await callApi(meetingApi.loader, origin, `/api/v1/meetings/${m.id}`, { meetingId: m.id }));
  }
  const summary = isPublic ? await getCouncilRecordsSummary(found.council.id, found.council.regionId) : { planYears: [], reportYears: [] };
  const plans = await Promise.all(summary.planYears.map((y) => callApi(plansApi.loader, origin, `/api/v1/councils/${slug}/plans/${y}`, { ...p, year: String(y) })));
  const reports = await Promise.all(summary.reportYears.map((y) => callApi(reportsApi.loader, origin, `/api/v1/councils/${slug}/reports/${y}`, { ...p, year: String(y) })));
  const statements = isPublic ? await callApi(statementsApi.loader, origin, `/api/v1/councils/${slug}/statements`, p) : null;
  return json(
    {
      generatedAt: new Date().toISOString(),
      license: 'Public records of a Finnish public body; personal contact details are never included.',
      council,
      terms,
      meetings: meetings.map((m, i) => ({ ...m, details: meetingDetails[i] ?? null })),
      statements,
      plans,
      reports,
    },
    {
      headers: {
        'Access-Control-Allow-Origin': '*',
        'Cache-Control': 'public, max-age=3600',
        'Content-Disposition': `attachment; filename="${slug}.json"`,
      },
    },
  );
}
