import type { LoaderFunctionArgs } from '@remix-run/node';
import { ICS_CONTENT_TYPE } from '~/lib/ics';
import { absoluteUrl } from '~/lib/url.server';
import { councilFeed } from '~/models/feeds.server';
import { feedLanguage } from '~/lib/atom.server';

/** A council's public meetings as an iCalendar subscription (METHOD:PUBLISH); `?lng=sv|en` for Swedish or English titles. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const body = await councilFeed(params.slug ?? '', absoluteUrl(request, ''), new Date(), await feedLanguage(request));
  if (body === null) throw new Response('Not found', { status: 404 });
  return new Response(body, {
    headers: {
      'Content-Type': ICS_CONTENT_TYPE,
      'Content-Disposition': `inline; filename="${params.slug}.ics"`,
      'Cache-Control': 'public, max-age=300',
      'Access-Control-Allow-Origin': '*',
    },
  });
}
