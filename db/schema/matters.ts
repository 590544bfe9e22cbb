import { relations, sql } from 'drizzle-orm';
import { check, foreignKey, index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { id, lockVersion, timestamps } from './_common';
import { users } from './auth';
import { councils } from './councils';
import { agendaItems } from './records';
import { statements } from './statements';

/**
 * A matter (asia): one case the council handles over several meetings, with the county's
 * diary number (diaarinumero) when it has one. Agenda items and statements are linked to it.
 */
export const matters = pgTable(
  'matters',
  {
    id: id(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    title: text('title').notNull(),
    /** Free text, e.g. VAKE/123/00.01.00/2026. */
    diaryNumber: text('diary_number'),
    createdBy: uuid('created_by').references(() => users.id),
    ...timestamps(),
    lockVersion: lockVersion(),
  },
  (t) => [
    unique('matters_id_council_unique').on(t.id, t.councilId),
    check('matters_title_not_blank', sql`btrim(${t.title}) <> ''`),
    check('matters_title_length', sql`char_length(${t.title}) <= 300`),
    check(
      'matters_diary_number_length',
      sql`${t.diaryNumber} IS NULL OR (btrim(${t.diaryNumber}) <> '' AND char_length(${t.diaryNumber}) <= 100)`,
    ),
    index('matters_council_idx').on(t.councilId, t.createdAt),
  ],
);

/** An agenda item's matter: at most one per item, in the item's own council. */
export const matterItems = pgTable(
  'matter_items',
  {
    agendaItemId: uuid('agenda_item_id').primaryKey(),
    matterId: uuid('matter_id').notNull(),
    councilId: uuid('council_id').notNull(),
  },
  (t) => [
    foreignKey({
      name: 'matter_items_item_same_council_fk',
      columns: [t.agendaItemId, t.councilId],
      foreignColumns: [agendaItems.id, agendaItems.councilId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'matter_items_matter_same_council_fk',
      columns: [t.matterId, t.councilId],
      foreignColumns: [matters.id, matters.councilId],
    }),
    index('matter_items_matter_idx').on(t.matterId),
  ],
);

/** A statement's matter: at most one per statement, in its own council. */
export const matterStatements = pgTable(
  'matter_statements',
  {
    statementId: uuid('statement_id')
      .primaryKey()
      .references(() => statements.id, { onDelete: 'cascade' }),
    matterId: uuid('matter_id').notNull(),
    councilId: uuid('council_id').notNull(),
  },
  (t) => [
    foreignKey({
      name: 'matter_statements_matter_same_council_fk',
      columns: [t.matterId, t.councilId],
      foreignColumns: [matters.id, matters.councilId],
    }),
    index('matter_statements_matter_idx').on(t.matterId),
  ],
);

export const mattersRelations = relations(matters, ({ one }) => ({
  council: one(councils, { fields: [matters.councilId], references: [councils.id] }),
}));

export type Matter = typeof matters.$inferSelect;
