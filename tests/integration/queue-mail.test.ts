import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { auditLog, mailMessages } from '../../db/schema';
import { CLAIM_LEASE_SECONDS, deliverQueuedMail, sendMail } from '../../app/models/outbox.server';
import * as meetingRoute from '../../app/routes/manage.meetings.$meetingId';
import { buildCalendarCouncil, buildMeetingAt, daysFromNow, mimeParts } from '../factories/calendar';
import { useTestDatabase } from '../setup/database';
import { drainMail, jobStates, makeRetriesDue } from '../support/queue';
import { call, makeRequest } from '../support/requests';
import { startSmtp, type SmtpBehaviour } from '../support/smtp';

useTestDatabase();

let behaviour: SmtpBehaviour = 'accept';
let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  smtp = await startSmtp({ behaviour: () => behaviour });
  process.env.SMTP_URL = smtp.url;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.SMTP_TIMEOUT_MS;
  await smtp.close();
});

async function post(meetingId: string, cookie: string, form: Record<string, string>) {
  return call(meetingRoute.action, makeRequest(`/manage/meetings/${meetingId}`, { cookie, form }), { meetingId });
}

async function page(meetingId: string, cookie: string) {
  const res = await call(meetingRoute.loader, makeRequest(`/manage/meetings/${meetingId}`, { cookie }), { meetingId });
  return (await res.json()) as { delivery: { counts: { queued: number; sent: number; failed: number }; failed: Array<{ error: string }>; waiting: Array<{ error: string | null }> } };
}

const rowsOf = (meetingId: string) => getDb().select().from(mailMessages).where(eq(mailMessages.meetingId, meetingId));
const header = (raw: string, name: string) => new RegExp(`^${name}: *(.+)$`, 'im').exec(raw)?.[1]?.trim();

describe('mail through the queue when the mail server fails', () => {
  it('SMTP down while invitations are sent: the page says queued, nothing is lost; once it is back each is delivered exactly once', async () => {
    const ctx = await buildCalendarCouncil();
    const meeting = await buildMeetingAt(ctx.council.id, daysFromNow(20), '13:00', { title: 'Katkoskokous' });
    const port = smtp.port;
    await smtp.kill();
    const receivedBefore = smtp.received.length;

    const res = await post(meeting.id, ctx.secretary.cookie, { intent: 'invite' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { message: string }).message).toContain('tallennettu lähetettäväksi 4 henkilölle');
    expect((await rowsOf(meeting.id)).map((r) => r.status)).toEqual(['queued', 'queued', 'queued', 'queued']);

    const down = await drainMail();
    expect(down).toEqual({ ran: 4, failed: 4 });
    const afterTry = await rowsOf(meeting.id);
    expect(afterTry.every((r) => r.status === 'queued' && r.attempts === 1 && /ECONNREFUSED|connect/i.test(r.error ?? ''))).toBe(true);
    const shown = await page(meeting.id, ctx.secretary.cookie);
    expect(shown.delivery.counts).toEqual({ queued: 4, sent: 0, failed: 0 });
    expect(shown.delivery.waiting).toHaveLength(4);
    // The retries wait for their backoff: nothing runs again at once.
    expect(await drainMail()).toEqual({ ran: 0, failed: 0 });

    const old = smtp.received;
    smtp = await startSmtp({ port, behaviour: () => behaviour });
    const back = Date.now();
    await makeRetriesDue();
    expect(await drainMail()).toEqual({ ran: 4, failed: 0 });
    const deliveredIn = Date.now() - back;
    const delivered = smtp.received;
    expect(old.length).toBe(receivedBefore);
    expect(delivered.flatMap((m) => m.to).sort()).toEqual([ctx.memberPerson.email, ctx.deputyPerson.email, ctx.secondPerson.email, ctx.chairPerson.email].sort());
    const rows = await rowsOf(meeting.id);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 2 && r.sentAt !== null)).toBe(true);
    // The Message-ID is the one recorded with the message, the same on every try.
    expect(delivered.map((m) => header(m.raw, 'Message-ID')).sort()).toEqual(rows.map((r) => r.messageId).sort());
    expect((await page(meeting.id, ctx.secretary.cookie)).delivery.counts).toEqual({ queued: 0, sent: 4, failed: 0 });

    // Nothing is sent twice: neither by a second run nor by a stray second job for the same message.
    await makeRetriesDue();
    expect(await drainMail()).toEqual({ ran: 0, failed: 0 });
    for (const r of rows) expect(await deliverQueuedMail(r.id, { finalAttempt: false })).toBe('already_done');
    expect(smtp.received).toHaveLength(4);
    console.info(`[outage] ${rows.length} invitations queued while SMTP was down; all delivered ${deliveredIn} ms after it came back; duplicates: ${smtp.received.length - rows.length}`);
  });

  it('the message: text and HTML parts with the same content, Auto-Submitted, and the note that calendar replies are not read', async () => {
    const ctx = await buildCalendarCouncil();
    const meeting = await buildMeetingAt(ctx.council.id, daysFromNow(21), '13:00', { title: 'Kokous <b>&</b>' });
    const before = smtp.received.length;
    await post(meeting.id, ctx.secretary.cookie, { intent: 'invite' });
    await drainMail();
    const mail = smtp.received.slice(before).find((m) => m.to.includes(ctx.memberPerson.email!))!;
    expect(header(mail.raw, 'Auto-Submitted')).toBe('auto-generated');
    const parts = mimeParts(mail.raw);
    const text = parts.find((p) => p.contentType.startsWith('text/plain'))!.body;
    const html = parts.find((p) => p.contentType.startsWith('text/html'))!.body;
    expect(text).toContain('Kalenteriohjelman lähettämiä vastauksia');
    expect(html).toContain('<html lang="fi">');
    expect(html).toContain('Kokous &lt;b&gt;&amp;&lt;/b&gt;');
    expect(html).not.toContain('<b>&</b>');
    const reply = /\/reply\/[A-Za-z0-9_-]+/.exec(text)![0];
    expect(html).toContain(`${reply}">`);
    expect(html).toContain('Kalenteriohjelman lähettämiä vastauksia');
  });

  it('SMTP refusing (5xx): retried with backoff, failed after the sixth try and shown to the secretary, who resends', async () => {
    const ctx = await buildCalendarCouncil();
    const meeting = await buildMeetingAt(ctx.council.id, daysFromNow(22), '13:00');
    const before = smtp.received.length;
    behaviour = 'refuse';
    await post(meeting.id, ctx.secretary.cookie, { intent: 'invite' });
    for (let attempt = 1; attempt <= 6; attempt += 1) {
      expect(await drainMail()).toEqual({ ran: 4, failed: 4 });
      const rows = await rowsOf(meeting.id);
      expect(rows.every((r) => r.attempts === attempt)).toBe(true);
      expect(rows.every((r) => r.status === (attempt < 6 ? 'queued' : 'failed'))).toBe(true);
      await makeRetriesDue();
    }
    expect(await drainMail()).toEqual({ ran: 0, failed: 0 });
    expect(smtp.received.length).toBe(before);
    const shown = await page(meeting.id, ctx.secretary.cookie);
    expect(shown.delivery.counts).toEqual({ queued: 0, sent: 0, failed: 4 });
    expect(shown.delivery.failed[0]!.error).toMatch(/554/);

    behaviour = 'accept';
    const res = await post(meeting.id, ctx.secretary.cookie, { intent: 'resendFailed' });
    expect(((await res.json()) as { message: string }).message).toContain('4 viestiä palautettiin jonoon');
    expect(await drainMail()).toEqual({ ran: 4, failed: 0 });
    expect(smtp.received.length).toBe(before + 4);
    expect((await page(meeting.id, ctx.secretary.cookie)).delivery.counts).toEqual({ queued: 0, sent: 4, failed: 0 });
    const audit = await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'mail.resend'), eq(auditLog.entityId, meeting.id)));
    expect(audit).toHaveLength(1);
    // A second click has nothing left to resend.
    const again = await post(meeting.id, ctx.secretary.cookie, { intent: 'resendFailed' });
    expect(((await again.json()) as { message: string }).message).toContain('Ei epäonnistuneita');
  });

  it('SMTP timing out: the try gives up, the message stays queued, and the next try delivers it once', async () => {
    process.env.SMTP_TIMEOUT_MS = '400';
    process.env.SMTP_URL = `${smtp.url}?timeout=1`; // a new URL makes a new transport with the short timeout
    const before = smtp.received.length;
    behaviour = 'hang';
    try {
      await sendMail({ to: 'hidas@example.org', subject: 'Aikakatkaisu', text: 'Odota.' });
      expect(await drainMail()).toEqual({ ran: 1, failed: 1 });
      const [row] = await getDb().select().from(mailMessages).where(eq(mailMessages.toAddress, 'hidas@example.org'));
      expect(row!.status).toBe('queued');
      expect(row!.error).toMatch(/timeout|timed out/i);
      behaviour = 'accept';
      await makeRetriesDue();
      expect(await drainMail()).toEqual({ ran: 1, failed: 0 });
      expect(smtp.received.slice(before).map((m) => m.to)).toEqual([['hidas@example.org']]);
    } finally {
      behaviour = 'accept';
      process.env.SMTP_URL = smtp.url;
      delete process.env.SMTP_TIMEOUT_MS;
    }
  });

  it('SMTP timing out on every try: failed after the sixth, shown to the secretary with the reason, and resent once it answers', async () => {
    const ctx = await buildCalendarCouncil();
    const meeting = await buildMeetingAt(ctx.council.id, daysFromNow(23), '13:00');
    process.env.SMTP_TIMEOUT_MS = '300';
    process.env.SMTP_URL = `${smtp.url}?timeout=2`;
    const before = smtp.received.length;
    behaviour = 'hang';
    try {
      await post(meeting.id, ctx.secretary.cookie, { intent: 'invite' });
      for (let attempt = 1; attempt <= 6; attempt += 1) {
        expect(await drainMail()).toEqual({ ran: 4, failed: 4 });
        const rows = await rowsOf(meeting.id);
        expect(rows.every((r) => r.attempts === attempt && r.status === (attempt < 6 ? 'queued' : 'failed'))).toBe(true);
        await makeRetriesDue();
      }
      expect(await drainMail()).toEqual({ ran: 0, failed: 0 });
      const shown = await page(meeting.id, ctx.secretary.cookie);
      expect(shown.delivery.counts).toEqual({ queued: 0, sent: 0, failed: 4 });
      expect(shown.delivery.failed.every((f) => /timeout|timed out/i.test(f.error ?? ''))).toBe(true);
      expect(smtp.received.length).toBe(before);

      behaviour = 'accept';
      const res = await post(meeting.id, ctx.secretary.cookie, { intent: 'resendFailed' });
      expect(((await res.json()) as { message: string }).message).toContain('4 viestiä palautettiin jonoon');
      expect(await drainMail()).toEqual({ ran: 4, failed: 0 });
      expect(smtp.received.length).toBe(before + 4);
      expect((await page(meeting.id, ctx.secretary.cookie)).delivery.counts).toEqual({ queued: 0, sent: 4, failed: 0 });
    } finally {
      behaviour = 'accept';
      process.env.SMTP_URL = smtp.url;
      delete process.env.SMTP_TIMEOUT_MS;
    }
  });

  it('a worker killed mid-send: a retried job never sends a message twice', async () => {
    const before = smtp.received.length;
    // (a) Killed after marking the message sent but before completing its job: the retry finds it sent.
    await sendMail({ to: 'merkitty@example.org', subject: 'Kerran', text: 'Vain kerran.' });
    const [a] = await getDb().select().from(mailMessages).where(eq(mailMessages.toAddress, 'merkitty@example.org'));
    expect(await deliverQueuedMail(a!.id, { finalAttempt: false })).toBe('sent');
    expect(await drainMail()).toEqual({ ran: 1, failed: 0 });
    expect(smtp.received.length).toBe(before + 1);

    // (b) Killed while handing over: its claim holds until the lease runs out, so another worker
    // does not send meanwhile; after the lease the message goes once, with the same Message-ID.
    await sendMail({ to: 'kesken@example.org', subject: 'Kesken', text: 'Keskeytynyt lähetys.' });
    const [b] = await getDb().select().from(mailMessages).where(eq(mailMessages.toAddress, 'kesken@example.org'));
    await getDb().update(mailMessages).set({ claimToken: crypto.randomUUID(), claimedAt: new Date(), attempts: 1 }).where(eq(mailMessages.id, b!.id));
    expect(await drainMail()).toEqual({ ran: 1, failed: 1 });
    expect(smtp.received.length).toBe(before + 1);
    await getDb()
      .update(mailMessages)
      .set({ claimedAt: new Date(Date.now() - (CLAIM_LEASE_SECONDS + 1) * 1000) })
      .where(eq(mailMessages.id, b!.id));
    await makeRetriesDue();
    expect(await drainMail()).toEqual({ ran: 1, failed: 0 });
    expect(smtp.received.length).toBe(before + 2);
    expect(header(smtp.received.at(-1)!.raw, 'Message-ID')).toBe(b!.messageId);
    const [done] = await getDb().select().from(mailMessages).where(inArray(mailMessages.id, [b!.id]));
    expect(done).toMatchObject({ status: 'sent', attempts: 2, claimToken: null });
    expect((await jobStates()).active ?? 0).toBe(0);
  });
});
