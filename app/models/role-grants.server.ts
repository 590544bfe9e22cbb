import { aliasedTable, and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { getDb } from '~db/client.server';
import { councils, memberships, regions, roleGrants, terms, users, type RoleName } from '~db/schema';
import type { ManagedScope } from '~/auth/role-scope';
import { recordAudit, type AuditActor } from './audit.server';

const grantedByUsers = aliasedTable(users, 'granted_by_user');
const grantRegions = aliasedTable(regions, 'grant_region');

/** A user and their live grants, each with the council or region it applies to. Two queries. */
export async function getUserWithGrants(userId: string) {
  const db = getDb();
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      personId: users.personId,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return null;
  const grants = await db
    .select({
      id: roleGrants.id,
      role: roleGrants.role,
      councilId: roleGrants.councilId,
      councilNameFi: councils.nameFi,
      // A council grant's region is its council's region; a region admin grant names its own.
      regionId: sql<string | null>`coalesce(${roleGrants.regionId}, ${councils.regionId})`,
      regionNameFi: sql<string | null>`coalesce(${grantRegions.nameFi}, ${regions.nameFi})`,
      grantedAt: roleGrants.grantedAt,
      grantedBy: grantedByUsers.displayName,
    })
    .from(roleGrants)
    .leftJoin(councils, eq(councils.id, roleGrants.councilId))
    .leftJoin(regions, eq(regions.id, councils.regionId))
    .leftJoin(grantRegions, eq(grantRegions.id, roleGrants.regionId))
    .leftJoin(grantedByUsers, eq(grantedByUsers.id, roleGrants.grantedBy))
    .where(and(eq(roleGrants.userId, userId), isNull(roleGrants.revokedAt)))
    .orderBy(asc(roleGrants.role), asc(councils.nameFi), desc(roleGrants.grantedAt))
    .limit(200);
  return { user, grants };
}
export type UserGrant = NonNullable<Awaited<ReturnType<typeof getUserWithGrants>>>['grants'][number];

/**
 * Is this user someone the scope's managers deal with: a grant (live or revoked, so the page
 * stays reachable after a revocation) in one of the councils or regions, or their person has
 * (or had) a seat in one of those councils? Two small queries.
 */
export async function userInScope(
  user: { id: string; personId: string | null },
  scope: ManagedScope,
): Promise<boolean> {
  if (scope.all) return true;
  if (scope.councilIds.length === 0 && scope.regionIds.length === 0) return false;
  const inCouncils = (column: typeof councils.id) =>
    or(
      scope.councilIds.length > 0 ? inArray(column, scope.councilIds) : undefined,
      scope.regionIds.length > 0 ? inArray(councils.regionId, scope.regionIds) : undefined,
    );
  const db = getDb();
  const [byGrant, bySeat] = await Promise.all([
    db
      .select({ id: roleGrants.id })
      .from(roleGrants)
      .leftJoin(councils, eq(councils.id, roleGrants.councilId))
      .where(
        and(
          eq(roleGrants.userId, user.id),
          or(
            inCouncils(councils.id),
            scope.regionIds.length > 0 ? inArray(roleGrants.regionId, scope.regionIds) : undefined,
          ),
        ),
      )
      .limit(1),
    user.personId
      ? db
          .select({ id: memberships.id })
          .from(memberships)
          .innerJoin(terms, eq(terms.id, memberships.termId))
          .innerJoin(councils, eq(councils.id, terms.councilId))
          .where(and(eq(memberships.personId, user.personId), inCouncils(councils.id)))
          .limit(1)
      : Promise.resolve([]),
  ]);
  return byGrant.length > 0 || bySeat.length > 0;
}

export type GrantInput =
  | { role: 'admin'; councilId?: null; regionId?: null }
  | { role: 'region_admin'; regionId: string; councilId?: null }
  | { role: Exclude<RoleName, 'admin' | 'region_admin'>; councilId: string; regionId?: null };

export type GrantResult = { ok: true; grantId: string } | { ok: false; reason: 'duplicate' | 'no_user' | 'no_scope' };

/**
 * Grant a role, refusing a grant the user already holds. The user's row is locked first, so
 * two admins granting the same role at once cannot both succeed. One transaction with its
 * audit entry.
 */
export async function grantRole(actor: AuditActor, userId: string, input: GrantInput): Promise<GrantResult> {
  const councilId = input.role === 'admin' || input.role === 'region_admin' ? null : input.councilId;
  const regionId = input.role === 'region_admin' ? input.regionId : null;
  return getDb().transaction(async (tx): Promise<GrantResult> => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
    if (!user) return { ok: false, reason: 'no_user' };
    let auditRegion = regionId;
    if (councilId) {
      const [council] = await tx
        .select({ regionId: councils.regionId })
        .from(councils)
        .where(eq(councils.id, councilId));
      if (!council) return { ok: false, reason: 'no_scope' };
      auditRegion = council.regionId;
    } else if (regionId) {
      const [region] = await tx.select({ id: regions.id }).from(regions).where(eq(regions.id, regionId));
      if (!region) return { ok: false, reason: 'no_scope' };
    }
    const [held] = await tx
      .select({ id: roleGrants.id })
      .from(roleGrants)
      .where(
        and(
          eq(roleGrants.userId, userId),
          eq(roleGrants.role, input.role),
          isNull(roleGrants.revokedAt),
          councilId ? eq(roleGrants.councilId, councilId) : isNull(roleGrants.councilId),
          regionId ? eq(roleGrants.regionId, regionId) : isNull(roleGrants.regionId),
        ),
      )
      .limit(1);
    if (held) return { ok: false, reason: 'duplicate' };
    const [row] = await tx
      .insert(roleGrants)
      .values({ userId, role: input.role, councilId, regionId, grantedBy: actor.userId })
      .returning({ id: roleGrants.id });
    await recordAudit(tx, actor, {
      action: 'role.grant',
      entityType: 'role_grant',
      entityId: row!.id,
      councilId,
      regionId: auditRegion,
      changes: { userId, role: input.role },
    });
    return { ok: true, grantId: row!.id };
  });
}

export type RevokeResult = { ok: true } | { ok: false; reason: 'gone' | 'last_admin' };

/**
 * Revoke one grant by its id. A grant already revoked (another admin was quicker) is 'gone';
 * the last installation admin's grant is never revoked. The live admin grants are locked before
 * counting, so two admins revoking each other at once leave one. One transaction with its
 * audit entry. The user's sessions stay: permissions are read afresh on every request.
 */
export async function revokeRole(actor: AuditActor, userId: string, grantId: string): Promise<RevokeResult> {
  return getDb().transaction(async (tx): Promise<RevokeResult> => {
    const target = and(eq(roleGrants.id, grantId), eq(roleGrants.userId, userId), isNull(roleGrants.revokedAt));
    const [peek] = await tx.select({ role: roleGrants.role }).from(roleGrants).where(target);
    if (!peek) return { ok: false, reason: 'gone' };
    // Admin grants: lock the whole live admin set in id order before the grant itself, so two
    // admins revoking at once queue behind each other instead of deadlocking.
    const live =
      peek.role === 'admin'
        ? await tx
            .select({ id: roleGrants.id, userId: roleGrants.userId })
            .from(roleGrants)
            .where(and(eq(roleGrants.role, 'admin'), isNull(roleGrants.revokedAt)))
            .orderBy(asc(roleGrants.id))
            .for('update')
        : [];
    const [grant] = await tx.select().from(roleGrants).where(target).for('update');
    if (!grant) return { ok: false, reason: 'gone' };
    if (grant.role === 'admin') {
      const enabled = new Set(
        (live.length === 0
          ? []
          : await tx
              .select({ id: users.id })
              .from(users)
              .where(and(inArray(users.id, [...new Set(live.map((g) => g.userId))]), isNull(users.disabledAt)))
        ).map((u) => u.id),
      );
      // Another live admin grant of an enabled account must remain.
      if (!live.some((g) => g.id !== grant.id && enabled.has(g.userId))) return { ok: false, reason: 'last_admin' };
    }
    await tx.update(roleGrants).set({ revokedAt: new Date() }).where(eq(roleGrants.id, grant.id));
    let regionId = grant.regionId;
    if (grant.councilId) {
      const [council] = await tx
        .select({ regionId: councils.regionId })
        .from(councils)
        .where(eq(councils.id, grant.councilId));
      regionId = council?.regionId ?? null;
    }
    await recordAudit(tx, actor, {
      action: 'role.revoke',
      entityType: 'role_grant',
      entityId: grant.id,
      councilId: grant.councilId,
      regionId,
      changes: { userId, role: grant.role, grantedAt: grant.grantedAt.toISOString() },
    });
    return { ok: true };
  });
}

/** Regions by id (all of them for installation admins), for the region admin picker. */
export async function listRegionsForPicker(scope: { all: boolean; ids: string[] }) {
  if (!scope.all && scope.ids.length === 0) return [];
  return getDb()
    .select({ id: regions.id, nameFi: regions.nameFi })
    .from(regions)
    .where(scope.all ? undefined : inArray(regions.id, scope.ids))
    .orderBy(asc(regions.nameFi))
    .limit(100);
}
