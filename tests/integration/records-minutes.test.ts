import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { decisions, minutesVersions } from '../../db/schema';
import * as minutesRoute from '../../app/routes/manage.meetings.$meetingId_.minutes';
import * as checksRoute from '../../app/routes/my.checks';
import { buildMeeting } from '../factories';
import { buildRecordsSetup, insertItems, renderRoute } from '../factories/records';
import { useTestDatabase } from '../setup/database';
import { buildUser, call, makeRequest } from '../support/requests';

useTestDatabase();

type Reply = { form: string; message?: string; error?: string; result?: { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> } };
type Workspace = {
  current: { id: string; status: string; lockVersion: number; versionNo: number } | null;
  versions: Array<{ versionNo: number; status: string }>;
  quorum: { present: number; quorate: boolean };
  attendees: Array<{ personId: string; present: boolean }>;
};

async function setup() {
  const s = await buildRecordsSetup({ meeting: { startsAt: new Date('2026-09-22T11:00:00Z'), status: 'held' } });
  const [opening, topic] = await insertItems(s.meeting, [
    { title: 'Kokouksen avaus', sectionYear: 2026, sectionNumber: 1 },
    { title: 'Hyte-neuvottelut', sectionYear: 2026, sectionNumber: 2, proposal: 'Merkitään tiedoksi.' },
  ]);
  const url = `/manage/meetings/${s.meeting.id}/minutes`;
  const send = async (form: Record<string, string | string[]>, cookie = s.secretary.cookie) => {
    const res = await call(minutesRoute.action, makeRequest(url, { cookie, form }), { meetingId: s.meeting.id });
    const text = await res.text();
    return { status: res.status, body: (text.startsWith('{') ? JSON.parse(text) : { form: '', error: text }) as Reply };
  };
  const workspace = async () =>
    (await (await call(minutesRoute.loader, makeRequest(url, { cookie: s.secretary.cookie }), { meetingId: s.meeting.id })).json()) as Workspace;
  const step = async (intent: string, extra: Record<string, string | string[]> = {}) => {
    const ws = await workspace();
    return send({ intent, versionId: ws.current!.id, lockVersion: String(ws.current!.lockVersion), ...extra });
  };
  return { ...s, opening: opening!, topic: topic!, url, send, workspace, step };
}

describe('minutes permissions', () => {
  it('redirects the anonymous, refuses members and chairs (403) and other councils (404)', async () => {
    const s = await setup();
    const anonymous = await call(minutesRoute.loader, makeRequest(s.url), { meetingId: s.meeting.id });
    expect(anonymous.status).toBe(302);
    const member = await buildUser({ personId: s.seats[2]!.personId });
    expect((await s.send({ intent: 'start-minutes' }, member.cookie)).status).toBe(403);
    const chair = await buildUser({ grants: [{ role: 'chair', councilId: s.council.id }] });
    expect((await call(minutesRoute.loader, makeRequest(s.url, { cookie: chair.cookie }), { meetingId: s.meeting.id })).status).toBe(403);
    const other = await buildRecordsSetup();
    expect((await s.send({ intent: 'start-minutes' }, other.secretary.cookie)).status).toBe(404);
    expect((await s.workspace()).current).toBeNull();
  });
});

describe('minutes workflow through the pages', () => {
  it('goes from draft to published with the checkers confirming in the app', async () => {
    const s = await setup();
    const started = await s.send({ intent: 'start-minutes' });
    expect(started.status).toBe(200);
    expect(started.body.message).toMatch(/^Pöytäkirjaluonnos luotiin/);
    const ws = await s.workspace();
    expect(ws.current).toMatchObject({ versionNo: 1, status: 'draft' });
    expect(ws.quorum).toMatchObject({ present: 4, quorate: true });

    // The page renders with every form for a draft.
    const page = await renderRoute(minutesRoute, '/manage/meetings/:meetingId/minutes', makeRequest(s.url, { cookie: s.secretary.cookie }));
    expect(page.status).toBe(200);
    expect(page.html).toContain('Kokous on päätösvaltainen.');
    expect(page.html).toContain('Tallenna läsnäolo');

    expect((await s.step('save-decision', { itemId: s.topic.id, decision: 'Merkittiin tiedoksi.', outcome: 'noted' })).status).toBe(200);

    const unapproved = await s.step('publish');
    expect(unapproved.status).toBe(400);
    expect(unapproved.body.error).toBe('Vain hyväksytyn pöytäkirjan voi julkaista.');
    const noCheckers = await s.step('send-for-checking');
    expect(noCheckers.body.error).toBe('Pöytäkirjalle ei ole valittu tarkastajia.');

    expect((await s.step('choose-checkers', { personIds: [s.seats[0]!.personId, s.seats[1]!.personId] })).status).toBe(200);
    expect((await s.step('send-for-checking')).status).toBe(200);
    const early = await s.step('approve', { method: 'checkers' });
    expect(early.status).toBe(400);
    expect(early.body.error).toBe('Kaikki tarkastajat eivät ole vielä vahvistaneet pöytäkirjaa.');

    const versionId = (await s.workspace()).current!.id;
    const confirm = (cookie: string) => call(checksRoute.action, makeRequest('/my/checks', { cookie, form: { intent: 'confirm', versionId } }));
    // A member who is not a chosen checker may not confirm, even with the right version id.
    const stranger = await buildUser({ personId: s.seats[2]!.personId });
    const refused = await confirm(stranger.cookie);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as Reply).error).toBe('Et ole tämän pöytäkirjan tarkastaja.');

    const list = await renderRoute(checksRoute, '/my/checks', makeRequest('/my/checks', { cookie: s.checkerA.cookie }));
    expect(list.html).toContain('Kokous 1/2026');
    expect(list.html).toContain('Vahvistan tarkastaneeni pöytäkirjan');
    expect((await confirm(s.checkerA.cookie)).status).toBe(200);
    expect((await confirm(s.checkerA.cookie)).status).toBe(400);
    expect((await confirm(s.checkerB.cookie)).status).toBe(200);
    const emptyList = await renderRoute(checksRoute, '/my/checks', makeRequest('/my/checks', { cookie: s.checkerA.cookie }));
    expect(emptyList.html).toContain('Sinulla ei ole tarkastettavia pöytäkirjoja.');

    expect((await s.step('approve', { method: 'checkers' })).status).toBe(200);
    expect((await s.step('publish')).status).toBe(200);
    const [version] = await getDb().select().from(minutesVersions).where(eq(minutesVersions.id, versionId));
    expect(version).toMatchObject({ status: 'published', approvalMethod: 'checkers' });

    // Frozen now: edits are refused with a clear message, a correction makes version 2.
    const frozen = await s.step('save-decision', { itemId: s.topic.id, decision: 'Muutettu', outcome: 'decided' });
    expect(frozen.body.error).toBe('Hyväksyttyä pöytäkirjaa ei voi muuttaa. Tee muutos korjauksena uuteen versioon.');
    const noNote = await s.send({ intent: 'start-correction', correctionNote: '' });
    expect(noNote.status).toBe(400);
    expect((await s.send({ intent: 'start-correction', correctionNote: 'Päätöksen sanamuoto korjattu.' })).status).toBe(200);
    expect((await s.workspace()).versions.map((v) => [v.versionNo, v.status])).toEqual([
      [2, 'draft'],
      [1, 'published'],
    ]);
  });

  it('shows a conflict instead of overwriting a colleague’s decision', async () => {
    const s = await setup();
    await s.send({ intent: 'start-minutes' });
    const ws = await s.workspace();
    const base = { intent: 'save-decision', versionId: ws.current!.id, lockVersion: String(ws.current!.lockVersion), itemId: s.topic.id, outcome: 'decided' };
    expect((await s.send({ ...base, decision: 'Ensimmäinen sihteeri kirjoitti tämän.' })).status).toBe(200);
    const second = await s.send({ ...base, decision: 'Toinen sihteeri kirjoitti tämän.' });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatch(/^Joku muu tallensi tämän sillä välin/);
    expect(second.body.result?.initialValue?.decision).toBe('Toinen sihteeri kirjoitti tämän.');
    const rows = await getDb().select().from(decisions).where(eq(decisions.versionId, ws.current!.id));
    expect(rows.find((d) => d.agendaItemId === s.topic.id)?.decision).toBe('Ensimmäinen sihteeri kirjoitti tämän.');
  });

  it('validates decisions and refuses items and meetings of another council', async () => {
    const s = await setup();
    await s.send({ intent: 'start-minutes' });
    const invalid = await s.step('save-decision', { itemId: s.topic.id, votesFor: '-1', outcome: 'decided', postponedToMeetingId: s.meeting.id });
    expect(invalid.status).toBe(400);
    expect(invalid.body.result?.error?.votesFor).toEqual(['Anna kokonaisluku 0 tai suurempi.']);
    expect(invalid.body.result?.error?.postponedToMeetingId).toEqual(['Valitse tulokseksi "Siirretty", jos asia siirretään toiseen kokoukseen.']);

    const other = await buildRecordsSetup();
    const [foreign] = await insertItems(other.meeting, [{ title: 'Vieras' }]);
    const wrongItem = await s.step('save-decision', { itemId: foreign!.id, decision: 'x', outcome: 'decided' });
    expect(wrongItem.body.error).toBe('Asia ei kuulu tämän toimielimen myöhempään kokoukseen.');
    const wrongMeeting = await s.step('save-decision', { itemId: s.topic.id, outcome: 'postponed', postponedToMeetingId: other.meeting.id });
    expect(wrongMeeting.body.error).toBe('Valittu henkilö, jäsenyys, asia tai kokous ei kuulu tähän toimielimeen.');
    const approveForeign = await s.step('approve', { method: 'next_meeting', approvedAtItemId: foreign!.id });
    expect(approveForeign.body.error).toBe('Asia ei kuulu tämän toimielimen myöhempään kokoukseen.');
    const needsItem = await s.step('approve', { method: 'next_meeting' });
    expect(needsItem.body.result?.error?.approvedAtItemId).toEqual(['Valitse seuraavan kokouksen asia, jossa pöytäkirja hyväksyttiin.']);

    const next = await buildMeeting(s.council.id, { startsAt: new Date('2026-12-08T12:00:00Z') });
    const [approvalItem] = await insertItems(next, [{ title: 'Edellisen kokouksen pöytäkirjan hyväksyminen' }]);
    expect((await s.step('approve', { method: 'next_meeting', approvedAtItemId: approvalItem!.id })).status).toBe(200);
    expect((await s.workspace()).current).toMatchObject({ status: 'approved' });
  });

  it('saves attendance with a substituting deputy and recomputes quorum', async () => {
    const s = await setup();
    await s.send({ intent: 'start-minutes' });
    const rows: Record<string, string> = {};
    s.seats.forEach((seat, i) => {
      rows[`rows[${i}].personId`] = seat.personId;
      rows[`rows[${i}].membershipId`] = seat.membershipId;
      rows[`rows[${i}].role`] = 'member';
      if (i < 2) rows[`rows[${i}].present`] = 'on';
    });
    expect((await s.step('save-attendance', rows)).status).toBe(200);
    expect((await s.workspace()).quorum).toMatchObject({ present: 2, quorate: false });
    const deputy = s.seats[3]!;
    Object.assign(rows, {
      'rows[4].personId': deputy.deputyPersonId,
      'rows[4].membershipId': deputy.deputyMembershipId,
      'rows[4].role': 'deputy',
      'rows[4].present': 'on',
      'rows[4].substitutesForId': deputy.membershipId,
      'rows[4].arrivedAtItemId': s.topic.id,
    });
    expect((await s.step('save-attendance', rows)).status).toBe(200);
    // At the start the deputy had not arrived yet; quorum at the start stays short.
    expect((await s.workspace()).quorum).toMatchObject({ present: 2 });
    const page = await renderRoute(minutesRoute, '/manage/meetings/:meetingId/minutes', makeRequest(s.url, { cookie: s.secretary.cookie }));
    expect(page.html).toContain('Kokous ei ole päätösvaltainen.');
    delete rows['rows[4].arrivedAtItemId'];
    await s.step('save-attendance', rows);
    expect((await s.workspace()).quorum).toMatchObject({ present: 3, quorate: true });
  });
});
