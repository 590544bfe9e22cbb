import { sql } from 'drizzle-orm';
import { meetings } from '~db/schema';

/**
 * A meeting's sequence number within its council and calendar year (Helsinki time): "Kokous 3/2027".
 * Cancelled meetings get no number and do not count, so the numbers are those of the meetings
 * that take (or took) place. Computed, never stored: rescheduling or cancelling an upcoming
 * meeting renumbers the later ones of the same year, which matches how councils number them.
 * Use only in queries that select from `meetings` without an alias.
 */
export const meetingSequence = sql<number | null>`(CASE WHEN ${meetings.status} = 'cancelled' THEN NULL ELSE (
  SELECT count(*)::int FROM meetings seq_m
  WHERE seq_m.council_id = ${meetings.councilId}
    AND seq_m.status <> 'cancelled'
    AND date_part('year', seq_m.starts_at AT TIME ZONE 'Europe/Helsinki') = date_part('year', ${meetings.startsAt} AT TIME ZONE 'Europe/Helsinki')
    AND (seq_m.starts_at, seq_m.id) <= (${meetings.startsAt}, ${meetings.id})
) END)`;
