import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { createFeedToken } from '../../app/models/feeds.server';
import * as apiRoute from '../../app/routes/api.v1.councils.$slug.meetings';
import * as personalRoute from '../../app/routes/calendar.$token[.ics]';
import * as feedRoute from '../../app/routes/councils.$slug.calendar[.ics]';
import * as membersRoute from '../../app/routes/meetings.$meetingId.members';
import * as publicRoute from '../../app/routes/meetings.$meetingId._index';
import { insertItems, renderRoute } from '../factories/records';
import { buildCalendarCouncil, buildMeetingAt, parseIcs } from '../factories/calendar';
import { useTestDatabase } from '../setup/database';
import { call, makeRequest } from '../support/requests';

useTestDatabase();

const YEAR = new Date().getFullYear() + 1;
const ORIGIN = 'http://localhost:3000';

/** A council whose meetings are scheduled but mostly unpublished (the 31 of 39 of the issue). */
async function scheduledCouncil() {
  const ctx = await buildCalendarCouncil();
  const id = ctx.council.id;
  const planned = await buildMeetingAt(id, `${YEAR}-02-11`, '13:00', {
    title: 'Helmikuun kokous',
    room: 'Sali 2',
    onlineUrl: 'https://meet.example.org/salainen',
    meetingType: 'hybrid',
  });
  await insertItems(planned, [{ title: 'LUONNOSASIA', body: 'LUONNOSTEKSTI' }]);
  const invited = await buildMeetingAt(id, `${YEAR}-03-11`, '13:00', { title: 'Maaliskuun kokous', status: 'invited' });
  const cancelled = await buildMeetingAt(id, `${YEAR}-04-08`, '13:00', {
    title: 'Huhtikuun kokous',
    status: 'cancelled',
    cancelReason: 'Ei asioita',
  });
  const published = await buildMeetingAt(id, `${YEAR}-05-13`, '13:00', {
    title: 'Toukokuun kokous',
    agendaPublishedAt: new Date(),
  });
  await insertItems(published, [{ title: 'Julkinen asia', sectionYear: YEAR, sectionNumber: 1 }]);
  const closed = await buildMeetingAt(id, `${YEAR}-06-10`, '13:00', { title: 'Suljettu kokous', publicity: 'closed' });
  return { ...ctx, planned, invited, cancelled, published, closed };
}

async function pageStatus(url: string) {
  const path = url.slice(ORIGIN.length);
  const match = /^\/meetings\/([^/]+)$/.exec(path);
  expect(match, `${url} is a public meeting page`).not.toBeNull();
  return (await call(publicRoute.loader, makeRequest(path), { meetingId: match![1]! })).status;
}

describe('a public page for every public meeting from scheduling (issue 14.2)', () => {
  it('answers 200 for every url of the council API and every URL of the council .ics', async () => {
    const { council, planned, invited, cancelled, published } = await scheduledCouncil();
    const api = await call(
      apiRoute.loader,
      makeRequest(`/api/v1/councils/${council.slug}/meetings?from=${YEAR}-01-01&to=${YEAR}-12-31`),
      { slug: council.slug },
    );
    const body = (await api.json()) as { meetings: Array<{ id: string; url: string }> };
    expect(body.meetings.map((m) => m.id).sort()).toEqual([planned.id, invited.id, cancelled.id, published.id].sort());
    for (const m of body.meetings) expect(await pageStatus(m.url), m.url).toBe(200);

    const ics = await call(feedRoute.loader, makeRequest(`/councils/${council.slug}/calendar.ics`), {
      slug: council.slug,
    });
    const { events } = parseIcs(await ics.text());
    expect(events.length).toBe(4);
    for (const e of events) {
      const url = String(e.component.getFirstPropertyValue('url'));
      expect(await pageStatus(url), url).toBe(200);
    }
  });

  it('shows time, place, status and number before the agenda is published, never items, drafts or the online link', async () => {
    const { planned, cancelled } = await scheduledCouncil();
    const page = await renderRoute(publicRoute, '/meetings/:meetingId', makeRequest(`/meetings/${planned.id}`));
    expect(page.status).toBe(200);
    expect(page.html).toContain('Helmikuun kokous');
    expect(page.html).toContain('Testikatu 1, Sali 2');
    expect(page.html).toContain('Esityslistaa ei ole vielä julkaistu.');
    expect(page.html).toContain('Suunniteltu');
    expect(page.html).toMatch(/Kokous \d+\/\d{4}/);
    expect(page.html).not.toContain('LUONNOS');
    expect(page.html).not.toContain('meet.example.org');
    const data = await (
      await call(publicRoute.loader, makeRequest(`/meetings/${planned.id}`), { meetingId: planned.id })
    ).text();
    expect(data).not.toContain('LUONNOS');
    expect(data).not.toContain('meet.example.org');

    const sv = await renderRoute(publicRoute, '/meetings/:meetingId', makeRequest(`/meetings/${cancelled.id}`), 'sv');
    expect(sv.status).toBe(200);
    expect(sv.html).toContain('Inställt');
    expect(sv.html).toContain('Föredragningslistan har ännu inte publicerats.');
  });

  it('keeps closed meetings 404 for the public', async () => {
    const { closed } = await scheduledCouncil();
    expect(
      (await call(publicRoute.loader, makeRequest(`/meetings/${closed.id}`), { meetingId: closed.id })).status,
    ).toBe(404);
  });

  it('links personal-feed events to the meeting: the public page, or the members view for a closed meeting', async () => {
    const { memberUser, planned, closed } = await scheduledCouncil();
    const token = await createFeedToken(memberUser.user.id, { userId: memberUser.user.id, label: 'test', ip: null });
    const res = await call(personalRoute.loader, makeRequest(`/calendar/${token}.ics`), { token });
    const { events } = parseIcs(await res.text());
    const urls = new Map(events.map((e) => [e.event.uid, String(e.component.getFirstPropertyValue('url'))]));
    expect(urls.get(planned.icsUid)).toBe(`${ORIGIN}/meetings/${planned.id}`);
    expect(urls.get(closed.icsUid)).toBe(`${ORIGIN}/meetings/${closed.id}/members`);
    for (const url of urls.values()) expect(url).not.toContain('/my/meetings');
    // The member can open the closed meeting's page before its agenda is published: facts only.
    const members = await renderRoute(
      membersRoute,
      '/meetings/:meetingId/members',
      makeRequest(`/meetings/${closed.id}/members`, { cookie: memberUser.cookie }),
    );
    expect(members.status).toBe(200);
    expect(members.html).toContain('Esityslistaa ei ole vielä julkaistu.');
  });
});

describe('the anonymous response cache (docs/decisions/008-anonymous-response-cache.md)', () => {
  it('is emptied by changes to the tables the new public pages read (matters, extracts, declarations)', async () => {
    const result = (await getDb().execute(sql`
      SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'neuvos_cache_notify')`)) as unknown as
      { rows: Array<{ name: string }> } | Array<{ name: string }>;
    const names = new Set((Array.isArray(result) ? result : result.rows).map((r) => r.name));
    for (const t of [
      'meetings',
      'matters',
      'matter_items',
      'matter_statements',
      'extract_recipients',
      'extract_sendings',
      'conflict_declarations',
    ]) {
      expect(names.has(t), t).toBe(true);
    }
  });
});
