import type { LoaderFunctionArgs } from '@remix-run/node';
import { notFound } from '~/lib/http.server';
import { parseSitemapFile, urlsetResponse } from '~/lib/sitemap.server';
import { absoluteUrl } from '~/lib/url.server';
import { listSitemapMeetings, listSitemapPages } from '~/models/portal.server';

/** One file of the sitemap index: /sitemaps/pages.xml or /sitemaps/meetings-N.xml. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const file = parseSitemapFile(params.file ?? '');
  if (!file) notFound();
  const entries = file.kind === 'pages' ? await listSitemapPages() : await listSitemapMeetings(file.n);
  if (entries.length === 0) notFound();
  return urlsetResponse(absoluteUrl(request, ''), entries);
}
