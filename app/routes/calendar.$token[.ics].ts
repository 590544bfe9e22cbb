import type { LoaderFunctionArgs } from '@remix-run/node';
import { ICS_CONTENT_TYPE } from '~/lib/ics';
import { absoluteUrl } from '~/lib/url.server';
import { personalFeed } from '~/models/feeds.server';

/** A person's own meetings at a secret, revocable URL; unknown or revoked tokens are 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const body = await personalFeed(params.token ?? '', absoluteUrl(request, ''));
  if (body === null) throw new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
  return new Response(body, {
    headers: {
      'Content-Type': ICS_CONTENT_TYPE,
      'Content-Disposition': 'inline; filename="neuvos.ics"',
      // Private: the feed holds closed meetings and online links.
      'Cache-Control': 'private, no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Robots-Tag': 'noindex',
    },
  });
}
