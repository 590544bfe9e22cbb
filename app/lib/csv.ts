import Papa from 'papaparse';

/** A parsed CSV: the header (trimmed, lower-cased) and each data row keyed by it. */
export interface ParsedCsv {
  header: string[];
  rows: Array<{
    /** Line number as a spreadsheet shows it: the header is row 1. */
    row: number;
    values: Record<string, string>;
    /** The cells as written, before a protecting apostrophe is removed (formula checks read these). */
    raw: Record<string, string>;
  }>;
  /** Structural problems (unbalanced quotes and the like), by row. */
  errors: Array<{ row: number; message: string }>;
}

const BOM = '\uFEFF';

/**
 * Cells that a spreadsheet would read as a formula (or as a control character that starts
 * one) get a leading apostrophe: =, +, -, @, TAB and CR. This is the OWASP advice against
 * CSV/formula injection; Excel and LibreOffice show the apostrophe-prefixed text as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Protect one cell against spreadsheet formula injection (see FORMULA_START). */
export function protectCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undo protectCell on import, so an exported file can be imported again unchanged. */
export function unprotectCell(value: string): string {
  return value.length > 1 && value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

function quote(value: string): string {
  return /[",\r\n;]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Write rows as CSV for spreadsheets: UTF-8 with a BOM (so Excel reads ä and ö right),
 * CRLF line ends, every cell protected against formula injection.
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>, options: { bom?: boolean } = {}): string {
  const line = (cells: ReadonlyArray<string | number | null | undefined>) =>
    cells.map((cell) => quote(protectCell(cell === null || cell === undefined ? '' : String(cell)))).join(',');
  const body = [line(header), ...rows.map(line)].join('\r\n') + '\r\n';
  return (options.bom ?? true) ? BOM + body : body;
}

/** The delimiter used most in the header line (quoted parts ignored): comma, semicolon or tab. */
function guessDelimiter(text: string): string {
  const headerLine = (text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '').replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => ({ d, n: headerLine.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.n > 0 ? counts[0]!.d : ',';
}

/**
 * Parse CSV text with a header row. The delimiter is detected (Finnish Excel writes
 * semicolons), a BOM is ignored, blank lines are skipped and cells are trimmed.
 */
export function parseCsv(text: string): ParsedCsv {
  const source = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  const result = Papa.parse<string[]>(source, { header: false, skipEmptyLines: false, delimiter: guessDelimiter(source) });
  // A single-column file has no delimiter to detect; that is not a problem.
  const errors = result.errors.filter((e) => e.type !== 'Delimiter').map((e) => ({ row: (e.row ?? 0) + 1, message: e.message }));
  const lines = result.data;
  const headerIndex = lines.findIndex((cells) => cells.some((c) => c.trim() !== ''));
  if (headerIndex < 0) return { header: [], rows: [], errors };
  const header = lines[headerIndex]!.map((h) => h.trim().toLowerCase());
  const rows: ParsedCsv['rows'] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const cells = lines[i]!;
    if (cells.every((c) => c.trim() === '')) continue;
    const values: Record<string, string> = {};
    const raw: Record<string, string> = {};
    header.forEach((name, col) => {
      if (!name) return;
      raw[name] = (cells[col] ?? '').trim();
      values[name] = unprotectCell(raw[name]);
    });
    rows.push({ row: i + 1, values, raw });
  }
  return { header, rows, errors };
}
