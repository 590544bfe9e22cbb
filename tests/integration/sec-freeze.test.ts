import { eq, sql, type SQL } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { actionPlans, agendaItems, minutes, planActions, planGoals } from '../../db/schema';
import { FROZEN_SQLSTATE, isFrozenError } from '../../app/models/db-errors.server';
import * as managePlan from '../../app/routes/manage.councils.$slug.plans.$year';
import { buildCouncil, buildMeeting } from '../factories';
import { buildPlan } from '../factories/plans';
import { onPostgres, useTestDatabase } from '../setup/database';
import { attempt, buildFrozenMeeting, freezeStatements, outcome } from '../support/freeze';
import { buildUser, call, makeRequest } from '../support/requests';

useTestDatabase();

describe('the freeze holds in the database (SQLSTATE NV001)', () => {
  it('refuses TRUNCATE, moving minutes or items, adding items, and changing attachments and documents of approved minutes', async () => {
    const f = await buildFrozenMeeting();
    const results: Record<string, string> = {};
    for (const [name, statement] of freezeStatements(f)) results[name] = await attempt(statement);
    // On PostgreSQL the tests connect as the least-privilege app role, which may not TRUNCATE at all
    // (42501, insufficient_privilege); the owner's TRUNCATE is refused by the triggers (sec-roles.test.ts).
    const expected = (name: string) => (onPostgres && name.startsWith('TRUNCATE') ? '42501' : FROZEN_SQLSTATE);
    expect(results).toEqual(Object.fromEntries(freezeStatements(f).map(([name]) => [name, expected(name)])));
    // Nothing changed.
    const [item] = await getDb().select().from(agendaItems).where(eq(agendaItems.id, f.item.id));
    expect(item).toMatchObject({ meetingId: f.meeting.id, title: 'Avaus' });
    expect(await getDb().select().from(agendaItems).where(eq(agendaItems.meetingId, f.meeting.id))).toHaveLength(1);
    const [m] = await getDb().select().from(minutes).where(eq(minutes.id, f.minutes.id));
    expect(m!.meetingId).toBe(f.meeting.id);
  });

  it('still lets an open meeting’s agenda and attachments change, and items move between open meetings', async () => {
    const f = await buildFrozenMeeting();
    const open = await buildMeeting(f.council.id);
    expect(await outcome(getDb().execute(sql`UPDATE agenda_items SET meeting_id = ${open.id} WHERE id = ${f.otherItem.id}`))).toBe('accepted');
    expect(await outcome(getDb().execute(sql`UPDATE agenda_items SET title = 'Uusi otsikko' WHERE id = ${f.otherItem.id}`))).toBe('accepted');
    expect(await outcome(getDb().execute(sql`INSERT INTO agenda_items (meeting_id, council_id, position, title) VALUES (${open.id}, ${f.council.id}, 9, 'Uusi')`))).toBe(
      'accepted',
    );
  });

  it('freezes an approved action plan: content refused, publication and action progress allowed', async () => {
    const s = await buildCouncil();
    const { plan, actions } = await buildPlan(s.id, 2026, [{ title: 'Vaikuttaminen', actions: [{ title: 'Foorumi' }] }]);
    const [goal] = await getDb().select().from(planGoals).where(eq(planGoals.planId, plan.id));
    await getDb().update(actionPlans).set({ status: 'approved', approvedAt: new Date() }).where(eq(actionPlans.id, plan.id));
    const refused: Array<[string, SQL]> = [
      ['UPDATE action_plans SET title', sql`UPDATE action_plans SET title = 'Muutettu' WHERE id = ${plan.id}`],
      ['DELETE FROM action_plans', sql`DELETE FROM action_plans WHERE id = ${plan.id}`],
      ['INSERT INTO plan_goals', sql`INSERT INTO plan_goals (plan_id, council_id, position, title) VALUES (${plan.id}, ${s.id}, 2, 'Uusi')`],
      ['UPDATE plan_goals SET title', sql`UPDATE plan_goals SET title = 'Muutettu' WHERE id = ${goal!.id}`],
      ['DELETE FROM plan_goals', sql`DELETE FROM plan_goals WHERE id = ${goal!.id}`],
      ['INSERT INTO plan_actions', sql`INSERT INTO plan_actions (goal_id, council_id, position, title) VALUES (${goal!.id}, ${s.id}, 2, 'Uusi')`],
      ['UPDATE plan_actions SET title', sql`UPDATE plan_actions SET title = 'Muutettu' WHERE id = ${actions[0]!.id}`],
      ['DELETE FROM plan_actions', sql`DELETE FROM plan_actions WHERE id = ${actions[0]!.id}`],
    ];
    for (const [name, statement] of refused) expect([name, await attempt(statement)]).toEqual([name, FROZEN_SQLSTATE]);
    expect(await outcome(getDb().update(planActions).set({ status: 'done', outcome: 'Pidettiin.' }).where(eq(planActions.id, actions[0]!.id)))).toBe('accepted');
    expect(await outcome(getDb().update(actionPlans).set({ status: 'published', publishedAt: new Date() }).where(eq(actionPlans.id, plan.id)))).toBe('accepted');
    expect(await attempt(sql`UPDATE action_plans SET introduction = 'Hiljainen muutos' WHERE id = ${plan.id}`)).toBe(FROZEN_SQLSTATE);
  });

  it('tells the secretary that an approved plan is locked instead of failing (the one mapping of NV001)', async () => {
    const council = await buildCouncil();
    const { plan } = await buildPlan(council.id, 2026, [{ title: 'Vaikuttaminen', actions: [] }]);
    await getDb().update(actionPlans).set({ status: 'approved', approvedAt: new Date() }).where(eq(actionPlans.id, plan.id));
    const admin = await buildUser({ grants: [{ role: 'region_admin', regionId: council.regionId }] });
    const path = `/manage/councils/${council.slug}/plans/2026`;
    const res = await call(
      managePlan.action,
      makeRequest(path, { cookie: admin.cookie, form: { intent: 'plan', lockVersion: String(plan.lockVersion), title: 'Hiljainen muutos' } }),
      { slug: council.slug, year: '2026' },
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Suunnitelma on hyväksytty');
    const [after] = await getDb().select().from(actionPlans).where(eq(actionPlans.id, plan.id));
    expect(after!.title).toBe(plan.title);
    expect(isFrozenError({ cause: { code: 'NV001' } })).toBe(true);
    expect(isFrozenError({ code: '23514', message: 'frozen' })).toBe(false);
  });
});
