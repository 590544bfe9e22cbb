import { relations, sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  time,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, lockVersion, timestamps, tstz } from './_common';
import { councils, terms } from './councils';
import { people } from './people';
import { memberships } from './rosters';

export const meetingType = pgEnum('meeting_type', ['in_person', 'online', 'hybrid']);
export const meetingStatus = pgEnum('meeting_status', ['planned', 'invited', 'held', 'cancelled']);
export const meetingPublicity = pgEnum('meeting_publicity', ['public', 'closed']);

/**
 * A recurring series: an RRULE over Europe/Helsinki wall-clock times. Meetings are
 * materialised from it up to materialised_until; occurrences may then be edited alone.
 */
export const meetingSeries = pgTable(
  'meeting_series',
  {
    id: id(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    termId: uuid('term_id'),
    title: text('title').notNull(),
    /** RRULE body without DTSTART, e.g. FREQ=MONTHLY;BYDAY=1TU;BYMONTH=1,2,3,4,5,6,8,9,10,11,12 */
    rrule: text('rrule').notNull(),
    /** First occurrence's local date and the local start time (Europe/Helsinki). */
    firstDate: date('first_date', { mode: 'string' }).notNull(),
    localStartTime: time('local_start_time').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    meetingType: meetingType('meeting_type').notNull().default('in_person'),
    address: text('address'),
    room: text('room'),
    onlineUrl: text('online_url'),
    publicity: meetingPublicity('publicity').notNull().default('public'),
    materialisedUntil: date('materialised_until', { mode: 'string' }).notNull(),
    ...timestamps(),
    lockVersion: lockVersion(),
  },
  (t) => [
    foreignKey({
      name: 'meeting_series_term_same_council_fk',
      columns: [t.termId, t.councilId],
      foreignColumns: [terms.id, terms.councilId],
    }),
    unique('meeting_series_id_council_unique').on(t.id, t.councilId),
    check('meeting_series_duration_range', sql`${t.durationMinutes} BETWEEN 5 AND 1440`),
    check('meeting_series_rrule_shape', sql`${t.rrule} ~ '^FREQ=' AND ${t.rrule} !~ '[\\r\\n]'`),
    check('meeting_series_online_url_http', sql`${t.onlineUrl} IS NULL OR ${t.onlineUrl} ~ '^https?://'`),
    index('meeting_series_council_idx').on(t.councilId),
  ],
);

/** One meeting, stored as timestamptz; shown in Europe/Helsinki. */
export const meetings = pgTable(
  'meetings',
  {
    id: id(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    termId: uuid('term_id'),
    seriesId: uuid('series_id'),
    /** The occurrence's start in the series before any edit (iCalendar RECURRENCE-ID). */
    originalStart: tstz('original_start'),
    /** True once the occurrence was edited on its own: series edits then leave it alone. */
    detached: boolean('detached').notNull().default(false),
    title: text('title').notNull(),
    /** The title in Swedish and English, for councils that use those languages (title is Finnish). */
    titleSv: text('title_sv'),
    titleEn: text('title_en'),
    meetingType: meetingType('meeting_type').notNull().default('in_person'),
    startsAt: tstz('starts_at').notNull(),
    endsAt: tstz('ends_at').notNull(),
    address: text('address'),
    room: text('room'),
    /** Members only, never public. */
    onlineUrl: text('online_url'),
    status: meetingStatus('status').notNull().default('planned'),
    publicity: meetingPublicity('publicity').notNull().default('public'),
    cancelReason: text('cancel_reason'),
    /** Stable iCalendar UID and SEQUENCE, raised on every change sent out. */
    icsUid: text('ics_uid').notNull().unique(),
    icsSequence: integer('ics_sequence').notNull().default(0),
    invitedAt: tstz('invited_at'),
    agendaPublishedAt: tstz('agenda_published_at'),
    ...timestamps(),
    lockVersion: lockVersion(),
  },
  (t) => [
    foreignKey({
      name: 'meetings_term_same_council_fk',
      columns: [t.termId, t.councilId],
      foreignColumns: [terms.id, terms.councilId],
    }),
    foreignKey({
      name: 'meetings_series_same_council_fk',
      columns: [t.seriesId, t.councilId],
      foreignColumns: [meetingSeries.id, meetingSeries.councilId],
    }),
    unique('meetings_id_council_unique').on(t.id, t.councilId),
    unique('meetings_series_occurrence_unique').on(t.seriesId, t.originalStart),
    check('meetings_end_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    check('meetings_max_length', sql`${t.endsAt} - ${t.startsAt} <= interval '24 hours'`),
    check('meetings_series_occurrence', sql`(${t.seriesId} IS NULL) = (${t.originalStart} IS NULL)`),
    check('meetings_title_not_blank', sql`btrim(${t.title}) <> ''`),
    check('meetings_online_url_http', sql`${t.onlineUrl} IS NULL OR ${t.onlineUrl} ~ '^https?://'`),
    check('meetings_sequence_nonnegative', sql`${t.icsSequence} >= 0`),
    check('meetings_cancel_reason_only_cancelled', sql`${t.cancelReason} IS NULL OR ${t.status} = 'cancelled'`),
    index('meetings_council_start_idx').on(t.councilId, t.startsAt),
    index('meetings_start_idx').on(t.startsAt),
    index('meetings_series_idx').on(t.seriesId),
    // The feeds' newest published agendas.
    index('meetings_agenda_published_idx').on(t.agendaPublishedAt).where(sql`${t.agendaPublishedAt} IS NOT NULL`),
  ],
);

export const invitationKind = pgEnum('invitation_kind', ['member', 'deputy', 'other']);
export const attendanceReply = pgEnum('attendance_reply', ['attending', 'not_attending']);

/** Who was invited to a meeting and what they replied; a deputy is asked when the principal declines. */
export const meetingInvitees = pgTable(
  'meeting_invitees',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    membershipId: uuid('membership_id').references(() => memberships.id),
    kind: invitationKind('kind').notNull(),
    /** SHA-256 of the personal reply link's token. */
    replyTokenHash: text('reply_token_hash').notNull().unique(),
    invitedAt: tstz('invited_at'),
    /** For a deputy: when they were asked to come in the principal's place. */
    askedToSubstituteAt: tstz('asked_to_substitute_at'),
    reply: attendanceReply('reply'),
    repliedAt: tstz('replied_at'),
    lastSentSequence: integer('last_sent_sequence'),
  },
  (t) => [
    unique('meeting_invitees_meeting_person_unique').on(t.meetingId, t.personId),
    check('meeting_invitees_reply_time', sql`(${t.reply} IS NULL) = (${t.repliedAt} IS NULL)`),
    index('meeting_invitees_person_idx').on(t.personId),
  ],
);

/** A reminder claimed before sending, so several app instances send it once. */
export const meetingReminders = pgTable(
  'meeting_reminders',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    daysBefore: integer('days_before').notNull(),
    claimedBy: text('claimed_by').notNull(),
    claimedAt: tstz('claimed_at').notNull().defaultNow(),
    sentAt: tstz('sent_at'),
    recipients: integer('recipients'),
  },
  (t) => [
    unique('meeting_reminders_once').on(t.meetingId, t.daysBefore),
    check('meeting_reminders_days_range', sql`${t.daysBefore} BETWEEN 0 AND 60`),
  ],
);

export const meetingSeriesRelations = relations(meetingSeries, ({ one, many }) => ({
  council: one(councils, { fields: [meetingSeries.councilId], references: [councils.id] }),
  meetings: many(meetings),
}));

export const meetingsRelations = relations(meetings, ({ one, many }) => ({
  council: one(councils, { fields: [meetings.councilId], references: [councils.id] }),
  term: one(terms, { fields: [meetings.termId], references: [terms.id] }),
  series: one(meetingSeries, { fields: [meetings.seriesId], references: [meetingSeries.id] }),
  invitees: many(meetingInvitees),
}));

export const meetingInviteesRelations = relations(meetingInvitees, ({ one }) => ({
  meeting: one(meetings, { fields: [meetingInvitees.meetingId], references: [meetings.id] }),
  person: one(people, { fields: [meetingInvitees.personId], references: [people.id] }),
  membership: one(memberships, { fields: [meetingInvitees.membershipId], references: [memberships.id] }),
}));

export type MeetingSeries = typeof meetingSeries.$inferSelect;
export type Meeting = typeof meetings.$inferSelect;
export type NewMeeting = typeof meetings.$inferInsert;
export type MeetingInvitee = typeof meetingInvitees.$inferSelect;
