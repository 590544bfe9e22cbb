import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { categories, councils, memberships, people, termExtraSeats, terms } from '../../db/schema';
import * as newCouncil from '../../app/routes/manage.councils.new';
import * as editCouncil from '../../app/routes/manage.councils.$slug.edit';
import * as overview from '../../app/routes/manage.councils.$slug._index';
import * as newTerm from '../../app/routes/manage.councils.$slug.terms.new';
import * as termPlan from '../../app/routes/manage.councils.$slug.terms.$termId';
import * as peopleRoute from '../../app/routes/manage.people';
import { buildCategory, buildCouncil, buildMembership, buildOrganisation, buildPerson, buildRegion, buildTerm } from '../factories';
import { auditEntries, buildCouncilWithTerm, buildRosterUsers } from '../factories/roster';
import { useTestDatabase } from '../setup/database';
import { buildUser, call, makeRequest } from '../support/requests';

useTestDatabase();

const errorsOf = async (res: Response) => ((await res.json()) as { result: { error: Record<string, string[]> } }).result.error;

const councilForm = (over: Record<string, string | string[]> = {}) => ({
  slug: `testi-${Math.random().toString(36).slice(2, 8)}`,
  nameFi: 'Järjestöneuvottelukunta',
  nameSv: 'Organisationsdelegationen',
  kind: 'advisory_council',
  origin: 'county_established',
  publicityDefault: 'public',
  languages: ['fi', 'sv'],
  meetingFeeNote: 'Kokouspalkkioita ei makseta.',
  appointingBody: 'Aluehallitus',
  appointingDecisionDate: '2023-09-28',
  appointingDecisionUrl: 'https://example.org/paatos/123',
  ...over,
});

describe('councils', () => {
  it('lets an admin create a council with its appointing decision, audited', async () => {
    const region = await buildRegion();
    const admin = await buildUser({ grants: [{ role: 'admin' }] });
    const form = councilForm({ regionId: region.id });
    const res = await call(newCouncil.action, makeRequest('/manage/councils/new', { cookie: admin.cookie, form }));
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/manage/councils/${form.slug}`);
    const [row] = await getDb().select().from(councils).where(eq(councils.slug, form.slug as string));
    expect(row).toMatchObject({ nameSv: 'Organisationsdelegationen', languages: ['fi', 'sv'], appointingDecisionDate: '2023-09-28', regionId: region.id });
    expect(await auditEntries('roster.council_create', row!.id)).toHaveLength(1);
  });

  it('keeps region admins to their region and refuses a sub-body without a parent, a taken slug and a foreign parent', async () => {
    const mine = await buildRegion();
    const theirs = await buildRegion();
    const foreignParent = await buildCouncil({ regionId: theirs.id });
    const regionAdmin = await buildUser({ grants: [{ role: 'region_admin', regionId: mine.id }] });
    const elsewhere = await call(newCouncil.action, makeRequest('/manage/councils/new', { cookie: regionAdmin.cookie, form: councilForm({ regionId: theirs.id }) }));
    expect(elsewhere.status).toBe(403);
    expect((await errorsOf(elsewhere)).regionId).toEqual(['Et voi perustaa toimielintä tälle alueelle.']);
    const orphan = await call(newCouncil.action, makeRequest('/manage/councils/new', { cookie: regionAdmin.cookie, form: councilForm({ regionId: mine.id, kind: 'working_group' }) }));
    expect((await errorsOf(orphan)).parentId).toEqual(['Työvaliokunnalla ja työryhmällä on oltava ylempi toimielin.']);
    const taken = await buildCouncil({ regionId: mine.id });
    const res = await call(
      newCouncil.action,
      makeRequest('/manage/councils/new', { cookie: regionAdmin.cookie, form: councilForm({ regionId: mine.id, slug: taken.slug, kind: 'working_group', parentId: foreignParent.id }) }),
    );
    const errors = await errorsOf(res);
    expect(errors.slug).toEqual(['Tunniste on jo käytössä.']);
    expect(errors.parentId).toEqual(['Ylemmän toimielimen on oltava samalla alueella.']);
    const secretary = await buildUser({ grants: [{ role: 'secretary', councilId: taken.id }] });
    expect((await call(newCouncil.loader, makeRequest('/manage/councils/new', { cookie: secretary.cookie }))).status).toBe(404);
  });

  it('edits a council with optimistic locking; secretaries may not edit', async () => {
    const region = await buildRegion();
    const council = await buildCouncil({ regionId: region.id });
    const regionAdmin = await buildUser({ grants: [{ role: 'region_admin', regionId: region.id }] });
    const { secretary } = await buildRosterUsers(council.id);
    const path = `/manage/councils/${council.slug}/edit`;
    const form = { ...councilForm(), intent: 'council', lockVersion: String(council.lockVersion), nameFi: 'Uusi nimi' };
    expect((await call(editCouncil.action, makeRequest(path, { cookie: secretary.cookie, form }), { slug: council.slug })).status).toBe(403);
    const ok = await call(editCouncil.action, makeRequest(path, { cookie: regionAdmin.cookie, form }), { slug: council.slug });
    expect(ok.status).toBe(302);
    const stale = await call(editCouncil.action, makeRequest(path, { cookie: regionAdmin.cookie, form: { ...form, nameFi: 'Vanha lomake' } }), { slug: council.slug });
    expect(stale.status).toBe(409);
    const [row] = await getDb().select().from(councils).where(eq(councils.id, council.id));
    expect(row!.nameFi).toBe('Uusi nimi');
    const [audit] = await auditEntries('roster.council_update', council.id);
    expect(audit!.changes).toMatchObject({ nameFi: [council.nameFi, 'Uusi nimi'] });
  });

  it('shows the secretariat overview with links by permission', async () => {
    const { council, term } = await buildCouncilWithTerm();
    const { secretary, member } = await buildRosterUsers(council.id);
    const asSecretary = (await (await call(overview.loader, makeRequest(`/manage/councils/${council.slug}`, { cookie: secretary.cookie }), { slug: council.slug })).json()) as {
      may: Record<string, boolean>;
      terms: Array<{ id: string; current: boolean }>;
    };
    expect(asSecretary.may).toMatchObject({ roster: true, edit: false, meetings: true });
    expect(asSecretary.terms).toEqual([expect.objectContaining({ id: term.id, current: true })]);
    const asMember = (await (await call(overview.loader, makeRequest(`/manage/councils/${council.slug}`, { cookie: member.cookie }), { slug: council.slug })).json()) as { may: Record<string, boolean> };
    expect(asMember.may.roster).toBe(false);
  });
});

describe('terms and seat plans', () => {
  it('starts a new term by copying the previous plan and people, deputies paired again', async () => {
    const { council, term } = await buildCouncilWithTerm({}, { startDate: '2023-01-01', endDate: '2024-12-31', name: '2023–2024' });
    const { secretary } = await buildRosterUsers(council.id);
    const cat = await buildCategory(term.id, { nameFi: 'Seurakunnat', memberSeats: 1, deputySeats: 1 });
    await getDb().insert(termExtraSeats).values({ termId: term.id, role: 'invited_expert', memberSeats: 1, deputySeats: 0 });
    const m = await buildMembership(term.id, (await buildPerson()).id, { categoryId: cat.id, seatNumber: 1, startDate: '2023-01-01' });
    await buildMembership(term.id, (await buildPerson()).id, { role: 'deputy', categoryId: cat.id, principalId: m.id, startDate: '2023-01-01' });
    await buildMembership(term.id, (await buildPerson()).id, { categoryId: cat.id, startDate: '2023-01-01', endDate: '2023-06-30', endReason: 'resigned' });
    const res = await call(
      newTerm.action,
      makeRequest(`/manage/councils/${council.slug}/terms/new`, { cookie: secretary.cookie, form: { name: '2025–2026', startDate: '2025-01-01', endDate: '2026-12-31', copyFromTermId: term.id, copyPeople: 'on' } }),
      { slug: council.slug },
    );
    expect(res.status).toBe(302);
    const [created] = await getDb().select().from(terms).where(and(eq(terms.councilId, council.id), eq(terms.name, '2025–2026')));
    const newCats = await getDb().select().from(categories).where(eq(categories.termId, created!.id));
    expect(newCats.map((c) => [c.nameFi, c.memberSeats, c.deputySeats])).toEqual([['Seurakunnat', 1, 1]]);
    expect(await getDb().select().from(termExtraSeats).where(eq(termExtraSeats.termId, created!.id))).toHaveLength(1);
    const copied = await getDb().select().from(memberships).where(eq(memberships.termId, created!.id));
    expect(copied).toHaveLength(2);
    const member = copied.find((x) => x.role === 'member')!;
    expect(copied.find((x) => x.role === 'deputy')!.principalId).toBe(member.id);
    expect(copied.every((x) => x.startDate === '2025-01-01' && x.categoryId === newCats[0]!.id)).toBe(true);
    expect(await auditEntries('roster.term_create', council.id)).toHaveLength(1);
  });

  it('refuses a term that ends before it starts, or a taken name', async () => {
    const { council, term } = await buildCouncilWithTerm();
    const { secretary } = await buildRosterUsers(council.id);
    const path = `/manage/councils/${council.slug}/terms/new`;
    const bad = await call(newTerm.action, makeRequest(path, { cookie: secretary.cookie, form: { name: 'X', startDate: '2025-05-01', endDate: '2025-01-01' } }), { slug: council.slug });
    expect((await errorsOf(bad)).endDate).toEqual(['Päättymispäivä ei voi olla ennen alkamispäivää.']);
    const dup = await call(newTerm.action, makeRequest(path, { cookie: secretary.cookie, form: { name: term.name, startDate: '2025-05-01' } }), { slug: council.slug });
    expect((await errorsOf(dup)).name).toEqual(['Toimielimellä on jo samanniminen toimikausi.']);
  });

  it('saves a seat plan: renames, adds 19 categories from lines, extra seats; refuses removing a used category', async () => {
    const { council, term } = await buildCouncilWithTerm();
    const { secretary } = await buildRosterUsers(council.id);
    const used = await buildCategory(term.id, { nameFi: 'Vanha', position: 1 });
    const unused = await buildCategory(term.id, { nameFi: 'Turha', position: 2 });
    await buildMembership(term.id, (await buildPerson()).id, { categoryId: used.id });
    const path = `/manage/councils/${council.slug}/terms/${term.id}`;
    const params = { slug: council.slug, termId: term.id };
    const base = {
      intent: 'plan',
      'categories[0].id': used.id,
      'categories[0].lockVersion': String(used.lockVersion),
      'categories[0].nameFi': 'Lapsi- ja perhejärjestöt',
      'categories[0].memberSeats': '2',
      'categories[0].deputySeats': '2',
      'categories[1].id': unused.id,
      'categories[1].lockVersion': String(unused.lockVersion),
      'categories[1].nameFi': 'Turha',
      'categories[1].memberSeats': '1',
      'categories[1].deputySeats': '1',
      'categories[1].remove': 'on',
      newCategories: Array.from({ length: 18 }, (_, i) => `Luokka ${i + 2}`).join('\n'),
      newMemberSeats: '1',
      newDeputySeats: '1',
      'extra[0].role': 'elected_official',
      'extra[0].memberSeats': '5',
      'extra[0].deputySeats': '5',
    };
    const ok = await call(termPlan.action, makeRequest(path, { cookie: secretary.cookie, form: base }), params);
    expect(ok.status).toBe(200);
    const cats = await getDb().select().from(categories).where(eq(categories.termId, term.id));
    expect(cats).toHaveLength(19);
    expect(cats.find((c) => c.position === 1)).toMatchObject({ id: used.id, nameFi: 'Lapsi- ja perhejärjestöt', memberSeats: 2 });
    expect(await getDb().select().from(termExtraSeats).where(eq(termExtraSeats.termId, term.id))).toEqual([expect.objectContaining({ role: 'elected_official', memberSeats: 5 })]);
    const refused = await call(
      termPlan.action,
      makeRequest(path, { cookie: secretary.cookie, form: { intent: 'plan', 'categories[0].id': used.id, 'categories[0].lockVersion': String(used.lockVersion + 1), 'categories[0].nameFi': 'X', 'categories[0].memberSeats': '1', 'categories[0].deputySeats': '1', 'categories[0].remove': 'on', newCategories: 'Luokka 2' } }),
      params,
    );
    expect(refused.status).toBe(400);
    const errors = await errorsOf(refused);
    expect(errors['categories[0].remove']).toEqual(['Luokkaa ei voi poistaa, koska sillä on jäsenyyksiä.']);
    expect(errors.newCategories).toEqual(['Samanniminen luokka on jo olemassa.']);
    expect(await auditEntries('roster.plan_update', council.id)).toHaveLength(1);
  });
});

describe('people register', () => {
  it('warns of a likely duplicate on create and shows contact details only to those who keep a roster', async () => {
    const { council, term } = await buildCouncilWithTerm();
    const other = await buildCouncilWithTerm({ regionId: council.regionId });
    const { secretary, member } = await buildRosterUsers(council.id);
    const org = await buildOrganisation({ nameFi: 'Rekisteriyhdistys ry', regionId: council.regionId });
    const inMine = await buildPerson({ givenName: 'Oma', familyName: 'Jäsen', email: 'oma@example.org', organisationId: org.id });
    await buildMembership(term.id, inMine.id);
    const inOther = await buildPerson({ givenName: 'Vieras', familyName: 'Jäsen', email: 'vieras@example.org' });
    await buildMembership(other.term.id, inOther.id);

    const page = await call(peopleRoute.loader, makeRequest('/manage/people', { cookie: secretary.cookie }));
    const text = await page.text();
    expect(text).toContain('oma@example.org');
    expect(text).not.toContain('vieras@example.org');
    expect((await call(peopleRoute.loader, makeRequest('/manage/people', { cookie: member.cookie }))).status).toBe(404);

    const form = { intent: 'create', givenName: 'Oma', familyName: 'Jäsen', organisation: 'Rekisteriyhdistys ry' };
    const warned = await call(peopleRoute.action, makeRequest('/manage/people', { cookie: secretary.cookie, form }));
    expect(warned.status).toBe(400);
    expect(((await warned.json()) as { duplicates: Array<{ id: string }> }).duplicates.map((d) => d.id)).toEqual([inMine.id]);
    const confirmed = await call(peopleRoute.action, makeRequest('/manage/people', { cookie: secretary.cookie, form: { ...form, confirmDuplicate: 'on' } }));
    expect(confirmed.status).toBe(200);
    expect(await getDb().select().from(people).where(eq(people.givenName, 'Oma'))).toHaveLength(2);
  });
});
