import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { apiError } from '~/lib/http.server';
import { paginationFields, paginationHeaders, parsePagination } from '~/lib/pagination.server';
import { absoluteUrl } from '~/lib/url.server';
import { listCouncilsPublic } from '~/models/councils.server';
import { readExportManifest } from '~/models/export.server';

/**
 * GET /api/v1/export?page=&per_page=: the bulk files: one for the whole installation and one per
 * council (a page of councils at a time), with the date and SHA-256 of the daily generation (null
 * before the first run: then a file is made on request).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const paging = parsePagination(url);
  if (!paging.ok) return apiError(400, paging.message);
  const p = paging.value;
  const [{ councils, total }, manifest] = await Promise.all([listCouncilsPublic({ limit: p.perPage, offset: p.offset }), readExportManifest()]);
  const generated = new Map((manifest?.files ?? []).map((f) => [f.name, f]));
  const entry = (name: string) => ({
    url: absoluteUrl(request, `/api/v1/export/${name}.json`),
    generatedAt: generated.get(name)?.generatedAt ?? null,
    sha256: generated.get(name)?.sha256 ?? null,
    sizeBytes: generated.get(name)?.sizeBytes ?? null,
  });
  return json(
    {
      description: 'All public data as JSON: one file per council and one for the whole installation, regenerated daily.',
      generatedAt: manifest?.generatedAt ?? null,
      installation: entry('all'),
      ...paginationFields(p, total),
      files: councils.map((c) => ({ council: c.slug, ...entry(c.slug) })),
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
