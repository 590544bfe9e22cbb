import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { getDb } from '~db/client.server';
import { authTokens, councils, people, roleGrants, sessions, users, type RoleName } from '~db/schema';
import { endAllSessions, endSession } from '~/auth/lucia.server';
import { hashPassword, verifyPassword } from '~/auth/password.server';
import { recordAudit, type AuditActor } from './audit.server';
import { hitRateLimit, LIMITS } from './rate-limit.server';
import { notifyOwnerOfLimit, recordSignInFailure, recordSignInSuccess, signInGate } from './sign-in-limits.server';

export const INVITATION_DAYS = 7;
export const RESET_HOURS = 24;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export type LoginResult =
  | { ok: true; user: typeof users.$inferSelect }
  | { ok: false; reason: 'invalid' | 'rate_limited' };

/**
 * Check credentials. Unknown email, wrong password and disabled account all give the same
 * answer after the same argon2 work. Only failures count toward the limits (per account and
 * address together, per account, per address: sign-in-limits.server.ts); the owner is emailed
 * when their account's limit trips.
 */
export async function authenticate(emailInput: string, password: string, ip: string | null): Promise<LoginResult> {
  const email = normaliseEmail(emailInput);
  const address = ip ?? 'unknown';
  const gate = await signInGate(email, address);
  const [user] = await getDb().select().from(users).where(eq(users.email, email)).limit(1);
  const valid = await verifyPassword(user?.passwordHash ?? null, password);
  if (!gate.allowed) return { ok: false, reason: 'rate_limited' };
  if (!user || !valid || user.disabledAt) {
    const tripped = await recordSignInFailure(email, address);
    if (tripped && user && !user.disabledAt) {
      await notifyOwnerOfLimit(user, tripped, address);
      await recordAudit(getDb(), { userId: null, label: email, ip }, { action: 'auth.limit_tripped', entityType: 'user', entityId: user.id, changes: { by: tripped } });
    }
    return { ok: false, reason: 'invalid' };
  }
  await recordSignInSuccess(email, address);
  await getDb().update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
  return { ok: true, user };
}

export type TokenCheck =
  | { status: 'valid'; token: typeof authTokens.$inferSelect }
  | { status: 'expired' | 'used' | 'unknown'; email: string | null };

/** Look a single-use link up by its token; the raw token is never stored. */
export async function checkToken(raw: string, purpose: 'invitation' | 'password_reset', now = new Date()): Promise<TokenCheck> {
  const [token] = await getDb()
    .select()
    .from(authTokens)
    .where(and(eq(authTokens.tokenHash, sha256(raw)), eq(authTokens.purpose, purpose)))
    .limit(1);
  if (!token) return { status: 'unknown', email: null };
  if (token.usedAt) return { status: 'used', email: token.email };
  if (token.expiresAt <= now) return { status: 'expired', email: token.email };
  return { status: 'valid', token };
}

/** Create an invitation link for an email, optionally granting a council role on acceptance. */
export async function createInvitation(input: {
  email: string;
  councilId?: string | null;
  grantRole?: RoleName | null;
  actor: AuditActor;
}): Promise<{ token: string; expiresAt: Date }> {
  const email = normaliseEmail(input.email);
  const token = newToken();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(authTokens)
      .values({
        tokenHash: sha256(token),
        purpose: 'invitation',
        email,
        councilId: input.councilId ?? null,
        grantRole: input.grantRole ?? null,
        createdBy: input.actor.userId,
        expiresAt,
      })
      .returning({ id: authTokens.id });
    let regionId: string | null = null;
    if (input.councilId) {
      const [c] = await tx.select({ regionId: councils.regionId }).from(councils).where(eq(councils.id, input.councilId));
      regionId = c?.regionId ?? null;
    }
    await recordAudit(tx, input.actor, {
      action: 'user.invite',
      entityType: 'auth_token',
      entityId: row!.id,
      councilId: input.councilId ?? null,
      regionId,
      changes: { email, grantRole: input.grantRole ?? null },
    });
  });
  return { token, expiresAt };
}

/**
 * Accept an invitation: create (or complete) the account, set its password, grant the
 * invited role, link the person with the same email, and use up the token. One transaction.
 */
export async function acceptInvitation(raw: string, input: { displayName: string; password: string; ip: string | null }) {
  const check = await checkToken(raw, 'invitation');
  if (check.status !== 'valid') return check;
  const passwordHash = await hashPassword(input.password);
  const { token } = check;
  const userId = await getDb().transaction(async (tx) => {
    const used = await tx
      .update(authTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(authTokens.id, token.id), isNull(authTokens.usedAt)))
      .returning({ id: authTokens.id });
    if (used.length === 0) return null; // a concurrent acceptance won
    const matches = await tx.select({ id: people.id }).from(people).where(eq(people.email, token.email)).limit(2);
    const [existing] = await tx.select().from(users).where(eq(users.email, token.email)).limit(1);
    let id: string;
    if (existing) {
      await tx.update(users).set({ passwordHash, displayName: input.displayName, updatedAt: new Date() }).where(eq(users.id, existing.id));
      id = existing.id;
    } else {
      const personId = matches.length === 1 ? matches[0]!.id : null;
      const taken = personId ? await tx.select({ id: users.id }).from(users).where(eq(users.personId, personId)).limit(1) : [];
      const [created] = await tx
        .insert(users)
        .values({ email: token.email, displayName: input.displayName, passwordHash, personId: taken.length ? null : personId })
        .returning({ id: users.id });
      id = created!.id;
    }
    if (token.grantRole && token.councilId) {
      // An account invited again to a role it already holds keeps one grant.
      const [held] = await tx
        .select({ id: roleGrants.id })
        .from(roleGrants)
        .where(and(eq(roleGrants.userId, id), eq(roleGrants.role, token.grantRole), eq(roleGrants.councilId, token.councilId), isNull(roleGrants.revokedAt)))
        .limit(1);
      if (!held) await tx.insert(roleGrants).values({ userId: id, role: token.grantRole, councilId: token.councilId, grantedBy: token.createdBy });
    }
    await recordAudit(tx, { userId: id, label: token.email, ip: input.ip }, {
      action: 'user.accept_invitation',
      entityType: 'user',
      entityId: id,
      councilId: token.councilId,
    });
    return id;
  });
  if (!userId) return { status: 'used' as const, email: token.email };
  return { status: 'accepted' as const, userId };
}

/** Create a reset link if the account exists; the caller answers the same either way. */
export async function requestPasswordReset(emailInput: string, ip: string | null): Promise<{ token: string; email: string } | null> {
  const email = normaliseEmail(emailInput);
  const [perAccount, perIp] = await Promise.all([
    hitRateLimit('reset:account', email, LIMITS.resetPerAccount),
    hitRateLimit('reset:ip', ip ?? 'unknown', LIMITS.resetPerIp),
  ]);
  if (!perAccount || !perIp) return null;
  const [user] = await getDb().select().from(users).where(eq(users.email, email)).limit(1);
  if (!user || user.disabledAt) return null;
  const token = newToken();
  await getDb().transaction(async (tx) => {
    await tx.insert(authTokens).values({
      tokenHash: sha256(token),
      purpose: 'password_reset',
      email,
      userId: user.id,
      expiresAt: new Date(Date.now() + RESET_HOURS * 3_600_000),
    });
    await recordAudit(tx, { userId: null, label: email, ip }, { action: 'user.request_reset', entityType: 'user', entityId: user.id });
  });
  return { token, email };
}

/** Set a new password from a reset link; every other session of the account ends. */
export async function resetPassword(raw: string, password: string, ip: string | null) {
  const check = await checkToken(raw, 'password_reset');
  if (check.status !== 'valid' || !check.token.userId) return check.status === 'valid' ? { status: 'unknown' as const, email: null } : check;
  const passwordHash = await hashPassword(password);
  const { token } = check;
  const userId = token.userId!;
  const ok = await getDb().transaction(async (tx) => {
    const used = await tx
      .update(authTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(authTokens.id, token.id), isNull(authTokens.usedAt)))
      .returning({ id: authTokens.id });
    if (used.length === 0) return false;
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId));
    await recordAudit(tx, { userId, label: token.email, ip }, { action: 'user.reset_password', entityType: 'user', entityId: userId });
    return true;
  });
  if (!ok) return { status: 'used' as const, email: token.email };
  await endAllSessions(userId);
  return { status: 'reset' as const, userId };
}

/** Disable an account and end all its sessions. */
export async function setUserDisabled(userId: string, disabled: boolean, actor: AuditActor) {
  await getDb().transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, userId));
    if (!before) throw new Response('Not found', { status: 404 });
    await tx.update(users).set({ disabledAt: disabled ? new Date() : null, updatedAt: new Date() }).where(eq(users.id, userId));
    await recordAudit(tx, actor, {
      action: disabled ? 'user.disable' : 'user.enable',
      entityType: 'user',
      entityId: userId,
      changes: { disabledAt: [before.disabledAt?.toISOString() ?? null, disabled ? 'now' : null] },
    });
  });
  if (disabled) await endAllSessions(userId);
}

/** The user's live sessions, newest first. */
export async function listSessions(userId: string) {
  return getDb()
    .select({ id: sessions.id, createdAt: sessions.createdAt, expiresAt: sessions.expiresAt, ip: sessions.ip, userAgent: sessions.userAgent })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, new Date())))
    .orderBy(desc(sessions.createdAt));
}

/** A session's public reference: session ids are bearer secrets and never leave the server. */
export function sessionRef(sessionId: string): string {
  return sha256(sessionId).slice(0, 32);
}

/** End one of the user's own sessions by its reference; returns the ended id, or null. */
export async function endOwnSession(userId: string, ref: string, actor: AuditActor): Promise<string | null> {
  const rows = await getDb().select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId));
  const row = rows.find((r) => sessionRef(r.id) === ref);
  if (!row) return null;
  await endSession(row.id);
  await recordAudit(getDb(), actor, { action: 'session.end', entityType: 'session', entityId: ref });
  return row.id;
}

/**
 * Users with their grants, for the admin page (a page at a time). With regionIds (a region
 * admin's list): only users with a live grant in those regions or their councils, or whose
 * person has a seat in one of those councils.
 */
export async function listUsers(opts: { limit?: number; offset?: number; regionIds?: string[] } = {}) {
  const regionList = opts.regionIds ? sql.join(opts.regionIds.map((id) => sql`${id}`), sql`, `) : null;
  if (opts.regionIds && opts.regionIds.length === 0) return [];
  const inRegions = regionList
    ? sql`(exists (
        select 1 from role_grants g left join councils c on c.id = g.council_id
        where g.user_id = "users"."id" and g.revoked_at is null and (g.region_id in (${regionList}) or c.region_id in (${regionList})))
      or exists (
        select 1 from memberships m join terms tm on tm.id = m.term_id join councils c on c.id = tm.council_id
        where m.person_id = "users"."person_id" and c.region_id in (${regionList})))`
    : undefined;
  const rows = await getDb()
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      disabledAt: users.disabledAt,
      lastLoginAt: users.lastLoginAt,
      // Each live grant with the council or region it applies to (names only), as JSON. The outer id
      // is written qualified: drizzle renders a one-table select's columns bare, and a bare "id"
      // inside the subquery would mean the grant's own id (which left this column always empty).
      grants: sql<Array<{ role: string; council: string | null; region: string | null }>>`coalesce((
        select json_agg(json_build_object('role', g.role::text, 'council', c.name_fi, 'region', coalesce(r.name_fi, cr.name_fi)) order by g.role, c.name_fi)
        from role_grants g
        left join councils c on c.id = g.council_id
        left join regions cr on cr.id = c.region_id
        left join regions r on r.id = g.region_id
        where g.user_id = "users"."id" and g.revoked_at is null), '[]'::json)`,
    })
    .from(users)
    .where(inRegions)
    .orderBy(users.email)
    .limit(opts.limit ?? 100)
    .offset(opts.offset ?? 0);
  return rows;
}
