import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import {
  agendaItems,
  agendaTemplateItems,
  annualReports,
  categories,
  councils,
  cycleMilestones,
  decisions,
  meetingSeries,
  meetings,
  memberships,
  people,
  planActions,
  planGoals,
  actionPlans,
  statements,
  terms,
} from '../../db/schema';
import { helsinkiWallClock } from '../../app/lib/dates';
import * as agendaRoute from '../../app/routes/manage.meetings.$meetingId_.agenda';
import * as councilEditRoute from '../../app/routes/manage.councils.$slug.edit';
import * as cycleRoute from '../../app/routes/manage.councils.$slug.cycle';
import * as meetingListRoute from '../../app/routes/manage.councils.$slug.meetings._index';
import * as meetingRoute from '../../app/routes/manage.meetings.$meetingId';
import * as minutesRoute from '../../app/routes/manage.meetings.$meetingId_.minutes';
import * as peopleRoute from '../../app/routes/manage.people';
import * as planRoute from '../../app/routes/manage.councils.$slug.plans.$year';
import * as reportRoute from '../../app/routes/manage.councils.$slug.reports.$year';
import * as rosterRoute from '../../app/routes/manage.councils.$slug.roster';
import * as seriesRoute from '../../app/routes/manage.councils.$slug.series.$seriesId';
import * as statementsRoute from '../../app/routes/manage.councils.$slug.statements';
import * as templateRoute from '../../app/routes/manage.councils.$slug.agenda-template';
import * as termRoute from '../../app/routes/manage.councils.$slug.terms.$termId';
import { daysFromNow } from '../factories/calendar';
import { buildMilestone, buildPlan, buildReport, buildStatement } from '../factories/plans';
import { buildRecordsSetup, insertItems } from '../factories/records';
import { useTestDatabase } from '../setup/database';
import { buildUser, call, makeRequest } from '../support/requests';

useTestDatabase();

/**
 * Every editor of the app, each submitted twice from the same (now stale) form: the first save
 * wins, the second is refused with the "someone else saved" message and overwrites nothing.
 * The five editors that had no lock before (seat plan categories, agenda-template items,
 * annual-cycle milestones, plan goals, plan actions) are the reason this file exists.
 */

type Route = { action: (args: never) => unknown };
type Form = Record<string, string | string[]>;
const CONFLICT = /Joku muu (tallensi|muutti)/;

async function setup() {
  const s = await buildRecordsSetup();
  const admin = await buildUser({ grants: [{ role: 'region_admin', regionId: s.council.regionId }] });
  return { ...s, cookie: admin.cookie, slug: s.council.slug };
}

/** Posts the first form, then the second built from the same read, and returns both responses. */
async function twice(route: Route, path: string, params: Record<string, string>, cookie: string, first: Form, second: Form) {
  const post = (form: Form) => call(route.action as never, makeRequest(path, { cookie, form }), params);
  const a = await post(first);
  const aText = await a.text();
  expect(a.status, aText).toBeLessThan(400);
  const b = await post(second);
  const bText = await b.text();
  return { a, b, bText };
}

function expectRefused(res: { b: Response; bText: string }) {
  expect([400, 409]).toContain(res.b.status);
  expect(res.bText).toMatch(CONFLICT);
}

const YEAR = 2026;

describe('two stale forms per editor: the second is refused and overwrites nothing', () => {
  it('council facts', async () => {
    const s = await setup();
    const [c] = await getDb().select().from(councils).where(eq(councils.id, s.council.id));
    const base = { nameFi: c!.nameFi, kind: c!.kind, origin: c!.origin, publicityDefault: 'public', languages: 'fi', lockVersion: String(c!.lockVersion) };
    const res = await twice(councilEditRoute, `/manage/councils/${s.slug}/edit`, { slug: s.slug }, s.cookie, { ...base, descriptionFi: 'Ensimmäinen' }, { ...base, descriptionFi: 'Toinen' });
    expectRefused(res);
    const [after] = await getDb().select().from(councils).where(eq(councils.id, s.council.id));
    expect(after!.descriptionFi).toBe('Ensimmäinen');
  });

  it('term', async () => {
    const s = await setup();
    const base = { intent: 'term', startDate: s.term.startDate, endDate: s.term.endDate ?? '', lockVersion: String(s.term.lockVersion) };
    const path = `/manage/councils/${s.slug}/terms/${s.term.id}`;
    const res = await twice(termRoute, path, { slug: s.slug, termId: s.term.id }, s.cookie, { ...base, name: 'Kausi A' }, { ...base, name: 'Kausi B' });
    expectRefused(res);
    const [after] = await getDb().select().from(terms).where(eq(terms.id, s.term.id));
    expect(after!.name).toBe('Kausi A');
  });

  it('seat plan categories (had no lock)', async () => {
    const s = await setup();
    const [cat] = await getDb().select().from(categories).where(eq(categories.id, s.category.id));
    const row = (name: string, seats: string) => ({
      intent: 'plan',
      'categories[0].id': cat!.id,
      'categories[0].lockVersion': String(cat!.lockVersion),
      'categories[0].nameFi': name,
      'categories[0].memberSeats': seats,
      'categories[0].deputySeats': seats,
    });
    const path = `/manage/councils/${s.slug}/terms/${s.term.id}`;
    const res = await twice(termRoute, path, { slug: s.slug, termId: s.term.id }, s.cookie, row('Lapset, nuoret ja perheet', '20'), row('Perheet', '30'));
    expectRefused(res);
    const [after] = await getDb().select().from(categories).where(eq(categories.id, s.category.id));
    expect(after).toMatchObject({ nameFi: 'Lapset, nuoret ja perheet', memberSeats: 20 });
  });

  it('person', async () => {
    const s = await setup();
    const [p] = await getDb().select().from(people).where(eq(people.id, s.seats[0]!.personId));
    const base = { intent: 'update', personId: p!.id, givenName: p!.givenName, lockVersion: String(p!.lockVersion) };
    const res = await twice(peopleRoute, '/manage/people', {}, s.cookie, { ...base, familyName: 'Ensimmäinen' }, { ...base, familyName: 'Toinen' });
    expectRefused(res);
    const [after] = await getDb().select().from(people).where(eq(people.id, p!.id));
    expect(after!.familyName).toBe('Ensimmäinen');
  });

  it('membership end', async () => {
    const s = await setup();
    const [m] = await getDb().select().from(memberships).where(eq(memberships.id, s.seats[2]!.membershipId));
    const base = { intent: 'end', membershipId: m!.id, lockVersion: String(m!.lockVersion) };
    const res = await twice(
      rosterRoute,
      `/manage/councils/${s.slug}/roster`,
      { slug: s.slug },
      s.cookie,
      { ...base, endDate: '2026-03-31', endReason: 'resigned' },
      { ...base, endDate: '2026-05-31', endReason: 'other' },
    );
    expectRefused(res);
    const [after] = await getDb().select().from(memberships).where(eq(memberships.id, m!.id));
    expect(after).toMatchObject({ endDate: '2026-03-31', endReason: 'resigned' });
  });

  it('meeting series', async () => {
    const s = await setup();
    const year = new Date().getFullYear() + 2;
    const fields = {
      title: 'Sarjakokous',
      preset: 'monthly_same_day',
      firstDate: `${year}-01-28`,
      startTime: '13:00',
      durationMinutes: '120',
      until: `${year}-04-30`,
      meetingType: 'in_person',
      address: 'Aleksanterinkatu 1',
      publicity: 'public',
    };
    const created = await call(
      meetingListRoute.action as never,
      makeRequest(`/manage/councils/${s.slug}/meetings`, { cookie: s.cookie, form: { intent: 'createSeries', ...fields } }),
      { slug: s.slug },
    );
    expect(created.status).toBe(302);
    const [series] = await getDb().select().from(meetingSeries).where(eq(meetingSeries.councilId, s.council.id));
    const base = { ...fields, intent: 'editSeries', scope: 'all', confirm: 'yes', lockVersion: String(series!.lockVersion) };
    const path = `/manage/councils/${s.slug}/series/${series!.id}`;
    const res = await twice(seriesRoute, path, { slug: s.slug, seriesId: series!.id }, s.cookie, { ...base, title: 'Sarja A' }, { ...base, title: 'Sarja B' });
    expectRefused(res);
    const [after] = await getDb().select().from(meetingSeries).where(eq(meetingSeries.id, series!.id));
    expect(after!.title).toBe('Sarja A');
  });

  it('meeting', async () => {
    const s = await setup();
    const date = daysFromNow(20);
    const [m] = await getDb()
      .update(meetings)
      .set({ startsAt: helsinkiWallClock(date, '13:00'), endsAt: helsinkiWallClock(date, '15:00'), address: 'Testikatu 1' })
      .where(eq(meetings.id, s.meeting.id))
      .returning();
    const base = { intent: 'updateMeeting', lockVersion: String(m!.lockVersion), date, startTime: '13:00', endTime: '15:00', meetingType: 'in_person', address: 'Testikatu 1', publicity: 'public' };
    const res = await twice(meetingRoute, `/manage/meetings/${m!.id}`, { meetingId: m!.id }, s.cookie, { ...base, title: 'Kokous A' }, { ...base, title: 'Kokous B' });
    expectRefused(res);
    const [after] = await getDb().select().from(meetings).where(eq(meetings.id, m!.id));
    expect(after!.title).toBe('Kokous A');
  });

  it('agenda item', async () => {
    const s = await setup();
    const [item] = await insertItems(s.meeting, [{ title: 'Alkuperäinen' }]);
    const base = { intent: 'save-item', itemId: item!.id, lockVersion: String(item!.lockVersion), publicity: 'public' };
    const path = `/manage/meetings/${s.meeting.id}/agenda`;
    const res = await twice(agendaRoute, path, { meetingId: s.meeting.id }, s.cookie, { ...base, title: 'Asia A' }, { ...base, title: 'Asia B' });
    expectRefused(res);
    const [after] = await getDb().select().from(agendaItems).where(eq(agendaItems.id, item!.id));
    expect(after!.title).toBe('Asia A');
  });

  it('minutes (a decision of the draft version)', async () => {
    const s = await setup();
    await getDb().update(meetings).set({ startsAt: new Date('2026-09-22T11:00:00Z'), endsAt: new Date('2026-09-22T13:00:00Z'), status: 'held' }).where(eq(meetings.id, s.meeting.id));
    const [topic] = await insertItems(s.meeting, [{ title: 'Hyte-neuvottelut', sectionYear: 2026, sectionNumber: 1 }]);
    const path = `/manage/meetings/${s.meeting.id}/minutes`;
    const post = (form: Form) => call(minutesRoute.action as never, makeRequest(path, { cookie: s.cookie, form }), { meetingId: s.meeting.id });
    expect((await post({ intent: 'start-minutes' })).status).toBeLessThan(400);
    const ws = (await (await call(minutesRoute.loader as never, makeRequest(path, { cookie: s.cookie }), { meetingId: s.meeting.id })).json()) as {
      current: { id: string; lockVersion: number };
    };
    const base = { intent: 'save-decision', versionId: ws.current.id, lockVersion: String(ws.current.lockVersion), itemId: topic!.id, outcome: 'decided' };
    const res = await twice(minutesRoute, path, { meetingId: s.meeting.id }, s.cookie, { ...base, decision: 'Päätös A' }, { ...base, decision: 'Päätös B' });
    expectRefused(res);
    const [after] = await getDb().select().from(decisions).where(eq(decisions.agendaItemId, topic!.id));
    expect(after!.decision).toBe('Päätös A');
  });

  it('agenda-template item (had no lock)', async () => {
    const s = await setup();
    const [tpl] = await getDb().insert(agendaTemplateItems).values({ councilId: s.council.id, position: 1, key: 'opening', title: 'Kokouksen avaus' }).returning();
    const base = { intent: 'save', id: tpl!.id, lockVersion: String(tpl!.lockVersion), key: 'opening' };
    const path = `/manage/councils/${s.slug}/agenda-template`;
    const res = await twice(templateRoute, path, { slug: s.slug }, s.cookie, { ...base, title: 'Avaus A' }, { ...base, title: 'Avaus B' });
    expectRefused(res);
    const [after] = await getDb().select().from(agendaTemplateItems).where(eq(agendaTemplateItems.id, tpl!.id));
    expect(after!.title).toBe('Avaus A');
  });

  it('annual-cycle milestone (had no lock)', async () => {
    const s = await setup();
    const m = await buildMilestone({ councilId: s.council.id });
    const base = { intent: 'milestone', id: m.id, lockVersion: String(m.lockVersion), startMonth: '3', startDay: '1' };
    const path = `/manage/councils/${s.slug}/cycle`;
    const res = await twice(cycleRoute, path, { slug: s.slug }, s.cookie, { ...base, titleFi: 'Avustushaku A' }, { ...base, titleFi: 'Avustushaku B' });
    expectRefused(res);
    const [after] = await getDb().select().from(cycleMilestones).where(eq(cycleMilestones.id, m.id));
    expect(after!.titleFi).toBe('Avustushaku A');
  });

  describe('action plan', () => {
    const planPath = (slug: string) => `/manage/councils/${slug}/plans/${YEAR}`;

    it('plan title and introduction', async () => {
      const s = await setup();
      const { plan } = await buildPlan(s.council.id, YEAR);
      const base = { intent: 'plan', lockVersion: String(plan.lockVersion) };
      const res = await twice(planRoute, planPath(s.slug), { slug: s.slug, year: String(YEAR) }, s.cookie, { ...base, title: 'Suunnitelma A' }, { ...base, title: 'Suunnitelma B' });
      expectRefused(res);
      const [after] = await getDb().select().from(actionPlans).where(eq(actionPlans.id, plan.id));
      expect(after!.title).toBe('Suunnitelma A');
    });

    it('goal (had no lock)', async () => {
      const s = await setup();
      await buildPlan(s.council.id, YEAR, [{ title: 'Vaikuttaminen', actions: [] }]);
      const [goal] = await getDb().select().from(planGoals).where(eq(planGoals.councilId, s.council.id));
      const base = { intent: 'goal', goalId: goal!.id, lockVersion: String(goal!.lockVersion) };
      const res = await twice(planRoute, planPath(s.slug), { slug: s.slug, year: String(YEAR) }, s.cookie, { ...base, title: 'Tavoite A' }, { ...base, title: 'Tavoite B' });
      expectRefused(res);
      const [after] = await getDb().select().from(planGoals).where(eq(planGoals.id, goal!.id));
      expect(after!.title).toBe('Tavoite A');
    });

    it('action (had no lock)', async () => {
      const s = await setup();
      const { actions } = await buildPlan(s.council.id, YEAR, [{ title: 'Vaikuttaminen', actions: [{ title: 'Järjestöfoorumi' }] }]);
      const a = actions[0]!;
      const base = { intent: 'action', goalId: a.goalId, actionId: a.id, lockVersion: String(a.lockVersion), title: a.title, owner: 'secretariat' };
      const res = await twice(
        planRoute,
        planPath(s.slug),
        { slug: s.slug, year: String(YEAR) },
        s.cookie,
        { ...base, status: 'done', outcome: 'Pidettiin' },
        { ...base, status: 'dropped', outcome: 'Peruttiin' },
      );
      expectRefused(res);
      const [after] = await getDb().select().from(planActions).where(eq(planActions.id, a.id));
      expect(after).toMatchObject({ status: 'done', outcome: 'Pidettiin' });
    });
  });

  it('annual report text', async () => {
    const s = await setup();
    const report = await buildReport(s.council.id, 2025);
    const base = { intent: 'save', lockVersion: String(report.lockVersion), title: report.title };
    const path = `/manage/councils/${s.slug}/reports/2025`;
    const res = await twice(reportRoute, path, { slug: s.slug, year: '2025' }, s.cookie, { ...base, body: 'Teksti A' }, { ...base, body: 'Teksti B' });
    expectRefused(res);
    const [after] = await getDb().select().from(annualReports).where(eq(annualReports.id, report.id));
    expect(after!.body).toBe('Teksti A');
  });

  it('statement', async () => {
    const s = await setup();
    const st = await buildStatement(s.council.id);
    const base = { id: st.id, lockVersion: String(st.lockVersion), type: 'statement', status: 'draft', recipient: 'Aluehallitus' };
    const path = `/manage/councils/${s.slug}/statements`;
    const res = await twice(statementsRoute, path, { slug: s.slug }, s.cookie, { ...base, title: 'Lausunto A' }, { ...base, title: 'Lausunto B' });
    expectRefused(res);
    const [after] = await getDb().select().from(statements).where(and(eq(statements.id, st.id)));
    expect(after!.title).toBe('Lausunto A');
  });
});

