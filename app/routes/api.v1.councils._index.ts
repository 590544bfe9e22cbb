import { json } from '@remix-run/node';
import { listCouncilsPublic } from '~/models/councils.server';

/** GET /api/v1/councils: every council with its kind, origin, region and parent (public facts only). */
export async function loader() {
  const councils = await listCouncilsPublic();
  return json(
    {
      councils: councils.map((c) => ({
        slug: c.slug,
        name: c.nameFi,
        names: { fi: c.nameFi, sv: c.nameSv, en: c.nameEn },
        kind: c.kind,
        origin: c.origin,
        region: { slug: c.regionSlug, name: c.regionNameFi },
        parent: c.parentSlug,
      })),
    },
    { headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=60' } },
  );
}
