import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { requireCouncilPermission } from '~/auth/council-access.server';
import { loadExport } from '~/models/rosters.server';

/** The roster as JSON, for the secretariat: includes emails, so never cached or public. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { council, actor } = await requireCouncilPermission(request, params.slug, 'roster.edit');
  const url = new URL(request.url);
  const found = await loadExport(actor, { councilId: council.id, regionId: council.regionId }, url.searchParams.get('term'), url.searchParams.get('on'), 'json');
  if (!found) throw new Response('Not found', { status: 404 });
  const { term, on, rows } = found;
  return json(
    {
      council: { slug: council.slug, name: council.nameFi },
      term: { id: term.id, name: term.name, startDate: term.startDate, endDate: term.endDate },
      on,
      memberships: rows.map((r) => ({
        id: r.id,
        person: { name: r.name, email: r.email },
        role: r.role,
        category: r.categoryName,
        onBehalfOf: r.organisationName ? { name: r.organisationName } : null,
        seat: r.seatNumber,
        affiliation: r.affiliation,
        startDate: r.startDate,
        endDate: r.endDate,
        deputyOf: r.principalId,
      })),
    },
    { headers: { 'Content-Disposition': `attachment; filename="${council.slug}-${on}.json"`, 'Cache-Control': 'no-store' } },
  );
}
