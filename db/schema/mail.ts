import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, tstz } from './_common';

export const mailStatus = pgEnum('mail_status', ['queued', 'sent', 'stored', 'failed']);

/** Every message the app sends; without SMTP settings this is also the admin's outbox. */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: id(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    /** iCalendar attachment (invitations), if any. */
    icsBody: text('ics_body'),
    icsMethod: text('ics_method'),
    status: mailStatus('status').notNull().default('queued'),
    councilId: uuid('council_id'),
    error: text('error'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    sentAt: tstz('sent_at'),
  },
  (t) => [
    check('mail_messages_to_format', sql`${t.toAddress} LIKE '%_@_%'`),
    index('mail_messages_created_idx').on(t.createdAt),
  ],
);

export type MailMessage = typeof mailMessages.$inferSelect;
