import { describe, expect, it } from 'vitest';
import * as importRoute from '../../app/routes/manage.councils.$slug.import';
import * as membershipsApi from '../../app/routes/api.v1.councils.$slug.memberships';
import * as councilApi from '../../app/routes/api.v1.councils.$slug._index';
import * as publicPage from '../../app/routes/councils.$slug._index';
import { buildCouncilWithTerm, buildRosterUsers, rosterFixture } from '../factories/roster';
import { useTestDatabase } from '../setup/database';
import { call, makeRequest } from '../support/requests';

useTestDatabase();

interface ApiMembership {
  id: string;
  person: { name: string };
  role: string;
  category: string | null;
  onBehalfOf: { name: string } | null;
  startDate: string;
  endDate: string | null;
  deputyOf: string | null;
  affiliation: string | null;
}

interface RosterGroup {
  category: { nameFi: string } | null;
  role: string | null;
  pairs: Array<{ member: { personName: string } | null; deputies: Array<{ personName: string }> }>;
  mismatch: string | null;
}

/** Import a fixture through the real action (preview, then confirm) and read the API and public page. */
async function importReference(fixture: string, termStart = '2023-01-01') {
  const { council, term } = await buildCouncilWithTerm({}, { startDate: termStart });
  const { secretary } = await buildRosterUsers(council.id);
  const csv = rosterFixture(fixture);
  const path = `/manage/councils/${council.slug}/import`;
  const preview = await call(importRoute.action, makeRequest(path, { cookie: secretary.cookie, form: { intent: 'preview', termId: term.id, csv } }), { slug: council.slug });
  const previewBody = (await preview.json()) as { preview: { ok: boolean; rows: Array<{ row: number; problems: unknown[] }>; fileProblems: unknown[] } };
  expect(previewBody.preview.fileProblems).toEqual([]);
  expect(previewBody.preview.rows.filter((r) => r.problems.length > 0)).toEqual([]);
  expect(preview.status).toBe(200);
  const done = await call(importRoute.action, makeRequest(path, { cookie: secretary.cookie, form: { intent: 'confirm', termId: term.id, csv } }), { slug: council.slug });
  expect(done.status).toBe(200);
  const api = await call(membershipsApi.loader, makeRequest(`/api/v1/councils/${council.slug}/memberships?term=current`), { slug: council.slug });
  expect(api.status).toBe(200);
  const body = (await api.json()) as { memberships: ApiMembership[]; term: { id: string } };
  expect(body.term.id).toBe(term.id);
  const page = await call(publicPage.loader, makeRequest(`/councils/${council.slug}`), { slug: council.slug });
  expect(page.status).toBe(200);
  const pageData = (await page.json()) as { roster: { officers: Array<{ role: string; personName: string }>; groups: RosterGroup[] } };
  return { council, term, memberships: body.memberships, roster: pageData.roster, rawApi: JSON.stringify(body), rawPage: JSON.stringify(pageData) };
}

const count = (ms: ApiMembership[], role: string) => ms.filter((m) => m.role === role).length;
const byId = (ms: ApiMembership[]) => new Map(ms.map((m) => [m.id, m]));

describe('the six reference councils, imported from CSV', () => {
  it('Pirkanmaa: 19 categories, each a member beside a personal deputy; officers who hold seats', async () => {
    const { memberships, roster, rawApi, rawPage } = await importReference('pirkanmaa.csv');
    expect(memberships).toHaveLength(41);
    expect(count(memberships, 'member')).toBe(19);
    expect(count(memberships, 'deputy')).toBe(19);
    expect(new Set(memberships.map((m) => m.category).filter(Boolean)).size).toBe(19);
    const ids = byId(memberships);
    for (const d of memberships.filter((m) => m.role === 'deputy')) {
      const principal = ids.get(d.deputyOf!);
      expect(principal?.role).toBe('member');
      expect(principal?.category).toBe(d.category);
    }
    const chair = memberships.find((m) => m.role === 'chair')!;
    expect(memberships.filter((m) => m.person.name === chair.person.name).map((m) => m.role).sort()).toEqual(['chair', 'member']);
    expect(roster.groups).toHaveLength(19);
    expect(roster.groups.every((g) => g.pairs.length === 1 && g.pairs[0]!.member && g.pairs[0]!.deputies.length === 1 && g.mismatch === null)).toBe(true);
    expect(roster.officers.map((o) => o.role)).toEqual(['chair', 'vice_chair', 'secretary']);
    for (const raw of [rawApi, rawPage]) expect(raw).not.toContain('@example.org');
  });

  it('Helsinki: 14 NGO members and 5 elected officials, each with a deputy; two secretaries', async () => {
    const { memberships, roster } = await importReference('helsinki.csv');
    expect(count(memberships, 'member')).toBe(14);
    expect(count(memberships, 'elected_official')).toBe(5);
    expect(count(memberships, 'deputy')).toBe(19);
    expect(count(memberships, 'secretary')).toBe(2);
    const ids = byId(memberships);
    const electedDeputies = memberships.filter((m) => m.role === 'deputy' && ids.get(m.deputyOf!)?.role === 'elected_official');
    expect(electedDeputies).toHaveLength(5);
    expect(electedDeputies.every((d) => d.category === null)).toBe(true);
    const elected = roster.groups.find((g) => g.role === 'elected_official')!;
    expect(elected.pairs).toHaveLength(5);
    expect(elected.pairs.every((p) => p.deputies.length === 1)).toBe(true);
    expect(roster.groups.filter((g) => g.category).reduce((n, g) => n + g.pairs.length, 0)).toBe(14);
  });

  it('Itä-Uusimaa: 11 categories of 2 members (Swedish role words too), an invited expert, all from 25.10.2023', async () => {
    const { memberships, roster } = await importReference('ita-uusimaa.csv');
    expect(count(memberships, 'member')).toBe(22);
    expect(count(memberships, 'deputy')).toBe(0);
    expect(count(memberships, 'invited_expert')).toBe(1);
    expect(memberships.every((m) => m.startDate === '2023-10-25')).toBe(true);
    const categories = roster.groups.filter((g) => g.category);
    expect(categories).toHaveLength(11);
    expect(categories.every((g) => g.pairs.length === 2 && g.mismatch === null)).toBe(true);
  });

  it('Keski-Uusimaa: theme networks name a professional and a volunteer; county and municipality representatives', async () => {
    const { memberships, roster } = await importReference('keski-uusimaa.csv');
    const members = memberships.filter((m) => m.role === 'member');
    expect(members).toHaveLength(10);
    expect(members.filter((m) => m.affiliation === 'professional')).toHaveLength(5);
    expect(members.filter((m) => m.affiliation === 'volunteer')).toHaveLength(5);
    expect(count(memberships, 'county_representative')).toBe(1);
    expect(count(memberships, 'municipality_representative')).toBe(2);
    expect(memberships.find((m) => m.role === 'municipality_representative')!.onBehalfOf?.name).toMatch(/kaupunki|kunta/);
    expect(roster.groups.map((g) => g.role ?? g.category?.nameFi).slice(-2)).toEqual(['county_representative', 'municipality_representative']);
  });

  it('Varsinais-Suomi: 13 members without categories and a troikka', async () => {
    const { memberships, roster } = await importReference('varsinais-suomi.csv');
    expect(count(memberships, 'member')).toBe(13);
    expect(memberships.filter((m) => ['chair', 'vice_chair', 'secretary'].includes(m.role))).toHaveLength(3);
    expect(memberships.every((m) => m.category === null)).toBe(true);
    expect(roster.officers).toHaveLength(3);
    expect(roster.groups).toHaveLength(1);
    expect(roster.groups[0]!.pairs.filter((p) => p.member)).toHaveLength(13);
    expect(roster.groups[0]!.mismatch).toBeNull();
  });

  it('Keski-Suomi: NGO and parish representatives from a Finnish Excel file (semicolons, d.m.yyyy)', async () => {
    const { memberships, roster } = await importReference('keski-suomi.csv', '2025-06-01');
    expect(count(memberships, 'member')).toBe(12);
    expect(count(memberships, 'deputy')).toBe(12);
    expect(memberships.every((m) => m.startDate === '2025-06-01')).toBe(true);
    const parishes = roster.groups.find((g) => g.category?.nameFi === 'Seurakunnat')!;
    expect(parishes.pairs).toHaveLength(3);
    expect(memberships.filter((m) => m.category === 'Seurakunnat' && m.role === 'member').map((m) => m.onBehalfOf?.name)).toContain('Jyväskylän seurakunta');
  });

  it('lists the term in the council API as current', async () => {
    const { council, term } = await buildCouncilWithTerm();
    const res = await call(councilApi.loader, makeRequest(`/api/v1/councils/${council.slug}`), { slug: council.slug });
    const body = (await res.json()) as { terms: Array<{ id: string; current: boolean }> };
    expect(body.terms).toEqual([expect.objectContaining({ id: term.id, current: true })]);
  });
});
