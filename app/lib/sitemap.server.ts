import { supportedLanguages } from '~/lib/i18n';
import type { SitemapEntry } from '~/models/portal.server';

/** Sitemaps protocol (sitemaps.org 0.9) documents; every value escaped, every URL from `origin`. */
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

const HEADERS = { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' };

/** A urlset with hreflang alternates for the three language versions of each page. */
export function urlsetResponse(origin: string, entries: SitemapEntry[]): Response {
  const urls = entries.map((e) => {
    const alternates = supportedLanguages
      .map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${escapeXml(`${origin}${e.path}?lng=${l}`)}"/>`)
      .join('');
    const lastmod = e.updatedAt ? `<lastmod>${e.updatedAt.toISOString().slice(0, 10)}</lastmod>` : '';
    return `<url><loc>${escapeXml(`${origin}${e.path}`)}</loc>${lastmod}${alternates}</url>`;
  });
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(xml, { headers: HEADERS });
}

/** A sitemap index pointing at the files under /sitemaps/. */
export function sitemapIndexResponse(origin: string, files: string[]): Response {
  const items = files.map((f) => `<sitemap><loc>${escapeXml(`${origin}/sitemaps/${f}`)}</loc></sitemap>`);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join('\n')}\n</sitemapindex>\n`;
  return new Response(xml, { headers: HEADERS });
}

/** `pages.xml` or `meetings-N.xml` (N from 1); anything else is null. */
export function parseSitemapFile(name: string): { kind: 'pages' } | { kind: 'meetings'; n: number } | null {
  if (name === 'pages.xml') return { kind: 'pages' };
  const m = /^meetings-([1-9]\d{0,5})\.xml$/.exec(name);
  return m ? { kind: 'meetings', n: Number(m[1]) } : null;
}
