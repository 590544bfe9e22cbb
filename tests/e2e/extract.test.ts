import { and, asc, eq, isNotNull, notExists, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaItems, councils, decisions, meetings, minutes, minutesVersions } from '../../db/schema';
import { startHarness, Tab, writeStats, type Harness } from './harness';

// The extract from the minutes (pöytäkirjanote, issue 14.3) of a published § in the demo data,
// in Finnish and Swedish, checked like every journey page (axe, console, raw keys, phone width).

let h: Harness;
let published: { meetingId: string; itemId: string; title: string };
let unpublished: { meetingId: string; itemId: string };

beforeAll(async () => {
  h = await startHarness();
  const db = h.database.db;
  const [row] = await db
    .select({ meetingId: meetings.id, itemId: agendaItems.id, title: agendaItems.title })
    .from(decisions)
    .innerJoin(minutesVersions, eq(minutesVersions.id, decisions.versionId))
    .innerJoin(agendaItems, eq(agendaItems.id, decisions.agendaItemId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .where(
      and(
        eq(minutesVersions.status, 'published'),
        eq(agendaItems.publicity, 'public'),
        eq(meetings.publicity, 'public'),
        eq(councils.publicityDefault, 'public'),
        isNotNull(decisions.decision),
      ),
    )
    .orderBy(asc(meetings.startsAt), asc(agendaItems.position))
    .limit(1);
  published = row!;
  const [draft] = await db
    .select({ meetingId: meetings.id, itemId: agendaItems.id })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .where(
      and(
        eq(agendaItems.publicity, 'public'),
        eq(meetings.publicity, 'public'),
        eq(councils.publicityDefault, 'public'),
        isNotNull(meetings.agendaPublishedAt),
        notExists(
          db
            .select({ one: sql`1` })
            .from(minutesVersions)
            .innerJoin(minutes, eq(minutes.id, minutesVersions.minutesId))
            .where(and(eq(minutes.meetingId, meetings.id), eq(minutesVersions.status, 'published'))),
        ),
      ),
    )
    .limit(1);
  unpublished = draft!;
});

afterAll(async () => {
  writeStats(__filename);
  await h?.close();
});

describe('extract from the minutes in the browser', () => {
  it('shows a published § as a certified extract in fi and sv, with its PDF', async () => {
    expect(published, 'the demo data has a published public decision').toBeTruthy();
    const url = `/meetings/${published.meetingId}/items/${published.itemId}/extract`;
    const tab = await Tab.open(h, { js: true, alsoPhone: true });
    await tab.visit(`${url}?lng=fi`);
    const fi = await tab.text();
    expect(fi).toContain('Pöytäkirjanote');
    expect(fi).toContain(published.title);
    expect(fi).toContain('Päätös');
    expect(fi).toContain('Otteen oikeaksi todistaa');
    expect(await tab.page.getAttribute('html', 'lang')).toBe('fi');

    await tab.visit(`${url}?lng=sv`);
    const sv = await tab.text();
    expect(sv).toContain('Protokollsutdrag');
    expect(sv).toContain('Utdragets riktighet intygar');
    expect(await tab.page.getAttribute('html', 'lang')).toBe('sv');

    const pdf = await tab.page.request.get(`${h.baseUrl}${url}.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await tab.close();
  });

  it('refuses the extract of an unpublished § with a clear page', async () => {
    expect(unpublished, 'the demo data has a published agenda without published minutes').toBeTruthy();
    const tab = await Tab.open(h);
    await tab.visit(`/meetings/${unpublished.meetingId}/items/${unpublished.itemId}/extract?lng=fi`, 404);
    expect(await tab.text()).toContain('pöytäkirjaa ei ole julkaistu');
    await tab.close();
  });
});
