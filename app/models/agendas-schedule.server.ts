/**
 * Scheduled agenda publication ("publish the agenda on 10.2. at 9.00").
 *
 * Scheduling enqueues an `agenda.publish` job with `startAfter` in the same transaction as its
 * audit entry; the job is the schedule (pg-boss's own table holds its time and state), so there
 * is nothing to keep in step. The job carries a version of the agenda as it was when scheduled;
 * when it runs it publishes through the same publishAgenda as the button, with the system as the
 * actor, unless the agenda was published meanwhile, changed since (the secretary scheduled that
 * version, not a later one), the schedule was cancelled, or the meeting has begun.
 *
 * Scheduling, cancelling and the job lock the meeting row, so a cancel and a run never cross:
 * a cancel that commits first makes the run find its job cancelled; a run that commits first
 * leaves the cancel nothing to cancel.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { getDb, type Executor } from '~db/client.server';
import { agendaItemAttachments, agendaItems, meetings } from '~db/schema';
import { cancelJob, enqueue } from '~/lib/queue/queue.server';
import { PUBLISH_AGENDA_QUEUE, QUEUE_SCHEMA } from '~/lib/queue/queues';
import { agendaFrozen, getMeetingScope, isUuid, publishAgenda, type Who } from '~/models/agendas.server';
import { recordAudit, type AuditActor } from '~/models/audit.server';

/** Who publishes a scheduled agenda in the audit log. */
export const SCHEDULED_PUBLICATION_ACTOR: AuditActor = { userId: null, label: 'system', ip: null };

const jobTable = sql.raw(`${QUEUE_SCHEMA}.job`);

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

/**
 * A version of the agenda: its items (id, lock version, position) and their attachments.
 * Any edit, move, addition, deletion or attachment change gives a different value.
 */
export async function agendaVersion(meetingId: string, db: Executor = getDb()): Promise<string> {
  const items = await db
    .select({ id: agendaItems.id, lockVersion: agendaItems.lockVersion, position: agendaItems.position })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position));
  const attachments =
    items.length === 0
      ? []
      : await db
          .select({ id: agendaItemAttachments.id })
          .from(agendaItemAttachments)
          .where(
            inArray(
              agendaItemAttachments.agendaItemId,
              items.map((i) => i.id),
            ),
          )
          .orderBy(asc(agendaItemAttachments.id));
  const text = [...items.map((i) => `${i.id}:${i.lockVersion}:${i.position}`), '|', ...attachments.map((a) => a.id)].join(',');
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

export interface ScheduledPublication {
  jobId: string;
  at: Date;
  /** The agenda was changed after scheduling: the job will not publish it. */
  changed: boolean;
}

interface JobRow {
  id: string;
  start_after: Date | string;
  data: { meetingId?: string; version?: string };
}

async function pendingJobs(meetingId: string, db: Executor): Promise<JobRow[]> {
  return rowsOf<JobRow>(
    await db.execute(sql`
      select id, start_after, data from ${jobTable}
      where name = ${PUBLISH_AGENDA_QUEUE.name} and state in ('created', 'retry', 'active') and data->>'meetingId' = ${meetingId}
      order by created_on desc limit 5`),
  );
}

/** The meeting's pending scheduled publication, if any. */
export async function getScheduledPublication(meetingId: string, db: Executor = getDb()): Promise<ScheduledPublication | null> {
  const [job] = await pendingJobs(meetingId, db);
  if (!job) return null;
  const version = await agendaVersion(meetingId, db);
  return { jobId: job.id, at: new Date(job.start_after), changed: job.data.version !== version };
}

async function lockMeeting(tx: Executor, meetingId: string, councilId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.councilId, councilId)))
    .for('update');
  return rows.length === 1;
}

export type ScheduleOutcome =
  | { status: 'ok'; at: Date; jobId: string }
  | { status: 'not_found' | 'published' | 'cancelled' | 'frozen' | 'empty' | 'in_past' | 'after_start' };

/**
 * Schedules the publication at `at` (replacing an earlier schedule). Refused: a time not in the
 * future, a time at or after the meeting's start, an agenda already published or with no items,
 * a cancelled meeting, an agenda frozen by approved minutes.
 */
export async function scheduleAgendaPublication(who: Who, meetingId: string, at: Date, now: Date = new Date()): Promise<ScheduleOutcome> {
  return getDb().transaction(async (tx): Promise<ScheduleOutcome> => {
    if (!(await lockMeeting(tx, meetingId, who.councilId))) return { status: 'not_found' };
    const scope = await getMeetingScope(meetingId, tx);
    if (!scope) return { status: 'not_found' };
    if (scope.agendaPublishedAt) return { status: 'published' };
    if (scope.status === 'cancelled') return { status: 'cancelled' };
    if (at.getTime() <= now.getTime()) return { status: 'in_past' };
    if (at.getTime() >= scope.startsAt.getTime()) return { status: 'after_start' };
    if (await agendaFrozen(meetingId, tx)) return { status: 'frozen' };
    const [any] = await tx.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).limit(1);
    if (!any) return { status: 'empty' };
    const replaced = await pendingJobs(meetingId, tx);
    for (const job of replaced) await cancelJob(tx, PUBLISH_AGENDA_QUEUE, job.id);
    const version = await agendaVersion(meetingId, tx);
    const jobId = await enqueue(tx, PUBLISH_AGENDA_QUEUE, { meetingId, councilId: who.councilId, version, scheduledBy: who.actor.userId }, { startAfter: at });
    await recordAudit(tx, who.actor, {
      action: 'agenda.publish_schedule',
      entityType: 'meeting',
      entityId: meetingId,
      councilId: who.councilId,
      regionId: who.regionId,
      changes: { at: at.toISOString(), jobId, replaced: replaced.map((j) => j.id) },
    });
    return { status: 'ok', at, jobId: jobId! };
  });
}

/** Takes a scheduled publication back. */
export async function cancelScheduledPublication(who: Who, meetingId: string): Promise<{ status: 'ok' | 'not_found' | 'not_scheduled' }> {
  return getDb().transaction(async (tx) => {
    if (!(await lockMeeting(tx, meetingId, who.councilId))) return { status: 'not_found' as const };
    const jobs = await pendingJobs(meetingId, tx);
    if (jobs.length === 0) return { status: 'not_scheduled' as const };
    for (const job of jobs) await cancelJob(tx, PUBLISH_AGENDA_QUEUE, job.id);
    await recordAudit(tx, who.actor, {
      action: 'agenda.publish_unschedule',
      entityType: 'meeting',
      entityId: meetingId,
      councilId: who.councilId,
      regionId: who.regionId,
      changes: { at: new Date(jobs[0]!.start_after).toISOString(), jobIds: jobs.map((j) => j.id) },
    });
    return { status: 'ok' as const };
  });
}

export type ScheduledRunOutcome =
  | 'published'
  | 'skipped_cancelled'
  | 'skipped_published'
  | 'skipped_changed'
  | 'skipped_started'
  | 'skipped_meeting_gone'
  | `refused_${string}`;

/**
 * The `agenda.publish` job: publishes the agenda as the button does, or records why not.
 * `jobId` is the job being run; its state is read under lock, so a cancel that won is seen.
 */
export async function runScheduledPublication(
  jobId: string,
  data: { meetingId?: unknown; councilId?: unknown; version?: unknown },
  now: Date = new Date(),
): Promise<ScheduledRunOutcome> {
  const meetingId = data.meetingId;
  const councilId = data.councilId;
  if (!isUuid(meetingId) || !isUuid(councilId) || !isUuid(jobId)) return 'skipped_meeting_gone';
  return getDb().transaction(async (tx): Promise<ScheduledRunOutcome> => {
    if (!(await lockMeeting(tx, meetingId, councilId))) return 'skipped_meeting_gone';
    const scope = await getMeetingScope(meetingId, tx);
    if (!scope) return 'skipped_meeting_gone';
    const who: Who = { councilId, regionId: scope.regionId, actor: SCHEDULED_PUBLICATION_ACTOR };
    const [job] = rowsOf<{ state: string }>(await tx.execute(sql`select state::text as state from ${jobTable} where name = ${PUBLISH_AGENDA_QUEUE.name} and id = ${jobId} for update`));
    let outcome: ScheduledRunOutcome;
    if (!job || job.state === 'cancelled') outcome = 'skipped_cancelled';
    else if (scope.agendaPublishedAt) outcome = 'skipped_published';
    else if (data.version !== (await agendaVersion(meetingId, tx))) outcome = 'skipped_changed';
    else if (scope.startsAt.getTime() <= now.getTime()) outcome = 'skipped_started';
    else {
      const published = await publishAgenda(who, meetingId, now, tx);
      outcome = published.status === 'ok' ? 'published' : `refused_${published.status}`;
    }
    if (outcome !== 'published') {
      await recordAudit(tx, who.actor, {
        action: 'agenda.publish_schedule_skipped',
        entityType: 'meeting',
        entityId: meetingId,
        councilId,
        regionId: scope.regionId,
        changes: { jobId, outcome },
      });
    }
    return outcome;
  });
}
