import { sql } from 'drizzle-orm';
import { getDb } from '../../db/client.server';
import { runQueuedJobs } from '../../app/lib/queue/queue.server';
import { MAIL_QUEUE } from '../../app/lib/queue/queues';

/** Runs the mail jobs that are due now (what a worker would do), in this process. */
export function drainMail() {
  return runQueuedJobs(getDb(), MAIL_QUEUE);
}

/** Makes the queue's waiting retries due now, as if their backoff had passed. */
export async function makeRetriesDue(queue = MAIL_QUEUE.name) {
  await getDb().execute(sql`update pgboss.job set start_after = now() - interval '1 second' where name = ${queue} and state = 'retry'`);
}

/** Jobs of a queue by state (pg-boss's own table). */
export async function jobStates(queue = MAIL_QUEUE.name): Promise<Record<string, number>> {
  const result = (await getDb().execute(sql`select state::text as state, count(*)::int as n from pgboss.job where name = ${queue} group by state`)) as unknown;
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{ state: string; n: number }>;
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}
