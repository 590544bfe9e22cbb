import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { toIsoWithOffset } from '~/lib/dates';
import { apiError } from '~/lib/http.server';
import { getCouncilBySlug } from '~/models/councils.server';
import { getPlanDetail } from '~/models/plans.server';
import { parseYearParam } from '~/validation/plans';

const HEADERS = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=60' };

/** GET /api/v1/councils/{slug}/plans/{year}: a published action plan (docs/api-plans.md). */
export async function loader({ params }: LoaderFunctionArgs) {
  const year = parseYearParam(params.year);
  if (year === null) return apiError(400, 'year must be a four-digit year between 2000 and 2100');
  const found = await getCouncilBySlug(params.slug ?? '');
  if (!found || found.council.publicityDefault !== 'public') return apiError(404, 'No such public council');
  const detail = await getPlanDetail(found.council.id, year, { publicOnly: true });
  if (!detail) return apiError(404, 'No published action plan for this year');
  const { plan, goals, progress } = detail;
  return json(
    {
      council: { slug: found.council.slug, name: { fi: found.council.nameFi, sv: found.council.nameSv, en: found.council.nameEn } },
      year,
      title: plan.title,
      introduction: plan.introduction,
      approvedAt: plan.approvedAt ? toIsoWithOffset(plan.approvedAt) : null,
      publishedAt: plan.publishedAt ? toIsoWithOffset(plan.publishedAt) : null,
      progress,
      goals: goals.map((g) => ({
        position: g.position,
        title: g.title,
        description: g.description,
        actions: g.actions.map((a) => ({
          position: a.position,
          title: a.title,
          description: a.description,
          owner: a.ownerName,
          schedule: a.schedule,
          dueDate: a.dueDate,
          status: a.status,
          outcome: a.outcome,
          dealtWith: a.links.map((l) => ({ meeting: l.meetingTitle, meetingStart: toIsoWithOffset(l.meetingStartsAt), section: l.section, item: l.itemTitle })),
        })),
      })),
    },
    { headers: HEADERS },
  );
}
