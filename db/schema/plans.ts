import { relations, sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, lockVersion, timestamps, tstz } from './_common';
import { councils } from './councils';
import { regions } from './regions';
import { agendaItems } from './records';
import { memberships } from './rosters';

export const documentStatus = pgEnum('document_status', ['draft', 'approved', 'published']);

/** Yearly action plan (toimintasuunnitelma). */
export const actionPlans = pgTable(
  'action_plans',
  {
    id: id(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    introduction: text('introduction'),
    /** Swedish and English versions (title and introduction are Finnish). */
    titleSv: text('title_sv'),
    titleEn: text('title_en'),
    introductionSv: text('introduction_sv'),
    introductionEn: text('introduction_en'),
    status: documentStatus('status').notNull().default('draft'),
    approvedAt: tstz('approved_at'),
    approvedItemId: uuid('approved_item_id'),
    publishedAt: tstz('published_at'),
    ...timestamps(),
    lockVersion: lockVersion(),
  },
  (t) => [
    unique('action_plans_council_year_unique').on(t.councilId, t.year),
    unique('action_plans_id_council_unique').on(t.id, t.councilId),
    foreignKey({
      name: 'action_plans_item_same_council_fk',
      columns: [t.approvedItemId, t.councilId],
      foreignColumns: [agendaItems.id, agendaItems.councilId],
    }),
    check('action_plans_year_range', sql`${t.year} BETWEEN 2000 AND 2100`),
    check('action_plans_approval', sql`(${t.status} = 'draft') = (${t.approvedAt} IS NULL)`),
    check('action_plans_publication', sql`(${t.status} = 'published') = (${t.publishedAt} IS NOT NULL)`),
  ],
);

export const planGoals = pgTable(
  'plan_goals',
  {
    id: id(),
    planId: uuid('plan_id').notNull(),
    councilId: uuid('council_id').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    /** Swedish and English titles (title is Finnish). */
    titleSv: text('title_sv'),
    titleEn: text('title_en'),
    lockVersion: lockVersion(),
  },
  (t) => [
    foreignKey({
      name: 'plan_goals_plan_fk',
      columns: [t.planId, t.councilId],
      foreignColumns: [actionPlans.id, actionPlans.councilId],
    }).onDelete('cascade'),
    unique('plan_goals_position_unique').on(t.planId, t.position),
    unique('plan_goals_id_council_unique').on(t.id, t.councilId),
  ],
);

export const actionStatus = pgEnum('action_status', ['planned', 'in_progress', 'done', 'dropped']);

export const planActions = pgTable(
  'plan_actions',
  {
    id: id(),
    goalId: uuid('goal_id').notNull(),
    councilId: uuid('council_id').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    /** Swedish and English titles (title is Finnish). */
    titleSv: text('title_sv'),
    titleEn: text('title_en'),
    /** Owner: a member, or the secretariat when null and owner_secretariat is set. */
    ownerMembershipId: uuid('owner_membership_id').references(() => memberships.id),
    ownerSecretariat: text('owner_secretariat'),
    schedule: text('schedule'),
    dueDate: date('due_date', { mode: 'string' }),
    status: actionStatus('status').notNull().default('planned'),
    outcome: text('outcome'),
    ...timestamps(),
    lockVersion: lockVersion(),
  },
  (t) => [
    foreignKey({
      name: 'plan_actions_goal_fk',
      columns: [t.goalId, t.councilId],
      foreignColumns: [planGoals.id, planGoals.councilId],
    }).onDelete('cascade'),
    unique('plan_actions_position_unique').on(t.goalId, t.position),
    unique('plan_actions_id_council_unique').on(t.id, t.councilId),
  ],
);

/** Where the council dealt with an action: always an item of the same council. */
export const planActionLinks = pgTable(
  'plan_action_links',
  {
    id: id(),
    actionId: uuid('action_id').notNull(),
    councilId: uuid('council_id').notNull(),
    agendaItemId: uuid('agenda_item_id').notNull(),
  },
  (t) => [
    foreignKey({
      name: 'plan_action_links_action_fk',
      columns: [t.actionId, t.councilId],
      foreignColumns: [planActions.id, planActions.councilId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'plan_action_links_item_same_council_fk',
      columns: [t.agendaItemId, t.councilId],
      foreignColumns: [agendaItems.id, agendaItems.councilId],
    }),
    unique('plan_action_links_unique').on(t.actionId, t.agendaItemId),
  ],
);

/** Annual report (toimintakertomus): generated figures plus the secretary's text; frozen once approved. */
export const annualReports = pgTable(
  'annual_reports',
  {
    id: id(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** Figures generated from the year's record (composition, meetings, attendance...). */
    generated: jsonb('generated').$type<Record<string, unknown>>().notNull(),
    /** The secretary's edited text, Markdown. */
    body: text('body'),
    /** Swedish and English versions (title and body are Finnish). */
    titleSv: text('title_sv'),
    titleEn: text('title_en'),
    bodySv: text('body_sv'),
    bodyEn: text('body_en'),
    status: documentStatus('status').notNull().default('draft'),
    approvedAt: tstz('approved_at'),
    approvedItemId: uuid('approved_item_id'),
    publishedAt: tstz('published_at'),
    ...timestamps(),
    lockVersion: lockVersion(),
  },
  (t) => [
    unique('annual_reports_council_year_unique').on(t.councilId, t.year),
    foreignKey({
      name: 'annual_reports_item_same_council_fk',
      columns: [t.approvedItemId, t.councilId],
      foreignColumns: [agendaItems.id, agendaItems.councilId],
    }),
    check('annual_reports_year_range', sql`${t.year} BETWEEN 2000 AND 2100`),
    check('annual_reports_approval', sql`(${t.status} = 'draft') = (${t.approvedAt} IS NULL)`),
    check('annual_reports_publication', sql`(${t.status} = 'published') = (${t.publishedAt} IS NOT NULL)`),
  ],
);

/** A recurring yearly milestone (vuosikello) of a council or of a whole region. */
export const cycleMilestones = pgTable(
  'cycle_milestones',
  {
    id: id(),
    councilId: uuid('council_id').references(() => councils.id),
    regionId: uuid('region_id').references(() => regions.id),
    titleFi: text('title_fi').notNull(),
    titleSv: text('title_sv'),
    titleEn: text('title_en'),
    startMonth: integer('start_month').notNull(),
    startDay: integer('start_day').notNull(),
    endMonth: integer('end_month'),
    endDay: integer('end_day'),
    remindDaysBefore: integer('remind_days_before'),
    ...timestamps(),
    lockVersion: lockVersion(),
  },
  (t) => [
    check('cycle_milestones_owner', sql`(${t.councilId} IS NULL) <> (${t.regionId} IS NULL)`),
    check(
      'cycle_milestones_dates',
      sql`${t.startMonth} BETWEEN 1 AND 12 AND ${t.startDay} BETWEEN 1 AND 31
       AND (${t.endMonth} IS NULL) = (${t.endDay} IS NULL)
       AND (${t.endMonth} IS NULL OR (${t.endMonth} BETWEEN 1 AND 12 AND ${t.endDay} BETWEEN 1 AND 31))`,
    ),
    check('cycle_milestones_remind_range', sql`${t.remindDaysBefore} IS NULL OR ${t.remindDaysBefore} BETWEEN 0 AND 90`),
    index('cycle_milestones_council_idx').on(t.councilId),
    index('cycle_milestones_region_idx').on(t.regionId),
  ],
);

/**
 * A milestone reminder claimed before sending: one row per milestone per occurrence year, so
 * several app instances racing on the same reminder send it once.
 */
export const milestoneReminders = pgTable(
  'milestone_reminders',
  {
    id: id(),
    milestoneId: uuid('milestone_id')
      .notNull()
      .references(() => cycleMilestones.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    claimedBy: text('claimed_by').notNull(),
    claimedAt: tstz('claimed_at').notNull().defaultNow(),
    sentAt: tstz('sent_at'),
    recipients: integer('recipients'),
  },
  (t) => [
    unique('milestone_reminders_once').on(t.milestoneId, t.year),
    check('milestone_reminders_year_range', sql`${t.year} BETWEEN 2000 AND 2100`),
  ],
);

export const actionPlansRelations = relations(actionPlans, ({ one, many }) => ({
  council: one(councils, { fields: [actionPlans.councilId], references: [councils.id] }),
  goals: many(planGoals),
}));

export const planGoalsRelations = relations(planGoals, ({ one, many }) => ({
  plan: one(actionPlans, { fields: [planGoals.planId], references: [actionPlans.id] }),
  actions: many(planActions),
}));

export const planActionsRelations = relations(planActions, ({ one, many }) => ({
  goal: one(planGoals, { fields: [planActions.goalId], references: [planGoals.id] }),
  links: many(planActionLinks),
}));

export const planActionLinksRelations = relations(planActionLinks, ({ one }) => ({
  action: one(planActions, { fields: [planActionLinks.actionId], references: [planActions.id] }),
  item: one(agendaItems, { fields: [planActionLinks.agendaItemId], references: [agendaItems.id] }),
}));

export type ActionPlan = typeof actionPlans.$inferSelect;
export type PlanGoal = typeof planGoals.$inferSelect;
export type PlanAction = typeof planActions.$inferSelect;
export type AnnualReport = typeof annualReports.$inferSelect;
export type CycleMilestone = typeof cycleMilestones.$inferSelect;
export type MilestoneReminder = typeof milestoneReminders.$inferSelect;
