import type { LoaderFunctionArgs } from '@remix-run/node';
import { exportSources } from '~/lib/export-sources.server';
import { apiError } from '~/lib/http.server';
import { absoluteUrl } from '~/lib/url.server';
import { getCouncilBySlug } from '~/models/councils.server';
import { chunksToStream, councilExportChunks, installationExportChunks, readStoredExport } from '~/models/export.server';

const SLUG = /^[a-z0-9-]{1,100}$/;

/**
 * GET /api/v1/export/{slug}.json: everything public about one council in one file (the council
 * and its terms with memberships, every public meeting with its published agenda, decisions and
 * votes, statements, published plans and reports); `all.json` is the whole installation. The
 * daily file is served with its SHA-256 when it exists; otherwise the file is streamed as made.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? '';
  if (!SLUG.test(slug)) return apiError(404, 'No such council');
  if (slug !== 'all' && !(await getCouncilBySlug(slug))) return apiError(404, `No council with slug ${JSON.stringify(slug)}`);
  const headers: Record<string, string> = {
    'Content-Type': 'application/json; charset=utf-8',
    'Access-Control-Allow-Origin': '*',
    'Cache-Control': 'public, max-age=3600',
    'Content-Disposition': `attachment; filename="${slug}.json"`,
  };
  const stored = await readStoredExport(slug);
  if (stored) {
    return new Response(stored.object.body, {
      headers: {
        ...headers,
        'Content-Length': String(stored.object.size),
        'Last-Modified': new Date(stored.file.generatedAt).toUTCString(),
        ETag: `"${stored.file.sha256}"`,
        'X-Content-SHA256': stored.file.sha256,
      },
    });
  }
  const origin = absoluteUrl(request, '');
  const chunks = slug === 'all' ? installationExportChunks(origin, exportSources) : councilExportChunks(slug, origin, exportSources);
  return new Response(chunksToStream(chunks), { headers: { ...headers, 'Cache-Control': 'public, max-age=300' } });
}
