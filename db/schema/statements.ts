import { relations, sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, lockVersion, timestamps, tstz } from './_common';
import { councils } from './councils';
import { documents } from './documents';
import { agendaItems } from './records';

export const statementType = pgEnum('statement_type', ['statement', 'position', 'initiative']);
export const statementStatus = pgEnum('statement_status', ['draft', 'sent', 'answered', 'closed']);
/** What a statement led to, as the council judges the county's response. */
export const influenceOutcome = pgEnum('influence_outcome', ['pending', 'taken_into_account', 'partly', 'not_taken_into_account']);

/** The council's outputs to the county: lausunnot, kannanotot, aloitteet. */
export const statements = pgTable(
  'statements',
  {
    id: id(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    type: statementType('type').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }),
    recipient: text('recipient').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    /** Swedish and English versions (title and body are Finnish). */
    titleSv: text('title_sv'),
    titleEn: text('title_en'),
    bodySv: text('body_sv'),
    bodyEn: text('body_en'),
    documentId: uuid('document_id').references(() => documents.id),
    approvedItemId: uuid('approved_item_id'),
    status: statementStatus('status').notNull().default('draft'),
    response: text('response'),
    responseDate: date('response_date', { mode: 'string' }),
    publishedAt: tstz('published_at'),
    /** The receiving body's case or diary number (diaarinumero) and a link to its case. */
    caseNumber: text('case_number'),
    caseUrl: text('case_url'),
    /** When the council expects the county's response; the secretary is reminded after it. */
    responseDueOn: date('response_due_on', { mode: 'string' }),
    outcome: influenceOutcome('outcome').notNull().default('pending'),
    overdueRemindedAt: tstz('overdue_reminded_at'),
    ...timestamps(),
    lockVersion: lockVersion(),
  },
  (t) => [
    foreignKey({
      name: 'statements_item_same_council_fk',
      columns: [t.approvedItemId, t.councilId],
      foreignColumns: [agendaItems.id, agendaItems.councilId],
    }),
    check('statements_title_not_blank', sql`btrim(${t.title}) <> ''`),
    check('statements_sent_has_date', sql`${t.status} = 'draft' OR ${t.issuedOn} IS NOT NULL`),
    check('statements_response_date', sql`${t.responseDate} IS NULL OR ${t.issuedOn} IS NULL OR ${t.responseDate} >= ${t.issuedOn}`),
    check('statements_answered_has_response', sql`${t.status} <> 'answered' OR ${t.response} IS NOT NULL`),
    check('statements_draft_not_published', sql`${t.status} <> 'draft' OR ${t.publishedAt} IS NULL`),
    index('statements_council_idx').on(t.councilId, t.issuedOn),
    // The feeds' newest published statements.
    index('statements_published_idx').on(t.publishedAt).where(sql`${t.publishedAt} IS NOT NULL AND ${t.status} <> 'draft'`),
    check('statements_case_url_http', sql`${t.caseUrl} IS NULL OR ${t.caseUrl} ~ '^https?://'`),
    check('statements_due_after_issue', sql`${t.responseDueOn} IS NULL OR ${t.issuedOn} IS NULL OR ${t.responseDueOn} >= ${t.issuedOn}`),
  ],
);

/** The handling steps of a statement at the receiving body, with dates (its influence trace). */
export const statementSteps = pgTable(
  'statement_steps',
  {
    id: id(),
    statementId: uuid('statement_id')
      .notNull()
      .references(() => statements.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    happenedOn: date('happened_on', { mode: 'string' }).notNull(),
    description: text('description').notNull(),
  },
  (t) => [
    index('statement_steps_statement_idx').on(t.statementId, t.position),
    check('statement_steps_description_not_blank', sql`btrim(${t.description}) <> ''`),
  ],
);

export const statementsRelations = relations(statements, ({ one }) => ({
  council: one(councils, { fields: [statements.councilId], references: [councils.id] }),
}));

export type Statement = typeof statements.$inferSelect;
