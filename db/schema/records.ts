import { relations, sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, lockVersion, timestamps, tstz } from './_common';
import { users } from './auth';
import { councils } from './councils';
import { documents } from './documents';
import { meetings } from './meetings';
import { people } from './people';
import { memberships } from './rosters';

export const itemPublicity = pgEnum('item_publicity', ['public', 'members_only', 'confidential']);

/** Personal data an item or attachment holds (as in Helsinki's Ahjo), issue 14.4. */
export const personalDataClass = pgEnum('personal_data_class', ['none', 'personal', 'special', 'criminal']);
/** An item's appeal notice: the council's default, the council's template, or none. */
export const appealNoticeChoice = pgEnum('appeal_notice_choice', ['default', 'notice', 'none']);

/** The council's editable template of standard opening items. */
export const agendaTemplateItems = pgTable(
  'agenda_template_items',
  {
    id: id(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    key: text('key').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    proposal: text('proposal'),
    lockVersion: lockVersion(),
  },
  (t) => [
    unique('agenda_template_items_position_unique').on(t.councilId, t.position),
    unique('agenda_template_items_key_unique').on(t.councilId, t.key),
    check('agenda_template_items_position_positive', sql`${t.position} >= 1`),
  ],
);

/**
 * An agenda item (asia, pykälä). § numbers run per council per calendar year and are
 * given when the agenda is published; until then the item only has its position.
 */
export const agendaItems = pgTable(
  'agenda_items',
  {
    id: id(),
    meetingId: uuid('meeting_id').notNull(),
    councilId: uuid('council_id').notNull(),
    position: integer('position').notNull(),
    sectionYear: integer('section_year'),
    sectionNumber: integer('section_number'),
    templateKey: text('template_key'),
    title: text('title').notNull(),
    /** Markdown, rendered through the sanitiser. */
    body: text('body'),
    presenter: text('presenter'),
    proposal: text('proposal'),
    /** Swedish and English versions for councils that use those languages (the plain columns are Finnish). */
    titleSv: text('title_sv'),
    titleEn: text('title_en'),
    bodySv: text('body_sv'),
    bodyEn: text('body_en'),
    proposalSv: text('proposal_sv'),
    proposalEn: text('proposal_en'),
    /** Plain-language summary (selkokielinen tiivistelmä), shown before the item's text. */
    plainSummaryFi: text('plain_summary_fi'),
    plainSummarySv: text('plain_summary_sv'),
    plainSummaryEn: text('plain_summary_en'),
    publicity: itemPublicity('publicity').notNull().default('public'),
    /** Why the item is withheld from the public (e.g. JulkL 24 § 1 mom. 25 k). */
    withheldReason: text('withheld_reason'),
    personalDataClass: personalDataClass('personal_data_class').notNull().default('none'),
    appealNotice: appealNoticeChoice('appeal_notice').notNull().default('default'),
    /** Item moved here from an earlier meeting. */
    carriedFromItemId: uuid('carried_from_item_id'),
    ...timestamps(),
    lockVersion: lockVersion(),
  },
  (t) => [
    foreignKey({
      name: 'agenda_items_meeting_same_council_fk',
      columns: [t.meetingId, t.councilId],
      foreignColumns: [meetings.id, meetings.councilId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'agenda_items_carried_from_fk',
      columns: [t.carriedFromItemId],
      foreignColumns: [t.id],
    }),
    unique('agenda_items_id_council_unique').on(t.id, t.councilId),
    unique('agenda_items_meeting_position_unique').on(t.meetingId, t.position),
    unique('agenda_items_section_unique').on(t.councilId, t.sectionYear, t.sectionNumber),
    check('agenda_items_position_positive', sql`${t.position} >= 1`),
    check(
      'agenda_items_section_complete',
      sql`(${t.sectionYear} IS NULL) = (${t.sectionNumber} IS NULL) AND (${t.sectionNumber} IS NULL OR ${t.sectionNumber} >= 1)`,
    ),
    check('agenda_items_title_not_blank', sql`btrim(${t.title}) <> ''`),
    check(
      'agenda_items_confidential_reason',
      sql`${t.publicity} <> 'confidential' OR (${t.withheldReason} IS NOT NULL AND btrim(${t.withheldReason}) <> '')`,
    ),
    index('agenda_items_meeting_idx').on(t.meetingId, t.position),
  ],
);

/** A file attached to an agenda item; it can be more restricted than its item, never less. */
export const agendaItemAttachments = pgTable(
  'agenda_item_attachments',
  {
    id: id(),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    publicity: itemPublicity('publicity').notNull().default('public'),
    personalDataClass: personalDataClass('personal_data_class').notNull().default('none'),
  },
  (t) => [
    unique('agenda_item_attachments_position_unique').on(t.agendaItemId, t.position),
    unique('agenda_item_attachments_document_unique').on(t.agendaItemId, t.documentId),
  ],
);

export const minutesKind = pgEnum('minutes_kind', ['minutes', 'memo']);

/** The record of one meeting; its content lives in versions. */
export const minutes = pgTable(
  'minutes',
  {
    id: id(),
    meetingId: uuid('meeting_id').notNull().unique(),
    councilId: uuid('council_id').notNull(),
    kind: minutesKind('kind').notNull().default('minutes'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'minutes_meeting_same_council_fk',
      columns: [t.meetingId, t.councilId],
      foreignColumns: [meetings.id, meetings.councilId],
    }),
  ],
);

export const minutesStatus = pgEnum('minutes_status', ['draft', 'checking', 'approved', 'published']);
export const approvalMethod = pgEnum('approval_method', ['checkers', 'at_meeting', 'next_meeting']);

/**
 * One version of the minutes. Approved and published versions are frozen by a trigger
 * (migration 0001); a correction is a new version whose note says what changed and why.
 */
export const minutesVersions = pgTable(
  'minutes_versions',
  {
    id: id(),
    minutesId: uuid('minutes_id')
      .notNull()
      .references(() => minutes.id),
    versionNo: integer('version_no').notNull(),
    status: minutesStatus('status').notNull().default('draft'),
    correctionNote: text('correction_note'),
    openedAt: tstz('opened_at'),
    closedAt: tstz('closed_at'),
    place: text('place'),
    summary: text('summary'),
    submittedForCheckingAt: tstz('submitted_for_checking_at'),
    approvedAt: tstz('approved_at'),
    approvalMethod: approvalMethod('approval_method'),
    /** When approved at the next meeting: that meeting's item. */
    approvedAtItemId: uuid('approved_at_item_id').references(() => agendaItems.id),
    publishedAt: tstz('published_at'),
    createdBy: uuid('created_by').references(() => users.id),
    ...timestamps(),
    lockVersion: lockVersion(),
  },
  (t) => [
    unique('minutes_versions_number_unique').on(t.minutesId, t.versionNo),
    check('minutes_versions_number_positive', sql`${t.versionNo} >= 1`),
    check(
      'minutes_versions_correction_note',
      sql`${t.versionNo} = 1 OR (${t.correctionNote} IS NOT NULL AND btrim(${t.correctionNote}) <> '')`,
    ),
    check(
      'minutes_versions_approval_complete',
      sql`(${t.status} IN ('draft','checking')) = (${t.approvedAt} IS NULL) AND (${t.approvedAt} IS NULL) = (${t.approvalMethod} IS NULL)`,
    ),
    check('minutes_versions_published_complete', sql`(${t.status} = 'published') = (${t.publishedAt} IS NOT NULL)`),
    check(
      'minutes_versions_next_meeting_item',
      sql`(${t.approvalMethod} = 'next_meeting') = (${t.approvedAtItemId} IS NOT NULL)`,
    ),
    check('minutes_versions_close_after_open', sql`${t.closedAt} IS NULL OR ${t.openedAt} IS NULL OR ${t.closedAt} >= ${t.openedAt}`),
    // The feeds' newest published minutes: a top-N walk instead of sorting every version.
    index('minutes_versions_published_idx').on(t.publishedAt).where(sql`${t.status} = 'published'`),
  ],
);

/** The minutes checkers (pöytäkirjantarkastajat) chosen for a version, and their confirmations. */
export const minutesCheckers = pgTable(
  'minutes_checkers',
  {
    id: id(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => minutesVersions.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    confirmedAt: tstz('confirmed_at'),
    confirmedByUserId: uuid('confirmed_by_user_id').references(() => users.id),
  },
  (t) => [unique('minutes_checkers_unique').on(t.versionId, t.personId)],
);

export const attendanceRole = pgEnum('attendance_role', [
  'member',
  'deputy',
  'chair',
  'secretary',
  'expert',
  'other',
]);

/** Who was present, in which capacity, and when they arrived or left. */
export const attendance = pgTable(
  'attendance',
  {
    id: id(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => minutesVersions.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    membershipId: uuid('membership_id').references(() => memberships.id),
    role: attendanceRole('role').notNull(),
    /** A deputy substituting for this member's membership. */
    substitutesForId: uuid('substitutes_for_id').references(() => memberships.id),
    present: boolean('present').notNull().default(true),
    rightToSpeak: boolean('right_to_speak').notNull().default(true),
    arrivedAtItemId: uuid('arrived_at_item_id').references(() => agendaItems.id),
    leftAtItemId: uuid('left_at_item_id').references(() => agendaItems.id),
    note: text('note'),
  },
  (t) => [
    unique('attendance_version_person_unique').on(t.versionId, t.personId),
    check('attendance_substitute_only_deputy', sql`${t.substitutesForId} IS NULL OR ${t.role} = 'deputy'`),
  ],
);

export const decisionOutcome = pgEnum('decision_outcome', [
  'decided',
  'noted',
  'postponed',
  'withdrawn',
  'referred',
]);

/** What the minutes say of one agenda item: discussion, decision, votes. */
export const decisions = pgTable(
  'decisions',
  {
    id: id(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => minutesVersions.id),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id),
    discussion: text('discussion'),
    decision: text('decision'),
    /** The decision in Swedish and English (decision is Finnish). */
    decisionSv: text('decision_sv'),
    decisionEn: text('decision_en'),
    outcome: decisionOutcome('outcome').notNull().default('decided'),
    postponedToMeetingId: uuid('postponed_to_meeting_id').references(() => meetings.id),
    votesFor: integer('votes_for'),
    votesAgainst: integer('votes_against'),
    votesAbstain: integer('votes_abstain'),
  },
  (t) => [
    unique('decisions_version_item_unique').on(t.versionId, t.agendaItemId),
    check(
      'decisions_votes_nonnegative',
      sql`coalesce(${t.votesFor},0) >= 0 AND coalesce(${t.votesAgainst},0) >= 0 AND coalesce(${t.votesAbstain},0) >= 0`,
    ),
    check('decisions_postponed_target', sql`${t.postponedToMeetingId} IS NULL OR ${t.outcome} = 'postponed'`),
  ],
);

/** Conflict-of-interest marks: the person left the room for this item. */
export const recusals = pgTable(
  'recusals',
  {
    id: id(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => minutesVersions.id),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    reason: text('reason'),
  },
  (t) => [unique('recusals_unique').on(t.versionId, t.agendaItemId, t.personId)],
);

export const voteOption = pgEnum('vote_option', ['yes', 'no', 'abstain', 'absent']);

/**
 * A vote by name (nimenhuutoäänestys): what each voting member present said on one item. The
 * decision's counts are derived from these rows; they are part of the version and frozen with it.
 */
export const memberVotes = pgTable(
  'member_votes',
  {
    id: id(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => minutesVersions.id),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    option: voteOption('option').notNull(),
  },
  (t) => [
    unique('member_votes_unique').on(t.versionId, t.agendaItemId, t.personId),
    index('member_votes_item_idx').on(t.agendaItemId, t.versionId),
  ],
);

export const agendaItemsRelations = relations(agendaItems, ({ one, many }) => ({
  meeting: one(meetings, { fields: [agendaItems.meetingId], references: [meetings.id] }),
  attachments: many(agendaItemAttachments),
}));

export const minutesRelations = relations(minutes, ({ one, many }) => ({
  meeting: one(meetings, { fields: [minutes.meetingId], references: [meetings.id] }),
  versions: many(minutesVersions),
}));

export const minutesVersionsRelations = relations(minutesVersions, ({ one, many }) => ({
  minutes: one(minutes, { fields: [minutesVersions.minutesId], references: [minutes.id] }),
  checkers: many(minutesCheckers),
  attendance: many(attendance),
  decisions: many(decisions),
  recusals: many(recusals),
}));

export const minutesCheckersRelations = relations(minutesCheckers, ({ one }) => ({
  version: one(minutesVersions, { fields: [minutesCheckers.versionId], references: [minutesVersions.id] }),
  person: one(people, { fields: [minutesCheckers.personId], references: [people.id] }),
}));

export const attendanceRelations = relations(attendance, ({ one }) => ({
  version: one(minutesVersions, { fields: [attendance.versionId], references: [minutesVersions.id] }),
  person: one(people, { fields: [attendance.personId], references: [people.id] }),
}));

export const decisionsRelations = relations(decisions, ({ one }) => ({
  version: one(minutesVersions, { fields: [decisions.versionId], references: [minutesVersions.id] }),
  item: one(agendaItems, { fields: [decisions.agendaItemId], references: [agendaItems.id] }),
}));

export const recusalsRelations = relations(recusals, ({ one }) => ({
  version: one(minutesVersions, { fields: [recusals.versionId], references: [minutesVersions.id] }),
}));

export type AgendaItem = typeof agendaItems.$inferSelect;
export type NewAgendaItem = typeof agendaItems.$inferInsert;
export type Minutes = typeof minutes.$inferSelect;
export type MinutesVersion = typeof minutesVersions.$inferSelect;
export type Decision = typeof decisions.$inferSelect;
export type Attendance = typeof attendance.$inferSelect;
export type MemberVote = typeof memberVotes.$inferSelect;
