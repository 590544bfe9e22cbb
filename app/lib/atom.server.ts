import { createHash } from 'node:crypto';
import { formatDateTime } from '~/lib/dates';
import type { FeedEntry } from '~/models/portal.server';
import { isLocale, pickLang, type Locale } from '~/lib/i18n';
import i18nServer from '~/i18n.server';

/**
 * Atom 1.0 (RFC 4287) written by hand rather than with the `feed` package, which declares titles
 * as `type="html"` inside CDATA: a statement titled `<b>` or `&` was rendered as markup by feed
 * readers. Here every text construct is `type="text"` and escaped, the feed carries `xml:lang`,
 * each entry has a summary and published/updated dates, and ids are `urn:uuid:`s derived from
 * the record, so they stay the same whatever origin the feed was fetched under.
 */

const KIND_LABEL = { agenda: 'Esityslista', minutes: 'Pöytäkirja', statement: 'Lausunto tai aloite' } as const;
const STATEMENT_TYPE = { statement: 'Lausunto', position: 'Kannanotto', initiative: 'Aloite' } as const;

/**
 * Swedish and English feeds (`?lng=sv|en`, issue #14): titles in the reader's language, else the
 * Finnish title marked "endast på finska" / "only in Finnish". Finnish feeds are as before.
 */
const OTHER_LABELS = {
  sv: {
    kind: { agenda: 'Föredragningslista', minutes: 'Protokoll', statement: 'Utlåtande eller initiativ' },
    type: { statement: 'Utlåtande', position: 'Ställningstagande', initiative: 'Initiativ' },
    agenda: 'föredragningslista för mötet',
    minutes: 'protokoll från mötet',
    meeting: 'mötet',
    correction: 'Rättelse',
    onlyFi: 'endast på finska',
  },
  en: {
    kind: { agenda: 'Agenda', minutes: 'Minutes', statement: 'Statement or initiative' },
    type: { statement: 'Statement', position: 'Position', initiative: 'Initiative' },
    agenda: 'agenda of the meeting',
    minutes: 'minutes of the meeting',
    meeting: 'meeting',
    correction: 'Correction',
    onlyFi: 'only in Finnish',
  },
} as const;

function otherLangEntry(e: FeedEntry, lang: 'sv' | 'en'): { title: string; summary: string } {
  const l = OTHER_LABELS[lang];
  const picked = pickLang(e.titles, lang);
  const title = picked && picked.fallback ? `${picked.text} (${picked.lang === 'fi' ? l.onlyFi : picked.lang})` : picked?.text ?? e.title;
  const council = pickLang(e.councilNames, lang)?.text ?? e.councilName;
  const when = e.meetingStartsAt ? `, ${l.meeting} ${formatDateTime(e.meetingStartsAt, lang)}` : '';
  let summary: string;
  if (e.kind === 'agenda') summary = `${council}: ${l.agenda} ${title}${when}.`;
  else if (e.kind === 'minutes') summary = `${council}: ${l.minutes} ${title}${when}.${e.summary ? ` ${l.correction}: ${e.summary}` : ''}`;
  else summary = `${council}: ${(e.statementType ? l.type[e.statementType] : l.kind.statement).toLowerCase()} ”${title}”.${e.summary ? ` ${e.summary}` : ''}`;
  return { title: `${l.kind[e.kind]}: ${title} (${council})`, summary };
}

// Characters XML 1.0 cannot carry at all (C0 controls other than tab/newline/return, U+FFFE/F,
// lone surrogates); they are dropped rather than making the whole feed unparseable.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text for an XML element or attribute: escaped, and stripped of characters XML cannot hold. */
export function xmlText(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;');
}

/** A stable name-based UUID (version 5 layout over SHA-1) as an Atom id. */
export function urnUuid(name: string): string {
  const hash = createHash('sha1').update(`neuvos:${name}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function entryTitle(e: FeedEntry): string {
  return `${KIND_LABEL[e.kind]}: ${e.title} (${e.councilName})`;
}

function entrySummary(e: FeedEntry): string {
  if (e.kind === 'agenda') {
    return `${e.councilName}: kokouksen ${e.title} esityslista${e.meetingStartsAt ? `, kokous ${formatDateTime(e.meetingStartsAt, 'fi')}` : ''}.`;
  }
  if (e.kind === 'minutes') {
    const base = `${e.councilName}: kokouksen ${e.title} pöytäkirja${e.meetingStartsAt ? `, kokous ${formatDateTime(e.meetingStartsAt, 'fi')}` : ''}.`;
    return e.summary ? `${base} Korjaus: ${e.summary}` : base;
  }
  const type = e.statementType ? STATEMENT_TYPE[e.statementType] : KIND_LABEL.statement;
  return `${e.councilName}: ${type.toLowerCase()} ”${e.title}”.${e.summary ? ` ${e.summary}` : ''}`;
}

/** An Atom 1.0 document of published records. */
export function renderAtomXml(opts: { origin: string; selfPath: string; htmlPath: string; title: string; feedKey: string; entries: FeedEntry[]; lang?: Locale }): string {
  const lang = opts.lang ?? 'fi';
  const updated = opts.entries.reduce((max, e) => (e.updated > max ? e.updated : max), new Date(0));
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">`,
    `  <id>${urnUuid(`feed:${opts.feedKey}`)}</id>`,
    `  <title type="text">${xmlText(opts.title)}</title>`,
    `  <updated>${updated.toISOString()}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(`${opts.origin}${opts.selfPath}`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(`${opts.origin}${opts.htmlPath}`)}"/>`,
    '  <author><name>Neuvos</name></author>',
    '  <generator>Neuvos</generator>',
  ];
  for (const e of opts.entries) {
    const text = lang === 'fi' ? { title: entryTitle(e), summary: entrySummary(e) } : otherLangEntry(e, lang);
    lines.push(
      '  <entry>',
      `    <id>${urnUuid(`entry:${e.id}`)}</id>`,
      `    <title type="text">${xmlText(text.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(`${opts.origin}${e.path}`)}"/>`,
      `    <published>${e.published.toISOString()}</published>`,
      `    <updated>${e.updated.toISOString()}</updated>`,
      `    <author><name>${xmlText(e.councilName)}</name></author>`,
      `    <summary type="text">${xmlText(text.summary)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

/** The Atom document as a response. */
export function renderAtom(opts: Parameters<typeof renderAtomXml>[0]): Response {
  return new Response(renderAtomXml(opts), {
    headers: {
      'Content-Type': 'application/atom+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
      'Access-Control-Allow-Origin': '*',
    },
  });
}

/** A feed's language: `?lng=` (feed readers send no cookie), else the language cookie, else Finnish. */
export async function feedLanguage(request: Request): Promise<Locale> {
  const lng = await i18nServer.getLocale(request);
  return isLocale(lng) ? lng : 'fi';
}
