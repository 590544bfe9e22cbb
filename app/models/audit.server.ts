import { and, desc, eq, gte, inArray, lt, or, type SQL } from 'drizzle-orm';
import { getDb, type Executor } from '~db/client.server';
import { auditLog } from '~db/schema';

export interface AuditActor {
  userId: string | null;
  label: string | null;
  ip: string | null;
}

export interface AuditEntryInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  councilId?: string | null;
  regionId?: string | null;
  changes?: Record<string, unknown> | null;
}

/** Append an audit entry; call it inside the same transaction as the write it describes. */
export async function recordAudit(db: Executor, actor: AuditActor, entry: AuditEntryInput): Promise<void> {
  await db.insert(auditLog).values({
    actorUserId: actor.userId,
    actorLabel: actor.label,
    ip: actor.ip,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    councilId: entry.councilId ?? null,
    regionId: entry.regionId ?? null,
    changes: entry.changes ?? null,
  });
}

const normalise = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

/** { field: [before, after] } for the fields that changed. */
export function diffChanges<T extends object>(before: T, after: Partial<T>): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after) as Array<keyof T>) {
    if (key === 'updatedAt' || key === 'lockVersion') continue;
    const a = normalise(before[key]);
    const b = normalise(after[key]);
    if (JSON.stringify(a) !== JSON.stringify(b)) out[String(key)] = [a ?? null, b ?? null];
  }
  return out;
}

export interface AuditFilter {
  /** Null: everything (installation admin). */
  councilIds: string[] | null;
  regionIds?: string[];
  action?: string;
  entityType?: string;
  actorUserId?: string;
  from?: Date;
  to?: Date;
  beforeId?: number;
  limit?: number;
}

/** Browse the log within the caller's scope, newest first, keyset-paginated. */
export async function listAudit(filter: AuditFilter) {
  const conditions: Array<SQL | undefined> = [];
  if (filter.councilIds !== null) {
    const scopes: Array<SQL | undefined> = [];
    if (filter.councilIds.length > 0) scopes.push(inArray(auditLog.councilId, filter.councilIds));
    if (filter.regionIds && filter.regionIds.length > 0) scopes.push(inArray(auditLog.regionId, filter.regionIds));
    if (scopes.length === 0) return [];
    conditions.push(or(...scopes));
  }
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.entityType) conditions.push(eq(auditLog.entityType, filter.entityType));
  if (filter.actorUserId) conditions.push(eq(auditLog.actorUserId, filter.actorUserId));
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to) conditions.push(lt(auditLog.at, filter.to));
  if (filter.beforeId) conditions.push(lt(auditLog.id, filter.beforeId));
  return getDb()
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(Math.min(filter.limit ?? 50, 200));
}
