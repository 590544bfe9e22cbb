/**
 * Two-factor sign-in (TOTP, RFC 6238) with single-use recovery codes. Secrets are stored as
 * is (see db/schema/totp.ts); recovery codes and pending sign-in tokens only as sha256.
 */
import { createHash, randomBytes } from 'node:crypto';
import { generateTOTP, getTOTPAuthUri, verifyTOTP } from '@epic-web/totp';
import { and, count, eq, isNull, lt, or, gt, isNotNull } from 'drizzle-orm';
import { getDb, type Executor } from '~db/client.server';
import { totpChallenges, totpRecoveryCodes, userTotp, users } from '~db/schema';
import { verifyPassword } from '~/auth/password.server';
import { recordAudit, type AuditActor } from './audit.server';
import { LIMITS, rateLimitExceeded, recordRateLimitEvent } from './rate-limit.server';

export const TOTP = { period: 30, digits: 6, algorithm: 'SHA-1', charSet: '0123456789' } as const;
export const RECOVERY_CODE_COUNT = 10;
export const CHALLENGE_MINUTES = 10;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Recovery codes as typed: case, spaces and hyphens do not matter. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export interface TotpStatus {
  enabled: boolean;
  /** Base32 secret while enrolment is pending (never shown once enabled). */
  pendingSecret: string | null;
  recoveryCodesLeft: number;
}

export async function getTotpStatus(userId: string): Promise<TotpStatus> {
  const db = getDb();
  const [row] = await db.select().from(userTotp).where(eq(userTotp.userId, userId)).limit(1);
  if (!row) return { enabled: false, pendingSecret: null, recoveryCodesLeft: 0 };
  const [left] = await db
    .select({ n: count() })
    .from(totpRecoveryCodes)
    .where(and(eq(totpRecoveryCodes.userId, userId), isNull(totpRecoveryCodes.usedAt)));
  return { enabled: !!row.enabledAt, pendingSecret: row.enabledAt ? null : row.secret, recoveryCodesLeft: left?.n ?? 0 };
}

export async function hasTotpEnabled(userId: string): Promise<boolean> {
  const [row] = await getDb()
    .select({ userId: userTotp.userId })
    .from(userTotp)
    .where(and(eq(userTotp.userId, userId), isNotNull(userTotp.enabledAt)))
    .limit(1);
  return !!row;
}

/** Start (or restart) enrolment with a fresh secret. Refused when TOTP is already on. */
export async function startEnrolment(userId: string): Promise<string | null> {
  const { secret } = await generateTOTP(TOTP);
  const db = getDb();
  const [row] = await db
    .insert(userTotp)
    .values({ userId, secret })
    .onConflictDoUpdate({ target: userTotp.userId, set: { secret, lastUsedStep: null, createdAt: new Date() }, where: isNull(userTotp.enabledAt) })
    .returning();
  return row ? secret : null;
}

export function totpAuthUri(secret: string, accountName: string, issuer = 'Neuvos'): string {
  return getTOTPAuthUri({ ...TOTP, secret, accountName, issuer });
}

/** The time step a code belongs to, or null when it is wrong or was already used. */
async function matchingStep(secret: string, lastUsedStep: number | null, code: string): Promise<number | null> {
  const otp = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(otp)) return null;
  const result = await verifyTOTP({ ...TOTP, otp, secret, window: 1 });
  if (!result) return null;
  const step = Math.floor(Date.now() / 1000 / TOTP.period) + result.delta;
  if (lastUsedStep !== null && step <= lastUsedStep) return null;
  return step;
}

/** Check a current code for a user and mark its time step used (so it cannot be replayed). */
async function consumeCode(tx: Executor, userId: string, code: string, requireEnabled: boolean): Promise<boolean> {
  const [row] = await tx.select().from(userTotp).where(eq(userTotp.userId, userId)).limit(1).for('update');
  if (!row || (requireEnabled ? !row.enabledAt : !!row.enabledAt)) return false;
  const step = await matchingStep(row.secret, row.lastUsedStep, code);
  if (step === null) return false;
  await tx.update(userTotp).set({ lastUsedStep: step }).where(eq(userTotp.userId, userId));
  return true;
}

async function replaceRecoveryCodes(tx: Executor, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, userId));
  await tx.insert(totpRecoveryCodes).values(codes.map((c) => ({ userId, codeHash: sha256(normaliseRecoveryCode(c)) })));
  return codes;
}

export type TotpWrite = { ok: true; recoveryCodes?: string[] } | { ok: false; reason: 'invalid_code' | 'rate_limited' };

/** Only wrong codes count towards the limit, so the owner is not locked out by their own successes. */
const limited = (userId: string) => rateLimitExceeded('totp:user', userId, LIMITS.totpPerUser);
async function counted<T extends TotpWrite | ChallengeResult>(userId: string, result: T): Promise<T> {
  if (!result.ok && result.reason === 'invalid_code') await recordRateLimitEvent('totp:user', userId);
  return result;
}

/** Confirm enrolment with a first code; returns the recovery codes, shown once. */
export async function confirmEnrolment(userId: string, code: string, actor: AuditActor): Promise<TotpWrite> {
  if (await limited(userId)) return { ok: false, reason: 'rate_limited' };
  const result: TotpWrite = await getDb().transaction(async (tx) => {
    if (!(await consumeCode(tx, userId, code, false))) return { ok: false, reason: 'invalid_code' } as const;
    await tx.update(userTotp).set({ enabledAt: new Date() }).where(eq(userTotp.userId, userId));
    const recoveryCodes = await replaceRecoveryCodes(tx, userId);
    await recordAudit(tx, actor, { action: 'auth.totp.enable', entityType: 'user', entityId: userId });
    return { ok: true, recoveryCodes } as const;
  });
  return counted(userId, result);
}

/** New recovery codes (the old ones stop working); needs a current code. */
export async function regenerateRecoveryCodes(userId: string, code: string, actor: AuditActor): Promise<TotpWrite> {
  if (await limited(userId)) return { ok: false, reason: 'rate_limited' };
  const result: TotpWrite = await getDb().transaction(async (tx) => {
    if (!(await consumeCode(tx, userId, code, true))) return { ok: false, reason: 'invalid_code' } as const;
    const recoveryCodes = await replaceRecoveryCodes(tx, userId);
    await recordAudit(tx, actor, { action: 'auth.totp.regenerate_recovery', entityType: 'user', entityId: userId });
    return { ok: true, recoveryCodes } as const;
  });
  return counted(userId, result);
}

/** Turn two-factor sign-in off: proven by a current code, or by the password (checked by the caller). */
export async function disableTotp(userId: string, proof: { code: string } | { passwordChecked: true }, actor: AuditActor): Promise<TotpWrite> {
  if ('code' in proof && (await limited(userId))) return { ok: false, reason: 'rate_limited' };
  const result: TotpWrite = await getDb().transaction(async (tx) => {
    if ('code' in proof && !(await consumeCode(tx, userId, proof.code, true))) return { ok: false, reason: 'invalid_code' } as const;
    const gone = await tx.delete(userTotp).where(eq(userTotp.userId, userId)).returning({ userId: userTotp.userId });
    if (gone.length === 0) return { ok: false, reason: 'invalid_code' } as const;
    await tx.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, userId));
    await tx.delete(totpChallenges).where(eq(totpChallenges.userId, userId));
    await recordAudit(tx, actor, { action: 'auth.totp.disable', entityType: 'user', entityId: userId });
    return { ok: true } as const;
  });
  return counted(userId, result);
}

/** After a correct password: a pending sign-in; returns the raw token for the cookie. */
export async function createChallenge(userId: string, redirectTo: string, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const db = getDb();
  await db.delete(totpChallenges).where(or(eq(totpChallenges.userId, userId), lt(totpChallenges.expiresAt, now)));
  await db.insert(totpChallenges).values({
    tokenHash: sha256(token),
    userId,
    redirectTo: redirectTo.startsWith('/') ? redirectTo : '/account',
    expiresAt: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000),
  });
  return token;
}

export async function findChallenge(token: string | null, now = new Date()) {
  if (!token) return null;
  const [row] = await getDb()
    .select()
    .from(totpChallenges)
    .where(and(eq(totpChallenges.tokenHash, sha256(token)), gt(totpChallenges.expiresAt, now)))
    .limit(1);
  return row ?? null;
}

export type ChallengeResult =
  | { ok: true; userId: string; redirectTo: string; usedRecoveryCode: boolean }
  | { ok: false; reason: 'expired' | 'invalid_code' | 'rate_limited' };

/**
 * The second step: a current 6-digit code or an unused recovery code completes the sign-in
 * (the challenge is deleted); attempts are limited per user.
 */
export async function completeChallenge(token: string | null, code: string, actor: Omit<AuditActor, 'userId'>): Promise<ChallengeResult> {
  const challenge = await findChallenge(token);
  if (!challenge) return { ok: false, reason: 'expired' };
  const userId = challenge.userId;
  if (await limited(userId)) return { ok: false, reason: 'rate_limited' };
  const result: ChallengeResult = await getDb().transaction(async (tx) => {
    let usedRecoveryCode = false;
    if (!(await consumeCode(tx, userId, code, true))) {
      const normalised = normaliseRecoveryCode(code);
      if (normalised.length !== 10) return { ok: false, reason: 'invalid_code' } as const;
      const used = await tx
        .update(totpRecoveryCodes)
        .set({ usedAt: new Date() })
        .where(and(eq(totpRecoveryCodes.userId, userId), eq(totpRecoveryCodes.codeHash, sha256(normalised)), isNull(totpRecoveryCodes.usedAt)))
        .returning({ id: totpRecoveryCodes.id });
      if (used.length === 0) return { ok: false, reason: 'invalid_code' } as const;
      usedRecoveryCode = true;
    }
    const gone = await tx.delete(totpChallenges).where(eq(totpChallenges.tokenHash, challenge.tokenHash)).returning({ userId: totpChallenges.userId });
    if (gone.length === 0) return { ok: false, reason: 'expired' } as const;
    const who = { ...actor, userId };
    if (usedRecoveryCode) await recordAudit(tx, who, { action: 'auth.totp.recovery_used', entityType: 'user', entityId: userId });
    await recordAudit(tx, who, { action: 'auth.login', entityType: 'user', entityId: userId, changes: { secondFactor: usedRecoveryCode ? 'recovery_code' : 'totp' } });
    return { ok: true, userId, redirectTo: challenge.redirectTo, usedRecoveryCode } as const;
  });
  return counted(userId, result);
}

/** Is this the user's current password? (For turning two-factor sign-in off without a code.) */
export async function passwordMatches(userId: string, password: string): Promise<boolean> {
  const [user] = await getDb().select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  return verifyPassword(user?.hash ?? null, password);
}
