/**
 * Throwaway data set for measuring search (docs/search.md, "Measured speed"): fills an
 * EMPTY, migrated PostgreSQL database with regions, councils, meetings, published agenda
 * items, published minutes with a decision per item, statements and action plans, all
 * with INSERT … SELECT generate_series, then ANALYZE. Then it times a fixed query set
 * through searchPublished() and, with --explain, prints EXPLAIN ANALYZE of the main query.
 *
 *   createdb -h 127.0.0.1 -U postgres neuvos_search
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/neuvos_search npx tsx scripts/search-data.ts --items 100000
 *   DATABASE_URL=… npx tsx scripts/search-data.ts --measure-only [--explain]
 *
 * Text: bodies of 40 words drawn from a domain vocabulary, so a common word occurs in a
 * large share of all records (pessimistic for search). Triggers are switched off for the
 * session (session_replication_role = replica): the rows are built valid, and the freeze
 * triggers would refuse inserting published minutes in one step.
 */
import { sql } from 'drizzle-orm';
import { openFromEnv, setDatabase } from '../db/client.server';
import { migrateDatabase } from '../db/migrate';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};

const ITEMS = option('items', 100_000);
const ITEMS_PER_MEETING = 10;
const MEETINGS_PER_COUNCIL = 10;
const COUNCILS = Math.max(1, Math.round(ITEMS / ITEMS_PER_MEETING / MEETINGS_PER_COUNCIL));
const REGIONS = 22;

const WORDS = [
  'kokous', 'kokouksessa', 'kokouksen', 'lausunto', 'lausunnon', 'kotihoito', 'kotihoidon', 'vanhusneuvosto',
  'vanhusneuvoston', 'järjestöjen', 'avustukset', 'avustuksista', 'hyvinvointialue', 'hyvinvointialueen',
  'palvelut', 'palveluiden', 'päihdetyö', 'päihdetyön', 'vertaistuki', 'vertaistuen', 'mielenterveys',
  'esteettömyys', 'talousarvio', 'toimintasuunnitelma', 'jäsenet', 'neuvottelukunta', 'kuljetuspalvelu',
  'rådet', 'mötet', 'föreningarnas', 'bidrag', 'äldreomsorgen', 'utlåtande', 'välfärdsområdet',
  'funktionshinderrådets', 'ja', 'sekä', 'että', 'on', 'merkitään', 'tiedoksi', 'esittää', 'päättää',
  'asiakas', 'henkilöstö', 'selvitys', 'yhteistyö', 'strategia', 'tilannekatsaus', 'ikääntyneiden',
  'nuoret', 'perheet', 'kunnat', 'vuosi', 'raportti', 'seuranta', 'arviointi', 'kehittäminen', 'hanke',
  'rahoitus', 'tavoite', 'toimenpide', 'osallisuus', 'vaikuttaminen', 'asukkaat', 'palaute', 'kysely',
  'muistio', 'esitys', 'päätös', 'valtuusto', 'hallitus', 'johtaja', 'sihteeri', 'puheenjohtaja',
];
const TITLES = [
  'Kokouksen avaus', 'Laillisuus ja päätösvaltaisuus', 'Pöytäkirjantarkastajien valinta', 'Työjärjestyksen hyväksyminen',
  'Kotihoidon tilannekatsaus', 'Lausunto palvelustrategiasta', 'Järjestöavustusten haku', 'Talousarvio',
  'Päihdetyön palvelut', 'Vertaistuen kehittäminen', 'Ilmoitusasiat', 'Kokouksen päättäminen',
];

const sqlArray = (words: string[]) => `array[${words.map((w) => `'${w.replace(/'/g, "''")}'`).join(',')}]::text[]`;
const arr = (words: string[]) => sql.raw(sqlArray(words));
/** 40 pseudo-random words for row number `n` (a SQL expression). */
const body = (n: string, salt: number) =>
  sql.raw(`(select string_agg(w[1 + ((${n}::bigint * 7919 + k * 104729 + ${salt}) % ${WORDS.length})], ' ')
    from generate_series(1, 40) k, (select ${sqlArray(WORDS)} as w) words)`);

async function build(db: ReturnType<typeof getDbHandle>) {
  const run = async (label: string, q: ReturnType<typeof sql>) => {
    const t = performance.now();
    await db.execute(q);
    console.log(`${label}: ${Math.round(performance.now() - t)} ms`);
  };
  await db.execute(sql`set local session_replication_role = replica`);
  await run('regions', sql.raw(`insert into regions (slug, name_fi, name_sv, name_en, short_fi, kind, municipality_count)
    select 'alue-' || g, 'Alue ' || g, 'Område ' || g, 'Region ' || g, 'Alue ' || g, 'county', 10 from generate_series(1, ${REGIONS}) g`));
  await run('councils', sql.raw(`insert into councils (slug, region_id, name_fi, name_sv, kind, origin, description_fi)
    select 'neuvosto-' || g, (select id from regions order by slug offset (g % ${REGIONS}) limit 1),
      (array['Vanhusneuvosto','Vammaisneuvosto','Nuorisovaltuusto','Järjestöneuvottelukunta'])[1 + g % 4] || ' ' || g,
      (array['Äldrerådet','Funktionshinderrådet','Ungdomsfullmäktige','Organisationsdelegationen'])[1 + g % 4] || ' ' || g,
      'influence_body', 'county_established', 'Lakisääteinen vaikuttamistoimielin numero ' || g
    from generate_series(1, ${COUNCILS}) g`));
  await run('meetings', sql.raw(`insert into meetings (council_id, title, starts_at, ends_at, ics_uid, agenda_published_at, status)
    select c.id, 'Kokous ' || k || '/' || (2020 + k % 6), t, t + interval '2 hours', gen_random_uuid()::text || '@bench', t - interval '7 days', 'held'
    from councils c cross join generate_series(1, ${MEETINGS_PER_COUNCIL}) k,
      lateral (select timestamptz '2020-01-01 10:00+02' + ((k * 173 + abs(hashtext(c.slug)) % 170) * interval '1 day') as t) tt`));
  await run('agenda items', sql`insert into agenda_items (meeting_id, council_id, position, title, body, proposal)
    select m.id, m.council_id, k, (${arr(TITLES)})[1 + (k + n) % ${TITLES.length}] || ' ' || n, ${body('n', 1)}, 'Merkitään tiedoksi.'
    from (select m.*, row_number() over (order by m.id) as n from meetings m) m cross join generate_series(1, ${ITEMS_PER_MEETING}) k`);
  await run('minutes', sql`insert into minutes (meeting_id, council_id) select id, council_id from meetings m where abs(hashtext(m.id::text)) % 10 < 8`);
  await run('minutes versions', sql`insert into minutes_versions (minutes_id, version_no, status, summary, approved_at, approval_method, published_at)
    select id, 1, 'published', 'Kokouksessa käsiteltiin esityslistan asiat.', now(), 'at_meeting', now() from minutes`);
  await run('decisions', sql`insert into decisions (version_id, agenda_item_id, decision)
    select v.id, ai.id, ${body('abs(hashtext(ai.id::text))', 2)}
    from minutes_versions v join minutes mi on mi.id = v.minutes_id join agenda_items ai on ai.meeting_id = mi.meeting_id`);
  await run('statements', sql`insert into statements (council_id, type, issued_on, recipient, title, body, status, published_at)
    select c.id, 'statement', date '2024-01-01' + k * 30, 'Aluehallitus', 'Lausunto ' || k || ' ' || c.slug, ${body('abs(hashtext(c.slug)) + k', 3)}, 'sent', now()
    from councils c cross join generate_series(1, 3) k`);
  await run('action plans', sql`insert into action_plans (council_id, year, title, introduction, status, approved_at, published_at)
    select c.id, y, 'Toimintasuunnitelma ' || y, ${body('abs(hashtext(c.slug)) + y', 4)}, 'published', now(), now()
    from councils c cross join generate_series(2024, 2026) y`);
  await run('plan goals', sql`insert into plan_goals (plan_id, council_id, position, title, description)
    select p.id, p.council_id, k, 'Tavoite ' || k, 'Vaikuttaminen ja osallisuus' from action_plans p cross join generate_series(1, 3) k`);
  await run('plan actions', sql`insert into plan_actions (goal_id, council_id, position, title, description)
    select g.id, g.council_id, k, 'Toimenpide ' || k, 'Kysely asukkaille' from plan_goals g cross join generate_series(1, 2) k`);
}

function getDbHandle(database: Awaited<ReturnType<typeof openFromEnv>>) {
  return database.db as unknown as { execute: (q: ReturnType<typeof sql>) => Promise<unknown> };
}

const RUNS = option('runs', 5);
const DEFAULT_QUERIES = [
  'kokouksessa', 'lausunnon', 'rådet', 'vanhusneuvosto', 'järjestöjen avustuksista', 'kotihoto',
  'paihdetyo', 'vertaistukea', 'xyzzyq', 'kunnat palvelut ikääntyneet nuoret',
];
const qi = args.indexOf('--queries');
const QUERIES = qi >= 0 ? args[qi + 1]!.split(',') : DEFAULT_QUERIES;

/** --explain: print EXPLAIN ANALYZE of every search statement of one run of the first query. */
async function explainFirst(search: (q: string) => Promise<unknown>) {
  const { getDb } = await import('../db/client.server');
  const db = getDb() as unknown as { execute: (q: ReturnType<typeof sql>) => Promise<unknown> };
  const original = db.execute.bind(db);
  db.execute = async (q) => {
    const plan = (await original(sql`explain (analyze, buffers) ${q}`)) as Array<Record<string, string>>;
    console.log(plan.map((r) => Object.values(r)[0]).join('\n'));
    return original(q);
  };
  await search(QUERIES[0]!);
  db.execute = original;
}

async function measure() {
  // --old: the search as it was before the search_documents rewrite (a temporary copy).
  const { searchPublished } = flag('old')
    ? ((await import(`../app/models/${'search-old.server'}`)) as typeof import('../app/models/search.server'))
    : await import('../app/models/search.server');
  if (flag('explain')) {
    await explainFirst((q) => searchPublished({ q, locale: 'fi', limit: 20 }));
    return;
  }
  console.log('| query | total | p50 ms | max ms |\n|---|---|---|---|');
  for (const q of QUERIES) {
    const times: number[] = [];
    let total: unknown = 0;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const r = await searchPublished({ q, locale: 'fi', limit: 20 });
      times.push(performance.now() - t);
      total = 'more' in r && (r as { more?: boolean }).more ? `>${r.total}` : r.total;
    }
    times.sort((a, b) => a - b);
    console.log(`| ${q} | ${total} | ${Math.round(times[Math.floor(times.length / 2)]!)} | ${Math.round(times.at(-1)!)} |`);
  }
}

const database = await openFromEnv();
if (database.kind !== 'postgres') throw new Error('Set DATABASE_URL to an empty PostgreSQL database.');
setDatabase(database);
if (!flag('no-migrate')) await migrateDatabase(database);
const db = getDbHandle(database);
if (!flag('measure-only')) {
  const rows = (await db.execute(sql`select count(*)::int as n from agenda_items`)) as Array<{ n: number }>;
  if (rows[0]!.n > 0) throw new Error('The database already has agenda items; use an empty one or --measure-only.');
  await (database.db as unknown as { transaction: (f: (tx: unknown) => Promise<void>) => Promise<void> }).transaction((tx) =>
    build(tx as ReturnType<typeof getDbHandle>),
  );
  // Triggers were off while loading: derive the search documents in one go.
  const t = performance.now();
  await db.execute(sql`select search_rebuild()`);
  console.log(`search_rebuild: ${Math.round(performance.now() - t)} ms`);
  await db.execute(sql`analyze`);
}
await measure();
await database.close();
