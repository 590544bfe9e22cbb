import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { auditLog, meetings, meetingSeries } from '../../db/schema';
import { toIsoWithOffset } from '../../app/lib/dates';
import { helsinkiDate, helsinkiTime, MAX_OCCURRENCES } from '../../app/lib/recurrence';
import * as listRoute from '../../app/routes/manage.councils.$slug.meetings._index';
import * as seriesRoute from '../../app/routes/manage.councils.$slug.series.$seriesId';
import * as meetingRoute from '../../app/routes/manage.meetings.$meetingId';
import { buildCouncil } from '../factories';
import { buildCalendarCouncil, reloadMeeting } from '../factories/calendar';
import { useTestDatabase } from '../setup/database';
import { buildUser, call, makeRequest } from '../support/requests';

useTestDatabase();

const YEAR = new Date().getFullYear() + 2;

const seriesForm = (over: Record<string, string> = {}) => ({
  intent: 'createSeries',
  title: 'Neuvottelukunnan kokous',
  preset: 'monthly_same_day',
  firstDate: `${YEAR}-01-28`,
  startTime: '13:00',
  durationMinutes: '120',
  until: `${YEAR}-12-31`,
  meetingType: 'in_person',
  address: 'Aleksanterinkatu 1',
  room: 'Sali 2',
  publicity: 'public',
  ...over,
});

async function seriesMeetings(seriesId: string) {
  return getDb().select().from(meetings).where(eq(meetings.seriesId, seriesId)).orderBy(asc(meetings.startsAt));
}

async function createSeriesFor(slug: string, cookie: string, over: Record<string, string> = {}) {
  const res = await call(listRoute.action, makeRequest(`/manage/councils/${slug}/meetings`, { cookie, form: seriesForm(over) }), { slug });
  expect(res.status).toBe(302);
  const [series] = await getDb().select().from(meetingSeries).orderBy(asc(meetingSeries.createdAt));
  const all = await getDb().select().from(meetingSeries);
  return all.at(-1) ?? series!;
}

describe('creating a series', () => {
  it('materialises every occurrence at 13:00 Helsinki time across the March and October DST changes', async () => {
    const { council, secretary } = await buildCalendarCouncil();
    const series = await createSeriesFor(council.slug, secretary.cookie);
    const rows = await seriesMeetings(series.id);
    expect(rows).toHaveLength(12);
    expect(rows.every((m) => helsinkiTime(m.startsAt) === '13:00' && helsinkiTime(m.endsAt) === '15:00')).toBe(true);
    const byMonth = new Map(rows.map((m) => [helsinkiDate(m.startsAt).slice(5, 7), m]));
    for (const m of rows) {
      const iso = toIsoWithOffset(m.startsAt);
      const date = helsinkiDate(m.startsAt);
      expect(iso.startsWith(`${date}T13:00:00`)).toBe(true);
    }
    expect(toIsoWithOffset(byMonth.get('01')!.startsAt)).toBe(`${YEAR}-01-28T13:00:00+02:00`);
    expect(toIsoWithOffset(byMonth.get('04')!.startsAt)).toBe(`${YEAR}-04-28T13:00:00+03:00`);
    expect(toIsoWithOffset(byMonth.get('09')!.startsAt)).toBe(`${YEAR}-09-28T13:00:00+03:00`);
    expect(toIsoWithOffset(byMonth.get('11')!.startsAt)).toBe(`${YEAR}-11-28T13:00:00+02:00`);
    // UTC hours differ by one across the changes: the local time is what is kept.
    expect(byMonth.get('01')!.startsAt.getUTCHours()).toBe(11);
    expect(byMonth.get('04')!.startsAt.getUTCHours()).toBe(10);
    expect(new Set(rows.map((m) => m.icsUid)).size).toBe(12);
    expect(rows.every((m) => m.status === 'planned' && m.originalStart?.getTime() === m.startsAt.getTime())).toBe(true);
    const [audit] = await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'calendar.series_create'), eq(auditLog.entityId, series.id)));
    expect(audit?.councilId).toBe(council.id);
  });

  it('keeps the time through both DST weekends for a weekly series', async () => {
    const { council, secretary } = await buildCalendarCouncil();
    // Weekly around the last Sundays of March and October.
    const march = await createSeriesFor(council.slug, secretary.cookie, { preset: 'weekly', firstDate: `${YEAR}-03-18`, until: `${YEAR}-04-10`, title: 'Maaliskuu' });
    const rowsM = await seriesMeetings(march.id);
    expect(rowsM.map((m) => helsinkiTime(m.startsAt))).toEqual(rowsM.map(() => '13:00'));
    expect(new Set(rowsM.map((m) => toIsoWithOffset(m.startsAt).slice(-6)))).toEqual(new Set(['+02:00', '+03:00']));
    const october = await createSeriesFor(council.slug, secretary.cookie, { preset: 'weekly', firstDate: `${YEAR}-10-15`, until: `${YEAR}-11-08`, title: 'Lokakuu' });
    const rowsO = await seriesMeetings(october.id);
    expect(rowsO.map((m) => helsinkiTime(m.startsAt))).toEqual(rowsO.map(() => '13:00'));
    expect(new Set(rowsO.map((m) => toIsoWithOffset(m.startsAt).slice(-6)))).toEqual(new Set(['+02:00', '+03:00']));
  });

  it('previews the dates without saving anything', async () => {
    const { council, secretary } = await buildCalendarCouncil();
    const before = (await getDb().select().from(meetingSeries)).length;
    const res = await call(
      listRoute.action,
      makeRequest(`/manage/councils/${council.slug}/meetings`, { cookie: secretary.cookie, form: seriesForm({ intent: 'previewSeries', preset: 'quarterly' }) }),
      { slug: council.slug },
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { preview: Array<{ start: string }> };
    expect(body.preview.map((d) => helsinkiDate(new Date(d.start)))).toEqual([`${YEAR}-01-28`, `${YEAR}-04-28`, `${YEAR}-07-28`, `${YEAR}-10-28`]);
    expect((await getDb().select().from(meetingSeries)).length).toBe(before);
  });

  it('refuses a rule that produces nothing, or too many, with a clear field message', async () => {
    const { council, secretary } = await buildCalendarCouncil();
    const before = (await getDb().select().from(meetings).where(eq(meetings.councilId, council.id))).length;
    const empty = await call(
      listRoute.action,
      makeRequest(`/manage/councils/${council.slug}/meetings`, { cookie: secretary.cookie, form: seriesForm({ preset: 'custom', customRule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30' }) }),
      { slug: council.slug },
    );
    expect(empty.status).toBe(400);
    const emptyBody = (await empty.json()) as { result: { error: Record<string, string[]> } };
    expect(emptyBody.result.error.customRule?.[0]).toMatch(/ei tuota yhtään kokousta/);

    const many = await call(
      listRoute.action,
      makeRequest(`/manage/councils/${council.slug}/meetings`, { cookie: secretary.cookie, form: seriesForm({ preset: 'custom', customRule: 'FREQ=DAILY' }) }),
      { slug: council.slug },
    );
    expect(many.status).toBe(400);
    const manyBody = (await many.json()) as { result: { error: Record<string, string[]> } };
    expect(manyBody.result.error.customRule?.[0]).toContain(`yli ${MAX_OCCURRENCES} kokousta`);

    expect((await getDb().select().from(meetings).where(eq(meetings.councilId, council.id))).length).toBe(before);
  });

  it('returns every field error at once', async () => {
    const { council, secretary } = await buildCalendarCouncil();
    const res = await call(
      listRoute.action,
      makeRequest(`/manage/councils/${council.slug}/meetings`, {
        cookie: secretary.cookie,
        form: seriesForm({ title: '', until: `${YEAR - 3}-01-01`, meetingType: 'online', address: '', preset: 'custom', customRule: '' }),
      }),
      { slug: council.slug },
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { result: { error: Record<string, string[]> } };
    expect(Object.keys(body.result.error).sort()).toEqual(['customRule', 'onlineUrl', 'title', 'until']);
  });
});

describe('single meetings', () => {
  it('refuses an end before the start and a meeting in the past', async () => {
    const { council, secretary } = await buildCalendarCouncil();
    const form = { intent: 'createMeeting', title: 'Ylimääräinen', date: `${YEAR}-05-05`, startTime: '15:00', endTime: '13:00', meetingType: 'in_person', address: 'Katu 1', publicity: 'public' };
    const bad = await call(listRoute.action, makeRequest(`/manage/councils/${council.slug}/meetings`, { cookie: secretary.cookie, form }), { slug: council.slug });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { result: { error: Record<string, string[]> } }).result.error.endTime?.[0]).toBe('Päättymisajan on oltava alkamisajan jälkeen.');
    const past = await call(
      listRoute.action,
      makeRequest(`/manage/councils/${council.slug}/meetings`, { cookie: secretary.cookie, form: { ...form, date: '2020-05-05', endTime: '16:00' } }),
      { slug: council.slug },
    );
    expect(past.status).toBe(400);
    expect(((await past.json()) as { result: { error: Record<string, string[]> } }).result.error.date?.[0]).toMatch(/menneisyyteen/);
    expect(await getDb().select().from(meetings).where(eq(meetings.councilId, council.id))).toHaveLength(0);
    const good = await call(
      listRoute.action,
      makeRequest(`/manage/councils/${council.slug}/meetings`, { cookie: secretary.cookie, form: { ...form, endTime: '17:00' } }),
      { slug: council.slug },
    );
    expect(good.status).toBe(302);
    const [created] = await getDb().select().from(meetings).where(eq(meetings.councilId, council.id));
    expect(toIsoWithOffset(created!.startsAt)).toBe(`${YEAR}-05-05T15:00:00+03:00`);
    expect(created!.seriesId).toBeNull();
  });

  it('lets only the secretary in: anonymous to sign-in, member 403, another council 404', async () => {
    const { council, memberUser } = await buildCalendarCouncil();
    const other = await buildCouncil();
    const otherSecretary = await buildUser({ grants: [{ role: 'secretary', councilId: other.id }] });
    const path = `/manage/councils/${council.slug}/meetings`;
    const anon = await call(listRoute.loader, makeRequest(path), { slug: council.slug });
    expect(anon.status).toBe(302);
    expect(anon.headers.get('location')).toMatch(/^\/login/);
    expect((await call(listRoute.loader, makeRequest(path, { cookie: memberUser.cookie }), { slug: council.slug })).status).toBe(403);
    expect((await call(listRoute.loader, makeRequest(path, { cookie: otherSecretary.cookie }), { slug: council.slug })).status).toBe(404);
    expect((await call(listRoute.action, makeRequest(path, { cookie: memberUser.cookie, form: seriesForm() }), { slug: council.slug })).status).toBe(403);
  });

  it('shows the month grid for ?view=month&month=', async () => {
    const { council, secretary } = await buildCalendarCouncil();
    await createSeriesFor(council.slug, secretary.cookie);
    const res = await call(listRoute.loader, makeRequest(`/manage/councils/${council.slug}/meetings?view=month&month=${YEAR}-04`, { cookie: secretary.cookie }), { slug: council.slug });
    const body = (await res.json()) as { view: string; meetings: Array<{ startsAt: string }> };
    expect(body.view).toBe('month');
    expect(body.meetings.map((m) => helsinkiDate(new Date(m.startsAt)))).toEqual([`${YEAR}-04-28`]);
  });
});

describe('editing one occurrence', () => {
  it('moves, cancels or gives one meeting its own place and leaves the others alone', async () => {
    const { council, secretary } = await buildCalendarCouncil();
    const series = await createSeriesFor(council.slug, secretary.cookie, { preset: 'quarterly' });
    const [first, second, third, fourth] = await seriesMeetings(series.id);
    const edit = (m: typeof first, over: Record<string, string>) =>
      call(
        meetingRoute.action,
        makeRequest(`/manage/meetings/${m!.id}`, {
          cookie: secretary.cookie,
          form: {
            intent: 'updateMeeting',
            lockVersion: String(m!.lockVersion),
            title: m!.title,
            date: helsinkiDate(m!.startsAt),
            startTime: '13:00',
            endTime: '15:00',
            meetingType: 'in_person',
            address: m!.address!,
            room: m!.room ?? '',
            publicity: 'public',
            ...over,
          },
        }),
        { meetingId: m!.id },
      );
    expect((await edit(second, { date: `${YEAR}-04-29`, startTime: '10:00', endTime: '12:00' })).status).toBe(200);
    expect((await edit(third, { address: 'Toinen katu 5', room: 'Kirjasto' })).status).toBe(200);
    const cancelled = await call(
      meetingRoute.action,
      makeRequest(`/manage/meetings/${fourth!.id}`, { cookie: secretary.cookie, form: { intent: 'cancelMeeting', lockVersion: String(fourth!.lockVersion), reason: 'Päällekkäinen tilaisuus' } }),
      { meetingId: fourth!.id },
    );
    expect(cancelled.status).toBe(200);

    const [a, b, c, d] = await Promise.all([first, second, third, fourth].map((m) => reloadMeeting(m!.id)));
    expect(a).toMatchObject({ startsAt: first!.startsAt, address: first!.address, detached: false, icsSequence: 0, status: 'planned' });
    expect(toIsoWithOffset(b!.startsAt)).toBe(`${YEAR}-04-29T10:00:00+03:00`);
    expect(b).toMatchObject({ detached: true, icsSequence: 1, originalStart: second!.originalStart });
    expect(c).toMatchObject({ address: 'Toinen katu 5', room: 'Kirjasto', startsAt: third!.startsAt, detached: true });
    expect(d).toMatchObject({ status: 'cancelled', cancelReason: 'Päällekkäinen tilaisuus', detached: true, icsSequence: 1 });
    const actions = (await getDb().select().from(auditLog).where(eq(auditLog.councilId, council.id))).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['calendar.meeting_update', 'calendar.meeting_cancel']));

    // A stale lock_version is a conflict, not a silent overwrite.
    const stale = await edit(first, { lockVersion: '99', startTime: '09:00', endTime: '10:00' });
    expect(stale.status).toBe(409);
    expect((await reloadMeeting(first!.id)).startsAt).toEqual(first!.startsAt);
    // A held meeting is not moved.
    await getDb().update(meetings).set({ status: 'held' }).where(eq(meetings.id, first!.id));
    const held = await edit(first, { startTime: '09:00', endTime: '10:00' });
    expect(held.status).toBe(400);
    expect(JSON.stringify(await held.json())).toContain('ei voi muuttaa');
  });

  it('refuses a member (403) and another council (404) on the secretary page', async () => {
    const { council, memberUser, secretary } = await buildCalendarCouncil();
    const series = await createSeriesFor(council.slug, secretary.cookie, { preset: 'quarterly' });
    const [m] = await seriesMeetings(series.id);
    const stranger = await buildUser({ grants: [{ role: 'secretary', councilId: (await buildCouncil()).id }] });
    expect((await call(meetingRoute.loader, makeRequest(`/manage/meetings/${m!.id}`, { cookie: memberUser.cookie }), { meetingId: m!.id })).status).toBe(403);
    expect((await call(meetingRoute.loader, makeRequest(`/manage/meetings/${m!.id}`, { cookie: stranger.cookie }), { meetingId: m!.id })).status).toBe(404);
    expect((await call(meetingRoute.loader, makeRequest('/manage/meetings/not-a-uuid', { cookie: secretary.cookie }), { meetingId: 'not-a-uuid' })).status).toBe(404);
  });
});

describe('editing a series', () => {
  async function setup() {
    const ctx = await buildCalendarCouncil();
    const series = await createSeriesFor(ctx.council.slug, ctx.secretary.cookie, { preset: 'monthly_same_day', until: `${YEAR}-06-30` });
    const rows = await seriesMeetings(series.id);
    expect(rows).toHaveLength(6);
    // One held (kept as a record), one moved on its own earlier.
    await getDb().update(meetings).set({ status: 'held' }).where(eq(meetings.id, rows[0]!.id));
    await getDb().update(meetings).set({ detached: true, room: 'Oma huone' }).where(eq(meetings.id, rows[3]!.id));
    return { ...ctx, series, rows };
  }

  const editForm = (series: { lockVersion: number }, over: Record<string, string>) => ({
    ...seriesForm({ until: `${YEAR}-06-30` }),
    intent: 'editSeries',
    lockVersion: String(series.lockVersion),
    ...over,
  });

  it('shows what "all" would change and changes nothing until confirmed; held and detached meetings are never rewritten', async () => {
    const { council, secretary, series, rows } = await setup();
    const path = `/manage/councils/${council.slug}/series/${series.id}`;
    const params = { slug: council.slug, seriesId: series.id };
    const preview = await call(seriesRoute.action, makeRequest(path, { cookie: secretary.cookie, form: editForm(series, { scope: 'all', startTime: '14:00' }) }), params);
    expect(preview.status).toBe(200);
    const plan = ((await preview.json()) as { plan: { update: Array<{ id: string }>; skipped: Array<{ id: string; reason: string }> } }).plan;
    expect(plan.update.map((u) => u.id).sort()).toEqual([rows[1]!.id, rows[2]!.id, rows[4]!.id, rows[5]!.id].sort());
    expect(plan.skipped).toEqual(expect.arrayContaining([{ id: rows[0]!.id, reason: 'held', at: expect.anything() }, { id: rows[3]!.id, reason: 'detached', at: expect.anything() }]));
    expect((await reloadMeeting(rows[1]!.id)).startsAt).toEqual(rows[1]!.startsAt);

    const applied = await call(
      seriesRoute.action,
      makeRequest(path, { cookie: secretary.cookie, form: editForm(series, { scope: 'all', startTime: '14:00', confirm: 'yes' }) }),
      params,
    );
    expect(applied.status).toBe(200);
    const after = await seriesMeetings(series.id);
    const byId = new Map(after.map((m) => [m.id, m]));
    expect(byId.get(rows[0]!.id)).toMatchObject({ startsAt: rows[0]!.startsAt, status: 'held', icsSequence: 0 });
    expect(byId.get(rows[3]!.id)).toMatchObject({ startsAt: rows[3]!.startsAt, room: 'Oma huone', icsSequence: 0 });
    for (const i of [1, 2, 4, 5]) {
      const m = byId.get(rows[i]!.id)!;
      expect(helsinkiTime(m.startsAt)).toBe('14:00');
      expect(helsinkiDate(m.startsAt)).toBe(helsinkiDate(rows[i]!.startsAt));
      expect(m.icsSequence).toBe(1);
      expect(m.icsUid).toBe(rows[i]!.icsUid);
    }
    const [stored] = await getDb().select().from(meetingSeries).where(eq(meetingSeries.id, series.id));
    expect(stored!.localStartTime.slice(0, 5)).toBe('14:00');
    // The form read lock_version 1: sending it again is a conflict.
    const again = await call(
      seriesRoute.action,
      makeRequest(path, { cookie: secretary.cookie, form: editForm(series, { scope: 'all', startTime: '15:00', confirm: 'yes' }) }),
      params,
    );
    expect(again.status).toBe(409);
  });

  it('"this and following" splits the series and leaves the earlier meetings alone', async () => {
    const { council, secretary, series, rows } = await setup();
    const path = `/manage/councils/${council.slug}/series/${series.id}`;
    const res = await call(
      seriesRoute.action,
      makeRequest(path, { cookie: secretary.cookie, form: editForm(series, { scope: 'following', targetId: rows[2]!.id, startTime: '09:30', confirm: 'yes' }) }),
      { slug: council.slug, seriesId: series.id },
    );
    expect(res.status).toBe(200);
    const [old] = await getDb().select().from(meetingSeries).where(eq(meetingSeries.id, series.id));
    expect(old!.rrule).toMatch(/UNTIL=\d{8}T\d{6}Z/);
    const newer = (await getDb().select().from(meetingSeries).where(eq(meetingSeries.councilId, council.id))).find((s) => s.id !== series.id)!;
    expect(newer.localStartTime.slice(0, 5)).toBe('09:30');
    const moved = await seriesMeetings(newer.id);
    expect(moved.map((m) => m.id).sort()).toEqual([rows[2]!.id, rows[4]!.id, rows[5]!.id].sort());
    expect(moved.every((m) => helsinkiTime(m.startsAt) === '09:30')).toBe(true);
    const kept = await seriesMeetings(series.id);
    expect(kept.map((m) => m.id).sort()).toEqual([rows[0]!.id, rows[1]!.id, rows[3]!.id].sort());
    expect(kept.find((m) => m.id === rows[1]!.id)!.startsAt).toEqual(rows[1]!.startsAt);
    expect(kept.find((m) => m.id === rows[3]!.id)!.startsAt).toEqual(rows[3]!.startsAt);
  });

  it('"this" changes only the chosen meeting and detaches it', async () => {
    const { council, secretary, series, rows } = await setup();
    const res = await call(
      seriesRoute.action,
      makeRequest(`/manage/councils/${council.slug}/series/${series.id}`, {
        cookie: secretary.cookie,
        form: editForm(series, { scope: 'this', targetId: rows[4]!.id, startTime: '16:00', durationMinutes: '60', confirm: 'yes' }),
      }),
      { slug: council.slug, seriesId: series.id },
    );
    expect(res.status).toBe(200);
    const after = new Map((await seriesMeetings(series.id)).map((m) => [m.id, m]));
    expect(helsinkiTime(after.get(rows[4]!.id)!.startsAt)).toBe('16:00');
    expect(helsinkiTime(after.get(rows[4]!.id)!.endsAt)).toBe('17:00');
    expect(after.get(rows[4]!.id)!.detached).toBe(true);
    for (const i of [1, 2, 5]) expect(after.get(rows[i]!.id)!.startsAt).toEqual(rows[i]!.startsAt);
  });

  it('refuses a held meeting as the start of "this and following"', async () => {
    const { council, secretary, series, rows } = await setup();
    const res = await call(
      seriesRoute.action,
      makeRequest(`/manage/councils/${council.slug}/series/${series.id}`, {
        cookie: secretary.cookie,
        form: editForm(series, { scope: 'following', targetId: rows[0]!.id, startTime: '09:30', confirm: 'yes' }),
      }),
      { slug: council.slug, seriesId: series.id },
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as { result: { error: Record<string, string[]> } }).result.error.targetId?.[0]).toMatch(/ei voi enää muuttaa/);
    expect((await reloadMeeting(rows[0]!.id)).startsAt).toEqual(rows[0]!.startsAt);
  });
});
