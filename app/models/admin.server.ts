import { desc, eq } from 'drizzle-orm';
import { getDb } from '~db/client.server';
import { councils, feedbackMessages } from '~db/schema';

export async function getCouncilScope(councilId: string) {
  const [row] = await getDb().select({ id: councils.id, regionId: councils.regionId, nameFi: councils.nameFi }).from(councils).where(eq(councils.id, councilId));
  return row ?? null;
}

/** Feedback from the public, newest first (admin only). */
export async function listFeedback(limit = 100) {
  return getDb().select().from(feedbackMessages).orderBy(desc(feedbackMessages.createdAt)).limit(limit);
}
