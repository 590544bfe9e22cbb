import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { absoluteUrl } from '~/lib/url.server';

/** GET /api/v1: what the public API offers (documented in docs/api.md). */
export function loader({ request }: LoaderFunctionArgs) {
  const u = (path: string) => absoluteUrl(request, path);
  return json(
    {
      version: 1,
      documentation: 'docs/api.md in the Neuvos repository',
      endpoints: {
        councils: u('/api/v1/councils'),
        council: u('/api/v1/councils/{slug}'),
        memberships: u('/api/v1/councils/{slug}/memberships?term={id|current}'),
        meetings: u('/api/v1/councils/{slug}/meetings?from=YYYY-MM-DD&to=YYYY-MM-DD'),
        meeting: u('/api/v1/meetings/{id}'),
        plan: u('/api/v1/councils/{slug}/plans/{year}'),
        report: u('/api/v1/councils/{slug}/reports/{year}'),
        statements: u('/api/v1/councils/{slug}/statements'),
        search: u('/api/v1/search?q='),
        export: u('/api/v1/export'),
      },
      feeds: { atom: u('/feed.xml'), sitemap: u('/sitemap.xml') },
    },
    { headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=3600' } },
  );
}
