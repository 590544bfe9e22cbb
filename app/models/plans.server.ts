import { and, asc, count, desc, eq, gte, isNotNull, isNull, lte, max, ne, or, sql } from 'drizzle-orm';
import { getDb } from '~db/client.server';
import {
  actionPlans,
  agendaItems,
  annualReports,
  cycleMilestones,
  meetings,
  memberships,
  people,
  planActionLinks,
  planActions,
  planGoals,
  statements,
  terms,
  type ActionPlan,
} from '~db/schema';
import { todayInHelsinki } from '~/lib/dates';
import { diffChanges, recordAudit, type AuditActor } from '~/models/audit.server';
import { frozenAware } from '~/models/db-errors.server';
import { ACTION_STATUSES, itemBelongsToCouncil, type ActionStatusName } from '~/models/reports.server';

interface Scope {
  councilId: string;
  regionId: string;
  actor: AuditActor;
}

export type PlanResult = 'ok' | 'not_found' | 'conflict' | 'frozen';

/** A council's plans, newest first (secretariat view: drafts included). */
export async function listPlans(councilId: string) {
  return getDb()
    .select({ id: actionPlans.id, year: actionPlans.year, title: actionPlans.title, status: actionPlans.status })
    .from(actionPlans)
    .where(eq(actionPlans.councilId, councilId))
    .orderBy(desc(actionPlans.year));
}

/** Years with a published plan, newest first. */
export async function listPublishedPlans(councilId: string) {
  return getDb()
    .select({ year: actionPlans.year, title: actionPlans.title, publishedAt: actionPlans.publishedAt })
    .from(actionPlans)
    .where(and(eq(actionPlans.councilId, councilId), eq(actionPlans.status, 'published'), isNotNull(actionPlans.publishedAt)))
    .orderBy(desc(actionPlans.year));
}

export interface PlanLinkView {
  linkId: string;
  itemId: string;
  itemTitle: string;
  section: string | null;
  meetingTitle: string;
  meetingStartsAt: Date;
}

export interface PlanActionView {
  id: string;
  position: number;
  title: string;
  titleSv: string | null;
  titleEn: string | null;
  description: string | null;
  ownerMembershipId: string | null;
  ownerName: string | null;
  schedule: string | null;
  dueDate: string | null;
  status: ActionStatusName;
  outcome: string | null;
  lockVersion: number;
  links: PlanLinkView[];
}

export interface PlanGoalView {
  id: string;
  position: number;
  title: string;
  titleSv: string | null;
  titleEn: string | null;
  description: string | null;
  lockVersion: number;
  actions: PlanActionView[];
}

export type PlanProgress = Record<ActionStatusName, number> & { total: number; donePercent: number };

/** Counts of actions by status, and the share done (dropped actions do not count as open work). */
export function planProgress(goals: Array<{ actions: Array<{ status: ActionStatusName }> }>): PlanProgress {
  const counts = Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatusName, number>;
  let total = 0;
  for (const goal of goals) {
    for (const action of goal.actions) {
      counts[action.status] += 1;
      total += 1;
    }
  }
  const relevant = total - counts.dropped;
  return { ...counts, total, donePercent: relevant > 0 ? Math.round((counts.done / relevant) * 100) : 0 };
}

/**
 * A plan with its goals, actions, owners and the agenda items where the council dealt with
 * each action. Three queries. With `publicOnly`, only a published plan is returned and only
 * items the public may see (public item of a public meeting whose agenda was published).
 */
export async function getPlanDetail(councilId: string, year: number, opts: { publicOnly: boolean }) {
  const db = getDb();
  const [plan] = await db
    .select()
    .from(actionPlans)
    .where(and(eq(actionPlans.councilId, councilId), eq(actionPlans.year, year), opts.publicOnly ? eq(actionPlans.status, 'published') : undefined));
  if (!plan) return null;
  const [rows, links] = await Promise.all([
    db
      .select({
        goalId: planGoals.id,
        goalPosition: planGoals.position,
        goalTitle: planGoals.title,
        goalTitleSv: planGoals.titleSv,
        goalTitleEn: planGoals.titleEn,
        goalDescription: planGoals.description,
        goalLockVersion: planGoals.lockVersion,
        action: planActions,
        ownerGiven: people.givenName,
        ownerFamily: people.familyName,
      })
      .from(planGoals)
      .leftJoin(planActions, eq(planActions.goalId, planGoals.id))
      .leftJoin(memberships, eq(memberships.id, planActions.ownerMembershipId))
      .leftJoin(people, eq(people.id, memberships.personId))
      .where(and(eq(planGoals.planId, plan.id), eq(planGoals.councilId, councilId)))
      .orderBy(asc(planGoals.position), asc(planActions.position)),
    db
      .select({
        linkId: planActionLinks.id,
        actionId: planActionLinks.actionId,
        itemId: agendaItems.id,
        itemTitle: agendaItems.title,
        sectionNumber: agendaItems.sectionNumber,
        meetingTitle: meetings.title,
        meetingStartsAt: meetings.startsAt,
      })
      .from(planActionLinks)
      .innerJoin(planActions, eq(planActions.id, planActionLinks.actionId))
      .innerJoin(planGoals, eq(planGoals.id, planActions.goalId))
      .innerJoin(agendaItems, eq(agendaItems.id, planActionLinks.agendaItemId))
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .where(
        and(
          eq(planGoals.planId, plan.id),
          eq(planActionLinks.councilId, councilId),
          opts.publicOnly
            ? and(eq(agendaItems.publicity, 'public'), eq(meetings.publicity, 'public'), isNotNull(meetings.agendaPublishedAt))
            : undefined,
        ),
      )
      .orderBy(asc(meetings.startsAt), asc(agendaItems.position)),
  ]);
  const linksByAction = new Map<string, PlanLinkView[]>();
  for (const l of links) {
    const list = linksByAction.get(l.actionId) ?? [];
    list.push({
      linkId: l.linkId,
      itemId: l.itemId,
      itemTitle: l.itemTitle,
      section: l.sectionNumber !== null ? `§ ${l.sectionNumber}` : null,
      meetingTitle: l.meetingTitle,
      meetingStartsAt: l.meetingStartsAt,
    });
    linksByAction.set(l.actionId, list);
  }
  const goals: PlanGoalView[] = [];
  for (const r of rows) {
    let goal = goals.at(-1);
    if (!goal || goal.id !== r.goalId) {
      goal = { id: r.goalId, position: r.goalPosition, title: r.goalTitle, titleSv: r.goalTitleSv, titleEn: r.goalTitleEn, description: r.goalDescription, lockVersion: r.goalLockVersion, actions: [] };
      goals.push(goal);
    }
    if (r.action) {
      const a = r.action;
      goal.actions.push({
        id: a.id,
        position: a.position,
        title: a.title,
        titleSv: a.titleSv,
        titleEn: a.titleEn,
        description: a.description,
        ownerMembershipId: a.ownerMembershipId,
        ownerName: r.ownerGiven && r.ownerFamily ? `${r.ownerGiven} ${r.ownerFamily}` : a.ownerSecretariat,
        schedule: a.schedule,
        dueDate: a.dueDate,
        status: a.status,
        outcome: a.outcome,
        lockVersion: a.lockVersion,
        links: linksByAction.get(a.id) ?? [],
      });
    }
  }
  return { plan, goals, progress: planProgress(goals) };
}

export type PlanDetail = NonNullable<Awaited<ReturnType<typeof getPlanDetail>>>;

/** Agenda items of the council's meetings, newest meeting first, for "dealt with at" pickers. */
export async function listItemOptions(councilId: string, limit = 300) {
  const rows = await getDb()
    .select({
      id: agendaItems.id,
      title: agendaItems.title,
      sectionNumber: agendaItems.sectionNumber,
      meetingTitle: meetings.title,
      startsAt: meetings.startsAt,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(eq(agendaItems.councilId, councilId), ne(meetings.status, 'cancelled')))
    .orderBy(desc(meetings.startsAt), asc(agendaItems.position))
    .limit(limit);
  return rows.map((r) => ({ ...r, section: r.sectionNumber !== null ? `§ ${r.sectionNumber}` : null }));
}

/** People holding a seat or office in the council on a date: possible owners of an action. */
export async function listOwnerOptions(councilId: string, onDate = todayInHelsinki()) {
  const rows = await getDb()
    .select({ membershipId: memberships.id, role: memberships.role, givenName: people.givenName, familyName: people.familyName })
    .from(memberships)
    .innerJoin(terms, eq(terms.id, memberships.termId))
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(
      and(
        eq(terms.councilId, councilId),
        ne(memberships.role, 'deputy'),
        lte(memberships.startDate, onDate),
        or(isNull(memberships.endDate), gte(memberships.endDate, onDate)),
      ),
    )
    .orderBy(asc(people.familyName), asc(people.givenName));
  return rows.map((r) => ({ membershipId: r.membershipId, role: r.role, name: `${r.givenName} ${r.familyName}` }));
}

/** Create a draft plan for a year; 'exists' when the council already has one. */
export async function createPlan(input: Scope & { year: number; title: string; introduction: string | null }): Promise<'ok' | 'exists'> {
  return getDb().transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: actionPlans.id })
      .from(actionPlans)
      .where(and(eq(actionPlans.councilId, input.councilId), eq(actionPlans.year, input.year)));
    if (existing) return 'exists' as const;
    const [row] = await tx
      .insert(actionPlans)
      .values({ councilId: input.councilId, year: input.year, title: input.title, introduction: input.introduction })
      .returning();
    await recordAudit(tx, input.actor, {
      action: 'plan.create',
      entityType: 'action_plan',
      entityId: row!.id,
      councilId: input.councilId,
      regionId: input.regionId,
      changes: { year: input.year, title: input.title },
    });
    return 'ok' as const;
  });
}

async function findPlan(councilId: string, year: number): Promise<ActionPlan | null> {
  const [plan] = await getDb()
    .select()
    .from(actionPlans)
    .where(and(eq(actionPlans.councilId, councilId), eq(actionPlans.year, year)));
  return plan ?? null;
}

/** Edit a plan's title and introduction (optimistic locking). */
export async function updatePlan(
  input: Scope & {
    year: number;
    lockVersion: number;
    title: string;
    introduction: string | null;
    titleSv?: string | null;
    titleEn?: string | null;
    introductionSv?: string | null;
    introductionEn?: string | null;
  },
): Promise<PlanResult> {
  return frozenAware(() => getDb().transaction(async (tx) => {
    const [before] = await tx.select().from(actionPlans).where(and(eq(actionPlans.councilId, input.councilId), eq(actionPlans.year, input.year)));
    if (!before) return 'not_found' as const;
    const after = {
      title: input.title,
      introduction: input.introduction,
      titleSv: input.titleSv ?? null,
      titleEn: input.titleEn ?? null,
      introductionSv: input.introductionSv ?? null,
      introductionEn: input.introductionEn ?? null,
    };
    const updated = await tx
      .update(actionPlans)
      .set({ ...after, updatedAt: new Date(), lockVersion: sql`${actionPlans.lockVersion} + 1` })
      .where(and(eq(actionPlans.id, before.id), eq(actionPlans.lockVersion, input.lockVersion)))
      .returning({ id: actionPlans.id });
    if (updated.length === 0) return 'conflict' as const;
    await recordAudit(tx, input.actor, {
      action: 'plan.update',
      entityType: 'action_plan',
      entityId: before.id,
      councilId: input.councilId,
      regionId: input.regionId,
      changes: diffChanges(before, after),
    });
    return 'ok' as const;
  }), 'frozen' as const);
}

/** Add a goal at the end of the plan. */
export async function addGoal(input: Scope & { year: number; title: string; description: string | null; titleSv?: string | null; titleEn?: string | null }): Promise<PlanResult> {
  const plan = await findPlan(input.councilId, input.year);
  if (!plan) return 'not_found';
  return frozenAware(() => getDb().transaction(async (tx) => {
    const [last] = await tx.select({ n: max(planGoals.position) }).from(planGoals).where(eq(planGoals.planId, plan.id));
    const [row] = await tx
      .insert(planGoals)
      .values({ planId: plan.id, councilId: input.councilId, position: (last?.n ?? 0) + 1, title: input.title, description: input.description, titleSv: input.titleSv ?? null, titleEn: input.titleEn ?? null })
      .returning({ id: planGoals.id });
    await recordAudit(tx, input.actor, {
      action: 'plan.goal_add',
      entityType: 'plan_goal',
      entityId: row!.id,
      councilId: input.councilId,
      regionId: input.regionId,
      changes: { title: input.title },
    });
    return 'ok' as const;
  }), 'frozen' as const);
}

/** Edit a goal of this council's plan. */
export async function updateGoal(
  input: Scope & { goalId: string; lockVersion: number | undefined; title: string; description: string | null; titleSv?: string | null; titleEn?: string | null },
): Promise<PlanResult> {
  return frozenAware(() => getDb().transaction(async (tx) => {
    const [before] = await tx.select().from(planGoals).where(and(eq(planGoals.id, input.goalId), eq(planGoals.councilId, input.councilId)));
    if (!before) return 'not_found' as const;
    if (input.lockVersion === undefined || before.lockVersion !== input.lockVersion) return 'conflict' as const;
    const after = { title: input.title, description: input.description, titleSv: input.titleSv ?? null, titleEn: input.titleEn ?? null };
    const updated = await tx
      .update(planGoals)
      .set({ ...after, lockVersion: sql`${planGoals.lockVersion} + 1` })
      .where(and(eq(planGoals.id, before.id), eq(planGoals.lockVersion, input.lockVersion)))
      .returning({ id: planGoals.id });
    if (updated.length === 0) return 'conflict' as const;
    await recordAudit(tx, input.actor, {
      action: 'plan.goal_update',
      entityType: 'plan_goal',
      entityId: before.id,
      councilId: input.councilId,
      regionId: input.regionId,
      changes: diffChanges(before, after),
    });
    return 'ok' as const;
  }), 'frozen' as const);
}

/** Remove a goal and its actions; only while the plan is a draft. */
export async function deleteGoal(input: Scope & { goalId: string }): Promise<PlanResult | 'not_draft'> {
  return frozenAware(() => getDb().transaction(async (tx) => {
    const [row] = await tx
      .select({ goal: planGoals, status: actionPlans.status })
      .from(planGoals)
      .innerJoin(actionPlans, eq(actionPlans.id, planGoals.planId))
      .where(and(eq(planGoals.id, input.goalId), eq(planGoals.councilId, input.councilId)));
    if (!row) return 'not_found' as const;
    if (row.status !== 'draft') return 'not_draft' as const;
    await tx.delete(planGoals).where(eq(planGoals.id, row.goal.id));
    await recordAudit(tx, input.actor, {
      action: 'plan.goal_delete',
      entityType: 'plan_goal',
      entityId: row.goal.id,
      councilId: input.councilId,
      regionId: input.regionId,
      changes: { title: row.goal.title },
    });
    return 'ok' as const;
  }), 'frozen' as const);
}

export interface ActionFields {
  title: string;
  description: string | null;
  /** Swedish and English titles (issue #14). */
  titleSv?: string | null;
  titleEn?: string | null;
  /** A membership id of this council, or null for the secretariat. */
  ownerMembershipId: string | null;
  /** The secretariat's label when it owns the action. */
  ownerSecretariat: string | null;
  schedule: string | null;
  dueDate: string | null;
  status: ActionStatusName;
  outcome: string | null;
}

async function ownerBelongs(councilId: string, membershipId: string | null): Promise<boolean> {
  if (!membershipId) return true;
  const [row] = await getDb()
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(terms, eq(terms.id, memberships.termId))
    .where(and(eq(memberships.id, membershipId), eq(terms.councilId, councilId)));
  return Boolean(row);
}

/** Add an action under a goal of this council's plan. */
export async function addAction(input: Scope & { goalId: string } & ActionFields): Promise<PlanResult | 'owner_not_found'> {
  if (!(await ownerBelongs(input.councilId, input.ownerMembershipId))) return 'owner_not_found';
  return frozenAware(() => getDb().transaction(async (tx) => {
    const [goal] = await tx.select({ id: planGoals.id }).from(planGoals).where(and(eq(planGoals.id, input.goalId), eq(planGoals.councilId, input.councilId)));
    if (!goal) return 'not_found' as const;
    const [last] = await tx.select({ n: max(planActions.position) }).from(planActions).where(eq(planActions.goalId, goal.id));
    const { councilId, goalId, title, description, ownerMembershipId, ownerSecretariat, schedule, dueDate, status, outcome } = input;
    const [row] = await tx
      .insert(planActions)
      .values({
        goalId,
        councilId,
        position: (last?.n ?? 0) + 1,
        title,
        description,
        titleSv: input.titleSv ?? null,
        titleEn: input.titleEn ?? null,
        ownerMembershipId,
        ownerSecretariat: ownerMembershipId ? null : ownerSecretariat,
        schedule,
        dueDate,
        status,
        outcome,
      })
      .returning({ id: planActions.id });
    await recordAudit(tx, input.actor, {
      action: 'plan.action_add',
      entityType: 'plan_action',
      entityId: row!.id,
      councilId,
      regionId: input.regionId,
      changes: { title, status },
    });
    return 'ok' as const;
  }), 'frozen' as const);
}

/** Edit an action (its status and outcome are how progress is tracked). */
export async function updateAction(input: Scope & { actionId: string; lockVersion: number | undefined } & ActionFields): Promise<PlanResult | 'owner_not_found'> {
  if (!(await ownerBelongs(input.councilId, input.ownerMembershipId))) return 'owner_not_found';
  return frozenAware(() => getDb().transaction(async (tx) => {
    const [before] = await tx.select().from(planActions).where(and(eq(planActions.id, input.actionId), eq(planActions.councilId, input.councilId)));
    if (!before) return 'not_found' as const;
    if (input.lockVersion === undefined || before.lockVersion !== input.lockVersion) return 'conflict' as const;
    const after = {
      title: input.title,
      description: input.description,
      // Absent (an older caller): keep; the editor always sends what it shows.
      titleSv: input.titleSv === undefined ? before.titleSv : input.titleSv,
      titleEn: input.titleEn === undefined ? before.titleEn : input.titleEn,
      ownerMembershipId: input.ownerMembershipId,
      // The secretariat's label was stored in the language of whoever first chose it: keep it.
      ownerSecretariat: input.ownerMembershipId ? null : (before.ownerSecretariat ?? input.ownerSecretariat),
      schedule: input.schedule,
      dueDate: input.dueDate,
      status: input.status,
      outcome: input.outcome,
    };
    const updated = await tx
      .update(planActions)
      .set({ ...after, updatedAt: new Date(), lockVersion: sql`${planActions.lockVersion} + 1` })
      .where(and(eq(planActions.id, before.id), eq(planActions.lockVersion, input.lockVersion)))
      .returning({ id: planActions.id });
    if (updated.length === 0) return 'conflict' as const;
    await recordAudit(tx, input.actor, {
      action: 'plan.action_update',
      entityType: 'plan_action',
      entityId: before.id,
      councilId: input.councilId,
      regionId: input.regionId,
      changes: diffChanges(before, after),
    });
    return 'ok' as const;
  }), 'frozen' as const);
}

/** Remove an action of this council. */
export async function deleteAction(input: Scope & { actionId: string }): Promise<PlanResult> {
  return frozenAware(() => getDb().transaction(async (tx) => {
    const [before] = await tx.select().from(planActions).where(and(eq(planActions.id, input.actionId), eq(planActions.councilId, input.councilId)));
    if (!before) return 'not_found' as const;
    await tx.delete(planActions).where(eq(planActions.id, before.id));
    await recordAudit(tx, input.actor, {
      action: 'plan.action_delete',
      entityType: 'plan_action',
      entityId: before.id,
      councilId: input.councilId,
      regionId: input.regionId,
      changes: { title: before.title },
    });
    return 'ok' as const;
  }), 'frozen' as const);
}

/**
 * Record that the council dealt with an action at an agenda item. The item must be the same
 * council's: checked here for a clear message, and by a composite foreign key underneath.
 */
export async function linkActionToItem(input: Scope & { actionId: string; itemId: string }): Promise<PlanResult | 'item_not_found' | 'already_linked'> {
  if (!(await itemBelongsToCouncil(input.councilId, input.itemId))) return 'item_not_found';
  return getDb().transaction(async (tx) => {
    const [action] = await tx.select({ id: planActions.id }).from(planActions).where(and(eq(planActions.id, input.actionId), eq(planActions.councilId, input.councilId)));
    if (!action) return 'not_found' as const;
    const inserted = await tx
      .insert(planActionLinks)
      .values({ actionId: action.id, councilId: input.councilId, agendaItemId: input.itemId })
      .onConflictDoNothing()
      .returning({ id: planActionLinks.id });
    if (inserted.length === 0) return 'already_linked' as const;
    await recordAudit(tx, input.actor, {
      action: 'plan.action_link',
      entityType: 'plan_action',
      entityId: action.id,
      councilId: input.councilId,
      regionId: input.regionId,
      changes: { agendaItemId: input.itemId },
    });
    return 'ok' as const;
  });
}

/** Remove a link between an action and an item of this council. */
export async function unlinkActionItem(input: Scope & { linkId: string }): Promise<PlanResult> {
  return getDb().transaction(async (tx) => {
    const removed = await tx
      .delete(planActionLinks)
      .where(and(eq(planActionLinks.id, input.linkId), eq(planActionLinks.councilId, input.councilId)))
      .returning({ actionId: planActionLinks.actionId, itemId: planActionLinks.agendaItemId });
    if (removed.length === 0) return 'not_found' as const;
    await recordAudit(tx, input.actor, {
      action: 'plan.action_unlink',
      entityType: 'plan_action',
      entityId: removed[0]!.actionId,
      councilId: input.councilId,
      regionId: input.regionId,
      changes: { agendaItemId: removed[0]!.itemId },
    });
    return 'ok' as const;
  });
}

/** Approve a draft plan at a meeting item of the same council. */
export async function approvePlan(
  input: Scope & { year: number; lockVersion: number; itemId: string | null; now?: Date },
): Promise<PlanResult | 'item_not_found' | 'already_approved'> {
  const item = input.itemId ? await itemBelongsToCouncil(input.councilId, input.itemId) : null;
  if (input.itemId && !item) return 'item_not_found';
  return getDb().transaction(async (tx) => {
    const [before] = await tx.select().from(actionPlans).where(and(eq(actionPlans.councilId, input.councilId), eq(actionPlans.year, input.year)));
    if (!before) return 'not_found' as const;
    if (before.status !== 'draft') return 'already_approved' as const;
    const approvedAt = item?.startsAt ?? input.now ?? new Date();
    const updated = await tx
      .update(actionPlans)
      .set({ status: 'approved', approvedAt, approvedItemId: input.itemId, updatedAt: new Date(), lockVersion: sql`${actionPlans.lockVersion} + 1` })
      .where(and(eq(actionPlans.id, before.id), eq(actionPlans.lockVersion, input.lockVersion)))
      .returning({ id: actionPlans.id });
    if (updated.length === 0) return 'conflict' as const;
    await recordAudit(tx, input.actor, {
      action: 'plan.approve',
      entityType: 'action_plan',
      entityId: before.id,
      councilId: input.councilId,
      regionId: input.regionId,
      changes: { status: ['draft', 'approved'], approvedItemId: input.itemId },
    });
    return 'ok' as const;
  });
}

/** Publish an approved plan. */
export async function publishPlan(input: Scope & { year: number; lockVersion: number; now?: Date }): Promise<PlanResult | 'not_approved' | 'already_published'> {
  return getDb().transaction(async (tx) => {
    const [before] = await tx.select().from(actionPlans).where(and(eq(actionPlans.councilId, input.councilId), eq(actionPlans.year, input.year)));
    if (!before) return 'not_found' as const;
    if (before.status === 'draft') return 'not_approved' as const;
    if (before.status === 'published') return 'already_published' as const;
    const now = input.now ?? new Date();
    const updated = await tx
      .update(actionPlans)
      .set({ status: 'published', publishedAt: now, updatedAt: now, lockVersion: sql`${actionPlans.lockVersion} + 1` })
      .where(and(eq(actionPlans.id, before.id), eq(actionPlans.lockVersion, input.lockVersion)))
      .returning({ id: actionPlans.id });
    if (updated.length === 0) return 'conflict' as const;
    await recordAudit(tx, input.actor, {
      action: 'plan.publish',
      entityType: 'action_plan',
      entityId: before.id,
      councilId: input.councilId,
      regionId: input.regionId,
      changes: { status: ['approved', 'published'] },
    });
    return 'ok' as const;
  });
}

/**
 * What the council's public page links to: years with a published plan or report, the number
 * of public statements and of yearly milestones. Four queries; call only for public councils.
 */
export async function getCouncilRecordsSummary(councilId: string, regionId: string) {
  const db = getDb();
  const [plans, reports, statementCount, milestoneCount] = await Promise.all([
    db
      .select({ year: actionPlans.year })
      .from(actionPlans)
      .where(and(eq(actionPlans.councilId, councilId), eq(actionPlans.status, 'published')))
      .orderBy(desc(actionPlans.year)),
    db
      .select({ year: annualReports.year })
      .from(annualReports)
      .where(and(eq(annualReports.councilId, councilId), eq(annualReports.status, 'published')))
      .orderBy(desc(annualReports.year)),
    db
      .select({ n: count() })
      .from(statements)
      .where(and(eq(statements.councilId, councilId), ne(statements.status, 'draft'), isNotNull(statements.publishedAt))),
    db
      .select({ n: count() })
      .from(cycleMilestones)
      .where(or(eq(cycleMilestones.councilId, councilId), eq(cycleMilestones.regionId, regionId))),
  ]);
  return {
    planYears: plans.map((p) => p.year),
    reportYears: reports.map((r) => r.year),
    statements: statementCount[0]?.n ?? 0,
    milestones: milestoneCount[0]?.n ?? 0,
  };
}

export type CouncilRecordsSummary = Awaited<ReturnType<typeof getCouncilRecordsSummary>>;
