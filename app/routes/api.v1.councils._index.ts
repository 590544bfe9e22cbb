import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { apiError } from '~/lib/http.server';
import { paginationFields, paginationHeaders, parsePagination } from '~/lib/pagination.server';
import { absoluteUrl } from '~/lib/url.server';
import { listCouncilsPublic } from '~/models/councils.server';

/**
 * GET /api/v1/councils?page=&per_page=: the councils with their kind, origin, region and parent
 * (public facts only), a page at a time (per_page at most 100), with Link and X-Total-Count.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const paging = parsePagination(url);
  if (!paging.ok) return apiError(400, paging.message);
  const p = paging.value;
  const { councils, total } = await listCouncilsPublic({ limit: p.perPage, offset: p.offset });
  return json(
    {
      ...paginationFields(p, total),
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
    {
      headers: {
        'Access-Control-Allow-Origin': '*',
        'Cache-Control': 'public, max-age=60',
        ...paginationHeaders(url, absoluteUrl(request, ''), p, total),
      },
    },
  );
}
