/**
 * Public search over published records (docs/search.md has the design and the figures).
 *
 * Documents: no search table to keep in sync. Each query builds the searchable documents
 * from the source tables in one UNION ALL (councils, agenda items, decisions, minutes,
 * statements, action plans). Every arm carries its own publication rule, so a record
 * that is not public never reaches the ranking, the typo correction or the existence
 * checks. A document has a "title" text and a "body" text.
 *
 * Terms: ~/lib/search-text turns the query into at most 8 words of letters and digits,
 * each with stems (prefixes shared by all inflected forms, Finnish and Swedish rules).
 *
 * Matching, in two steps so that the expensive part only sees likely hits:
 *  1. Candidates: each term must appear, as `text LIKE '%stem%'` (or a word-start regex
 *     for very short stems), in one of the arm's texts. Those texts are exactly the
 *     expressions of the trigram GIN indexes of migration 0003_search_indexes
 *     (SEARCH_TEXT), and cross-table texts go through `id IN (subquery)`, so the
 *     planner answers from the indexes.
 *  2. Levels, per term on the lowercased title and body of each candidate:
 *       4 the typed word as a whole word           (regex with explicit word boundaries)
 *       3 a word starting with one of its stems     (kokouksessa -> "kokou" finds "kokous")
 *       2 a stem inside a word, i.e. a compound part (neuvosto -> "neuvost" finds "vanhusneuvoston")
 *     Every term must reach level 2 somewhere (AND).
 *
 * Rank: the mean over terms of max(title level * 10 + 5, body level * 10), +2 when both
 * fields match; so whole words beat stems beat compound parts, and within a level a title
 * match beats a body match. A multi-word query found as a phrase in the title adds 5, a
 * title equal to the query adds 20. Ties: newest first.
 *
 * Typos (level 1, "trigram only"): only when nothing matches literally. Each term of five
 * or more letters that no public record contains is replaced by the most similar words
 * (pg_trgm similarity) of public titles, found through the `<%` operator on the title
 * indexes, and the search runs again. Those hits get a quarter of the rank, which puts them
 * below any literal hit. Fuzzy matching against whole bodies was measured and dropped: on
 * 70 000 records it took seconds per query (see docs/search.md).
 *
 * All user input reaches SQL only as bound parameters (drizzle `sql` placeholders); LIKE
 * patterns and regular expressions are built from escaped stems (which hold only letters
 * and digits anyway). The only sql.raw() calls interpolate column aliases made from loop
 * indexes.
 */
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '~db/client.server';
import type { Locale } from '~/lib/i18n';
import {
  allowsInfix,
  escapeLike,
  makeSnippet,
  prepareQuery,
  SEARCH_TYPES,
  SQL_WORD_CHARS,
  termForWords,
  termPatterns,
  type SearchTerm,
  type SearchType,
} from '~/lib/search-text-old';

export { SEARCH_TYPES, type SearchType };

export interface SearchHit {
  type: SearchType;
  title: string;
  url: string;
  /** Plain text; matched words are wrapped in \u0002 … \u0003 for the UI to render as <mark>. */
  snippet: string;
  councilSlug: string;
  councilName: string;
  /** 'YYYY-MM-DD' (Helsinki) of the meeting, statement or plan publication; null for councils. */
  date: string | null;
  rank: number;
}

export interface SearchParams {
  q: string;
  /** Region slug. */
  region?: string;
  /** Council slug. */
  council?: string;
  year?: number;
  type?: SearchType;
  limit?: number;
  offset?: number;
  locale: Locale;
}

/** Terms shorter than this are never corrected: their trigrams resemble too many words. */
const FUZZY_MIN_WORD = 5;
/** Lowest pg_trgm similarity between a misspelt term and a title word that counts as a correction. */
const CORRECTION_MIN_SIMILARITY = 0.4;
/** Corrections within this distance of the best one are searched for too. */
const CORRECTION_SPREAD = 0.1;
const MAX_CORRECTIONS = 3;
/** Rank factor for hits found through a correction: below any literal hit (those rank 20 or more). */
const CORRECTED_RANK_FACTOR = 0.25;
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
const MAX_OFFSET = 10_000;

const HELSINKI_DAY = (column: SQL) => sql`to_char(${column} at time zone 'Europe/Helsinki', 'YYYY-MM-DD')`;
const HELSINKI_YEAR = (column: SQL) => sql`extract(year from ${column} at time zone 'Europe/Helsinki')::int`;
const NOT_WORD = `[^${SQL_WORD_CHARS}]+`;

/**
 * The texts the trigram indexes of migration 0003_search_indexes cover. Each must stay
 * character-for-character equal to its index expression, or the planner falls back to
 * reading every row (a test checks this).
 */
export const SEARCH_TEXT = {
  agendaItem: sql`lower(ai.title || ' ' || coalesce(ai.body, '') || ' ' || coalesce(ai.proposal, ''))`,
  agendaItemTitle: sql`lower(ai.title)`,
  decision: sql`lower(coalesce(d.decision, '') || ' ' || coalesce(d.discussion, ''))`,
  minutesVersion: sql`lower(coalesce(v.summary, ''))`,
  meetingTitle: sql`lower(m.title)`,
  statement: sql`lower(s.title || ' ' || coalesce(s.body, '') || ' ' || s.recipient || ' ' || coalesce(s.response, ''))`,
  statementTitle: sql`lower(s.title)`,
} as const;

interface Filters {
  region?: string;
  council?: string;
  year?: number;
}

/** One kind of record: its rows (publication rules and filters applied) and how to narrow them. */
interface Arm {
  /** `select <the 15 document columns> from … where <public> <filters>`, ready for more `and`s. */
  rows: SQL;
  /** A condition every row matching the term lexically satisfies, answerable from an index. */
  lexical: (term: SearchTerm) => SQL;
  /** Rows whose title resembles the word (for typo correction); null when titles repeat another arm's. */
  titleLike: ((word: string) => SQL) | null;
}

/** Every lexical match passes this: a stem as a substring, or at a word start for short stems. */
function gateSql(text: SQL, term: SearchTerm): SQL {
  const p = termPatterns(term);
  const parts = p.infix.map((pattern) => sql`${text} like ${pattern}`);
  if (term.stems.some((stem) => !allowsInfix(term, stem))) parts.push(sql`${text} ~ ${p.prefix}`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

function scope(filters: Filters, year: SQL | null): SQL {
  const parts: SQL[] = [];
  if (filters.region !== undefined) parts.push(sql`and r.slug = ${filters.region}`);
  if (filters.council !== undefined) parts.push(sql`and c.slug = ${filters.council}`);
  if (filters.year !== undefined && year) parts.push(sql`and ${year} = ${filters.year}::int`);
  return sql.join(parts, sql` `);
}

// The latest published version of a set of minutes: corrections supersede earlier versions.
const LATEST_PUBLISHED = sql`v.status = 'published' and not exists (
  select 1 from minutes_versions v2
  where v2.minutes_id = v.minutes_id and v2.status = 'published' and v2.version_no > v.version_no)`;

const PUBLIC_MEETING = sql`m.publicity = 'public' and c.publicity_default = 'public'`;

// Every arm selects the same columns (named once, on the CTE):
// type, id, meeting_id, item_id, plan_year, council_slug, council_fi, council_sv, council_en,
// title, title_sv, title_en, search_title, body, doc_date
function councilArm(filters: Filters, locale: Locale): Arm {
  const descriptions = { fi: sql`c.description_fi`, sv: sql`c.description_sv`, en: sql`c.description_en` };
  const order = [locale, ...(['fi', 'sv', 'en'] as const).filter((l) => l !== locale)].map((l) => descriptions[l]);
  const names = sql`concat_ws(' ', c.name_fi, c.name_sv, c.name_en)`;
  const body = sql`concat_ws(E'\n', ${sql.join(order, sql`, `)}, r.name_fi, r.name_sv)`;
  // A council "exists in a year" unless it was founded after it or dissolved before it.
  const yearCond =
    filters.year === undefined
      ? sql``
      : sql`and (c.established_on is null or extract(year from c.established_on) <= ${filters.year}::int)
            and (c.dissolved_on is null or extract(year from c.dissolved_on) >= ${filters.year}::int)`;
  return {
    // A few hundred councils at most: no index needed.
    rows: sql`select 'council', c.id::text, null::text, null::text, null::int, c.slug, c.name_fi, c.name_sv,
        c.name_en, c.name_fi, c.name_sv, c.name_en, ${names}, ${body}, null::text
      from councils c join regions r on r.id = c.region_id
      where true ${scope({ ...filters, year: undefined }, null)} ${yearCond}`,
    lexical: (term) => gateSql(sql`lower(${names} || ' ' || ${body})`, term),
    titleLike: (word) => sql`${word} <% lower(${names})`,
  };
}

function agendaItemArm(filters: Filters): Arm {
  return {
    rows: sql`select 'agenda_item', ai.id::text, m.id::text, ai.id::text, null::int, c.slug, c.name_fi, c.name_sv,
        c.name_en, ai.title, null::text, null::text, ai.title, concat_ws(E'\n', ai.body, ai.proposal),
        ${HELSINKI_DAY(sql`m.starts_at`)}
      from agenda_items ai
        join meetings m on m.id = ai.meeting_id
        join councils c on c.id = m.council_id
        join regions r on r.id = c.region_id
      where m.agenda_published_at is not null and ${PUBLIC_MEETING} and ai.publicity = 'public'
        ${scope(filters, HELSINKI_YEAR(sql`m.starts_at`))}`,
    lexical: (term) => gateSql(SEARCH_TEXT.agendaItem, term),
    titleLike: (word) => sql`${word} <% ${SEARCH_TEXT.agendaItemTitle}`,
  };
}

function decisionArm(filters: Filters): Arm {
  return {
    rows: sql`select 'decision', d.id::text, m.id::text, ai.id::text, null::int, c.slug, c.name_fi, c.name_sv,
        c.name_en, ai.title, null::text, null::text, ai.title, concat_ws(E'\n', d.decision, d.discussion),
        ${HELSINKI_DAY(sql`m.starts_at`)}
      from decisions d
        join minutes_versions v on v.id = d.version_id
        join minutes mi on mi.id = v.minutes_id
        join meetings m on m.id = mi.meeting_id
        join agenda_items ai on ai.id = d.agenda_item_id and ai.meeting_id = m.id
        join councils c on c.id = m.council_id
        join regions r on r.id = c.region_id
      where ${LATEST_PUBLISHED} and ${PUBLIC_MEETING} and ai.publicity = 'public'
        ${scope(filters, HELSINKI_YEAR(sql`m.starts_at`))}`,
    // The subqueries rebind d and ai, so the indexed expressions apply unchanged. Each runs
    // once (a hashed subplan); a single IN over their UNION was planned as a per-row loop.
    lexical: (term) => sql`(d.id in (select d.id from decisions d where ${gateSql(SEARCH_TEXT.decision, term)})
      or ai.id in (select ai.id from agenda_items ai where ${gateSql(SEARCH_TEXT.agendaItemTitle, term)}))`,
    titleLike: null,
  };
}

function minutesArm(filters: Filters): Arm {
  return {
    rows: sql`select 'minutes', mi.id::text, m.id::text, null::text, null::int, c.slug, c.name_fi, c.name_sv,
        c.name_en, m.title, null::text, null::text, m.title, v.summary, ${HELSINKI_DAY(sql`m.starts_at`)}
      from minutes_versions v
        join minutes mi on mi.id = v.minutes_id
        join meetings m on m.id = mi.meeting_id
        join councils c on c.id = m.council_id
        join regions r on r.id = c.region_id
      where ${LATEST_PUBLISHED} and ${PUBLIC_MEETING}
        ${scope(filters, HELSINKI_YEAR(sql`m.starts_at`))}`,
    lexical: (term) => sql`(v.id in (select v.id from minutes_versions v where ${gateSql(SEARCH_TEXT.minutesVersion, term)})
      or m.id in (select m.id from meetings m where ${gateSql(SEARCH_TEXT.meetingTitle, term)}))`,
    titleLike: (word) => sql`m.id in (select m.id from meetings m where ${word} <% ${SEARCH_TEXT.meetingTitle})`,
  };
}

function statementArm(filters: Filters): Arm {
  const day = sql`coalesce(s.issued_on::text, ${HELSINKI_DAY(sql`s.published_at`)})`;
  return {
    rows: sql`select 'statement', s.id::text, null::text, null::text, null::int, c.slug, c.name_fi, c.name_sv,
        c.name_en, s.title, null::text, null::text, s.title, concat_ws(E'\n', s.body, s.recipient, s.response), ${day}
      from statements s
        join councils c on c.id = s.council_id
        join regions r on r.id = c.region_id
      where s.published_at is not null and s.status <> 'draft' and c.publicity_default = 'public'
        ${scope(filters, sql`substr(${day}, 1, 4)::int`)}`,
    lexical: (term) => sql`s.id in (select s.id from statements s where ${gateSql(SEARCH_TEXT.statement, term)})`,
    titleLike: (word) => sql`s.id in (select s.id from statements s where ${word} <% ${SEARCH_TEXT.statementTitle})`,
  };
}

function planArm(filters: Filters): Arm {
  // Goals and their actions in plan order, flattened into the plan's body.
  const goals = sql`(select string_agg(concat_ws(E'\n', g.title, g.description,
      (select string_agg(concat_ws(E'\n', a.title, a.description), E'\n' order by a.position)
         from plan_actions a where a.goal_id = g.id)), E'\n' order by g.position)
    from plan_goals g where g.plan_id = p.id)`;
  const body = sql`concat_ws(E'\n', p.introduction, ${goals})`;
  return {
    // One plan per council and year: no index needed.
    rows: sql`select 'plan', p.id::text, null::text, null::text, p.year, c.slug, c.name_fi, c.name_sv,
        c.name_en, p.title, null::text, null::text, p.title, ${body}, ${HELSINKI_DAY(sql`p.published_at`)}
      from action_plans p
        join councils c on c.id = p.council_id
        join regions r on r.id = c.region_id
      where p.status = 'published' and p.published_at is not null and c.publicity_default = 'public'
        ${scope(filters, sql`p.year`)}`,
    lexical: (term) => gateSql(sql`lower(p.title || ' ' || ${body})`, term),
    titleLike: (word) => sql`${word} <% lower(p.title)`,
  };
}

const DOC_COLUMNS = sql`type, id, meeting_id, item_id, plan_year, council_slug, council_fi, council_sv,
  council_en, title, title_sv, title_en, search_title, body, doc_date`;

/** The union of the arms' rows, each narrowed by `narrow` (arms returning null are left out). */
function documents(arms: readonly Arm[], narrow: (arm: Arm) => SQL | null): SQL | null {
  const parts = arms.flatMap((arm) => {
    const condition = narrow(arm);
    return condition ? [sql`${arm.rows} ${condition}`] : [];
  });
  return parts.length > 0 ? sql.join(parts, sql` union all `) : null;
}

const allTerms = (terms: readonly SearchTerm[]) => (arm: Arm) =>
  sql.join(
    terms.map((term) => sql`and ${arm.lexical(term)}`),
    sql` `,
  );

/**
 * Lexical match level (0, 2, 3 or 4) of one term on one lowercased text. The LIKE gate
 * comes first: cheap, and every level-2-4 match passes it, so the regular expressions
 * only run on texts that contain a stem.
 */
function levelSql(column: SQL, term: SearchTerm): SQL {
  const p = termPatterns(term);
  return sql`case when not ${gateSql(column, term)} then 0 when ${column} ~ ${p.exact} then 4
    when ${column} ~ ${p.prefix} then 3 else 2 end`;
}

interface Row {
  type: SearchType;
  id: string;
  meeting_id: string | null;
  item_id: string | null;
  plan_year: number | null;
  council_slug: string;
  council_fi: string;
  council_sv: string | null;
  council_en: string | null;
  title: string;
  title_sv: string | null;
  title_en: string | null;
  body: string | null;
  doc_date: string | null;
  rank: number | string;
  total: number | string;
}

function rowsOf<T>(result: unknown): T[] {
  // postgres.js returns the rows array itself, PGlite an object holding them.
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** One ranked page of documents matching every term, with the total count. */
async function rankedPage(
  arms: readonly Arm[],
  terms: readonly SearchTerm[],
  phrase: string,
  page: { limit: number; offset: number },
): Promise<{ rows: Row[]; total: number }> {
  const docs = documents(arms, allTerms(terms));
  if (!docs) return { rows: [], total: 0 };
  const col = (prefix: string, i: number) => sql.raw(`${prefix}${i}`);
  const levels = terms.map(
    (term, i) => sql`${levelSql(sql`lt`, term)} as ${col('t', i)}, ${levelSql(sql`lb`, term)} as ${col('b', i)}`,
  );
  const everyTerm = sql.join(
    terms.map((_, i) => sql`greatest(${col('t', i)}, ${col('b', i)}) > 0`),
    sql` and `,
  );
  const termScore = sql.join(
    terms.map((_, i) => {
      const t = col('t', i);
      const b = col('b', i);
      return sql`(greatest(case when ${t} > 0 then ${t} * 10 + 5 else 0 end, ${b} * 10)
        + case when ${t} > 0 and ${b} > 0 then 2 else 0 end)`;
    }),
    sql` + `,
  );
  const normalised = (column: SQL) => sql`btrim(regexp_replace(lower(${column}), ${NOT_WORD}, ' ', 'g'))`;
  // The bonuses use regexp_replace, costly on thousands of rows: cheap guards first.
  const phraseBonus =
    terms.length > 1
      ? sql`case when lt like ${`%${phrase.split(' ').map(escapeLike).join('%')}%`}
          and ' ' || ${normalised(sql`search_title`)} || ' ' like ${`% ${escapeLike(phrase)} %`} then 5 else 0 end`
      : sql`0`;
  const titleEquals = (column: SQL) =>
    sql`(length(${column}) between ${phrase.length}::int and ${phrase.length * 2 + 10}::int and ${normalised(column)} = ${phrase})`;
  const equalBonus = sql`case when ${titleEquals(sql`title`)} or ${titleEquals(sql`title_sv`)} or ${titleEquals(sql`title_en`)}
    then 20 else 0 end`;

  // MATERIALIZED: otherwise PostgreSQL inlines the CTEs and lowercases and matches each
  // body several times per row (seen in EXPLAIN ANALYZE on 70 000 records).
  const query = sql`with docs (${DOC_COLUMNS}) as materialized (${docs}),
    folded as materialized (select docs.*, lower(search_title) as lt, lower(coalesce(body, '')) as lb from docs),
    scored as materialized (select folded.*, ${sql.join(levels, sql`, `)} from folded),
    matched as (
      select scored.*, ((${termScore})::float8 / ${terms.length}::int + ${phraseBonus} + ${equalBonus})::float8 as rank
      from scored where ${everyTerm})
    select type, id, meeting_id, item_id, plan_year, council_slug, council_fi, council_sv, council_en,
      title, title_sv, title_en, body, doc_date, rank, (count(*) over ())::int as total
    from matched
    order by rank desc, doc_date desc nulls last, title, id
    limit ${page.limit}::int offset ${page.offset}::int`;
  const rows = rowsOf<Row>(await getDb().execute(query));
  if (rows.length > 0) return { rows, total: Number(rows[0]!.total) };
  if (page.offset === 0) return { rows, total: 0 };
  // Past the last page the window function has no row to report the total on.
  return { rows, total: (await rankedPage(arms, terms, phrase, { limit: 1, offset: 0 })).total };
}

/** For each term, whether some public record (within the filters) contains it literally. */
async function termsFound(arms: readonly Arm[], terms: readonly SearchTerm[]): Promise<boolean[]> {
  const checks = terms.map((term, i) => {
    const docs = documents(arms, (arm) => sql`and ${arm.lexical(term)}`);
    return sql`exists (${docs ?? sql`select 1 where false`}) as ${sql.raw(`f${i}`)}`;
  });
  const [row] = rowsOf<Record<string, boolean>>(await getDb().execute(sql`select ${sql.join(checks, sql`, `)}`));
  return terms.map((_, i) => row?.[`f${i}`] === true);
}

/** The words of public titles most similar to a misspelt word, best first. */
async function corrections(arms: readonly Arm[], word: string): Promise<string[]> {
  const docs = documents(arms, (arm) => (arm.titleLike ? sql`and ${arm.titleLike(word)}` : null));
  if (!docs) return [];
  const rows = rowsOf<{ w: string; s: number | string }>(
    await getDb().execute(sql`with docs (${DOC_COLUMNS}) as (${docs}),
      words as (select distinct w from docs, regexp_split_to_table(lower(search_title), ${NOT_WORD}) as w
        where length(w) >= 4)
      select w, similarity(${word}, w)::float8 as s from words
      where similarity(${word}, w) >= ${CORRECTION_MIN_SIMILARITY}::real
      order by s desc, w limit ${MAX_CORRECTIONS}::int`),
  );
  const best = rows.length > 0 ? Number(rows[0]!.s) : 0;
  return rows.filter((r) => Number(r.s) >= best - CORRECTION_SPREAD).map((r) => r.w);
}

/** Terms with each misspelt one (five letters or more, found nowhere) replaced by its corrections; null if none. */
async function correctedTerms(arms: readonly Arm[], terms: readonly SearchTerm[]): Promise<SearchTerm[] | null> {
  const found = await termsFound(arms, terms);
  let changed = false;
  const out: SearchTerm[] = [];
  for (const [i, term] of terms.entries()) {
    if (found[i] || term.word.length < FUZZY_MIN_WORD) {
      out.push(term);
      continue;
    }
    const [best, ...rest] = await corrections(arms, term.word);
    if (best === undefined) return null;
    changed = true;
    out.push(termForWords([best, ...rest]));
  }
  return changed ? out : null;
}

function localizedName(fi: string, sv: string | null, en: string | null, locale: Locale): string {
  const own = locale === 'sv' ? sv : locale === 'en' ? en : fi;
  return own && own.trim() !== '' ? own : fi;
}

function urlOf(row: Row): string {
  switch (row.type) {
    case 'council':
      return `/councils/${row.council_slug}`;
    case 'agenda_item':
    case 'decision':
      return `/meetings/${row.meeting_id}#item-${row.item_id}`;
    case 'minutes':
      return `/meetings/${row.meeting_id}/minutes`;
    case 'statement':
      return `/councils/${row.council_slug}/statements#s-${row.id}`;
    case 'plan':
      return `/councils/${row.council_slug}/plans/${row.plan_year}`;
  }
}

function cleanFilters(params: SearchParams): Filters | null {
  const text = (value: unknown) => {
    const trimmed = typeof value === 'string' ? value.trim() : '';
    return trimmed ? trimmed.slice(0, 100) : undefined;
  };
  const filters: Filters = { region: text(params.region), council: text(params.council) };
  if (params.year !== undefined && params.year !== null) {
    // A year the database could not even cast would be a 500; no record has such a year.
    if (!Number.isInteger(params.year) || params.year < 1900 || params.year > 2200) return null;
    filters.year = params.year;
  }
  return filters;
}

/**
 * Search published, public records for a free-text query (Finnish and Swedish inflections,
 * compound parts and typos included), best matches first. Never throws on odd input: a
 * query without searchable words or an impossible filter gives no hits.
 */
export async function searchPublished(params: SearchParams): Promise<{ hits: SearchHit[]; total: number }> {
  const prepared = prepareQuery(typeof params.q === 'string' ? params.q : '');
  const filters = cleanFilters(params);
  const types = params.type === undefined ? SEARCH_TYPES : SEARCH_TYPES.filter((t) => t === params.type);
  if (prepared.terms.length === 0 || !filters || types.length === 0) return { hits: [], total: 0 };

  const page = {
    limit: Math.min(MAX_LIMIT, Math.max(1, Math.trunc(Number(params.limit) || DEFAULT_LIMIT))),
    offset: Math.min(MAX_OFFSET, Math.max(0, Math.trunc(Number(params.offset) || 0))),
  };
  const build: Record<SearchType, () => Arm> = {
    council: () => councilArm(filters, params.locale),
    agenda_item: () => agendaItemArm(filters),
    decision: () => decisionArm(filters),
    minutes: () => minutesArm(filters),
    statement: () => statementArm(filters),
    plan: () => planArm(filters),
  };
  const arms = types.map((t) => build[t]());

  let terms: readonly SearchTerm[] = prepared.terms;
  let factor = 1;
  let result = await rankedPage(arms, terms, prepared.phrase, page);
  if (result.total === 0) {
    const corrected = await correctedTerms(arms, terms);
    if (corrected) {
      terms = corrected;
      factor = CORRECTED_RANK_FACTOR;
      result = await rankedPage(arms, corrected, corrected.map((t) => t.word).join(' '), page);
    }
  }

  const hits = result.rows.map((row): SearchHit => {
    const councilName = localizedName(row.council_fi, row.council_sv, row.council_en, params.locale);
    const title = row.type === 'council' ? councilName : row.title;
    return {
      type: row.type,
      title,
      url: urlOf(row),
      snippet: makeSnippet(row.body && row.body.trim() !== '' ? row.body : title, terms),
      councilSlug: row.council_slug,
      councilName,
      date: row.doc_date,
      rank: Number(row.rank) * factor,
    };
  });
  return { hits, total: result.total };
}
