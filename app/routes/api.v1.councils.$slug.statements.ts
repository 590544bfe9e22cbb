import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { toIsoWithOffset } from '~/lib/dates';
import { apiError } from '~/lib/http.server';
import { getCouncilBySlug } from '~/models/councils.server';
import { listPublicStatements } from '~/models/statements.server';

const HEADERS = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=60' };
const TYPES = new Set(['statement', 'position', 'initiative']);

/** GET /api/v1/councils/{slug}/statements[?type=…]: the public register (docs/api-plans.md). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const type = new URL(request.url).searchParams.get('type');
  if (type !== null && !TYPES.has(type)) return apiError(400, 'type must be statement, position or initiative');
  const found = await getCouncilBySlug(params.slug ?? '');
  if (!found || found.council.publicityDefault !== 'public') return apiError(404, 'No such public council');
  const rows = await listPublicStatements(found.council.id);
  return json(
    {
      council: { slug: found.council.slug, name: { fi: found.council.nameFi, sv: found.council.nameSv, en: found.council.nameEn } },
      statements: rows
        .filter((s) => type === null || s.type === type)
        .map((s) => ({
          id: s.id,
          type: s.type,
          issuedOn: s.issuedOn,
          recipient: s.recipient,
          title: s.title,
          body: s.body,
          status: s.status,
          approvedAt: s.itemTitle
            ? { meetingStart: s.meetingStartsAt ? toIsoWithOffset(s.meetingStartsAt) : null, section: s.itemSection ? `§ ${s.itemSection}` : null, item: s.itemTitle }
            : null,
          response: s.response,
          responseDate: s.responseDate,
          influence: {
            caseNumber: s.caseNumber,
            caseUrl: s.caseUrl,
            responseDueOn: s.responseDueOn,
            outcome: s.outcome,
            steps: s.steps,
          },
          publishedAt: s.publishedAt ? toIsoWithOffset(s.publishedAt) : null,
        })),
    },
    { headers: HEADERS },
  );
}
