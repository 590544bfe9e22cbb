import type { LoaderFunctionArgs } from '@remix-run/node';
import { supportedLanguages } from '~/lib/i18n';
import { absoluteUrl } from '~/lib/url.server';
import { listSitemapEntries } from '~/models/portal.server';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** sitemap.xml with hreflang alternates for the three language versions of each page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const origin = absoluteUrl(request, '');
  const entries = await listSitemapEntries();
  const urls = entries.map((e) => {
    const loc = escapeXml(`${origin}${e.path}`);
    const alternates = supportedLanguages
      .map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${escapeXml(`${origin}${e.path}?lng=${l}`)}"/>`)
      .join('');
    const lastmod = e.updatedAt ? `<lastmod>${e.updatedAt.toISOString().slice(0, 10)}</lastmod>` : '';
    return `<url><loc>${loc}</loc>${lastmod}${alternates}</url>`;
  });
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' } });
}
