import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { getDb, type Executor } from '~db/client.server';
import { mailMessages, meetings } from '~db/schema';
import { handOver, mailDomain, renderHtml } from '~/lib/mail-transport.server';
import { enqueue, wakeWorkers } from '~/lib/queue/queue.server';
import { MAIL_QUEUE } from '~/lib/queue/queues';
import { retryWrite } from '~/lib/queue/retry-write.server';
import { recordAudit, type AuditActor } from '~/models/audit.server';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** The HTML part; by default rendered from the text (same content, escaped). */
  html?: string;
  /** An iCalendar attachment (invitations, updates, cancellations). */
  ics?: { method: 'REQUEST' | 'CANCEL' | 'PUBLISH'; content: string };
  councilId?: string | null;
  meetingId?: string | null;
  /** What the message is, for the outbox and the delivery view (invitation, reminder, password_reset…). */
  kind?: string;
  /** The recipient's language (the HTML part's lang). */
  locale?: string | null;
  /** One-click unsubscribe link (reminders and notifications). */
  unsubscribeUrl?: string | null;
}

/** How long a worker's claim on a message holds: longer than the slowest SMTP hand-over (timeouts ×2). */
export const CLAIM_LEASE_SECONDS = MAIL_QUEUE.expireInSeconds;

/**
 * Records a message in the outbox and enqueues the job that sends it, both on `executor` (pass
 * the transaction of the change that causes the message). Returns the outbox row id.
 */
export async function queueMail(executor: Executor, mail: OutgoingMail): Promise<string> {
  const id = randomUUID();
  await executor.insert(mailMessages).values({
    id,
    messageId: `<${id}@${mailDomain()}>`,
    kind: mail.kind ?? 'other',
    toAddress: mail.to,
    subject: mail.subject,
    textBody: mail.text,
    htmlBody: mail.html ?? renderHtml(mail.subject, mail.text, mail.locale ?? null),
    icsBody: mail.ics?.content ?? null,
    icsMethod: mail.ics?.method ?? null,
    unsubscribeUrl: mail.unsubscribeUrl ?? null,
    locale: mail.locale ?? null,
    councilId: mail.councilId ?? null,
    meetingId: mail.meetingId ?? null,
  });
  await enqueue(executor, MAIL_QUEUE, { messageId: id });
  return id;
}

/** One message on its own: recorded and queued in one transaction; a worker sends it. */
export async function sendMail(mail: OutgoingMail): Promise<'queued'> {
  await getDb().transaction((tx) => queueMail(tx, mail));
  wakeWorkers(MAIL_QUEUE);
  return 'queued';
}

export type DeliveryOutcome = 'sent' | 'stored' | 'already_done' | 'claimed_elsewhere';

/**
 * The worker's step for one message, safe to run twice or on two workers at once:
 *  1. claim: one conditional UPDATE sets a fresh claim token on a queued row that nobody holds
 *     (or whose holder's lease ran out: a worker killed mid-send);
 *  2. hand the message over (same Message-ID on every try);
 *  3. mark it sent only under the same claim token.
 * A row already sent, stored or failed is left alone, so a retried job never sends twice. A
 * failure is recorded on the row (attempts, last error) and rethrown for the queue's backoff;
 * on the last try the row becomes 'failed' and the secretary sees it.
 */
export async function deliverQueuedMail(id: string, opts: { finalAttempt: boolean; now?: () => Date }): Promise<DeliveryOutcome> {
  const db = getDb();
  const now = opts.now ?? (() => new Date());
  const token = randomUUID();
  const claimedAt = now();
  const [row] = await db
    .update(mailMessages)
    .set({ claimToken: token, claimedAt, lastAttemptAt: claimedAt, attempts: sql`${mailMessages.attempts} + 1` })
    .where(
      and(
        eq(mailMessages.id, id),
        eq(mailMessages.status, 'queued'),
        or(isNull(mailMessages.claimToken), lt(mailMessages.claimedAt, new Date(claimedAt.getTime() - CLAIM_LEASE_SECONDS * 1000))),
      ),
    )
    .returning();
  if (!row) {
    const [current] = await db.select({ status: mailMessages.status, claimedAt: mailMessages.claimedAt }).from(mailMessages).where(eq(mailMessages.id, id));
    if (!current || current.status !== 'queued') return 'already_done';
    // Another worker holds it right now. If it dies, its lease runs out: look again after that.
    if (opts.finalAttempt) {
      const after = new Date((current.claimedAt ?? claimedAt).getTime() + (CLAIM_LEASE_SECONDS + 5) * 1000);
      await enqueue(db, MAIL_QUEUE, { messageId: id }, { startAfter: after });
      return 'claimed_elsewhere';
    }
    throw new Error('The message is being sent by another worker.');
  }
  let outcome: 'sent' | 'stored';
  try {
    outcome = await handOver(row);
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    await db
      .update(mailMessages)
      .set({ claimToken: null, error: message, status: opts.finalAttempt ? 'failed' : 'queued' })
      .where(and(eq(mailMessages.id, id), eq(mailMessages.claimToken, token)));
    throw error;
  }
  // Handed over: this must be recorded even if the database is restarting right now, or the
  // next try (after the lease) would send the message a second time.
  const sentAt = now();
  await retryWrite(() =>
    db
      .update(mailMessages)
      .set({ status: outcome, sentAt, claimToken: null })
      .where(and(eq(mailMessages.id, id), eq(mailMessages.claimToken, token))),
  );
  return outcome;
}

export type DeliveryState = 'queued' | 'sent' | 'failed';

export interface MeetingDelivery {
  counts: Record<DeliveryState, number>;
  /** The failed messages (after all tries), newest first, at most 50. */
  failed: Array<{ id: string; toAddress: string; kind: string; error: string | null; attempts: number; createdAt: Date }>;
  /** Still waiting, with the last error of a try that failed (e.g. the mail server is down). */
  waiting: Array<{ id: string; toAddress: string; kind: string; error: string | null; attempts: number; createdAt: Date }>;
}

/** Delivery state of a meeting's messages for its secretary (scoped by council). Two queries. */
export async function meetingDelivery(meetingId: string, councilId: string): Promise<MeetingDelivery> {
  const db = getDb();
  const scoped = and(eq(mailMessages.meetingId, meetingId), eq(meetings.councilId, councilId));
  const counts = await db
    .select({ status: mailMessages.status, n: sql<number>`count(*)::int` })
    .from(mailMessages)
    .innerJoin(meetings, eq(meetings.id, mailMessages.meetingId))
    .where(scoped)
    .groupBy(mailMessages.status);
  const result: MeetingDelivery = { counts: { queued: 0, sent: 0, failed: 0 }, failed: [], waiting: [] };
  for (const c of counts) result.counts[c.status === 'stored' ? 'sent' : c.status] += Number(c.n);
  if (result.counts.failed + result.counts.queued > 0) {
    const rows = await db
      .select({
        id: mailMessages.id,
        toAddress: mailMessages.toAddress,
        kind: mailMessages.kind,
        error: mailMessages.error,
        attempts: mailMessages.attempts,
        createdAt: mailMessages.createdAt,
        status: mailMessages.status,
      })
      .from(mailMessages)
      .innerJoin(meetings, eq(meetings.id, mailMessages.meetingId))
      .where(and(scoped, inArray(mailMessages.status, ['failed', 'queued'])))
      .orderBy(desc(mailMessages.createdAt))
      .limit(100);
    result.failed = rows.filter((r) => r.status === 'failed').slice(0, 50);
    result.waiting = rows.filter((r) => r.status === 'queued').slice(0, 50);
  }
  return result;
}

/**
 * Puts failed messages back in the queue (a fresh set of tries) with one job each, in one
 * transaction with its audit entry. `meetingId` limits it to a meeting of the council in scope;
 * `ids` (admin) to chosen messages. Returns how many were requeued.
 */
export async function resendFailed(
  target: { meetingId: string; councilId: string; regionId: string } | { ids: string[] },
  actor: AuditActor,
): Promise<number> {
  const requeued = await getDb().transaction(async (tx) => {
    const where =
      'meetingId' in target
        ? and(
            eq(mailMessages.status, 'failed'),
            eq(mailMessages.meetingId, target.meetingId),
            sql`exists (select 1 from ${meetings} m where m.id = ${mailMessages.meetingId} and m.council_id = ${target.councilId})`,
          )
        : and(eq(mailMessages.status, 'failed'), inArray(mailMessages.id, target.ids.slice(0, 200)));
    const rows = await tx
      .update(mailMessages)
      .set({ status: 'queued', claimToken: null })
      .where(where)
      .returning({ id: mailMessages.id });
    for (const r of rows) await enqueue(tx, MAIL_QUEUE, { messageId: r.id });
    if (rows.length > 0) {
      await recordAudit(tx, actor, {
        action: 'mail.resend',
        entityType: 'meetingId' in target ? 'meeting' : 'mail_message',
        entityId: 'meetingId' in target ? target.meetingId : (rows[0]?.id ?? null),
        councilId: 'meetingId' in target ? target.councilId : null,
        regionId: 'meetingId' in target ? target.regionId : null,
        changes: { resent: rows.length },
      });
    }
    return rows.length;
  });
  if (requeued > 0) wakeWorkers(MAIL_QUEUE);
  return requeued;
}

/** The outbox, newest first, a page at a time (admin only). */
export async function listOutbox(opts: { before?: Date; limit?: number } = {}) {
  return getDb()
    .select({
      id: mailMessages.id,
      toAddress: mailMessages.toAddress,
      subject: mailMessages.subject,
      textBody: mailMessages.textBody,
      status: mailMessages.status,
      kind: mailMessages.kind,
      attempts: mailMessages.attempts,
      error: mailMessages.error,
      createdAt: mailMessages.createdAt,
      sentAt: mailMessages.sentAt,
      icsMethod: mailMessages.icsMethod,
    })
    .from(mailMessages)
    .where(opts.before ? lt(mailMessages.createdAt, opts.before) : undefined)
    .orderBy(desc(mailMessages.createdAt))
    .limit(Math.min(opts.limit ?? 50, 200));
}
