import { and, eq, sql } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { decisions, memberVotes } from '../../db/schema';
import { parseCsv } from '../../app/lib/csv';
import { getMeetingScope, publishAgenda } from '../../app/models/agendas.server';
import {
  addRecusal,
  approveMinutes,
  clearRollCall,
  getMinutesWorkspace,
  getPublishedMinutes,
  publishMinutes,
  saveAttendance,
  saveDecision,
  saveRollCall,
  startCorrection,
  startMinutes,
  type RollCallInput,
} from '../../app/models/minutes.server';
import * as oparlAny from '../../app/routes/oparl.v1[.]1.$';
import * as meetingApi from '../../app/routes/api.v1.meetings.$meetingId';
import * as manageMinutes from '../../app/routes/manage.meetings.$meetingId_.minutes';
import * as minutesRoute from '../../app/routes/meetings.$meetingId.minutes';
import * as minutesPdf from '../../app/routes/meetings.$meetingId.minutes[.pdf]';
import * as votesCsv from '../../app/routes/meetings.$meetingId.votes[.csv]';
import { buildRecordsSetup, insertItems, renderRoute } from '../factories/records';
import { onPostgres, useTestDatabase } from '../setup/database';
import { attempt } from '../support/freeze';
import { call, makeRequest } from '../support/requests';

useTestDatabase();

async function workspace(meetingId: string) {
  return getMinutesWorkspace((await getMeetingScope(meetingId))!);
}

type Fx = Awaited<ReturnType<typeof draft>>;

/**
 * Four seats. Jäsen4 is away and Varajäsen4 substitutes; Jäsen3 arrives at the third item, so
 * is not in the room for the second; Jäsen2 is recused from the second item.
 */
async function draft() {
  const s = await buildRecordsSetup({ meeting: { startsAt: new Date('2026-03-10T12:00:00Z'), status: 'held' } });
  const [opening, grants, later, secret] = await insertItems(s.meeting, [
    { title: 'Kokouksen avaus', templateKey: 'opening' },
    { title: 'Järjestöavustukset 2027', proposal: 'Puolletaan.' },
    { title: 'Myöhempi asia' },
    { title: 'Salainen asia', publicity: 'confidential', withheldReason: 'JulkL 24 § 1 mom. 25 k' },
  ]);
  expect((await publishAgenda(s.who, s.meeting.id, new Date('2026-03-01T10:00:00Z'))).status).toBe('ok');
  const started = await startMinutes(s.who, s.meeting.id);
  const versionId = started.status === 'ok' ? started.id : '';
  let ws = await workspace(s.meeting.id);
  const [m1, m2, m3, m4] = s.seats;
  const rows = ws.attendees.map((a) => ({
    personId: a.personId,
    membershipId: a.membershipId ?? undefined,
    role: a.role,
    present: a.personId === m4!.personId ? false : a.present,
    substitutesForId: a.substitutesForId ?? undefined,
    arrivedAtItemId: a.personId === m3!.personId ? later!.id : undefined,
  }));
  const deputyRow = rows.find((r) => r.personId === m4!.deputyPersonId);
  if (deputyRow) Object.assign(deputyRow, { role: 'deputy', present: true, substitutesForId: m4!.membershipId });
  else rows.push({ personId: m4!.deputyPersonId, membershipId: m4!.deputyMembershipId, role: 'deputy', present: true, substitutesForId: m4!.membershipId, arrivedAtItemId: undefined });
  expect((await saveAttendance(s.who, s.meeting.id, versionId, ws.current!.lockVersion, rows)).status).toBe('ok');
  ws = await workspace(s.meeting.id);
  expect((await addRecusal(s.who, s.meeting.id, versionId, ws.current!.lockVersion, { itemId: grants!.id, personId: m2!.personId, reason: 'Hallituksen jäsen' })).status).toBe('ok');
  ws = await workspace(s.meeting.id);
  return { ...s, versionId, opening: opening!, grants: grants!, later: later!, secret: secret!, m1: m1!, m2: m2!, m3: m3!, m4: m4! };
}

async function lockOf(meetingId: string) {
  return (await workspace(meetingId)).current!.lockVersion;
}

function rollCall(fx: Fx, votes: RollCallInput['votes'], itemId = fx.grants.id) {
  return lockOf(fx.meeting.id).then((lv) => saveRollCall(fx.who, fx.meeting.id, fx.versionId, lv, { itemId, votes }));
}

describe('votes by name (nimenhuutoäänestys) in the minutes editor', () => {
  let fx: Fx;
  beforeAll(async () => {
    fx = await draft();
  });

  it('lists the voters of an item: members and substituting deputies present, less the recused', async () => {
    const ws = await workspace(fx.meeting.id);
    const voters = ws.votersByItem[fx.grants.id]!;
    expect(voters.map((v) => [v.personId, v.inRoom]).sort()).toEqual(
      [
        [fx.m1.personId, true],
        [fx.m3.personId, false],
        [fx.m4.deputyPersonId, true],
      ].sort(),
    );
  });

  it('shows the roll call form in the editor: one labelled choice per voter, only "absent" for someone not in the room', async () => {
    const { status, html } = await renderRoute(
      manageMinutes,
      '/manage/meetings/:meetingId/minutes',
      makeRequest(`/manage/meetings/${fx.meeting.id}/minutes?section=items`, { cookie: fx.secretary.cookie }),
    );
    expect(status).toBe(200);
    expect(html).toContain('Nimenhuutoäänestys');
    const select = (personId: string) => {
      const id = `rc-${fx.grants.id}-${personId}`;
      expect(html).toContain(`<label for="${id}">`);
      return new RegExp(`<select id="${id}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1] ?? '';
    };
    expect(select(fx.m1.personId)).toContain('<option value="yes">Jaa</option>');
    const outside = select(fx.m3.personId);
    expect(outside).toMatch(/<option value="absent"[^>]*>Poissa<\/option>/);
    expect(outside).not.toContain('value="yes"');
    expect(html).not.toContain(`rc-${fx.grants.id}-${fx.m2.personId}`);
  });

  it('refuses a roll call with a non-voter, a recused member, someone twice, someone missing, or a vote from outside the room', async () => {
    const ok = [
      { personId: fx.m1.personId, option: 'yes' as const },
      { personId: fx.m3.personId, option: 'absent' as const },
      { personId: fx.m4.deputyPersonId, option: 'no' as const },
    ];
    expect((await rollCall(fx, [...ok, { personId: fx.secretaryPerson.id, option: 'yes' }])).status).toBe('roll_call_not_voter');
    expect((await rollCall(fx, [...ok, { personId: fx.m2.personId, option: 'yes' }])).status).toBe('roll_call_not_voter');
    expect((await rollCall(fx, [...ok, { personId: fx.m4.personId, option: 'absent' }])).status).toBe('roll_call_not_voter');
    expect((await rollCall(fx, [...ok, { personId: fx.m1.personId, option: 'no' }])).status).toBe('roll_call_twice');
    const missing = await rollCall(fx, ok.slice(0, 2));
    expect(missing).toMatchObject({ status: 'roll_call_missing', params: { name: expect.stringMatching(/^Varajäsen4 /) } });
    const outside = await rollCall(fx, [ok[0]!, { personId: fx.m3.personId, option: 'yes' }, ok[2]!]);
    expect(outside).toMatchObject({ status: 'roll_call_not_in_room', field: 'votes[1].option', params: { name: fx.m3.name } });
    expect(await getDb().select().from(memberVotes).where(eq(memberVotes.versionId, fx.versionId))).toHaveLength(0);
  });

  it('stores one row per voter and derives the counts; typed counts must agree', async () => {
    const result = await rollCall(fx, [
      { personId: fx.m1.personId, option: 'yes' },
      { personId: fx.m3.personId, option: 'absent' },
      { personId: fx.m4.deputyPersonId, option: 'no' },
    ]);
    expect(result.status).toBe('ok');
    const [d] = await getDb().select().from(decisions).where(and(eq(decisions.versionId, fx.versionId), eq(decisions.agendaItemId, fx.grants.id)));
    expect([d!.votesFor, d!.votesAgainst, d!.votesAbstain]).toEqual([1, 1, 0]);

    const decide = async (counts: { votesFor?: number; votesAgainst?: number; votesAbstain?: number }) => {
      const lockVersion = await lockOf(fx.meeting.id);
      return saveDecision(fx.who, fx.meeting.id, fx.versionId, lockVersion, {
        intent: 'save-decision',
        lockVersion,
        itemId: fx.grants.id,
        decision: 'Puollettiin äänin 1–1 puheenjohtajan äänen ratkaistessa.',
        outcome: 'decided',
        ...counts,
      });
    };
    expect(await decide({ votesFor: 5, votesAgainst: 1 })).toMatchObject({ status: 'votes_mismatch', field: 'votesFor' });
    expect((await decide({ votesFor: 1, votesAgainst: 1, votesAbstain: 0 })).status).toBe('ok');
    expect((await decide({})).status).toBe('ok');
    const [after] = await getDb().select().from(decisions).where(and(eq(decisions.versionId, fx.versionId), eq(decisions.agendaItemId, fx.grants.id)));
    expect([after!.votesFor, after!.votesAgainst, after!.votesAbstain]).toEqual([1, 1, 0]);
  });

  it('keeps recusals and votes apart, in the app and in the database', async () => {
    const lv = await lockOf(fx.meeting.id);
    expect(await addRecusal(fx.who, fx.meeting.id, fx.versionId, lv, { itemId: fx.grants.id, personId: fx.m1.personId })).toMatchObject({
      status: 'voted',
      params: { name: fx.m1.name },
    });
    const db = getDb();
    expect(await attempt(sql`INSERT INTO recusals (version_id, agenda_item_id, person_id) VALUES (${fx.versionId}, ${fx.grants.id}, ${fx.m1.personId})`)).toBe('23514');
    expect(
      await attempt(sql`INSERT INTO member_votes (version_id, agenda_item_id, person_id, option) VALUES (${fx.versionId}, ${fx.grants.id}, ${fx.m2.personId}, 'yes')`, db),
    ).toBe('23514');
  });

  it('refuses an attendance change that the recorded roll call no longer fits', async () => {
    const ws = await workspace(fx.meeting.id);
    const rows = ws.attendees.map((a) => ({
      personId: a.personId,
      membershipId: a.membershipId ?? undefined,
      role: a.role,
      present: a.personId === fx.m4.deputyPersonId ? false : a.present,
      substitutesForId: a.substitutesForId ?? undefined,
      arrivedAtItemId: a.arrivedAtItemId ?? undefined,
    }));
    const result = await saveAttendance(fx.who, fx.meeting.id, fx.versionId, ws.current!.lockVersion, rows);
    expect(result).toMatchObject({ status: 'votes_recorded', params: { name: expect.stringMatching(/^Varajäsen4 /), item: expect.stringContaining('2') } });
  });

  it('answers a form with a voter left without a vote at the field, and removes a roll call on request', async () => {
    const ws = await workspace(fx.meeting.id);
    const voters = ws.votersByItem[fx.later.id]!;
    expect(voters.length).toBeGreaterThan(1);
    const form: Record<string, string> = { intent: 'save-roll-call', versionId: fx.versionId, lockVersion: String(ws.current!.lockVersion), itemId: fx.later.id };
    voters.forEach((v, i) => {
      form[`votes[${i}].personId`] = v.personId;
      form[`votes[${i}].option`] = i === 0 ? '' : 'yes';
    });
    const res = await call(manageMinutes.action as never, makeRequest(`/manage/meetings/${fx.meeting.id}/minutes`, { cookie: fx.secretary.cookie, form }), {
      meetingId: fx.meeting.id,
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { result: { error: Record<string, string[]> } };
    expect(body.result.error['votes[0].option']).toEqual(['Valitse ääni.']);

    form['votes[0].option'] = 'abstain';
    const saved = await call(manageMinutes.action as never, makeRequest(`/manage/meetings/${fx.meeting.id}/minutes`, { cookie: fx.secretary.cookie, form }), {
      meetingId: fx.meeting.id,
    });
    expect(saved.status).toBe(200);
    expect((await workspace(fx.meeting.id)).memberVotes.filter((v) => v.agendaItemId === fx.later.id)).toHaveLength(voters.length);
    expect((await clearRollCall(fx.who, fx.meeting.id, fx.versionId, await lockOf(fx.meeting.id), fx.later.id)).status).toBe('ok');
    expect((await workspace(fx.meeting.id)).memberVotes.filter((v) => v.agendaItemId === fx.later.id)).toHaveLength(0);
  });
});

describe('votes by name once the minutes are approved and published', () => {
  let fx: Fx;
  beforeAll(async () => {
    fx = await draft();
    expect(
      (
        await rollCall(fx, [
          { personId: fx.m1.personId, option: 'yes' },
          { personId: fx.m3.personId, option: 'absent' },
          { personId: fx.m4.deputyPersonId, option: 'abstain' },
        ])
      ).status,
    ).toBe('ok');
    const secretVoters = (await workspace(fx.meeting.id)).votersByItem[fx.secret.id]!;
    expect((await rollCall(fx, secretVoters.map((v) => ({ personId: v.personId, option: 'no' as const })), fx.secret.id)).status).toBe('ok');
    expect((await approveMinutes(fx.who, fx.meeting.id, fx.versionId, await lockOf(fx.meeting.id), 'at_meeting')).status).toBe('ok');
    expect((await publishMinutes(fx.who, fx.meeting.id, fx.versionId, await lockOf(fx.meeting.id))).status).toBe('ok');
  });

  it('are frozen with the minutes (NV001), including TRUNCATE', async () => {
    const db = getDb();
    expect(await attempt(sql`UPDATE member_votes SET option = 'no' WHERE version_id = ${fx.versionId}`, db)).toBe('NV001');
    expect(await attempt(sql`DELETE FROM member_votes WHERE version_id = ${fx.versionId}`, db)).toBe('NV001');
    expect(
      await attempt(sql`INSERT INTO member_votes (version_id, agenda_item_id, person_id, option) VALUES (${fx.versionId}, ${fx.later.id}, ${fx.m1.personId}, 'yes')`, db),
    ).toBe('NV001');
    // On PostgreSQL the tests run as the app role, which may not TRUNCATE at all (42501); on PGlite the trigger refuses.
    expect(await attempt(sql`TRUNCATE member_votes`, db)).toBe(onPostgres ? '42501' : 'NV001');
    expect((await clearRollCall(fx.who, fx.meeting.id, fx.versionId, await lockOf(fx.meeting.id), fx.grants.id)).status).toBe('frozen');
  });

  it('give the published record, the JSON API, OParl and the CSV each vote by name, and withheld items none', async () => {
    const record = (await getPublishedMinutes(fx.meeting.id))!;
    const grants = record.items.find((i) => i.id === fx.grants.id)!;
    expect(grants.votes).toEqual({ for: 1, against: 0, abstain: 1 });
    expect(grants.rollCall.map((v) => [v.name, v.option]).sort()).toEqual(
      [
        [fx.m1.name, 'yes'],
        [fx.m3.name, 'absent'],
        [grants.rollCall.find((v) => v.voterId === fx.m4.deputyPersonId)!.name, 'abstain'],
      ].sort(),
    );
    expect(record.items.find((i) => i.id === fx.secret.id)!.rollCall).toEqual([]);

    const api = await call(meetingApi.loader as never, makeRequest(`/api/v1/meetings/${fx.meeting.id}`), { meetingId: fx.meeting.id });
    const body = (await api.json()) as { voteEvents: Array<{ agendaItem: { id: string }; votes: Array<{ voter_id: string; voter_name: string; option: string }>; counts: unknown[] }> };
    expect(body.voteEvents.map((e) => e.agendaItem.id)).toEqual([fx.grants.id]);
    const event = body.voteEvents[0]!;
    expect(event.votes).toContainEqual({ voter_id: fx.m1.personId, voter_name: fx.m1.name, option: 'yes' });
    expect(event.votes).toHaveLength(3);
    expect(event.counts).toEqual([
      { option: 'yes', value: 1 },
      { option: 'no', value: 0 },
      { option: 'abstain', value: 1 },
      { option: 'absent', value: 1 },
    ]);

    const oparl = await call(oparlAny.loader as never, makeRequest(`/oparl/v1.1/agenda-item/${fx.grants.id}`), { '*': `agenda-item/${fx.grants.id}` });
    expect(oparl.status).toBe(200);
    const item = (await oparl.json()) as { 'neuvos:voteEvent': { votes: Array<{ voter_id: string; voter_name: string; option: string }> } };
    expect(item['neuvos:voteEvent'].votes).toEqual(event.votes);
    const hidden = await call(oparlAny.loader as never, makeRequest(`/oparl/v1.1/agenda-item/${fx.secret.id}`), { '*': `agenda-item/${fx.secret.id}` });
    expect(JSON.stringify(await hidden.json())).not.toContain('voteEvent');

    const csv = parseCsv(await (await call(votesCsv.loader as never, makeRequest(`/meetings/${fx.meeting.id}/votes.csv`), { meetingId: fx.meeting.id })).text());
    expect(csv.header.slice(-3)).toEqual(['voter_id', 'voter_name', 'option']);
    expect(csv.rows.map((r) => [r.values.item, r.values.voter_name, r.values.option, r.values.yes]).sort()).toEqual(
      event.votes.map((v) => ['Järjestöavustukset 2027', v.voter_name, v.option, '1']).sort(),
    );

    const all = JSON.stringify(body) + JSON.stringify(item) + csv.rows.map((r) => JSON.stringify(r.values)).join('');
    expect(all).not.toMatch(/@|puhelin|phone/i);
    // The withheld item's vote (everyone "no") shows nowhere.
    expect(all).not.toContain('"option":"no"}');
    expect(csv.rows.map((r) => r.values.item)).not.toContain('Salainen asia');
  });

  it('show the vote by name in the minutes page and the PDF', async () => {
    const page = await renderRoute(minutesRoute, '/meetings/:meetingId/minutes', makeRequest(`/meetings/${fx.meeting.id}/minutes`));
    expect(page.status).toBe(200);
    expect(page.html).toContain('<caption>Äänet nimittäin</caption>');
    expect(page.html).toContain(`<th scope="row">${fx.m1.name}</th><td>Jaa</td>`);
    expect(page.html).toContain(`<th scope="row">${fx.m3.name}</th><td>Poissa</td>`);

    const res = await call(minutesPdf.loader as never, makeRequest(`/meetings/${fx.meeting.id}/minutes.pdf`), { meetingId: fx.meeting.id });
    expect(res.status).toBe(200);
    const pdf = await getDocumentProxy(new Uint8Array(await res.arrayBuffer()));
    const text = String((await extractText(pdf, { mergePages: true })).text);
    expect(text).toContain('Äänet nimittäin');
    expect(text).toContain(`${fx.m1.name}: Jaa`);
    expect(text).toContain(`${fx.m3.name}: Poissa`);
  });

  it('are carried into a correction, where they can be changed again', async () => {
    const corrected = await startCorrection(fx.who, fx.meeting.id, 'Äänestyksen kirjaus korjataan.');
    expect(corrected.status).toBe('ok');
    const ws = await workspace(fx.meeting.id);
    expect(ws.memberVotes.filter((v) => v.agendaItemId === fx.grants.id).map((v) => v.option).sort()).toEqual(['absent', 'abstain', 'yes']);
  });
});
