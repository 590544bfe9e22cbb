import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, tstz } from './_common';
import { users } from './auth';

/**
 * A user's TOTP authenticator (RFC 6238, SHA-1, 6 digits, 30 s). The base32 secret is stored as
 * is: anyone who can read this table can already read sessions. enabledAt is null while the
 * user is still confirming the first code. lastUsedStep stops a code being replayed.
 */
export const userTotp = pgTable('user_totp', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secret: text('secret').notNull(),
  enabledAt: tstz('enabled_at'),
  lastUsedStep: integer('last_used_step'),
  createdAt: tstz('created_at').notNull().defaultNow(),
});

/** Single-use recovery codes; only the sha256 of each code is kept. */
export const totpRecoveryCodes = pgTable(
  'totp_recovery_codes',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: tstz('used_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('totp_recovery_codes_user_hash').on(t.userId, t.codeHash)],
);

/**
 * A sign-in waiting for its second step: the password was right, the code is still to come.
 * The browser holds the raw token in a short-lived cookie; only its sha256 is stored here.
 */
export const totpChallenges = pgTable(
  'totp_challenges',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    redirectTo: text('redirect_to').notNull().default('/account'),
    expiresAt: tstz('expires_at').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('totp_challenges_user').on(t.userId), check('totp_challenges_redirect_local', sql`${t.redirectTo} LIKE '/%'`)],
);
