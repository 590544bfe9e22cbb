// Attendance and checkers refuse contradictions with a message at the field; nothing is half-saved.
import { describe, expect, it } from 'vitest';
import * as minutesRoute from '../../app/routes/manage.meetings.$meetingId_.minutes';
import { buildPerson, buildMembership } from '../factories';
import { buildRecordsSetup, insertItems, renderRoute } from '../factories/records';
import { useTestDatabase } from '../setup/database';
import { call, makeRequest } from '../support/requests';

useTestDatabase();

type Workspace = {
  current: { id: string; lockVersion: number };
  roster: Array<{ personId: string; membershipId: string; roles: string[]; principalId: string | null; name: string }>;
  attendees: Array<{ personId: string; present: boolean; role: string; substitutesForId: string | null; membershipId: string | null }>;
};
type Reply = { error?: string; fieldErrors?: Record<string, string>; result?: { error?: Record<string, string[] | null> } };

async function setup() {
  const s = await buildRecordsSetup({ members: 2, meeting: { startsAt: new Date('2026-09-22T11:00:00Z'), endsAt: new Date('2026-09-22T13:00:00Z'), status: 'held' } });
  const expert = await buildPerson({ givenName: 'Asiantuntija' });
  await buildMembership(s.term.id, expert.id, { role: 'invited_expert', startDate: '2020-01-01' });
  await insertItems(s.meeting, [{ title: 'Kokouksen avaus', sectionYear: 2026, sectionNumber: 1 }]);
  const url = `/manage/meetings/${s.meeting.id}/minutes`;
  const send = async (form: Record<string, string | string[]>) => {
    const res = await call(minutesRoute.action, makeRequest(url, { cookie: s.secretary.cookie, form }), { meetingId: s.meeting.id });
    return { status: res.status, body: (await res.json()) as Reply };
  };
  const workspace = async () => (await (await call(minutesRoute.loader, makeRequest(url, { cookie: s.secretary.cookie }), { meetingId: s.meeting.id })).json()) as Workspace;
  expect((await send({ intent: 'start-minutes' })).status).toBe(200);
  return { ...s, expert, url, send, workspace };
}

/** The attendance form as a browser would post it, from the workspace rows with changes. */
function attendanceForm(ws: Workspace, change: (row: Record<string, string>, personId: string) => void) {
  const form: Record<string, string> = { intent: 'save-attendance', versionId: ws.current.id, lockVersion: String(ws.current.lockVersion) };
  ws.roster.forEach((p, i) => {
    const a = ws.attendees.find((x) => x.personId === p.personId);
    const row: Record<string, string> = { personId: p.personId, membershipId: a?.membershipId ?? p.membershipId, role: a?.role ?? (p.roles.includes('deputy') ? 'deputy' : 'member') };
    if (a?.present) row.present = 'on';
    if (a?.substitutesForId) row.substitutesForId = a.substitutesForId;
    change(row, p.personId);
    for (const [k, v] of Object.entries(row)) form[`rows[${i}].${k}`] = v;
  });
  return form;
}

describe('attendance contradictions', () => {
  it('refuses a deputy substituting for a member who is ticked present, at the field, and saves nothing', async () => {
    const s = await setup();
    const before = await s.workspace();
    const seat = s.seats[0]!;
    const form = attendanceForm(before, (row, personId) => {
      if (personId === seat.personId) row.present = 'on';
      if (personId === seat.deputyPersonId) Object.assign(row, { present: 'on', role: 'deputy', substitutesForId: seat.membershipId });
    });
    const res = await s.send(form);
    expect(res.status).toBe(400);
    const index = before.roster.findIndex((p) => p.personId === seat.deputyPersonId);
    const message = res.body.fieldErrors?.[`rows[${index}].substitutesForId`];
    expect(message).toContain(seat.name);
    expect(message).toMatch(/on merkitty läsnä olevaksi/);
    const after = await s.workspace();
    expect(after.current.lockVersion).toBe(before.current.lockVersion);
    expect(after.attendees.find((a) => a.personId === seat.deputyPersonId)?.present ?? false).toBe(false);

    // Unticking the member makes the same substitution valid.
    const ok = attendanceForm(before, (row, personId) => {
      if (personId === seat.personId) delete row.present;
      if (personId === seat.deputyPersonId) Object.assign(row, { present: 'on', role: 'deputy', substitutesForId: seat.membershipId });
    });
    expect((await s.send(ok)).status).toBe(200);
  });

  it('lists each member directly followed by their personal deputy', async () => {
    const s = await setup();
    const ws = await s.workspace();
    const ids = ws.roster.map((p) => p.personId);
    for (const seat of s.seats) expect(ids.indexOf(seat.deputyPersonId)).toBe(ids.indexOf(seat.personId) + 1);
  });
});

describe('checkers and times', () => {
  it('refuses a checker who is not a member of the meeting', async () => {
    const s = await setup();
    // The invited expert is present (ticked by default) but holds no seat.
    const ws = await s.workspace();
    expect(ws.attendees.find((a) => a.personId === s.expert.id)?.present).toBe(true);
    const res = await s.send({ intent: 'choose-checkers', versionId: ws.current.id, lockVersion: String(ws.current.lockVersion), personIds: [s.seats[0]!.personId, s.expert.id] });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('Tarkastajan on oltava kokouksen jäsen tai varajäsen ja läsnä kokouksessa.');
    const page = await renderRoute(minutesRoute, '/manage/meetings/:meetingId/minutes', makeRequest(s.url, { cookie: s.secretary.cookie }));
    expect(page.html).not.toContain('Tarkastajan on oltava');
  });

  it('refuses opening and closing times outside the meeting day, at the field', async () => {
    const s = await setup();
    const ws = await s.workspace();
    const res = await s.send({ intent: 'save-meta', versionId: ws.current.id, lockVersion: String(ws.current.lockVersion), openedAt: '2026-09-22T14:00', closedAt: '2027-09-22T16:00' });
    expect(res.status).toBe(400);
    expect(res.body.result?.error?.closedAt).toEqual(['Aika on kokouspäivän ulkopuolella. Anna aika, joka on kokouspäivänä.']);
    const fine = await s.send({ intent: 'save-meta', versionId: ws.current.id, lockVersion: String(ws.current.lockVersion), openedAt: '2026-09-22T14:00', closedAt: '2026-09-22T16:00' });
    expect(fine.status).toBe(200);
  });
});

describe('the minutes editor in sections', () => {
  it('shows one section at a time by link (no JavaScript needed) and defaults approval to the checkers once chosen', async () => {
    const s = await setup();
    const render = (section?: string) =>
      renderRoute(minutesRoute, '/manage/meetings/:meetingId/minutes', makeRequest(section ? `${s.url}?section=${section}` : s.url, { cookie: s.secretary.cookie }));
    const first = await render();
    expect(first.html).toContain('Tallenna läsnäolo');
    expect(first.html).not.toContain('name="personIds"');
    expect(first.html).toMatch(/href="[^"]*\?section=items"/);
    expect((await render('items')).html).not.toContain('Tallenna läsnäolo');
    const before = await render('approval');
    expect(before.html).toContain('name="personIds"');
    expect(before.html).toMatch(/<option value="at_meeting" selected="">/);
    // The checker label wraps its checkbox so they sit side by side.
    expect(before.html).toMatch(/<label[^>]*class="checkbox"[^>]*><input[^>]*name="personIds"/);
    const ws = await s.workspace();
    const chosen = await s.send({ intent: 'choose-checkers', versionId: ws.current.id, lockVersion: String(ws.current.lockVersion), personIds: [s.seats[0]!.personId, s.seats[1]!.personId] });
    expect(chosen.status).toBe(200);
    const after = await render('approval');
    expect(after.html).toMatch(/<option value="checkers" selected="">/);
  });
});
