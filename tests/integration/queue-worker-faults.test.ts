import { and, eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb, openPostgres, setDatabase, type Database } from '../../db/client.server';
import { mailMessages } from '../../db/schema';
import { mailHandler } from '../../app/lib/queue/handlers.server';
import { startQueue, stopQueue, type JobHandler } from '../../app/lib/queue/queue.server';
import { MAIL_QUEUE } from '../../app/lib/queue/queues';
import { CLAIM_LEASE_SECONDS, meetingDelivery, sendMail } from '../../app/models/outbox.server';
import { buildCalendarCouncil, buildMeetingAt, daysFromNow } from '../factories/calendar';
import { onPostgres, useTestDatabase } from '../setup/database';
import { startHoldingSmtp } from '../support/smtp-hold';
import { startTcpProxy } from '../support/tcp-proxy';
import { startWorker, type WorkerProcess } from '../support/worker';

/**
 * Faults of the worker itself: the database restarting under a running job, and a worker killed
 * with SIGKILL while the mail server holds its message. Both need a PostgreSQL server: PGlite is
 * embedded in the one process (there is no server to restart and no second process to kill), so
 * these run on PostgreSQL only (CI runs them there); queue-mail.test.ts covers the same claims
 * in one process on both databases.
 */
vi.setConfig({ testTimeout: 240_000, hookTimeout: 120_000 });
const database = useTestDatabase();

let smtp: Awaited<ReturnType<typeof startHoldingSmtp>>;
beforeAll(async () => {
  smtp = await startHoldingSmtp();
});
afterAll(async () => {
  for (const h of smtp.held) h.answer(false);
  await smtp.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await sleep(250);
  }
}

/** The test's own reads and writes go straight to the database, never through the proxy. */
const direct = () => database.current().db;

async function mailTo(meetingId: string, to: string) {
  const [row] = await direct().select().from(mailMessages).where(and(eq(mailMessages.meetingId, meetingId), eq(mailMessages.toAddress, to)));
  return row!;
}

/** As if the job's expiry and the message's claim lease had run out (minutes, in a real outage). */
async function letLeasesRunOut(messageRowId: string) {
  await direct().execute(sql`update pgboss.job set started_on = now() - interval '1 hour' where name = ${MAIL_QUEUE.name} and state = 'active' and data->>'messageId' = ${messageRowId}`);
  await direct()
    .update(mailMessages)
    .set({ claimedAt: new Date(Date.now() - (CLAIM_LEASE_SECONDS + 1) * 1000) })
    .where(eq(mailMessages.id, messageRowId));
}

/** Makes waiting retries due now (what makeRetriesDue does, on the direct connection). */
const retriesDue = () => direct().execute(sql`update pgboss.job set start_after = now() - interval '1 second' where name = ${MAIL_QUEUE.name} and state = 'retry'`);

async function jobStatesOf(messageRowId: string): Promise<string[]> {
  const result = (await direct().execute(sql`select state::text as state from pgboss.job where name = ${MAIL_QUEUE.name} and data->>'messageId' = ${messageRowId}`)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows).map((r) => (r as { state: string }).state);
}

const timesAccepted = (messageId: string | null) => smtp.accepted.filter((m) => m.messageId === messageId).length;

describe('the database restarting under the queue (PostgreSQL)', () => {
  it.runIf(onPostgres)('a job running when the database goes away finishes once it is back; the mail goes exactly once, also when the restart comes mid-send', async () => {
    const original = database.current();
    const proxy = await startTcpProxy({ host: new URL(original.url!).hostname, port: Number(new URL(original.url!).port || 5432) });
    let proxied: Database | null = null;
    process.env.SMTP_URL = smtp.url;
    const ctx = await buildCalendarCouncil();
    const meeting = await buildMeetingAt(ctx.council.id, daysFromNow(30), '13:00');
    try {
      // The worker (pg-boss's pool and the app's models) reaches the database through the proxy.
      proxied = await openPostgres(proxy.urlFor(original.url!));
      setDatabase(proxied);
      // 1. The database goes away for 12 s just as the worker starts on a job.
      let restarted = false;
      const handlers = new Map<string, JobHandler>([
        [
          MAIL_QUEUE.name,
          async (job) => {
            if (!restarted) {
              restarted = true;
              proxy.down();
              setTimeout(() => proxy.up(), 12_000);
            }
            return mailHandler(job);
          },
        ],
      ]);
      await startQueue({ database: proxied, mailPollSeconds: 1, handlers });
      await sendMail({ to: 'katko@example.org', subject: 'Kokouskutsu', text: 'Tervetuloa.', meetingId: meeting.id, councilId: ctx.council.id });
      await waitFor('the outage', async () => restarted, (r) => r);
      await sleep(5000);
      let row = await mailTo(meeting.id, 'katko@example.org');
      // Nothing could happen meanwhile: not claimed, not sent.
      expect(row).toMatchObject({ status: 'queued', attempts: 0 });
      expect(timesAccepted(row.messageId)).toBe(0);
      // The try failed; pg-boss recorded the failure once the database was back (its statements
      // wait through a restart: no unhandled rejection ended the process, which vitest would
      // report) and the job waits for its retry. Its backoff (minutes) is brought forward.
      expect(await waitFor('the failed try to be recorded', () => jobStatesOf(row.id), (s) => s[0] === 'retry', 60_000)).toEqual(['retry']);
      row = await waitFor(
        'delivery on the retry',
        async () => {
          await retriesDue();
          return mailTo(meeting.id, 'katko@example.org');
        },
        (r) => r.status === 'sent',
      );
      expect(row.attempts).toBe(1);
      expect(timesAccepted(row.messageId)).toBe(1);
      expect(await waitFor('the job to complete', () => jobStatesOf(row.id), (s) => s[0] === 'completed')).toEqual(['completed']);
      const [job] = (await direct().execute(sql`select retry_count from pgboss.job where name = ${MAIL_QUEUE.name} and data->>'messageId' = ${row.id}`)) as unknown as Array<{ retry_count: number }>;
      expect(job!.retry_count).toBe(1);

      // 2. Mid-send: the mail server has the whole message when the database goes away; it
      // accepts, and the worker records "sent" once the database is back (it keeps trying), so
      // no later try sends it again.
      smtp.hold(1);
      const heldBefore = smtp.held.length;
      await sendMail({ to: 'kesken@example.org', subject: 'Kokouskutsu', text: 'Tervetuloa.', meetingId: meeting.id, councilId: ctx.council.id });
      const held = await smtp.waitForHeld(heldBefore + 1);
      proxy.down();
      held.answer(true);
      await sleep(3000);
      const during = await mailTo(meeting.id, 'kesken@example.org');
      expect(during).toMatchObject({ status: 'queued', attempts: 1 });
      expect(during.claimToken).not.toBeNull();
      proxy.up();
      const recorded = await waitFor('"sent" recorded after the restart', () => mailTo(meeting.id, 'kesken@example.org'), (r) => r.status === 'sent');
      expect(recorded.attempts).toBe(1);
      await waitFor('the job to complete', () => jobStatesOf(recorded.id), (s) => s[0] === 'completed');
      await letLeasesRunOut(recorded.id);
      await retriesDue();
      await sleep(3000);
      expect(timesAccepted(recorded.messageId)).toBe(1);
      expect(await meetingDelivery(meeting.id, ctx.council.id)).toMatchObject({ counts: { queued: 0, sent: 2, failed: 0 } });
    } finally {
      await stopQueue({ timeoutMs: 5000 });
      setDatabase(original);
      await proxied?.close();
      await proxy.close();
      delete process.env.SMTP_URL;
    }
  });
});

describe('kill -9 of a worker mid-send (PostgreSQL, npm run worker processes)', () => {
  const workers: WorkerProcess[] = [];
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop('SIGKILL')));
  });
  const env = () => ({ DATABASE_URL: database.current().url!, SMTP_URL: smtp.url, QUEUE_MAINTENANCE_SECONDS: '1' });

  it.runIf(onPostgres)('killed while the mail server holds the message: another worker delivers it, once, and the secretary sees "sent"', async () => {
    const ctx = await buildCalendarCouncil();
    const meeting = await buildMeetingAt(ctx.council.id, daysFromNow(31), '13:00');
    smtp.hold(1);
    const heldBefore = smtp.held.length;
    await sendMail({ to: 'tapettu@example.org', subject: 'Kokouskutsu', text: 'Tervetuloa.', meetingId: meeting.id, councilId: ctx.council.id });
    const first = await startWorker(env(), 'worker 1');
    workers.push(first);
    const held = await smtp.waitForHeld(heldBefore + 1);
    const claimed = await mailTo(meeting.id, 'tapettu@example.org');
    expect(claimed).toMatchObject({ status: 'queued', attempts: 1 });
    expect(claimed.claimToken).not.toBeNull();

    expect(await first.stop('SIGKILL')).toBe('SIGKILL');
    await held.closed;
    // The mail server never acknowledged it, so (as a conforming server) it did not deliver it.
    expect(smtp.dropped.map((m) => m.messageId)).toContain(claimed.messageId);
    expect(timesAccepted(claimed.messageId)).toBe(0);
    expect((await meetingDelivery(meeting.id, ctx.council.id)).counts).toEqual({ queued: 1, sent: 0, failed: 0 });

    await letLeasesRunOut(claimed.id);
    const second = await startWorker(env(), 'worker 2');
    workers.push(second);
    const sent = await waitFor(
      'the second worker to deliver',
      async () => {
        await retriesDue();
        return mailTo(meeting.id, 'tapettu@example.org');
      },
      (r) => r.status === 'sent',
    );
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, claimToken: null });
    // Delivered once, with the Message-ID of the copy that was cut off: a receiving server that
    // had kept the unacknowledged copy anyway could tell the two apart by it.
    expect(timesAccepted(claimed.messageId)).toBe(1);
    expect(held.messageId).toBe(claimed.messageId);
    expect((await meetingDelivery(meeting.id, ctx.council.id)).counts).toEqual({ queued: 0, sent: 1, failed: 0 });
    await sleep(2000);
    expect(timesAccepted(claimed.messageId)).toBe(1);
    expect(await second.stop()).toBe(0);
  });

  it.runIf(onPostgres)('killed after the mail server accepted but before "sent" was recorded: sent again, with the same Message-ID (the one duplicate window)', async () => {
    const ctx = await buildCalendarCouncil();
    const meeting = await buildMeetingAt(ctx.council.id, daysFromNow(32), '13:00');
    smtp.hold(1);
    const heldBefore = smtp.held.length;
    await sendMail({ to: 'ikkuna@example.org', subject: 'Kokouskutsu', text: 'Tervetuloa.', meetingId: meeting.id, councilId: ctx.council.id });
    const worker = await startWorker(env(), 'worker 3');
    workers.push(worker);
    const held = await smtp.waitForHeld(heldBefore + 1);
    const row = await mailTo(meeting.id, 'ikkuna@example.org');
    // Stretch the moment between the mail server's 250 and the worker's "sent" write: the test
    // holds the row locked, so that write waits; then the worker is killed.
    const locker = postgres(database.current().url!, { max: 2, onnotice: () => {} });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holding = locker.begin(async (tx) => {
      await tx`select id from mail_messages where id = ${row.id} for update`;
      locked();
      await released;
    });
    try {
      await isLocked;
      held.answer(true);
      expect(timesAccepted(row.messageId)).toBe(1);
      await sleep(1000);
      expect(await worker.stop('SIGKILL')).toBe('SIGKILL');
      // The killed worker's UPDATE is still waiting in its server backend, which notices the dead
      // client only when it next writes to it: end it, as if the statement had never been sent.
      await locker`select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock' and query ilike 'update "mail_messages"%'`;
    } finally {
      release();
      await holding;
      await locker.end();
    }
    const orphan = await mailTo(meeting.id, 'ikkuna@example.org');
    expect(orphan).toMatchObject({ status: 'queued', attempts: 1 });
    expect((await meetingDelivery(meeting.id, ctx.council.id)).counts).toEqual({ queued: 1, sent: 0, failed: 0 });

    await letLeasesRunOut(row.id);
    const next = await startWorker(env(), 'worker 4');
    workers.push(next);
    const sent = await waitFor(
      'the retry',
      async () => {
        await retriesDue();
        return mailTo(meeting.id, 'ikkuna@example.org');
      },
      (r) => r.status === 'sent',
    );
    expect(sent.attempts).toBe(2);
    // What is true: the mail server got it twice, both with the same Message-ID (a receiver can
    // drop the second); nothing is lost, and the secretary sees it sent.
    expect(timesAccepted(row.messageId)).toBe(2);
    expect((await meetingDelivery(meeting.id, ctx.council.id)).counts).toEqual({ queued: 0, sent: 1, failed: 0 });
    expect(await next.stop()).toBe(0);
  });
});
