import { relations, sql } from 'drizzle-orm';
import { type AnyPgColumn, bigint, check, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, tstz } from './_common';
import { users } from './auth';

/**
 * A stored file (attachment, rules of procedure, statement text). The bytes live behind the
 * storage interface under storage_key; the media type was sniffed from the content, not the name.
 */
export const documents = pgTable(
  'documents',
  {
    id: id(),
    storageKey: text('storage_key').notNull().unique(),
    filename: text('filename').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by').references((): AnyPgColumn => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('documents_size_positive', sql`${t.sizeBytes} > 0`),
    check('documents_sha256_format', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('documents_filename_safe', sql`btrim(${t.filename}) <> '' AND ${t.filename} !~ '[/\\\\]'`),
  ],
);

export const documentsRelations = relations(documents, ({ one }) => ({
  uploader: one(users, { fields: [documents.uploadedBy], references: [users.id] }),
}));

export type Document = typeof documents.$inferSelect;
