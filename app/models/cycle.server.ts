import { hostname } from 'node:os';
import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import { getDb } from '~db/client.server';
import {
  councils,
  cycleMilestones,
  meetings,
  memberships,
  milestoneReminders,
  people,
  roleGrants,
  terms,
  users,
  type CycleMilestone,
} from '~db/schema';
import i18nServer from '~/i18n.server';
import { appOrigin } from '~/lib/config.server';
import { todayInHelsinki } from '~/lib/dates';
import { isLocale, type Locale } from '~/lib/i18n';
import { queueMail } from '~/lib/mail.server';
import { wakeWorkers } from '~/lib/queue/queue.server';
import { MAIL_QUEUE } from '~/lib/queue/queues';
import { diffChanges, recordAudit, type AuditActor } from '~/models/audit.server';
import { yearBounds } from '~/models/reports.server';
import { issueUnsubscribeUrl, optedOut } from '~/models/subscriptions.server';

interface Scope {
  councilId: string;
  regionId: string;
  actor: AuditActor;
}

export interface MilestoneFields {
  titleFi: string;
  titleSv: string | null;
  titleEn: string | null;
  startMonth: number;
  startDay: number;
  endMonth: number | null;
  endDay: number | null;
  remindDaysBefore: number | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDay(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(Math.min(day, daysInMonth(year, month)))}`;
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * A milestone's dates in a given year. Day 31 in a shorter month (or 29 February) falls on
 * the month's last day; an end before the start runs into the next year.
 */
export function milestoneOccurrence(m: Pick<CycleMilestone, 'startMonth' | 'startDay' | 'endMonth' | 'endDay'>, year: number) {
  const start = isoDay(year, m.startMonth, m.startDay);
  if (m.endMonth === null || m.endDay === null) return { start, end: null };
  const endYear = m.endMonth < m.startMonth || (m.endMonth === m.startMonth && m.endDay < m.startDay) ? year + 1 : year;
  return { start, end: isoDay(endYear, m.endMonth, m.endDay) };
}

/** The council's own milestones and its region's, in calendar order. */
export async function listMilestones(councilId: string, regionId: string) {
  return getDb()
    .select()
    .from(cycleMilestones)
    .where(or(eq(cycleMilestones.councilId, councilId), eq(cycleMilestones.regionId, regionId)))
    .orderBy(asc(cycleMilestones.startMonth), asc(cycleMilestones.startDay), asc(cycleMilestones.titleFi));
}

/** The year's meetings of a council (cancelled ones left out); public ones only when asked. */
export async function listYearMeetings(councilId: string, year: number, opts: { publicOnly: boolean }) {
  const { from, to } = yearBounds(year);
  return getDb()
    .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt, status: meetings.status })
    .from(meetings)
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .where(
      and(
        eq(meetings.councilId, councilId),
        ne(meetings.status, 'cancelled'),
        gte(meetings.startsAt, from),
        lt(meetings.startsAt, to),
        opts.publicOnly ? and(eq(meetings.publicity, 'public'), eq(councils.publicityDefault, 'public')) : undefined,
      ),
    )
    .orderBy(asc(meetings.startsAt));
}

export interface YearEventData {
  id: string;
  kind: 'milestone' | 'meeting';
  titleFi: string;
  titleSv: string | null;
  titleEn: string | null;
  start: string;
  end: string | null;
  startsAt: Date | null;
}

/** Milestones and meetings of one year as plain events for the year wheel. */
export function buildYearEvents(
  milestones: CycleMilestone[],
  yearMeetings: Array<{ id: string; title: string; startsAt: Date }>,
  year: number,
): YearEventData[] {
  return [
    ...milestones.map((m) => ({
      id: m.id,
      kind: 'milestone' as const,
      titleFi: m.titleFi,
      titleSv: m.titleSv,
      titleEn: m.titleEn,
      ...milestoneOccurrence(m, year),
      startsAt: null,
    })),
    ...yearMeetings.map((m) => ({
      id: m.id,
      kind: 'meeting' as const,
      titleFi: m.title,
      titleSv: null,
      titleEn: null,
      start: todayInHelsinki(m.startsAt),
      end: null,
      startsAt: m.startsAt,
    })),
  ];
}

export type MilestoneResult = 'ok' | 'not_found' | 'conflict';

/** Add a milestone to the council, or to its whole region when `regionWide` (region admins). */
export async function createMilestone(input: Scope & MilestoneFields & { regionWide: boolean }): Promise<MilestoneResult> {
  const { councilId, regionId, actor, regionWide, ...fields } = input;
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(cycleMilestones)
      .values({ ...fields, councilId: regionWide ? null : councilId, regionId: regionWide ? regionId : null })
      .returning({ id: cycleMilestones.id });
    await recordAudit(tx, actor, {
      action: 'cycle.create',
      entityType: 'cycle_milestone',
      entityId: row!.id,
      councilId: regionWide ? null : councilId,
      regionId,
      changes: { ...fields },
    });
    return 'ok' as const;
  });
}

function ownedBy(id: string, councilId: string, regionId: string, mayEditRegion: boolean) {
  return and(
    eq(cycleMilestones.id, id),
    mayEditRegion ? or(eq(cycleMilestones.councilId, councilId), eq(cycleMilestones.regionId, regionId)) : eq(cycleMilestones.councilId, councilId),
  );
}

/** Edit a milestone of this council (or of its region, for region admins). */
export async function updateMilestone(input: Scope & MilestoneFields & { id: string; lockVersion: number | undefined; mayEditRegion: boolean }): Promise<MilestoneResult> {
  const { councilId, regionId, actor, id, lockVersion, mayEditRegion, ...fields } = input;
  return getDb().transaction(async (tx) => {
    const [before] = await tx.select().from(cycleMilestones).where(ownedBy(id, councilId, regionId, mayEditRegion));
    if (!before) return 'not_found' as const;
    if (lockVersion === undefined || before.lockVersion !== lockVersion) return 'conflict' as const;
    const updated = await tx
      .update(cycleMilestones)
      .set({ ...fields, updatedAt: new Date(), lockVersion: sql`${cycleMilestones.lockVersion} + 1` })
      .where(and(eq(cycleMilestones.id, id), eq(cycleMilestones.lockVersion, lockVersion)))
      .returning({ id: cycleMilestones.id });
    if (updated.length === 0) return 'conflict' as const;
    await recordAudit(tx, actor, {
      action: 'cycle.update',
      entityType: 'cycle_milestone',
      entityId: id,
      councilId: before.councilId,
      regionId,
      changes: diffChanges(before, fields),
    });
    return 'ok' as const;
  });
}

/** Remove a milestone of this council (or of its region, for region admins). */
export async function deleteMilestone(input: Scope & { id: string; mayEditRegion: boolean }): Promise<MilestoneResult> {
  return getDb().transaction(async (tx) => {
    const removed = await tx
      .delete(cycleMilestones)
      .where(ownedBy(input.id, input.councilId, input.regionId, input.mayEditRegion))
      .returning();
    if (removed.length === 0) return 'not_found' as const;
    await recordAudit(tx, input.actor, {
      action: 'cycle.delete',
      entityType: 'cycle_milestone',
      entityId: input.id,
      councilId: removed[0]!.councilId,
      regionId: input.regionId,
      changes: { titleFi: removed[0]!.titleFi },
    });
    return 'ok' as const;
  });
}

// ---------------------------------------------------------------------------------------------
// Reminders to the secretariat

export interface Recipient {
  email: string;
  locale: Locale;
  councilId: string;
  councilSlug: string;
  regionId: string;
}

/** Secretaries of the given councils and of every council in the given regions. Two queries. */
export async function secretariesOf(councilIds: string[], regionIds: string[], today: string): Promise<Recipient[]> {
  const db = getDb();
  const inScope = or(
    councilIds.length ? inArray(councils.id, councilIds) : undefined,
    regionIds.length ? inArray(councils.regionId, regionIds) : undefined,
  );
  const [granted, seated] = await Promise.all([
    db
      .select({ email: users.email, locale: users.locale, councilId: councils.id, councilSlug: councils.slug, regionId: councils.regionId })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .innerJoin(councils, eq(councils.id, roleGrants.councilId))
      .where(and(eq(roleGrants.role, 'secretary'), isNull(roleGrants.revokedAt), isNull(users.disabledAt), inScope)),
    db
      .select({ email: people.email, councilId: councils.id, councilSlug: councils.slug, regionId: councils.regionId })
      .from(memberships)
      .innerJoin(terms, eq(terms.id, memberships.termId))
      .innerJoin(councils, eq(councils.id, terms.councilId))
      .innerJoin(people, eq(people.id, memberships.personId))
      .where(
        and(
          eq(memberships.role, 'secretary'),
          isNotNull(people.email),
          lte(memberships.startDate, today),
          or(isNull(memberships.endDate), gte(memberships.endDate, today)),
          inScope,
        ),
      ),
  ]);
  return [
    ...granted.map((g) => ({ ...g, locale: isLocale(g.locale) ? g.locale : ('fi' as const) })),
    ...seated.map((s) => ({ ...s, email: s.email as string, locale: 'fi' as const })),
  ];
}

/**
 * Email the secretariat `remindDaysBefore` days before each milestone (and on any later day up
 * to its start, so a missed run catches up). Each reminder is claimed once per milestone and
 * year in the database, so several app instances send it once. Returns the number of
 * reminders claimed and messages sent.
 */
export async function sendDueMilestoneReminders(now: Date = new Date(), instance = `${hostname()}:${process.pid}`) {
  const db = getDb();
  const today = todayInHelsinki(now);
  const thisYear = Number(today.slice(0, 4));
  const candidates = await db.select().from(cycleMilestones).where(isNotNull(cycleMilestones.remindDaysBefore));

  const due: Array<{ milestone: CycleMilestone; year: number; start: string; end: string | null }> = [];
  for (const milestone of candidates) {
    for (const year of [thisYear, thisYear + 1]) {
      const occurrence = milestoneOccurrence(milestone, year);
      const remindOn = addDays(occurrence.start, -(milestone.remindDaysBefore ?? 0));
      if (remindOn <= today && today <= occurrence.start) due.push({ milestone, year, ...occurrence });
    }
  }

  if (due.length === 0) return { claimed: 0, sent: 0 };
  const councilIds = [...new Set(due.map((c) => c.milestone.councilId).filter((v): v is string => v !== null))];
  const regionIds = [...new Set(due.map((c) => c.milestone.regionId).filter((v): v is string => v !== null))];
  const recipients = await secretariesOf(councilIds, regionIds, today);
  const origin = appOrigin();

  // Per reminder, the claim and its queued messages commit together: a run that dies before
  // the commit leaves the reminder unclaimed for the next run (at least once), and a second
  // run finds it claimed (once).
  let claimedCount = 0;
  let sent = 0;
  for (const entry of due) {
    const { milestone } = entry;
    const targets = new Map<string, Recipient>();
    for (const r of recipients) {
      const concerned = milestone.councilId ? r.councilId === milestone.councilId : r.regionId === milestone.regionId;
      if (concerned && !targets.has(r.email)) targets.set(r.email, r);
    }
    const queued = await db.transaction(async (tx) => {
      const rows = await tx
        .insert(milestoneReminders)
        .values({ milestoneId: milestone.id, year: entry.year, claimedBy: instance })
        .onConflictDoNothing()
        .returning({ id: milestoneReminders.id });
      if (rows.length === 0) return null;
      const off = await optedOut(tx, [...targets.keys()], 'milestone_reminders');
      let count = 0;
      for (const r of targets.values()) {
        if (off.has(r.email.toLowerCase())) continue;
        count += 1;
        const unsubscribeUrl = await issueUnsubscribeUrl(tx, { address: r.email }, 'milestone_reminders', origin);
        const t = await i18nServer.getFixedT(r.locale, 'common');
        const title = (r.locale === 'sv' ? milestone.titleSv : r.locale === 'en' ? milestone.titleEn : null) ?? milestone.titleFi;
        const dates = entry.end ? `${entry.start} – ${entry.end}` : entry.start;
        await queueMail(tx, {
          to: r.email,
          subject: t('plans.cycle.reminderMail.subject', { title }),
          text: `${t('plans.cycle.reminderMail.text', { title, dates, url: `${origin}/manage/councils/${r.councilSlug}/cycle` })}\n\n${t('notify.reminderFooter', { url: unsubscribeUrl })}\n`,
          councilId: milestone.councilId ?? r.councilId,
          kind: 'milestone_reminder',
          locale: r.locale,
          unsubscribeUrl,
        });
      }
      await tx
        .update(milestoneReminders)
        .set({ sentAt: now, recipients: count })
        .where(and(eq(milestoneReminders.milestoneId, milestone.id), eq(milestoneReminders.year, entry.year)));
      return count;
    });
    if (queued === null) continue;
    claimedCount += 1;
    sent += queued;
  }
  if (sent > 0) wakeWorkers(MAIL_QUEUE);
  return { claimed: claimedCount, sent };
}
