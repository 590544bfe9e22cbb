import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, tstz } from './_common';
import { councils } from './councils';

export const emailSubscriptionStatus = pgEnum('email_subscription_status', ['pending', 'active']);

/**
 * Anyone's subscription by email to a council's "agenda / minutes published" notices, with
 * double opt-in: 'pending' until the emailed link is followed (before confirm_expires_at),
 * then 'active'. Only a hash of the confirmation token is kept. Unsubscribing deletes the
 * row (the address is personal data: kept no longer than needed, never public, never exported).
 */
export const emailSubscriptions = pgTable(
  'email_subscriptions',
  {
    id: id(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    locale: text('locale').notNull().default('fi'),
    status: emailSubscriptionStatus('status').notNull().default('pending'),
    confirmTokenHash: text('confirm_token_hash'),
    confirmExpiresAt: tstz('confirm_expires_at'),
    confirmedAt: tstz('confirmed_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('email_subscriptions_council_email_key').on(t.councilId, t.email),
    uniqueIndex('email_subscriptions_confirm_token_key').on(t.confirmTokenHash),
    index('email_subscriptions_council_status_idx').on(t.councilId, t.status),
    index('email_subscriptions_pending_idx').on(t.confirmExpiresAt),
    check('email_subscriptions_email_format', sql`${t.email} = lower(${t.email}) AND ${t.email} LIKE '%_@_%'`),
    check('email_subscriptions_locale', sql`${t.locale} IN ('fi','sv','en')`),
  ],
);

/** What a notice is about; a recipient can turn each off separately. */
export type NotificationTopic = 'publications' | 'meeting_reminders' | 'milestone_reminders';

/**
 * An address that asked not to get one kind of notice (from the account's notification
 * settings or a one-click unsubscribe link). Keyed by address because reminders and notices
 * go to addresses (a person's, or an account's), with or without an account.
 */
export const mailOptOuts = pgTable(
  'mail_opt_outs',
  {
    address: text('address').notNull(),
    topic: text('topic').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.address, t.topic] }),
    check('mail_opt_outs_address', sql`${t.address} = lower(${t.address})`),
    check('mail_opt_outs_topic', sql`${t.topic} IN ('publications','meeting_reminders','milestone_reminders')`),
  ],
);

/**
 * The one-click unsubscribe link of one message (RFC 8058): a random token whose hash is kept,
 * pointing either to a public subscription or to an address and topic (members, secretaries).
 */
export const unsubscribeLinks = pgTable(
  'unsubscribe_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    subscriptionId: uuid('subscription_id').references(() => emailSubscriptions.id, { onDelete: 'cascade' }),
    address: text('address'),
    topic: text('topic').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('unsubscribe_links_created_idx').on(t.createdAt),
    index('unsubscribe_links_subscription_idx').on(t.subscriptionId),
    check('unsubscribe_links_target', sql`(${t.subscriptionId} IS NULL) <> (${t.address} IS NULL)`),
    check('unsubscribe_links_topic', sql`${t.topic} IN ('publications','meeting_reminders','milestone_reminders')`),
  ],
);
