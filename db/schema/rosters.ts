import { relations, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, lockVersion, timestamps } from './_common';
import { terms } from './councils';
import { people } from './people';
import { organisations } from './regions';
import { MEMBERSHIP_ROLES } from './constants';

/** A seat group of a term's seat plan (järjestöluokka, teemaverkosto), with its seat counts. */
export const categories = pgTable(
  'categories',
  {
    id: id(),
    termId: uuid('term_id')
      .notNull()
      .references(() => terms.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    nameFi: text('name_fi').notNull(),
    nameSv: text('name_sv'),
    nameEn: text('name_en'),
    memberSeats: integer('member_seats').notNull().default(1),
    deputySeats: integer('deputy_seats').notNull().default(1),
    ...timestamps(),
    lockVersion: lockVersion(),
  },
  (t) => [
    unique('categories_term_position_unique').on(t.termId, t.position),
    unique('categories_term_name_unique').on(t.termId, t.nameFi),
    unique('categories_id_term_unique').on(t.id, t.termId),
    check('categories_seats_range', sql`${t.memberSeats} BETWEEN 0 AND 100 AND ${t.deputySeats} BETWEEN 0 AND 100`),
    check('categories_position_positive', sql`${t.position} >= 1`),
    check('categories_name_not_blank', sql`btrim(${t.nameFi}) <> ''`),
  ],
);

export const membershipRole = pgEnum('membership_role', MEMBERSHIP_ROLES);

/** Seats outside categories in a term's plan: elected officials, representatives, experts. */
export const termExtraSeats = pgTable(
  'term_extra_seats',
  {
    id: id(),
    termId: uuid('term_id')
      .notNull()
      .references(() => terms.id, { onDelete: 'cascade' }),
    role: membershipRole('role').notNull(),
    memberSeats: integer('member_seats').notNull(),
    deputySeats: integer('deputy_seats').notNull().default(0),
  },
  (t) => [
    unique('term_extra_seats_term_role_unique').on(t.termId, t.role),
    check('term_extra_seats_range', sql`${t.memberSeats} BETWEEN 0 AND 100 AND ${t.deputySeats} BETWEEN 0 AND 100`),
    check(
      'term_extra_seats_role',
      sql`${t.role} IN ('elected_official','county_representative','municipality_representative','invited_expert')`,
    ),
  ],
);

export const membershipEndReason = pgEnum('membership_end_reason', [
  'term_ended',
  'resigned',
  'replaced',
  'died',
  'other',
]);

export const affiliationType = pgEnum('affiliation_type', ['professional', 'volunteer']);

/**
 * A person in a role in a term, from a start date to an optional end date. Ending a
 * membership and appointing a successor adds rows; history is never overwritten.
 * Officer roles (chair, vice-chair, secretary) are memberships too, dated, so
 * "who chaired in 2024" has an answer; they need not occupy a seat.
 */
export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    termId: uuid('term_id')
      .notNull()
      .references(() => terms.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    role: membershipRole('role').notNull(),
    categoryId: uuid('category_id'),
    /** Seat number within the category or extra-seat group, when seats are numbered. */
    seatNumber: integer('seat_number'),
    /** The organisation the person represents (Popolo onBehalfOf). */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    affiliation: affiliationType('affiliation'),
    /** A personal deputy's principal member (same term). */
    principalId: uuid('principal_id'),
    /** The membership this one succeeded mid-term. */
    succeedsId: uuid('succeeds_id').references((): AnyPgColumn => memberships.id),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    endReason: membershipEndReason('end_reason'),
    endNote: text('end_note'),
    ...timestamps(),
    lockVersion: lockVersion(),
  },
  (t) => [
    unique('memberships_id_term_unique').on(t.id, t.termId),
    foreignKey({
      name: 'memberships_category_same_term_fk',
      columns: [t.categoryId, t.termId],
      foreignColumns: [categories.id, categories.termId],
    }),
    foreignKey({
      name: 'memberships_principal_same_term_fk',
      columns: [t.principalId, t.termId],
      foreignColumns: [t.id, t.termId],
    }),
    check('memberships_end_after_start', sql`${t.endDate} IS NULL OR ${t.endDate} >= ${t.startDate}`),
    check('memberships_end_reason_needs_end', sql`${t.endReason} IS NULL OR ${t.endDate} IS NOT NULL`),
    check('memberships_not_own_principal', sql`${t.principalId} IS NULL OR ${t.principalId} <> ${t.id}`),
    check('memberships_principal_only_for_deputy', sql`${t.principalId} IS NULL OR ${t.role} = 'deputy'`),
    check('memberships_not_own_successor', sql`${t.succeedsId} IS NULL OR ${t.succeedsId} <> ${t.id}`),
    check('memberships_seat_number_positive', sql`${t.seatNumber} IS NULL OR ${t.seatNumber} >= 1`),
    check(
      'memberships_officers_without_category',
      sql`${t.categoryId} IS NULL OR ${t.role} IN ('member','deputy')`,
    ),
    index('memberships_term_idx').on(t.termId),
    index('memberships_person_idx').on(t.personId),
    index('memberships_category_idx').on(t.categoryId),
    index('memberships_principal_idx').on(t.principalId),
  ],
);

export const categoriesRelations = relations(categories, ({ one, many }) => ({
  term: one(terms, { fields: [categories.termId], references: [terms.id] }),
  memberships: many(memberships),
}));

export const membershipsRelations = relations(memberships, ({ one }) => ({
  term: one(terms, { fields: [memberships.termId], references: [terms.id] }),
  person: one(people, { fields: [memberships.personId], references: [people.id] }),
  category: one(categories, { fields: [memberships.categoryId], references: [categories.id] }),
  organisation: one(organisations, { fields: [memberships.organisationId], references: [organisations.id] }),
  principal: one(memberships, { fields: [memberships.principalId], references: [memberships.id], relationName: 'principal' }),
}));

export type Category = typeof categories.$inferSelect;
export type NewCategory = typeof categories.$inferInsert;
export type Membership = typeof memberships.$inferSelect;
export type NewMembership = typeof memberships.$inferInsert;
export type MembershipRole = (typeof membershipRole.enumValues)[number];
