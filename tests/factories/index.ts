import { randomUUID } from 'node:crypto';
import { getDb } from '../../db/client.server';
import {
  categories,
  councils,
  meetings,
  memberships,
  organisations,
  people,
  regions,
  terms,
  type NewCouncil,
  type NewMeeting,
  type NewMembership,
  type NewPerson,
  type NewTerm,
} from '../../db/schema';

let n = 0;
const seq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

export async function buildRegion(over: Partial<typeof regions.$inferInsert> = {}) {
  const s = seq();
  const [row] = await getDb()
    .insert(regions)
    .values({
      slug: `region-${s}`,
      nameFi: `Alue ${s}`,
      nameSv: `Område ${s}`,
      nameEn: `Region ${s}`,
      shortFi: `Alue ${s}`,
      kind: 'county',
      municipalityCount: 5,
      ...over,
    })
    .returning();
  return row!;
}

export async function buildOrganisation(over: Partial<typeof organisations.$inferInsert> = {}) {
  const [row] = await getDb()
    .insert(organisations)
    .values({ nameFi: `Yhdistys ${seq()} ry`, kind: 'ngo', ...over })
    .returning();
  return row!;
}

export async function buildCouncil(over: Partial<NewCouncil> = {}) {
  const regionId = over.regionId ?? (await buildRegion()).id;
  const s = seq();
  const [row] = await getDb()
    .insert(councils)
    .values({
      slug: `council-${s}`,
      nameFi: `Neuvottelukunta ${s}`,
      kind: 'advisory_council',
      origin: 'county_established',
      ...over,
      regionId,
    })
    .returning();
  return row!;
}

export async function buildTerm(councilId: string, over: Partial<NewTerm> = {}) {
  const [row] = await getDb()
    .insert(terms)
    .values({ councilId, name: `Kausi ${seq()}`, startDate: '2026-01-01', endDate: '2027-12-31', ...over })
    .returning();
  return row!;
}

export async function buildCategory(termId: string, over: Partial<typeof categories.$inferInsert> = {}) {
  const [row] = await getDb()
    .insert(categories)
    .values({ termId, position: 1, nameFi: `Luokka ${seq()}`, memberSeats: 1, deputySeats: 1, ...over })
    .returning();
  return row!;
}

export async function buildPerson(over: Partial<NewPerson> = {}) {
  const s = seq();
  const [row] = await getDb()
    .insert(people)
    .values({ givenName: 'Testi', familyName: `Henkilö${s}`, email: `testi.${s}@example.org`, phone: '+358 40 123 4567', ...over })
    .returning();
  return row!;
}

export async function buildMembership(termId: string, personId: string, over: Partial<NewMembership> = {}) {
  const [row] = await getDb()
    .insert(memberships)
    .values({ termId, personId, role: 'member', startDate: '2026-01-01', ...over })
    .returning();
  return row!;
}

export async function buildMeeting(councilId: string, over: Partial<NewMeeting> = {}) {
  const startsAt = over.startsAt ?? new Date(Date.now() + 7 * 86_400_000);
  const [row] = await getDb()
    .insert(meetings)
    .values({
      councilId,
      title: 'Kokous',
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      icsUid: `${randomUUID()}@neuvos.test`,
      ...over,
      startsAt,
    })
    .returning();
  return row!;
}

/** A council with a current term, one category, a member with a personal deputy. */
export async function buildCouncilWithRoster(over: Partial<NewCouncil> = {}) {
  const council = await buildCouncil(over);
  const term = await buildTerm(council.id, { startDate: '2020-01-01', endDate: '2099-12-31' });
  const category = await buildCategory(term.id, { nameFi: 'Lapset ja perheet' });
  const org = await buildOrganisation();
  const memberPerson = await buildPerson({ givenName: 'Maija' });
  const deputyPerson = await buildPerson({ givenName: 'Veikko' });
  const member = await buildMembership(term.id, memberPerson.id, { categoryId: category.id, organisationId: org.id, startDate: '2020-01-01' });
  const deputy = await buildMembership(term.id, deputyPerson.id, {
    role: 'deputy',
    categoryId: category.id,
    principalId: member.id,
    startDate: '2020-01-01',
  });
  return { council, term, category, org, memberPerson, deputyPerson, member, deputy };
}
