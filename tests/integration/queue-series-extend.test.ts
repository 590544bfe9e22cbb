import { and, asc, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '../../db/client.server';
import { auditLog, meetings, meetingSeries } from '../../db/schema';
import { toIsoWithOffset } from '../../app/lib/dates';
import { enqueue, runQueuedJobs } from '../../app/lib/queue/queue.server';
import { SERIES_EXTEND_QUEUE } from '../../app/lib/queue/queues';
import { helsinkiDate, helsinkiTime } from '../../app/lib/recurrence';
import { extendSeries } from '../../app/models/series-extend.server';
import { createSeries, type SeriesInput } from '../../app/models/series.server';
import { buildCouncil, buildTerm } from '../factories';
import { useTestDatabase } from '../setup/database';

useTestDatabase();

afterEach(() => vi.useRealTimers());

const actor = { userId: null, label: 'test', ip: null };

const weekly = (over: Partial<SeriesInput> = {}): SeriesInput => ({
  title: 'Viikkokokous',
  preset: 'weekly',
  firstDate: '2030-01-01', // a Tuesday
  startTime: '13:00',
  durationMinutes: 90,
  until: '2030-03-12',
  meetingType: 'in_person',
  address: 'Aleksanterinkatu 1',
  room: null,
  onlineUrl: null,
  publicity: 'public',
  ...over,
});

async function newSeries(over: Partial<SeriesInput> = {}, opts: { termEnd?: string } = {}) {
  const council = await buildCouncil();
  if (opts.termEnd) await buildTerm(council.id, { startDate: '2029-01-01', endDate: opts.termEnd });
  const created = await createSeries({ councilId: council.id, regionId: council.regionId }, actor, weekly(over), new Date('2029-12-01T10:00:00Z'));
  if (!created.ok) throw new Error(created.message);
  return created.series;
}

const rowsOf = (seriesId: string) => getDb().select().from(meetings).where(eq(meetings.seriesId, seriesId)).orderBy(asc(meetings.startsAt));
const seriesRow = async (id: string) => (await getDb().select().from(meetingSeries).where(eq(meetingSeries.id, id)))[0]!;

describe('a series extending itself past its horizon (cron.series-extend)', () => {
  it('creates the next occurrences up to a year ahead, at 13:00 Helsinki across both DST changes, exactly once', async () => {
    const series = await newSeries();
    expect(await rowsOf(series.id)).toHaveLength(11); // 1.1.–12.3.2030
    // A week before the last generated meeting.
    const now = new Date('2030-03-05T08:00:00Z');
    const first = await extendSeries(now);
    expect(first).toMatchObject({ created: 51, failed: 0 });
    const rows = await rowsOf(series.id);
    expect(rows).toHaveLength(62);
    const added = rows.slice(11);
    expect(helsinkiDate(added[0]!.startsAt)).toBe('2030-03-19');
    expect(helsinkiDate(added.at(-1)!.startsAt)).toBe('2031-03-04');
    expect(added.every((m) => helsinkiTime(m.startsAt) === '13:00' && helsinkiTime(m.endsAt) === '14:30')).toBe(true);
    const byDate = new Map(added.map((m) => [helsinkiDate(m.startsAt), m]));
    // Before and after the change to summer time (31.3.2030) and back (27.10.2030).
    expect(toIsoWithOffset(byDate.get('2030-03-26')!.startsAt)).toBe('2030-03-26T13:00:00+02:00');
    expect(toIsoWithOffset(byDate.get('2030-04-02')!.startsAt)).toBe('2030-04-02T13:00:00+03:00');
    expect(byDate.get('2030-04-02')!.startsAt.toISOString()).toBe('2030-04-02T10:00:00.000Z');
    expect(toIsoWithOffset(byDate.get('2030-10-29')!.startsAt)).toBe('2030-10-29T13:00:00+02:00');
    expect(added.every((m) => m.status === 'planned' && m.title === 'Viikkokokous' && m.address === 'Aleksanterinkatu 1' && m.originalStart !== null)).toBe(true);
    expect(new Set(rows.map((m) => m.icsUid)).size).toBe(62);

    const after = await seriesRow(series.id);
    expect(after.materialisedUntil).toBe('2031-03-05');
    expect(after.lockVersion).toBe(series.lockVersion + 1);
    const audit = await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'calendar.series_extend'), eq(auditLog.entityId, series.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: null, actorLabel: 'system' });

    // Running again (a retried job, the next night) creates nothing new.
    expect(await extendSeries(now)).toMatchObject({ created: 0 });
    expect(await extendSeries(new Date('2030-03-05T22:00:00Z'))).toMatchObject({ created: 0 });
    expect(await rowsOf(series.id)).toHaveLength(62);

    // A run that read the old horizon (two workers at once): the occurrences it would add exist already.
    await getDb().update(meetingSeries).set({ materialisedUntil: '2030-03-12' }).where(eq(meetingSeries.id, series.id));
    expect(await extendSeries(now)).toMatchObject({ created: 0 });
    expect(await rowsOf(series.id)).toHaveLength(62);
    expect((await seriesRow(series.id)).materialisedUntil).toBe('2031-03-05');
  });

  it('two runs at the same time create each occurrence once', async () => {
    const series = await newSeries({ title: 'Rinnakkain' });
    const now = new Date('2030-03-01T08:00:00Z');
    const [a, b] = await Promise.all([extendSeries(now), extendSeries(now)]);
    const rows = await rowsOf(series.id);
    expect(a.created + b.created).toBe(rows.length - 11);
    expect(new Set(rows.map((m) => m.originalStart!.getTime())).size).toBe(rows.length);
  });

  it('runs from the queue on its cron queue, with "now" moved past the horizon', async () => {
    const series = await newSeries({ title: 'Jonosta', preset: 'monthly_same_day', firstDate: '2030-01-15', until: '2030-06-15' });
    expect(await rowsOf(series.id)).toHaveLength(6);
    // The job as pg-boss's cron puts it in; then the clock moves on to the night it runs.
    await enqueue(getDb(), SERIES_EXTEND_QUEUE, {});
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-06-01T00:30:00Z')); // 3.30 in Helsinki, as the cron line says
    expect(await runQueuedJobs(getDb(), SERIES_EXTEND_QUEUE)).toEqual({ ran: 1, failed: 0 });
    const rows = await rowsOf(series.id);
    // 15.7.2030 … 15.5.2031: the year ahead of 1.6.2030.
    expect(rows.map((m) => helsinkiDate(m.startsAt)).slice(6)).toEqual([
      '2030-07-15', '2030-08-15', '2030-09-15', '2030-10-15', '2030-11-15', '2030-12-15',
      '2031-01-15', '2031-02-15', '2031-03-15', '2031-04-15', '2031-05-15',
    ]);
    expect(rows.every((m) => helsinkiTime(m.startsAt) === '13:00')).toBe(true);
    vi.useRealTimers();
    await enqueue(getDb(), SERIES_EXTEND_QUEUE, {});
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-06-01T01:30:00Z'));
    expect(await runQueuedJobs(getDb(), SERIES_EXTEND_QUEUE)).toEqual({ ran: 1, failed: 0 });
    expect(await rowsOf(series.id)).toHaveLength(17);
  });

  it('stops at the end of the series term and at the rule’s own end', async () => {
    const inTerm = await newSeries({ title: 'Kausi' }, { termEnd: '2030-05-31' });
    const ending = await newSeries({ title: 'Päättyvä', preset: 'custom', customRule: 'FREQ=WEEKLY;UNTIL=20300416' });
    await extendSeries(new Date('2030-03-05T08:00:00Z'));
    const term = await rowsOf(inTerm.id);
    expect(helsinkiDate(term.at(-1)!.startsAt)).toBe('2030-05-28');
    expect((await seriesRow(inTerm.id)).materialisedUntil).toBe('2030-05-31');
    const ended = await rowsOf(ending.id);
    expect(helsinkiDate(ended.at(-1)!.startsAt)).toBe('2030-04-16');
    expect(ended).toHaveLength(16);
    // Later nights add nothing to either.
    await extendSeries(new Date('2030-09-01T08:00:00Z'));
    expect(await rowsOf(inTerm.id)).toHaveLength(term.length);
    expect(await rowsOf(ending.id)).toHaveLength(16);
  });
});
