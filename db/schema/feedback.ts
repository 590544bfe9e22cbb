import { sql } from 'drizzle-orm';
import { check, pgTable, text } from 'drizzle-orm/pg-core';
import { id, tstz } from './_common';

/** Accessibility and other feedback from the public; read by admins. */
export const feedbackMessages = pgTable(
  'feedback_messages',
  {
    id: id(),
    name: text('name'),
    /** Optional reply address; contact details, admin-only. */
    email: text('email'),
    pageUrl: text('page_url'),
    message: text('message').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
    handledAt: tstz('handled_at'),
  },
  (t) => [check('feedback_messages_length', sql`length(${t.message}) BETWEEN 1 AND 5000`)],
);
