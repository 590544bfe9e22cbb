import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { actionPlans, auditLog, planActionLinks, planActions, planGoals, statements } from '../../db/schema';
import { helsinkiWallClock } from '../../app/lib/dates';
import * as managePlans from '../../app/routes/manage.councils.$slug.plans._index';
import * as managePlan from '../../app/routes/manage.councils.$slug.plans.$year';
import * as manageStatements from '../../app/routes/manage.councils.$slug.statements';
import * as publicPlan from '../../app/routes/councils.$slug.plans.$year';
import * as publicStatements from '../../app/routes/councils.$slug.statements';
import * as apiPlan from '../../app/routes/api.v1.councils.$slug.plans.$year';
import * as apiStatements from '../../app/routes/api.v1.councils.$slug.statements';
import { getCouncilRecordsSummary } from '../../app/models/plans.server';
import { buildCouncilWithRoster } from '../factories';
import { buildHeldMeeting, buildMilestone, buildPlan, buildStatement } from '../factories/plans';
import { useTestDatabase } from '../setup/database';
import { buildUser, call, makeRequest } from '../support/requests';

useTestDatabase();

const YEAR = 2026;

async function setup() {
  const base = await buildCouncilWithRoster();
  const secretary = await buildUser({ grants: [{ role: 'secretary', councilId: base.council.id }] });
  const meeting = await buildHeldMeeting({
    councilId: base.council.id,
    startsAt: helsinkiWallClock('2026-02-10', '14:00'),
    items: [{ title: 'Toimintasuunnitelma 2026' }, { title: 'Järjestöfoorumi' }, { title: 'Salainen asia', publicity: 'confidential' }],
  });
  return { ...base, secretary, items: meeting.items };
}

describe('action plans', () => {
  it('builds a plan with goals and actions, links actions to items, approves at an item and publishes', async () => {
    const s = await setup();
    const slug = s.council.slug;
    const params = { slug, year: String(YEAR) };
    const planPath = `/manage/councils/${slug}/plans/${YEAR}`;
    const post = (form: Record<string, string>) => call(managePlan.action, makeRequest(planPath, { cookie: s.secretary.cookie, form }), params);

    const created = await call(
      managePlans.action,
      makeRequest(`/manage/councils/${slug}/plans`, { cookie: s.secretary.cookie, form: { intent: 'create', year: String(YEAR), title: 'Toimintasuunnitelma 2026' } }),
      { slug },
    );
    expect(created.status).toBe(302);
    expect(created.headers.get('location')).toBe(planPath);
    const duplicate = await call(
      managePlans.action,
      makeRequest(`/manage/councils/${slug}/plans`, { cookie: s.secretary.cookie, form: { intent: 'create', year: String(YEAR), title: 'Toinen' } }),
      { slug },
    );
    expect(duplicate.status).toBe(400);
    expect(JSON.stringify(await duplicate.json())).toContain('on jo toimintasuunnitelma');

    expect((await post({ intent: 'goal', title: 'Vaikuttaminen' })).status).toBe(200);
    const [goal] = await getDb().select().from(planGoals).where(eq(planGoals.councilId, s.council.id));
    const invalid = await post({ intent: 'action', goalId: goal!.id, title: '', dueDate: '31.12.2026', status: 'whatever' });
    expect(invalid.status).toBe(400);
    const errors = (await invalid.json()).result.error;
    expect(Object.keys(errors).sort()).toEqual(['dueDate', 'status', 'title']);

    expect((await post({ intent: 'action', goalId: goal!.id, title: 'Lausunnot palvelustrategiasta', owner: s.member.id, status: 'in_progress' })).status).toBe(200);
    expect((await post({ intent: 'action', goalId: goal!.id, title: 'Järjestöfoorumi', owner: 'secretariat' })).status).toBe(200);
    const actions = await getDb().select().from(planActions).where(eq(planActions.councilId, s.council.id));
    expect(actions.map((a) => a.position).sort()).toEqual([1, 2]);
    const first = actions.find((a) => a.position === 1)!;
    expect(first.ownerMembershipId).toBe(s.member.id);

    const foreign = await buildCouncilWithRoster();
    const foreignOwner = await post({ intent: 'action', goalId: goal!.id, actionId: first.id, lockVersion: String(first.lockVersion), title: 'x', owner: foreign.member.id });
    expect(foreignOwner.status).toBe(400);
    expect(JSON.stringify(await foreignOwner.json())).toContain('ei ole tämän toimielimen jäsen');

    expect((await post({ intent: 'link', actionId: first.id, itemId: s.items[1]!.id })).status).toBe(200);
    const twice = await post({ intent: 'link', actionId: first.id, itemId: s.items[1]!.id });
    expect(twice.status).toBe(400);

    expect((await post({ intent: 'action', goalId: goal!.id, actionId: first.id, lockVersion: String(first.lockVersion), title: first.title, owner: s.member.id, status: 'done', outcome: 'Lausunto annettiin.' })).status).toBe(200);

    const page = await call(managePlan.loader, makeRequest(planPath, { cookie: s.secretary.cookie }), params);
    const data = await page.json();
    expect(data.progress).toMatchObject({ done: 1, planned: 1, total: 2, donePercent: 50 });
    expect(data.goals[0].actions[0].links[0].itemTitle).toBe('Järjestöfoorumi');

    const [plan] = await getDb().select().from(actionPlans).where(eq(actionPlans.councilId, s.council.id));
    expect((await post({ intent: 'publish', lockVersion: String(plan!.lockVersion) })).status).toBe(400);
    expect((await post({ intent: 'approve', lockVersion: String(plan!.lockVersion), itemId: s.items[0]!.id })).status).toBe(200);
    expect((await post({ intent: 'deleteGoal', id: goal!.id })).status).toBe(400);
    const [approved] = await getDb().select().from(actionPlans).where(eq(actionPlans.id, plan!.id));
    expect([approved?.status, approved?.approvedItemId]).toEqual(['approved', s.items[0]!.id]);
    expect(approved?.approvedAt?.toISOString()).toBe(helsinkiWallClock('2026-02-10', '14:00').toISOString());
    expect((await post({ intent: 'publish', lockVersion: String(approved!.lockVersion) })).status).toBe(200);

    const actionsLogged = (await getDb().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.councilId, s.council.id))).map((a) => a.action);
    expect(actionsLogged).toEqual(expect.arrayContaining(['plan.create', 'plan.goal_add', 'plan.action_add', 'plan.action_update', 'plan.action_link', 'plan.approve', 'plan.publish']));

    const pub = await call(publicPlan.loader, makeRequest(`/councils/${slug}/plans/${YEAR}`), params);
    expect(pub.status).toBe(200);
    const api = await call(apiPlan.loader, makeRequest(`/api/v1/councils/${slug}/plans/${YEAR}`), params);
    const body = await api.json();
    expect(body.goals[0].actions[0]).toMatchObject({ title: 'Lausunnot palvelustrategiasta', status: 'done', dealtWith: [{ item: 'Järjestöfoorumi', section: expect.stringMatching(/^§ \d+$/) }] });
    expect(JSON.stringify(body)).not.toContain(s.memberPerson.email!);
  });

  it("refuses to link an action to another council's agenda item, in the app and in the database", async () => {
    const s = await setup();
    const other = await setup();
    const { actions } = await buildPlan(s.council.id, YEAR, [{ title: 'Tavoite', actions: [{ title: 'Toimenpide' }] }]);
    const res = await call(
      managePlan.action,
      makeRequest(`/manage/councils/${s.council.slug}/plans/${YEAR}`, { cookie: s.secretary.cookie, form: { intent: 'link', actionId: actions[0]!.id, itemId: other.items[0]!.id } }),
      { slug: s.council.slug, year: String(YEAR) },
    );
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json.result.error.itemId).toEqual([
      'Asia ei ole tämän toimielimen esityslistalla. Toimenpiteen voi liittää vain saman toimielimen kokouksen asiaan.',
    ]);
    const raw = await getDb()
      .insert(planActionLinks)
      .values({ actionId: actions[0]!.id, councilId: s.council.id, agendaItemId: other.items[0]!.id })
      .then(() => 'inserted', () => 'refused');
    expect(raw).toBe('refused');
    expect(await getDb().select().from(planActionLinks).where(eq(planActionLinks.actionId, actions[0]!.id))).toHaveLength(0);
  });

  it('keeps drafts and approved plans out of public pages and the API', async () => {
    const s = await setup();
    const params = { slug: s.council.slug, year: String(YEAR) };
    const { plan } = await buildPlan(s.council.id, YEAR, [{ title: 'Luonnostavoite', actions: [{ title: 'Luonnostoimenpide' }] }]);
    expect((await call(publicPlan.loader, makeRequest(`/councils/${s.council.slug}/plans/${YEAR}`), params)).status).toBe(404);
    expect((await call(apiPlan.loader, makeRequest(`/api/v1/councils/${s.council.slug}/plans/${YEAR}`), params)).status).toBe(404);
    await getDb().update(actionPlans).set({ status: 'approved', approvedAt: new Date() }).where(eq(actionPlans.id, plan.id));
    expect((await call(publicPlan.loader, makeRequest(`/councils/${s.council.slug}/plans/${YEAR}`), params)).status).toBe(404);
    expect((await call(apiPlan.loader, makeRequest(`/api/v1/councils/${s.council.slug}/plans/${YEAR}`), params)).status).toBe(404);
    expect(await getCouncilRecordsSummary(s.council.id, s.council.regionId)).toMatchObject({ planYears: [], reportYears: [] });
    expect((await call(apiPlan.loader, makeRequest(`/api/v1/councils/${s.council.slug}/plans/26`), { ...params, year: '26' })).status).toBe(400);
  });

  it('lets members read but not edit, hides the plan from outsiders and sends visitors to sign in', async () => {
    const s = await setup();
    await buildPlan(s.council.id, YEAR);
    const params = { slug: s.council.slug, year: String(YEAR) };
    const planPath = `/manage/councils/${s.council.slug}/plans/${YEAR}`;
    const anonymous = await call(managePlan.loader, makeRequest(planPath), params);
    expect(anonymous.status).toBe(302);
    const member = await buildUser({ personId: s.memberPerson.id });
    const page = await call(managePlan.loader, makeRequest(planPath, { cookie: member.cookie }), params);
    expect((await page.json()).mayEdit).toBe(false);
    expect((await call(managePlan.action, makeRequest(planPath, { cookie: member.cookie, form: { intent: 'goal', title: 'x' } }), params)).status).toBe(403);
    const outsider = await buildUser({ personId: (await buildCouncilWithRoster()).memberPerson.id });
    expect((await call(managePlan.loader, makeRequest(planPath, { cookie: outsider.cookie }), params)).status).toBe(404);
  });
});

describe('statements register', () => {
  it('records a statement, returns every field error, and publishes only what is sent and marked public', async () => {
    const s = await setup();
    const slug = s.council.slug;
    const path = `/manage/councils/${slug}/statements`;
    const post = (form: Record<string, string>) => call(manageStatements.action, makeRequest(path, { cookie: s.secretary.cookie, form }), { slug });

    const bad = await post({ type: 'statement', status: 'answered', recipient: '', title: '', published: 'on', responseDate: '2026-01-01' });
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).result.error).sort()).toEqual(['issuedOn', 'recipient', 'response', 'title']);
    const draftPublic = await post({ type: 'statement', status: 'draft', recipient: 'Aluehallitus', title: 'Luonnos', published: 'on' });
    expect(JSON.stringify(await draftPublic.json())).toContain('Luonnosta ei voi julkaista');

    const foreign = await setup();
    const wrongItem = await post({ type: 'statement', status: 'sent', issuedOn: '2026-02-12', recipient: 'Aluehallitus', title: 'Lausunto', approvedItemId: foreign.items[0]!.id });
    expect(wrongItem.status).toBe(400);
    expect(JSON.stringify(await wrongItem.json())).toContain('ei ole tämän toimielimen esityslistalla');

    expect((await post({ type: 'statement', status: 'sent', issuedOn: '2026-02-12', recipient: 'Aluehallitus', title: 'Lausunto avustuksista', approvedItemId: s.items[0]!.id, published: 'on' })).status).toBe(200);
    expect((await post({ type: 'initiative', status: 'draft', recipient: 'Aluehallitus', title: 'Keskeneräinen aloite' })).status).toBe(200);
    expect((await post({ type: 'position', status: 'sent', issuedOn: '2026-03-01', recipient: 'Aluehallitus', title: 'Ei julkaistu kannanotto' })).status).toBe(200);
    await buildStatement(s.council.id, { status: 'sent', issuedOn: '2026-03-02', title: 'Luottamuksellisen asian lausunto', approvedItemId: s.items[2]!.id, publishedAt: new Date() });

    const [published] = await getDb().select().from(statements).where(eq(statements.title, 'Lausunto avustuksista'));
    const answer = {
      id: published!.id,
      lockVersion: String(published!.lockVersion),
      type: 'statement',
      status: 'answered',
      issuedOn: '2026-02-12',
      recipient: 'Aluehallitus',
      title: 'Lausunto avustuksista',
      approvedItemId: s.items[0]!.id,
      response: 'Huomioidaan ohjeessa.',
      responseDate: '2026-04-01',
      published: 'on',
    };
    expect((await post(answer)).status).toBe(200);
    const conflict = await post(answer);
    expect(conflict.status).toBe(400);
    expect(JSON.stringify(await conflict.json())).toContain('Joku muu muutti');

    const page = await call(publicStatements.loader, makeRequest(`/councils/${slug}/statements`), { slug });
    const titles = (await page.json()).statements.map((x: { title: string }) => x.title).sort();
    expect(titles).toEqual(['Lausunto avustuksista', 'Luottamuksellisen asian lausunto']);
    const api = await call(apiStatements.loader, makeRequest(`/api/v1/councils/${slug}/statements`), { slug });
    const body = await api.json();
    expect(body.statements.map((x: { title: string }) => x.title).sort()).toEqual(titles);
    const answered = body.statements.find((x: { title: string }) => x.title === 'Lausunto avustuksista');
    expect(answered).toMatchObject({ status: 'answered', response: 'Huomioidaan ohjeessa.', responseDate: '2026-04-01', approvedAt: { item: 'Toimintasuunnitelma 2026' } });
    // The confidential item that approved a statement is not named publicly.
    expect(body.statements.find((x: { title: string }) => x.title.startsWith('Luottamuksellisen')).approvedAt).toBeNull();
    expect(JSON.stringify(body)).not.toContain('Salainen asia');
    expect((await call(apiStatements.loader, makeRequest(`/api/v1/councils/${slug}/statements?type=lausunto`), { slug })).status).toBe(400);

    expect((await getDb().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.councilId, s.council.id))).map((a) => a.action)).toEqual(
      expect.arrayContaining(['statement.create', 'statement.update']),
    );

    const member = await buildUser({ personId: s.memberPerson.id });
    expect((await call(manageStatements.action, makeRequest(path, { cookie: member.cookie, form: answer }), { slug })).status).toBe(403);

    await buildMilestone({ councilId: s.council.id });
    expect(await getCouncilRecordsSummary(s.council.id, s.council.regionId)).toMatchObject({ statements: 2, milestones: 1 });
  });
});
