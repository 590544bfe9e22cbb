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
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, lockVersion, timestamps, tstz } from './_common';
import { users } from './auth';
import { MAX_CLAIM_KM, MAX_FEE_CENTS as MAX_CENTS } from './constants';
import { councils } from './councils';
import { meetings } from './meetings';
import { people } from './people';

/**
 * Meeting fees (kokouspalkkiot) and travel claims. Never public: no public page, API, OParl
 * document, export or search document reads these tables. Money is integer cents.
 */

export const feeRuleKind = pgEnum('fee_rule_kind', ['none', 'per_meeting']);

/**
 * A council's fee rule for a validity period. `none` (Pirkanmaa pays no fees or expenses) has
 * every amount zero. The chair supplement goes to whoever chaired the meeting (a vice-chair
 * acting as chair included); the long-meeting supplement is paid when the recorded meeting
 * lasted longer than `long_meeting_after_minutes`.
 */
export const councilFeeRules = pgTable(
  'council_fee_rules',
  {
    id: id(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    kind: feeRuleKind('kind').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    /** Last day the rule applies; null: until further notice. */
    validTo: date('valid_to', { mode: 'string' }),
    meetingFeeCents: integer('meeting_fee_cents').notNull().default(0),
    chairSupplementCents: integer('chair_supplement_cents').notNull().default(0),
    secretarySupplementCents: integer('secretary_supplement_cents').notNull().default(0),
    /** False where the secretary attends as a county employee: no fee line for them at all. */
    paySecretary: boolean('pay_secretary').notNull().default(true),
    longMeetingAfterMinutes: integer('long_meeting_after_minutes'),
    longMeetingSupplementCents: integer('long_meeting_supplement_cents').notNull().default(0),
    kmRateCents: integer('km_rate_cents').notNull().default(0),
    ...timestamps(),
    lockVersion: lockVersion(),
  },
  (t) => [
    unique('council_fee_rules_council_from_unique').on(t.councilId, t.validFrom),
    check('council_fee_rules_period', sql`${t.validTo} IS NULL OR ${t.validTo} >= ${t.validFrom}`),
    check(
      'council_fee_rules_amounts_range',
      sql`${t.meetingFeeCents} BETWEEN 0 AND ${sql.raw(String(MAX_CENTS))}
        AND ${t.chairSupplementCents} BETWEEN 0 AND ${sql.raw(String(MAX_CENTS))}
        AND ${t.secretarySupplementCents} BETWEEN 0 AND ${sql.raw(String(MAX_CENTS))}
        AND ${t.longMeetingSupplementCents} BETWEEN 0 AND ${sql.raw(String(MAX_CENTS))}
        AND ${t.kmRateCents} BETWEEN 0 AND 1000`,
    ),
    check(
      'council_fee_rules_long_after_range',
      sql`${t.longMeetingAfterMinutes} IS NULL OR ${t.longMeetingAfterMinutes} BETWEEN 30 AND 1440`,
    ),
    check(
      'council_fee_rules_none_is_zero',
      sql`${t.kind} <> 'none' OR (${t.meetingFeeCents} = 0 AND ${t.chairSupplementCents} = 0 AND ${t.secretarySupplementCents} = 0
        AND ${t.longMeetingSupplementCents} = 0 AND ${t.kmRateCents} = 0 AND ${t.longMeetingAfterMinutes} IS NULL)`,
    ),
    index('council_fee_rules_council_idx').on(t.councilId, t.validFrom),
  ],
);

export const travelClaimStatus = pgEnum('travel_claim_status', ['draft', 'submitted', 'approved', 'rejected']);
export const accessibilityCostType = pgEnum('accessibility_cost_type', ['taxi', 'assistant', 'other']);

/** One member's travel claim for one meeting they attended. */
export const travelClaims = pgTable(
  'travel_claims',
  {
    id: id(),
    meetingId: uuid('meeting_id').notNull(),
    councilId: uuid('council_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    /** The day of travel; a day of the meeting (Europe/Helsinki). */
    travelDate: date('travel_date', { mode: 'string' }).notNull(),
    km: integer('km').notNull().default(0),
    ticketCents: integer('ticket_cents').notNull().default(0),
    accessibilityCents: integer('accessibility_cents').notNull().default(0),
    accessibilityType: accessibilityCostType('accessibility_type'),
    note: text('note'),
    status: travelClaimStatus('status').notNull().default('draft'),
    submittedAt: tstz('submitted_at'),
    /** Who approved or rejected it, and when. */
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: tstz('decided_at'),
    rejectReason: text('reject_reason'),
    ...timestamps(),
    lockVersion: lockVersion(),
  },
  (t) => [
    foreignKey({
      name: 'travel_claims_meeting_same_council_fk',
      columns: [t.meetingId, t.councilId],
      foreignColumns: [meetings.id, meetings.councilId],
    }),
    unique('travel_claims_meeting_person_unique').on(t.meetingId, t.personId),
    check('travel_claims_km_range', sql`${t.km} BETWEEN 0 AND ${sql.raw(String(MAX_CLAIM_KM))}`),
    check(
      'travel_claims_amounts_range',
      sql`${t.ticketCents} BETWEEN 0 AND ${sql.raw(String(MAX_CENTS))} AND ${t.accessibilityCents} BETWEEN 0 AND ${sql.raw(String(MAX_CENTS))}`,
    ),
    check('travel_claims_accessibility_type', sql`${t.accessibilityCents} = 0 OR ${t.accessibilityType} IS NOT NULL`),
    check('travel_claims_decided', sql`(${t.status} IN ('approved','rejected')) = (${t.decidedAt} IS NOT NULL)`),
    check(
      'travel_claims_reject_reason',
      sql`(${t.status} = 'rejected') = (${t.rejectReason} IS NOT NULL AND btrim(${t.rejectReason}) <> '')`,
    ),
    index('travel_claims_council_idx').on(t.councilId, t.meetingId),
    index('travel_claims_person_idx').on(t.personId),
  ],
);

export const councilFeeRulesRelations = relations(councilFeeRules, ({ one }) => ({
  council: one(councils, { fields: [councilFeeRules.councilId], references: [councils.id] }),
}));

export const travelClaimsRelations = relations(travelClaims, ({ one }) => ({
  meeting: one(meetings, { fields: [travelClaims.meetingId], references: [meetings.id] }),
  person: one(people, { fields: [travelClaims.personId], references: [people.id] }),
}));

export type CouncilFeeRule = typeof councilFeeRules.$inferSelect;
export type TravelClaim = typeof travelClaims.$inferSelect;
