import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { auditLog, calendarFeedTokens } from '../../db/schema';
import { helsinkiWallClock } from '../../app/lib/dates';
import * as apiRoute from '../../app/routes/api.v1.councils.$slug.meetings';
import * as personalRoute from '../../app/routes/calendar.$token[.ics]';
import * as feedRoute from '../../app/routes/councils.$slug.calendar[.ics]';
import * as myCalendarRoute from '../../app/routes/my.calendar';
import { buildCouncil } from '../factories';
import { buildCalendarCouncil, buildMeetingAt, parseIcs } from '../factories/calendar';
import { useTestDatabase } from '../setup/database';
import { buildUser, call, makeRequest } from '../support/requests';

useTestDatabase();

const YEAR = new Date().getFullYear() + 1;
const SECRET_LINK = 'https://meet.example.org/secret-room-123';

async function councilWithMeetings() {
  const ctx = await buildCalendarCouncil();
  const id = ctx.council.id;
  const winter = await buildMeetingAt(id, `${YEAR}-01-14`, '13:00', { title: 'Talvikokous', room: 'Sali 1' });
  const summer = await buildMeetingAt(id, `${YEAR}-06-10`, '13:00', { title: 'Kesäkokous', meetingType: 'hybrid', onlineUrl: SECRET_LINK, status: 'invited' });
  const closed = await buildMeetingAt(id, `${YEAR}-03-10`, '13:00', { title: 'Suljettu työkokous', publicity: 'closed' });
  const cancelled = await buildMeetingAt(id, `${YEAR}-09-09`, '13:00', { title: 'Peruttu kokous', status: 'cancelled', icsSequence: 2 });
  return { ...ctx, winter, summer, closed, cancelled };
}

describe('the public .ics feed of a council', () => {
  it('lists public meetings only, with VTIMEZONE, URL back, STATUS:CANCELLED, and never an online link', async () => {
    const { council, winter, summer, cancelled } = await councilWithMeetings();
    const res = await call(feedRoute.loader, makeRequest(`/councils/${council.slug}/calendar.ics`), { slug: council.slug });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await res.text();
    expect(text).not.toContain('meet.example.org');
    expect(text).not.toContain('Suljettu');
    expect(text).not.toContain('ATTENDEE');
    expect(text).not.toMatch(/@example\.org/);
    const { calendar, events } = parseIcs(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe('Europe/Helsinki');
    expect(events.map((e) => e.event.uid).sort()).toEqual([winter.icsUid, summer.icsUid, cancelled.icsUid].sort());
    const byUid = new Map(events.map((e) => [e.event.uid, e]));
    const w = byUid.get(winter.icsUid)!;
    expect(w.event.summary).toBe('Talvikokous');
    expect(w.event.location).toBe('Testikatu 1, Sali 1');
    expect(w.component.getFirstPropertyValue('url')).toBe(`http://localhost:3000/meetings/${winter.id}`);
    expect(w.component.getFirstPropertyValue('status')).toBe('TENTATIVE');
    expect(w.event.startDate.toJSDate().getTime()).toBe(helsinkiWallClock(`${YEAR}-01-14`, '13:00').getTime());
    const s = byUid.get(summer.icsUid)!;
    expect(s.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(s.event.startDate.hour).toBe(13);
    expect(s.event.startDate.toJSDate().getTime()).toBe(helsinkiWallClock(`${YEAR}-06-10`, '13:00').getTime());
    const c = byUid.get(cancelled.icsUid)!;
    expect(c.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(c.event.sequence).toBe(2);
  });

  it('is empty for a members-only council and 404 for an unknown one', async () => {
    const { council } = await councilWithMeetings();
    const hidden = await buildCouncil({ publicityDefault: 'members_only' });
    await buildMeetingAt(hidden.id, `${YEAR}-02-02`);
    const res = await call(feedRoute.loader, makeRequest(`/councils/${hidden.slug}/calendar.ics`), { slug: hidden.slug });
    expect(res.status).toBe(200);
    expect(parseIcs(await res.text()).events).toHaveLength(0);
    expect((await call(feedRoute.loader, makeRequest('/councils/ei-ole/calendar.ics'), { slug: 'ei-ole' })).status).toBe(404);
    expect(council.slug).toBeTruthy();
  });
});

describe('GET /api/v1/councils/{slug}/meetings', () => {
  const get = (slug: string, query: string) => call(apiRoute.loader, makeRequest(`/api/v1/councils/${slug}/meetings${query}`), { slug });

  it('returns public meetings with ISO times carrying the Helsinki offset', async () => {
    const { council, winter, summer, cancelled } = await councilWithMeetings();
    const res = await get(council.slug, `?from=${YEAR}-01-01&to=${YEAR}-12-31`);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const raw = await res.text();
    expect(raw).not.toContain('meet.example.org');
    expect(raw).not.toContain('onlineUrl');
    expect(raw).not.toContain('Suljettu');
    const body = JSON.parse(raw) as { meetings: Array<Record<string, unknown>> };
    expect(body.meetings.map((m) => m.id)).toEqual([winter.id, summer.id, cancelled.id]);
    expect(body.meetings[0]).toEqual({
      id: winter.id,
      name: 'Talvikokous',
      names: { fi: 'Talvikokous', sv: null, en: null },
      number: `1/${YEAR}`,
      startTime: `${YEAR}-01-14T13:00:00+02:00`,
      endTime: `${YEAR}-01-14T15:00:00+02:00`,
      timezone: 'Europe/Helsinki',
      status: 'tentative',
      meetingStatus: 'planned',
      location: { name: 'Testikatu 1, Sali 1', note: 'in_person' },
      agendaPublished: false,
      minutesPublished: false,
      url: `http://localhost:3000/meetings/${winter.id}`,
    });
    expect(body.meetings[1]).toMatchObject({ startTime: `${YEAR}-06-10T13:00:00+03:00`, status: 'confirmed', location: { note: 'hybrid' } });
    expect(body.meetings[2]).toMatchObject({ status: 'cancelled' });
    // The range is inclusive of "to" and filters by the Helsinki day.
    const one = (await (await get(council.slug, `?from=${YEAR}-06-10&to=${YEAR}-06-10`)).json()) as { meetings: Array<{ id: string }> };
    expect(one.meetings.map((m) => m.id)).toEqual([summer.id]);
  });

  it('answers bad parameters with a 400 JSON error and an unknown council with 404', async () => {
    const { council } = await councilWithMeetings();
    for (const query of ['?from=2025-13-01&to=2025-12-31', '?from=yesterday', `?from=${YEAR}-01-01&to=${YEAR}-02-30`, `?from=${YEAR}-05-01&to=${YEAR}-04-01`, `?from=${YEAR}-01-01&to=${YEAR + 3}-01-01`]) {
      const res = await get(council.slug, query);
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { error: { status: number; message: string } };
      expect(body.error.status).toBe(400);
      expect(body.error.message.length).toBeGreaterThan(5);
    }
    expect((await get('ei-ole', '')).status).toBe(404);
  });
});

describe('the personal feed at a secret URL', () => {
  it('is created once, includes closed meetings, and stops working when regenerated or revoked', async () => {
    const { memberUser, closed, summer } = await councilWithMeetings();
    const stranger = await buildUser();
    const create = async () => {
      const res = await call(myCalendarRoute.action, makeRequest('/my/calendar', { cookie: memberUser.cookie, form: { intent: 'create' } }));
      const url = ((await res.json()) as { url: string }).url;
      return /\/calendar\/([A-Za-z0-9_-]+)\.ics$/.exec(url)![1]!;
    };
    const feed = (token: string) => call(personalRoute.loader, makeRequest(`/calendar/${token}.ics`), { token });

    const first = await create();
    const res = await feed(first);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    const { events } = parseIcs(await res.text());
    const uids = events.map((e) => e.event.uid);
    expect(uids).toContain(closed.icsUid);
    expect(uids).toContain(summer.icsUid);
    // The URL is never shown again; the page only says since when it exists.
    const page = (await (await call(myCalendarRoute.loader, makeRequest('/my/calendar', { cookie: memberUser.cookie }))).json()) as Record<string, unknown>;
    expect(JSON.stringify(page)).not.toContain(first);
    expect(page.since).toBeTruthy();

    const second = await create();
    expect((await feed(first)).status).toBe(404);
    expect((await feed(second)).status).toBe(200);

    await call(myCalendarRoute.action, makeRequest('/my/calendar', { cookie: memberUser.cookie, form: { intent: 'revoke' } }));
    expect((await feed(second)).status).toBe(404);
    expect((await feed('nonsense')).status).toBe(404);
    const tokens = await getDb().select().from(calendarFeedTokens).where(eq(calendarFeedTokens.userId, memberUser.user.id));
    expect(tokens.every((t) => t.revokedAt !== null && t.tokenHash !== first && t.tokenHash !== second)).toBe(true);
    const audit = (await getDb().select().from(auditLog).where(eq(auditLog.actorUserId, memberUser.user.id))).map((a) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['calendar.feed_create', 'calendar.feed_regenerate', 'calendar.feed_revoke']));

    // Someone with no council role gets an empty feed, not someone else's meetings.
    const strangerRes = await call(myCalendarRoute.action, makeRequest('/my/calendar', { cookie: stranger.cookie, form: { intent: 'create' } }));
    const strangerToken = /\/calendar\/([A-Za-z0-9_-]+)\.ics$/.exec(((await strangerRes.json()) as { url: string }).url)![1]!;
    expect(parseIcs(await (await feed(strangerToken)).text()).events).toHaveLength(0);
    expect((await call(myCalendarRoute.loader, makeRequest('/my/calendar'))).status).toBe(302);
  });
});
