/**
 * Hostile text in every machine-readable output (issue 17 item 3, issue 15 item 6): Atom feeds
 * (site, council, region), the council .ics, the agenda PDF and the roster CSV export. Each is
 * parsed back with a real parser and the payload must come out as the same literal text.
 */
import { XMLParser } from 'fast-xml-parser';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderAtomXml, urnUuid } from '../../app/lib/atom.server';
import { parseCsv, unprotectCell } from '../../app/lib/csv';
import { publishAgenda } from '../../app/models/agendas.server';
import * as councilCalendar from '../../app/routes/councils.$slug.calendar[.ics]';
import * as councilFeed from '../../app/routes/councils.$slug.feed[.]xml';
import * as siteFeed from '../../app/routes/feed[.]xml';
import * as agendaPdf from '../../app/routes/meetings.$meetingId.agenda[.pdf]';
import * as rosterCsv from '../../app/routes/manage.councils.$slug.export[.csv]';
import * as regionFeed from '../../app/routes/regions.$slug.feed[.]xml';
import { getDb } from '../../db/client.server';
import { regions, statements } from '../../db/schema';
import { eq } from 'drizzle-orm';
import { buildMeeting, buildMembership, buildPerson } from '../factories';
import { parseIcs } from '../factories/calendar';
import { buildRecordsSetup, insertItems } from '../factories/records';
import { useTestDatabase } from '../setup/database';
import { call, makeRequest } from '../support/requests';

useTestDatabase();

/** Text that has broken feeds, calendars, PDFs and spreadsheets elsewhere. */
export const OUTPUT_PAYLOADS: string[] = [
  '<script>alert(1)</script>',
  '<b>lihava</b> & "lainattu" \'yksi\'',
  '&amp; &lt; &#x3C; & &nbsp;',
  ']]> <![CDATA[ x ]]>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'rivi1\nrivi2\r\nrivi3\ttabi',
  'ohjaus\u0001\u0007\u001b\u007f loppu',
  'nolla\u0000tavu',
  'ääkköset ÅÄÖ – “lainaus” 😀 \u202eRTL\u202c 𝔘',
  "'; DROP TABLE meetings; --",
  '=HYPERLINK("http://evil.example")',
  '+SUM(A1) -1 @cmd',
  '\\ , ; : kenoviiva pilkku',
];

// What XML 1.0 can carry: C0 controls (except tab/newline/return) are dropped by the feed.
const xmlForm = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
// What iCalendar TEXT can carry: controls dropped, line breaks become \n.
const icsForm = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/\r\n|\r/g, '\n');
// PostgreSQL text cannot hold NUL: the app strips it on input; the stored form of a payload.
const stored = (s: string) => s.replace(/\u0000/g, '');

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', trimValues: false, processEntities: true, htmlEntities: true, parseTagValue: false });

function feedOf(xml: string) {
  const doc = parser.parse(xml) as { feed: Record<string, unknown> & { entry?: unknown } };
  const text = (v: unknown) => (typeof v === 'object' && v !== null ? String((v as Record<string, unknown>)['#text'] ?? '') : String(v ?? ''));
  const entries = [doc.feed.entry].flat().filter(Boolean) as Array<Record<string, unknown>>;
  return {
    feed: doc.feed,
    lang: (doc.feed as Record<string, unknown>)['@xml:lang'],
    titleType: (doc.feed.title as Record<string, unknown>)['@type'],
    entries: entries.map((e) => ({
      id: text(e.id),
      title: text(e.title),
      titleType: (e.title as Record<string, unknown>)['@type'],
      summary: text(e.summary),
      summaryType: (e.summary as Record<string, unknown>)['@type'],
      published: text(e.published),
      updated: text(e.updated),
    })),
  };
}

let fx: { slug: string; regionSlug: string; meetingId: string; councilName: string; secretaryCookie: string };

beforeAll(async () => {
  const s = await buildRecordsSetup({ council: { slug: 'payload-council', nameFi: 'Vammaisneuvosto <i>&</i>' }, meeting: { title: 'Agenda-kokous', startsAt: new Date('2026-06-02T10:00:00Z') } });
  await insertItems(s.meeting, OUTPUT_PAYLOADS.map((p) => ({ title: stored(p), body: stored(p) })));
  await publishAgenda(s.who, s.meeting.id, new Date('2026-05-20T10:00:00Z'));
  let day = 1;
  for (const p of OUTPUT_PAYLOADS) {
    await buildMeeting(s.council.id, { title: stored(p), startsAt: new Date(`2026-07-${String(day).padStart(2, '0')}T10:00:00Z`), agendaPublishedAt: new Date(`2026-05-${String(day).padStart(2, '0')}T10:00:00Z`) });
    await getDb().insert(statements).values({ councilId: s.council.id, type: 'statement', recipient: 'Aluehallitus', title: stored(p), status: 'sent', issuedOn: '2026-04-01', publishedAt: new Date(`2026-04-${String(day).padStart(2, '0')}T10:00:00Z`) });
    const person = await buildPerson({ givenName: stored(p), familyName: 'Testi' });
    await buildMembership(s.term.id, person.id, { categoryId: s.category.id, startDate: '2021-01-01' });
    day++;
  }
  const [region] = await getDb().select({ slug: regions.slug }).from(regions).where(eq(regions.id, s.council.regionId));
  fx = { slug: s.council.slug, regionSlug: region!.slug, meetingId: s.meeting.id, councilName: s.council.nameFi, secretaryCookie: s.secretary.cookie };
});

describe('Atom feeds', () => {
  const routes = [
    ['/feed.xml', () => call(siteFeed.loader as never, makeRequest('/feed.xml'))],
    ['council feed', () => call(councilFeed.loader as never, makeRequest(`/councils/${fx.slug}/feed.xml`), { slug: fx.slug })],
    ['region feed', () => call(regionFeed.loader as never, makeRequest(`/regions/${fx.regionSlug}/feed.xml`), { slug: fx.regionSlug })],
  ] as const;

  for (const [name, fetchFeed] of routes) {
    it(`${name}: xml:lang, titles and summaries as escaped text, every payload back literally`, async () => {
      const res = await fetchFeed();
      expect(res.status).toBe(200);
      const xml = await res.text();
      expect(xml).not.toContain('CDATA[<');
      expect(xml).not.toContain('type="html"');
      const { lang, titleType, entries } = feedOf(xml);
      expect(lang).toBe('fi');
      expect(titleType).toBe('text');
      for (const e of entries) {
        expect(e.titleType).toBe('text');
        expect(e.summaryType).toBe('text');
        expect(e.summary.length).toBeGreaterThan(0);
        expect(e.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(new Date(e.published).toISOString()).toBe(e.published.replace(/Z$/, '.000Z').replace('.000.000Z', '.000Z'));
        expect(Number.isNaN(new Date(e.updated).getTime())).toBe(false);
      }
      const titles = entries.map((e) => e.title);
      for (const p of OUTPUT_PAYLOADS) {
        expect(titles, JSON.stringify(p)).toContain(`Esityslista: ${xmlForm(stored(p))} (${fx.councilName})`);
        expect(titles, JSON.stringify(p)).toContain(`Lausunto tai aloite: ${xmlForm(stored(p))} (${fx.councilName})`);
      }
    });
  }

  it('entry and feed ids do not depend on the origin the feed is served under', async () => {
    const entry = { kind: 'agenda' as const, id: 'agenda-1', title: 'T', path: '/meetings/1', published: new Date(0), updated: new Date(0), councilSlug: 'c', councilName: 'C', summary: null, meetingStartsAt: null, statementType: null };
    const a = feedOf(renderAtomXml({ origin: 'http://localhost:3000', selfPath: '/feed.xml', htmlPath: '/', title: 'N', feedKey: 'site', entries: [entry] }));
    const b = feedOf(renderAtomXml({ origin: 'https://neuvos.example.fi', selfPath: '/feed.xml', htmlPath: '/', title: 'N', feedKey: 'site', entries: [entry] }));
    expect(a.entries[0]!.id).toBe(b.entries[0]!.id);
    expect(a.feed.id).toBe(b.feed.id);
    expect(urnUuid('entry:agenda-1')).toBe(a.entries[0]!.id);
  });

  it('the renderer itself keeps NUL and control characters out of the XML', () => {
    const entries = OUTPUT_PAYLOADS.map((p, i) => ({ kind: 'statement' as const, id: `s${i}`, title: p, path: '/x', published: new Date(0), updated: new Date(0), councilSlug: 'c', councilName: p, summary: p, meetingStartsAt: null, statementType: 'initiative' as const }));
    const xml = renderAtomXml({ origin: 'http://localhost:3000', selfPath: '/feed.xml', htmlPath: '/', title: OUTPUT_PAYLOADS.join(' '), feedKey: 'x', entries });
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    const parsed = feedOf(xml);
    expect(parsed.entries.map((e) => e.title)).toEqual(OUTPUT_PAYLOADS.map((p) => `Lausunto tai aloite: ${xmlForm(p)} (${xmlForm(p)})`));
  });
});

describe('calendar, PDF and CSV', () => {
  it('.ics: every meeting title comes back literally through ical.js', async () => {
    const res = await call(councilCalendar.loader as never, makeRequest(`/councils/${fx.slug}/calendar.ics`), { slug: fx.slug });
    expect(res.status).toBe(200);
    const { events } = parseIcs(await res.text());
    const summaries = events.map((e) => e.event.summary);
    for (const p of OUTPUT_PAYLOADS) expect(summaries.some((s) => s.includes(icsForm(stored(p)))), JSON.stringify(p)).toBe(true);
  });

  it('agenda PDF: every item title appears literally in the extracted text', async () => {
    const res = await call(agendaPdf.loader as never, makeRequest(`/meetings/${fx.meetingId}/agenda.pdf`), { meetingId: fx.meetingId });
    expect(res.status).toBe(200);
    const pdf = await getDocumentProxy(new Uint8Array(await res.arrayBuffer()));
    const { text } = await extractText(pdf, { mergePages: true });
    const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
    const all = flat(text);
    // A PDF carries no control or bidi-format characters and lays line breaks and tabs out as
    // space; the built-in Helvetica draws only WinAnsi, so the emoji payload is checked for its
    // WinAnsi part. Everything else is literal.
    const drawable = (s: string) => flat(stored(s).replace(/[\p{Cc}\p{Cf}]/gu, (c) => (/\s/.test(c) ? ' ' : '')));
    for (const p of OUTPUT_PAYLOADS) {
      const expected = drawable(p.includes('😀') ? 'ääkköset ÅÄÖ – “lainaus”' : p);
      expect(all, JSON.stringify(p)).toContain(expected);
    }
    expect(all).not.toMatch(/ohjaus\?|\?RTL/);
  });

  it('roster CSV: every name parses back literally (formula protection undone)', async () => {
    const res = await call(rosterCsv.loader as never, makeRequest(`/manage/councils/${fx.slug}/export.csv`, { cookie: fx.secretaryCookie }), { slug: fx.slug });
    expect(res.status).toBe(200);
    const parsed = parseCsv(await res.text());
    expect(parsed.errors).toEqual([]);
    const cells = parsed.rows.flatMap((r) => Object.values(r.values).map(unprotectCell));
    for (const p of OUTPUT_PAYLOADS) expect(cells.some((c) => c === stored(p) || c === `${stored(p)} Testi` || c === `Testi ${stored(p)}`), JSON.stringify(p)).toBe(true);
  });
});
