// A minutes checker's rights follow the meeting (chosen as its checker, member on its date), not today's roster.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { memberships } from '../../db/schema';
import * as minutesRoute from '../../app/routes/manage.meetings.$meetingId_.minutes';
import * as membersRoute from '../../app/routes/meetings.$meetingId.members';
import * as checksRoute from '../../app/routes/my.checks';
import { buildRecordsSetup, insertItems, renderRoute } from '../factories/records';
import { useTestDatabase } from '../setup/database';
import { buildUser, call, makeRequest } from '../support/requests';

useTestDatabase();

type Workspace = { current: { id: string; lockVersion: number } | null };

async function minutesInChecking() {
  const s = await buildRecordsSetup({
    meeting: { startsAt: new Date('2025-03-10T11:00:00Z'), endsAt: new Date('2025-03-10T13:00:00Z'), status: 'held', agendaPublishedAt: new Date('2025-03-01T08:00:00Z') },
  });
  await insertItems(s.meeting, [{ title: 'Kokouksen avaus', sectionYear: 2025, sectionNumber: 1 }]);
  const url = `/manage/meetings/${s.meeting.id}/minutes`;
  const send = async (form: Record<string, string | string[]>) => call(minutesRoute.action, makeRequest(url, { cookie: s.secretary.cookie, form }), { meetingId: s.meeting.id });
  const current = async () =>
    ((await (await call(minutesRoute.loader, makeRequest(url, { cookie: s.secretary.cookie }), { meetingId: s.meeting.id })).json()) as Workspace).current!;
  const step = async (intent: string, extra: Record<string, string | string[]> = {}) => {
    const v = await current();
    const res = await send({ intent, versionId: v.id, lockVersion: String(v.lockVersion), ...extra });
    expect(res.status, intent).toBe(200);
  };
  expect((await send({ intent: 'start-minutes' })).status).toBe(200);
  await step('choose-checkers', { personIds: [s.seats[0]!.personId, s.seats[1]!.personId] });
  await step('send-for-checking');
  return { ...s, versionId: (await current()).id };
}

describe('minutes checkers whose membership has since ended', () => {
  it('still read the draft minutes and confirm them', async () => {
    const s = await minutesInChecking();
    // Checker A's seat ended after the meeting; today they hold no role in the council.
    await getDb().update(memberships).set({ endDate: '2025-12-31' }).where(eq(memberships.id, s.seats[0]!.membershipId));

    const list = await renderRoute(checksRoute, '/my/checks', makeRequest('/my/checks', { cookie: s.checkerA.cookie }));
    expect(list.html).toContain(`/meetings/${s.meeting.id}/members`);
    const read = await call(membersRoute.loader, makeRequest(`/meetings/${s.meeting.id}/members`, { cookie: s.checkerA.cookie }), { meetingId: s.meeting.id });
    expect(read.status).toBe(200);
    const confirm = await call(checksRoute.action, makeRequest('/my/checks', { cookie: s.checkerA.cookie, form: { intent: 'confirm', versionId: s.versionId } }));
    expect(confirm.status).toBe(200);
  });

  it('a member on the meeting date who is not a checker may read it but not confirm', async () => {
    const s = await minutesInChecking();
    await getDb().update(memberships).set({ endDate: '2025-12-31' }).where(eq(memberships.id, s.seats[2]!.membershipId));
    const former = await buildUser({ personId: s.seats[2]!.personId });
    const read = await call(membersRoute.loader, makeRequest(`/meetings/${s.meeting.id}/members`, { cookie: former.cookie }), { meetingId: s.meeting.id });
    expect(read.status).toBe(200);
    const refused = await call(checksRoute.action, makeRequest('/my/checks', { cookie: former.cookie, form: { intent: 'confirm', versionId: s.versionId } }));
    expect(refused.status).toBe(403);
  });
});
