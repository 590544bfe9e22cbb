import type { LoaderFunctionArgs } from '@remix-run/node';
import { absoluteUrl } from '~/lib/url.server';

export function loader({ request }: LoaderFunctionArgs) {
  const body = `User-agent: *\nDisallow: /manage\nDisallow: /admin\nDisallow: /account\nDisallow: /my\nDisallow: /reply\nDisallow: /invite\nSitemap: ${absoluteUrl(request, '/sitemap.xml')}\n`;
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
