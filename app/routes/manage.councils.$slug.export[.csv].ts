import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireCouncilPermission } from '~/auth/council-access.server';
import { toCsv } from '~/lib/csv';
import { loadExport } from '~/models/rosters.server';

/** The roster as CSV in the import format (plus dates), for the secretariat: includes emails. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { council, actor } = await requireCouncilPermission(request, params.slug, 'roster.edit');
  const url = new URL(request.url);
  const found = await loadExport(actor, { councilId: council.id, regionId: council.regionId }, url.searchParams.get('term'), url.searchParams.get('on'), 'csv');
  if (!found) throw new Response('Not found', { status: 404 });
  const { term, on, rows } = found;
  const body = toCsv(
    ['category', 'role', 'name', 'organisation', 'email', 'deputy_of', 'seat', 'start_date', 'affiliation', 'end_date'],
    rows.map((r) => [r.categoryName, r.role, r.name, r.organisationName, r.email, r.deputyOf, r.seatNumber, r.startDate, r.affiliation, r.endDate]),
  );
  const filename = `${council.slug}-${term.name.replace(/[^A-Za-z0-9-]+/g, '_')}-${on}.csv`;
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  });
}
