import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, tstz } from './_common';
import { meetings } from './meetings';
import { annualReports } from './plans';

/**
 * The SHA-256 of every official PDF the public URLs have served (a published agenda, each published
 * minutes version, a published annual report in each language), so anyone can check a copy at /verify. Published PDFs render to the same bytes
 * every time (their dates come from the record), so one row stands for every copy of that document.
 * A row is never changed; a new row appears only when the public document's bytes change (an agenda
 * edited after publication, a renamed council).
 */
export const documentFingerprints = pgTable(
  'document_fingerprints',
  {
    id: id(),
    kind: text('kind', { enum: ['agenda', 'minutes', 'report'] }).notNull(),
    /** The meeting of an agenda or minutes. */
    meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'cascade' }),
    /** The annual report of a report PDF. */
    reportId: uuid('report_id').references(() => annualReports.id, { onDelete: 'cascade' }),
    /** The minutes version; null for an agenda. */
    versionNo: integer('version_no'),
    language: text('language').notNull(),
    sha256: text('sha256').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('document_fingerprints_sha256_key').on(t.sha256),
    index('document_fingerprints_meeting_idx').on(t.meetingId, t.kind, t.versionNo),
    index('document_fingerprints_report_idx').on(t.reportId),
    check('document_fingerprints_sha256_format', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('document_fingerprints_kind_version', sql`(${t.kind} = 'minutes') = (${t.versionNo} IS NOT NULL)`),
    check(
      'document_fingerprints_subject',
      sql`(${t.kind} IN ('agenda', 'minutes')) = (${t.meetingId} IS NOT NULL) AND (${t.kind} = 'report') = (${t.reportId} IS NOT NULL)`,
    ),
    check('document_fingerprints_language', sql`${t.language} IN ('fi', 'sv', 'en')`),
  ],
);

export type DocumentFingerprint = typeof documentFingerprints.$inferSelect;
