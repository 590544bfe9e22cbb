import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { apiError } from '~/lib/http.server';
import { getCouncilBySlug, listTerms } from '~/models/councils.server';

/** GET /api/v1/councils/{slug}: one council's public facts, appointing decision and terms. */
export async function loader({ params }: LoaderFunctionArgs) {
  const found = await getCouncilBySlug(params.slug ?? '');
  if (!found) return apiError(404, `No council with slug ${JSON.stringify(params.slug ?? '')}`);
  const { council, region, parent } = found;
  const terms = await listTerms(council.id);
  return json(
    {
      slug: council.slug,
      name: council.nameFi,
      names: { fi: council.nameFi, sv: council.nameSv, en: council.nameEn },
      kind: council.kind,
      origin: council.origin,
      region: { slug: region.slug, name: region.nameFi },
      parent: parent?.slug ?? null,
      publicity: council.publicityDefault,
      foundingDate: council.establishedOn,
      dissolutionDate: council.dissolvedOn,
      appointingDecision: council.appointingBody
        ? { body: council.appointingBody, date: council.appointingDecisionDate, url: council.appointingDecisionUrl }
        : null,
      terms: terms.map((t) => ({ id: t.id, name: t.name, startDate: t.startDate, endDate: t.endDate, current: t.current })),
    },
    { headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=60' } },
  );
}
