import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { apiError } from '~/lib/http.server';
import { paginationFields, paginationHeaders, parsePagination } from '~/lib/pagination.server';
import { absoluteUrl } from '~/lib/url.server';
import { listCouncilsPublic } from '~/models/councils.server';

/** GET /api/v1/export?page=&per_page=: one bulk JSON file per council, for researchers, a page at a time. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const paging = parsePagination(url);
  if (!paging.ok) return apiError(400, paging.message);
  const p = paging.value;
  const { councils, total } = await listCouncilsPublic({ limit: p.perPage, offset: p.offset });
  return json(
    {
      description: 'All public data of each council as one JSON file. Files are generated on request.',
      ...paginationFields(p, total),
      files: councils.map((c) => ({ council: c.slug, url: absoluteUrl(request, `/api/v1/export/${c.slug}.json`) })),
    },
    {
      headers: {
        'Access-Control-Allow-Origin': '*',
        'Cache-Control': 'public, max-age=300',
        ...paginationHeaders(url, absoluteUrl(request, ''), p, total),
      },
    },
  );
}
