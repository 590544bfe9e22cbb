/**
 * Small self-contained pages for requests refused before Remix runs (body too large, method
 * not allowed), in the visitor's language: the ?lng= parameter, the lng cookie, else Finnish.
 */
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express';
import { http } from '../../app/locales/areas/http';

type Lang = 'fi' | 'sv' | 'en';
const LANGS: readonly Lang[] = ['fi', 'sv', 'en'];

function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The language the visitor chose, read the way the app's locale cookie stores it (base64 JSON). */
export function requestLanguage(req: ExpressRequest): Lang {
  const fromQuery = new URLSearchParams((req.originalUrl ?? '').split('?')[1] ?? '').get('lng');
  if (isLang(fromQuery)) return fromQuery;
  const match = /(?:^|;\s*)lng=([^;]*)/.exec(req.headers.cookie ?? '');
  if (match) {
    try {
      const raw = decodeURIComponent(match[1]!);
      const value: unknown = JSON.parse(Buffer.from(raw, 'base64').toString('utf8'));
      if (isLang(value)) return value;
    } catch {
      // an unreadable cookie means the default language
    }
  }
  return 'fi';
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export type RefusalKind = 'tooLarge' | 'method' | 'badRequest';

/** Send a readable refusal page (or JSON for /api/) with the given status. */
export function sendRefusal(req: ExpressRequest, res: ExpressResponse, status: number, kind: RefusalKind, vars: Record<string, string> = {}) {
  const lang = requestLanguage(req);
  const m = http[lang];
  const fill = (s: string) => s.replace(/\{\{(\w+)\}\}/g, (_x, k: string) => vars[k] ?? '');
  const [title, text] =
    kind === 'tooLarge' ? [m.tooLargeTitle, fill(m.tooLargeText)] : kind === 'method' ? [m.methodTitle, m.methodText] : [m.badFormTitle, m.badRequestText];
  res.status(status);
  res.set('Cache-Control', 'no-store');
  if ((req.originalUrl ?? '').startsWith('/api/')) {
    res.set('Access-Control-Allow-Origin', '*');
    res.json({ error: { status, message: text } });
    return;
  }
  res.type('html').send(
    `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} – Neuvos</title></head>` +
      `<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p><p><a href="/">${escapeHtml(m.backHome)}</a></p></main></body></html>`,
  );
}
