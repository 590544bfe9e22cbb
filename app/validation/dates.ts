/**
 * The dates the app accepts anywhere: a council's records do not start before 1900 or after
 * 2200. Year 0000 passes a plain ISO-date check but PostgreSQL refuses it, and years like 275760
 * overflow JavaScript dates; both are answered as a field error instead.
 */
export const MIN_DATE = '1900-01-01';
export const MAX_DATE = '2200-12-31';

export function inDateRange(value: string): boolean {
  return value >= MIN_DATE && value <= MAX_DATE;
}
