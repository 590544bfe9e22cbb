import { sql } from 'drizzle-orm';
import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, tstz } from './_common';
import { agendaItemAttachments, agendaItems } from './records';

/**
 * The web copy's personal-data removal (issue 14.4). The record (agenda items, attachments,
 * decisions) is frozen once minutes are approved, so the removal is kept here: a row says that
 * since redacted_at the public readers show only the item's title and § (attachment_id null),
 * or leave out one attachment. Written only by the display-period job (lifecycle.server.ts).
 */
export const webRedactions = pgTable(
  'web_redactions',
  {
    id: id(),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    attachmentId: uuid('attachment_id').references(() => agendaItemAttachments.id, { onDelete: 'cascade' }),
    /** The personal-data class that caused the removal. */
    personalDataClass: text('personal_data_class').notNull(),
    /** The last day of the display period that had ended. */
    displayEndedAt: tstz('display_ended_at').notNull(),
    redactedAt: tstz('redacted_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('web_redactions_item_unique')
      .on(t.agendaItemId)
      .where(sql`${t.attachmentId} IS NULL`),
    uniqueIndex('web_redactions_attachment_unique')
      .on(t.attachmentId)
      .where(sql`${t.attachmentId} IS NOT NULL`),
    index('web_redactions_item_idx').on(t.agendaItemId),
  ],
);
