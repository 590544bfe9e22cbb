import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { categories, memberships, people } from '../../db/schema';
import * as importRoute from '../../app/routes/manage.councils.$slug.import';
import * as exportCsv from '../../app/routes/manage.councils.$slug.export[.csv]';
import * as exportJson from '../../app/routes/manage.councils.$slug.export[.json]';
import type { ImportPreview } from '../../app/models/rosters.server';
import { buildCategory, buildMembership, buildOrganisation, buildPerson } from '../factories';
import { auditEntries, buildCouncilWithTerm, buildRosterUsers } from '../factories/roster';
import { useTestDatabase } from '../setup/database';
import { call, makeRequest } from '../support/requests';

useTestDatabase();

const HEADER = 'category,role,name,organisation,email,deputy_of';

async function setup() {
  const { council, term } = await buildCouncilWithTerm({}, { startDate: '2025-01-01', endDate: '2026-12-31' });
  const users = await buildRosterUsers(council.id);
  const send = async (intent: 'preview' | 'confirm', csv: string, cookie = users.secretary.cookie) => {
    const res = await call(importRoute.action, makeRequest(`/manage/councils/${council.slug}/import`, { cookie, form: { intent, termId: term.id, csv } }), { slug: council.slug });
    const body = res.status < 300 || res.status === 400 ? ((await res.json()) as { preview: ImportPreview | null; errors: string[]; created: number; stage: string }) : null;
    return { status: res.status, body };
  };
  const termRows = () => getDb().select().from(memberships).where(eq(memberships.termId, term.id));
  return { council, term, users, send, termRows };
}

/** "row:column:key" for every problem, to compare compactly. */
const problems = (p: ImportPreview) => [
  ...p.fileProblems.map((x) => `${x.row}:${x.column}:${x.key.replace('roster.import.errors.', '')}`),
  ...p.rows.flatMap((r) => r.problems.map((x) => `${r.row}:${x.column}:${x.key.replace('roster.import.errors.', '')}`)),
];

describe('CSV import: preview, then all or nothing', () => {
  it('names the row and column of every problem and saves nothing, not even on confirm', async () => {
    const { send, termRows } = await setup();
    const csv = [
      HEADER,
      'Lapset,jäsen,Maija Meikäläinen,Lapsiyhdistys ry,maija@example.org,',
      'Lapset,puheenjohtajisto,Kalle Kolmas,,,',
      'Lapset,member,Ville Virhe,,ei-osoite,',
      'Lapset,varajäsen,Vilja Vara,,,Tuntematon Jäsen',
      'Lapset,jäsen,Yksinimi,,,',
      'Lapset,member,Outi Omatoimi,,,Maija Meikäläinen',
    ].join('\n');
    const preview = await send('preview', csv);
    expect(preview.status).toBe(400);
    expect(problems(preview.body!.preview!)).toEqual([
      '3:role:unknownRole',
      '4:email:badEmail',
      '5:deputy_of:principalNotFound',
      '6:name:fullName',
      '7:deputy_of:deputyOfOnlyForDeputy',
    ]);
    const confirm = await send('confirm', csv);
    expect(confirm.status).toBe(400);
    expect(confirm.body!.errors).toEqual(['Mitään ei tallennettu.']);
    expect(await termRows()).toHaveLength(0);
    expect(await getDb().select().from(people).where(eq(people.email, 'maija@example.org'))).toHaveLength(0);
  });

  it('refuses a file without the required columns or with an unknown one', async () => {
    const { send } = await setup();
    const res = await send('preview', 'category,role,name,organization\nLapset,jäsen,Maija Meikäläinen,Yhdistys ry\n');
    expect(res.status).toBe(400);
    expect(problems(res.body!.preview!)).toEqual(['1:organisation:missingColumn', '1:email:missingColumn', '1:deputy_of:missingColumn', '1:organization:unknownColumn']);
  });

  it('creates the categories from the file when the term has none, with seat counts from the rows', async () => {
    const { term, send, termRows, council } = await setup();
    const csv = [
      HEADER,
      'Nuoret,jäsen,Aapo Aalto,Nuorisoseura ry,,',
      'Nuoret,varajäsen,Bea Berg,Partio ry,,Aapo Aalto',
      'Seniorit,jäsen,Cecilia Carlsson,Eläkeläiset ry,,',
      ',varajäsen,Dan Dahl,,,Cecilia Carlsson',
    ].join('\n');
    const preview = await send('preview', csv);
    expect(preview.status).toBe(200);
    expect(preview.body!.preview!.newCategories).toEqual([
      { name: 'Nuoret', memberSeats: 1, deputySeats: 1 },
      { name: 'Seniorit', memberSeats: 1, deputySeats: 1 },
    ]);
    const done = await send('confirm', csv);
    expect(done.body!.created).toBe(4);
    const cats = await getDb().select().from(categories).where(eq(categories.termId, term.id));
    expect(cats.map((c) => c.nameFi).sort()).toEqual(['Nuoret', 'Seniorit']);
    const rows = await termRows();
    const dan = rows.find((r) => r.role === 'deputy' && r.categoryId === cats.find((c) => c.nameFi === 'Seniorit')!.id);
    expect(dan?.principalId).toBe(rows.find((r) => r.role === 'member' && r.categoryId === dan!.categoryId)!.id);
    const [audit] = await auditEntries('roster.import', council.id);
    expect(audit!.changes).toMatchObject({ rows: 4, categoriesCreated: ['Nuoret', 'Seniorit'] });
  });

  it('requires existing categories when the term has some, and says which exist', async () => {
    const { term, send } = await setup();
    await buildCategory(term.id, { nameFi: 'Vammaisjärjestöt', nameSv: 'Handikapporganisationer', position: 1 });
    const res = await send('preview', `${HEADER}\nhandikapporganisationer,ledamot,Erik Ek,,,\nPotilasjärjestöt,jäsen,Fanny Fors,,,\n`);
    expect(res.status).toBe(400);
    const preview = res.body!.preview!;
    expect(preview.rows[0]!.problems).toEqual([]);
    expect(preview.rows[0]!.category).toBe('existing');
    expect(preview.rows[1]!.problems).toEqual([{ column: 'category', key: 'roster.import.errors.unknownCategory', params: { value: 'Potilasjärjestöt', known: 'Vammaisjärjestöt' } }]);
  });

  it('matches people in the register by email, else by name and organisation, and reports them as existing', async () => {
    const { send, termRows } = await setup();
    const org = await buildOrganisation({ nameFi: 'Tunnettu Yhdistys ry' });
    const byEmail = await buildPerson({ givenName: 'Greta', familyName: 'Grön', email: 'greta@example.org' });
    const byName = await buildPerson({ givenName: 'Hannu', familyName: 'Hämäläinen', email: null, organisationId: org.id });
    const csv = `${HEADER}\n,member,Greta Grön-Virtanen,,greta@example.org,\n,member,hannu hämäläinen,Tunnettu Yhdistys ry,,\n,member,Iida Uusi,,,\n`;
    const preview = await send('preview', csv);
    expect(preview.body!.preview!.rows.map((r) => r.person)).toEqual(['existing', 'existing', 'new']);
    expect(preview.body!.preview!.counts).toMatchObject({ newPeople: 1, existingPeople: 2, newOrganisations: 0 });
    await send('confirm', csv);
    const rows = await termRows();
    expect(rows.map((r) => r.personId)).toEqual(expect.arrayContaining([byEmail.id, byName.id]));
    expect(await getDb().select().from(people).where(eq(people.familyName, 'Hämäläinen'))).toHaveLength(1);
  });

  it('refuses duplicates within the file: the same person twice, a second personal deputy, a seat twice', async () => {
    const { send } = await setup();
    const csv = [
      `${HEADER},seat`,
      ',member,Jaana Jokinen,Yhdistys A ry,,,1',
      ',member,Jaana Jokinen,Yhdistys A ry,,,',
      ',member,Kimmo Kivi,,,,1',
      ',deputy,Liisa Laakso,,,Jaana Jokinen,',
      ',deputy,Mikko Mustonen,,,Jaana Jokinen,',
    ].join('\n');
    const res = await send('preview', csv);
    expect(problems(res.body!.preview!)).toEqual(['3:name:duplicateRow', '4:seat:seatTwice', '6:deputy_of:principalHasDeputyRow']);
  });

  it('refuses to import the same people into the term twice, and finds deputies’ principals already in the term', async () => {
    const { term, send } = await setup();
    const org = await buildOrganisation({ nameFi: 'Jo Mukana ry' });
    const person = await buildPerson({ givenName: 'Nelli', familyName: 'Nykyinen', email: 'nelli@example.org', organisationId: org.id });
    await buildMembership(term.id, person.id, { startDate: '2025-01-01', seatNumber: 1 });
    const res = await send('preview', `${HEADER}\n,member,Nelli Nykyinen,Jo Mukana ry,nelli@example.org,\n,deputy,Oskari Osa,,,Nelli Nykyinen\n`);
    expect(problems(res.body!.preview!)).toEqual(['2:name:alreadyInRoster']);
    expect(res.body!.preview!.rows[1]!.problems).toEqual([]);
  });

  it('keeps the import away from members and other councils', async () => {
    const { users, send } = await setup();
    expect((await send('preview', `${HEADER}\n`, users.member.cookie)).status).toBe(403);
  });
});

describe('export', () => {
  it('writes CSV with a BOM, protects formula-like cells, and imports back into a new term', async () => {
    const { council, term, users, send } = await setup();
    // Formula-like text protected with an apostrophe, as a spreadsheet user types it (raw formulas are refused).
    const csv = `${HEADER}\nTeema,jäsen,Pia Plus,"'=HYPERLINK(""http://evil"")",pia@example.org,\nTeema,varajäsen,Rauno Rinne,'-Miinus ry,,Pia Plus\n`;
    expect((await send('confirm', csv)).body!.created).toBe(2);
    const res = await call(exportCsv.loader, makeRequest(`/manage/councils/${council.slug}/export.csv?term=${term.id}&on=2025-02-01`, { cookie: users.secretary.cookie }), { slug: council.slug });
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFFcategory,role,name,organisation,email,deputy_of,seat,start_date,affiliation,end_date\r\n')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).toContain("'-Miinus ry");
    expect(text).toContain('pia@example.org');
    expect(text).toContain('pia@example.org,,1,2025-01-01');
    expect(text).toContain("Rauno Rinne,'-Miinus ry,,Pia Plus,,2025-01-01");

    const other = await buildCouncilWithTerm({ regionId: council.regionId });
    const otherUsers = await buildRosterUsers(other.council.id);
    const back = await call(importRoute.action, makeRequest(`/manage/councils/${other.council.slug}/import`, { cookie: otherUsers.secretary.cookie, form: { intent: 'confirm', termId: other.term.id, csv: text } }), { slug: other.council.slug });
    const body = (await back.json()) as { created: number; preview: ImportPreview };
    expect(back.status).toBe(200);
    expect(body.created).toBe(2);
    expect(body.preview.rows.map((r) => r.person)).toEqual(['existing', 'existing']);
    expect(body.preview.rows[0]!.values.organisation).toBe('=HYPERLINK("http://evil")');
    expect(await auditEntries('roster.export', council.id)).toHaveLength(1);
  });

  it('gives JSON with the secretariat’s view, refused to members', async () => {
    const { council, users, send } = await setup();
    await send('confirm', `${HEADER}\n,member,Sanna Salo,,sanna@example.org,\n`);
    const res = await call(exportJson.loader, makeRequest(`/manage/councils/${council.slug}/export.json`, { cookie: users.secretary.cookie }), { slug: council.slug });
    const body = (await res.json()) as { memberships: Array<{ person: { name: string; email: string | null } }> };
    expect(body.memberships).toEqual([expect.objectContaining({ person: { name: 'Sanna Salo', email: 'sanna@example.org' } })]);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const denied = await call(exportJson.loader, makeRequest(`/manage/councils/${council.slug}/export.json`, { cookie: users.member.cookie }), { slug: council.slug });
    expect(denied.status).toBe(403);
  });
});
