import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { absoluteUrl } from '~/lib/url.server';
import { listCouncilsPublic } from '~/models/councils.server';
import { readExportManifest } from '~/models/export.server';

/**
 * GET /api/v1/export: the bulk files: one per council and one for the whole installation, with
 * the date and SHA-256 of the daily generation (null before the first run: then a file is made
 * on request).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const [councils, manifest] = await Promise.all([listCouncilsPublic(), readExportManifest()]);
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
      files: councils.map((c) => ({ council: c.slug, ...entry(c.slug) })),
    },
    { headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=300' } },
  );
}
