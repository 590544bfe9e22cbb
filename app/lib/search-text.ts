/**
 * Query preparation for the public search (see docs/search.md).
 *
 * Why a hand-written "stemmer" and not a dictionary: no Finnish or Swedish morphology
 * dictionary is available offline in this project, Voikko and hunspell are native
 * libraries that PGlite (WebAssembly) cannot load, and PostgreSQL's `finnish` Snowball
 * configuration misses the forms people actually type (kokouksessa/kokous,
 * jäsenet/jäsen, parts of compounds). Search only needs a *prefix shared by every
 * inflected form* of a query word, not a linguistically correct lemma: the database side
 * is never stemmed, each query word is matched as a word start or, for compounds, as a
 * substring of the stored text. So the rules below strip common case, number, possessive
 * and clitic endings, then back off over Finnish consonant gradation (nt/nn, kk/k,
 * -s/-kse-, -t-/-d-) until the prefix is common to the whole paradigm. Over-stripping
 * costs a little precision; ranking puts whole-word matches of the typed word first.
 *
 * Everything here is pure and runs before any SQL is built: the output contains only
 * letters and digits, and it is still escaped before use in LIKE or regular expressions.
 */

export const SEARCH_TYPES = ['council', 'agenda_item', 'decision', 'minutes', 'statement', 'plan'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** The normalised query is cut to this many characters. */
export const MAX_QUERY_CHARS = 200;
/** At most this many words are searched for; the rest of the query is ignored. */
export const MAX_TERMS = 8;
/** Shortest prefix the stemmer leaves (the brief's floor; shorter prefixes match too much). */
export const MIN_STEM = 4;
/** Swedish monosyllables (råd, möte) need a three-letter prefix once the article is gone. */
const MIN_STEM_SV_SHORT = 3;
/** Longest single word kept; nothing in Finnish needs more and regexes stay small. */
const MAX_WORD_CHARS = 60;
/** Raw input beyond this is never looked at (10 000-character queries cost nothing). */
const MAX_RAW_CHARS = 2000;

/**
 * Letters that count as part of a word in the SQL regular expressions. Spelled out
 * instead of [[:alnum:]] so word boundaries do not depend on the database's LC_CTYPE.
 */
export const SQL_WORD_CHARS = '0-9a-zåäöéèüáàâêëïîôûçñøæšžõß';

export interface SearchTerm {
  /** The normalised word as typed (lowercase letters and digits only). */
  word: string;
  /** Prefixes every inflected form should start with; none is a prefix of another. */
  stems: string[];
}

export interface PreparedQuery {
  terms: SearchTerm[];
  /** The query's words, stop words included, joined by single spaces (for phrase bonuses). */
  phrase: string;
}

const VOWELS = 'aeiouyäöå';

const FOLD_FROM = 'åäöéèêëáàâüúùïíìôóòçñøæšžõ';
const FOLD_TO = 'aaoeeeeaaauuuiiiooocnoaszo';
const FOLD_MAP = new Map([...FOLD_FROM].map((ch, i) => [ch, FOLD_TO[i]!]));

/**
 * Lowercase and drop the marks of letters (päihdetyö -> paihdetyo), exactly like the SQL
 * function search_fold() that fills search_documents: residents type without ä/ö/å.
 */
export function fold(value: string): string {
  return value.toLowerCase().replace(/[åäöéèêëáàâüúùïíìôóòçñøæšžõ]/g, (ch) => FOLD_MAP.get(ch) ?? ch);
}
export const FOLD_SQL_FROM = FOLD_FROM;
export const FOLD_SQL_TO = FOLD_TO;

// Stop words are dropped unless the query has nothing else: with AND semantics they would
// only require that a record contains "ja" or "och", which says nothing about relevance.
const STOP_WORDS = new Set([
  // Finnish
  'ja', 'tai', 'sekä', 'on', 'ei', 'että', 'se', 'ne', 'kun', 'jos', 'niin', 'myös', 'kuin', 'mutta',
  'tämä', 'joka', 'jotka', 'ovat', 'oli', 'ole', 'sen', 'sitä', 'kuten', 'eli',
  // Swedish
  'och', 'eller', 'i', 'på', 'av', 'för', 'till', 'med', 'som', 'att', 'det', 'den', 'ett', 'är',
  'om', 'de', 'vid', 'från', 'har', 'inte', 'ska',
  // English
  'the', 'a', 'an', 'of', 'and', 'or', 'in', 'on', 'for', 'to', 'is', 'at', 'by', 'with',
]);

// Longest first: the first ending whose removal leaves MIN_STEM letters wins.
const FI_CLITICS = ['kaan', 'kään', 'kin'];
const FI_ENDINGS = sortLongestFirst([
  // possessive suffixes (often fused with a case ending)
  'ssaan', 'ssään', 'staan', 'stään', 'llaan', 'llään', 'ltaan', 'ltään', 'lleen', 'kseen', 'nsa', 'nsä',
  'mme', 'nne',
  // plural cases
  'ineen', 'itten', 'iden', 'ihin', 'ista', 'istä', 'issa', 'issä', 'illa', 'illä', 'ilta', 'iltä', 'ille',
  'iksi', 'ina', 'inä', 'iin', 'ien', 'jen', 'ten', 'ita', 'itä', 'ia', 'iä', 'ja', 'jä',
  // singular cases
  'seen', 'ssa', 'ssä', 'sta', 'stä', 'lla', 'llä', 'lta', 'ltä', 'lle', 'ksi', 'den', 'hin',
  'aan', 'ään', 'een', 'oon', 'öön', 'uun', 'yyn', 'na', 'nä', 'ta', 'tä', 'en', 'n', 't',
]);
const SV_ENDINGS = sortLongestFirst([
  'arnas', 'ernas', 'ornas', 'andets', 'andet', 'andes', 'arna', 'erna', 'orna', 'ande', 'ende', 'heten',
  'ades', 'ade', 'are', 'aste', 'ars', 'ers', 'ors', 'ar', 'er', 'or', 'at', 'ad', 'as', 'es', 'na', 'a',
  'ens', 'ets', 'en', 'et', 'e', 's',
]);
// Definite-article and genitive endings may leave a three-letter Swedish stem (rådet -> råd,
// mötet -> möt) when it has a Nordic vowel: -en is left out and å/ä/ö required because
// short Finnish words (jäsen, sote, alue) would otherwise lose a letter they need.
const SV_SHORT_OK = new Set(['ets', 'et', 'es', 'e', 's']);
// Acronyms of the field: stemming "sote" to "sot" would find "sotilas" and "Sotkamo".
const NO_STEM = new Set(['sote', 'hva', 'jnk', 'jane', 'thl', 'kela', 'eu', 'ry']);
// Finnish consonant gradation: strong and weak grade of a stem-final cluster.
const GRADATION_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['nt', 'nn'],
  ['nk', 'ng'],
  ['mp', 'mm'],
  ['lt', 'll'],
  ['rt', 'rr'],
];

function sortLongestFirst(list: string[]): string[] {
  return [...new Set(list)].sort((a, b) => b.length - a.length);
}

function isVowel(ch: string | undefined): boolean {
  return ch !== undefined && VOWELS.includes(ch);
}

function stripEnding(word: string, endings: readonly string[], min: number): string {
  for (const ending of endings) {
    if (word.endsWith(ending) && word.length - ending.length >= min) return word.slice(0, -ending.length);
  }
  return word;
}

/** All words of a raw string: lowercase letters and digits, anything else is a separator. */
function tokenize(raw: string): string[] {
  const text = String(raw ?? '')
    .slice(0, MAX_RAW_CHARS)
    .normalize('NFC')
    .toLowerCase()
    .replace(/\p{M}+/gu, '');
  return (
    text
      .split(/[^\p{L}\p{N}]+/u)
      .map((w) => w.slice(0, MAX_WORD_CHARS))
      // A lone letter ("a" of "a:* & !b", the "n" of "EU:n") matches nearly everything.
      .filter((w) => w.length > 1 || /\p{N}/u.test(w))
  );
}

/** Words in order until MAX_QUERY_CHARS (joined by spaces) or `maxWords` is reached. */
function capped(words: readonly string[], maxWords: number): string[] {
  const out: string[] = [];
  let length = 0;
  for (const word of words) {
    if (out.length === maxWords) break;
    const added = length === 0 ? word.length : length + 1 + word.length;
    if (added > MAX_QUERY_CHARS) break;
    out.push(word);
    length = added;
  }
  return out;
}

/**
 * Split a raw search string into at most MAX_TERMS distinct lowercase words of letters and
 * digits, stop words dropped. Punctuation, tsquery operators, regex and SQL syntax are
 * only separators.
 */
export function normaliseQuery(raw: string): string[] {
  const unique = [...new Set(tokenize(raw))];
  const content = unique.filter((w) => !STOP_WORDS.has(w));
  return capped(content.length > 0 ? content : unique, MAX_TERMS);
}

/** Finnish prefixes for one lowercase word: endings stripped, then backed off over gradation. */
export function stemFinnish(word: string): string[] {
  if (word.length <= MIN_STEM || /\p{N}/u.test(word)) return [word];
  let s = word;
  // -nen words (sosiaalinen, sosiaalisen, sosiaalista) share only what precedes -nen/-s-.
  if (s.endsWith('nen') && s.length - 3 >= MIN_STEM) s = s.slice(0, -3);
  else s = stripEnding(stripEnding(s, FI_CLITICS, MIN_STEM), FI_ENDINGS, MIN_STEM);
  while (isVowel(s.at(-1)) && s.length - 1 >= MIN_STEM) s = s.slice(0, -1);
  if (s.endsWith('ks') && s.length - 2 >= MIN_STEM) {
    // kokouksessa -> kokouks -> kokou, which every form of "kokous" starts with.
    s = s.slice(0, -2);
  } else if (/[st]$/.test(s) && isVowel(s.at(-2)) && s.length - 1 >= MIN_STEM) {
    // kokous -> kokou; esteettömyyttä -> esteettömyyt -> esteettömyy; kotihoit -> kotihoi
    s = s.slice(0, -1);
  } else if (s.endsWith('d') && isVowel(s.at(-2)) && s.length - 1 >= MIN_STEM) {
    // weak grade of t: kotihoidon -> kotihoid -> kotihoi; terveyden -> tervey
    s = s.slice(0, -1);
  }
  const stems = [s];
  if (/(kk|pp|tt)$/.test(s) && s.length - 1 >= MIN_STEM) stems.push(s.slice(0, -1));
  // k disappears in the weak grade: vertaistukea -> vertaistuk, but vertaistuen -> vertaistu.
  if (/[aeiouyäö]k$/.test(s) && s.length - 1 >= MIN_STEM + 2) stems.push(s.slice(0, -1));
  for (const [strong, weak] of GRADATION_PAIRS) {
    if (s.endsWith(strong)) stems.push(s.slice(0, -2) + weak);
    else if (s.endsWith(weak)) stems.push(s.slice(0, -2) + strong);
  }
  return stems;
}

/** Swedish prefixes for one lowercase word: plural, definite and genitive endings stripped. */
export function stemSwedish(word: string): string[] {
  if (word.length <= MIN_STEM_SV_SHORT || /\p{N}/u.test(word)) return [word];
  for (const ending of SV_ENDINGS) {
    if (!word.endsWith(ending)) continue;
    const rest = word.length - ending.length;
    const short = rest >= MIN_STEM_SV_SHORT && SV_SHORT_OK.has(ending) && /[åäö]/.test(word.slice(0, rest));
    if (rest >= MIN_STEM || short) {
      const stem = word.slice(0, -ending.length);
      // An unstressed -er- drops before an ending: funktionshindrade / funktionshinder(rådet),
      // numret / nummer. The stem then also gets its -er form.
      if (/[^aeiouyåäö]r$/.test(stem) && stem.length >= MIN_STEM) return [stem, `${stem.slice(0, -1)}er`];
      return [stem];
    }
  }
  return [word];
}

/** Keep only the shortest prefixes: a stem that starts with another stem adds no matches. */
function minimalPrefixes(stems: string[]): string[] {
  const sorted = [...new Set(stems)].sort((a, b) => a.length - b.length || a.localeCompare(b));
  const kept: string[] = [];
  for (const stem of sorted) if (!kept.some((k) => stem.startsWith(k))) kept.push(stem);
  return kept;
}

/** The match prefixes of one word: Finnish and Swedish stems together, since the query language is unknown. */
export function stemWord(word: string): string[] {
  if (NO_STEM.has(word)) return [fold(word)];
  return minimalPrefixes([...stemFinnish(word), ...stemSwedish(word)].map(fold));
}

/** A term standing for several words at once (the corrections of a misspelt word), the first one as its word. */
export function termForWords(words: readonly [string, ...string[]]): SearchTerm {
  return { word: fold(words[0]), stems: minimalPrefixes(words.flatMap(stemWord)) };
}

/** Normalise a raw query and stem each word; an empty `terms` list means "search nothing". */
export function prepareQuery(raw: string): PreparedQuery {
  const words = normaliseQuery(raw);
  const phrase = capped(tokenize(raw), Number.MAX_SAFE_INTEGER).join(' ');
  return { terms: words.map((word) => ({ word: fold(word), stems: stemWord(word) })), phrase: fold(phrase) };
}

/**
 * Whether a stem may also match inside a word (the tail of a compound: neuvost in
 * vanhusneuvoston). Short typed words (eu, hva) only match at a word start.
 */
export function allowsInfix(term: SearchTerm, stem: string): boolean {
  return stem.length >= MIN_STEM || (stem.length >= MIN_STEM_SV_SHORT && term.word.length > stem.length);
}

/** Escape LIKE wildcards (with the default backslash escape character). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** Escape the metacharacters of PostgreSQL (ARE) and JavaScript regular expressions. */
export function escapeRegex(value: string): string {
  return value.replace(/[\\^$.|?*+()[\]{}-]/g, (ch) => `\\${ch}`);
}

export interface TermPatterns {
  /** The typed word as a whole word. */
  exact: string;
  /** Any stem at the start of a word. */
  prefix: string;
  /** LIKE patterns finding a stem anywhere, also inside compounds (may be empty). */
  infix: string[];
}

/** SQL patterns for one term, all meant for bound parameters against lowercased text. */
export function termPatterns(term: SearchTerm): TermPatterns {
  const boundary = `(^|[^${SQL_WORD_CHARS}])`;
  return {
    exact: `${boundary}${escapeRegex(term.word)}($|[^${SQL_WORD_CHARS}])`,
    prefix: `${boundary}(${term.stems.map(escapeRegex).join('|')})`,
    infix: term.stems.filter((s) => allowsInfix(term, s)).map((s) => `%${escapeLike(s)}%`),
  };
}

/** Whether one lowercase word of a text is a hit for a term (same rules as the SQL). */
export function wordMatches(term: SearchTerm, raw: string): boolean {
  const word = fold(raw);
  if (word === term.word) return true;
  return term.stems.some((s) => word.startsWith(s) || (allowsInfix(term, s) && word.includes(s)));
}

export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

/** Markdown and HTML reduced to plain text, whitespace collapsed, marker characters removed. */
export function toPlainText(markdown: string): string {
  return markdown
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_`~|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const WORD_RE = /[\p{L}\p{N}]+/gu;

/**
 * Up to `maxLength` characters of plain text around the first hit, each matching word
 * wrapped in MARK_START/MARK_END; starts at the beginning when nothing matches.
 */
export function makeSnippet(text: string, terms: readonly SearchTerm[], maxLength = 200): string {
  const plain = toPlainText(text);
  if (plain === '') return '';
  const hits: Array<{ start: number; end: number }> = [];
  for (const m of plain.matchAll(WORD_RE)) {
    const word = m[0].toLowerCase();
    if (terms.some((t) => wordMatches(t, word))) hits.push({ start: m.index, end: m.index + m[0].length });
  }
  let start = 0;
  const first = hits[0];
  if (first && first.end > maxLength) {
    // Leave some context before the first hit, starting at a word boundary.
    start = Math.max(0, first.start - Math.floor(maxLength / 3));
    const space = plain.indexOf(' ', start);
    if (start > 0 && space !== -1 && space < first.start) start = space + 1;
  }
  let end = Math.min(plain.length, start + maxLength);
  if (end < plain.length) {
    const space = plain.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  let out = '';
  let pos = start;
  for (const hit of hits) {
    if (hit.end <= start || hit.start >= end) continue;
    const s = Math.max(hit.start, start);
    const e = Math.min(hit.end, end);
    out += plain.slice(pos, s) + MARK_START + plain.slice(s, e) + MARK_END;
    pos = e;
  }
  out += plain.slice(pos, end);
  return `${start > 0 ? '…' : ''}${out}${end < plain.length ? '…' : ''}`;
}
