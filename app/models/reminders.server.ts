import { and, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import { getDb, type Tx } from '~db/client.server';
import { councils, meetingInvitees, meetingReminders, meetings } from '~db/schema';
import { appOrigin } from '~/lib/config.server';
import { todayInHelsinki } from '~/lib/dates';
import { wakeWorkers } from '~/lib/queue/queue.server';
import { MAIL_QUEUE } from '~/lib/queue/queues';
import {
  issueReplyToken,
  loadMeetingForMail,
  mailAboutMeeting,
  reminderRecipients,
  toMailRecipient,
  type MailRecipient,
} from '~/models/invitations.server';
import { issueUnsubscribeUrl, optedOut } from '~/models/subscriptions.server';

const DAY_MS = 86_400_000;
/** meeting_reminders.days_before allows 0-60; a council setting outside that is ignored. */
const MAX_DAYS_BEFORE = 60;

function minusDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) - days * DAY_MS).toISOString().slice(0, 10);
}

export interface ReminderRun {
  /** Reminders this worker claimed (sent or superseded). */
  claimed: number;
  /** Messages this worker handed to the mail system. */
  sent: number;
}

/**
 * Sends the reminders due at `now`: for each invited meeting and each of its council's
 * reminder_days whose day has come (in Helsinki). The claim row (meeting_id, days_before),
 * the fresh reply links and the queued messages are written in ONE transaction: when several
 * workers run this at once, the unique claim lets exactly one commit its messages; a worker
 * that dies before committing leaves nothing claimed, so the next run sends the reminder (at
 * least once), and once committed the queue delivers each message once (by message id).
 * When several reminder days are due together (the server was down, or the invitation went
 * out late), only the nearest is sent and the others are claimed as superseded.
 */
export async function sendDueReminders(now: Date, workerId: string, opts: { baseUrl?: string } = {}): Promise<ReminderRun> {
  const db = getDb();
  const baseUrl = opts.baseUrl ?? appOrigin();
  const today = todayInHelsinki(now);
  const candidates = await db
    .select({
      id: meetings.id,
      startsAt: meetings.startsAt,
      invitedAt: meetings.invitedAt,
      reminderDays: councils.reminderDays,
      claimedDays: sql<number[]>`coalesce((select array_agg(r.days_before) from ${meetingReminders} r where r.meeting_id = ${meetings.id}), '{}'::int[])`,
    })
    .from(meetings)
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .where(
      and(
        eq(meetings.status, 'invited'),
        gt(meetings.startsAt, now),
        lt(meetings.startsAt, new Date(now.getTime() + (MAX_DAYS_BEFORE + 1) * DAY_MS)),
        sql`cardinality(${councils.reminderDays}) > 0`,
      ),
    );

  const run: ReminderRun = { claimed: 0, sent: 0 };
  for (const meeting of candidates) {
    const meetingDate = todayInHelsinki(meeting.startsAt);
    const claimed = new Set(meeting.claimedDays.map(Number));
    const due = [...new Set(meeting.reminderDays)]
      .filter((d) => Number.isInteger(d) && d >= 0 && d <= MAX_DAYS_BEFORE)
      .filter((d) => !claimed.has(d) && minusDays(meetingDate, d) <= today)
      .sort((a, b) => a - b);
    if (due.length === 0) continue;
    const [nearest, ...superseded] = due as [number, ...number[]];
    // An invitation sent on or after the reminder day already reminds: do not send both.
    const invitedBefore = meeting.invitedAt !== null && todayInHelsinki(meeting.invitedAt) < minusDays(meetingDate, nearest);
    const outcome = await db.transaction(async (tx) => {
      const [claim] = await tx
        .insert(meetingReminders)
        .values({ meetingId: meeting.id, daysBefore: nearest, claimedBy: workerId, claimedAt: now })
        .onConflictDoNothing()
        .returning({ id: meetingReminders.id });
      if (superseded.length > 0) {
        await tx
          .insert(meetingReminders)
          .values(superseded.map((d) => ({ meetingId: meeting.id, daysBefore: d, claimedBy: workerId, claimedAt: now, recipients: 0 })))
          .onConflictDoNothing();
      }
      if (!claim) return null;
      const sent = invitedBefore ? await queueReminder(tx, meeting.id, baseUrl, now) : 0;
      await tx
        .update(meetingReminders)
        .set({ sentAt: invitedBefore ? now : null, recipients: sent })
        .where(eq(meetingReminders.id, claim.id));
      return sent;
    });
    if (outcome === null) continue;
    run.claimed += 1;
    run.sent += outcome;
  }
  if (run.sent > 0) wakeWorkers(MAIL_QUEUE);
  return run;
}

async function queueReminder(tx: Tx, meetingId: string, baseUrl: string, now: Date): Promise<number> {
  const found = await loadMeetingForMail(tx, meetingId);
  if (!found) return 0;
  const rows = await reminderRecipients(tx, meetingId);
  // Those who have not replied get a fresh link, so the reminder can be answered at once.
  const unanswered = rows.length
    ? new Set(
        (
          await tx
            .select({ id: meetingInvitees.id })
            .from(meetingInvitees)
            .where(and(inArray(meetingInvitees.id, rows.map((r) => r.id)), isNull(meetingInvitees.reply)))
        ).map((r) => r.id),
      )
    : new Set<string>();
  // Those who turned meeting reminders off (account settings or an unsubscribe link) get none.
  const off = await optedOut(tx, rows.flatMap((r) => (r.email ? [r.email] : [])), 'meeting_reminders');
  let queued = 0;
  for (const row of rows) {
    if (!row.email || off.has(row.email.toLowerCase())) continue;
    const token = unanswered.has(row.id) ? await issueReplyToken(tx, row.id) : null;
    const to: MailRecipient | null = toMailRecipient(row, found.council, token ? `${baseUrl}/reply/${token}` : null);
    if (!to) continue;
    const unsubscribeUrl = await issueUnsubscribeUrl(tx, { address: row.email }, 'meeting_reminders', baseUrl);
    await mailAboutMeeting(tx, 'reminder', found.meeting, found.council, to, now, { unsubscribeUrl });
    queued += 1;
  }
  return queued;
}
