/**
 * A series extending itself past its horizon: the nightly queue job `cron.series-extend`.
 *
 * A series' rule (RRULE) says how long it runs: forever, or to its own UNTIL/COUNT. What is
 * materialised as meetings is bounded by `materialised_until` (the horizon the secretary gave
 * when creating or editing it, at most three years). Every night each series that has not ended
 * is extended so that meetings exist at least SERIES_LOOKAHEAD_MONTHS ahead, never past the
 * rule's own end and never past the end of the term the series belongs to (a new term plans
 * its own meetings).
 *
 * Safe to run twice or on two workers at once: each series is extended in its own transaction
 * under a row lock, from its stored horizon on, and an occurrence the series already has (same
 * original start, unique in the database) is skipped. Times are Helsinki wall clock across the
 * DST changes (app/lib/recurrence.ts).
 */
import { addMonths, format } from 'date-fns';
import { and, asc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { getDb } from '~db/client.server';
import { councils, meetingSeries, terms, type MeetingSeries } from '~db/schema';
import { expandSeries, MAX_OCCURRENCES, RecurrenceError } from '~/lib/recurrence';
import { todayInHelsinki } from '~/lib/dates';
import { recordAudit, type AuditActor } from '~/models/audit.server';
import { insertOccurrences } from '~/models/series.server';

/** How far ahead the nightly job keeps every running series materialised. */
export const SERIES_LOOKAHEAD_MONTHS = 12;

/** Series looked at per batch (the job goes through all of them, a batch at a time). */
const BATCH = 200;

/** The audit actor of work the system does on its own (no user, no address). */
export const SYSTEM_ACTOR: AuditActor = { userId: null, label: 'system', ip: null };

function addDaysIso(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function addMonthsIso(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return format(addMonths(new Date(y, m - 1, d), months), 'yyyy-MM-dd');
}

export interface ExtendSeriesResult {
  /** Series that got new meetings. */
  extended: number;
  /** Meetings created. */
  created: number;
  /** Series whose rule could not be expanded (logged, left as they are). */
  failed: number;
}

/**
 * Extends every running series up to `now` + SERIES_LOOKAHEAD_MONTHS (Helsinki dates).
 * Returns what it did; running it again at once creates nothing.
 */
export async function extendSeries(now: Date = new Date()): Promise<ExtendSeriesResult> {
  const today = todayInHelsinki(now);
  const target = addMonthsIso(today, SERIES_LOOKAHEAD_MONTHS);
  const result: ExtendSeriesResult = { extended: 0, created: 0, failed: 0 };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    // Candidates: materialised short of the target, in a term that has not ended by the horizon.
    const batch = await getDb()
      .select({ id: meetingSeries.id })
      .from(meetingSeries)
      .leftJoin(terms, eq(terms.id, meetingSeries.termId))
      .where(
        and(
          gt(meetingSeries.id, after),
          lt(meetingSeries.materialisedUntil, target),
          or(isNull(terms.endDate), gt(terms.endDate, meetingSeries.materialisedUntil)),
        ),
      )
      .orderBy(asc(meetingSeries.id))
      .limit(BATCH);
    for (const { id } of batch) {
      try {
        const created = await extendOne(id, now, today, target);
        if (created > 0) {
          result.extended += 1;
          result.created += created;
        }
      } catch (error) {
        if (!(error instanceof RecurrenceError)) throw error;
        result.failed += 1;
        console.warn(`[series-extend] series ${id} not extended: ${error.message}`);
      }
    }
    if (batch.length < BATCH) break;
    after = batch.at(-1)!.id;
  }
  return result;
}

/** One series, in its own transaction: the occurrences after its horizon, up to the target. */
async function extendOne(seriesId: string, now: Date, today: string, target: string): Promise<number> {
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .select({ series: meetingSeries, termEnd: terms.endDate, regionId: councils.regionId })
      .from(meetingSeries)
      .innerJoin(councils, eq(councils.id, meetingSeries.councilId))
      .leftJoin(terms, eq(terms.id, meetingSeries.termId))
      .where(eq(meetingSeries.id, seriesId))
      .for('update', { of: meetingSeries });
    if (!row) return 0;
    const { series, termEnd, regionId } = row;
    const until = termEnd && termEnd < target ? termEnd : target;
    if (until <= series.materialisedUntil) return 0;
    const dayAfter = addDaysIso(series.materialisedUntil, 1);
    const from = dayAfter > today ? dayAfter : today;
    const found = expandSeries(
      { rrule: series.rrule, firstDate: series.firstDate, localStartTime: series.localStartTime, durationMinutes: series.durationMinutes },
      until,
      { from, limit: 1000 },
    ).filter((o) => o.start.getTime() > now.getTime());
    // A rule with many meetings (e.g. daily) catches up over several nights, MAX_OCCURRENCES at a time.
    const taken = found.slice(0, MAX_OCCURRENCES);
    if (taken.length === 0) return 0;
    const horizon = found.length > taken.length ? taken.at(-1)!.localDate : until;
    const ids = await insertOccurrences(
      tx,
      series.councilId,
      series.id,
      seriesPlace(series),
      taken.map((o) => ({ originalStart: o.originalStart, startsAt: o.start, endsAt: o.end, localDate: o.localDate })),
      { skipExisting: true },
    );
    await tx
      .update(meetingSeries)
      .set({ materialisedUntil: horizon, lockVersion: sql`${meetingSeries.lockVersion} + 1`, updatedAt: now })
      .where(eq(meetingSeries.id, series.id));
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'calendar.series_extend',
      entityType: 'meeting_series',
      entityId: series.id,
      councilId: series.councilId,
      regionId,
      changes: { materialisedUntil: [series.materialisedUntil, horizon], created: ids },
    });
    return ids.length;
  });
}

function seriesPlace(series: MeetingSeries) {
  return {
    title: series.title,
    publicity: series.publicity,
    meetingType: series.meetingType,
    address: series.address,
    room: series.room,
    onlineUrl: series.onlineUrl,
  };
}
