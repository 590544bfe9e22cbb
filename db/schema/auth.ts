import { relations, sql } from 'drizzle-orm';
import { type AnyPgColumn, check, index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, tstz } from './_common';
import { councils } from './councils';
import { people } from './people';
import { regions } from './regions';

/** A sign-in account. Linked to a person when the user sits in a council. */
export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull().unique(),
    displayName: text('display_name').notNull(),
    /** argon2id hash; null until the invitation has been accepted. */
    passwordHash: text('password_hash'),
    personId: uuid('person_id')
      .unique()
      .references(() => people.id),
    locale: text('locale').notNull().default('fi'),
    disabledAt: tstz('disabled_at'),
    lastLoginAt: tstz('last_login_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('users_email_lowercase', sql`${t.email} = lower(${t.email}) AND ${t.email} LIKE '%_@_%'`),
    check('users_locale', sql`${t.locale} IN ('fi','sv','en')`),
  ],
);

/** Server-side sessions (lucia v3 layout plus idle/absolute expiry bookkeeping). */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Idle expiry: pushed forward while the session is used. */
    expiresAt: tstz('expires_at').notNull(),
    /** Absolute lifetime: never extended. */
    absoluteExpiresAt: tstz('absolute_expires_at').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
    lastSeenAt: tstz('last_seen_at').notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const roleName = pgEnum('role_name', [
  'admin',
  'region_admin',
  'secretary',
  'chair',
  'vice_chair',
  'member',
  'deputy',
]);

/**
 * Explicitly granted roles. Council roles are otherwise derived from current memberships;
 * a grant covers what memberships cannot say (e.g. a secretary who is not on the roster).
 */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: roleName('role').notNull(),
    regionId: uuid('region_id').references(() => regions.id),
    councilId: uuid('council_id').references(() => councils.id),
    grantedBy: uuid('granted_by').references((): AnyPgColumn => users.id),
    grantedAt: tstz('granted_at').notNull().defaultNow(),
    revokedAt: tstz('revoked_at'),
  },
  (t) => [
    check(
      'role_grants_scope',
      sql`(${t.role} = 'admin' AND ${t.regionId} IS NULL AND ${t.councilId} IS NULL)
       OR (${t.role} = 'region_admin' AND ${t.regionId} IS NOT NULL AND ${t.councilId} IS NULL)
       OR (${t.role} NOT IN ('admin','region_admin') AND ${t.councilId} IS NOT NULL AND ${t.regionId} IS NULL)`,
    ),
    index('role_grants_user_idx').on(t.userId),
    index('role_grants_council_idx').on(t.councilId),
  ],
);

export const tokenPurpose = pgEnum('token_purpose', ['invitation', 'password_reset']);

/** Single-use links sent by email; only the SHA-256 of the token is stored. */
export const authTokens = pgTable(
  'auth_tokens',
  {
    id: id(),
    tokenHash: text('token_hash').notNull().unique(),
    purpose: tokenPurpose('purpose').notNull(),
    email: text('email').notNull(),
    userId: uuid('user_id').references(() => users.id),
    /** For invitations: the council whose secretary invited, and the role to grant. */
    councilId: uuid('council_id').references(() => councils.id),
    grantRole: roleName('grant_role'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    expiresAt: tstz('expires_at').notNull(),
    usedAt: tstz('used_at'),
  },
  (t) => [
    check('auth_tokens_expiry_after_creation', sql`${t.expiresAt} > ${t.createdAt}`),
    index('auth_tokens_email_idx').on(t.email),
  ],
);

/** Sign-in and reset attempts, kept in the database so limits hold across app instances. */
export const rateLimitEvents = pgTable(
  'rate_limit_events',
  {
    id: id(),
    bucket: text('bucket').notNull(),
    key: text('key').notNull(),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [index('rate_limit_events_lookup_idx').on(t.bucket, t.key, t.at)],
);

/** Secret personal calendar-feed URLs; only the hash is stored, revocable. */
export const calendarFeedTokens = pgTable(
  'calendar_feed_tokens',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: tstz('created_at').notNull().defaultNow(),
    revokedAt: tstz('revoked_at'),
  },
  (t) => [index('calendar_feed_tokens_user_idx').on(t.userId)],
);

export const usersRelations = relations(users, ({ one, many }) => ({
  person: one(people, { fields: [users.personId], references: [people.id] }),
  sessions: many(sessions),
  roleGrants: many(roleGrants),
}));

export const sessionsRelations = relations(sessions, ({ one }) => ({
  user: one(users, { fields: [sessions.userId], references: [users.id] }),
}));

export const roleGrantsRelations = relations(roleGrants, ({ one }) => ({
  user: one(users, { fields: [roleGrants.userId], references: [users.id] }),
  council: one(councils, { fields: [roleGrants.councilId], references: [councils.id] }),
  region: one(regions, { fields: [roleGrants.regionId], references: [regions.id] }),
}));

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type RoleGrant = typeof roleGrants.$inferSelect;
export type RoleName = (typeof roleName.enumValues)[number];
