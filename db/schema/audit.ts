import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { tstz } from './_common';

/**
 * Append-only audit trail of every write. A trigger (migration 0001) refuses UPDATE and
 * DELETE, so not even a bug in the app can rewrite history. No foreign keys on purpose:
 * the entry must outlive whatever it describes.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: tstz('at').notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label'),
    ip: text('ip'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    councilId: uuid('council_id'),
    regionId: uuid('region_id'),
    /** { field: [before, after] } for changed fields, or a snapshot for creations. */
    changes: jsonb('changes').$type<Record<string, unknown>>(),
  },
  (t) => [
    check('audit_log_action_format', sql`${t.action} ~ '^[a-z_]+(\\.[a-z_]+)*$'`),
    index('audit_log_at_idx').on(t.at),
    index('audit_log_council_idx').on(t.councilId, t.at),
    index('audit_log_region_idx').on(t.regionId, t.at),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
  ],
);

export type AuditEntry = typeof auditLog.$inferSelect;
