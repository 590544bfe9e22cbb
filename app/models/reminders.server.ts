import { and, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import { getDb } from '~db/client.server';
import { councils, meetingInvitees, meetingReminders, meetings } from '~db/schema';
import { appOrigin } from '~/lib/config.server';
import { todayInHelsinki } from '~/lib/dates';
import {
  issueReplyToken,
  loadMeetingForMail,
  mailAboutMeeting,
  reminderRecipients,
  toMailRecipient,
  type MailRecipient,
} from '~/models/invitations.server';

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
 * reminder_days whose day has come (in Helsinki). A reminder is first claimed with
 * INSERT … ON CONFLICT DO NOTHING on (meeting_id, days_before), so when several app
 * instances run this at once exactly one of them sends it. Sending is at most once: a
 * worker that dies after claiming loses that reminder rather than sending it twice.
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
    const [claim] = await db
      .insert(meetingReminders)
      .values({ meetingId: meeting.id, daysBefore: nearest, claimedBy: workerId, claimedAt: now })
      .onConflictDoNothing()
      .returning({ id: meetingReminders.id });
    if (superseded.length > 0) {
      await db
        .insert(meetingReminders)
        .values(superseded.map((d) => ({ meetingId: meeting.id, daysBefore: d, claimedBy: workerId, claimedAt: now, recipients: 0 })))
        .onConflictDoNothing();
    }
    if (!claim) continue;
    run.claimed += 1;
    // An invitation sent on or after the reminder day already reminds: do not send both.
    const invitedBefore = meeting.invitedAt !== null && todayInHelsinki(meeting.invitedAt) < minusDays(meetingDate, nearest);
    const sent = invitedBefore ? await sendReminder(meeting.id, baseUrl, now) : 0;
    await db
      .update(meetingReminders)
      .set({ sentAt: invitedBefore ? new Date() : null, recipients: sent })
      .where(eq(meetingReminders.id, claim.id));
    run.sent += sent;
  }
  return run;
}

async function sendReminder(meetingId: string, baseUrl: string, now: Date): Promise<number> {
  const prepared = await getDb().transaction(async (tx) => {
    const found = await loadMeetingForMail(tx, meetingId);
    if (!found) return null;
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
    const recipients: MailRecipient[] = [];
    for (const row of rows) {
      if (!row.email) continue;
      const token = unanswered.has(row.id) ? await issueReplyToken(tx, row.id) : null;
      const to = toMailRecipient(row, found.council, token ? `${baseUrl}/reply/${token}` : null);
      if (to) recipients.push(to);
    }
    return { ...found, recipients };
  });
  if (!prepared) return 0;
  let sent = 0;
  for (const to of prepared.recipients) {
    if ((await mailAboutMeeting('reminder', prepared.meeting, prepared.council, to, now)) !== 'failed') sent += 1;
  }
  return sent;
}
