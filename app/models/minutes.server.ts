import { and, asc, desc, eq, getTableColumns, gt, gte, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type Executor, type Tx } from '~db/client.server';
import {
  agendaItems,
  attendance,
  councils,
  decisions,
  meetingInvitees,
  meetings,
  memberVotes,
  memberships,
  minutes,
  minutesCheckers,
  minutesVersions,
  people,
  recusals,
  terms,
  type MinutesVersion,
} from '~db/schema';
import { formatDate, formatDateTime, formatMeetingTime, helsinkiWallClock, todayInHelsinki, toIsoWithOffset } from '~/lib/dates';
import { isLocale, langTexts, pickLang, type LangTexts, type Locale } from '~/lib/i18n';
import { htmlTexts, plainSummaryHtmls } from '~/lib/content-languages.server';
import { unusedLanguageFields } from '~/lib/content-languages';
import { renderRecordPdf, type RecordDocument, type RecordItem, type RecordLabels } from '~/lib/pdf.server';
import { contentDispositionAttachment } from '~/lib/storage.server';
import i18nServer from '~/i18n.server';
import { renderMarkdown } from '~/lib/markdown.server';
import { computeQuorum, type QuorumResult } from '~/lib/quorum';
import { versionParam, type AttendanceRowInput, type DecisionInput } from '~/validation/records';
import { can } from '~/auth/permissions';
import {
  carryItemForward,
  councilLanguage,
  councilLanguagesOf,
  frozenAware,
  getMeetingScope,
  getMembersAgenda,
  getPublicAgenda,
  isPublicRecord,
  requireMeetingPermission,
  publicItemColumns,
  sectionLabel,
  type MeetingScope,
  type Who,
} from './agendas.server';
import { diffChanges, recordAudit, type AuditActor } from './audit.server';
import { VOTING_SEAT_ROLES } from '~db/schema/constants';
import { hasStarted, meetingNumber } from '~/lib/meeting-lifecycle';
import { membersWithDeputies } from '~/lib/attendance-order';
import { checkRollCall, countVotes, votersOf, type RollCallProblem, type VoteOption, type Voter } from '~/lib/roll-call';
import { wakeWorkers } from '~/lib/queue/queue.server';
import { MAIL_QUEUE } from '~/lib/queue/queues';
import { queuePublicationNotices } from '~/models/subscriptions.server';
import { recordFingerprint } from '~/models/fingerprints.server';

const EMPTY_TEXTS: LangTexts = { fi: null, sv: null, en: null };
import { itemWebRemovedAt } from '~/models/lifecycle.server';

const SEAT_ROLES = VOTING_SEAT_ROLES;
const CHECKER_ROLES: readonly string[] = ['chair', 'member', 'deputy'];

export type MinutesRefusal =
  | 'not_found'
  | 'conflict'
  | 'frozen'
  | 'not_draft'
  | 'not_checking'
  | 'not_approved'
  | 'checkers_missing'
  | 'checkers_unconfirmed'
  | 'bad_item'
  | 'bad_reference'
  | 'not_attendee'
  | 'not_checker'
  | 'already_confirmed'
  | 'open_version'
  | 'exists'
  | 'cancelled'
  | 'not_started'
  | 'deputy_for_present'
  | 'checker_not_member'
  | 'time_out_of_range'
  | 'roll_call_not_voter'
  | 'roll_call_twice'
  | 'roll_call_missing'
  | 'roll_call_not_in_room'
  | 'votes_mismatch'
  | 'voted'
  | 'votes_recorded'
  | 'language_not_used';
/** A refusal may name the form field it concerns and the values its message needs. */
export type MinutesOutcome = { status: 'ok'; id: string } | { status: MinutesRefusal; field?: string; params?: Record<string, string> };

const ok = (id: string): MinutesOutcome => ({ status: 'ok', id });
const no = (status: MinutesRefusal, field?: string, params?: Record<string, string>): MinutesOutcome => ({ status, field, params });

/** Minutes record what happened: they can be approved or published only once the meeting has started. */
async function meetingNotStarted(tx: Tx, meetingId: string, now: Date): Promise<boolean> {
  const [row] = await tx.select({ startsAt: meetings.startsAt }).from(meetings).where(eq(meetings.id, meetingId));
  return !row || !hasStarted(row, now);
}

/** The meeting's local date (Helsinki), for "whose seat was it on that day". */
function meetingDate(scope: Pick<MeetingScope, 'startsAt'>): string {
  return todayInHelsinki(scope.startsAt);
}

// ---------------------------------------------------------------------------------------------
// Roster of the meeting: who could attend, which memberships are seats

/** Memberships of the council in force on the meeting's date, with names (never contact details). */
export async function getMeetingRoster(scope: MeetingScope, db: Executor = getDb()) {
  const date = meetingDate(scope);
  const rows = await db
    .select({
      membershipId: memberships.id,
      personId: memberships.personId,
      role: memberships.role,
      principalId: memberships.principalId,
      givenName: people.givenName,
      familyName: people.familyName,
    })
    .from(memberships)
    .innerJoin(terms, eq(terms.id, memberships.termId))
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(
      and(
        eq(terms.councilId, scope.councilId),
        scope.termId ? eq(terms.id, scope.termId) : undefined,
        lte(memberships.startDate, date),
        or(isNull(memberships.endDate), gte(memberships.endDate, date)),
      ),
    )
    .orderBy(asc(people.familyName), asc(people.givenName));
  const seatIds = new Set(rows.filter((r) => (SEAT_ROLES as readonly string[]).includes(r.role)).map((r) => r.membershipId));
  // One line per person: their seat if they have one, else their first role.
  const byPerson = new Map<string, (typeof rows)[number] & { name: string; roles: string[] }>();
  for (const r of rows) {
    const name = `${r.givenName} ${r.familyName}`;
    const have = byPerson.get(r.personId);
    if (!have) byPerson.set(r.personId, { ...r, name, roles: [r.role] });
    else {
      have.roles.push(r.role);
      if (seatIds.has(r.membershipId) && !seatIds.has(have.membershipId)) Object.assign(have, { ...r, name, roles: have.roles });
    }
  }
  return { seatIds, people: [...byPerson.values()], memberships: rows };
}
export type MeetingRoster = Awaited<ReturnType<typeof getMeetingRoster>>;

/** The attendance role a roster person gets by default. */
export function defaultAttendanceRole(roles: readonly string[]): 'chair' | 'secretary' | 'deputy' | 'expert' | 'member' {
  if (roles.includes('chair')) return 'chair';
  if (roles.some((r) => (SEAT_ROLES as readonly string[]).includes(r))) return 'member';
  if (roles.includes('secretary')) return 'secretary';
  if (roles.includes('deputy')) return 'deputy';
  if (roles.includes('invited_expert')) return 'expert';
  return 'member';
}

// ---------------------------------------------------------------------------------------------
// Reading a version

const substituted = alias(memberships, 'substituted');
const substitutedPerson = alias(people, 'substituted_person');

async function versionParts(db: Executor, versionId: string) {
  const [attendees, checkerRows, recusalRows, memberVoteRows] = await Promise.all([
    db
      .select({
        id: attendance.id,
        personId: attendance.personId,
        name: sql<string>`${people.givenName} || ' ' || ${people.familyName}`,
        membershipId: attendance.membershipId,
        role: attendance.role,
        substitutesForId: attendance.substitutesForId,
        substitutesForName: sql<string | null>`${substitutedPerson.givenName} || ' ' || ${substitutedPerson.familyName}`,
        present: attendance.present,
        rightToSpeak: attendance.rightToSpeak,
        arrivedAtItemId: attendance.arrivedAtItemId,
        leftAtItemId: attendance.leftAtItemId,
        note: attendance.note,
      })
      .from(attendance)
      .innerJoin(people, eq(people.id, attendance.personId))
      .leftJoin(substituted, eq(substituted.id, attendance.substitutesForId))
      .leftJoin(substitutedPerson, eq(substitutedPerson.id, substituted.personId))
      .where(eq(attendance.versionId, versionId))
      .orderBy(asc(attendance.role), asc(people.familyName)),
    db
      .select({
        id: minutesCheckers.id,
        personId: minutesCheckers.personId,
        name: sql<string>`${people.givenName} || ' ' || ${people.familyName}`,
        confirmedAt: minutesCheckers.confirmedAt,
      })
      .from(minutesCheckers)
      .innerJoin(people, eq(people.id, minutesCheckers.personId))
      .where(eq(minutesCheckers.versionId, versionId))
      .orderBy(asc(people.familyName)),
    db
      .select({
        id: recusals.id,
        agendaItemId: recusals.agendaItemId,
        personId: recusals.personId,
        name: sql<string>`${people.givenName} || ' ' || ${people.familyName}`,
        reason: recusals.reason,
      })
      .from(recusals)
      .innerJoin(people, eq(people.id, recusals.personId))
      .where(eq(recusals.versionId, versionId)),
    memberVotesOf(db, versionId),
  ]);
  return { attendees, checkers: checkerRows, recusals: recusalRows, memberVotes: memberVoteRows };
}

/** The votes by name of a version, by item and name (names only, never contact details). */
function memberVotesOf(db: Executor, versionId: string) {
  return db
    .select({
      agendaItemId: memberVotes.agendaItemId,
      personId: memberVotes.personId,
      name: sql<string>`${people.givenName} || ' ' || ${people.familyName}`,
      option: memberVotes.option,
    })
    .from(memberVotes)
    .innerJoin(people, eq(people.id, memberVotes.personId))
    .where(eq(memberVotes.versionId, versionId))
    .orderBy(asc(people.familyName), asc(people.givenName));
}

/** An attendance row as roll-call input, with the positions of its arrival and departure items. */
function voterAttendance(
  a: { personId: string; name: string; role: string; present: boolean; substitutesForId: string | null; arrivedAtItemId: string | null; leftAtItemId: string | null },
  positions: Map<string, number>,
) {
  return {
    personId: a.personId,
    name: a.name,
    role: a.role,
    present: a.present,
    substitutesForId: a.substitutesForId,
    arrivedAtPosition: a.arrivedAtItemId ? positions.get(a.arrivedAtItemId) ?? null : null,
    leftAtPosition: a.leftAtItemId ? positions.get(a.leftAtItemId) ?? null : null,
  };
}

/** The minutes of a meeting with all versions, newest first (secretariat). */
export async function getMinutesVersions(meetingId: string, councilId: string, db: Executor = getDb()) {
  const [record] = await db
    .select()
    .from(minutes)
    .where(and(eq(minutes.meetingId, meetingId), eq(minutes.councilId, councilId)));
  if (!record) return null;
  const versions = await db
    .select()
    .from(minutesVersions)
    .where(eq(minutesVersions.minutesId, record.id))
    .orderBy(desc(minutesVersions.versionNo));
  return { record, versions };
}

/** Everything the minutes page shows: the latest version, its parts, roster, quorum and choices. */
export async function getMinutesWorkspace(scope: MeetingScope) {
  const db = getDb();
  const [found, items, roster, laterMeetings] = await Promise.all([
    getMinutesVersions(scope.meetingId, scope.councilId, db),
    db
      .select()
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, scope.meetingId), eq(agendaItems.councilId, scope.councilId)))
      .orderBy(asc(agendaItems.position)),
    getMeetingRoster(scope, db),
    db
      .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
      .from(meetings)
      .where(and(eq(meetings.councilId, scope.councilId), gt(meetings.startsAt, scope.startsAt), ne(meetings.status, 'cancelled')))
      .orderBy(asc(meetings.startsAt))
      .limit(20),
  ]);
  const laterItems =
    laterMeetings.length === 0
      ? []
      : await db
          .select({ id: agendaItems.id, meetingId: agendaItems.meetingId, title: agendaItems.title, sectionNumber: agendaItems.sectionNumber })
          .from(agendaItems)
          .where(inArray(agendaItems.meetingId, laterMeetings.slice(0, 3).map((m) => m.id)))
          .orderBy(asc(agendaItems.position));
  const current = found?.versions[0] ?? null;
  const parts = current ? await versionParts(db, current.id) : null;
  const decisionRows = current ? await db.select().from(decisions).where(eq(decisions.versionId, current.id)) : [];
  const positions = new Map(items.map((i) => [i.id, i.position]));
  const quorumRule = { numerator: scope.quorumNumerator, denominator: scope.quorumDenominator };
  const quorumInput = (parts?.attendees ?? []).map((a) => ({
    present: a.present,
    membershipId: a.membershipId,
    substitutesForId: a.substitutesForId,
    arrivedAtPosition: a.arrivedAtItemId ? positions.get(a.arrivedAtItemId) ?? null : null,
    leftAtPosition: a.leftAtItemId ? positions.get(a.leftAtItemId) ?? null : null,
  }));
  const quorum: QuorumResult = computeQuorum(roster.seatIds, quorumInput, quorumRule);
  const quorumByItem = Object.fromEntries(
    items.map((i) => [i.id, computeQuorum(roster.seatIds, quorumInput, quorumRule, i.position)]),
  );
  return {
    record: found?.record ?? null,
    versions: found?.versions ?? [],
    current,
    items: items.map((i) => ({ ...i, number: sectionLabel(i) })),
    decisions: decisionRows,
    attendees: parts?.attendees ?? [],
    checkers: parts?.checkers ?? [],
    recusals: parts?.recusals ?? [],
    memberVotes: parts?.memberVotes ?? [],
    votersByItem: Object.fromEntries(
      items.map((i) => [
        i.id,
        votersOf(
          (parts?.attendees ?? []).map((a) => voterAttendance(a, positions)),
          new Set((parts?.recusals ?? []).filter((r) => r.agendaItemId === i.id).map((r) => r.personId)),
          i.position,
        ),
      ]),
    ),
    roster: membersWithDeputies(roster.people).map((p) => ({
      personId: p.personId,
      membershipId: p.membershipId,
      name: p.name,
      roles: p.roles,
      principalId: p.principalId,
      seat: roster.seatIds.has(p.membershipId),
    })),
    seatMemberships: roster.memberships
      .filter((m) => roster.seatIds.has(m.membershipId))
      .map((m) => ({ membershipId: m.membershipId, name: `${m.givenName} ${m.familyName}` })),
    quorum,
    quorumByItem,
    laterMeetings,
    laterItems,
  };
}
export type MinutesWorkspace = Awaited<ReturnType<typeof getMinutesWorkspace>>;

// ---------------------------------------------------------------------------------------------
// Workflow transitions: each one named function, one transaction, one audit entry.

/** The version row, locked, provided it belongs to this meeting of this council. */
async function lockedVersion(tx: Tx, councilId: string, meetingId: string, versionId: string) {
  const [row] = await tx
    .select({ version: minutesVersions })
    .from(minutesVersions)
    .innerJoin(minutes, eq(minutes.id, minutesVersions.minutesId))
    .where(and(eq(minutesVersions.id, versionId), eq(minutes.councilId, councilId), eq(minutes.meetingId, meetingId)))
    .for('update');
  return row?.version ?? null;
}

/**
 * Claims a draft for an edit: raises its lock version if it still is the one the form read.
 * Every edit of a version's parts goes through here, so two secretaries never overwrite each other.
 */
export async function claimDraft(tx: Tx, who: Who, meetingId: string, versionId: string, lockVersion: number): Promise<MinutesRefusal | MinutesVersion> {
  const version = await lockedVersion(tx, who.councilId, meetingId, versionId);
  if (!version) return 'not_found';
  if (version.status === 'approved' || version.status === 'published') return 'frozen';
  if (version.status !== 'draft') return 'not_draft';
  if (version.lockVersion !== lockVersion) return 'conflict';
  await tx
    .update(minutesVersions)
    .set({ lockVersion: sql`${minutesVersions.lockVersion} + 1`, updatedAt: new Date() })
    .where(eq(minutesVersions.id, versionId));
  return version;
}

function audit(tx: Tx, who: Who, action: string, versionId: string, changes: Record<string, unknown>) {
  return recordAudit(tx, who.actor, {
    action,
    entityType: 'minutes_version',
    entityId: versionId,
    councilId: who.councilId,
    regionId: who.regionId,
    changes,
  });
}

/** Runs a transition; a refusal string returned by `work` rolls the transaction back. */
async function transition(work: (tx: Tx) => Promise<MinutesOutcome>): Promise<MinutesOutcome> {
  const rollback = Symbol('rollback');
  let refused: MinutesOutcome | null = null;
  try {
    return await frozenAware(
      () =>
        getDb().transaction(async (tx) => {
          const outcome = await work(tx);
          if (outcome.status !== 'ok') {
            refused = outcome;
            throw rollback;
          }
          return outcome;
        }),
      no('frozen'),
    );
  } catch (error) {
    if (error === rollback && refused) return refused;
    throw error;
  }
}

/** Creates the minutes with a first draft whose attendance is prefilled from the roster and the replies. */
export async function startMinutes(who: Who, meetingId: string): Promise<MinutesOutcome> {
  return transition(async (tx) => {
    const scope = await getMeetingScope(meetingId, tx);
    if (!scope || scope.councilId !== who.councilId) return no('not_found');
    if (scope.status === 'cancelled') return no('cancelled');
    const [existing] = await tx.select({ id: minutes.id }).from(minutes).where(eq(minutes.meetingId, meetingId));
    if (existing) return no('exists');
    const [record] = await tx.insert(minutes).values({ meetingId, councilId: who.councilId }).returning();
    const [version] = await tx
      .insert(minutesVersions)
      .values({
        minutesId: record!.id,
        versionNo: 1,
        place: [scope.address, scope.room].filter(Boolean).join(', ') || null,
        createdBy: who.actor.userId,
      })
      .returning();
    const roster = await getMeetingRoster(scope, tx);
    const replies = new Map(
      (
        await tx
          .select({ personId: meetingInvitees.personId, reply: meetingInvitees.reply })
          .from(meetingInvitees)
          .where(eq(meetingInvitees.meetingId, meetingId))
      ).map((r) => [r.personId, r.reply]),
    );
    const absentSeats = new Set<string>();
    const rows: Array<typeof attendance.$inferInsert> = [];
    for (const p of roster.people) {
      const role = defaultAttendanceRole(p.roles);
      if (role === 'deputy') continue;
      const present = replies.get(p.personId) !== 'not_attending';
      if (!present && roster.seatIds.has(p.membershipId)) absentSeats.add(p.membershipId);
      rows.push({ versionId: version!.id, personId: p.personId, membershipId: p.membershipId, role, present });
    }
    // A personal deputy who said yes comes in for their absent member.
    for (const p of roster.people) {
      if (defaultAttendanceRole(p.roles) !== 'deputy') continue;
      const principal = p.principalId && absentSeats.has(p.principalId) ? p.principalId : null;
      if (principal && replies.get(p.personId) === 'attending') {
        absentSeats.delete(principal);
        rows.push({ versionId: version!.id, personId: p.personId, membershipId: p.membershipId, role: 'deputy', substitutesForId: principal, present: true });
      }
    }
    if (rows.length > 0) await tx.insert(attendance).values(rows);
    await audit(tx, who, 'minutes.create', version!.id, { meetingId, versionNo: 1, attendees: rows.length });
    return ok(version!.id);
  });
}

export interface MinutesMetaInput {
  place?: string;
  openedAt?: Date | null;
  closedAt?: Date | null;
  summary?: string;
}

/** Opening and closing time, place and summary of a draft. */
export async function updateMinutesMeta(who: Who, meetingId: string, versionId: string, lockVersion: number, input: MinutesMetaInput) {
  return transition(async (tx) => {
    const claimed = await claimDraft(tx, who, meetingId, versionId, lockVersion);
    if (typeof claimed === 'string') return no(claimed);
    const scope = (await getMeetingScope(meetingId, tx))!;
    // Opening and closing times fall on the meeting's day(s) in Helsinki, nothing else.
    const dayStart = helsinkiWallClock(todayInHelsinki(scope.startsAt), '00:00').getTime();
    const dayEnd = helsinkiWallClock(todayInHelsinki(scope.endsAt), '23:59').getTime() + 60_000;
    for (const field of ['openedAt', 'closedAt'] as const) {
      const at = input[field];
      if (at && (at.getTime() < dayStart || at.getTime() >= dayEnd)) return no('time_out_of_range', field);
    }
    const values = {
      place: input.place?.trim() || null,
      openedAt: input.openedAt ?? null,
      closedAt: input.closedAt ?? null,
      summary: input.summary?.trim() || null,
    };
    await tx.update(minutesVersions).set(values).where(eq(minutesVersions.id, versionId));
    await audit(tx, who, 'minutes.update_meta', versionId, diffChanges(claimed, values));
    return ok(versionId);
  });
}

/** Replaces the attendance list of a draft; every person and membership must belong to the council. */
export async function saveAttendance(who: Who, meetingId: string, versionId: string, lockVersion: number, rows: AttendanceRowInput[]) {
  return transition(async (tx) => {
    const claimed = await claimDraft(tx, who, meetingId, versionId, lockVersion);
    if (typeof claimed === 'string') return no(claimed);
    const scope = (await getMeetingScope(meetingId, tx))!;
    const roster = await getMeetingRoster(scope, tx);
    const people = new Set(roster.memberships.map((m) => m.personId));
    const membershipIds = new Set(roster.memberships.map((m) => m.membershipId));
    const itemIds = new Set(
      (await tx.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId))).map((i) => i.id),
    );
    const seen = new Set<string>();
    for (const r of rows) {
      if (seen.has(r.personId)) return no('bad_reference');
      seen.add(r.personId);
      if (!people.has(r.personId)) return no('bad_reference');
      if (r.membershipId && !membershipIds.has(r.membershipId)) return no('bad_reference');
      if (r.substitutesForId && !roster.seatIds.has(r.substitutesForId)) return no('bad_reference');
      for (const id of [r.arrivedAtItemId, r.leftAtItemId]) if (id && !itemIds.has(id)) return no('bad_reference');
    }
    // A deputy cannot substitute for a member who is recorded present at the same time.
    for (const [index, r] of rows.entries()) {
      if (r.role !== 'deputy' || !r.substitutesForId) continue;
      const member = rows.find((x) => x.present && x.membershipId === r.substitutesForId);
      if (member) {
        const name = roster.people.find((p) => p.personId === member.personId)?.name ?? '';
        return no('deputy_for_present', `rows[${index}].substitutesForId`, { name });
      }
    }
    await tx.delete(attendance).where(eq(attendance.versionId, versionId));
    if (rows.length > 0) {
      await tx.insert(attendance).values(
        rows.map((r) => ({
          versionId,
          personId: r.personId,
          membershipId: r.membershipId ?? null,
          role: r.role,
          present: r.present,
          substitutesForId: r.role === 'deputy' ? r.substitutesForId ?? null : null,
          arrivedAtItemId: r.arrivedAtItemId ?? null,
          leftAtItemId: r.leftAtItemId ?? null,
          note: r.note?.trim() || null,
        })),
      );
    }
    const broken = await brokenRollCall(tx, meetingId, versionId);
    if (broken) return broken;
    await audit(tx, who, 'minutes.attendance', versionId, {
      present: rows.filter((r) => r.present).length,
      listed: rows.length,
    });
    return ok(versionId);
  });
}

/** Discussion, decision, votes and a possible postponement of one item of this meeting. */
export async function saveDecision(who: Who, meetingId: string, versionId: string, lockVersion: number, input: DecisionInput) {
  return transition(async (tx) => {
    const claimed = await claimDraft(tx, who, meetingId, versionId, lockVersion);
    if (typeof claimed === 'string') return no(claimed);
    const [item] = await tx
      .select()
      .from(agendaItems)
      .where(and(eq(agendaItems.id, input.itemId), eq(agendaItems.meetingId, meetingId), eq(agendaItems.councilId, who.councilId)));
    if (!item) return no('bad_item');
    const refused = unusedLanguageFields({ decisionSv: input.decisionSv, decisionEn: input.decisionEn }, await councilLanguagesOf(tx, who.councilId));
    if (refused.length > 0) return no('language_not_used', refused[0]!.field);
    if (input.postponedToMeetingId) {
      const scope = (await getMeetingScope(meetingId, tx))!;
      const target = await getMeetingScope(input.postponedToMeetingId, tx);
      if (!target || target.councilId !== who.councilId || target.startsAt <= scope.startsAt) return no('bad_reference');
    }
    // With a vote by name the counts are derived from it; counts typed in must agree.
    const rollCall = await tx
      .select({ option: memberVotes.option })
      .from(memberVotes)
      .where(and(eq(memberVotes.versionId, versionId), eq(memberVotes.agendaItemId, item.id)));
    const derived = rollCall.length > 0 ? countVotes(rollCall) : null;
    if (derived) {
      for (const [field, value] of [
        ['votesFor', derived.for],
        ['votesAgainst', derived.against],
        ['votesAbstain', derived.abstain],
      ] as const) {
        const typed = input[field];
        if (typed !== undefined && typed !== null && typed !== value) return no('votes_mismatch', field);
      }
    }
    const values = {
      discussion: input.discussion?.trim() || null,
      decision: input.decision?.trim() || null,
      decisionSv: input.decisionSv?.trim() || null,
      decisionEn: input.decisionEn?.trim() || null,
      outcome: input.outcome,
      votesFor: derived ? derived.for : input.votesFor ?? null,
      votesAgainst: derived ? derived.against : input.votesAgainst ?? null,
      votesAbstain: derived ? derived.abstain : input.votesAbstain ?? null,
      postponedToMeetingId: input.outcome === 'postponed' ? input.postponedToMeetingId ?? null : null,
    };
    const [before] = await tx
      .select()
      .from(decisions)
      .where(and(eq(decisions.versionId, versionId), eq(decisions.agendaItemId, item.id)));
    if (before) await tx.update(decisions).set(values).where(eq(decisions.id, before.id));
    else await tx.insert(decisions).values({ versionId, agendaItemId: item.id, ...values });
    const carried = values.postponedToMeetingId ? await carryItemForward(tx, who.councilId, item, values.postponedToMeetingId) : null;
    await audit(tx, who, 'minutes.decision', versionId, {
      itemId: item.id,
      ...(before ? diffChanges(before, values) : values),
      ...(carried ? { carriedToItemId: carried } : {}),
    });
    return ok(versionId);
  });
}

/** Marks that a person present left the room for an item (conflict of interest). */
export async function addRecusal(
  who: Who,
  meetingId: string,
  versionId: string,
  lockVersion: number,
  input: { itemId: string; personId: string; reason?: string },
) {
  return transition(async (tx) => {
    const claimed = await claimDraft(tx, who, meetingId, versionId, lockVersion);
    if (typeof claimed === 'string') return no(claimed);
    const [item] = await tx
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(and(eq(agendaItems.id, input.itemId), eq(agendaItems.meetingId, meetingId), eq(agendaItems.councilId, who.councilId)));
    if (!item) return no('bad_item');
    const [present] = await tx
      .select({ id: attendance.id })
      .from(attendance)
      .where(and(eq(attendance.versionId, versionId), eq(attendance.personId, input.personId)));
    if (!present) return no('not_attendee');
    const [voted] = await tx
      .select({ name: sql<string>`${people.givenName} || ' ' || ${people.familyName}` })
      .from(memberVotes)
      .innerJoin(people, eq(people.id, memberVotes.personId))
      .where(and(eq(memberVotes.versionId, versionId), eq(memberVotes.agendaItemId, item.id), eq(memberVotes.personId, input.personId)));
    if (voted) return no('voted', 'personId', { name: voted.name });
    await tx
      .insert(recusals)
      .values({ versionId, agendaItemId: item.id, personId: input.personId, reason: input.reason?.trim() || null })
      .onConflictDoNothing();
    await audit(tx, who, 'minutes.recusal_add', versionId, { itemId: item.id, personId: input.personId });
    return ok(versionId);
  });
}

/** Removes a conflict-of-interest mark from a draft. */
export async function removeRecusal(who: Who, meetingId: string, versionId: string, lockVersion: number, recusalId: string) {
  return transition(async (tx) => {
    const claimed = await claimDraft(tx, who, meetingId, versionId, lockVersion);
    if (typeof claimed === 'string') return no(claimed);
    const removed = await tx
      .delete(recusals)
      .where(and(eq(recusals.id, recusalId), eq(recusals.versionId, versionId)))
      .returning({ id: recusals.id });
    if (removed.length === 0) return no('not_found');
    await audit(tx, who, 'minutes.recusal_remove', versionId, { recusalId });
    return ok(versionId);
  });
}

// ---------------------------------------------------------------------------------------------
// Votes by name (nimenhuutoäänestys)

/** The voters of each item of a version (attendance and recusals as they are in the transaction). */
async function votersByItem(tx: Tx, meetingId: string, versionId: string): Promise<Map<string, { position: number; title: string; number: string | null; voters: Voter[] }>> {
  const [items, attendees, recused] = await Promise.all([
    tx
      .select({ id: agendaItems.id, position: agendaItems.position, title: agendaItems.title, sectionYear: agendaItems.sectionYear, sectionNumber: agendaItems.sectionNumber })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meetingId)),
    tx
      .select({
        personId: attendance.personId,
        name: sql<string>`${people.givenName} || ' ' || ${people.familyName}`,
        role: attendance.role,
        present: attendance.present,
        substitutesForId: attendance.substitutesForId,
        arrivedAtItemId: attendance.arrivedAtItemId,
        leftAtItemId: attendance.leftAtItemId,
      })
      .from(attendance)
      .innerJoin(people, eq(people.id, attendance.personId))
      .where(eq(attendance.versionId, versionId)),
    tx.select({ agendaItemId: recusals.agendaItemId, personId: recusals.personId }).from(recusals).where(eq(recusals.versionId, versionId)),
  ]);
  const positions = new Map(items.map((i) => [i.id, i.position]));
  const rows = attendees.map((a) => voterAttendance(a, positions));
  return new Map(
    items.map((i) => [
      i.id,
      {
        position: i.position,
        title: i.title,
        number: sectionLabel(i),
        voters: votersOf(rows, new Set(recused.filter((r) => r.agendaItemId === i.id).map((r) => r.personId)), i.position),
      },
    ]),
  );
}

function rollCallRefusal(problem: RollCallProblem, field?: string): MinutesOutcome {
  switch (problem.kind) {
    case 'not_voter':
      return no('roll_call_not_voter', field);
    case 'twice':
      return no('roll_call_twice', field);
    case 'missing':
      return no('roll_call_missing', field, { name: problem.name });
    default:
      return no('roll_call_not_in_room', field, { name: problem.name });
  }
}

/** After an attendance change: a refusal when a recorded vote by name no longer fits it. */
async function brokenRollCall(tx: Tx, meetingId: string, versionId: string): Promise<MinutesOutcome | null> {
  const recorded = await tx
    .select({ agendaItemId: memberVotes.agendaItemId, personId: memberVotes.personId, option: memberVotes.option })
    .from(memberVotes)
    .where(eq(memberVotes.versionId, versionId));
  if (recorded.length === 0) return null;
  const byItem = await votersByItem(tx, meetingId, versionId);
  for (const itemId of new Set(recorded.map((r) => r.agendaItemId))) {
    const item = byItem.get(itemId);
    if (!item) continue;
    const problem = checkRollCall(item.voters, recorded.filter((r) => r.agendaItemId === itemId));
    if (!problem) continue;
    const [person] = await tx.select({ name: sql<string>`${people.givenName} || ' ' || ${people.familyName}` }).from(people).where(eq(people.id, problem.personId));
    return no('votes_recorded', undefined, { name: person?.name ?? '', item: item.number ?? item.title });
  }
  return null;
}

export interface RollCallInput {
  itemId: string;
  votes: Array<{ personId: string; option: VoteOption }>;
}

/**
 * Records a vote by name on one item: every voter of the item (members and substituting deputies
 * present, not recused) once, with yes/no/abstain/absent. The decision's counts are set from it.
 */
export async function saveRollCall(who: Who, meetingId: string, versionId: string, lockVersion: number, input: RollCallInput) {
  return transition(async (tx) => {
    const claimed = await claimDraft(tx, who, meetingId, versionId, lockVersion);
    if (typeof claimed === 'string') return no(claimed);
    const item = (await votersByItem(tx, meetingId, versionId)).get(input.itemId);
    if (!item) return no('bad_item');
    if (input.votes.length === 0) return no('roll_call_missing', undefined, { name: item.voters[0]?.name ?? '' });
    const problem = checkRollCall(item.voters, input.votes);
    if (problem) {
      const index = input.votes.findIndex((v) => v.personId === problem.personId);
      return rollCallRefusal(problem, index >= 0 ? `votes[${index}].option` : undefined);
    }
    const counts = countVotes(input.votes);
    await tx.delete(memberVotes).where(and(eq(memberVotes.versionId, versionId), eq(memberVotes.agendaItemId, input.itemId)));
    await tx.insert(memberVotes).values(input.votes.map((v) => ({ versionId, agendaItemId: input.itemId, personId: v.personId, option: v.option })));
    const totals = { votesFor: counts.for, votesAgainst: counts.against, votesAbstain: counts.abstain };
    const [before] = await tx
      .select({ id: decisions.id })
      .from(decisions)
      .where(and(eq(decisions.versionId, versionId), eq(decisions.agendaItemId, input.itemId)));
    if (before) await tx.update(decisions).set(totals).where(eq(decisions.id, before.id));
    else await tx.insert(decisions).values({ versionId, agendaItemId: input.itemId, ...totals });
    await audit(tx, who, 'minutes.roll_call', versionId, { itemId: input.itemId, ...counts, voters: input.votes.length });
    return ok(versionId);
  });
}

/** Removes the vote by name of one item; its counts stay as the decision's counts (editable again). */
export async function clearRollCall(who: Who, meetingId: string, versionId: string, lockVersion: number, itemId: string) {
  return transition(async (tx) => {
    const claimed = await claimDraft(tx, who, meetingId, versionId, lockVersion);
    if (typeof claimed === 'string') return no(claimed);
    const removed = await tx
      .delete(memberVotes)
      .where(and(eq(memberVotes.versionId, versionId), eq(memberVotes.agendaItemId, itemId)))
      .returning({ id: memberVotes.id });
    if (removed.length === 0) return no('not_found');
    await audit(tx, who, 'minutes.roll_call_remove', versionId, { itemId, removed: removed.length });
    return ok(versionId);
  });
}

/** Chooses the minutes checkers of a draft among the people present. */
export async function chooseCheckers(who: Who, meetingId: string, versionId: string, lockVersion: number, personIds: string[]) {
  return transition(async (tx) => {
    const claimed = await claimDraft(tx, who, meetingId, versionId, lockVersion);
    if (typeof claimed === 'string') return no(claimed);
    const unique = [...new Set(personIds)];
    const present = await tx
      .select({ personId: attendance.personId, role: attendance.role })
      .from(attendance)
      .where(and(eq(attendance.versionId, versionId), eq(attendance.present, true), inArray(attendance.personId, unique)));
    if (present.length !== unique.length) return no('not_attendee', 'personIds');
    // Checkers come from the meeting's members (chair, members, deputies), not its secretary or experts.
    if (present.some((p) => !CHECKER_ROLES.includes(p.role))) return no('checker_not_member', 'personIds');
    await tx.delete(minutesCheckers).where(eq(minutesCheckers.versionId, versionId));
    await tx.insert(minutesCheckers).values(unique.map((personId) => ({ versionId, personId })));
    await audit(tx, who, 'minutes.checkers', versionId, { personIds: unique });
    return ok(versionId);
  });
}

/** draft → checking: the chosen checkers may now confirm. */
export async function sendForChecking(who: Who, meetingId: string, versionId: string, lockVersion: number, now = new Date()) {
  return transition(async (tx) => {
    const claimed = await claimDraft(tx, who, meetingId, versionId, lockVersion);
    if (typeof claimed === 'string') return no(claimed);
    const checkers = await tx.select({ id: minutesCheckers.id }).from(minutesCheckers).where(eq(minutesCheckers.versionId, versionId));
    if (checkers.length === 0) return no('checkers_missing');
    await tx.update(minutesVersions).set({ status: 'checking', submittedForCheckingAt: now }).where(eq(minutesVersions.id, versionId));
    await audit(tx, who, 'minutes.send_for_checking', versionId, { status: ['draft', 'checking'], checkers: checkers.length });
    return ok(versionId);
  });
}

/** checking → draft, when a checker found something to fix; earlier confirmations no longer hold. */
export async function returnToDraft(who: Who, meetingId: string, versionId: string, lockVersion: number) {
  return transition(async (tx) => {
    const version = await lockedVersion(tx, who.councilId, meetingId, versionId);
    if (!version) return no('not_found');
    if (version.status !== 'checking') return no('not_checking');
    if (version.lockVersion !== lockVersion) return no('conflict');
    await tx
      .update(minutesVersions)
      .set({ status: 'draft', submittedForCheckingAt: null, lockVersion: sql`${minutesVersions.lockVersion} + 1`, updatedAt: new Date() })
      .where(eq(minutesVersions.id, versionId));
    await tx.update(minutesCheckers).set({ confirmedAt: null, confirmedByUserId: null }).where(eq(minutesCheckers.versionId, versionId));
    await audit(tx, who, 'minutes.return_to_draft', versionId, { status: ['checking', 'draft'] });
    return ok(versionId);
  });
}

/**
 * A checker confirms the version they were chosen for. The person is taken from the signed-in
 * user, never from the form, so nobody can confirm on someone else's behalf.
 */
export async function confirmAsChecker(
  actor: AuditActor,
  input: { versionId: string; personId: string | null; councilId: string; regionId: string },
  now = new Date(),
) {
  return transition(async (tx) => {
    const [row] = await tx
      .select({ version: minutesVersions, checkerId: minutesCheckers.id, confirmedAt: minutesCheckers.confirmedAt })
      .from(minutesVersions)
      .innerJoin(minutes, eq(minutes.id, minutesVersions.minutesId))
      .leftJoin(
        minutesCheckers,
        and(eq(minutesCheckers.versionId, minutesVersions.id), eq(minutesCheckers.personId, input.personId ?? sql`NULL::uuid`)),
      )
      .where(and(eq(minutesVersions.id, input.versionId), eq(minutes.councilId, input.councilId)))
      .for('update', { of: minutesVersions });
    if (!row) return no('not_found');
    if (!row.checkerId || !input.personId) return no('not_checker');
    if (row.version.status !== 'checking') return no('not_checking');
    if (row.confirmedAt) return no('already_confirmed');
    await tx
      .update(minutesCheckers)
      .set({ confirmedAt: now, confirmedByUserId: actor.userId })
      .where(eq(minutesCheckers.id, row.checkerId));
    await recordAudit(tx, actor, {
      action: 'minutes.checker_confirm',
      entityType: 'minutes_version',
      entityId: input.versionId,
      councilId: input.councilId,
      regionId: input.regionId,
      changes: { personId: input.personId, confirmedAt: now.toISOString() },
    });
    return ok(input.versionId);
  });
}

export type ApprovalMethod = 'checkers' | 'at_meeting' | 'next_meeting';

/**
 * Approves a version, which freezes it (trigger): by the checkers (all confirmed, version out for
 * checking), at the meeting itself, or at a later meeting's agenda item of the same council.
 */
export async function approveMinutes(
  who: Who,
  meetingId: string,
  versionId: string,
  lockVersion: number,
  method: ApprovalMethod,
  approvedAtItemId?: string,
  now = new Date(),
) {
  return transition(async (tx) => {
    const version = await lockedVersion(tx, who.councilId, meetingId, versionId);
    if (!version) return no('not_found');
    if (version.status === 'approved' || version.status === 'published') return no('frozen');
    if (version.lockVersion !== lockVersion) return no('conflict');
    if (await meetingNotStarted(tx, meetingId, now)) return no('not_started');
    if (method === 'checkers') {
      if (version.status !== 'checking') return no('not_checking');
      const checkers = await tx
        .select({ confirmedAt: minutesCheckers.confirmedAt })
        .from(minutesCheckers)
        .where(eq(minutesCheckers.versionId, versionId));
      if (checkers.length === 0) return no('checkers_missing');
      if (checkers.some((c) => c.confirmedAt === null)) return no('checkers_unconfirmed');
    }
    let itemId: string | null = null;
    if (method === 'next_meeting') {
      if (!approvedAtItemId) return no('bad_item');
      const [row] = await tx
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
        .where(
          and(
            eq(agendaItems.id, approvedAtItemId),
            eq(agendaItems.councilId, who.councilId),
            gt(meetings.startsAt, sql`(select starts_at from ${meetings} where id = ${meetingId})`),
          ),
        );
      if (!row) return no('bad_item');
      itemId = row.id;
    }
    await tx
      .update(minutesVersions)
      .set({
        status: 'approved',
        approvedAt: now,
        approvalMethod: method,
        approvedAtItemId: itemId,
        lockVersion: sql`${minutesVersions.lockVersion} + 1`,
        updatedAt: now,
      })
      .where(eq(minutesVersions.id, versionId));
    await audit(tx, who, 'minutes.approve', versionId, { status: [version.status, 'approved'], method, approvedAtItemId: itemId });
    return ok(versionId);
  });
}

/** approved → published: the public now sees this version (and the earlier ones as history). */
export async function publishMinutes(who: Who, meetingId: string, versionId: string, lockVersion: number, now = new Date()) {
  let notices = 0;
  const outcome = await transition(async (tx) => {
    const version = await lockedVersion(tx, who.councilId, meetingId, versionId);
    if (!version) return no('not_found');
    if (version.status !== 'approved') return no(version.status === 'published' ? 'frozen' : 'not_approved');
    if (version.lockVersion !== lockVersion) return no('conflict');
    if (await meetingNotStarted(tx, meetingId, now)) return no('not_started');
    await tx
      .update(minutesVersions)
      .set({ status: 'published', publishedAt: now, lockVersion: sql`${minutesVersions.lockVersion} + 1`, updatedAt: now })
      .where(eq(minutesVersions.id, versionId));
    // The public PDF of this version renders to the same bytes from now on (its date is the
    // publication time): record its fingerprint with the publication.
    const printable = await publicPrintable(meetingId, 'minutes', version.versionNo, tx);
    let pdfSha256: string | null = null;
    if (printable) {
      const { bytes, language } = await renderPrintable(printable);
      pdfSha256 = await recordPublicPdf(tx, printable, bytes, language);
    }
    await audit(tx, who, 'minutes.publish', versionId, { status: ['approved', 'published'], pdfSha256 });
    // Members and subscribers hear of every published version, in this transaction.
    const scope = await getMeetingScope(meetingId, tx);
    if (scope) {
      notices = await queuePublicationNotices(tx, 'minutes', {
        meetingId,
        councilId: scope.councilId,
        title: scope.title,
        startsAt: scope.startsAt,
        endsAt: scope.endsAt,
        isPublic: isPublicRecord(scope),
      });
    }
    return ok(versionId);
  });
  if (outcome.status === 'ok' && notices > 0) wakeWorkers(MAIL_QUEUE);
  return outcome;
}

/**
 * Starts a correction: version n+1 as a draft copying the frozen version's text, attendance,
 * decisions, recusals and checkers (unconfirmed), with a note on what changes and why.
 */
export async function startCorrection(who: Who, meetingId: string, correctionNote: string) {
  return transition(async (tx) => {
    const [record] = await tx
      .select()
      .from(minutes)
      .where(and(eq(minutes.meetingId, meetingId), eq(minutes.councilId, who.councilId)))
      .for('update');
    if (!record) return no('not_found');
    const [latest] = await tx
      .select()
      .from(minutesVersions)
      .where(eq(minutesVersions.minutesId, record.id))
      .orderBy(desc(minutesVersions.versionNo))
      .limit(1);
    if (!latest) return no('not_found');
    if (latest.status !== 'approved' && latest.status !== 'published') return no('open_version');
    const [next] = await tx
      .insert(minutesVersions)
      .values({
        minutesId: record.id,
        versionNo: latest.versionNo + 1,
        correctionNote: correctionNote.trim(),
        openedAt: latest.openedAt,
        closedAt: latest.closedAt,
        place: latest.place,
        summary: latest.summary,
        createdBy: who.actor.userId,
      })
      .returning({ id: minutesVersions.id });
    const id = next!.id;
    await tx.execute(sql`
      INSERT INTO decisions (version_id, agenda_item_id, discussion, decision, decision_sv, decision_en, outcome, postponed_to_meeting_id, votes_for, votes_against, votes_abstain)
      SELECT ${id}, agenda_item_id, discussion, decision, decision_sv, decision_en, outcome, postponed_to_meeting_id, votes_for, votes_against, votes_abstain
      FROM decisions WHERE version_id = ${latest.id}`);
    await tx.execute(sql`
      INSERT INTO attendance (version_id, person_id, membership_id, role, substitutes_for_id, present, right_to_speak, arrived_at_item_id, left_at_item_id, note)
      SELECT ${id}, person_id, membership_id, role, substitutes_for_id, present, right_to_speak, arrived_at_item_id, left_at_item_id, note
      FROM attendance WHERE version_id = ${latest.id}`);
    await tx.execute(sql`
      INSERT INTO recusals (version_id, agenda_item_id, person_id, reason)
      SELECT ${id}, agenda_item_id, person_id, reason FROM recusals WHERE version_id = ${latest.id}`);
    await tx.execute(sql`
      INSERT INTO member_votes (version_id, agenda_item_id, person_id, option)
      SELECT ${id}, agenda_item_id, person_id, option FROM member_votes WHERE version_id = ${latest.id}`);
    await tx.execute(sql`
      INSERT INTO minutes_checkers (version_id, person_id)
      SELECT ${id}, person_id FROM minutes_checkers WHERE version_id = ${latest.id}`);
    await audit(tx, who, 'minutes.correction_start', id, { versionNo: latest.versionNo + 1, from: latest.id, correctionNote });
    return ok(id);
  });
}

// ---------------------------------------------------------------------------------------------
// Reading what others may see

const isPublicItem = sql`${agendaItems.publicity} = 'public'`;
const publicOnly = <T>(column: unknown) => sql<T | null>`CASE WHEN ${isPublicItem} THEN ${column} END`;
/** Issue 14.4: text that names persons leaves the web copy when the display period ends. */
const publicOnWeb = <T>(column: unknown) => sql<T | null>`CASE WHEN ${isPublicItem} AND ${itemWebRemovedAt()} IS NULL THEN ${column} END`;

/** Decision columns for the public: a withheld item's discussion, decision and votes are blanked in SQL. */
const publicDecisionColumns = {
  agendaItemId: decisions.agendaItemId,
  outcome: decisions.outcome,
  postponedToMeetingId: decisions.postponedToMeetingId,
  discussion: publicOnWeb<string>(decisions.discussion),
  decision: publicOnWeb<string>(decisions.decision),
  decisionSv: publicOnWeb<string>(decisions.decisionSv),
  decisionEn: publicOnWeb<string>(decisions.decisionEn),
  votesFor: publicOnly<number>(decisions.votesFor),
  votesAgainst: publicOnly<number>(decisions.votesAgainst),
  votesAbstain: publicOnly<number>(decisions.votesAbstain),
};
const fullDecisionColumns = {
  agendaItemId: decisions.agendaItemId,
  outcome: decisions.outcome,
  postponedToMeetingId: decisions.postponedToMeetingId,
  discussion: decisions.discussion,
  decision: decisions.decision,
  decisionSv: decisions.decisionSv,
  decisionEn: decisions.decisionEn,
  votesFor: decisions.votesFor,
  votesAgainst: decisions.votesAgainst,
  votesAbstain: decisions.votesAbstain,
};

const versionSummaryColumns = {
  id: minutesVersions.id,
  versionNo: minutesVersions.versionNo,
  status: minutesVersions.status,
  correctionNote: minutesVersions.correctionNote,
  openedAt: minutesVersions.openedAt,
  closedAt: minutesVersions.closedAt,
  place: minutesVersions.place,
  summary: minutesVersions.summary,
  approvedAt: minutesVersions.approvedAt,
  approvalMethod: minutesVersions.approvalMethod,
  approvedAtItemId: minutesVersions.approvedAtItemId,
  publishedAt: minutesVersions.publishedAt,
  kind: minutes.kind,
};

/** The council's appeal notice in its primary language and whether items have none by default (issue 14.4). */
async function appealTemplate(db: Executor, meetingId: string) {
  const [row] = await db
    .select({
      fi: councils.appealNoticeFi,
      sv: councils.appealNoticeSv,
      en: councils.appealNoticeEn,
      languages: councils.languages,
      defaultNone: councils.appealDefaultNone,
    })
    .from(meetings)
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .where(eq(meetings.id, meetingId))
    .limit(1);
  if (!row) return { text: null, defaultNone: true };
  const lang = (row.languages[0] ?? 'fi') as 'fi' | 'sv' | 'en';
  return { text: row[lang] ?? row.fi ?? null, defaultNone: row.defaultNone };
}

/** An item's appeal notice: the council's text unless the item (or the council's default) says none. */
function appealNoticeFor(choice: string, appeal: { text: string | null; defaultNone: boolean }): string | null {
  if (!appeal.text || choice === 'none') return null;
  if (choice === 'notice') return appeal.text;
  return appeal.defaultNone ? null : appeal.text;
}

export async function loadRecord(db: Executor, meetingId: string, version: { id: string }, audience: 'public' | 'members') {
  const [items, decisionRows, parts] = await Promise.all([
    audience === 'public'
      ? db.select(publicItemColumns).from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(asc(agendaItems.position))
      : db
          .select({ ...getTableColumns(agendaItems), webCopyRemovedAt: itemWebRemovedAt() })
          .from(agendaItems)
          .where(eq(agendaItems.meetingId, meetingId))
          .orderBy(asc(agendaItems.position)),
    audience === 'public'
      ? db.select(publicDecisionColumns).from(decisions).innerJoin(agendaItems, eq(agendaItems.id, decisions.agendaItemId)).where(eq(decisions.versionId, version.id))
      : db.select(fullDecisionColumns).from(decisions).where(eq(decisions.versionId, version.id)),
    versionParts(db, version.id),
  ]);
  const appeal = await appealTemplate(db, meetingId);
  const withheld = new Set(items.filter((i) => i.publicity !== 'public').map((i) => i.id));
  const numberOf = new Map(items.map((i) => [i.id, sectionLabel(i)]));
  const recordItems = items.map((item) => {
    const d = decisionRows.find((x) => x.agendaItemId === item.id);
    const hidden = audience === 'public' && withheld.has(item.id);
    // Issue 14.4: after the display period the public copy keeps the title and § only.
    const webRemovedAt = audience === 'public' && !hidden && 'webRemovedAt' in item ? item.webRemovedAt : null;
    const webRemovedNever = audience === 'public' && !hidden && 'personalDataClass' in item && (item.personalDataClass === 'special' || item.personalDataClass === 'criminal');
    return {
      webRemovedAt,
      webRemovedNever,
      personalDataClass: item.personalDataClass,
      /** Members' view: the public web copy of this item no longer has its personal data (since then). */
      webCopyRemovedAt: audience === 'members' && 'webCopyRemovedAt' in item ? item.webCopyRemovedAt : null,
      appealNotice: d ? appealNoticeFor('appealNotice' in item ? item.appealNotice : 'default', appeal) : null,
      id: item.id,
      number: sectionLabel(item),
      title: item.title,
      publicity: item.publicity,
      withheld: hidden,
      withheldReason: item.publicity === 'public' ? null : item.withheldReason,
      presenter: hidden ? null : item.presenter,
      body: hidden ? null : item.body,
      bodyHtml: !hidden && item.body ? renderMarkdown(item.body) : null,
      proposal: hidden ? null : item.proposal,
      proposalHtml: !hidden && item.proposal ? renderMarkdown(item.proposal) : null,
      outcome: d?.outcome ?? null,
      postponedToMeetingId: d?.postponedToMeetingId ?? null,
      discussion: hidden ? null : d?.discussion ?? null,
      discussionHtml: !hidden && d?.discussion ? renderMarkdown(d.discussion) : null,
      decision: hidden ? null : d?.decision ?? null,
      decisionHtml: !hidden && d?.decision ? renderMarkdown(d.decision) : null,
      titles: langTexts(item, 'title'),
      bodies: hidden ? EMPTY_TEXTS : langTexts(item, 'body'),
      proposals: hidden ? EMPTY_TEXTS : langTexts(item, 'proposal'),
      decisions: hidden || !d ? EMPTY_TEXTS : langTexts(d, 'decision'),
      plainSummaries: hidden ? EMPTY_TEXTS : langTexts(item, 'plainSummary', 'plainSummaryFi'),
      bodyHtmls: hidden ? EMPTY_TEXTS : htmlTexts(item, 'body'),
      proposalHtmls: hidden ? EMPTY_TEXTS : htmlTexts(item, 'proposal'),
      decisionHtmls: hidden || !d ? EMPTY_TEXTS : htmlTexts(d, 'decision'),
      plainSummaryHtmls: hidden ? EMPTY_TEXTS : plainSummaryHtmls(item),
      votes:
        !hidden && d && (d.votesFor !== null || d.votesAgainst !== null || d.votesAbstain !== null)
          ? { for: d.votesFor ?? 0, against: d.votesAgainst ?? 0, abstain: d.votesAbstain ?? 0 }
          : null,
      recusals: hidden ? [] : parts.recusals.filter((r) => r.agendaItemId === item.id).map((r) => r.name),
      /** The vote by name, if one was taken: names only. Empty for a withheld item. */
      rollCall: hidden
        ? []
        : parts.memberVotes.filter((v) => v.agendaItemId === item.id).map((v) => ({ voterId: v.personId, name: v.name, option: v.option })),
    };
  });
  const attendees = parts.attendees.map((a) => ({
    name: a.name,
    role: a.role,
    present: a.present,
    substitutesForName: a.substitutesForName,
    arrivedAt: a.arrivedAtItemId ? numberOf.get(a.arrivedAtItemId) ?? null : null,
    leftAt: a.leftAtItemId ? numberOf.get(a.leftAtItemId) ?? null : null,
    note: a.note,
  }));
  const checkers = parts.checkers.map((c) => ({ name: c.name, confirmedAt: c.confirmedAt }));
  return { items: recordItems, attendees, checkers };
}
export type RecordContent = Awaited<ReturnType<typeof loadRecord>>;
export type RecordItemView = RecordContent['items'][number];

/**
 * The published minutes of a public meeting: the requested version (default the latest published)
 * and the history of published versions. Null when nothing is published or the meeting is not public.
 */
export async function getPublishedMinutes(meetingId: string, versionNo?: number, db: Executor = getDb()) {
  const scope = await getMeetingScope(meetingId, db);
  if (!scope || !isPublicRecord(scope)) return null;
  const history = await db
    .select(versionSummaryColumns)
    .from(minutesVersions)
    .innerJoin(minutes, eq(minutes.id, minutesVersions.minutesId))
    .where(and(eq(minutes.meetingId, meetingId), eq(minutesVersions.status, 'published')))
    .orderBy(desc(minutesVersions.versionNo));
  const version = versionNo === undefined ? history[0] : history.find((v) => v.versionNo === versionNo);
  if (!version) return null;
  const content = await loadRecord(db, meetingId, version, 'public');
  return { scope, version, latestVersionNo: history[0]!.versionNo, history, ...content };
}
export type PublishedMinutes = NonNullable<Awaited<ReturnType<typeof getPublishedMinutes>>>;

/** Members' view of the minutes: the latest version past draft (checking, approved or published), in full. */
export async function getMembersMinutes(meetingId: string, councilId: string) {
  const db = getDb();
  const versions = await db
    .select(versionSummaryColumns)
    .from(minutesVersions)
    .innerJoin(minutes, eq(minutes.id, minutesVersions.minutesId))
    .where(and(eq(minutes.meetingId, meetingId), eq(minutes.councilId, councilId), ne(minutesVersions.status, 'draft')))
    .orderBy(desc(minutesVersions.versionNo));
  const version = versions[0];
  if (!version) return null;
  const content = await loadRecord(db, meetingId, version, 'members');
  return { version, history: versions, ...content };
}

/** The latest version of any status, in full, for the secretariat's print and PDF. */
export async function getWorkingMinutes(meetingId: string, councilId: string) {
  const db = getDb();
  const [version] = await db
    .select(versionSummaryColumns)
    .from(minutesVersions)
    .innerJoin(minutes, eq(minutes.id, minutesVersions.minutesId))
    .where(and(eq(minutes.meetingId, meetingId), eq(minutes.councilId, councilId)))
    .orderBy(desc(minutesVersions.versionNo))
    .limit(1);
  if (!version) return null;
  const content = await loadRecord(db, meetingId, version, 'members');
  return { version, history: [version], ...content };
}

/** Minutes versions waiting for this person's confirmation as a checker. */
export async function listPendingChecks(personId: string) {
  return getDb()
    .select({
      versionId: minutesVersions.id,
      versionNo: minutesVersions.versionNo,
      submittedAt: minutesVersions.submittedForCheckingAt,
      meetingId: meetings.id,
      meetingTitle: meetings.title,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      councilId: councils.id,
      regionId: councils.regionId,
      councilNameFi: councils.nameFi,
      councilNameSv: councils.nameSv,
      councilNameEn: councils.nameEn,
    })
    .from(minutesCheckers)
    .innerJoin(minutesVersions, eq(minutesVersions.id, minutesCheckers.versionId))
    .innerJoin(minutes, eq(minutes.id, minutesVersions.minutesId))
    .innerJoin(meetings, eq(meetings.id, minutes.meetingId))
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .where(and(eq(minutesCheckers.personId, personId), isNull(minutesCheckers.confirmedAt), eq(minutesVersions.status, 'checking')))
    .orderBy(asc(meetings.startsAt));
}

/** The council and region of a minutes version (for the checker's confirm action). */
export async function getVersionScope(versionId: string) {
  const [row] = await getDb()
    .select({ versionId: minutesVersions.id, meetingId: minutes.meetingId, councilId: councils.id, regionId: councils.regionId })
    .from(minutesVersions)
    .innerJoin(minutes, eq(minutes.id, minutesVersions.minutesId))
    .innerJoin(councils, eq(councils.id, minutes.councilId))
    .where(eq(minutesVersions.id, versionId));
  return row ?? null;
}

/** ISO time with the Helsinki offset, for the JSON API. */
export function apiTime(value: Date | null): string | null {
  return value ? toIsoWithOffset(value) : null;
}

// ---------------------------------------------------------------------------------------------
// Printable documents (PDF): plain data for renderRecordPdf, in the council's language.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** Sanitised HTML (from renderMarkdown) to plain text with blank lines between paragraphs. */
export function htmlToText(html: string | null | undefined): string {
  if (!html) return '';
  return html
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<li[^>]*>/g, '- ')
    .replace(/<\/(p|h3|h4|blockquote|pre|table|ul|ol)>/g, '\n\n')
    .replace(/<\/(li|tr)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e] ?? '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

function recordLabels(t: Translate): RecordLabels {
  return {
    agenda: t('records.agenda'),
    minutes: t('records.minutes'),
    attendance: t('records.pdf.attendance'),
    present: t('records.pdf.present'),
    absent: t('records.pdf.absent'),
    decision: t('records.decision'),
    proposal: t('records.proposal'),
    presenter: t('records.presenter'),
    checkers: t('records.pdf.checkers'),
    confirmedAt: t('records.pdf.confirmedAt'),
    page: t('records.pdf.page', { page: '{{page}}', pages: '{{pages}}', interpolation: { escapeValue: false } }),
    withheld: t('records.withheld'),
    version: t('records.versionN', { n: '' }).trim(),
    correctionNote: t('records.pdf.correctionNote'),
    votes: t('records.votes'),
    rollCall: t('records.rollCall.caption'),
    recusals: t('records.recusals'),
    items: t('records.minutesPage.items'),
    discussion: t('records.discussion'),
    withheldReason: t('records.withheldReason'),
    notConfirmed: t('records.minutesView.notConfirmed'),
    attachments: t('records.attachments'),
  };
}

function header(scope: MeetingScope, language: Locale) {
  const name = language === 'sv' ? scope.councilNameSv : language === 'en' ? scope.councilNameEn : null;
  return {
    language,
    councilName: name || scope.councilNameFi,
    meetingTitle: pickLang(langTexts(scope, 'title'), language)?.text ?? scope.title,
    meetingTime: formatMeetingTime(scope.startsAt, scope.endsAt, language),
    place: [scope.address, scope.room].filter(Boolean).join(', '),
  };
}

type PrintableItem = {
  number: string | null;
  title: string;
  withheld: boolean;
  publicity: string;
  withheldReason: string | null;
  presenter: string | null;
  bodyHtml: string | null;
  proposalHtml: string | null;
  decisionHtml?: string | null;
  discussionHtml?: string | null;
  votes?: { for: number; against: number; abstain: number } | null;
  rollCall?: Array<{ name: string; option: VoteOption }>;
  recusals?: string[];
  outcome?: string | null;
  attachments?: Array<{ title: string }>;
  titles?: LangTexts;
  bodyHtmls?: LangTexts;
  proposalHtmls?: LangTexts;
  decisionHtmls?: LangTexts;
  plainSummaryHtmls?: LangTexts;
  webRemovedAt?: Date | null;
  webRemovedNever?: boolean;
  appealNotice?: string | null;
};

/**
 * A text of the document's language as plain text, else the Finnish one followed by
 * "(endast på finska)" in the document's language (issue #14).
 */
function langPdfText(texts: LangTexts | undefined, fallbackHtml: string | null | undefined, t: Translate, language: Locale, html = true): string {
  const picked = pickLang(texts, language);
  if (!picked) return html ? htmlToText(fallbackHtml) : fallbackHtml ?? '';
  const text = html ? htmlToText(picked.text) : picked.text;
  return picked.fallback ? `${text} (${t(`content.onlyIn.${picked.lang}`)})` : text;
}

/** An item as the HTML shows it: publicity, legal reason with its label, discussion under its own heading. */
function printableItem(item: PrintableItem, t: Translate, withheldText: string, language: Locale = 'fi'): RecordItem {
  const number = item.number ?? t('records.unnumbered');
  const title = langPdfText(item.titles, item.title, t, language, false);
  const publicity = item.publicity !== 'public' ? t(`records.publicity.${item.publicity}`) : undefined;
  if (item.withheld) {
    return item.withheldReason
      ? { number, title, publicity, withheldReason: item.withheldReason }
      : { number, title, publicity, withheldReason: '', withheldNote: withheldText };
  }
  // Issue 14.4: after the display period (or never, for special categories) the web copy keeps the title and §.
  if (item.webRemovedNever) return { number, title, withheldReason: t('lifecycle.webRemovedNever') };
  if (item.webRemovedAt) return { number, title, withheldReason: t('lifecycle.webRemoved', { date: formatDate(item.webRemovedAt, language) }) };
  const summary = langPdfText(item.plainSummaryHtmls, null, t, language);
  return {
    number,
    title,
    publicity,
    legalReason: item.publicity === 'confidential' && item.withheldReason ? item.withheldReason : undefined,
    presenter: item.presenter ?? undefined,
    body: [summary ? `${t('content.plainSummary')}: ${summary}` : '', langPdfText(item.bodyHtmls, item.bodyHtml, t, language)].filter((p) => p !== '').join('\n\n') || undefined,
    attachments: item.attachments && item.attachments.length > 0 ? item.attachments.map((a) => a.title) : undefined,
    discussion: htmlToText(item.discussionHtml) || undefined,
    outcome: item.outcome && item.outcome !== 'decided' ? t(`records.outcomes.${item.outcome}`) : undefined,
    proposal: langPdfText(item.proposalHtmls, item.proposalHtml, t, language) || undefined,
    // Issue 14.4: the appeal notice follows the decision it concerns.
    decision:
      [langPdfText(item.decisionHtmls, item.decisionHtml, t, language), item.appealNotice ? `${t('lifecycle.appealNotice')}: ${item.appealNotice}` : ''].filter((p) => p !== '').join('\n\n') ||
      undefined,
    votes: item.votes ? t('records.votesLine', item.votes) : undefined,
    rollCall: item.rollCall && item.rollCall.length > 0 ? item.rollCall.map((v) => `${v.name}: ${t(`records.rollCall.options.${v.option}`)}`) : undefined,
    recusals: item.recusals && item.recusals.length > 0 ? item.recusals : undefined,
  };
}

/** The agenda as a printable document; withheld items carry only number, title and reason. */
export function agendaRecordDocument(scope: MeetingScope, items: PrintableItem[], t: Translate, language: Locale): RecordDocument {
  return {
    kind: 'agenda',
    ...header(scope, language),
    labels: recordLabels(t),
    items: items.map((i) => printableItem(i, t, t('records.withheldMembersOnly'), language)),
    // A published agenda prints with its publication time, so the same agenda gives the same bytes.
    ...(scope.agendaPublishedAt ? { date: new Date(scope.agendaPublishedAt) } : {}),
  };
}

type VersionFacts = {
  versionNo: number;
  status?: string;
  correctionNote: string | null;
  place?: string | null;
  openedAt?: Date | null;
  closedAt?: Date | null;
  approvedAt?: Date | null;
  approvalMethod?: string | null;
  publishedAt?: Date | null;
};

/** The facts the HTML minutes show above the attendance, in the same order. */
function versionFacts(scope: MeetingScope, version: VersionFacts, t: Translate, language: Locale): Array<{ label: string; value: string }> {
  const facts: Array<{ label: string; value: string }> = [];
  const number = meetingNumber(scope.meetingNo, scope.startsAt);
  if (number) facts.push({ label: t('ws.meeting.numberTerm'), value: t('ws.meeting.number', number) });
  facts.push({
    label: t('records.versionN', { n: '' }).trim(),
    value: version.status ? `${version.versionNo} (${t(`records.statuses.${version.status}`)})` : String(version.versionNo),
  });
  if (version.place) facts.push({ label: t('records.minutesView.place'), value: version.place });
  if (version.openedAt) facts.push({ label: t('records.minutesView.opened'), value: formatDateTime(version.openedAt, language) });
  if (version.closedAt) facts.push({ label: t('records.minutesView.closed'), value: formatDateTime(version.closedAt, language) });
  if (version.approvedAt && version.approvalMethod) {
    facts.push({
      label: t('records.minutesView.approved'),
      value: `${formatDateTime(version.approvedAt, language)}: ${t(`records.methods.${version.approvalMethod}`)}`,
    });
  }
  if (version.publishedAt) facts.push({ label: t('records.minutesView.published'), value: formatDateTime(version.publishedAt, language) });
  return facts;
}

/** The minutes (one version) as a printable document with attendance and the checkers' confirmations. */
export function minutesRecordDocument(
  scope: MeetingScope,
  record: { version: VersionFacts; items: PrintableItem[]; attendees: RecordContent['attendees']; checkers: RecordContent['checkers'] },
  t: Translate,
  language: Locale,
): RecordDocument {
  return {
    kind: 'minutes',
    ...header(scope, language),
    labels: recordLabels(t),
    version: String(record.version.versionNo),
    versionNote: record.version.correctionNote ?? undefined,
    facts: versionFacts(scope, record.version, t, language),
    // Only a published version is frozen; its publication time makes every render byte-identical.
    ...(record.version.publishedAt ? { date: new Date(record.version.publishedAt) } : {}),
    attendance: record.attendees.map((a) => ({
      name: a.name,
      role: t(`records.roles.${a.role}`),
      absent: !a.present,
      note: [
        // The same wording as the HTML minutes (records-minutes.tsx).
        a.substitutesForName ? t('records.minutesView.substitutes', { name: a.substitutesForName }) : null,
        a.arrivedAt ? t('records.minutesView.arrived', { item: a.arrivedAt }) : null,
        a.leftAt ? t('records.minutesView.left', { item: a.leftAt }) : null,
        a.note,
      ]
        .filter(Boolean)
        .join(', ') || undefined,
    })),
    checkers: record.checkers.map((c) => ({ name: c.name, confirmedAt: c.confirmedAt ? formatDateTime(c.confirmedAt, language) : undefined })),
    items: record.items.map((i) => printableItem(i, t, t('records.withheldMembersOnly'), language)),
  };
}

/** An item of a record reduced to what pages and the API show (HTML already sanitised). */
export function toItemView(item: RecordItemView) {
  return {
    id: item.id,
    number: item.number,
    title: item.title,
    publicity: item.publicity,
    withheld: item.withheld,
    withheldReason: item.withheldReason,
    presenter: item.presenter,
    bodyHtml: item.bodyHtml,
    proposalHtml: item.proposalHtml,
    outcome: item.outcome,
    postponedToMeetingId: item.postponedToMeetingId,
    discussionHtml: item.discussionHtml,
    decisionHtml: item.decisionHtml,
    titles: item.titles,
    bodyHtmls: item.bodyHtmls,
    proposalHtmls: item.proposalHtmls,
    decisionHtmls: item.decisionHtmls,
    plainSummaryHtmls: item.plainSummaryHtmls,
    votes: item.votes,
    rollCall: item.rollCall,
    recusals: item.recusals,
    appealNotice: item.appealNotice,
    webRemovedAt: item.webRemovedAt,
    webRemovedNever: item.webRemovedNever,
    webCopyRemovedAt: item.webCopyRemovedAt,
  };
}

/** What the public meeting facts may show: no ids of people, never the online link. */
export function publicMeetingFacts(scope: MeetingScope) {
  return {
    id: scope.meetingId,
    title: scope.title,
    titles: langTexts(scope, 'title'),
    startsAt: scope.startsAt,
    endsAt: scope.endsAt,
    status: scope.status,
    address: scope.address,
    room: scope.room,
    agendaPublishedAt: scope.agendaPublishedAt,
    meetingNo: scope.meetingNo,
    councilSlug: scope.councilSlug,
    councilNameFi: scope.councilNameFi,
    councilNameSv: scope.councilNameSv,
    councilNameEn: scope.councilNameEn,
    councilPublicity: scope.councilPublicity,
    language: scope.councilLanguages[0] ?? 'fi',
  };
}

/**
 * The data of a printable agenda or minutes (HTML print page and PDF), with the same rules as
 * the pages: the public gets the public view of a public, published record; `members` needs
 * council.view_internal and gives the members' view (the minutes secretariat also sees drafts).
 * Throws 404 for anything the caller may not see.
 */
export async function loadPrintable(
  request: Request,
  meetingId: string | undefined,
  doc: 'agenda' | 'minutes',
  opts: { members: boolean; version?: number },
) {
  if (opts.members) {
    const { scope, principal } = await requireMeetingPermission(request, meetingId, 'council.view_internal');
    const subject = { councilId: scope.councilId, regionId: scope.regionId };
    if (!scope.agendaPublishedAt && !can(principal, 'agenda.edit', subject)) throw new Response('Not found', { status: 404 });
    if (doc === 'agenda') {
      const items = await getMembersAgenda(scope.meetingId, scope.councilId);
      return { scope, audience: 'members' as const, doc, agenda: items.map((i) => ({ ...i, withheld: false })), minutes: null };
    }
    const record = can(principal, 'minutes.edit', subject)
      ? await getWorkingMinutes(scope.meetingId, scope.councilId)
      : await getMembersMinutes(scope.meetingId, scope.councilId);
    if (!record) throw new Response('Not found', { status: 404 });
    return { scope, audience: 'members' as const, doc, agenda: null, minutes: record };
  }
  const printable = await publicPrintable(meetingId ?? '', doc, opts.version);
  if (!printable) throw new Response('Not found', { status: 404 });
  return printable;
}
export type Printable = Awaited<ReturnType<typeof loadPrintable>>;

/** The public agenda or published minutes version as printed, or null when the public may not see it. */
async function publicPrintable(meetingId: string, doc: 'agenda' | 'minutes', version: number | undefined, db: Executor = getDb()) {
  const scope = await getMeetingScope(meetingId, db);
  if (!scope || !isPublicRecord(scope)) return null;
  const agenda = await getPublicAgenda(scope.meetingId, db);
  if (doc === 'agenda') return { scope, audience: 'public' as const, doc, agenda, minutes: null };
  const record = await getPublishedMinutes(scope.meetingId, version, db);
  if (!record) return null;
  // The public attachments listed under each item, as on the minutes page.
  const attachmentsByItem = new Map(agenda.map((i) => [i.id, i.attachments]));
  const items = record.items.map((i) => ({ ...i, attachments: attachmentsByItem.get(i.id) ?? [] }));
  return { scope, audience: 'public' as const, doc, agenda: null, minutes: { ...record, items } };
}

/** The PDF of printable data in the council's language. */
async function renderPrintable(printable: Printable, asked?: Locale) {
  const language = asked ?? councilLanguage(printable.scope);
  const fixed = await i18nServer.getFixedT(language, 'common');
  const t: Translate = (key, options) => String(fixed(key, options ?? {}));
  const bytes = await renderRecordPdf(printableDocument(printable, t, language));
  return { bytes, language, t };
}

/**
 * Records the fingerprint of a public PDF's bytes (docs/decisions/documents-fingerprints.md). Only
 * published documents are recorded; a members' or working copy never is.
 */
async function recordPublicPdf(db: Executor, printable: Printable, bytes: Uint8Array, language: Locale): Promise<string | null> {
  if (printable.audience !== 'public') return null;
  if (printable.minutes && !('latestVersionNo' in printable.minutes)) return null;
  return recordFingerprint(db, {
    kind: printable.doc,
    meetingId: printable.scope.meetingId,
    versionNo: printable.minutes ? printable.minutes.version.versionNo : null,
    language,
    bytes,
  });
}

/** The printable data as a PDF document in the council's language. */
export function printableDocument(printable: Printable, t: Translate, language: Locale): RecordDocument {
  if (printable.agenda) return agendaRecordDocument(printable.scope, printable.agenda, t, language);
  return minutesRecordDocument(printable.scope, printable.minutes!, t, language);
}

/**
 * A published minutes version is frozen in the database (docs/decisions/008-anonymous-response-cache.md):
 * its PDF under `?version=N` never changes, so a proxy or browser may keep it (`immutable`). The
 * unversioned URL follows the latest version and the agenda can change until the meeting: short max-age.
 */
function pdfCacheControl(printable: Printable, requestedVersion: number | undefined): string {
  if (printable.audience !== 'public') return 'private, no-store';
  if (printable.minutes && 'latestVersionNo' in printable.minutes && requestedVersion !== undefined && printable.minutes.version.versionNo === requestedVersion) {
    // Issue 14.4: personal data leaves the web copy when the display period ends, so such a PDF is not immutable.
    if (!printable.minutes.items.some((i) => i.personalDataClass !== 'none')) return 'public, max-age=31536000, immutable';
  }
  return 'public, max-age=60';
}

/** The PDF of an agenda or minutes as a Response (public or, with ?view=members, the members' view). */
export async function printablePdfResponse(request: Request, meetingId: string | undefined, doc: 'agenda' | 'minutes'): Promise<Response> {
  const url = new URL(request.url);
  const members = url.searchParams.get('view') === 'members';
  const requestedVersion = versionParam(url);
  const printable = await loadPrintable(request, meetingId, doc, { members, version: requestedVersion });
  // `?lng=fi|sv|en` asks for a language version (the public pages link with the reader's language);
  // without it the PDF is in the council's primary language, as before.
  const asked = url.searchParams.get('lng');
  const { bytes, language, t } = await renderPrintable(printable, isLocale(asked) ? asked : undefined);
  // Whatever the public URL serves is an official copy: make sure /verify knows its fingerprint
  // (a no-op for bytes already recorded, e.g. at publication).
  await recordPublicPdf(getDb(), printable, bytes, language);
  const kind = doc === 'agenda' ? t('records.agenda') : t('records.minutes');
  const filename = `${kind} ${printable.scope.title}`.replace(/[\\/:*?"<>|]+/g, ' ').trim();
  return new Response(Buffer.from(bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': contentDispositionAttachment(`${filename}.pdf`).replace(/^attachment/, 'inline'),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': pdfCacheControl(printable, requestedVersion),
    },
  });
}
