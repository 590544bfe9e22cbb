import { relations, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, lockVersion, timestamps } from './_common';
import { documents } from './documents';
import { regions } from './regions';

export const councilKind = pgEnum('council_kind', [
  'advisory_council',
  'partnership_table',
  'influence_body',
  'ngo_council',
  'cooperation_group',
  'forum',
  'executive_committee',
  'working_group',
  'other',
]);

export const councilOrigin = pgEnum('council_origin', ['ngo_led', 'county_established']);
export const councilPublicity = pgEnum('council_publicity', ['public', 'members_only']);

/**
 * A governance body: NGO advisory council, partnership table, influence body and so on.
 * Executive committees and working groups are councils with a parent.
 */
export const councils = pgTable(
  'councils',
  {
    id: id(),
    slug: text('slug').notNull().unique(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    parentId: uuid('parent_id').references((): AnyPgColumn => councils.id),
    nameFi: text('name_fi').notNull(),
    nameSv: text('name_sv'),
    nameEn: text('name_en'),
    kind: councilKind('kind').notNull(),
    origin: councilOrigin('origin').notNull(),
    publicityDefault: councilPublicity('publicity_default').notNull().default('public'),
    /** Languages the council works in, first one is its primary language. */
    languages: text('languages').array().notNull().default(sql`ARRAY['fi']::text[]`),
    descriptionFi: text('description_fi'),
    descriptionSv: text('description_sv'),
    descriptionEn: text('description_en'),
    meetingFeeNote: text('meeting_fee_note'),
    meetingFeeNoteSv: text('meeting_fee_note_sv'),
    meetingFeeNoteEn: text('meeting_fee_note_en'),
    /** The secretariat's shared address (not a person's contact details). */
    secretariatContact: text('secretariat_contact'),
    rulesDocumentId: uuid('rules_document_id').references((): AnyPgColumn => documents.id),
    appointingBody: text('appointing_body'),
    appointingBodySv: text('appointing_body_sv'),
    appointingBodyEn: text('appointing_body_en'),
    appointingDecisionDate: date('appointing_decision_date', { mode: 'string' }),
    appointingDecisionUrl: text('appointing_decision_url'),
    establishedOn: date('established_on', { mode: 'string' }),
    dissolvedOn: date('dissolved_on', { mode: 'string' }),
    /** Days before a meeting by which its agenda should be published. */
    noticePeriodDays: integer('notice_period_days').notNull().default(7),
    /** Days before a meeting when reminders go out (empty: none). */
    reminderDays: integer('reminder_days').array().notNull().default(sql`ARRAY[3]::integer[]`),
    /** Quorum: more than this fraction (numerator/denominator) of the members must be present. */
    quorumNumerator: integer('quorum_numerator').notNull().default(1),
    quorumDenominator: integer('quorum_denominator').notNull().default(2),
    /**
     * Display period of minutes (issue 14.4): days of public notice after publication, then
     * months on the web; null months = permanent. After it, items holding personal data lose
     * their text on the web copy (web_redactions); the record itself is kept.
     */
    displayNoticeDays: integer('display_notice_days').notNull().default(7),
    displayWebMonths: integer('display_web_months').default(24),
    /** The appeal notice printed under each decision (null = no notice in that language). */
    appealNoticeFi: text('appeal_notice_fi'),
    appealNoticeSv: text('appeal_notice_sv'),
    appealNoticeEn: text('appeal_notice_en'),
    /** True: items have no appeal notice unless an item asks for one (advisory bodies' statements). */
    appealDefaultNone: boolean('appeal_default_none').notNull().default(true),
    ...timestamps(),
    lockVersion: lockVersion(),
  },
  (t) => [
    check('councils_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('councils_not_own_parent', sql`${t.parentId} IS NULL OR ${t.parentId} <> ${t.id}`),
    check(
      'councils_languages_valid',
      sql`cardinality(${t.languages}) >= 1 AND ${t.languages} <@ ARRAY['fi','sv','en']::text[]`,
    ),
    check('councils_name_not_blank', sql`btrim(${t.nameFi}) <> ''`),
    check('councils_notice_period_range', sql`${t.noticePeriodDays} BETWEEN 0 AND 60`),
    check('councils_display_notice_range', sql`${t.displayNoticeDays} BETWEEN 0 AND 365`),
    check('councils_display_web_months_range', sql`${t.displayWebMonths} IS NULL OR ${t.displayWebMonths} BETWEEN 1 AND 1200`),
    check(
      'councils_quorum_fraction',
      sql`${t.quorumNumerator} >= 0 AND ${t.quorumDenominator} > 0 AND ${t.quorumNumerator} < ${t.quorumDenominator}`,
    ),
    check('councils_dissolved_after_established', sql`${t.dissolvedOn} IS NULL OR ${t.establishedOn} IS NULL OR ${t.dissolvedOn} >= ${t.establishedOn}`),
    check('councils_decision_url_http', sql`${t.appointingDecisionUrl} IS NULL OR ${t.appointingDecisionUrl} ~ '^https?://'`),
    check('councils_sub_bodies_have_parent', sql`${t.kind} NOT IN ('executive_committee','working_group') OR ${t.parentId} IS NOT NULL`),
    index('councils_region_idx').on(t.regionId),
    index('councils_parent_idx').on(t.parentId),
    // The home page's count of each region's councils.
    index('councils_region_active_idx').on(t.regionId).where(sql`${t.dissolvedOn} IS NULL`),
    // The home page's first councils of each region by name.
    index('councils_region_top_idx').on(t.regionId, t.nameFi, t.id).where(sql`${t.dissolvedOn} IS NULL AND ${t.parentId} IS NULL`),
  ],
);

/** A council's term of office (toimikausi). */
export const terms = pgTable(
  'terms',
  {
    id: id(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    name: text('name').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    /** E.g. "until the end of the regional council term". */
    endNote: text('end_note'),
    ...timestamps(),
    lockVersion: lockVersion(),
  },
  (t) => [
    unique('terms_council_name_unique').on(t.councilId, t.name),
    unique('terms_id_council_unique').on(t.id, t.councilId),
    check('terms_end_after_start', sql`${t.endDate} IS NULL OR ${t.endDate} >= ${t.startDate}`),
    check('terms_name_not_blank', sql`btrim(${t.name}) <> ''`),
    index('terms_council_idx').on(t.councilId, t.startDate),
  ],
);

export const councilsRelations = relations(councils, ({ one, many }) => ({
  region: one(regions, { fields: [councils.regionId], references: [regions.id] }),
  parent: one(councils, { fields: [councils.parentId], references: [councils.id], relationName: 'parent' }),
  children: many(councils, { relationName: 'parent' }),
  terms: many(terms),
}));

export const termsRelations = relations(terms, ({ one }) => ({
  council: one(councils, { fields: [terms.councilId], references: [councils.id] }),
}));

export type Council = typeof councils.$inferSelect;
export type NewCouncil = typeof councils.$inferInsert;
export type Term = typeof terms.$inferSelect;
export type NewTerm = typeof terms.$inferInsert;
export type CouncilKind = (typeof councilKind.enumValues)[number];
export type CouncilOrigin = (typeof councilOrigin.enumValues)[number];
