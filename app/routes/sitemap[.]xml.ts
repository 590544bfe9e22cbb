import type { LoaderFunctionArgs } from '@remix-run/node';
import { sitemapIndexResponse } from '~/lib/sitemap.server';
import { absoluteUrl } from '~/lib/url.server';
import { countSitemapMeetingFiles } from '~/models/portal.server';

/**
 * sitemap.xml is an index: one file of pages, regions and councils, and the public meetings in
 * files of 5,000, so no file grows with the country (issue 13).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const meetingFiles = await countSitemapMeetingFiles();
  const files = ['pages.xml', ...Array.from({ length: meetingFiles }, (_, i) => `meetings-${i + 1}.xml`)];
  return sitemapIndexResponse(absoluteUrl(request, ''), files);
}
