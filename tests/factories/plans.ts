import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb } from '../../db/client.server';
import {
  actionPlans,
  agendaItems,
  annualReports,
  attendance,
  cycleMilestones,
  decisions,
  meetings,
  minutes,
  minutesVersions,
  planActions,
  planGoals,
  statements,
} from '../../db/schema';

type AttendanceRole = (typeof attendance.$inferInsert)['role'];
type Outcome = NonNullable<(typeof decisions.$inferInsert)['outcome']>;

export interface HeldMeetingSpec {
  councilId: string;
  termId?: string | null;
  startsAt: Date;
  title?: string;
  status?: 'held' | 'planned' | 'invited' | 'cancelled';
  publicity?: 'public' | 'closed';
  agendaPublished?: boolean;
  /** Agenda items; templateKey marks a standard opening/closing item. */
  items?: Array<{
    title: string;
    templateKey?: string;
    publicity?: 'public' | 'members_only' | 'confidential';
    outcome?: Outcome;
    decision?: string;
    votes?: { for: number; against: number; abstain?: number };
  }>;
  attendance?: Array<{ personId: string; membershipId?: string | null; role: AttendanceRole; present: boolean; substitutesForId?: string | null }>;
  /** 'published' (default), 'approved', 'draft', or 'none' for no minutes at all. */
  minutes?: 'published' | 'approved' | 'draft' | 'none';
  sectionStart?: number;
}

let sectionCounter = 0;

/**
 * A meeting with agenda items and, unless told otherwise, minutes whose first version is
 * written as a draft (decisions and attendance), then approved and published as the app does.
 */
export async function buildHeldMeeting(spec: HeldMeetingSpec) {
  const db = getDb();
  const status = spec.status ?? 'held';
  const [meeting] = await db
    .insert(meetings)
    .values({
      councilId: spec.councilId,
      termId: spec.termId ?? null,
      title: spec.title ?? 'Kokous',
      startsAt: spec.startsAt,
      endsAt: new Date(spec.startsAt.getTime() + 2 * 3_600_000),
      status,
      publicity: spec.publicity ?? 'public',
      icsUid: `${randomUUID()}@neuvos.test`,
      agendaPublishedAt: spec.agendaPublished === false ? null : new Date(spec.startsAt.getTime() - 7 * 86_400_000),
      cancelReason: status === 'cancelled' ? 'Peruttu' : null,
    })
    .returning();
  const specs = spec.items ?? [{ title: 'Asia' }];
  const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Helsinki', year: 'numeric' }).format(spec.startsAt));
  const items = await db
    .insert(agendaItems)
    .values(
      specs.map((item, i) => ({
        meetingId: meeting!.id,
        councilId: spec.councilId,
        position: i + 1,
        sectionYear: year,
        sectionNumber: (spec.sectionStart ?? 1000 + (sectionCounter += 50)) + i,
        templateKey: item.templateKey ?? null,
        title: item.title,
        publicity: item.publicity ?? 'public',
        withheldReason: item.publicity === 'confidential' ? 'JulkL 24 § 1 mom. 25 k' : null,
      })),
    )
    .returning();
  const kind = spec.minutes ?? (status === 'held' ? 'published' : 'none');
  if (kind === 'none') return { meeting: meeting!, items, versionId: null };
  const [m] = await db.insert(minutes).values({ meetingId: meeting!.id, councilId: spec.councilId }).returning();
  const [version] = await db.insert(minutesVersions).values({ minutesId: m!.id, versionNo: 1 }).returning();
  await writeVersionParts(version!.id, items, specs, spec.attendance ?? []);
  if (kind !== 'draft') await approveAndMaybePublish(version!.id, kind === 'published');
  return { meeting: meeting!, items, versionId: version!.id, minutesId: m!.id };
}

async function writeVersionParts(
  versionId: string,
  items: Array<{ id: string }>,
  specs: NonNullable<HeldMeetingSpec['items']>,
  rows: NonNullable<HeldMeetingSpec['attendance']>,
) {
  const db = getDb();
  await db.insert(decisions).values(
    items.map((item, i) => ({
      versionId,
      agendaItemId: item.id,
      outcome: specs[i]?.outcome ?? 'decided',
      decision: specs[i]?.decision ?? `Päätös ${i + 1}`,
      votesFor: specs[i]?.votes?.for ?? null,
      votesAgainst: specs[i]?.votes?.against ?? null,
      votesAbstain: specs[i]?.votes?.abstain ?? null,
    })),
  );
  if (rows.length) {
    await db.insert(attendance).values(
      rows.map((r) => ({ versionId, personId: r.personId, membershipId: r.membershipId ?? null, role: r.role, present: r.present, substitutesForId: r.substitutesForId ?? null })),
    );
  }
}

/** Approves a draft version and, when asked, publishes it (as the app does, in two steps). */
export async function approveAndMaybePublish(versionId: string, publish: boolean) {
  const db = getDb();
  const now = new Date();
  await db.update(minutesVersions).set({ status: 'approved', approvedAt: now, approvalMethod: 'checkers' }).where(eq(minutesVersions.id, versionId));
  if (publish) await db.update(minutesVersions).set({ status: 'published', publishedAt: now }).where(eq(minutesVersions.id, versionId));
}

/** A corrected, published second version of a meeting's minutes with different attendance. */
export async function buildCorrectedVersion(
  minutesId: string,
  items: Array<{ id: string }>,
  rows: NonNullable<HeldMeetingSpec['attendance']>,
  opts: { versionNo?: number; publish?: boolean } = {},
) {
  const [version] = await getDb()
    .insert(minutesVersions)
    .values({ minutesId, versionNo: opts.versionNo ?? 2, correctionNote: 'Korjattu läsnäolotiedot.' })
    .returning();
  await writeVersionParts(version!.id, items, items.map(() => ({ title: '' })), rows);
  await approveAndMaybePublish(version!.id, opts.publish ?? true);
  return version!;
}

export async function buildStatement(councilId: string, over: Partial<typeof statements.$inferInsert> = {}) {
  const [row] = await getDb()
    .insert(statements)
    .values({ councilId, type: 'statement', recipient: 'Aluehallitus', title: `Lausunto ${randomUUID().slice(0, 6)}`, status: 'draft', ...over })
    .returning();
  return row!;
}

/** A plan with goals and actions; status defaults to draft. */
export async function buildPlan(
  councilId: string,
  year: number,
  goals: Array<{ title: string; actions: Array<{ title: string; status?: 'planned' | 'in_progress' | 'done' | 'dropped'; ownerMembershipId?: string }> }> = [],
  over: Partial<typeof actionPlans.$inferInsert> = {},
) {
  const db = getDb();
  // Approved plans are frozen: insert the content while the plan is a draft, then set the status.
  const { status, approvedAt, approvedItemId, publishedAt, ...draft } = over;
  const [inserted] = await db.insert(actionPlans).values({ councilId, year, title: `Toimintasuunnitelma ${year}`, ...draft }).returning();
  let plan = inserted;
  const actions: Array<typeof planActions.$inferSelect> = [];
  for (const [g, goal] of goals.entries()) {
    const [goalRow] = await db.insert(planGoals).values({ planId: plan!.id, councilId, position: g + 1, title: goal.title }).returning();
    for (const [a, action] of goal.actions.entries()) {
      const [row] = await db
        .insert(planActions)
        .values({
          goalId: goalRow!.id,
          councilId,
          position: a + 1,
          title: action.title,
          status: action.status ?? 'planned',
          ownerMembershipId: action.ownerMembershipId ?? null,
          ownerSecretariat: action.ownerMembershipId ? null : 'Sihteeristö',
        })
        .returning();
      actions.push(row!);
    }
  }
  if (status && status !== 'draft') {
    [plan] = await db.update(actionPlans).set({ status, approvedAt, approvedItemId, publishedAt }).where(eq(actionPlans.id, inserted!.id)).returning();
  }
  return { plan: plan!, actions };
}

export async function buildReport(councilId: string, year: number, over: Partial<typeof annualReports.$inferInsert> = {}) {
  const [row] = await getDb()
    .insert(annualReports)
    .values({ councilId, year, title: `Toimintakertomus ${year}`, generated: {}, body: 'Teksti', ...over })
    .returning();
  return row!;
}

export async function buildMilestone(over: Partial<typeof cycleMilestones.$inferInsert> & ({ councilId: string } | { regionId: string })) {
  const [row] = await getDb()
    .insert(cycleMilestones)
    .values({ titleFi: 'Määräaika', startMonth: 3, startDay: 1, ...over })
    .returning();
  return row!;
}
