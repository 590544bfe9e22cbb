import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { memberships } from '../../db/schema';
import * as rosterRoute from '../../app/routes/manage.councils.$slug.roster';
import { listOfficerHistory } from '../../app/models/rosters.server';
import { buildCategory, buildCouncil, buildMembership, buildOrganisation, buildPerson, buildTerm } from '../factories';
import { auditEntries, buildCouncilWithTerm, buildRosterUsers } from '../factories/roster';
import { useTestDatabase } from '../setup/database';
import { call, makeRequest } from '../support/requests';

useTestDatabase();

async function setup() {
  const { council, term } = await buildCouncilWithTerm({}, { startDate: '2025-01-01', endDate: '2026-12-31' });
  const other = await buildCouncil();
  const users = await buildRosterUsers(council.id, other.id);
  const category = await buildCategory(term.id, { nameFi: 'Mielenterveysjärjestöt', memberSeats: 1, deputySeats: 1 });
  const path = `/manage/councils/${council.slug}/roster`;
  const post = (form: Record<string, string>, cookie = users.secretary.cookie) =>
    call(rosterRoute.action, makeRequest(path, { cookie, form }), { slug: council.slug });
  const get = (query = '', cookie: string | null = users.secretary.cookie) => call(rosterRoute.loader, makeRequest(`${path}${query}`, { cookie }), { slug: council.slug });
  return { council, term, category, users, post, get };
}

const fieldErrors = async (res: Response) => ((await res.json()) as { result: { error: Record<string, string[]> } }).result.error;

describe('who may keep the roster', () => {
  it('redirects the anonymous, refuses members (403) and hides the council from outsiders (404)', async () => {
    const { users, get, post, term } = await setup();
    const anonymous = await get('', null);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toMatch(/^\/login/);
    expect((await get('', users.member.cookie)).status).toBe(403);
    expect((await get('', users.outsider!.cookie)).status).toBe(404);
    expect((await post({ intent: 'assign', termId: term.id, role: 'member', givenName: 'X', familyName: 'Y', startDate: '2025-01-01' }, users.member.cookie)).status).toBe(403);
    expect((await get()).status).toBe(200);
  });
});

describe('assigning people to seats', () => {
  it('numbers seats, refuses an overlapping seat with a message at the field, and audits', async () => {
    const { council, term, category, post } = await setup();
    const first = await post({ intent: 'assign', termId: term.id, role: 'member', categoryId: category.id, givenName: 'Maija', familyName: 'Ensimmäinen', organisation: 'Mielenterveysseura ry', startDate: '2025-01-01' });
    expect(first.status).toBe(200);
    const [row] = await getDb().select().from(memberships).where(eq(memberships.termId, term.id));
    expect(row!.seatNumber).toBe(1);
    const clash = await post({ intent: 'assign', termId: term.id, role: 'member', categoryId: category.id, seatNumber: '1', givenName: 'Ville', familyName: 'Toinen', startDate: '2025-06-01' });
    expect(clash.status).toBe(400);
    expect((await fieldErrors(clash)).seatNumber).toEqual(['Paikalla on jo jäsen samana aikana.']);
    const second = await post({ intent: 'assign', termId: term.id, role: 'member', categoryId: category.id, givenName: 'Ville', familyName: 'Toinen', startDate: '2025-06-01', confirmDuplicate: 'on' });
    expect(second.status).toBe(200);
    const rows = await getDb().select().from(memberships).where(eq(memberships.termId, term.id));
    expect(rows.map((r) => r.seatNumber).sort()).toEqual([1, 2]);
    expect(await auditEntries('roster.membership_create', council.id)).toHaveLength(2);
  });

  it('refuses a second personal deputy for the same member in the same period', async () => {
    const { term, category, post } = await setup();
    const member = await buildMembership(term.id, (await buildPerson()).id, { categoryId: category.id, seatNumber: 1, startDate: '2025-01-01' });
    const a = await buildPerson();
    const b = await buildPerson();
    expect((await post({ intent: 'assign', termId: term.id, role: 'deputy', personId: a.id, principalId: member.id, startDate: '2025-01-01' })).status).toBe(200);
    const res = await post({ intent: 'assign', termId: term.id, role: 'deputy', personId: b.id, principalId: member.id, startDate: '2025-03-01' });
    expect(res.status).toBe(400);
    expect((await fieldErrors(res)).principalId).toEqual(['Jäsenellä on jo henkilökohtainen varajäsen samana aikana.']);
  });

  it('refuses a deputy whose principal is in another term', async () => {
    const { council, term, post } = await setup();
    const otherTerm = await buildTerm(council.id, { name: 'Edellinen', startDate: '2023-01-01', endDate: '2024-12-31' });
    const principal = await buildMembership(otherTerm.id, (await buildPerson()).id, { startDate: '2023-01-01' });
    const res = await post({ intent: 'assign', termId: term.id, role: 'deputy', personId: (await buildPerson()).id, principalId: principal.id, startDate: '2025-01-01' });
    expect(res.status).toBe(400);
    expect((await fieldErrors(res)).principalId).toEqual(['Jäsen kuuluu toiseen toimikauteen.']);
  });

  it('refuses an end date before the start, and reports every field error at once', async () => {
    const { term, post } = await setup();
    const res = await post({ intent: 'assign', termId: term.id, role: 'member', startDate: '2025-05-01', endDate: '2025-04-01' });
    expect(res.status).toBe(400);
    const errors = await fieldErrors(res);
    expect(errors.endDate).toEqual(['Päättymispäivä ei voi olla ennen alkamispäivää.']);
    expect(errors.personId).toEqual(['Valitse henkilö tai kirjoita uuden henkilön etu- ja sukunimi.']);
  });

  it('warns of a likely duplicate person (same name and organisation) and saves nothing', async () => {
    const { term, post } = await setup();
    const org = await buildOrganisation({ nameFi: 'Sama Yhdistys ry' });
    const existing = await buildPerson({ givenName: 'Anna', familyName: 'Kaksonen', organisationId: org.id });
    const res = await post({ intent: 'assign', termId: term.id, role: 'member', givenName: 'anna', familyName: 'KAKSONEN', organisation: 'Sama Yhdistys ry', startDate: '2025-01-01' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { duplicates: Array<{ name: string }>; result: { error: Record<string, string[]> } };
    expect(body.duplicates.map((d) => d.name)).toEqual(['Anna Kaksonen']);
    expect(body.result.error.givenName).toEqual(['Rekisterissä on todennäköisesti sama henkilö.']);
    expect(await getDb().select().from(memberships).where(eq(memberships.termId, term.id))).toHaveLength(0);
    const chosen = await post({ intent: 'assign', termId: term.id, role: 'member', personId: '', useExisting: existing.id, givenName: 'anna', familyName: 'KAKSONEN', startDate: '2025-01-01' });
    expect(chosen.status).toBe(200);
    const rows = await getDb().select().from(memberships).where(eq(memberships.termId, term.id));
    expect(rows.map((r) => r.personId)).toEqual([existing.id]);
  });
});

describe('mid-term changes keep the history', () => {
  it('ends a member, appoints the successor the next day and moves the personal deputy to them', async () => {
    const { council, term, category, post, get } = await setup();
    const old = await buildMembership(term.id, (await buildPerson({ givenName: 'Lähtevä' })).id, { categoryId: category.id, seatNumber: 1, startDate: '2025-01-01' });
    const deputy = await buildMembership(term.id, (await buildPerson({ givenName: 'Vara' })).id, { role: 'deputy', categoryId: category.id, principalId: old.id, startDate: '2025-01-01' });
    const successorPerson = await buildPerson({ givenName: 'Seuraaja' });

    const before = await get(`?term=${term.id}&end=${old.id}`);
    expect(((await before.json()) as { data: { ending: { id: string } } }).data.ending.id).toBe(old.id);

    const res = await post({ intent: 'end', membershipId: old.id, lockVersion: String(old.lockVersion), endDate: '2025-08-31', endReason: 'resigned', successorPersonId: successorPerson.id, repointDeputies: 'on' });
    expect(res.status).toBe(200);
    const rows = await getDb().select().from(memberships).where(eq(memberships.termId, term.id));
    expect(rows).toHaveLength(4);
    const ended = rows.find((r) => r.id === old.id)!;
    expect([ended.endDate, ended.endReason]).toEqual(['2025-08-31', 'resigned']);
    const successor = rows.find((r) => r.succeedsId === old.id)!;
    expect([successor.personId, successor.startDate, successor.seatNumber, successor.categoryId]).toEqual([successorPerson.id, '2025-09-01', 1, category.id]);
    const oldDeputy = rows.find((r) => r.id === deputy.id)!;
    expect(oldDeputy.endDate).toBe('2025-08-31');
    const newDeputy = rows.find((r) => r.succeedsId === deputy.id)!;
    expect([newDeputy.personId, newDeputy.principalId, newDeputy.startDate]).toEqual([deputy.personId, successor.id, '2025-09-01']);

    const inAugust = (await (await get(`?term=${term.id}&on=2025-08-15`)).json()) as { data: { roster: { groups: Array<{ pairs: Array<{ member: { personName: string }; deputies: Array<{ personName: string }> }> }> } } };
    expect(inAugust.data.roster.groups[0]!.pairs[0]!.member.personName).toMatch(/^Lähtevä /);
    const inOctober = (await (await get(`?term=${term.id}&on=2025-10-01`)).json()) as typeof inAugust;
    expect(inOctober.data.roster.groups[0]!.pairs[0]!.member.personName).toMatch(/^Seuraaja /);
    expect(inOctober.data.roster.groups[0]!.pairs[0]!.deputies[0]!.personName).toMatch(/^Vara /);

    expect(await auditEntries('roster.membership_end', council.id)).toHaveLength(1);
    expect(await auditEntries('roster.deputy_repoint', council.id)).toHaveLength(1);
  });

  it('requires a reason and an end date not before the start; a stale form is a conflict', async () => {
    const { term, post } = await setup();
    const m = await buildMembership(term.id, (await buildPerson()).id, { startDate: '2025-03-01' });
    const noReason = await post({ intent: 'end', membershipId: m.id, lockVersion: String(m.lockVersion), endDate: '2025-05-01' });
    expect(noReason.status).toBe(400);
    expect((await fieldErrors(noReason)).endReason).toEqual(['Valitse syy.']);
    const early = await post({ intent: 'end', membershipId: m.id, lockVersion: String(m.lockVersion), endDate: '2025-02-01', endReason: 'other' });
    expect(early.status).toBe(400);
    expect((await fieldErrors(early)).endDate).toEqual(['Päättymispäivä ei voi olla ennen alkamispäivää.']);
    const stale = await post({ intent: 'end', membershipId: m.id, lockVersion: String(m.lockVersion + 5), endDate: '2025-05-01', endReason: 'other' });
    expect(stale.status).toBe(409);
    const [unchanged] = await getDb().select().from(memberships).where(eq(memberships.id, m.id));
    expect(unchanged!.endDate).toBeNull();
  });

  it('saves nothing when the successor is refused after the ending was written', async () => {
    const { term, category, post } = await setup();
    const old = await buildMembership(term.id, (await buildPerson()).id, { categoryId: category.id, seatNumber: 1, startDate: '2025-01-01' });
    const taken = await buildPerson({ email: 'varattu@example.org' });
    const res = await post({ intent: 'end', membershipId: old.id, lockVersion: String(old.lockVersion), endDate: '2025-06-30', endReason: 'replaced', successorGivenName: 'Uusi', successorFamilyName: 'Henkilö', successorEmail: 'varattu@example.org' });
    expect(res.status).toBe(400);
    expect((await fieldErrors(res)).successorEmail).toEqual(['Sähköpostiosoite on jo toisella henkilöllä.']);
    const [still] = await getDb().select().from(memberships).where(eq(memberships.id, old.id));
    expect(still!.endDate).toBeNull();
    expect(taken.id).toBeTruthy();
  });

  it('answers "who chaired in 2024" from dated officer roles', async () => {
    const { council } = await setup();
    const past = await buildTerm(council.id, { name: '2023–2024', startDate: '2023-01-01', endDate: '2024-12-31' });
    const a = await buildPerson({ givenName: 'Aino', familyName: 'Alkupuheenjohtaja' });
    const b = await buildPerson({ givenName: 'Bertta', familyName: 'Jatkaja' });
    await buildMembership(past.id, a.id, { role: 'chair', startDate: '2023-01-01', endDate: '2024-03-31', endReason: 'resigned' });
    await buildMembership(past.id, b.id, { role: 'chair', startDate: '2024-04-01' });
    const history = await listOfficerHistory(council.id);
    const chairedIn2024 = history.filter((o) => o.role === 'chair' && o.startDate <= '2024-12-31' && (o.endDate ?? '9999') >= '2024-01-01').map((o) => o.personName);
    expect(chairedIn2024.sort()).toEqual(['Aino Alkupuheenjohtaja', 'Bertta Jatkaja']);
    expect(history.find((o) => o.personName.startsWith('Bertta'))!.endDate).toBe('2024-12-31');
  });
});
