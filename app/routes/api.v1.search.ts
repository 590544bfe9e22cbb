import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { plainSnippet } from '~/components/search-snippet';
import { apiError } from '~/lib/http.server';
import { absoluteUrl } from '~/lib/url.server';
import { searchPublished } from '~/models/search.server';
import { readSearchParams, SEARCH_RESULT_WINDOW } from '~/validation/search';

/**
 * GET /api/v1/search?q=: the same hits as /search, as JSON, `page` and `per_page` (≤ 100)
 * with RFC 8288 Link headers (docs/api.md). Results reach SEARCH_RESULT_WINDOW at most.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const parsed = readSearchParams(url);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return apiError(400, `Invalid parameter ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`.trim());
  }
  const { q, page, per_page: perPage, region, council, year, type } = parsed.data;
  const result = q.trim()
    ? await searchPublished({ q, region, council, year, type, limit: perPage, offset: (page - 1) * perPage, locale: 'fi' })
    : { hits: [], total: 0, more: false };
  const reachable = Math.min(result.total, SEARCH_RESULT_WINDOW);
  const lastPage = Math.max(1, Math.ceil(reachable / perPage));
  const pageUrl = (n: number) => {
    const p = new URLSearchParams(url.searchParams);
    for (const k of ['lng', 'page', 'per_page']) p.delete(k);
    p.set('page', String(n));
    p.set('per_page', String(perPage));
    return `<${absoluteUrl(request, `/api/v1/search?${p}`)}>`;
  };
  const links = [`${pageUrl(1)}; rel="first"`];
  if (page > 1) links.push(`${pageUrl(Math.min(page - 1, lastPage))}; rel="prev"`);
  if (page < lastPage) links.push(`${pageUrl(page + 1)}; rel="next"`);
  links.push(`${pageUrl(lastPage)}; rel="last"`);
  return json(
    {
      query: q,
      page,
      perPage,
      /** Kept from the first version of the API; equal to perPage. */
      pageSize: perPage,
      total: result.total,
      /** True when more records match than search ranks: total is then "more than". */
      totalIsLowerBound: result.more,
      results: result.hits.map((h) => ({
        type: h.type,
        title: h.title,
        url: absoluteUrl(request, h.url),
        snippet: plainSnippet(h.snippet),
        council: h.councilSlug,
        date: h.date,
      })),
    },
    {
      headers: {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Expose-Headers': 'Link, X-Total-Count',
        'Cache-Control': 'public, max-age=60',
        Link: links.join(', '),
        'X-Total-Count': String(result.total),
      },
    },
  );
}
