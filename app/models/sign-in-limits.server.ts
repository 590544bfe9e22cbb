import { and, count, eq, gte, inArray, lt } from 'drizzle-orm';
import { getDb } from '~db/client.server';
import { rateLimitEvents } from '~db/schema';
import i18nServer from '~/i18n.server';
import { isLocale } from '~/lib/i18n';
import { sendMail } from '~/lib/mail.server';

/**
 * Sign-in limits that stop guessing without handing attackers a lock-out button
 * (docs/decisions/sec-sign-in-limits.md). Only failures count; a success never does.
 *
 * - account + address: 5 failures in 15 minutes block that address for that account;
 * - account (slower, global): 50 failures in an hour from anywhere block the account, except
 *   from addresses where it has signed in successfully within 90 days;
 * - address: 200 failures in 15 minutes (across accounts) block the address, with the same
 *   exception, so an office behind one NAT keeps signing in.
 * The owner is emailed when an account's limit trips (at most once an hour).
 */
export const SIGN_IN_LIMITS = {
  pair: { max: 5, windowSeconds: 15 * 60 },
  account: { max: 50, windowSeconds: 60 * 60 },
  address: { max: 200, windowSeconds: 15 * 60 },
  knownAddressDays: 90,
  notifyEverySeconds: 60 * 60,
} as const;

const FAIL_PAIR = 'login:fail:pair';
const FAIL_ACCOUNT = 'login:fail:account';
const FAIL_ADDRESS = 'login:fail:ip';
const KNOWN = 'login:known';
const NOTIFIED = 'login:notified';

const pairKey = (email: string, ip: string) => `${email}|${ip}`;

async function countSince(bucket: string, key: string, seconds: number, now: Date): Promise<number> {
  const [row] = await getDb()
    .select({ n: count() })
    .from(rateLimitEvents)
    .where(and(eq(rateLimitEvents.bucket, bucket), eq(rateLimitEvents.key, key), gte(rateLimitEvents.at, new Date(now.getTime() - seconds * 1000))));
  return row?.n ?? 0;
}

export type SignInGate = { allowed: true } | { allowed: false; by: 'pair' | 'account' | 'address' };

/** Whether this address may try this account now (nothing is recorded). */
export async function signInGate(email: string, ip: string, now = new Date()): Promise<SignInGate> {
  const L = SIGN_IN_LIMITS;
  const [pair, account, address, known] = await Promise.all([
    countSince(FAIL_PAIR, pairKey(email, ip), L.pair.windowSeconds, now),
    countSince(FAIL_ACCOUNT, email, L.account.windowSeconds, now),
    countSince(FAIL_ADDRESS, ip, L.address.windowSeconds, now),
    countSince(KNOWN, pairKey(email, ip), L.knownAddressDays * 86_400, now),
  ]);
  if (pair >= L.pair.max) return { allowed: false, by: 'pair' };
  if (known > 0) return { allowed: true };
  if (account >= L.account.max) return { allowed: false, by: 'account' };
  if (address >= L.address.max) return { allowed: false, by: 'address' };
  return { allowed: true };
}

/**
 * Record a failed sign-in. Returns which account limit this failure made trip (so the owner
 * can be told), or null.
 */
export async function recordSignInFailure(email: string, ip: string, now = new Date()): Promise<'pair' | 'account' | null> {
  const L = SIGN_IN_LIMITS;
  const db = getDb();
  await db.insert(rateLimitEvents).values([
    { bucket: FAIL_PAIR, key: pairKey(email, ip), at: now },
    { bucket: FAIL_ACCOUNT, key: email, at: now },
    { bucket: FAIL_ADDRESS, key: ip, at: now },
  ]);
  // Old failures are pruned as we go, so the table stays small.
  await db
    .delete(rateLimitEvents)
    .where(and(inArray(rateLimitEvents.bucket, [FAIL_PAIR, FAIL_ACCOUNT, FAIL_ADDRESS, NOTIFIED]), lt(rateLimitEvents.at, new Date(now.getTime() - 86_400_000))));
  const [pair, account] = await Promise.all([
    countSince(FAIL_PAIR, pairKey(email, ip), L.pair.windowSeconds, now),
    countSince(FAIL_ACCOUNT, email, L.account.windowSeconds, now),
  ]);
  if (account === L.account.max) return 'account';
  if (pair === L.pair.max) return 'pair';
  return null;
}

/** Remember an address the account signed in from; it keeps working while the account is under attack. */
export async function recordSignInSuccess(email: string, ip: string, now = new Date()): Promise<void> {
  const db = getDb();
  await db.delete(rateLimitEvents).where(and(eq(rateLimitEvents.bucket, KNOWN), eq(rateLimitEvents.key, pairKey(email, ip))));
  await db.insert(rateLimitEvents).values({ bucket: KNOWN, key: pairKey(email, ip), at: now });
  await db
    .delete(rateLimitEvents)
    .where(and(eq(rateLimitEvents.bucket, KNOWN), lt(rateLimitEvents.at, new Date(now.getTime() - SIGN_IN_LIMITS.knownAddressDays * 86_400_000))));
}

/** Email the owner that their account is being guessed at (at most once per hour per account). */
export async function notifyOwnerOfLimit(user: { email: string; locale: string }, by: 'pair' | 'account', ip: string, now = new Date()): Promise<boolean> {
  if ((await countSince(NOTIFIED, user.email, SIGN_IN_LIMITS.notifyEverySeconds, now)) > 0) return false;
  await getDb().insert(rateLimitEvents).values({ bucket: NOTIFIED, key: user.email, at: now });
  const t = await i18nServer.getFixedT(isLocale(user.locale) ? user.locale : 'fi', 'common');
  const minutes = (by === 'pair' ? SIGN_IN_LIMITS.pair.windowSeconds : SIGN_IN_LIMITS.account.windowSeconds) / 60;
  await sendMail({
    to: user.email,
    subject: t('auth.limitMail.subject'),
    text: t(by === 'pair' ? 'auth.limitMail.textAddress' : 'auth.limitMail.textAccount', {
      ip,
      minutes,
      count: by === 'pair' ? SIGN_IN_LIMITS.pair.max : SIGN_IN_LIMITS.account.max,
    }),
  });
  return true;
}
