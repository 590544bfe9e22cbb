import { describe, expect, it } from 'vitest';
import { parseCsv, protectCell, toCsv, unprotectCell } from './csv';

describe('protectCell', () => {
  it.each(['=SUM(A1:A2)', '+358401234567', '-1', '@cmd', '\tx', '\rx'])('prefixes %j with an apostrophe', (value) => {
    expect(protectCell(value)).toBe(`'${value}`);
  });

  it('leaves ordinary text alone', () => {
    expect(protectCell('Maija Meikäläinen')).toBe('Maija Meikäläinen');
    expect(protectCell("O'Brien")).toBe("O'Brien");
    expect(protectCell('')).toBe('');
  });

  it('round-trips through unprotectCell', () => {
    for (const v of ['=1+1', '-x', 'plain', "'quoted", '@a']) expect(unprotectCell(protectCell(v))).toBe(v);
  });
});

describe('toCsv', () => {
  it('starts with a BOM, quotes where needed and protects formulas', () => {
    const out = toCsv(['name', 'note'], [['Virtanen, Maija', '=HYPERLINK("http://x")'], ['Åsa "Åke" Lind', null]]);
    expect(out.startsWith('\uFEFF')).toBe(true);
    expect(out).toBe('\uFEFFname,note\r\n"Virtanen, Maija","\'=HYPERLINK(""http://x"")"\r\n"Åsa ""Åke"" Lind",\r\n');
  });

  it('can leave the BOM out', () => {
    expect(toCsv(['a'], [[1]], { bom: false })).toBe('a\r\n1\r\n');
  });
});

describe('parseCsv', () => {
  it('reads a header, trims cells and numbers rows as a spreadsheet does', () => {
    const parsed = parseCsv('\uFEFFCategory , Name\n Lapset , Maija Virtanen \n\nNuoret,Ville Ek\n');
    expect(parsed.header).toEqual(['category', 'name']);
    expect(parsed.rows).toEqual([
      { row: 2, values: { category: 'Lapset', name: 'Maija Virtanen' }, raw: { category: 'Lapset', name: 'Maija Virtanen' } },
      { row: 4, values: { category: 'Nuoret', name: 'Ville Ek' }, raw: { category: 'Nuoret', name: 'Ville Ek' } },
    ]);
    expect(parsed.errors).toEqual([]);
  });

  it('detects semicolons (Finnish Excel) and quoted commas', () => {
    const parsed = parseCsv('category;name\r\n"Lapset, nuoret";"Virtanen; Maija"\r\n');
    expect(parsed.rows[0]!.values).toEqual({ category: 'Lapset, nuoret', name: 'Virtanen; Maija' });
  });

  it('reads back what toCsv wrote', () => {
    const text = toCsv(['category', 'name'], [['=evil', 'Åsa Lind']]);
    expect(parseCsv(text).rows[0]!.values).toEqual({ category: '=evil', name: 'Åsa Lind' });
  });

  it('reports an unterminated quote', () => {
    const parsed = parseCsv('a,b\n"open,1\n');
    expect(parsed.errors.length).toBeGreaterThan(0);
  });

  it('handles empty input', () => {
    expect(parseCsv('')).toEqual({ header: [], rows: [], errors: [] });
  });
});
