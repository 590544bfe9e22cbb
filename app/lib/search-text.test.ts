import { describe, expect, it } from 'vitest';
import {
  MARK_END,
  MARK_START,
  MAX_QUERY_CHARS,
  MAX_TERMS,
  MIN_STEM,
  escapeLike,
  escapeRegex,
  makeSnippet,
  normaliseQuery,
  prepareQuery,
  stemWord,
  fold,
  termPatterns,
  toPlainText,
  wordMatches,
} from './search-text';

/** Whether the first word of a query would hit one word of a stored text. */
const hits = (query: string, stored: string) => {
  const term = prepareQuery(query).terms[0];
  if (!term) throw new Error(`no term in ${query}`);
  return wordMatches(term, stored);
};

describe('normaliseQuery', () => {
  it('lowercases and splits on everything that is not a letter or digit', () => {
    expect(normaliseQuery('Vanhusneuvoston KOKOUS, 3/2025!')).toEqual(['vanhusneuvoston', 'kokous', '3', '2025']);
    expect(normaliseQuery('sote-järjestöjen')).toEqual(['sote', 'järjestöjen']);
  });

  it('turns SQL, tsquery and regex syntax into separators', () => {
    expect(normaliseQuery("'; drop table councils; --")).toEqual(['drop', 'table', 'councils']);
    expect(normaliseQuery('a:* & !b')).toEqual([]);
    expect(normaliseQuery('(.*)+$')).toEqual([]);
    expect(normaliseQuery('\\')).toEqual([]);
    expect(normaliseQuery('%_%')).toEqual([]);
    expect(normaliseQuery('!!!???')).toEqual([]);
    expect(normaliseQuery('')).toEqual([]);
    expect(normaliseQuery('neuvosto:* | kokous')).toEqual(['neuvosto', 'kokous']);
  });

  it('caps the query at 8 terms and 200 characters', () => {
    const many = Array.from({ length: 20 }, (_, i) => `sana${i}`).join(' ');
    expect(normaliseQuery(many)).toHaveLength(MAX_TERMS);
    const long = normaliseQuery('x'.repeat(10_000));
    expect(long.join(' ').length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
    const words = normaliseQuery(Array.from({ length: 8 }, (_, i) => `${'k'.repeat(40)}${i}`).join(' '));
    expect(words.join(' ').length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
    expect(words.length).toBeLessThan(8);
  });

  it('drops duplicates, single letters and stop words unless nothing else is left', () => {
    expect(normaliseQuery('kokous ja kokous')).toEqual(['kokous']);
    expect(normaliseQuery('tjänster på svenska')).toEqual(['tjänster', 'svenska']);
    expect(normaliseQuery('och')).toEqual(['och']);
    expect(normaliseQuery('EU:n x 5')).toEqual(['eu', '5']);
  });

  it('composes decomposed letters', () => {
    expect(normaliseQuery('ja\u0308senet')).toEqual(['jäsenet']);
  });
});

describe('stemWord', () => {
  it('never goes below four letters except for Swedish monosyllables', () => {
    for (const word of ['kokouksessa', 'jäsenet', 'lausunnon', 'avustuksista', 'neuvosto', 'sote', 'alue']) {
      for (const stem of stemWord(word)) expect(stem.length, `${word} -> ${stem}`).toBeGreaterThanOrEqual(MIN_STEM);
    }
    // Stems are folded like the stored text: å/ä/ö lose their marks.
    expect(stemWord('rådet')).toEqual(['rad']);
    expect(stemWord('mötet')).toEqual(['mot']);
  });

  it('folds å/ä/ö so that words typed without them stem the same', () => {
    expect(fold('Päihdetyö ÅÄÖ')).toBe('paihdetyo aao');
    expect(stemWord('paihdetyota')).toEqual(stemWord('päihdetyötä'));
    expect(stemWord('fardtjansten')).toEqual(stemWord('färdtjänsten'));
  });

  it('backs off over k in the weak grade (vertaistukea / vertaistuen)', () => {
    expect(stemWord('vertaistukea').some((s) => 'vertaistuen'.startsWith(s))).toBe(true);
    // Not for short stems, where it would match inside unrelated compounds.
    expect(stemWord('ansökan')).not.toContain('anso');
  });

  it('gives Swedish stems that lost an unstressed -er- their -er form (funktionshindrade)', () => {
    expect(stemWord('funktionshindrade').some((s) => 'funktionshinderradets'.startsWith(s))).toBe(true);
  });

  it('leaves short words, numbers and acronyms alone', () => {
    expect(stemWord('sote')).toEqual(['sote']);
    expect(stemWord('2025')).toEqual(['2025']);
    expect(stemWord('ry')).toEqual(['ry']);
  });

  it('gives prefixes none of which contains another', () => {
    const stems = stemWord('lausunnot');
    expect(stems.sort()).toEqual(['lausunn', 'lausunt']);
  });
});

describe('matching inflected forms and compounds', () => {
  it.each([
    ['kokouksessa', 'kokous'],
    ['kokous', 'kokouksessa'],
    ['jäsenet', 'jäsen'],
    ['jäsen', 'varajäsenet'],
    ['neuvosto', 'vanhusneuvoston'],
    ['järjestöjen', 'järjestö'],
    ['järjestöjen', 'järjestöyhteistyö'],
    ['avustuksista', 'avustus'],
    ['lausunnon', 'lausunto'],
    ['lausunto', 'lausunnossa'],
    ['kotihoito', 'kotihoidon'],
    ['kannanotto', 'kannanoton'],
    ['aloitteet', 'aloite'],
    ['esteettömyyttä', 'esteettömyys'],
    ['mielenterveys', 'mielenterveyden'],
    ['sosiaalisen', 'sosiaalinen'],
    ['kunta', 'kunnissa'],
    ['föreningarnas', 'förening'],
    ['föreningen', 'föreningar'],
    ['mötet', 'möte'],
    ['möte', 'mötets'],
    ['rådet', 'råd'],
    ['rådet', 'äldrerådet'],
    ['äldrerådets', 'äldreråd'],
    ['utlåtandet', 'utlåtande'],
    ['tjänster', 'tjänst'],
  ])('%s finds %s', (query, stored) => {
    expect(hits(query, stored)).toBe(true);
  });

  it.each([
    ['neuvosto', 'neuvottelukunta'],
    ['kokous', 'kokoelma'],
    ['sote', 'sotilas'],
    ['jäsen', 'jäämme'],
    ['lausunto', 'lausua'],
    ['eu', 'neuvosto'],
  ])('%s does not find %s', (query, stored) => {
    expect(hits(query, stored)).toBe(false);
  });
});

describe('escaping', () => {
  it('escapes LIKE wildcards and the escape character', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });

  it('escapes regular-expression metacharacters', () => {
    const nasty = '(.*)+$^[a]{2}|?\\-';
    expect(new RegExp(escapeRegex(nasty)).test(`x${nasty}y`)).toBe(true);
    expect(escapeRegex('a.b')).toBe('a\\.b');
  });

  it('builds word-boundary patterns from stems only', () => {
    const term = prepareQuery('kokouksessa').terms[0]!;
    const p = termPatterns(term);
    expect(p.infix).toEqual(['%kokou%']);
    expect(new RegExp(p.prefix).test('vanhusneuvoston kokous')).toBe(true);
    expect(new RegExp(p.prefix).test('valtuustokokous')).toBe(false);
    expect(new RegExp(p.exact).test('pidetyssä kokouksessa.')).toBe(true);
    expect(new RegExp(p.exact).test('kokouksessaan')).toBe(false);
    expect(termPatterns(prepareQuery('eu').terms[0]!).infix).toEqual([]);
  });
});

describe('makeSnippet', () => {
  const terms = prepareQuery('vanhusneuvosto lausunto').terms;

  it('wraps every matching word in marker characters', () => {
    expect(makeSnippet('Vanhusneuvoston lausunnot ja muut asiat.', terms)).toBe(
      `${MARK_START}Vanhusneuvoston${MARK_END} ${MARK_START}lausunnot${MARK_END} ja muut asiat.`,
    );
  });

  it('strips Markdown, HTML and marker characters found in the stored text', () => {
    const text = `# Otsikko\n\n**Vanhusneuvosto** antaa [lausunnon](https://example.org) <b>nyt</b> ${MARK_START}x${MARK_END}`;
    const snippet = makeSnippet(text, terms);
    expect(snippet).toBe(`Otsikko ${MARK_START}Vanhusneuvosto${MARK_END} antaa ${MARK_START}lausunnon${MARK_END} nyt x`);
    expect(toPlainText('- kohta\n> lainaus')).toBe('kohta lainaus');
  });

  it('shows the text around a late first hit, with ellipses', () => {
    const text = `${'Alkuteksti ilman osumia. '.repeat(20)}Lopuksi vanhusneuvosto päätti asiasta. ${'Loppu. '.repeat(30)}`;
    const snippet = makeSnippet(text, terms, 120);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toContain(`${MARK_START}vanhusneuvosto${MARK_END}`);
    // 120 characters of text plus the two ellipses; the markers do not count.
    expect(snippet.replace(/[\u0002\u0003]/g, '').length).toBeLessThanOrEqual(122);
  });

  it('starts at the beginning when nothing matches and returns empty for empty text', () => {
    const snippet = makeSnippet('Ei osumia tässä tekstissä, mutta pitkä teksti jatkuu vielä. '.repeat(10), terms, 60);
    expect(snippet.startsWith('Ei osumia')).toBe(true);
    expect(snippet).not.toContain(MARK_START);
    expect(makeSnippet('', terms)).toBe('');
  });
});
