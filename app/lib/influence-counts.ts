/** Drizzle-free: the annual report's influence table, shared by the page and the PDF. */
export const INFLUENCE_COLUMNS = ['taken_into_account', 'partly', 'not_taken_into_account', 'pending'] as const;
const TYPES = ['statement', 'position', 'initiative'] as const;

type Counts = Record<(typeof TYPES)[number], Record<(typeof INFLUENCE_COLUMNS)[number], number>>;

export interface InfluenceRow {
  /** A statement type, or `total` for the last row. */
  type: (typeof TYPES)[number] | 'total';
  counts: number[];
  total: number;
}

/** One row per statement type that occurs (and a total row), the outcomes in INFLUENCE_COLUMNS order. */
export function influenceRows(counts: Counts | undefined): InfluenceRow[] {
  if (!counts) return [];
  const rows: InfluenceRow[] = [];
  const sums = INFLUENCE_COLUMNS.map(() => 0);
  for (const type of TYPES) {
    const values = INFLUENCE_COLUMNS.map((c) => counts[type]?.[c] ?? 0);
    const total = values.reduce((a, b) => a + b, 0);
    if (total === 0) continue;
    values.forEach((v, i) => (sums[i]! += v));
    rows.push({ type, counts: values, total });
  }
  if (rows.length === 0) return [];
  rows.push({ type: 'total', counts: sums, total: sums.reduce((a, b) => a + b, 0) });
  return rows;
}
