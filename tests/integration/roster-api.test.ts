import { describe, expect, it } from 'vitest';
import * as listApi from '../../app/routes/api.v1.councils._index';
import * as councilApi from '../../app/routes/api.v1.councils.$slug._index';
import * as membershipsApi from '../../app/routes/api.v1.councils.$slug.memberships';
import * as termPage from '../../app/routes/councils.$slug.terms.$termId';
import { buildCategory, buildCouncil, buildMembership, buildOrganisation, buildPerson, buildTerm } from '../factories';
import { buildCouncilWithTerm } from '../factories/roster';
import { useTestDatabase } from '../setup/database';
import { call, makeRequest } from '../support/requests';

useTestDatabase();

const api = (path: string, slug: string) => call(membershipsApi.loader, makeRequest(path), { slug });

async function populated() {
  const { council, term } = await buildCouncilWithTerm({ appointingBody: 'Aluehallitus', appointingDecisionDate: '2023-09-28' }, { startDate: '2025-01-01', endDate: '2099-12-31', name: 'Nykyinen' });
  const past = await buildTerm(council.id, { name: 'Edellinen', startDate: '2023-01-01', endDate: '2024-12-31' });
  const cat = await buildCategory(term.id, { nameFi: 'Vammaisjärjestöt' });
  const org = await buildOrganisation({ nameFi: 'Näkövammaiset ry', regionId: council.regionId });
  const member = await buildMembership(term.id, (await buildPerson({ givenName: 'Julkinen', familyName: 'Jäsen', email: 'salainen@example.org', phone: '+358 40 999 9999' })).id, {
    categoryId: cat.id,
    organisationId: org.id,
    startDate: '2025-01-01',
  });
  const deputy = await buildMembership(term.id, (await buildPerson({ givenName: 'Varalla', familyName: 'Oleva' })).id, { role: 'deputy', categoryId: cat.id, principalId: member.id, startDate: '2025-01-01' });
  const ended = await buildMembership(term.id, (await buildPerson({ givenName: 'Eronnut', familyName: 'Aiemmin' })).id, { categoryId: cat.id, startDate: '2025-01-01', endDate: '2025-02-28', endReason: 'resigned' });
  await buildMembership(past.id, (await buildPerson({ givenName: 'Vanha', familyName: 'Kausi' })).id, { startDate: '2023-01-01' });
  return { council, term, past, member, deputy, ended };
}

describe('GET /api/v1/councils', () => {
  it('lists councils with region and parent slug, open to all origins', async () => {
    const parent = await buildCouncil({ nameFi: 'Emo' });
    const child = await buildCouncil({ regionId: parent.regionId, parentId: parent.id, kind: 'working_group', nameFi: 'Työryhmä' });
    const res = await call(listApi.loader, makeRequest('/api/v1/councils'));
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await res.json()) as { councils: Array<{ slug: string; parent: string | null; region: { slug: string; name: string }; kind: string; origin: string; name: string }> };
    const row = body.councils.find((c) => c.slug === child.slug)!;
    expect(row).toMatchObject({ name: 'Työryhmä', kind: 'working_group', origin: 'county_established', parent: parent.slug });
    expect(row.region.slug).toMatch(/^region-/);
  });
});

describe('GET /api/v1/councils/{slug}', () => {
  it('gives terms with the current one flagged and the appointing decision; 404 for an unknown slug', async () => {
    const { council, term, past } = await populated();
    const res = await call(councilApi.loader, makeRequest(`/api/v1/councils/${council.slug}`), { slug: council.slug });
    const body = (await res.json()) as { terms: Array<{ id: string; current: boolean; name: string; startDate: string; endDate: string | null }>; appointingDecision: { body: string; date: string } };
    expect(body.terms).toEqual([
      { id: term.id, name: 'Nykyinen', startDate: '2025-01-01', endDate: '2099-12-31', current: true },
      { id: past.id, name: 'Edellinen', startDate: '2023-01-01', endDate: '2024-12-31', current: false },
    ]);
    expect(body.appointingDecision).toMatchObject({ body: 'Aluehallitus', date: '2023-09-28' });
    const missing = await call(councilApi.loader, makeRequest('/api/v1/councils/ei-ole'), { slug: 'ei-ole' });
    expect(missing.status).toBe(404);
  });
});

describe('GET /api/v1/councils/{slug}/memberships', () => {
  it('returns the current term with history, Popolo-style, never contact details', async () => {
    const { council, member, deputy, ended } = await populated();
    const res = await api(`/api/v1/councils/${council.slug}/memberships?term=current`, council.slug);
    expect(res.status).toBe(200);
    const raw = await res.text();
    expect(raw).not.toContain('salainen@example.org');
    expect(raw).not.toContain('999 9999');
    const body = JSON.parse(raw) as { memberships: Array<Record<string, unknown>> };
    expect(body.memberships).toHaveLength(3);
    expect(body.memberships.find((m) => m.id === member.id)).toEqual({
      id: member.id,
      person: { name: 'Julkinen Jäsen' },
      role: 'member',
      category: 'Vammaisjärjestöt',
      onBehalfOf: { name: 'Näkövammaiset ry' },
      seat: null,
      affiliation: null,
      startDate: '2025-01-01',
      endDate: null,
      deputyOf: null,
    });
    expect(body.memberships.find((m) => m.id === deputy.id)!.deputyOf).toBe(member.id);
    expect(body.memberships.find((m) => m.id === ended.id)!.endDate).toBe('2025-02-28');
    const onDate = JSON.parse(await (await api(`/api/v1/councils/${council.slug}/memberships?on=2025-06-01`, council.slug)).text()) as typeof body;
    expect(onDate.memberships.map((m) => m.id).sort()).toEqual([member.id, deputy.id].sort());
  });

  it('picks a past term by id, and answers bad parameters with 400 and unknown ones with 404', async () => {
    const { council, past } = await populated();
    const pastRes = await api(`/api/v1/councils/${council.slug}/memberships?term=${past.id}`, council.slug);
    expect(((await pastRes.json()) as { memberships: Array<{ person: { name: string } }> }).memberships.map((m) => m.person.name)).toEqual(['Vanha Kausi']);
    expect((await api(`/api/v1/councils/${council.slug}/memberships?term=42`, council.slug)).status).toBe(400);
    expect((await api(`/api/v1/councils/${council.slug}/memberships?on=1.6.2025`, council.slug)).status).toBe(400);
    const other = await buildCouncilWithTerm();
    expect((await api(`/api/v1/councils/${council.slug}/memberships?term=${other.term.id}`, council.slug)).status).toBe(404);
    expect((await api('/api/v1/councils/ei-ole/memberships', 'ei-ole')).status).toBe(404);
  });

  it('does not publish the roster of a members-only council', async () => {
    const { council } = await buildCouncilWithTerm({ publicityDefault: 'members_only' });
    const res = await api(`/api/v1/councils/${council.slug}/memberships`, council.slug);
    expect(res.status).toBe(403);
  });
});

describe('public past-term page', () => {
  it('shows the roster as it stood at the end of the term, without contact details', async () => {
    const { council, past, term } = await populated();
    const res = await call(termPage.loader, makeRequest(`/councils/${council.slug}/terms/${past.id}`), { slug: council.slug, termId: past.id });
    const raw = await res.text();
    const body = JSON.parse(raw) as { on: string; roster: { groups: Array<{ pairs: Array<{ member: { personName: string } }> }> }; terms: Array<{ id: string }> };
    expect(body.on).toBe('2024-12-31');
    expect(body.roster.groups[0]!.pairs[0]!.member.personName).toBe('Vanha Kausi');
    expect(body.terms.map((t) => t.id)).toEqual([term.id, past.id]);
    const current = await (await call(termPage.loader, makeRequest(`/councils/${council.slug}/terms/${term.id}`), { slug: council.slug, termId: term.id })).text();
    expect(current).toContain('Julkinen Jäsen');
    expect(current).not.toContain('salainen@example.org');
    expect(current).not.toContain('Eronnut');
  });

  it('answers 404 for a term of another council or a malformed id, and hides a members-only roster', async () => {
    const { council } = await populated();
    const other = await buildCouncilWithTerm();
    expect((await call(termPage.loader, makeRequest('/x'), { slug: council.slug, termId: other.term.id })).status).toBe(404);
    expect((await call(termPage.loader, makeRequest('/x'), { slug: council.slug, termId: 'nope' })).status).toBe(404);
    const closed = await buildCouncilWithTerm({ publicityDefault: 'members_only' });
    await buildMembership(closed.term.id, (await buildPerson({ givenName: 'Suljettu', familyName: 'Jäsen' })).id);
    const res = await call(termPage.loader, makeRequest('/x'), { slug: closed.council.slug, termId: closed.term.id });
    const body = await res.text();
    expect(JSON.parse(body).roster).toBeNull();
    expect(body).not.toContain('Suljettu');
  });
});
