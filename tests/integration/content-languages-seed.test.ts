import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import {
  actionPlans,
  agendaItems,
  annualReports,
  councils,
  decisions,
  meetings,
  planActions,
  planGoals,
  statements,
} from '../../db/schema';
import { seedDemo } from '../../db/seed/index';
import { missingTranslations, sectionLabel } from '../../app/models/agendas.server';
import { useTestDatabase } from '../setup/database';

useTestDatabase();

const BILINGUAL = ['ita-uusimaa-kumppanuuspoyta', 'varsinais-suomi-113-neuvottelukunta'];

describe('demo data of the bilingual councils', () => {
  it('has Swedish meeting titles, agenda items, decisions, statements, plans, reports and council facts throughout', async () => {
    await seedDemo(getDb(), { passwordHash: 'demo-hash-not-used-in-this-test', now: new Date('2026-11-23T10:00:00Z') });
    const rows = await getDb().select().from(councils).where(inArray(councils.slug, BILINGUAL));
    expect(rows.map((c) => c.languages)).toEqual([
      ['fi', 'sv'],
      ['fi', 'sv'],
    ]);
    const iu = rows.find((c) => c.slug === 'ita-uusimaa-kumppanuuspoyta')!;
    const vs = rows.find((c) => c.slug === 'varsinais-suomi-113-neuvottelukunta')!;
    expect(iu.appointingBodySv).toBe('Regionstyrelsen');
    expect(vs.meetingFeeNoteSv).toMatch(/inga mötesarvoden/);

    for (const council of rows) {
      const ms = await getDb().select().from(meetings).where(eq(meetings.councilId, council.id));
      expect(ms.length, council.slug).toBeGreaterThan(3);
      for (const m of ms) {
        expect(m.titleSv, `${council.slug} ${m.title}`).toBeTruthy();
        const items = await getDb().select().from(agendaItems).where(eq(agendaItems.meetingId, m.id));
        const ds = await getDb()
          .select()
          .from(decisions)
          .where(
            inArray(
              decisions.agendaItemId,
              items.length > 0 ? items.map((i) => i.id) : ['00000000-0000-0000-0000-000000000000'],
            ),
          );
        const missing = missingTranslations(
          m,
          items.map((i) => ({ ...i, number: sectionLabel(i) })),
          council.languages,
          new Map(ds.map((d) => [d.agendaItemId, d])),
        );
        expect(missing, `${council.slug} ${m.title}`).toEqual([]);
        for (const i of items) expect(i.titleSv, `${m.title}: ${i.title}`).toBeTruthy();
        for (const d of ds) expect(d.decisionSv, `${m.title}: ${d.decision}`).toBeTruthy();
      }
    }
    // One item carries a plain-language summary in both languages.
    const [summary] = await getDb()
      .select()
      .from(agendaItems)
      .where(eq(agendaItems.title, 'Kaksikielisyys järjestöyhteistyössä'));
    expect(summary).toMatchObject({
      plainSummaryFi: expect.any(String),
      plainSummarySv: expect.stringContaining('svenskspråkiga'),
    });

    const ss = await getDb().select().from(statements).where(eq(statements.councilId, iu.id));
    expect(ss.length).toBeGreaterThan(0);
    for (const st of ss) expect(st.titleSv, st.title).toBeTruthy();
    const [plan] = await getDb().select().from(actionPlans).where(eq(actionPlans.councilId, iu.id));
    expect(plan?.titleSv).toMatch(/^Verksamhetsplan/);
    const goals = await getDb().select().from(planGoals).where(eq(planGoals.councilId, iu.id));
    expect(goals.length).toBeGreaterThan(0);
    for (const g of goals) expect(g.titleSv, g.title).toBeTruthy();
    const actions = await getDb().select().from(planActions).where(eq(planActions.councilId, iu.id));
    for (const a of actions) expect(a.titleSv, a.title).toBeTruthy();
    const [report] = await getDb().select().from(annualReports).where(eq(annualReports.councilId, iu.id));
    expect(report?.titleSv).toBe('Verksamhetsberättelse 2025');
  });
});
