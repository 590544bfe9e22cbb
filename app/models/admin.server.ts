import { desc, eq, lt } from 'drizzle-orm';
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

export async function getCouncilScope(councilId: string) {
  const [row] = await getDb().select({ id: councils.id, regionId: councils.regionId, nameFi: councils.nameFi }).from(councils).where(eq(councils.id, councilId));
  return row ?? null;
}

/** Feedback from the public, newest first (admin only). */
export async function listFeedback(limit = 100) {
  return getDb().select().from(feedbackMessages).orderBy(desc(feedbackMessages.createdAt)).limit(limit);
}
