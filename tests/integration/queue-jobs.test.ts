import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { mailMessages } from '../../db/schema';
import { enqueue, runQueuedJobs, startQueue, stopQueue } from '../../app/lib/queue/queue.server';
import { MAIL_QUEUE, PUBLISH_AGENDA_QUEUE } from '../../app/lib/queue/queues';
import { queueMail, sendMail } from '../../app/models/outbox.server';
import { useTestDatabase } from '../setup/database';
import { jobStates } from '../support/queue';

const database = useTestDatabase();

class Rollback extends Error {}

describe('the job queue (pg-boss) on the app database', () => {
  it('a job enqueued in a transaction that fails is gone; a committed one is there exactly once', async () => {
    const before = (await jobStates(PUBLISH_AGENDA_QUEUE.name)).created ?? 0;
    await expect(
      getDb().transaction(async (tx) => {
        await enqueue(tx, PUBLISH_AGENDA_QUEUE, { test: 'rolled back' });
        throw new Rollback('the change failed');
      }),
    ).rejects.toThrow(Rollback);
    expect((await jobStates(PUBLISH_AGENDA_QUEUE.name)).created ?? 0).toBe(before);

    const id = await getDb().transaction((tx) => enqueue(tx, PUBLISH_AGENDA_QUEUE, { test: 'committed' }));
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await jobStates(PUBLISH_AGENDA_QUEUE.name)).created ?? 0).toBe(before + 1);
    const seen: unknown[] = [];
    const run = await runQueuedJobs(getDb(), PUBLISH_AGENDA_QUEUE, { handler: async (job) => void seen.push(job.data) });
    expect(run).toEqual({ ran: 1, failed: 0 });
    expect(seen).toEqual([{ test: 'committed' }]);
    expect(await jobStates(PUBLISH_AGENDA_QUEUE.name)).toEqual({ completed: 1 });
  });

  it('a message and its send job commit together or not at all', async () => {
    await expect(
      getDb().transaction(async (tx) => {
        await queueMail(tx, { to: 'rolled.back@example.org', subject: 'x', text: 'y' });
        throw new Rollback('nope');
      }),
    ).rejects.toThrow(Rollback);
    expect(await getDb().select().from(mailMessages).where(eq(mailMessages.toAddress, 'rolled.back@example.org'))).toHaveLength(0);
    const mailJobsBefore = (await jobStates()).created ?? 0;
    await sendMail({ to: 'kept@example.org', subject: 'Otsikko', text: 'Teksti' });
    const [row] = await getDb().select().from(mailMessages).where(eq(mailMessages.toAddress, 'kept@example.org'));
    expect(row?.status).toBe('queued');
    expect(row?.messageId).toBe(`<${row!.id}@neuvos.invalid>`);
    expect((await jobStates()).created ?? 0).toBe(mailJobsBefore + 1);
  });

  it('starts on this database, runs a job with its workers, and stops', async () => {
    process.env.OUTBOX_DIR = `/tmp/neuvos-queue-test-${process.pid}`;
    const { startedInMs } = await startQueue({ database: database.current(), mailPollSeconds: 1 });
    expect(startedInMs).toBeGreaterThan(0);
    try {
      await sendMail({ to: 'worker@example.org', subject: 'Taustalla', text: 'Lähetetään työjonosta.' });
      let status = 'queued';
      for (let i = 0; i < 50 && status === 'queued'; i += 1) {
        await new Promise((r) => setTimeout(r, 200));
        const [row] = await getDb().select({ status: mailMessages.status }).from(mailMessages).where(eq(mailMessages.toAddress, 'worker@example.org'));
        status = row?.status ?? 'missing';
      }
      expect(status).toBe('stored');
      const schedules = (await getDb().execute(sql`select name from pgboss.schedule order by name`)) as unknown;
      const names = (Array.isArray(schedules) ? schedules : (schedules as { rows: unknown[] }).rows).map((r) => (r as { name: string }).name);
      expect(names).toContain('cron.meeting-reminders');
    } finally {
      await stopQueue({ timeoutMs: 2000 });
      delete process.env.OUTBOX_DIR;
    }
    expect(MAIL_QUEUE.retryLimit + 1).toBe(6);
  });
});
