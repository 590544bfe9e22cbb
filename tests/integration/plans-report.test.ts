import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, queryCounter } from '../../db/client.server';
import { annualReports, auditLog } from '../../db/schema';
import { helsinkiWallClock, todayInHelsinki } from '../../app/lib/dates';
import { generateReport, isFrozenError } from '../../app/models/reports.server';
import * as manageReport from '../../app/routes/manage.councils.$slug.reports.$year';
import * as publicReport from '../../app/routes/councils.$slug.reports.$year';
import * as apiReport from '../../app/routes/api.v1.councils.$slug.reports.$year';
import { buildCouncilWithRoster, buildMembership, buildPerson } from '../factories';
import { buildHeldMeeting, buildCorrectedVersion, buildPlan, buildStatement } from '../factories/plans';
import { useTestDatabase } from '../setup/database';
import { buildUser, call, makeRequest } from '../support/requests';

useTestDatabase();

const YEAR = 2025;
const at = (date: string, time = '14:00') => helsinkiWallClock(date, time);

/** drizzle's execute answers an array on postgres.js and { rows } on PGlite. */
async function query<T>(statement: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await getDb().execute(statement)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

type World = Awaited<ReturnType<typeof buildWorld>>;

/** A council with a year of meetings, edge cases included, and a second council whose record must not leak in. */
async function buildWorld() {
  const base = await buildCouncilWithRoster();
  const { council, term, memberPerson, deputyPerson, member, deputy } = base;
  const m2p = await buildPerson({ givenName: 'Mikko' });
  const m2 = await buildMembership(term.id, m2p.id, { startDate: '2020-01-01' });
  const m3p = await buildPerson({ givenName: 'Leena' });
  const m3 = await buildMembership(term.id, m3p.id, { startDate: '2020-01-01', endDate: '2025-06-30', endReason: 'resigned' });
  const m4p = await buildPerson({ givenName: 'Onni' });
  const m4 = await buildMembership(term.id, m4p.id, { startDate: '2025-07-01', succeedsId: m3.id });
  const chairP = await buildPerson({ givenName: 'Paula' });
  const chair = await buildMembership(term.id, chairP.id, { role: 'chair', startDate: '2025-03-01' });
  const secP = await buildPerson({ givenName: 'Sanna' });
  const sec = await buildMembership(term.id, secP.id, { role: 'secretary', startDate: '2020-01-01' });
  await buildMembership(term.id, (await buildPerson()).id, { startDate: '2026-01-01' });
  await buildMembership(term.id, (await buildPerson()).id, { startDate: '2020-01-01', endDate: '2024-12-31', endReason: 'term_ended' });

  const opening = { title: 'Kokouksen avaus', templateKey: 'opening' };
  const present = (personId: string, membershipId: string, role: 'member' | 'chair' | 'secretary' | 'deputy' = 'member') => ({ personId, membershipId, role, present: true });
  const absent = (personId: string, membershipId: string) => ({ personId, membershipId, role: 'member' as const, present: false });

  await buildHeldMeeting({
    councilId: council.id,
    termId: term.id,
    startsAt: at('2025-01-01', '00:30'),
    title: 'Vuoden ensimmäinen',
    items: [opening, { title: 'Uuden vuoden suunnittelu', outcome: 'noted' }],
    attendance: [present(memberPerson.id, member.id), present(secP.id, sec.id, 'secretary')],
  });
  await buildHeldMeeting({
    councilId: council.id,
    termId: term.id,
    startsAt: at('2025-02-10'),
    title: 'Kokous 1/2025',
    items: [opening, { title: 'Toimintasuunnitelma 2025', decision: 'Hyväksyttiin.' }, { title: 'Henkilöasia', publicity: 'confidential', decision: 'SALAINEN' }],
    attendance: [present(memberPerson.id, member.id), absent(m2p.id, m2.id), present(m3p.id, m3.id), present(secP.id, sec.id, 'secretary')],
  });
  const may = await buildHeldMeeting({
    councilId: council.id,
    termId: term.id,
    startsAt: at('2025-05-12'),
    title: 'Kokous 2/2025',
    items: [{ title: 'Lausunto palvelustrategiasta', outcome: 'decided' }, { title: 'Siirtyvä asia', outcome: 'postponed' }],
    attendance: [present(memberPerson.id, member.id), absent(m2p.id, m2.id), present(m3p.id, m3.id)],
  });
  // The corrected version says Mikko was there after all: only this latest published version counts.
  await buildCorrectedVersion(may.minutesId!, may.items, [present(memberPerson.id, member.id), present(m2p.id, m2.id), present(m3p.id, m3.id), present(secP.id, sec.id, 'secretary')]);
  await buildHeldMeeting({
    councilId: council.id,
    termId: term.id,
    startsAt: at('2025-09-15'),
    title: 'Kokous 3/2025',
    items: [{ title: 'Järjestöfoorumi' }],
    attendance: [
      absent(memberPerson.id, member.id),
      { personId: deputyPerson.id, membershipId: deputy.id, role: 'deputy', present: true, substitutesForId: member.id },
      present(m4p.id, m4.id),
      present(chairP.id, chair.id, 'chair'),
    ],
  });
  await buildHeldMeeting({ councilId: council.id, termId: term.id, startsAt: at('2025-11-20'), title: 'Hyväksytty, ei julkaistu', minutes: 'approved', attendance: [present(m2p.id, m2.id)] });
  await buildHeldMeeting({
    councilId: council.id,
    termId: term.id,
    startsAt: at('2025-12-31', '23:30'),
    title: 'Vuoden viimeinen',
    items: [{ title: 'Katsaus', outcome: 'withdrawn' }],
    attendance: [present(m2p.id, m2.id), present(chairP.id, chair.id, 'chair')],
  });
  // Outside the year or not held: none of these count.
  await buildHeldMeeting({ councilId: council.id, termId: term.id, startsAt: at('2024-12-31', '23:30'), title: 'Edellinen vuosi', attendance: [present(m2p.id, m2.id)] });
  await buildHeldMeeting({ councilId: council.id, termId: term.id, startsAt: at('2026-01-01', '00:30'), title: 'Seuraava vuosi', attendance: [present(m2p.id, m2.id)] });
  await buildHeldMeeting({ councilId: council.id, termId: term.id, startsAt: at('2025-10-01'), title: 'Peruttu', status: 'cancelled' });
  await buildHeldMeeting({ councilId: council.id, termId: term.id, startsAt: at('2025-12-10'), title: 'Suunniteltu', status: 'planned' });

  await buildStatement(council.id, { status: 'sent', issuedOn: '2025-03-01', publishedAt: new Date() });
  await buildStatement(council.id, { status: 'answered', issuedOn: '2025-06-01', response: 'Otetaan huomioon.', responseDate: '2025-08-01', type: 'initiative' });
  await buildStatement(council.id, { status: 'draft', issuedOn: '2025-08-01' });
  await buildStatement(council.id, { status: 'sent', issuedOn: '2024-12-31' });
  await buildPlan(council.id, YEAR, [
    { title: 'Vaikuttaminen', actions: [{ title: 'Lausunnot', status: 'done', ownerMembershipId: m2.id }, { title: 'Kysely', status: 'dropped' }] },
    { title: 'Yhteistyö', actions: [{ title: 'Foorumi', status: 'in_progress' }] },
  ]);

  const other = await buildCouncilWithRoster();
  await buildHeldMeeting({
    councilId: other.council.id,
    termId: other.term.id,
    startsAt: at('2025-04-01'),
    attendance: [{ personId: other.memberPerson.id, membershipId: other.member.id, role: 'member', present: true }],
  });
  await buildStatement(other.council.id, { status: 'sent', issuedOn: '2025-04-02' });
  return { ...base, other, m2p };
}

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});

describe('generateReport', () => {
  it('computes figures that match counts taken straight from the raw tables', async () => {
    const councilId = world.council.id;
    const f = await generateReport(councilId, YEAR);
    const inYear = sql`(mt.starts_at at time zone 'Europe/Helsinki') >= '2025-01-01' and (mt.starts_at at time zone 'Europe/Helsinki') < '2026-01-01'`;

    const [held] = await query<{ n: number }>(sql`select count(*)::int as n from meetings mt where mt.council_id = ${councilId} and mt.status = 'held' and ${inYear}`);
    expect(f.meetings.held).toBe(held!.n);
    expect(f.meetings.held).toBe(6);

    const latest = sql`select distinct on (m.meeting_id) v.id from minutes m
      join minutes_versions v on v.minutes_id = m.id join meetings mt on mt.id = m.meeting_id
      where v.status = 'published' and mt.council_id = ${councilId} and mt.status = 'held' and ${inYear}
      order by m.meeting_id, v.version_no desc`;
    const perPerson = await query<{ person_id: string; present: number; recorded: number }>(
      sql`select person_id, (count(*) filter (where present))::int as present, count(*)::int as recorded
          from attendance where version_id in (${latest}) group by person_id`,
    );
    const fromSql = Object.fromEntries(perPerson.map((r) => [r.person_id, [r.present, r.recorded]]));
    const fromReport = Object.fromEntries(f.attendance.perPerson.map((p) => [p.personId, [p.present, p.recorded]]));
    expect(fromReport).toEqual(fromSql);
    expect(fromReport[world.m2p.id]).toEqual([2, 3]);
    const [overall] = await query<{ present: number; recorded: number }>(
      sql`select (count(*) filter (where present))::int as present, count(*)::int as recorded from attendance where version_id in (${latest})`,
    );
    expect(f.attendance.overall.present).toBe(overall!.present);
    expect(f.attendance.overall.recorded).toBe(overall!.recorded);
    expect(f.meetings.withPublishedMinutes).toBe(5);

    const outcomes = await query<{ outcome: string; n: number }>(sql`select outcome, count(*)::int as n from decisions where version_id in (${latest}) group by outcome`);
    expect(f.decisions.total).toBe(outcomes.reduce((s, r) => s + r.n, 0));
    for (const r of outcomes) expect(f.decisions.byOutcome[r.outcome as keyof typeof f.decisions.byOutcome]).toBe(r.n);
    expect(f.decisions.main.map((d) => d.itemTitle)).not.toContain('Henkilöasia');
    expect(f.decisions.main.map((d) => d.itemTitle)).not.toContain('Kokouksen avaus');

    const [stmts] = await query<{ n: number; answered: number }>(
      sql`select count(*)::int as n, (count(*) filter (where response is not null))::int as answered from statements
          where council_id = ${councilId} and status <> 'draft' and issued_on between '2025-01-01' and '2025-12-31'`,
    );
    expect(f.statements.total).toBe(stmts!.n);
    expect(f.statements.answered).toBe(stmts!.answered);
    expect(f.statements.total).toBe(2);

    const [comp] = await query<{ members: number; joined: number; left: number }>(
      sql`select count(*) filter (where m.start_date <= '2025-12-31' and (m.end_date is null or m.end_date >= '2025-01-01'))::int as members,
                 count(*) filter (where m.start_date between '2025-01-01' and '2025-12-31')::int as joined,
                 count(*) filter (where m.end_date between '2025-01-01' and '2025-12-31')::int as left
          from memberships m join terms t on t.id = m.term_id where t.council_id = ${councilId}`,
    );
    expect(f.composition.members.length).toBe(comp!.members);
    expect(f.composition.joined).toBe(comp!.joined);
    expect(f.composition.left).toBe(comp!.left);
    expect([f.composition.joined, f.composition.left]).toEqual([2, 1]);

    expect(f.plan?.actions.map((a) => [a.title, a.status])).toEqual([
      ['Lausunnot', 'done'],
      ['Kysely', 'dropped'],
      ['Foorumi', 'in_progress'],
    ]);
    expect(f.plan?.byStatus).toEqual({ planned: 0, in_progress: 1, done: 1, dropped: 1 });
  });

  it('uses the same number of queries for a small and a busy council', async () => {
    const small = await buildCouncilWithRoster();
    const before = queryCounter.count;
    await generateReport(small.council.id, YEAR);
    const smallCount = queryCounter.count - before;
    const start = queryCounter.count;
    await generateReport(world.council.id, YEAR);
    expect(queryCounter.count - start).toBe(smallCount + 2);
    // The two extra ones are attendance and decisions, which a council without published minutes skips.
    expect(smallCount).toBeLessThanOrEqual(5);
  });
});

describe('annual report workflow', () => {
  const path = (slug: string, year: number) => `/manage/councils/${slug}/reports/${year}`;

  it('generates a draft, saves the text, approves, publishes, and audits each step', async () => {
    const { council } = world;
    const secretary = await buildUser({ grants: [{ role: 'secretary', councilId: council.id }] });
    const params = { slug: council.slug, year: String(YEAR) };
    const post = (form: Record<string, string>) => call(manageReport.action, makeRequest(path(council.slug, YEAR), { cookie: secretary.cookie, form }), params);

    expect((await post({ intent: 'generate' })).status).toBe(200);
    const [draft] = await getDb().select().from(annualReports).where(eq(annualReports.councilId, council.id));
    expect(draft?.status).toBe('draft');
    expect(draft?.body).toContain('6 kertaa');

    const stale = await post({ intent: 'save', lockVersion: String(draft!.lockVersion + 5), title: 'Toimintakertomus 2025', body: 'Uusi' });
    expect(stale.status).toBe(400);
    expect(JSON.stringify(await stale.json())).toContain('Joku muu muutti');

    expect((await post({ intent: 'save', lockVersion: String(draft!.lockVersion), title: 'Toimintakertomus 2025', body: 'Muokattu teksti' })).status).toBe(200);
    const otherItem = (await buildHeldMeeting({ councilId: world.other.council.id, startsAt: at('2026-02-01') })).items[0]!;
    const wrongItem = await post({ intent: 'approve', lockVersion: String(draft!.lockVersion + 1), itemId: otherItem.id });
    expect(wrongItem.status).toBe(400);
    expect(JSON.stringify(await wrongItem.json())).toContain('ei ole tämän toimielimen esityslistalla');

    const item = (await buildHeldMeeting({ councilId: council.id, startsAt: at('2026-02-05'), minutes: 'none', status: 'planned' })).items[0]!;
    expect((await post({ intent: 'approve', lockVersion: String(draft!.lockVersion + 1), itemId: item.id })).status).toBe(200);
    const [approved] = await getDb().select().from(annualReports).where(eq(annualReports.id, draft!.id));
    expect([approved?.status, approved?.approvedItemId]).toEqual(['approved', item.id]);

    expect((await post({ intent: 'publish', lockVersion: String(approved!.lockVersion) })).status).toBe(200);
    const again = await post({ intent: 'publish', lockVersion: String(approved!.lockVersion + 1) });
    expect(again.status).toBe(400);

    const actions = (await getDb().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.councilId, council.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['report.create', 'report.update', 'report.approve', 'report.publish']));
  });

  it('freezes an approved report: the database refuses changes and the app says so clearly', async () => {
    const { council } = await buildCouncilWithRoster();
    const secretary = await buildUser({ grants: [{ role: 'secretary', councilId: council.id }] });
    const params = { slug: council.slug, year: '2024' };
    const post = (form: Record<string, string>) => call(manageReport.action, makeRequest(path(council.slug, 2024), { cookie: secretary.cookie, form }), params);
    await post({ intent: 'generate' });
    expect((await post({ intent: 'approve', lockVersion: '1' })).status).toBe(200);
    const [report] = await getDb().select().from(annualReports).where(eq(annualReports.councilId, council.id));

    const refused = await getDb()
      .update(annualReports)
      .set({ body: 'Salaa muutettu' })
      .where(eq(annualReports.id, report!.id))
      .then(() => null, (error: unknown) => error);
    expect(isFrozenError(refused)).toBe(true);
    const backToDraft = await getDb()
      .update(annualReports)
      .set({ status: 'draft', approvedAt: null })
      .where(eq(annualReports.id, report!.id))
      .then(() => null, (error: unknown) => error);
    expect(isFrozenError(backToDraft)).toBe(true);
    const deleted = await getDb().delete(annualReports).where(eq(annualReports.id, report!.id)).then(() => null, (error: unknown) => error);
    expect(isFrozenError(deleted)).toBe(true);

    const attempts: Array<Record<string, string>> = [
      { intent: 'save', lockVersion: String(report!.lockVersion), title: 'Uusi otsikko', body: 'x' },
      { intent: 'regenerate', lockVersion: String(report!.lockVersion) },
      { intent: 'approve', lockVersion: String(report!.lockVersion) },
    ];
    for (const form of attempts) {
      const res = await post(form);
      expect(res.status).toBe(400);
      expect(JSON.stringify(await res.json())).toContain('Hyväksyttyä toimintakertomusta ei voi muuttaa');
    }
    const [still] = await getDb().select().from(annualReports).where(eq(annualReports.id, report!.id));
    expect(still?.title).toBe(report!.title);
  });

  it('asks for a confirmation before approving a report of a year that has not ended', async () => {
    const { council } = await buildCouncilWithRoster();
    const secretary = await buildUser({ grants: [{ role: 'secretary', councilId: council.id }] });
    const thisYear = Number(todayInHelsinki().slice(0, 4));
    const params = { slug: council.slug, year: String(thisYear) };
    const post = (form: Record<string, string>) => call(manageReport.action, makeRequest(path(council.slug, thisYear), { cookie: secretary.cookie, form }), params);
    await post({ intent: 'generate' });

    const page = await call(manageReport.loader, makeRequest(path(council.slug, thisYear), { cookie: secretary.cookie }), params);
    expect((await page.json()).yearEnded).toBe(false);

    const unconfirmed = await post({ intent: 'approve', lockVersion: '1' });
    expect(unconfirmed.status).toBe(400);
    expect(JSON.stringify(await unconfirmed.json())).toContain(`Vuosi ${thisYear} ei ole vielä päättynyt`);
    const [still] = await getDb().select().from(annualReports).where(eq(annualReports.councilId, council.id));
    expect(still?.status).toBe('draft');

    expect((await post({ intent: 'approve', lockVersion: '1', confirmYearNotEnded: 'on' })).status).toBe(200);
    const [approved] = await getDb().select().from(annualReports).where(eq(annualReports.councilId, council.id));
    expect(approved?.status).toBe('approved');
  });

  it('checks permissions: sign-in, 404 for outsiders, 403 for members', async () => {
    const { council, memberPerson } = await buildCouncilWithRoster();
    const other = await buildCouncilWithRoster();
    const params = { slug: council.slug, year: '2024' };
    const anonymous = await call(manageReport.loader, makeRequest(path(council.slug, 2024)), params);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toMatch(/^\/login/);

    const outsider = await buildUser({ personId: other.memberPerson.id });
    expect((await call(manageReport.loader, makeRequest(path(council.slug, 2024), { cookie: outsider.cookie }), params)).status).toBe(404);

    const member = await buildUser({ personId: memberPerson.id });
    expect((await call(manageReport.loader, makeRequest(path(council.slug, 2024), { cookie: member.cookie }), params)).status).toBe(200);
    const res = await call(manageReport.action, makeRequest(path(council.slug, 2024), { cookie: member.cookie, form: { intent: 'generate' } }), params);
    expect(res.status).toBe(403);
  });
});

describe('public report pages and API', () => {
  it('never return a draft or approved report; a published one has no contact details', async () => {
    const { council, memberPerson } = await buildCouncilWithRoster();
    await buildHeldMeeting({
      councilId: council.id,
      startsAt: at('2024-03-01'),
      attendance: [{ personId: memberPerson.id, role: 'member', present: true }],
    });
    const secretary = await buildUser({ grants: [{ role: 'secretary', councilId: council.id }] });
    const params = { slug: council.slug, year: '2024' };
    const post = (form: Record<string, string>) =>
      call(manageReport.action, makeRequest(`/manage/councils/${council.slug}/reports/2024`, { cookie: secretary.cookie, form }), params);
    const publicGet = () => call(publicReport.loader, makeRequest(`/councils/${council.slug}/reports/2024`), params);
    const apiGet = () => call(apiReport.loader, makeRequest(`/api/v1/councils/${council.slug}/reports/2024`), params);

    await post({ intent: 'generate' });
    expect((await publicGet()).status).toBe(404);
    expect((await apiGet()).status).toBe(404);
    await post({ intent: 'approve', lockVersion: '1' });
    expect((await publicGet()).status).toBe(404);
    expect((await apiGet()).status).toBe(404);
    await post({ intent: 'publish', lockVersion: '2' });

    const page = await publicGet();
    expect(page.status).toBe(200);
    const api = await apiGet();
    expect(api.status).toBe(200);
    expect(api.headers.get('access-control-allow-origin')).toBe('*');
    const body = await api.json();
    expect(body.figures.meetings.held).toBe(1);
    expect(JSON.stringify(body)).not.toContain(memberPerson.email!);
    expect(JSON.stringify(body)).not.toContain(memberPerson.phone!);

    expect((await call(apiReport.loader, makeRequest(`/api/v1/councils/${council.slug}/reports/20x4`), { slug: council.slug, year: '20x4' })).status).toBe(400);
    expect((await call(apiReport.loader, makeRequest('/api/v1/councils/nope/reports/2024'), { slug: 'nope', year: '2024' })).status).toBe(404);

    // A members-only council shows nothing publicly even when its report is published.
    await getDb().execute(sql`update councils set publicity_default = 'members_only' where id = ${council.id}`);
    expect((await publicGet()).status).toBe(404);
    expect((await apiGet()).status).toBe(404);
  });

  it("gives a secretary of another council a 404 and writes nothing", async () => {
    const { council } = await buildCouncilWithRoster();
    const stranger = await buildUser({ grants: [{ role: 'secretary', councilId: world.other.council.id }] });
    const res = await call(
      manageReport.action,
      makeRequest(`/manage/councils/${council.slug}/reports/2024`, { cookie: stranger.cookie, form: { intent: 'generate' } }),
      { slug: council.slug, year: '2024' },
    );
    expect(res.status).toBe(404);
    const rows = await getDb().select().from(annualReports).where(and(eq(annualReports.councilId, council.id)));
    expect(rows).toHaveLength(0);
  });
});
