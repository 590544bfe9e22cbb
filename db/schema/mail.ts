import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, tstz } from './_common';
import { meetings } from './meetings';

export const mailStatus = pgEnum('mail_status', ['queued', 'sent', 'stored', 'failed']);

/**
 * Every message the app sends (the outbox). A row is written in the same transaction as the
 * change that causes it, together with the queue job that sends it: 'queued' until a worker
 * hands it to SMTP ('sent') or, without SMTP settings, writes it to ./data/outbox ('stored');
 * 'failed' only after the last try. A worker claims a row (claim_token, claimed_at) before
 * sending and marks it sent with the same token, so a second worker never sends it again.
 */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: id(),
    /** The Message-ID header, stable over retries: receivers can drop a resent copy. */
    messageId: text('message_id'),
    /** invitation, update, cancellation, ask, released, reminder, milestone, password_reset, sign_in_invitation, notification, subscription, feedback… */
    kind: text('kind').notNull().default('other'),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    /** iCalendar attachment (invitations), if any. */
    icsBody: text('ics_body'),
    icsMethod: text('ics_method'),
    /** RFC 2369/8058 unsubscribe link for reminders and notifications. */
    unsubscribeUrl: text('unsubscribe_url'),
    locale: text('locale'),
    status: mailStatus('status').notNull().default('queued'),
    councilId: uuid('council_id'),
    meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    attempts: integer('attempts').notNull().default(0),
    /** The last sending error (kept after a later success for the record). */
    error: text('error'),
    claimToken: uuid('claim_token'),
    claimedAt: tstz('claimed_at'),
    lastAttemptAt: tstz('last_attempt_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    sentAt: tstz('sent_at'),
  },
  (t) => [
    check('mail_messages_to_format', sql`${t.toAddress} LIKE '%_@_%'`),
    check('mail_messages_attempts', sql`${t.attempts} >= 0`),
    index('mail_messages_created_idx').on(t.createdAt),
    index('mail_messages_meeting_idx').on(t.meetingId, t.status),
    index('mail_messages_status_idx').on(t.status, t.createdAt),
    uniqueIndex('mail_messages_message_id_key').on(t.messageId),
  ],
);

export type MailMessage = typeof mailMessages.$inferSelect;
