import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { id, lockVersion, tstz } from './_common';
import { users } from './auth';
import { mailMessages } from './mail';
import { people } from './people';
import { agendaItems, minutesVersions } from './records';

/**
 * The distribution list (tiedoksi / för kännedom) of one agenda item: who receives its extract
 * from the minutes. Contact details: never public.
 */
export const extractRecipients = pgTable(
  'extract_recipients',
  {
    id: id(),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    unique('extract_recipients_item_email_unique').on(t.agendaItemId, t.email),
    check('extract_recipients_name_not_blank', sql`btrim(${t.name}) <> '' AND char_length(${t.name}) <= 200`),
    check(
      'extract_recipients_email_format',
      sql`${t.email} ~ '^[^@[:space:]]+@[^@[:space:]]+$' AND char_length(${t.email}) <= 254`,
    ),
    index('extract_recipients_item_idx').on(t.agendaItemId),
  ],
);

/** One extract sent to one recipient: who sent which version's extract, when, to whom. */
export const extractSendings = pgTable(
  'extract_sendings',
  {
    id: id(),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    versionId: uuid('version_id')
      .notNull()
      .references(() => minutesVersions.id),
    sentBy: uuid('sent_by').references(() => users.id),
    sentAt: tstz('sent_at').notNull().defaultNow(),
    recipientName: text('recipient_name').notNull(),
    recipientEmail: text('recipient_email').notNull(),
    mailMessageId: uuid('mail_message_id').references(() => mailMessages.id, { onDelete: 'set null' }),
  },
  (t) => [index('extract_sendings_item_idx').on(t.agendaItemId, t.sentAt)],
);

export const conflictStatus = pgEnum('conflict_status', ['declared', 'confirmed', 'rejected']);

/**
 * A member's own declaration of a conflict of interest (esteellisyys) on an agenda item, made
 * before the meeting; the secretary confirms it (a recusal in the minutes) or rejects it.
 */
export const conflictDeclarations = pgTable(
  'conflict_declarations',
  {
    id: id(),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    reason: text('reason'),
    declaredBy: uuid('declared_by').references(() => users.id),
    declaredAt: tstz('declared_at').notNull().defaultNow(),
    status: conflictStatus('status').notNull().default('declared'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: tstz('decided_at'),
    decisionNote: text('decision_note'),
    lockVersion: lockVersion(),
  },
  (t) => [
    unique('conflict_declarations_item_person_unique').on(t.agendaItemId, t.personId),
    check('conflict_declarations_reason_length', sql`${t.reason} IS NULL OR char_length(${t.reason}) <= 2000`),
    check(
      'conflict_declarations_note_length',
      sql`${t.decisionNote} IS NULL OR char_length(${t.decisionNote}) <= 2000`,
    ),
    check('conflict_declarations_decided', sql`(${t.status} = 'declared') = (${t.decidedAt} IS NULL)`),
  ],
);

export type ConflictDeclaration = typeof conflictDeclarations.$inferSelect;
