import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { councils } from './councils';

/**
 * One row per PUBLIC searchable record (council, agenda item with its published decision,
 * minutes, statement, action plan), derived from the source tables by the views and
 * statement-level triggers of the custom migration search_documents_sync (copy in
 * db/sql/search_documents_sync.sql). Never written by the application: whatever is not
 * public is simply absent, so search cannot leak it. docs/search.md has the design.
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    /** The record's own id (council, agenda item, minutes, statement or plan). */
    id: uuid('id').primaryKey(),
    type: text('type').notNull(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    regionId: uuid('region_id').notNull(),
    meetingId: uuid('meeting_id'),
    itemId: uuid('item_id'),
    planYear: integer('plan_year'),
    /** Helsinki date of the meeting, statement or plan publication; null for councils. */
    docDate: date('doc_date', { mode: 'string' }),
    /** Years the record counts in (a council: founded..dissolved, open ends null). */
    yearFrom: integer('year_from'),
    yearTo: integer('year_to'),
    title: text('title').notNull(),
    titleSv: text('title_sv'),
    titleEn: text('title_en'),
    body: text('body'),
    /** Folded (lowercase, å/ä/ö… without marks) title text and title + body text. */
    searchTitle: text('search_title').notNull(),
    searchText: text('search_text').notNull(),
  },
  (t) => [
    index('search_documents_text_trgm').using('gin', t.searchText.op('gin_trgm_ops')),
    index('search_documents_title_trgm').using('gin', t.searchTitle.op('gin_trgm_ops')),
    index('search_documents_date_idx').on(sql`${t.docDate} desc nulls last`, t.id),
    index('search_documents_council_date_idx').on(t.councilId, sql`${t.docDate} desc nulls last`),
    index('search_documents_region_date_idx').on(t.regionId, sql`${t.docDate} desc nulls last`),
    index('search_documents_meeting_idx').on(t.meetingId),
  ],
);
