import { and, count, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { actionPlans, annualReports, councils, statements } from '../../db/schema';
import { seedDemo } from '../../db/seed/index';
import { PLAN_COUNCIL_SLUGS, seedPlans } from '../../db/seed/plans';
import { reportFigures } from '../../app/models/reports.server';
import * as apiReport from '../../app/routes/api.v1.councils.$slug.reports.$year';
import { useTestDatabase } from '../setup/database';
import { call, makeRequest } from '../support/requests';

useTestDatabase();

const NOW = new Date('2026-11-23T10:00:00Z');

async function query<T>(statement: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await getDb().execute(statement)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

beforeAll(async () => {
  await seedDemo(getDb(), { passwordHash: 'not-a-real-hash', now: NOW });
  await getDb().transaction((tx) => seedPlans(tx, NOW));
}, 120_000);

describe('demo plans, reports and statements', () => {
  it('gives every reference council this year\'s plan, and last year\'s plan and published report where it had a term', async () => {
    const rows = await getDb()
      .select({ slug: councils.slug, year: actionPlans.year, status: actionPlans.status })
      .from(actionPlans)
      .innerJoin(councils, eq(councils.id, actionPlans.councilId));
    for (const slug of PLAN_COUNCIL_SLUGS) expect(rows.filter((r) => r.slug === slug && r.year === 2026)).toHaveLength(1);
    const reports = await getDb()
      .select({ slug: councils.slug, status: annualReports.status })
      .from(annualReports)
      .innerJoin(councils, eq(councils.id, annualReports.councilId))
      .where(eq(annualReports.year, 2025));
    expect(reports.map((r) => r.slug).sort()).toEqual(
      ['helsinki-jarjestoneuvottelukunta', 'ita-uusimaa-kumppanuuspoyta', 'keski-suomi-vaikuttamistoimielin', 'pirkanmaa-jarjestoyhteistyoryhma'],
    );
    expect(reports.every((r) => r.status === 'published')).toBe(true);
    expect(rows.filter((r) => r.year === 2025).map((r) => r.slug).sort()).toEqual(reports.map((r) => r.slug).sort());
    const [answered] = await getDb().select({ n: count() }).from(statements).where(eq(statements.status, 'answered'));
    expect(answered!.n).toBeGreaterThanOrEqual(6);
  });

  it("stores figures that match the demo council's raw tables", async () => {
    const [row] = await getDb()
      .select({ report: annualReports, councilId: councils.id })
      .from(annualReports)
      .innerJoin(councils, eq(councils.id, annualReports.councilId))
      .where(and(eq(councils.slug, 'pirkanmaa-jarjestoyhteistyoryhma'), eq(annualReports.year, 2025)));
    const f = reportFigures(row!.report);
    const id = row!.councilId;
    const inYear = sql`(mt.starts_at at time zone 'Europe/Helsinki') >= '2025-01-01' and (mt.starts_at at time zone 'Europe/Helsinki') < '2026-01-01'`;
    const [held] = await query<{ n: number }>(sql`select count(*)::int as n from meetings mt where mt.council_id = ${id} and mt.status = 'held' and ${inYear}`);
    expect(f.meetings.held).toBe(held!.n);
    expect(f.meetings.held).toBe(4);
    const [att] = await query<{ present: number; recorded: number; people: number }>(sql`
      select (count(*) filter (where a.present))::int as present, count(*)::int as recorded, count(distinct a.person_id)::int as people
      from attendance a where a.version_id in (
        select distinct on (m.meeting_id) v.id from minutes m join minutes_versions v on v.minutes_id = m.id join meetings mt on mt.id = m.meeting_id
        where v.status = 'published' and mt.council_id = ${id} and ${inYear} order by m.meeting_id, v.version_no desc)`);
    expect([f.attendance.overall.present, f.attendance.overall.recorded, f.attendance.perPerson.length]).toEqual([att!.present, att!.recorded, att!.people]);
    const [stm] = await query<{ n: number }>(
      sql`select count(*)::int as n from statements where council_id = ${id} and status <> 'draft' and issued_on between '2025-01-01' and '2025-12-31'`,
    );
    expect(f.statements.total).toBe(stm!.n);
    const [left] = await query<{ n: number }>(
      sql`select count(*)::int as n from memberships m join terms t on t.id = m.term_id where t.council_id = ${id} and m.end_date between '2025-01-01' and '2025-12-31'`,
    );
    expect(f.composition.left).toBe(left!.n);
    expect(f.plan?.actions.length).toBe(6);
  });

  it('adds nothing when run again, and serves the published report through the API', async () => {
    const countAll = async () => {
      const [p] = await getDb().select({ n: count() }).from(actionPlans);
      const [r] = await getDb().select({ n: count() }).from(annualReports);
      const [s] = await getDb().select({ n: count() }).from(statements);
      return [p!.n, r!.n, s!.n];
    };
    const before = await countAll();
    await getDb().transaction((tx) => seedPlans(tx, NOW));
    expect(await countAll()).toEqual(before);
    const slug = 'keski-suomi-vaikuttamistoimielin';
    const res = await call(apiReport.loader, makeRequest(`/api/v1/councils/${slug}/reports/2025`), { slug, year: '2025' });
    expect(res.status).toBe(200);
    expect((await res.json()).figures.meetings.held).toBe(2);
  });
});
