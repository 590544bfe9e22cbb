import { OparlUrls } from '~/lib/oparl';
import { absoluteUrl } from '~/lib/url.server';

const HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Access-Control-Allow-Origin': '*',
  'Cache-Control': 'public, max-age=60',
};

/** The OParl URL builder for this installation (origin from configuration). */
export function oparlUrls(request: Request): OparlUrls {
  return new OparlUrls(absoluteUrl(request, ''));
}

export function oparlJson(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: HEADERS });
}

/** An OParl error: JSON with the HTTP status, as the spec's exception handling describes. */
export function oparlError(status: number, message: string): Response {
  return new Response(JSON.stringify({ error: { status, message } }), { status, headers: { ...HEADERS, 'Cache-Control': 'no-store' } });
}
