import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { plainSnippet } from '~/components/search-snippet';
import { apiError } from '~/lib/http.server';
import { absoluteUrl } from '~/lib/url.server';
import { searchPublished } from '~/models/search.server';
import { readSearchParams, SEARCH_PAGE_SIZE } from '~/validation/search';

/** GET /api/v1/search?q=: the same hits as /search, as JSON. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const parsed = readSearchParams(url);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return apiError(400, `Invalid parameter ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`.trim());
  }
  const { q, page, region, council, year, type } = parsed.data;
  const result = q.trim()
    ? await searchPublished({ q, region, council, year, type, limit: SEARCH_PAGE_SIZE, offset: (page - 1) * SEARCH_PAGE_SIZE, locale: 'fi' })
    : { hits: [], total: 0 };
  return json(
    {
      query: q,
      page,
      pageSize: SEARCH_PAGE_SIZE,
      total: result.total,
      results: result.hits.map((h) => ({
        type: h.type,
        title: h.title,
        url: absoluteUrl(request, h.url),
        snippet: plainSnippet(h.snippet),
        council: h.councilSlug,
        date: h.date,
      })),
    },
    { headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=60' } },
  );
}
