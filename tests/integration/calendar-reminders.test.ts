import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { councils, meetingInvitees, meetingReminders } from '../../db/schema';
import { registeredJobs, registerJob, runJob } from '../../app/lib/jobs.server';
import { sendInvitations } from '../../app/models/invitations.server';
import { sendDueReminders } from '../../app/models/reminders.server';
import { buildCalendarCouncil, buildMeetingAt, daysFromNow, textOf } from '../factories/calendar';
import { useTestDatabase } from '../setup/database';
import { drainMail } from '../support/queue';
import { startSmtp } from '../support/smtp';

useTestDatabase();

let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  smtp = await startSmtp();
  process.env.SMTP_URL = smtp.url;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.close();
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const actor = { userId: null, label: 'test', ip: null };

/** An invited meeting 20 days ahead, with the council reminding 3 days and 1 day before. */
async function invitedMeeting(reminderDays = [3, 1]) {
  const ctx = await buildCalendarCouncil();
  await getDb().update(councils).set({ reminderDays }).where(eq(councils.id, ctx.council.id));
  const meeting = await buildMeetingAt(ctx.council.id, daysFromNow(20), '13:00');
  const invited = await sendInvitations(meeting.id, { councilId: ctx.council.id, regionId: ctx.council.regionId }, actor, { baseUrl: 'http://localhost:3000' });
  expect(invited.ok).toBe(true);
  await drainMail();
  return { ...ctx, meeting };
}

const remindersTo = (from: number, meetingTitle: string) =>
  smtp.received.slice(from).filter((m) => /Subject: (Muistutus|=\?UTF-8\?)/.test(m.raw) && textOf(m.raw).includes(meetingTitle));

describe('reminders', () => {
  it('sends each due reminder exactly once when two workers race', async () => {
    const { meeting, memberPerson, deputyPerson, secondPerson, chairPerson } = await invitedMeeting();
    const now = new Date(meeting.startsAt.getTime() - 2.5 * DAY);
    const before = smtp.received.length;
    const [a, b] = await Promise.all([sendDueReminders(now, 'worker-a'), sendDueReminders(now, 'worker-b')]);
    await drainMail();
    expect(a.claimed + b.claimed).toBe(1);
    // Members and the chair; the deputy was not asked to stand in, so gets none.
    expect(a.sent + b.sent).toBe(3);
    const mails = smtp.received.slice(before);
    expect(mails.flatMap((m) => m.to).sort()).toEqual([memberPerson.email, secondPerson.email, chairPerson.email].sort());
    expect(mails.every((m) => textOf(m.raw).includes('muistutus'))).toBe(true);
    expect(mails.flatMap((m) => m.to)).not.toContain(deputyPerson.email);
    const claims = await getDb().select().from(meetingReminders).where(eq(meetingReminders.meetingId, meeting.id));
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ daysBefore: 3, recipients: 3 });
    expect(['worker-a', 'worker-b']).toContain(claims[0]!.claimedBy);
    expect(claims[0]!.sentAt).not.toBeNull();

    // Running again the same day sends nothing.
    const again = await Promise.all([sendDueReminders(now, 'worker-a'), sendDueReminders(now, 'worker-b')]);
    await drainMail();
    expect(again.reduce((s, r) => s + r.sent, 0)).toBe(0);

    // The 1-day reminder comes later, once, and skips whoever declined.
    await getDb().update(meetingInvitees).set({ reply: 'not_attending', repliedAt: new Date() }).where(eq(meetingInvitees.personId, secondPerson.id));
    const later = new Date(meeting.startsAt.getTime() - 10 * HOUR);
    const beforeLater = smtp.received.length;
    const runs = await Promise.all([1, 2, 3].map((i) => sendDueReminders(later, `worker-${i}`)));
    await drainMail();
    expect(runs.reduce((s, r) => s + r.sent, 0)).toBe(2);
    expect(smtp.received.slice(beforeLater).flatMap((m) => m.to).sort()).toEqual([memberPerson.email, chairPerson.email].sort());
    expect(await getDb().select().from(meetingReminders).where(eq(meetingReminders.meetingId, meeting.id))).toHaveLength(2);
  });

  it('sends only the nearest reminder when several are due at once, and none before they are due', async () => {
    const { meeting } = await invitedMeeting([7, 3, 1]);
    const before = smtp.received.length;
    expect((await sendDueReminders(new Date(meeting.startsAt.getTime() - 10 * DAY), 'w')).claimed).toBe(0);
    await drainMail();
    const late = new Date(meeting.startsAt.getTime() - 20 * HOUR);
    const run = await sendDueReminders(late, 'w');
    await drainMail();
    expect(run.claimed).toBe(1);
    expect(remindersTo(before, meeting.title)).toHaveLength(run.sent);
    const claims = await getDb().select().from(meetingReminders).where(eq(meetingReminders.meetingId, meeting.id));
    expect(claims.map((c) => [c.daysBefore, c.recipients]).sort()).toEqual([
      [1, run.sent],
      [3, 0],
      [7, 0],
    ]);
    expect(claims.find((c) => c.daysBefore === 7)!.sentAt).toBeNull();
  });

  it('does not remind about a cancelled meeting', async () => {
    const { meeting } = await invitedMeeting([3]);
    const { meetings } = await import('../../db/schema');
    await getDb().update(meetings).set({ status: 'cancelled' }).where(eq(meetings.id, meeting.id));
    const run = await sendDueReminders(new Date(meeting.startsAt.getTime() - 2 * DAY), 'w');
    await drainMail();
    expect(run.claimed).toBe(0);
  });

  it('registers the reminder job and runs extra jobs on demand only', async () => {
    expect(registeredJobs()).toContain('meeting-reminders');
    const seen: string[] = [];
    registerJob('test-job', async (_now, worker) => {
      seen.push(worker);
    });
    expect(seen).toHaveLength(0);
    await runJob('test-job');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/:\d+$/);
  });
});
