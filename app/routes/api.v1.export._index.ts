import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { absoluteUrl } from '~/lib/url.server';
import { listCouncilsPublic } from '~/models/councils.server';

/** GET /api/v1/export: one bulk JSON file per council, for researchers. */
export async function loader({ request }: LoaderFunctionArgs) {
  const councils = await listCouncilsPublic();
  return json(
    {
      description: 'All public data of each council as one JSON file. Files are generated on request.',
      files: councils.map((c) => ({ council: c.slug, url: absoluteUrl(request, `/api/v1/export/${c.slug}.json`) })),
    },
    { headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=300' } },
  );
}
