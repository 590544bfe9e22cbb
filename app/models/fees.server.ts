/**
 * Meeting fees and travel claims. Everything here is internal: amounts and claims are never
 * read by a public page, the API, OParl, an export or the search index.
 */
import { and, asc, desc, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import { getDb, type Executor, type Tx } from '~db/client.server';
import {
  attendance,
  councilFeeRules,
  councils,
  meetings,
  minutes,
  minutesVersions,
  people,
  travelClaims,
  type CouncilFeeRule,
  type TravelClaim,
} from '~db/schema';
import { helsinkiWallClock, todayInHelsinki } from '~/lib/dates';
import {
  computeMeetingFees,
  FEE_ROLES,
  meetingLength,
  periodsOverlap,
  ruleOn,
  type AttendanceRole,
  type ClaimAmounts,
  type FeeLine,
} from '~/lib/fees';
import type { ClaimForm, FeeRuleForm } from '~/validation/fees';
import type { Who } from './agendas.server';
import { diffChanges, recordAudit, type AuditActor } from './audit.server';

/** Most meetings one period's page or export covers (a year of monthly meetings is 12). */
const MAX_MEETINGS = 200;
/** How far back a member may still claim: a year. */
const CLAIM_WINDOW_DAYS = 366;
const DAY_MS = 86_400_000;

export type FeeRefusal =
  | 'not_found'
  | 'conflict'
  | 'overlap'
  | 'not_submitted'
  | 'decided'
  | 'not_attended'
  | 'no_fees'
  | 'date_outside_meeting';
/** A refusal may name the form field it concerns and the values its message needs. */
export type FeeOutcome =
  { status: 'ok'; id: string } | { status: FeeRefusal; field?: string; params?: Record<string, string> };

const ok = (id: string): FeeOutcome => ({ status: 'ok', id });
const no = (status: FeeRefusal, field?: string, params?: Record<string, string>): FeeOutcome => ({
  status,
  field,
  params,
});

/** Rolls back the transaction when a check fails after a write began, keeping the refusal. */
async function inTransaction(work: (tx: Tx) => Promise<FeeOutcome>): Promise<FeeOutcome> {
  let refused: FeeOutcome | null = null;
  const rollback = new Error('rollback');
  try {
    return await getDb().transaction(async (tx) => {
      const outcome = await work(tx);
      if (outcome.status !== 'ok') {
        refused = outcome;
        throw rollback;
      }
      return outcome;
    });
  } catch (error) {
    if (error === rollback && refused) return refused;
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Fee rules

/** A council's fee rules, newest first. */
export async function listFeeRules(councilId: string, db: Executor = getDb()): Promise<CouncilFeeRule[]> {
  return db
    .select()
    .from(councilFeeRules)
    .where(eq(councilFeeRules.councilId, councilId))
    .orderBy(desc(councilFeeRules.validFrom))
    .limit(100);
}

function ruleValues(input: FeeRuleForm) {
  const none = input.kind === 'none';
  const zeroIfNone = (cents: number) => (none ? 0 : cents);
  return {
    kind: input.kind,
    validFrom: input.validFrom,
    validTo: input.validTo ?? null,
    meetingFeeCents: zeroIfNone(input.meetingFee),
    chairSupplementCents: zeroIfNone(input.chairSupplement),
    secretarySupplementCents: zeroIfNone(input.secretarySupplement),
    paySecretary: !none && input.paySecretary === true,
    longMeetingAfterMinutes:
      none || input.longMeetingAfterHours === undefined ? null : Math.round(input.longMeetingAfterHours * 60),
    longMeetingSupplementCents: zeroIfNone(input.longMeetingSupplement),
    kmRateCents: zeroIfNone(input.kmRate),
  };
}

/** Creates a rule (no id) or updates one under its lock version; periods of one council never overlap. */
export async function saveFeeRule(
  who: Who,
  id: string | undefined,
  lockVersion: number | undefined,
  input: FeeRuleForm,
): Promise<FeeOutcome> {
  return inTransaction(async (tx) => {
    const values = ruleValues(input);
    // Serialise rule changes of one council, so two overlapping saves cannot both pass the check.
    await tx.execute(sql`SELECT id FROM councils WHERE id = ${who.councilId} FOR UPDATE`);
    const others = await tx
      .select({ id: councilFeeRules.id, validFrom: councilFeeRules.validFrom, validTo: councilFeeRules.validTo })
      .from(councilFeeRules)
      .where(and(eq(councilFeeRules.councilId, who.councilId), id ? ne(councilFeeRules.id, id) : undefined));
    if (others.some((o) => periodsOverlap(o, values))) return no('overlap', 'validFrom');
    if (id) {
      const [before] = await tx
        .select()
        .from(councilFeeRules)
        .where(and(eq(councilFeeRules.id, id), eq(councilFeeRules.councilId, who.councilId)));
      if (!before) return no('not_found');
      if (lockVersion === undefined || before.lockVersion !== lockVersion) return no('conflict');
      const updated = await tx
        .update(councilFeeRules)
        .set({ ...values, updatedAt: new Date(), lockVersion: sql`${councilFeeRules.lockVersion} + 1` })
        .where(and(eq(councilFeeRules.id, id), eq(councilFeeRules.lockVersion, lockVersion)))
        .returning({ id: councilFeeRules.id });
      if (updated.length === 0) return no('conflict');
      await recordAudit(tx, who.actor, {
        action: 'fees.rule_update',
        entityType: 'council_fee_rule',
        entityId: id,
        councilId: who.councilId,
        regionId: who.regionId,
        changes: diffChanges(before, values),
      });
      return ok(id);
    }
    const [row] = await tx
      .insert(councilFeeRules)
      .values({ councilId: who.councilId, ...values })
      .returning({ id: councilFeeRules.id });
    await recordAudit(tx, who.actor, {
      action: 'fees.rule_create',
      entityType: 'council_fee_rule',
      entityId: row!.id,
      councilId: who.councilId,
      regionId: who.regionId,
      changes: values,
    });
    return ok(row!.id);
  });
}

// ---------------------------------------------------------------------------------------------
// A period's meetings with their fees and claims

export interface ClaimView {
  id: string;
  personId: string;
  name: string;
  travelDate: string;
  km: number;
  ticketCents: number;
  accessibilityCents: number;
  accessibilityType: TravelClaim['accessibilityType'];
  note: string | null;
  status: TravelClaim['status'];
  rejectReason: string | null;
  lockVersion: number;
}

export interface PeriodMeeting {
  id: string;
  title: string;
  date: string;
  startsAt: Date;
  status: string;
  minutesStatus: string | null;
  lengthMinutes: number;
  lengthSource: 'recorded' | 'scheduled';
  ruleKind: CouncilFeeRule['kind'] | null;
  lines: FeeLine[];
  claims: ClaimView[];
  totalCents: number;
}

/** Helsinki dates [from, to] as instants [start of from, start of the day after to). */
function periodInstants(period: { from: string; to: string }) {
  const next = new Date(Date.parse(`${period.to}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  return { from: helsinkiWallClock(period.from, '00:00'), to: helsinkiWallClock(next, '00:00') };
}

/**
 * The council's meetings starting in the period (cancelled ones left out), each with the fee
 * lines computed from the newest minutes version's attendance and the rule in force on its
 * date, plus every claim for it. Five queries whatever the number of meetings.
 */
export async function loadFeePeriod(
  councilId: string,
  period: { from: string; to: string },
  db: Executor = getDb(),
): Promise<PeriodMeeting[]> {
  const range = periodInstants(period);
  const rows = await db
    .select({
      id: meetings.id,
      title: meetings.title,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      status: meetings.status,
    })
    .from(meetings)
    .where(
      and(
        eq(meetings.councilId, councilId),
        gte(meetings.startsAt, range.from),
        lt(meetings.startsAt, range.to),
        ne(meetings.status, 'cancelled'),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(MAX_MEETINGS);
  if (rows.length === 0) return [];
  const ids = rows.map((m) => m.id);
  const rules = await listFeeRules(councilId, db);
  const versions = await db
    .select({
      id: minutesVersions.id,
      meetingId: minutes.meetingId,
      versionNo: minutesVersions.versionNo,
      status: minutesVersions.status,
      openedAt: minutesVersions.openedAt,
      closedAt: minutesVersions.closedAt,
    })
    .from(minutesVersions)
    .innerJoin(minutes, eq(minutes.id, minutesVersions.minutesId))
    .where(inArray(minutes.meetingId, ids))
    .orderBy(asc(minutes.meetingId), desc(minutesVersions.versionNo));
  const latest = new Map<string, (typeof versions)[number]>();
  for (const v of versions) if (!latest.has(v.meetingId)) latest.set(v.meetingId, v);
  const versionIds = [...latest.values()].map((v) => v.id);
  const attendees =
    versionIds.length === 0
      ? []
      : await db
          .select({
            versionId: attendance.versionId,
            personId: attendance.personId,
            role: attendance.role,
            present: attendance.present,
            givenName: people.givenName,
            familyName: people.familyName,
          })
          .from(attendance)
          .innerJoin(people, eq(people.id, attendance.personId))
          .where(inArray(attendance.versionId, versionIds))
          .orderBy(asc(people.familyName), asc(people.givenName));
  const claims = await db
    .select({ claim: travelClaims, givenName: people.givenName, familyName: people.familyName })
    .from(travelClaims)
    .innerJoin(people, eq(people.id, travelClaims.personId))
    .where(and(eq(travelClaims.councilId, councilId), inArray(travelClaims.meetingId, ids)))
    .orderBy(asc(people.familyName), asc(people.givenName));

  return rows.map((m) => {
    const version = latest.get(m.id) ?? null;
    const date = todayInHelsinki(m.startsAt);
    const rule = ruleOn(rules, date);
    const length = meetingLength({
      openedAt: version?.openedAt ?? null,
      closedAt: version?.closedAt ?? null,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
    });
    const mine = claims.filter((c) => c.claim.meetingId === m.id);
    const approved = new Map<string, ClaimAmounts>(
      mine.filter((c) => c.claim.status === 'approved').map((c) => [c.claim.personId, c.claim]),
    );
    const present = version
      ? attendees
          .filter((a) => a.versionId === version.id)
          .map((a) => ({
            personId: a.personId,
            name: `${a.givenName} ${a.familyName}`,
            role: a.role as AttendanceRole,
            present: a.present,
          }))
      : [];
    const lines = computeMeetingFees(rule, length.minutes, present, approved);
    return {
      id: m.id,
      title: m.title,
      date,
      startsAt: m.startsAt,
      status: m.status,
      minutesStatus: version?.status ?? null,
      lengthMinutes: length.minutes,
      lengthSource: length.source,
      ruleKind: rule?.kind ?? null,
      lines,
      claims: mine.map(({ claim: c, givenName, familyName }) => ({
        id: c.id,
        personId: c.personId,
        name: `${givenName} ${familyName}`,
        travelDate: c.travelDate,
        km: c.km,
        ticketCents: c.ticketCents,
        accessibilityCents: c.accessibilityCents,
        accessibilityType: c.accessibilityType,
        note: c.note,
        status: c.status,
        rejectReason: c.rejectReason,
        lockVersion: c.lockVersion,
      })),
      totalCents: lines.reduce((sum, l) => sum + l.totalCents, 0),
    };
  });
}

/** The payroll export of a period: the computed lines, recorded in the audit log as an export. */
export async function exportFeePeriod(who: Who, period: { from: string; to: string }) {
  const found = await loadFeePeriod(who.councilId, period);
  const rows = found.flatMap((m) => m.lines.map((line) => ({ meeting: m, line })));
  await recordAudit(getDb(), who.actor, {
    action: 'fees.export',
    entityType: 'council',
    entityId: who.councilId,
    councilId: who.councilId,
    regionId: who.regionId,
    changes: { from: period.from, to: period.to, rows: rows.length },
  });
  return rows;
}

/** Approves or rejects a submitted claim (with a reason), under its lock version. */
export async function decideClaim(
  who: Who,
  claimId: string,
  lockVersion: number,
  decision: { approve: true } | { approve: false; reason: string },
  now = new Date(),
): Promise<FeeOutcome> {
  return inTransaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(travelClaims)
      .where(and(eq(travelClaims.id, claimId), eq(travelClaims.councilId, who.councilId)));
    if (!before) return no('not_found');
    if (before.lockVersion !== lockVersion) return no('conflict');
    if (before.status !== 'submitted') return no('not_submitted');
    const values = decision.approve
      ? { status: 'approved' as const, decidedBy: who.actor.userId, decidedAt: now, rejectReason: null }
      : {
          status: 'rejected' as const,
          decidedBy: who.actor.userId,
          decidedAt: now,
          rejectReason: decision.reason.trim(),
        };
    const updated = await tx
      .update(travelClaims)
      .set({ ...values, updatedAt: now, lockVersion: sql`${travelClaims.lockVersion} + 1` })
      .where(and(eq(travelClaims.id, claimId), eq(travelClaims.lockVersion, lockVersion)))
      .returning({ id: travelClaims.id });
    if (updated.length === 0) return no('conflict');
    await recordAudit(tx, who.actor, {
      action: decision.approve ? 'claim.approve' : 'claim.reject',
      entityType: 'travel_claim',
      entityId: claimId,
      councilId: who.councilId,
      regionId: who.regionId,
      changes: { status: [before.status, values.status], ...(decision.approve ? {} : { reason: values.rejectReason }) },
    });
    return ok(claimId);
  });
}

// ---------------------------------------------------------------------------------------------
// A member's own claims

export interface ClaimableMeeting {
  meetingId: string;
  councilId: string;
  regionId: string;
  councilNameFi: string;
  councilNameSv: string | null;
  councilNameEn: string | null;
  title: string;
  startsAt: Date;
  endsAt: Date;
  firstDay: string;
  lastDay: string;
  ruleKind: CouncilFeeRule['kind'] | null;
  kmRateCents: number;
  claim: TravelClaim | null;
}

/**
 * Meetings of the last year that the person attended (present, in a fee-earning role, in the
 * newest minutes version), newest first, with the rule in force and their claim if any.
 * `meetingId` narrows it to one meeting.
 */
export async function listClaimableMeetings(
  personId: string,
  opts: { meetingId?: string; now?: Date; limit?: number } = {},
  db: Executor = getDb(),
): Promise<ClaimableMeeting[]> {
  const now = opts.now ?? new Date();
  const since = new Date(now.getTime() - CLAIM_WINDOW_DAYS * DAY_MS);
  const newest = db
    .select({
      minutesId: minutesVersions.minutesId,
      newestNo: sql<number>`max(${minutesVersions.versionNo})`.as('newest_no'),
    })
    .from(minutesVersions)
    .groupBy(minutesVersions.minutesId)
    .as('newest');
  const rows = await db
    .select({
      meetingId: meetings.id,
      councilId: meetings.councilId,
      regionId: councils.regionId,
      councilNameFi: councils.nameFi,
      councilNameSv: councils.nameSv,
      councilNameEn: councils.nameEn,
      title: meetings.title,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
    })
    .from(attendance)
    .innerJoin(minutesVersions, eq(minutesVersions.id, attendance.versionId))
    .innerJoin(
      newest,
      and(eq(newest.minutesId, minutesVersions.minutesId), eq(newest.newestNo, minutesVersions.versionNo)),
    )
    .innerJoin(minutes, eq(minutes.id, minutesVersions.minutesId))
    .innerJoin(meetings, eq(meetings.id, minutes.meetingId))
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .where(
      and(
        eq(attendance.personId, personId),
        eq(attendance.present, true),
        inArray(attendance.role, [...FEE_ROLES]),
        ne(meetings.status, 'cancelled'),
        gte(meetings.startsAt, since),
        lt(meetings.startsAt, now),
        opts.meetingId ? eq(meetings.id, opts.meetingId) : undefined,
      ),
    )
    .orderBy(desc(meetings.startsAt))
    .limit(opts.limit ?? 50);
  if (rows.length === 0) return [];
  const councilIds = [...new Set(rows.map((r) => r.councilId))];
  const rules = await db
    .select()
    .from(councilFeeRules)
    .where(inArray(councilFeeRules.councilId, councilIds))
    .limit(1000);
  const claims = await db
    .select()
    .from(travelClaims)
    .where(
      and(
        eq(travelClaims.personId, personId),
        inArray(
          travelClaims.meetingId,
          rows.map((r) => r.meetingId),
        ),
      ),
    );
  return rows.map((r) => {
    const firstDay = todayInHelsinki(r.startsAt);
    const rule = ruleOn(
      rules.filter((x) => x.councilId === r.councilId),
      firstDay,
    );
    return {
      ...r,
      firstDay,
      lastDay: todayInHelsinki(new Date(r.endsAt.getTime() - 1)),
      ruleKind: rule?.kind ?? null,
      kmRateCents: rule?.kmRateCents ?? 0,
      claim: claims.find((c) => c.meetingId === r.meetingId) ?? null,
    };
  });
}

/**
 * Saves the person's claim for a meeting as a draft, or submits it. The meeting must be one they
 * attended, its council must pay under the rule in force, and the travel date must be a day of
 * the meeting. An approved claim is final; a rejected one may be corrected and sent again.
 */
export async function saveClaim(
  actor: AuditActor,
  personId: string,
  input: ClaimForm,
  now = new Date(),
): Promise<FeeOutcome> {
  return inTransaction(async (tx) => {
    const [meeting] = await listClaimableMeetings(personId, { meetingId: input.meetingId, now }, tx);
    if (!meeting) return no('not_attended', 'meetingId');
    if (meeting.ruleKind !== 'per_meeting') return no('no_fees', 'meetingId');
    if (input.travelDate < meeting.firstDay || input.travelDate > meeting.lastDay)
      return no('date_outside_meeting', 'travelDate', { firstDay: meeting.firstDay, lastDay: meeting.lastDay });
    const submit = input.intent === 'submit-claim';
    const values = {
      travelDate: input.travelDate,
      km: input.km,
      ticketCents: input.tickets,
      accessibilityCents: input.accessibilityCosts,
      accessibilityType: input.accessibilityCosts > 0 ? (input.accessibilityType ?? null) : null,
      note: input.note?.trim() || null,
    };
    const who = { councilId: meeting.councilId, regionId: meeting.regionId, actor };
    const before = meeting.claim;
    if (before) {
      if (input.lockVersion === undefined || before.lockVersion !== input.lockVersion) return no('conflict');
      if (before.status === 'approved') return no('decided');
      // Once sent, a claim stays sent until decided; a rejected one goes back as sent or draft.
      const status = submit || before.status === 'submitted' ? 'submitted' : 'draft';
      const updated = await tx
        .update(travelClaims)
        .set({
          ...values,
          status,
          submittedAt: status === 'submitted' ? (before.status === 'submitted' ? before.submittedAt : now) : null,
          decidedBy: null,
          decidedAt: null,
          rejectReason: null,
          updatedAt: now,
          lockVersion: sql`${travelClaims.lockVersion} + 1`,
        })
        .where(and(eq(travelClaims.id, before.id), eq(travelClaims.lockVersion, input.lockVersion)))
        .returning({ id: travelClaims.id });
      if (updated.length === 0) return no('conflict');
      await recordAudit(tx, actor, {
        action: submit ? 'claim.submit' : 'claim.update',
        entityType: 'travel_claim',
        entityId: before.id,
        councilId: who.councilId,
        regionId: who.regionId,
        changes: {
          ...diffChanges(before, values),
          ...(before.status !== status ? { status: [before.status, status] } : {}),
        },
      });
      return ok(before.id);
    }
    const [row] = await tx
      .insert(travelClaims)
      .values({
        meetingId: meeting.meetingId,
        councilId: meeting.councilId,
        personId,
        ...values,
        status: submit ? 'submitted' : 'draft',
        submittedAt: submit ? now : null,
      })
      .returning({ id: travelClaims.id });
    await recordAudit(tx, actor, {
      action: submit ? 'claim.submit' : 'claim.create',
      entityType: 'travel_claim',
      entityId: row!.id,
      councilId: who.councilId,
      regionId: who.regionId,
      changes: { meetingId: meeting.meetingId, ...values, status: submit ? 'submitted' : 'draft' },
    });
    return ok(row!.id);
  });
}
