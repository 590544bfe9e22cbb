import { and, count, eq, gte, lt } from 'drizzle-orm';
import { getDb } from '~db/client.server';
import { rateLimitEvents } from '~db/schema';

export interface Limit {
  max: number;
  windowSeconds: number;
}

export const LIMITS = {
  resetPerAccount: { max: 5, windowSeconds: 60 * 60 },
  resetPerIp: { max: 20, windowSeconds: 60 * 60 },
  feedbackPerIp: { max: 10, windowSeconds: 60 * 60 },
  /** Two-factor codes (sign-in second step, enrolment, disable): per user. */
  totpPerUser: { max: 5, windowSeconds: 15 * 60 },
} satisfies Record<string, Limit>;

/**
 * Count an attempt and say whether it is within the limit. Stored in the database so the
 * limit holds across app instances.
 */
export async function hitRateLimit(bucket: string, key: string, limit: Limit, now = new Date()): Promise<boolean> {
  const db = getDb();
  const since = new Date(now.getTime() - limit.windowSeconds * 1000);
  return db.transaction(async (tx) => {
    await tx.insert(rateLimitEvents).values({ bucket, key, at: now });
    const [row] = await tx
      .select({ n: count() })
      .from(rateLimitEvents)
      .where(and(eq(rateLimitEvents.bucket, bucket), eq(rateLimitEvents.key, key), gte(rateLimitEvents.at, since)));
    // Old events are pruned as we go, so the table stays small.
    await tx.delete(rateLimitEvents).where(and(eq(rateLimitEvents.bucket, bucket), lt(rateLimitEvents.at, new Date(now.getTime() - 86_400_000))));
    return (row?.n ?? 0) <= limit.max;
  });
}

/** Has this key used up its limit (without counting a new attempt)? For failure-only limits. */
export async function rateLimitExceeded(bucket: string, key: string, limit: Limit, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - limit.windowSeconds * 1000);
  const [row] = await getDb()
    .select({ n: count() })
    .from(rateLimitEvents)
    .where(and(eq(rateLimitEvents.bucket, bucket), eq(rateLimitEvents.key, key), gte(rateLimitEvents.at, since)));
  return (row?.n ?? 0) >= limit.max;
}

/** Count one failed attempt (see rateLimitExceeded). */
export async function recordRateLimitEvent(bucket: string, key: string, now = new Date()): Promise<void> {
  await getDb().insert(rateLimitEvents).values({ bucket, key, at: now });
}
