// Meeting lifecycle: minutes of a meeting that has not started cannot be approved or published;
// meetings carry a number per council and Helsinki calendar year.
import { describe, expect, it } from 'vitest';
import * as minutesRoute from '../../app/routes/manage.meetings.$meetingId_.minutes';
import * as councilMeetingsApi from '../../app/routes/api.v1.councils.$slug.meetings';
import * as meetingApi from '../../app/routes/api.v1.meetings.$meetingId';
import * as publicMeeting from '../../app/routes/meetings.$meetingId._index';
import { buildCouncil, buildMeeting } from '../factories';
import { buildRecordsSetup, insertItems, renderRoute } from '../factories/records';
import { useTestDatabase } from '../setup/database';
import { call, makeRequest } from '../support/requests';

useTestDatabase();

type Workspace = { current: { id: string; lockVersion: number; status: string } | null };

describe('minutes of a meeting that has not started', () => {
  it('cannot be approved or published, and the page says why', async () => {
    const startsAt = new Date(Date.now() + 60 * 86_400_000);
    const s = await buildRecordsSetup({ meeting: { startsAt, endsAt: new Date(startsAt.getTime() + 7_200_000) } });
    await insertItems(s.meeting, [{ title: 'Kokouksen avaus' }]);
    const url = `/manage/meetings/${s.meeting.id}/minutes`;
    const send = (form: Record<string, string>) => call(minutesRoute.action, makeRequest(url, { cookie: s.secretary.cookie, form }), { meetingId: s.meeting.id });
    const current = async () =>
      ((await (await call(minutesRoute.loader, makeRequest(url, { cookie: s.secretary.cookie }), { meetingId: s.meeting.id })).json()) as Workspace).current!;
    expect((await send({ intent: 'start-minutes' })).status).toBe(200);
    const v = await current();
    const approve = await send({ intent: 'approve', versionId: v.id, lockVersion: String(v.lockVersion), method: 'at_meeting' });
    expect(approve.status).toBe(400);
    expect(((await approve.json()) as { error: string }).error).toBe(
      'Kokous ei ole vielä alkanut. Pöytäkirjan voi hyväksyä ja julkaista vasta kokouksen alettua.',
    );
    expect((await current()).status).toBe('draft');
    const page = await renderRoute(minutesRoute, '/manage/meetings/:meetingId/minutes', makeRequest(`${url}?section=approval`, { cookie: s.secretary.cookie }));
    expect(page.html).toContain('Pöytäkirjan voi hyväksyä ja julkaista vasta, kun kokous on alkanut.');
  });
});

describe('meeting numbers per council and year', () => {
  it('count the non-cancelled meetings of the Helsinki calendar year in time order', async () => {
    const council = await buildCouncil({ slug: 'numerot', publicityDefault: 'public' });
    const other = await buildCouncil();
    const at = (iso: string, over = {}) => buildMeeting(council.id, { startsAt: new Date(iso), endsAt: new Date(new Date(iso).getTime() + 7_200_000), ...over });
    // 31.12.2026 23:30 UTC is already 1.1.2027 in Helsinki: the first meeting of 2027.
    const newYear = await at('2026-12-31T23:30:00Z', { agendaPublishedAt: new Date('2026-12-20T10:00:00Z') });
    const last2026 = await at('2026-12-10T10:00:00Z');
    await at('2027-02-01T10:00:00Z', { status: 'cancelled' });
    const third = await at('2027-03-01T10:00:00Z', { agendaPublishedAt: new Date('2027-02-20T10:00:00Z') });
    const second = await at('2027-02-10T10:00:00Z');
    await buildMeeting(other.id, { startsAt: new Date('2027-01-15T10:00:00Z') });

    const res = await call(councilMeetingsApi.loader, makeRequest('/api/v1/councils/numerot/meetings?from=2026-12-01&to=2027-12-31'), { slug: 'numerot' });
    const body = (await res.json()) as { meetings: Array<{ id: string; number: string | null; meetingStatus: string }> };
    const numberOf = new Map(body.meetings.map((m) => [m.id, m.number]));
    expect(numberOf.get(last2026.id)).toBe('1/2026');
    expect(numberOf.get(newYear.id)).toBe('1/2027');
    expect(numberOf.get(second.id)).toBe('2/2027');
    expect(numberOf.get(third.id)).toBe('3/2027');
    expect(body.meetings.find((m) => m.meetingStatus === 'cancelled')?.number).toBeNull();

    const one = (await (await call(meetingApi.loader, makeRequest(`/api/v1/meetings/${third.id}`), { meetingId: third.id })).json()) as { meeting: { number: string } };
    expect(one.meeting.number).toBe('3/2027');
    const page = await renderRoute(publicMeeting, '/meetings/:meetingId', makeRequest(`/meetings/${third.id}`));
    expect(page.html).toContain('Kokous 3/2027');
    const sv = await renderRoute(publicMeeting, '/meetings/:meetingId', makeRequest(`/meetings/${newYear.id}`), 'sv');
    expect(sv.html).toContain('Möte 1/2027');
  });
});
