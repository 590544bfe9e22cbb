import { and, eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '../../db/client.server';
import { auditLog, meetings } from '../../db/schema';
import { helsinkiWallClock } from '../../app/lib/dates';
import { scheduledPublicationHandler } from '../../app/lib/queue/handlers.server';
import { runQueuedJobs } from '../../app/lib/queue/queue.server';
import { PUBLISH_AGENDA_QUEUE } from '../../app/lib/queue/queues';
import { cancelScheduledPublication } from '../../app/models/agendas-schedule.server';
import * as agendaRoute from '../../app/routes/manage.meetings.$meetingId_.agenda';
import { buildRecordsSetup, insertItems, itemsOf, renderRoute } from '../factories/records';
import { useTestDatabase } from '../setup/database';
import { call, makeRequest } from '../support/requests';

useTestDatabase();
afterEach(() => vi.useRealTimers());

type Reply = { form: string; message?: string; error?: string; result?: { error?: Record<string, string[] | null> } };
type Page = { scheduled: { at: string; changed: boolean } | null; meeting: { agendaPublishedAt: string | null } };

const url = (meetingId: string) => `/manage/meetings/${meetingId}/agenda`;
const post = async (meetingId: string, cookie: string, form: Record<string, string>) => {
  const res = await call(agendaRoute.action, makeRequest(url(meetingId), { cookie, form }), { meetingId });
  return { status: res.status, body: (await res.json()) as Reply };
};
const page = async (meetingId: string, cookie: string) =>
  (await (await call(agendaRoute.loader, makeRequest(url(meetingId), { cookie }), { meetingId })).json()) as Page;

/** A meeting on Wed 17.2.2027 at 13.00 with two agenda items. */
async function setup() {
  const s = await buildRecordsSetup({ meeting: { startsAt: helsinkiWallClock('2027-02-17', '13:00'), endsAt: helsinkiWallClock('2027-02-17', '15:00') } });
  const items = await insertItems(s.meeting, [{ title: 'Kokouksen avaus' }, { title: 'Lausunto hyvinvointikertomuksesta' }]);
  return { ...s, items };
}

const meetingRow = async (id: string) => (await getDb().select().from(meetings).where(eq(meetings.id, id)))[0]!;

/** Lets the scheduled time pass: the job is due, and the clock of the handler is just past 9.00. */
async function timePasses(to = '2027-02-10T07:00:30Z') {
  await getDb().execute(sql`update pgboss.job set start_after = now() - interval '1 second' where name = ${PUBLISH_AGENDA_QUEUE.name} and state = 'created'`);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(to));
}

/** The publication jobs of one meeting by state. */
async function statesOf(meetingId: string): Promise<Record<string, number>> {
  const result = (await getDb().execute(
    sql`select state::text as state, count(*)::int as n from pgboss.job where name = ${PUBLISH_AGENDA_QUEUE.name} and data->>'meetingId' = ${meetingId} group by state`,
  )) as unknown;
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{ state: string; n: number }>;
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}

const jobOutputs = async () => {
  const result = (await getDb().execute(sql`select output from pgboss.job where name = ${PUBLISH_AGENDA_QUEUE.name} and state = 'completed'`)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows).map((r) => (r as { output: { outcome?: string } }).output.outcome);
};

describe('scheduled agenda publication (agenda.publish)', () => {
  it('the secretary schedules 10.2.2027 9.00; the page says so; after the time the job publishes as the button does', async () => {
    const s = await setup();
    const scheduled = await post(s.meeting.id, s.secretary.cookie, { intent: 'schedule-publish', publishAt: '2027-02-10T09:00' });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.message).toBe('Julkaisu ajastettiin: ke 10.2.2027 klo 9.00.');
    expect((await page(s.meeting.id, s.secretary.cookie)).scheduled).toEqual({ jobId: expect.any(String), at: '2027-02-10T07:00:00.000Z', changed: false });
    const { html } = await renderRoute(agendaRoute, '/manage/meetings/:meetingId/agenda', makeRequest(url(s.meeting.id), { cookie: s.secretary.cookie }));
    expect(html).toContain('Ajastettu julkaistavaksi ke 10.2.2027 klo 9.00.');
    expect(html).toContain('value="cancel-schedule"');
    const { html: en } = await renderRoute(agendaRoute, '/manage/meetings/:meetingId/agenda', makeRequest(url(s.meeting.id), { cookie: s.secretary.cookie }), 'en');
    expect(en).toContain('Scheduled for publication Wed 10 Feb 2027, 09:00.');
    const audit = await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'agenda.publish_schedule'), eq(auditLog.entityId, s.meeting.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorUserId).toBe(s.secretary.user.id);

    // Not before its time.
    expect(await runQueuedJobs(getDb(), PUBLISH_AGENDA_QUEUE)).toEqual({ ran: 0, failed: 0 });
    expect((await meetingRow(s.meeting.id)).agendaPublishedAt).toBeNull();

    await timePasses();
    expect(await runQueuedJobs(getDb(), PUBLISH_AGENDA_QUEUE)).toEqual({ ran: 1, failed: 0 });
    expect(await jobOutputs()).toEqual(['published']);
    expect((await meetingRow(s.meeting.id)).agendaPublishedAt?.toISOString()).toBe('2027-02-10T07:00:30.000Z');
    expect((await itemsOf(s.meeting.id)).map((i) => i.sectionNumber)).toEqual([1, 2]);
    const published = await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'agenda.publish'), eq(auditLog.entityId, s.meeting.id)));
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ actorUserId: null, actorLabel: 'system' });
    expect(published[0]!.changes).toMatchObject({ numbered: 2, late: false });
    vi.useRealTimers();
    expect((await page(s.meeting.id, s.secretary.cookie)).scheduled).toBeNull();
    // Nothing left to run.
    expect(await runQueuedJobs(getDb(), PUBLISH_AGENDA_QUEUE)).toEqual({ ran: 0, failed: 0 });
  });

  it('a cancelled schedule publishes nothing, also when the job was already taken when the secretary cancelled', async () => {
    const s = await setup();
    await post(s.meeting.id, s.secretary.cookie, { intent: 'schedule-publish', publishAt: '2027-02-10T09:00' });
    const cancelled = await post(s.meeting.id, s.secretary.cookie, { intent: 'cancel-schedule' });
    expect(cancelled.body.message).toBe('Ajastettu julkaisu peruttiin.');
    expect((await page(s.meeting.id, s.secretary.cookie)).scheduled).toBeNull();
    expect((await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'agenda.publish_unschedule'), eq(auditLog.entityId, s.meeting.id))))).toHaveLength(1);
    await timePasses();
    expect(await runQueuedJobs(getDb(), PUBLISH_AGENDA_QUEUE)).toEqual({ ran: 0, failed: 0 });
    expect((await meetingRow(s.meeting.id)).agendaPublishedAt).toBeNull();
    vi.useRealTimers();
    expect((await post(s.meeting.id, s.secretary.cookie, { intent: 'cancel-schedule' })).body.message).toBe('Julkaisua ei ollut ajastettu.');

    // The race: a worker has taken the job (active) when the cancel commits; the run then finds it cancelled.
    await post(s.meeting.id, s.secretary.cookie, { intent: 'schedule-publish', publishAt: '2027-02-10T09:00' });
    await timePasses();
    const run = await runQueuedJobs(getDb(), PUBLISH_AGENDA_QUEUE, {
      handler: async (job) => {
        expect(await cancelScheduledPublication(s.who, s.meeting.id)).toEqual({ status: 'ok' });
        return scheduledPublicationHandler(job);
      },
    });
    expect(run.ran).toBe(1);
    expect((await meetingRow(s.meeting.id)).agendaPublishedAt).toBeNull();
    expect((await itemsOf(s.meeting.id)).map((i) => i.sectionNumber)).toEqual([null, null]);
    const skipped = await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'agenda.publish_schedule_skipped'), eq(auditLog.entityId, s.meeting.id)));
    expect(skipped.map((a) => (a.changes as { outcome: string }).outcome)).toEqual(['skipped_cancelled']);
  });

  it('an agenda changed after scheduling, or published by hand meanwhile, is left alone', async () => {
    const s = await setup();
    await post(s.meeting.id, s.secretary.cookie, { intent: 'schedule-publish', publishAt: '2027-02-10T09:00' });
    const item = s.items[1]!;
    const saved = await post(s.meeting.id, s.secretary.cookie, { intent: 'save-item', itemId: item.id, lockVersion: String(item.lockVersion), title: 'Lausunto (korjattu)', publicity: 'public' });
    expect(saved.status).toBe(200);
    expect((await page(s.meeting.id, s.secretary.cookie)).scheduled).toMatchObject({ changed: true });
    const { html } = await renderRoute(agendaRoute, '/manage/meetings/:meetingId/agenda', makeRequest(url(s.meeting.id), { cookie: s.secretary.cookie }));
    expect(html).toContain('Esityslistaa on muutettu ajastuksen jälkeen');
    await timePasses();
    expect(await runQueuedJobs(getDb(), PUBLISH_AGENDA_QUEUE)).toEqual({ ran: 1, failed: 0 });
    expect((await meetingRow(s.meeting.id)).agendaPublishedAt).toBeNull();
    vi.useRealTimers();

    // Scheduled again (the new version), then published by hand before the time.
    const again = await post(s.meeting.id, s.secretary.cookie, { intent: 'schedule-publish', publishAt: '2027-02-10T09:00' });
    expect(again.status).toBe(200);
    expect((await post(s.meeting.id, s.secretary.cookie, { intent: 'publish' })).status).toBe(200);
    const byHand = (await meetingRow(s.meeting.id)).agendaPublishedAt;
    await timePasses();
    expect(await runQueuedJobs(getDb(), PUBLISH_AGENDA_QUEUE)).toEqual({ ran: 1, failed: 0 });
    expect((await meetingRow(s.meeting.id)).agendaPublishedAt).toEqual(byHand);
    expect(await jobOutputs()).toEqual(expect.arrayContaining(['skipped_changed', 'skipped_published']));
    expect(await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'agenda.publish'), eq(auditLog.entityId, s.meeting.id)))).toHaveLength(1);
  });

  it('refuses a time in the past, at or after the meeting start, or one that does not exist, with the message at the field', async () => {
    const s = await setup();
    const cases: Array<[string | undefined, string]> = [
      ['2020-01-10T09:00', 'Ajankohdan on oltava tulevaisuudessa.'],
      ['2027-02-17T13:00', 'Esityslista on julkaistava ennen kokouksen alkua (ke 17.2.2027 klo 13.00).'],
      ['2027-02-20T09:00', 'Esityslista on julkaistava ennen kokouksen alkua (ke 17.2.2027 klo 13.00).'],
      ['2027-02-30T09:00', 'Tarkista päivä ja kellonaika (esim. 10.2.2027 9.00).'],
      ['2027-03-28T03:30', 'Tarkista päivä ja kellonaika (esim. 10.2.2027 9.00).'], // the hour skipped at the change to summer time
      ['10.2.2027 9.00', 'Tarkista päivä ja kellonaika (esim. 10.2.2027 9.00).'],
      [undefined, 'Valitse julkaisun päivä ja kellonaika.'],
    ];
    for (const [publishAt, message] of cases) {
      const res = await post(s.meeting.id, s.secretary.cookie, { intent: 'schedule-publish', ...(publishAt === undefined ? {} : { publishAt }) });
      expect(res.status, publishAt).toBe(400);
      expect(res.body.result?.error?.publishAt, publishAt).toEqual([message]);
    }
    expect(await statesOf(s.meeting.id)).toEqual({});
    expect(await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'agenda.publish_schedule'), eq(auditLog.entityId, s.meeting.id)))).toHaveLength(0);

    // Scheduling again replaces the earlier time: one pending job.
    await post(s.meeting.id, s.secretary.cookie, { intent: 'schedule-publish', publishAt: '2027-02-09T09:00' });
    await post(s.meeting.id, s.secretary.cookie, { intent: 'schedule-publish', publishAt: '2027-02-10T09:00' });
    expect(await statesOf(s.meeting.id)).toEqual({ created: 1, cancelled: 1 });
    expect((await page(s.meeting.id, s.secretary.cookie)).scheduled?.at).toBe('2027-02-10T07:00:00.000Z');
    // A member cannot schedule.
    const member = await call(agendaRoute.action, makeRequest(url(s.meeting.id), { cookie: s.checkerA.cookie, form: { intent: 'schedule-publish', publishAt: '2027-02-10T09:00' } }), { meetingId: s.meeting.id });
    expect(member.status).toBe(403);
    expect(await statesOf(s.meeting.id)).toEqual({ created: 1, cancelled: 1 });
  });
});
