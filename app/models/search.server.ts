/**
 * Public search over published records (docs/search.md has the design and the figures).
 *
 * Documents: the table search_documents holds one row per PUBLIC record (council, agenda
 * item together with its published decision, minutes, statement, action plan), kept equal
 * to the source tables by statement-level triggers (migration search_documents_sync). It
 * stores the folded text (lowercase, no ä/ö/å marks) under two trigram indexes and the
 * record's date under b-tree indexes. What is not public is not there, so nothing here can
 * leak it.
 *
 * Terms: ~/lib/search-text turns the query into at most 8 folded words, each with stems
 * (prefixes shared by all inflected forms, Finnish and Swedish rules).
 *
 * Bounded cost: the query never scores or counts every match.
 *  1. Candidates: the newest POOL documents that contain every term (a stem as a substring
 *     of the folded text), plus the newest TITLE_POOL whose title contains every term, each
 *     `ORDER BY doc_date DESC LIMIT n`. The planner answers either from the trigram index
 *     (rare words) or by walking the date index until n rows matched (common words), so the
 *     work is bounded by n either way (EXPLAIN ANALYZE in docs/search.md).
 *  2. Levels and rank on those at most POOL + TITLE_POOL candidates only:
 *       4 the typed word as a whole word, 3 a word starting with a stem, 2 a stem inside a
 *       word (a compound part); the mean over terms of max(title level*10+5, body level*10),
 *       +2 when both fields match, +5 phrase in title, +20 title equal to the query.
 *  3. Count: exact when the candidates hold every match; otherwise `more` is set and the
 *     total is a lower bound (the UI says "more than N"). Pages reach SEARCH_WINDOW results.
 *
 * When nothing matches: a long word found nowhere is split into a word start and an
 * inflected rest that occur together (mielenterveysjärjestöille -> "mielenterveys" +
 * "järjestö…"), else replaced by the most similar words of public records (pg_trgm, one-letter typos);
 * those hits rank below any literal hit.
 *
 * All user input reaches SQL only as bound parameters; LIKE patterns and regular
 * expressions are built from escaped stems. sql.raw() only interpolates column aliases made
 * from loop indexes.
 */
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '~db/client.server';
import type { Locale } from '~/lib/i18n';
import {
  allowsInfix,
  escapeLike,
  escapeRegex,
  makeSnippet,
  MIN_STEM,
  prepareQuery,
  SEARCH_TYPES,
  SQL_WORD_CHARS,
  stemWord,
  termForWords,
  termPatterns,
  type SearchTerm,
  type SearchType,
} from '~/lib/search-text';

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

export interface SearchResult {
  hits: SearchHit[];
  /** Number of results; a lower bound when `more` is true. */
  total: number;
  /** True when more records match than were ranked: the total is "more than …". */
  more: boolean;
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

/** Newest documents containing every term that are ranked. */
const POOL = 300;
/** Newest documents with every term in the title, ranked besides (old titles stay findable). */
const TITLE_POOL = 100;
/** Results reachable by paging (offset + limit); more need a narrower search. */
export const SEARCH_WINDOW = 300;
/** Terms shorter than this are never corrected: their trigrams resemble too many words. */
const FUZZY_MIN_WORD = 5;
/** Words shorter than this are not split into compound parts. */
const SPLIT_MIN_WORD = 9;
/** Shortest first part of a split compound. */
const SPLIT_MIN_HEAD = 5;
/** Lowest pg_trgm similarity between a misspelt term and a title word that counts as a correction. */
const CORRECTION_MIN_SIMILARITY = 0.4;
/** Corrections within this distance of the best one are searched for too. */
const CORRECTION_SPREAD = 0.1;
const MAX_CORRECTIONS = 3;
/** Records whose words are looked at for corrections. */
const CORRECTION_DOCS = 200;
/** Rank factor for hits found through a correction or a split: below any literal hit (those rank 20 or more). */
const REWRITTEN_RANK_FACTOR = 0.25;
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

const NOT_WORD = `[^${SQL_WORD_CHARS}]+`;

interface Filters {
  region?: string;
  council?: string;
  year?: number;
  type?: SearchType;
}

/** Every lexical match passes this: a stem as a substring, or at a word start for short stems. */
function gateSql(text: SQL, term: SearchTerm): SQL {
  const p = termPatterns(term);
  const parts = p.infix.map((pattern) => sql`${text} like ${pattern}`);
  if (term.stems.some((stem) => !allowsInfix(term, stem))) parts.push(sql`${text} ~ ${p.prefix}`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** The filter conditions on search_documents d. */
function scopeSql(filters: Filters): SQL {
  const parts: SQL[] = [sql`true`];
  if (filters.region !== undefined) parts.push(sql`d.region_id = (select id from regions where slug = ${filters.region})`);
  if (filters.council !== undefined) parts.push(sql`d.council_id = (select id from councils where slug = ${filters.council})`);
  if (filters.year !== undefined) {
    parts.push(sql`(d.year_from is null or d.year_from <= ${filters.year}::int)`);
    parts.push(sql`(d.year_to is null or d.year_to >= ${filters.year}::int)`);
  }
  // An agenda item and its decision are one record: "agenda_item" means every item,
  // "decision" the items that have a published decision.
  if (filters.type === 'agenda_item') parts.push(sql`d.type in ('agenda_item', 'decision')`);
  else if (filters.type !== undefined) parts.push(sql`d.type = ${filters.type}`);
  return sql.join(parts, sql` and `);
}

const allTerms = (text: SQL, terms: readonly SearchTerm[]) =>
  sql.join(
    terms.map((term) => gateSql(text, term)),
    sql` and `,
  );

/** Lexical match level (0, 2, 3 or 4) of one term on one folded text. */
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
  /** The record's Swedish and English titles (search_documents.title_sv/_en), shown to those readers. */
  title_sv?: string | null;
  title_en?: string | null;
  body: string | null;
  doc_date: string | null;
  rank: number | string;
  total: number | string;
  more: boolean;
}

function rowsOf<T>(result: unknown): T[] {
  // postgres.js returns the rows array itself, PGlite an object holding them.
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

const foldSql = (column: SQL) => sql`search_fold(${column})`;

/** One ranked page of documents matching every term, with a bounded count. */
async function rankedPage(
  filters: Filters,
  terms: readonly SearchTerm[],
  phrase: string,
  page: { limit: number; offset: number },
): Promise<{ rows: Row[]; total: number; more: boolean }> {
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
  const normalised = (column: SQL) => sql`btrim(regexp_replace(${foldSql(column)}, ${NOT_WORD}, ' ', 'g'))`;
  const phraseBonus =
    terms.length > 1
      ? sql`case when lt like ${`%${phrase.split(' ').map(escapeLike).join('%')}%`}
          and ' ' || ${normalised(sql`lt`)} || ' ' like ${`% ${escapeLike(phrase)} %`} then 5 else 0 end`
      : sql`0`;
  const titleEquals = (column: SQL) =>
    sql`(length(${column}) between ${phrase.length}::int and ${phrase.length * 2 + 10}::int and ${normalised(column)} = ${phrase})`;
  const equalBonus = sql`case when ${titleEquals(sql`title`)} or (type = 'council' and (${titleEquals(sql`c.name_sv`)}
    or ${titleEquals(sql`c.name_en`)})) then 20 else 0 end`;
  const scope = scopeSql(filters);
  const order = sql`order by d.doc_date desc nulls last, d.id`;

  // MATERIALIZED keeps each step from being inlined (and the regular expressions from
  // running on more than the candidates).
  const query = sql`with text_pool as materialized (
      select d.id from search_documents d where ${scope} and ${allTerms(sql`d.search_text`, terms)}
      ${order} limit ${POOL + 1}::int),
    title_pool as materialized (
      select d.id from search_documents d where ${scope} and ${allTerms(sql`d.search_title`, terms)}
      ${order} limit ${TITLE_POOL}::int),
    pool as materialized (
      select d.*, d.search_title as lt, search_fold(d.body) as lb from search_documents d
      where d.id in (select id from (select id from text_pool limit ${POOL}::int) t union select id from title_pool)),
    scored as materialized (select pool.*, ${sql.join(levels, sql`, `)} from pool),
    matched as (
      select scored.*, c.slug as council_slug, c.name_fi as council_fi, c.name_sv as council_sv, c.name_en as council_en,
        ((${termScore})::float8 / ${terms.length}::int + ${phraseBonus} + ${equalBonus})::float8 as rank
      from scored join councils c on c.id = scored.council_id where ${everyTerm})
    select type, id, meeting_id, item_id, plan_year, council_slug, council_fi, council_sv, council_en, title, title_sv, title_en, body,
      to_char(doc_date, 'YYYY-MM-DD') as doc_date, rank, (count(*) over ())::int as total,
      (select count(*) from text_pool) > ${POOL}::int as more
    from matched
    order by rank desc, matched.doc_date desc nulls last, title, id
    limit ${page.limit}::int offset ${page.offset}::int`;
  const rows = rowsOf<Row>(await getDb().execute(query));
  if (rows.length > 0) return { rows, total: Number(rows[0]!.total), more: rows[0]!.more === true };
  if (page.offset === 0) return { rows, total: 0, more: false };
  // Past the last page the window function has no row to report the total on.
  const first = await rankedPage(filters, terms, phrase, { limit: 1, offset: 0 });
  return { rows, total: first.total, more: first.more };
}

/** For each term, whether some public record (within the filters) contains it literally. */
async function termsFound(filters: Filters, terms: readonly SearchTerm[]): Promise<boolean[]> {
  const scope = scopeSql(filters);
  const checks = terms.map(
    (term, i) =>
      sql`exists (select 1 from search_documents d where ${scope} and ${gateSql(sql`d.search_text`, term)}) as ${sql.raw(`f${i}`)}`,
  );
  const [row] = rowsOf<Record<string, boolean>>(await getDb().execute(sql`select ${sql.join(checks, sql`, `)}`));
  return terms.map((_, i) => row?.[`f${i}`] === true);
}

/**
 * A compound typed as one word whose parts appear apart (mielenterveysjärjestöille ->
 * "Mielenterveys- ja päihdejärjestöjen"): the longest word start that occurs together with
 * an inflected form of the rest, as two terms; null if no split occurs.
 */
async function splitCompound(filters: Filters, word: string): Promise<SearchTerm[] | null> {
  if (word.length < SPLIT_MIN_WORD || /\d/.test(word)) return null;
  const splits: Array<[SearchTerm, SearchTerm]> = [];
  for (let at = word.length - MIN_STEM; at >= SPLIT_MIN_HEAD; at--) {
    const head = word.slice(0, at);
    const rest = word.slice(at);
    splits.push([{ word: head, stems: [head] }, { word: rest, stems: stemWord(rest) }]);
  }
  if (splits.length === 0) return null;
  const scope = scopeSql(filters);
  const checks = splits.map(([head, rest], i) => {
    const start = `(^|[^${SQL_WORD_CHARS}])${escapeRegex(head.word)}`;
    return sql`exists (select 1 from search_documents d where ${scope} and d.search_text like ${`%${escapeLike(head.word)}%`}
      and d.search_text ~ ${start} and ${gateSql(sql`d.search_text`, rest)}) as ${sql.raw(`s${i}`)}`;
  });
  const [row] = rowsOf<Record<string, boolean>>(await getDb().execute(sql`select ${sql.join(checks, sql`, `)}`));
  const found = splits.find((_, i) => row?.[`s${i}`] === true);
  return found ? [...found] : null;
}

/**
 * The words of public records most similar to a misspelt word, best first: from at most
 * CORRECTION_DOCS records found through the trigram index (`<%`, word similarity).
 */
async function corrections(filters: Filters, word: string): Promise<string[]> {
  const rows = rowsOf<{ w: string; s: number | string }>(
    await getDb().execute(sql`with near as (
        select d.search_text from search_documents d where ${scopeSql(filters)} and ${word} <% d.search_text
        limit ${CORRECTION_DOCS}::int),
      words as (select distinct w from near, regexp_split_to_table(search_text, ${NOT_WORD}) as w where length(w) >= 4)
      select w, similarity(${word}, w)::float8 as s from words
      where similarity(${word}, w) >= ${CORRECTION_MIN_SIMILARITY}::real
      order by s desc, w limit ${MAX_CORRECTIONS}::int`),
  );
  const best = rows.length > 0 ? Number(rows[0]!.s) : 0;
  return rows.filter((r) => Number(r.s) >= best - CORRECTION_SPREAD).map((r) => r.w);
}

/**
 * Terms with each one found nowhere replaced: a compound by its parts, a misspelt word
 * (five letters or more) by its corrections; null when nothing changed or a term is hopeless.
 */
async function rewrittenTerms(filters: Filters, terms: readonly SearchTerm[]): Promise<SearchTerm[] | null> {
  const found = await termsFound(filters, terms);
  let changed = false;
  const out: SearchTerm[] = [];
  for (const [i, term] of terms.entries()) {
    if (found[i]) {
      out.push(term);
      continue;
    }
    const parts = await splitCompound(filters, term.word);
    if (parts) {
      changed = true;
      out.push(...parts);
      continue;
    }
    if (term.word.length < FUZZY_MIN_WORD) return null;
    const [best, ...rest] = await corrections(filters, term.word);
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
  if (params.type !== undefined) {
    if (!SEARCH_TYPES.includes(params.type)) return null;
    filters.type = params.type;
  }
  return filters;
}

const EMPTY: SearchResult = { hits: [], total: 0, more: false };

/**
 * Search published, public records for a free-text query (Finnish and Swedish inflections,
 * words typed without ä/ö/å, compound parts and typos included), best matches first; one
 * hit per record. Never throws on odd input: a query without searchable words, an
 * impossible filter or a page past SEARCH_WINDOW gives no hits.
 */
export async function searchPublished(params: SearchParams): Promise<SearchResult> {
  const prepared = prepareQuery(typeof params.q === 'string' ? params.q : '');
  const filters = cleanFilters(params);
  if (prepared.terms.length === 0 || !filters) return EMPTY;

  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.trunc(Number(params.limit) || DEFAULT_LIMIT)));
  const offset = Math.max(0, Math.trunc(Number(params.offset) || 0));
  if (offset >= SEARCH_WINDOW) return { ...EMPTY, more: true };
  const page = { limit: Math.min(limit, SEARCH_WINDOW - offset), offset };

  let terms: readonly SearchTerm[] = prepared.terms;
  let factor = 1;
  let result = await rankedPage(filters, terms, prepared.phrase, page);
  if (result.total === 0) {
    const rewritten = await rewrittenTerms(filters, terms);
    if (rewritten) {
      terms = rewritten;
      factor = REWRITTEN_RANK_FACTOR;
      result = await rankedPage(filters, rewritten, rewritten.map((t) => t.word).join(' '), page);
    }
  }

  const hits = result.rows.map((row): SearchHit => {
    const councilName = localizedName(row.council_fi, row.council_sv, row.council_en, params.locale);
    const title = row.type === 'council' ? councilName : localizedName(row.title, row.title_sv ?? null, row.title_en ?? null, params.locale);
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
  return { hits, total: Math.min(result.total, SEARCH_WINDOW), more: result.more || result.total > SEARCH_WINDOW };
}

/** Regions listed in the search filter: Finland has 23 (21 counties, Helsinki, HUS); a bound all the same. */
const MAX_FILTER_REGIONS = 100;
/** Councils listed for one region; a region with more is filtered by typing its slug or name in the query. */
export const MAX_FILTER_COUNCILS = 300;

export interface SearchFilterOptions {
  regions: Array<{ slug: string; nameFi: string; nameSv: string; nameEn: string }>;
  /** The chosen region (given, or the chosen council's); null when none. */
  region: string | null;
  /** Councils of the chosen region only (empty without one), at most MAX_FILTER_COUNCILS. */
  councils: Array<{ slug: string; nameFi: string; nameSv: string | null; nameEn: string | null }>;
  /** The chosen council when it exists (and lies in the chosen region); null otherwise. */
  council: string | null;
  councilsTruncated: boolean;
}

/**
 * What the search page's filter shows: every region, and the councils of the chosen region
 * only (the page never lists every council of the country). A council given without a
 * region picks its region; a council outside the chosen region is dropped.
 */
export async function searchFilterOptions(region?: string, council?: string): Promise<SearchFilterOptions> {
  const db = getDb();
  const regionRows = rowsOf<{ id: string; slug: string; name_fi: string; name_sv: string; name_en: string }>(
    await db.execute(sql`select id, slug, name_fi, name_sv, name_en from regions order by short_fi, slug
      limit ${MAX_FILTER_REGIONS}::int`),
  );
  let chosen = region ? regionRows.find((r) => r.slug === region) : undefined;
  if (!chosen && !region && council) {
    const [own] = rowsOf<{ region_id: string }>(
      await db.execute(sql`select region_id from councils where slug = ${council.slice(0, 120)}`),
    );
    chosen = own ? regionRows.find((r) => r.id === own.region_id) : undefined;
  }
  const councilRows = chosen
    ? rowsOf<{ slug: string; name_fi: string; name_sv: string | null; name_en: string | null }>(
        await db.execute(sql`select slug, name_fi, name_sv, name_en from councils
          where region_id = ${chosen.id}
          order by name_fi, slug limit ${MAX_FILTER_COUNCILS + 1}::int`),
      )
    : [];
  const councils = councilRows.slice(0, MAX_FILTER_COUNCILS).map((c) => ({ slug: c.slug, nameFi: c.name_fi, nameSv: c.name_sv, nameEn: c.name_en }));
  return {
    regions: regionRows.map((r) => ({ slug: r.slug, nameFi: r.name_fi, nameSv: r.name_sv, nameEn: r.name_en })),
    region: chosen?.slug ?? null,
    councils,
    council: council && councils.some((c) => c.slug === council) ? council : null,
    councilsTruncated: councilRows.length > MAX_FILTER_COUNCILS,
  };
}
