import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { agendaItems, attendance, auditLog, decisions, minutesCheckers, minutesVersions } from '../../db/schema';
import { getMeetingScope, isFrozenError } from '../../app/models/agendas.server';
import {
  approveMinutes,
  chooseCheckers,
  confirmAsChecker,
  getMinutesWorkspace,
  getPublishedMinutes,
  publishMinutes,
  returnToDraft,
  saveAttendance,
  saveDecision,
  sendForChecking,
  startCorrection,
  startMinutes,
} from '../../app/models/minutes.server';
import { publishAgenda } from '../../app/models/agendas.server';
import { buildMeeting } from '../factories';
import { buildRecordsSetup, insertItems } from '../factories/records';
import { useTestDatabase } from '../setup/database';

useTestDatabase();

/** The database refused the write with the freeze trigger's error. */
async function expectFrozen(write: Promise<unknown>) {
  const error = await write.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'the write should have been refused').not.toBeNull();
  expect(isFrozenError(error)).toBe(true);
}

async function workspace(meetingId: string) {
  return getMinutesWorkspace((await getMeetingScope(meetingId))!);
}

async function draftWithDecisions() {
  const setup = await buildRecordsSetup({ meeting: { startsAt: new Date('2026-03-10T12:00:00Z'), status: 'held' } });
  const [opening, grants] = await insertItems(setup.meeting, [
    { title: 'Kokouksen avaus', templateKey: 'opening' },
    { title: 'Järjestöavustukset 2027', body: 'Avustusten linjaukset.', proposal: 'Puolletaan.' },
  ]);
  expect((await publishAgenda(setup.who, setup.meeting.id, new Date('2026-03-01T10:00:00Z'))).status).toBe('ok');
  const started = await startMinutes(setup.who, setup.meeting.id);
  expect(started.status).toBe('ok');
  const versionId = started.status === 'ok' ? started.id : '';
  let ws = await workspace(setup.meeting.id);
  const d1 = await saveDecision(setup.who, setup.meeting.id, versionId, ws.current!.lockVersion, {
    intent: 'save-decision',
    lockVersion: ws.current!.lockVersion,
    itemId: grants!.id,
    decision: 'Neuvottelukunta puolsi linjauksia.',
    outcome: 'decided',
    votesFor: 3,
    votesAgainst: 1,
    votesAbstain: 0,
  });
  expect(d1.status).toBe('ok');
  ws = await workspace(setup.meeting.id);
  return { ...setup, versionId, opening: opening!, grants: grants!, ws };
}

describe('minutes workflow', () => {
  it('prefills attendance from the roster and computes quorum', async () => {
    const { ws, seats } = await draftWithDecisions();
    expect(ws.current!.status).toBe('draft');
    const seatRows = ws.attendees.filter((a) => a.role === 'member');
    expect(seatRows).toHaveLength(seats.length);
    expect(ws.quorum).toMatchObject({ seats: 4, present: 4, required: 3, quorate: true });
    expect(ws.attendees.some((a) => a.role === 'secretary')).toBe(true);
  });

  it('refuses a second start, sending without checkers, and non-attendee checkers', async () => {
    const s = await draftWithDecisions();
    expect((await startMinutes(s.who, s.meeting.id)).status).toBe('exists');
    const lv = s.ws.current!.lockVersion;
    expect((await sendForChecking(s.who, s.meeting.id, s.versionId, lv)).status).toBe('checkers_missing');
    // Nothing was saved by the refused step: the lock version is unchanged.
    expect((await workspace(s.meeting.id)).current!.lockVersion).toBe(lv);
    const stranger = s.secretary.user.personId!;
    await getDb().delete(attendance).where(and(eq(attendance.versionId, s.versionId), eq(attendance.personId, stranger)));
    expect((await chooseCheckers(s.who, s.meeting.id, s.versionId, lv, [stranger])).status).toBe('not_attendee');
  });

  it('goes draft → checking → approved by checkers → published, each with an audit entry', async () => {
    const s = await draftWithDecisions();
    let lv = s.ws.current!.lockVersion;
    expect((await chooseCheckers(s.who, s.meeting.id, s.versionId, lv, [s.seats[0]!.personId, s.seats[1]!.personId])).status).toBe('ok');
    lv += 1;
    expect((await publishMinutes(s.who, s.meeting.id, s.versionId, lv)).status).toBe('not_approved');
    expect((await approveMinutes(s.who, s.meeting.id, s.versionId, lv, 'checkers')).status).toBe('not_checking');
    expect((await sendForChecking(s.who, s.meeting.id, s.versionId, lv)).status).toBe('ok');
    lv += 1;

    const scope = { versionId: s.versionId, councilId: s.council.id, regionId: s.council.regionId };
    const actor = { userId: null, label: 'checker', ip: null };
    expect((await confirmAsChecker(actor, { ...scope, personId: s.seats[2]!.personId })).status).toBe('not_checker');
    expect((await confirmAsChecker(actor, { ...scope, personId: s.seats[0]!.personId })).status).toBe('ok');
    expect((await confirmAsChecker(actor, { ...scope, personId: s.seats[0]!.personId })).status).toBe('already_confirmed');
    expect((await approveMinutes(s.who, s.meeting.id, s.versionId, lv, 'checkers')).status).toBe('checkers_unconfirmed');
    expect((await confirmAsChecker(actor, { ...scope, personId: s.seats[1]!.personId })).status).toBe('ok');
    expect((await approveMinutes(s.who, s.meeting.id, s.versionId, lv, 'checkers')).status).toBe('ok');
    lv += 1;
    expect((await publishMinutes(s.who, s.meeting.id, s.versionId, lv)).status).toBe('ok');

    const [version] = await getDb().select().from(minutesVersions).where(eq(minutesVersions.id, s.versionId));
    expect(version).toMatchObject({ status: 'published', approvalMethod: 'checkers' });
    const checkers = await getDb().select().from(minutesCheckers).where(eq(minutesCheckers.versionId, s.versionId));
    expect(checkers.every((c) => c.confirmedAt instanceof Date)).toBe(true);
    const actions = (await getDb().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, s.versionId))).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['minutes.create', 'minutes.decision', 'minutes.checkers', 'minutes.send_for_checking', 'minutes.checker_confirm', 'minutes.approve', 'minutes.publish']),
    );
  });

  it('returns a version to draft, clearing confirmations', async () => {
    const s = await draftWithDecisions();
    let lv = s.ws.current!.lockVersion;
    await chooseCheckers(s.who, s.meeting.id, s.versionId, lv++, [s.seats[0]!.personId]);
    await sendForChecking(s.who, s.meeting.id, s.versionId, lv++);
    await confirmAsChecker({ userId: null, label: null, ip: null }, { versionId: s.versionId, councilId: s.council.id, regionId: s.council.regionId, personId: s.seats[0]!.personId });
    expect((await returnToDraft(s.who, s.meeting.id, s.versionId, lv)).status).toBe('ok');
    const [checker] = await getDb().select().from(minutesCheckers).where(eq(minutesCheckers.versionId, s.versionId));
    expect(checker!.confirmedAt).toBeNull();
  });

  it('freezes an approved version in the database itself', async () => {
    const s = await draftWithDecisions();
    const lv = s.ws.current!.lockVersion;
    expect((await approveMinutes(s.who, s.meeting.id, s.versionId, lv, 'at_meeting')).status).toBe('ok');
    const db = getDb();
    await expectFrozen(db.update(minutesVersions).set({ summary: 'muutettu' }).where(eq(minutesVersions.id, s.versionId)));
    await expectFrozen(db.execute(sql`UPDATE decisions SET decision = 'väärennetty' WHERE version_id = ${s.versionId}`));
    await expectFrozen(db.delete(attendance).where(eq(attendance.versionId, s.versionId)));
    await expectFrozen(db.update(agendaItems).set({ title: 'Uusi otsikko' }).where(eq(agendaItems.id, s.grants.id)));
    await expectFrozen(db.insert(minutesCheckers).values({ versionId: s.versionId, personId: s.seats[3]!.personId }));
    // The model answers 'frozen' instead of failing.
    const refused = await saveDecision(s.who, s.meeting.id, s.versionId, lv + 1, {
      intent: 'save-decision',
      lockVersion: lv + 1,
      itemId: s.grants.id,
      decision: 'x',
      outcome: 'decided',
    });
    expect(refused.status).toBe('frozen');
    const [d] = await db.select().from(decisions).where(and(eq(decisions.versionId, s.versionId), eq(decisions.agendaItemId, s.grants.id)));
    expect(d!.decision).toBe('Neuvottelukunta puolsi linjauksia.');
  });

  it('approves at the next meeting only with an item of a later meeting of the same council', async () => {
    const s = await draftWithDecisions();
    const other = await buildRecordsSetup();
    const [foreign] = await insertItems(other.meeting, [{ title: 'Edellisen kokouksen pöytäkirja' }]);
    const later = await buildMeeting(s.council.id, { startsAt: new Date('2026-05-10T12:00:00Z') });
    const earlier = await buildMeeting(s.council.id, { startsAt: new Date('2026-01-10T12:00:00Z') });
    const [laterItem] = await insertItems(later, [{ title: 'Edellisen kokouksen pöytäkirjan hyväksyminen' }]);
    const [earlierItem] = await insertItems(earlier, [{ title: 'Vanha asia' }]);
    const lv = s.ws.current!.lockVersion;
    expect((await approveMinutes(s.who, s.meeting.id, s.versionId, lv, 'next_meeting', foreign!.id)).status).toBe('bad_item');
    expect((await approveMinutes(s.who, s.meeting.id, s.versionId, lv, 'next_meeting', earlierItem!.id)).status).toBe('bad_item');
    expect((await approveMinutes(s.who, s.meeting.id, s.versionId, lv, 'next_meeting', laterItem!.id)).status).toBe('ok');
    const [v] = await getDb().select().from(minutesVersions).where(eq(minutesVersions.id, s.versionId));
    expect(v).toMatchObject({ status: 'approved', approvalMethod: 'next_meeting', approvedAtItemId: laterItem!.id });
  });

  it('makes a correction a new version; the public sees the latest and the history', async () => {
    const s = await draftWithDecisions();
    let lv = s.ws.current!.lockVersion;
    await approveMinutes(s.who, s.meeting.id, s.versionId, lv++, 'at_meeting');
    await publishMinutes(s.who, s.meeting.id, s.versionId, lv++);
    expect((await startCorrection(s.who, s.meeting.id, 'Äänestystulos korjattu: 4–0.')).status).toBe('ok');
    // Only one open version at a time.
    expect((await startCorrection(s.who, s.meeting.id, 'Toinen')).status).toBe('open_version');

    const ws = await workspace(s.meeting.id);
    expect(ws.current!.versionNo).toBe(2);
    expect(ws.current!.correctionNote).toBe('Äänestystulos korjattu: 4–0.');
    expect(ws.decisions.find((d) => d.agendaItemId === s.grants.id)?.decision).toBe('Neuvottelukunta puolsi linjauksia.');
    expect(ws.attendees.length).toBe(s.ws.attendees.length);
    const v2 = ws.current!;
    expect(
      (await saveDecision(s.who, s.meeting.id, v2.id, v2.lockVersion, {
        intent: 'save-decision',
        lockVersion: v2.lockVersion,
        itemId: s.grants.id,
        decision: 'Neuvottelukunta puolsi linjauksia yksimielisesti.',
        outcome: 'decided',
        votesFor: 4,
        votesAgainst: 0,
      })).status,
    ).toBe('ok');
    // Before v2 is published the public still reads v1.
    expect((await getPublishedMinutes(s.meeting.id))!.version.versionNo).toBe(1);
    await approveMinutes(s.who, s.meeting.id, v2.id, v2.lockVersion + 1, 'at_meeting');
    await publishMinutes(s.who, s.meeting.id, v2.id, v2.lockVersion + 2);

    const pub = (await getPublishedMinutes(s.meeting.id))!;
    expect(pub.version.versionNo).toBe(2);
    expect(pub.history.map((h) => h.versionNo)).toEqual([2, 1]);
    expect(pub.items.find((i) => i.id === s.grants.id)?.decision).toBe('Neuvottelukunta puolsi linjauksia yksimielisesti.');
    const v1 = (await getPublishedMinutes(s.meeting.id, 1))!;
    expect(v1.items.find((i) => i.id === s.grants.id)?.decision).toBe('Neuvottelukunta puolsi linjauksia.');
    const [frozenV1] = await getDb().select().from(minutesVersions).where(eq(minutesVersions.id, s.versionId));
    expect(frozenV1!.status).toBe('published');
  });

  it('never loses work when two secretaries save from the same lock version', async () => {
    const s = await draftWithDecisions();
    const lv = s.ws.current!.lockVersion;
    const first = await saveDecision(s.who, s.meeting.id, s.versionId, lv, {
      intent: 'save-decision',
      lockVersion: lv,
      itemId: s.opening.id,
      decision: 'Ensimmäisen sihteerin teksti.',
      outcome: 'decided',
    });
    const second = await saveDecision(s.who, s.meeting.id, s.versionId, lv, {
      intent: 'save-decision',
      lockVersion: lv,
      itemId: s.opening.id,
      decision: 'Toisen sihteerin teksti.',
      outcome: 'decided',
    });
    expect(first.status).toBe('ok');
    expect(second.status).toBe('conflict');
    const [d] = await getDb().select().from(decisions).where(and(eq(decisions.versionId, s.versionId), eq(decisions.agendaItemId, s.opening.id)));
    expect(d!.decision).toBe('Ensimmäisen sihteerin teksti.');
  });

  it('counts a substituting deputy for quorum and refuses attendance from another council', async () => {
    const s = await draftWithDecisions();
    const lv = s.ws.current!.lockVersion;
    const rows = s.seats.map((seat, i) => ({
      personId: seat.personId,
      membershipId: seat.membershipId,
      role: 'member' as const,
      present: i < 2,
    }));
    expect((await saveAttendance(s.who, s.meeting.id, s.versionId, lv, rows)).status).toBe('ok');
    expect((await workspace(s.meeting.id)).quorum).toMatchObject({ present: 2, required: 3, quorate: false });
    const deputy = s.seats[2]!;
    const withDeputy = [
      ...rows,
      { personId: deputy.deputyPersonId, membershipId: deputy.deputyMembershipId, role: 'deputy' as const, present: true, substitutesForId: deputy.membershipId },
    ];
    expect((await saveAttendance(s.who, s.meeting.id, s.versionId, lv + 1, withDeputy)).status).toBe('ok');
    expect((await workspace(s.meeting.id)).quorum).toMatchObject({ present: 3, quorate: true });

    const other = await buildRecordsSetup();
    const foreign = [...withDeputy, { personId: other.seats[0]!.personId, role: 'member' as const, present: true }];
    expect((await saveAttendance(s.who, s.meeting.id, s.versionId, lv + 2, foreign)).status).toBe('bad_reference');
    expect((await workspace(s.meeting.id)).attendees.filter((a) => a.present && a.role !== 'secretary')).toHaveLength(3);
  });

  it('carries a postponed item to the later meeting', async () => {
    const s = await draftWithDecisions();
    const later = await buildMeeting(s.council.id, { startsAt: new Date('2026-06-10T12:00:00Z') });
    const lv = s.ws.current!.lockVersion;
    const res = await saveDecision(s.who, s.meeting.id, s.versionId, lv, {
      intent: 'save-decision',
      lockVersion: lv,
      itemId: s.grants.id,
      decision: 'Asia siirrettiin seuraavaan kokoukseen.',
      outcome: 'postponed',
      postponedToMeetingId: later.id,
    });
    expect(res.status).toBe('ok');
    const carried = await getDb().select().from(agendaItems).where(eq(agendaItems.meetingId, later.id));
    expect(carried).toHaveLength(1);
    expect(carried[0]).toMatchObject({ title: 'Järjestöavustukset 2027', carriedFromItemId: s.grants.id });
  });
});
