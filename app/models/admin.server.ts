import { desc, eq, inArray, lt } from 'drizzle-orm';
import { getDb } from '~db/client.server';
import { councils, feedbackMessages, mailMessages } from '~db/schema';

/** The outbox, newest first, a page at a time (admin only). */
export async function listOutbox(opts: { before?: Date; limit?: number } = {}) {
  return getDb()
    .select({
      id: mailMessages.id,
      toAddress: mailMessages.toAddress,
      subject: mailMessages.subject,
      textBody: mailMessages.textBody,
      status: mailMessages.status,
      createdAt: mailMessages.createdAt,
      icsMethod: mailMessages.icsMethod,
    })
    .from(mailMessages)
    .where(opts.before ? lt(mailMessages.createdAt, opts.before) : undefined)
    .orderBy(desc(mailMessages.createdAt))
    .limit(Math.min(opts.limit ?? 50, 200));
}

/** Councils a user may invite to: all for admins, else the given ids. */
export async function listInvitableCouncils(ids: string[] | null, regionIds: string[] = []) {
  const db = getDb();
  const columns = { id: councils.id, slug: councils.slug, nameFi: councils.nameFi, regionId: councils.regionId };
  if (ids === null) return db.select(columns).from(councils).orderBy(councils.nameFi);
  if (ids.length === 0 && regionIds.length === 0) return [];
  const rows = await db
    .select(columns)
    .from(councils)
    .where(ids.length > 0 ? inArray(councils.id, ids) : inArray(councils.regionId, regionIds))
    .orderBy(councils.nameFi);
  if (ids.length > 0 && regionIds.length > 0) {
    const more = await db.select(columns).from(councils).where(inArray(councils.regionId, regionIds));
    const seen = new Set(rows.map((r) => r.id));
    return [...rows, ...more.filter((r) => !seen.has(r.id))].sort((a, b) => a.nameFi.localeCompare(b.nameFi, 'fi'));
  }
  return rows;
}

export async function getCouncilScope(councilId: string) {
  const [row] = await getDb().select({ id: councils.id, regionId: councils.regionId, nameFi: councils.nameFi }).from(councils).where(eq(councils.id, councilId));
  return row ?? null;
}

/** Feedback from the public, newest first (admin only). */
export async function listFeedback(limit = 100) {
  return getDb().select().from(feedbackMessages).orderBy(desc(feedbackMessages.createdAt)).limit(limit);
}
