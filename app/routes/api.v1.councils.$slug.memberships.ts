import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { apiError } from '~/lib/http.server';
import { paginationFields, paginationHeaders, parsePagination } from '~/lib/pagination.server';
import { absoluteUrl } from '~/lib/url.server';
import { getCouncilBySlug, getCurrentTerm, getTermForCouncil, isUuid } from '~/models/councils.server';
import { listPublicMemberships, parseDateCell } from '~/models/rosters.server';

/**
 * GET /api/v1/councils/{slug}/memberships?term={id|current}&on=YYYY-MM-DD: a term's
 * memberships (Popolo-style), ended ones included unless `on` picks a date. Names, roles and
 * organisations only; a members-only council's roster is not published.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const termParam = url.searchParams.get('term') ?? 'current';
  const onParam = url.searchParams.get('on');
  if (termParam !== 'current' && !isUuid(termParam)) return apiError(400, 'Invalid parameter term: use a term id or "current"');
  const on = onParam === null ? undefined : /^\d{4}-\d{2}-\d{2}$/.test(onParam) ? parseDateCell(onParam) : null;
  if (on === null) return apiError(400, 'Invalid parameter on: use YYYY-MM-DD');
  const paging = parsePagination(url);
  if (!paging.ok) return apiError(400, paging.message);
  const p = paging.value;
  const found = await getCouncilBySlug(params.slug ?? '');
  if (!found) return apiError(404, `No council with slug ${JSON.stringify(params.slug ?? '')}`);
  const { council } = found;
  if (council.publicityDefault !== 'public') return apiError(403, 'The roster of this council is not public');
  const term = termParam === 'current' ? await getCurrentTerm(council.id) : await getTermForCouncil(council.id, termParam);
  if (!term) return apiError(404, termParam === 'current' ? 'The council has no current term' : 'No such term in this council');
  // One term's roster (tens of rows, bounded by its seat plan), paged like every list (docs/api.md).
  const all = await listPublicMemberships(term.id, on);
  const rows = all.slice(p.offset, p.offset + p.perPage);
  return json(
    {
      council: council.slug,
      term: { id: term.id, name: term.name, startDate: term.startDate, endDate: term.endDate },
      ...paginationFields(p, all.length),
      memberships: rows.map((m) => ({
        id: m.id,
        person: { name: m.personName },
        role: m.role,
        category: m.category,
        onBehalfOf: m.onBehalfOf ? { name: m.onBehalfOf } : null,
        seat: m.seat,
        affiliation: m.affiliation,
        startDate: m.startDate,
        endDate: m.endDate,
        deputyOf: m.deputyOf,
      })),
    },
    { headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=60', ...paginationHeaders(url, absoluteUrl(request, ''), p, all.length) } },
  );
}
