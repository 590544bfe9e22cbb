import { and, asc, desc, eq, gte, inArray, isNotNull, lt, lte, ne, or, isNull, sql } from 'drizzle-orm';
import { getDb, type Executor } from '~db/client.server';
import {
  actionPlans,
  agendaItems,
  annualReports,
  attendance,
  categories,
  councils,
  decisions,
  meetings,
  memberships,
  minutes,
  minutesVersions,
  organisations,
  people,
  planActions,
  planGoals,
  statements,
  terms,
  type AnnualReport,
} from '~db/schema';
import i18nServer from '~/i18n.server';
import { helsinkiWallClock, todayInHelsinki, TIME_ZONE } from '~/lib/dates';
import type { Locale } from '~/lib/i18n';
import { recordAudit, type AuditActor } from '~/models/audit.server';
import { format } from 'date-fns';
import { tz } from '@date-fns/tz';
import { isFrozenError } from '~/models/db-errors.server';
import { INFLUENCE_OUTCOME_VALUES } from '~/validation/plans';

export const REPORT_FIGURES_VERSION = 1;

export type MembershipRoleName = (typeof memberships.$inferSelect)['role'];
export type AttendanceRoleName = (typeof attendance.$inferSelect)['role'];
export type DecisionOutcomeName = (typeof decisions.$inferSelect)['outcome'];
export type StatementTypeName = (typeof statements.$inferSelect)['type'];
export type StatementStatusName = (typeof statements.$inferSelect)['status'];
export type ActionStatusName = (typeof planActions.$inferSelect)['status'];
type InfluenceOutcomeName = (typeof statements.$inferSelect)['outcome'];
export type DocumentStatusName = (typeof annualReports.$inferSelect)['status'];

export const DECISION_OUTCOMES: readonly DecisionOutcomeName[] = ['decided', 'noted', 'postponed', 'withdrawn', 'referred'];
export const STATEMENT_TYPES: readonly StatementTypeName[] = ['statement', 'position', 'initiative'];
export const ACTION_STATUSES: readonly ActionStatusName[] = ['planned', 'in_progress', 'done', 'dropped'];
const INFLUENCE_OUTCOMES: readonly InfluenceOutcomeName[] = INFLUENCE_OUTCOME_VALUES;

export interface ReportMember {
  membershipId: string;
  personId: string;
  name: string;
  role: MembershipRoleName;
  organisation: string | null;
  category: string | null;
  startDate: string;
  endDate: string | null;
}

export interface CompositionChange {
  kind: 'joined' | 'left';
  date: string;
  membershipId: string;
  name: string;
  role: MembershipRoleName;
  organisation: string | null;
  endReason: string | null;
}

export interface ReportMeeting {
  id: string;
  title: string;
  /** Local date in Helsinki, YYYY-MM-DD. */
  date: string;
  minutesPublished: boolean;
  /** People present according to the published minutes; null without published minutes. */
  present: number | null;
}

export interface AttendanceLine {
  personId: string;
  name: string;
  /** Capacity at the person's latest meeting of the year. */
  role: AttendanceRoleName;
  present: number;
  recorded: number;
}

export interface ReportDecision {
  meetingId: string;
  meetingDate: string;
  section: string | null;
  itemTitle: string;
  decision: string | null;
  outcome: DecisionOutcomeName;
}

export interface ReportStatement {
  id: string;
  type: StatementTypeName;
  title: string;
  recipient: string;
  issuedOn: string | null;
  status: StatementStatusName;
  response: string | null;
  responseDate: string | null;
  /** Absent in figures generated before the influence counts (frozen reports keep their figures). */
  outcome?: InfluenceOutcomeName;
}

/** Statements, positions and initiatives of the year by type and by what they led to. */
type InfluenceCounts = Record<StatementTypeName, Record<InfluenceOutcomeName, number>>;

export interface ReportPlanAction {
  goal: string;
  title: string;
  status: ActionStatusName;
  owner: string | null;
  schedule: string | null;
  outcome: string | null;
}

/**
 * What the annual report says about the year, computed from the raw tables:
 * - composition: memberships of any of the council's terms in force some day of the year;
 *   changes are memberships that started or ended within the year;
 * - meetings: meetings with status 'held' that started within the year (Helsinki time);
 * - attendance and decisions: from the latest published minutes version of those meetings;
 * - statements: issued within the year, drafts excluded;
 * - plan: the year's action plan, action by action.
 */
export interface ReportFigures {
  version: typeof REPORT_FIGURES_VERSION;
  year: number;
  generatedAt: string;
  composition: { members: ReportMember[]; changes: CompositionChange[]; joined: number; left: number };
  meetings: { held: number; withPublishedMinutes: number; list: ReportMeeting[] };
  attendance: {
    perPerson: AttendanceLine[];
    overall: { present: number; recorded: number; rate: number | null; averagePresent: number | null };
  };
  decisions: { total: number; byOutcome: Record<DecisionOutcomeName, number>; main: ReportDecision[] };
  statements: {
    total: number;
    answered: number;
    byType: Record<StatementTypeName, number>;
    /** Absent in figures generated before the influence counts. */
    influence?: InfluenceCounts;
    list: ReportStatement[];
  };
  plan: {
    id: string;
    title: string;
    status: DocumentStatusName;
    byStatus: Record<ActionStatusName, number>;
    actions: ReportPlanAction[];
  } | null;
}

const ROLE_ORDER: MembershipRoleName[] = [
  'chair',
  'vice_chair',
  'secretary',
  'member',
  'elected_official',
  'county_representative',
  'municipality_representative',
  'deputy',
  'invited_expert',
];

/** One decimal in the reader's convention: 13,5 in Finnish and Swedish, 13.5 in English. */
export function formatDecimal(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : `${locale}-FI`, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

const helsinki = tz(TIME_ZONE);
const localDate = (instant: Date) => format(instant, 'yyyy-MM-dd', { in: helsinki });
const fullName = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`;
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'fi');

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** The instants that bound a calendar year in Helsinki: [start, end). */
export function yearBounds(year: number): { from: Date; to: Date } {
  return { from: helsinkiWallClock(`${year}-01-01`, '00:00'), to: helsinkiWallClock(`${year + 1}-01-01`, '00:00') };
}

/** Has the calendar year ended in Helsinki? */
export function yearHasEnded(year: number, now: Date = new Date()): boolean {
  return todayInHelsinki(now) > `${year}-12-31`;
}

/**
 * Compute the annual report's figures for one council and year from the raw tables.
 * Seven queries whatever the size of the council or the number of meetings.
 */
export async function generateReport(councilId: string, year: number, db: Executor = getDb(), now: Date = new Date()): Promise<ReportFigures> {
  const { from, to } = yearBounds(year);
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;

  // 1. Held meetings of the year, each with its latest published minutes version (if any).
  const meetingRows = await db
    .selectDistinctOn([meetings.id], {
      id: meetings.id,
      title: meetings.title,
      startsAt: meetings.startsAt,
      versionId: minutesVersions.id,
    })
    .from(meetings)
    .leftJoin(minutes, eq(minutes.meetingId, meetings.id))
    .leftJoin(minutesVersions, and(eq(minutesVersions.minutesId, minutes.id), eq(minutesVersions.status, 'published')))
    .where(and(eq(meetings.councilId, councilId), eq(meetings.status, 'held'), gte(meetings.startsAt, from), lt(meetings.startsAt, to)))
    .orderBy(meetings.id, sql`${minutesVersions.versionNo} desc nulls last`);
  meetingRows.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const versionIds = meetingRows.map((m) => m.versionId).filter((v): v is string => v !== null);
  const meetingByVersion = new Map(meetingRows.filter((m) => m.versionId).map((m) => [m.versionId as string, m]));

  // 2. Attendance rows of those versions.
  const attendanceRows = versionIds.length
    ? await db
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
    : [];

  // 3. Decisions of those versions with their items.
  const decisionRows = versionIds.length
    ? await db
        .select({
          versionId: decisions.versionId,
          decision: decisions.decision,
          outcome: decisions.outcome,
          itemTitle: agendaItems.title,
          templateKey: agendaItems.templateKey,
          publicity: agendaItems.publicity,
          personalDataClass: agendaItems.personalDataClass,
          sectionNumber: agendaItems.sectionNumber,
          position: agendaItems.position,
        })
        .from(decisions)
        .innerJoin(agendaItems, eq(agendaItems.id, decisions.agendaItemId))
        .where(inArray(decisions.versionId, versionIds))
    : [];

  // 4. Memberships in force some day of the year.
  const membershipRows = await db
    .select({
      membershipId: memberships.id,
      personId: memberships.personId,
      role: memberships.role,
      startDate: memberships.startDate,
      endDate: memberships.endDate,
      endReason: memberships.endReason,
      givenName: people.givenName,
      familyName: people.familyName,
      organisation: organisations.nameFi,
      category: categories.nameFi,
    })
    .from(memberships)
    .innerJoin(terms, eq(terms.id, memberships.termId))
    .innerJoin(people, eq(people.id, memberships.personId))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .leftJoin(categories, eq(categories.id, memberships.categoryId))
    .where(and(eq(terms.councilId, councilId), lte(memberships.startDate, last), or(isNull(memberships.endDate), gte(memberships.endDate, first))));

  // 5. Statements issued during the year.
  const statementRows = await db
    .select({
      id: statements.id,
      type: statements.type,
      title: statements.title,
      recipient: statements.recipient,
      issuedOn: statements.issuedOn,
      status: statements.status,
      response: statements.response,
      responseDate: statements.responseDate,
      outcome: statements.outcome,
    })
    .from(statements)
    .where(and(eq(statements.councilId, councilId), ne(statements.status, 'draft'), gte(statements.issuedOn, first), lte(statements.issuedOn, last)))
    .orderBy(asc(statements.issuedOn), asc(statements.title));

  // 6. The year's action plan with its actions and their owners.
  const planRows = await db
    .select({
      planId: actionPlans.id,
      planTitle: actionPlans.title,
      planStatus: actionPlans.status,
      goalTitle: planGoals.title,
      goalPosition: planGoals.position,
      actionTitle: planActions.title,
      actionPosition: planActions.position,
      status: planActions.status,
      schedule: planActions.schedule,
      outcome: planActions.outcome,
      ownerSecretariat: planActions.ownerSecretariat,
      ownerGiven: people.givenName,
      ownerFamily: people.familyName,
    })
    .from(actionPlans)
    .leftJoin(planGoals, eq(planGoals.planId, actionPlans.id))
    .leftJoin(planActions, eq(planActions.goalId, planGoals.id))
    .leftJoin(memberships, eq(memberships.id, planActions.ownerMembershipId))
    .leftJoin(people, eq(people.id, memberships.personId))
    .where(and(eq(actionPlans.councilId, councilId), eq(actionPlans.year, year)))
    .orderBy(asc(planGoals.position), asc(planActions.position));

  // Composition.
  const members: ReportMember[] = membershipRows
    .map((m) => ({
      membershipId: m.membershipId,
      personId: m.personId,
      name: fullName(m),
      role: m.role,
      organisation: m.organisation,
      category: m.category,
      startDate: m.startDate,
      endDate: m.endDate,
    }))
    .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || byName(a, b) || a.startDate.localeCompare(b.startDate));
  const changes: CompositionChange[] = [];
  for (const m of membershipRows) {
    const base = { membershipId: m.membershipId, name: fullName(m), role: m.role, organisation: m.organisation };
    if (m.startDate >= first && m.startDate <= last) changes.push({ ...base, kind: 'joined', date: m.startDate, endReason: null });
    if (m.endDate && m.endDate >= first && m.endDate <= last) changes.push({ ...base, kind: 'left', date: m.endDate, endReason: m.endReason });
  }
  changes.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind) || byName(a, b));

  // Attendance.
  const presentPerVersion = new Map<string, number>();
  const perPerson = new Map<string, AttendanceLine & { lastAt: number }>();
  let presentTotal = 0;
  for (const row of attendanceRows) {
    const at = meetingByVersion.get(row.versionId)?.startsAt.getTime() ?? 0;
    const line = perPerson.get(row.personId) ?? { personId: row.personId, name: fullName(row), role: row.role, present: 0, recorded: 0, lastAt: -1 };
    line.recorded += 1;
    if (row.present) {
      line.present += 1;
      presentTotal += 1;
      presentPerVersion.set(row.versionId, (presentPerVersion.get(row.versionId) ?? 0) + 1);
    }
    if (at >= line.lastAt) {
      line.role = row.role;
      line.lastAt = at;
    }
    perPerson.set(row.personId, line);
  }

  // Decisions.
  const byOutcome = zeroes(DECISION_OUTCOMES);
  const main: Array<ReportDecision & { at: number; position: number }> = [];
  for (const d of decisionRows) {
    byOutcome[d.outcome] += 1;
    const meeting = meetingByVersion.get(d.versionId);
    // Only substantive, public items are listed: the report is published.
    if (!meeting || d.templateKey !== null || d.publicity !== 'public') continue;
    main.push({
      meetingId: meeting.id,
      meetingDate: localDate(meeting.startsAt),
      section: d.sectionNumber !== null ? `§ ${d.sectionNumber}` : null,
      itemTitle: d.itemTitle,
      // Issue 14.4: the published report outlives the display period: no text that names persons.
      decision: d.personalDataClass === 'none' ? d.decision : null,
      outcome: d.outcome,
      at: meeting.startsAt.getTime(),
      position: d.position,
    });
  }
  main.sort((a, b) => a.at - b.at || a.position - b.position);

  // Statements.
  const byType = zeroes(STATEMENT_TYPES);
  for (const s of statementRows) byType[s.type] += 1;
  const influence = Object.fromEntries(STATEMENT_TYPES.map((type) => [type, zeroes(INFLUENCE_OUTCOMES)])) as InfluenceCounts;
  for (const s of statementRows) influence[s.type][s.outcome] += 1;

  // Plan.
  const firstPlan = planRows[0];
  const plan = firstPlan
    ? (() => {
        const byStatus = zeroes(ACTION_STATUSES);
        const actions: ReportPlanAction[] = [];
        for (const r of planRows) {
          if (r.actionTitle === null || r.status === null || r.goalTitle === null) continue;
          byStatus[r.status] += 1;
          actions.push({
            goal: r.goalTitle,
            title: r.actionTitle,
            status: r.status,
            owner: r.ownerGiven && r.ownerFamily ? `${r.ownerGiven} ${r.ownerFamily}` : r.ownerSecretariat,
            schedule: r.schedule,
            outcome: r.outcome,
          });
        }
        return { id: firstPlan.planId, title: firstPlan.planTitle, status: firstPlan.planStatus, byStatus, actions };
      })()
    : null;

  const withMinutes = versionIds.length;
  return {
    version: REPORT_FIGURES_VERSION,
    year,
    generatedAt: now.toISOString(),
    composition: {
      members,
      changes,
      joined: changes.filter((c) => c.kind === 'joined').length,
      left: changes.filter((c) => c.kind === 'left').length,
    },
    meetings: {
      held: meetingRows.length,
      withPublishedMinutes: withMinutes,
      list: meetingRows.map((m) => ({
        id: m.id,
        title: m.title,
        date: localDate(m.startsAt),
        minutesPublished: m.versionId !== null,
        present: m.versionId ? presentPerVersion.get(m.versionId) ?? 0 : null,
      })),
    },
    attendance: {
      perPerson: [...perPerson.values()].map(({ lastAt: _lastAt, ...line }) => line).sort(byName),
      overall: {
        present: presentTotal,
        recorded: attendanceRows.length,
        rate: attendanceRows.length ? presentTotal / attendanceRows.length : null,
        averagePresent: withMinutes ? presentTotal / withMinutes : null,
      },
    },
    decisions: { total: decisionRows.length, byOutcome, main: main.map(({ at: _at, position: _p, ...d }) => d) },
    statements: {
      total: statementRows.length,
      answered: statementRows.filter((s) => s.response !== null).length,
      byType,
      influence,
      list: statementRows,
    },
    plan,
  };
}

/** Reads figures stored in a report row (they were written by generateReport). */
export function reportFigures(report: Pick<AnnualReport, 'generated'>): ReportFigures {
  return report.generated as unknown as ReportFigures;
}

/** The secretary's starting text, written from the figures in the council's language. */
export async function draftReportBody(figures: ReportFigures, councilName: string, locale: Locale = 'fi'): Promise<string> {
  const t = await i18nServer.getFixedT(locale, 'common');
  const pct = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)} %`);
  const paragraphs = [
    t('plans.report.draft.intro', { council: councilName, year: figures.year }),
    t('plans.report.draft.meetings', { count: figures.meetings.held, year: figures.year }),
    figures.attendance.overall.recorded > 0
      ? t('plans.report.draft.attendance', { rate: pct(figures.attendance.overall.rate), average: formatDecimal(figures.attendance.overall.averagePresent ?? 0, locale) })
      : null,
    t('plans.report.draft.composition', { joined: figures.composition.joined, left: figures.composition.left }),
    t('plans.report.draft.statements', { count: figures.statements.total, answered: figures.statements.answered }),
    figures.plan
      ? t('plans.report.draft.plan', {
          done: figures.plan.byStatus.done,
          total: figures.plan.actions.length,
          inProgress: figures.plan.byStatus.in_progress,
          dropped: figures.plan.byStatus.dropped,
        })
      : t('plans.report.draft.noPlan'),
    t('plans.report.draft.closing'),
  ];
  return paragraphs.filter((p): p is string => p !== null).join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// The report's workflow: draft → approved (frozen by a trigger) → published.

export type ReportResult = 'ok' | 'not_found' | 'conflict' | 'frozen';
export type ApproveResult = ReportResult | 'year_not_ended' | 'item_not_found';
export type PublishResult = 'ok' | 'not_found' | 'conflict' | 'not_approved' | 'already_published';

interface Scope {
  councilId: string;
  regionId: string;
  actor: AuditActor;
}

export { isFrozenError };

/** One council's report for a year, whatever its status (secretariat view). */
export async function getReport(councilId: string, year: number): Promise<AnnualReport | null> {
  const [row] = await getDb()
    .select()
    .from(annualReports)
    .where(and(eq(annualReports.councilId, councilId), eq(annualReports.year, year)))
    .limit(1);
  return row ?? null;
}

/** All of a council's reports, newest first (secretariat view). */
export async function listReports(councilId: string) {
  return getDb()
    .select({ id: annualReports.id, year: annualReports.year, title: annualReports.title, status: annualReports.status })
    .from(annualReports)
    .where(eq(annualReports.councilId, councilId))
    .orderBy(desc(annualReports.year));
}

/** A published report, or null: the only report function public loaders use. */
export async function getPublishedReport(councilId: string, year: number) {
  const [row] = await getDb()
    .select({
      id: annualReports.id,
      year: annualReports.year,
      title: annualReports.title,
      body: annualReports.body,
      titleSv: annualReports.titleSv,
      titleEn: annualReports.titleEn,
      bodySv: annualReports.bodySv,
      bodyEn: annualReports.bodyEn,
      generated: annualReports.generated,
      approvedAt: annualReports.approvedAt,
      publishedAt: annualReports.publishedAt,
    })
    .from(annualReports)
    .where(and(eq(annualReports.councilId, councilId), eq(annualReports.year, year), eq(annualReports.status, 'published')))
    .limit(1);
  return row ?? null;
}

/** Years with a published report, newest first. */
export async function listPublishedReports(councilId: string) {
  return getDb()
    .select({ year: annualReports.year, title: annualReports.title, publishedAt: annualReports.publishedAt })
    .from(annualReports)
    .where(and(eq(annualReports.councilId, councilId), eq(annualReports.status, 'published'), isNotNull(annualReports.publishedAt)))
    .orderBy(desc(annualReports.year));
}

async function councilName(councilId: string, db: Executor): Promise<{ name: string; locale: Locale }> {
  const [row] = await db.select({ nameFi: councils.nameFi, nameSv: councils.nameSv, languages: councils.languages }).from(councils).where(eq(councils.id, councilId));
  const locale: Locale = row?.languages[0] === 'sv' ? 'sv' : 'fi';
  return { name: (locale === 'sv' ? row?.nameSv : null) ?? row?.nameFi ?? '', locale };
}

/** The report row a new draft starts from: figures, a drafted text and a title. */
export async function buildReportDraft(councilId: string, year: number, db: Executor = getDb(), now: Date = new Date()) {
  const figures = await generateReport(councilId, year, db, now);
  const { name, locale } = await councilName(councilId, db);
  const t = await i18nServer.getFixedT(locale, 'common');
  return {
    councilId,
    year,
    title: t('plans.report.defaultTitle', { year }),
    generated: figures as unknown as Record<string, unknown>,
    body: await draftReportBody(figures, name, locale),
  };
}

/** Generate a draft report for the year; 'exists' when the council already has one. */
export async function createReportDraft(input: Scope & { year: number; now?: Date }): Promise<'ok' | 'exists'> {
  const db = getDb();
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: annualReports.id })
      .from(annualReports)
      .where(and(eq(annualReports.councilId, input.councilId), eq(annualReports.year, input.year)));
    if (existing) return 'exists' as const;
    const draft = await buildReportDraft(input.councilId, input.year, tx, input.now);
    const [row] = await tx.insert(annualReports).values(draft).returning({ id: annualReports.id });
    await recordAudit(tx, input.actor, {
      action: 'report.create',
      entityType: 'annual_report',
      entityId: row!.id,
      councilId: input.councilId,
      regionId: input.regionId,
      changes: { year: input.year },
    });
    return 'ok' as const;
  });
}

async function guardedReportUpdate(
  input: Scope & { year: number; lockVersion: number },
  set: Partial<typeof annualReports.$inferInsert>,
  audit: { action: string; changes: (before: AnnualReport) => Record<string, unknown> },
): Promise<ReportResult> {
  try {
    return await getDb().transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(annualReports)
        .where(and(eq(annualReports.councilId, input.councilId), eq(annualReports.year, input.year)));
      if (!before) return 'not_found' as const;
      // No status check here on purpose: the database trigger is what refuses a frozen report.
      const updated = await tx
        .update(annualReports)
        .set({ ...set, updatedAt: new Date(), lockVersion: sql`${annualReports.lockVersion} + 1` })
        .where(and(eq(annualReports.id, before.id), eq(annualReports.lockVersion, input.lockVersion)))
        .returning({ id: annualReports.id });
      if (updated.length === 0) return before.status === 'draft' ? ('conflict' as const) : ('frozen' as const);
      await recordAudit(tx, input.actor, {
        action: audit.action,
        entityType: 'annual_report',
        entityId: before.id,
        councilId: input.councilId,
        regionId: input.regionId,
        changes: audit.changes(before),
      });
      return 'ok' as const;
    });
  } catch (error) {
    if (isFrozenError(error)) return 'frozen';
    throw error;
  }
}

/** Save the secretary's title and text of a draft report. */
export async function updateReportText(
  input: Scope & { year: number; lockVersion: number; title: string; body: string; titleSv?: string | null; titleEn?: string | null; bodySv?: string | null; bodyEn?: string | null },
): Promise<ReportResult> {
  const texts = { titleSv: input.titleSv || null, titleEn: input.titleEn || null, bodySv: input.bodySv || null, bodyEn: input.bodyEn || null };
  return guardedReportUpdate(input, { title: input.title, body: input.body, ...texts }, {
    action: 'report.update',
    changes: (before) => ({ title: [before.title, input.title], bodyChanged: before.body !== input.body }),
  });
}

/** Recompute a draft report's figures from the record (the text is kept). */
export async function regenerateReportFigures(input: Scope & { year: number; lockVersion: number; now?: Date }): Promise<ReportResult> {
  const figures = await generateReport(input.councilId, input.year, getDb(), input.now);
  return guardedReportUpdate(input, { generated: figures as unknown as Record<string, unknown> }, {
    action: 'report.regenerate',
    changes: () => ({ meetingsHeld: figures.meetings.held }),
  });
}

/** Does the agenda item belong to this council? (The foreign key says so too; this gives a clear message.) */
export async function itemBelongsToCouncil(councilId: string, itemId: string, db: Executor = getDb()): Promise<{ startsAt: Date } | null> {
  const [row] = await db
    .select({ startsAt: meetings.startsAt })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(eq(agendaItems.id, itemId), eq(agendaItems.councilId, councilId)));
  return row ?? null;
}

/**
 * Approve a report at a meeting item of the same council. A year that has not ended needs an
 * explicit confirmation. After approval the database freezes the report.
 */
export async function approveReport(
  input: Scope & { year: number; lockVersion: number; itemId: string | null; confirmYearNotEnded: boolean; now?: Date },
): Promise<ApproveResult> {
  const now = input.now ?? new Date();
  if (!yearHasEnded(input.year, now) && !input.confirmYearNotEnded) return 'year_not_ended';
  if (input.itemId && !(await itemBelongsToCouncil(input.councilId, input.itemId))) return 'item_not_found';
  return guardedReportUpdate(input, { status: 'approved', approvedAt: now, approvedItemId: input.itemId }, {
    action: 'report.approve',
    changes: (before) => ({ status: [before.status, 'approved'], approvedItemId: input.itemId, yearEnded: yearHasEnded(input.year, now) }),
  });
}

/** Publish an approved report; the only change the freeze trigger still allows. */
export async function publishReport(input: Scope & { year: number; lockVersion: number; now?: Date }): Promise<PublishResult> {
  const now = input.now ?? new Date();
  return getDb().transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(annualReports)
      .where(and(eq(annualReports.councilId, input.councilId), eq(annualReports.year, input.year)));
    if (!before) return 'not_found' as const;
    if (before.status === 'draft') return 'not_approved' as const;
    if (before.status === 'published') return 'already_published' as const;
    const updated = await tx
      .update(annualReports)
      .set({ status: 'published', publishedAt: now, updatedAt: now, lockVersion: sql`${annualReports.lockVersion} + 1` })
      .where(and(eq(annualReports.id, before.id), eq(annualReports.lockVersion, input.lockVersion)))
      .returning({ id: annualReports.id });
    if (updated.length === 0) return 'conflict' as const;
    await recordAudit(tx, input.actor, {
      action: 'report.publish',
      entityType: 'annual_report',
      entityId: before.id,
      councilId: input.councilId,
      regionId: input.regionId,
      changes: { status: ['approved', 'published'] },
    });
    return 'ok' as const;
  });
}
