// The former date-fns/@date-fns/tz implementation of app/lib/dates.ts, kept as the reference the
// Intl-only one is checked against (app/lib/dates.reference.test.ts).
import { tz, TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { enGB, fi, sv } from 'date-fns/locale';
import type { Locale } from '../../app/lib/i18n';

export const TIME_ZONE = 'Europe/Helsinki';
const helsinki = tz(TIME_ZONE);
const dfLocales = { fi, sv, en: enGB } as const;

/** Each locale's own way of writing a meeting time: "ti 14.1.2025 klo 13.00" in Finnish. */
const patterns: Record<Locale, { dateTime: string; date: string; time: string; weekdayDate: string }> = {
  fi: { dateTime: "EEEEEE d.M.yyyy 'klo' H.mm", date: 'd.M.yyyy', time: 'H.mm', weekdayDate: 'EEEEEE d.M.yyyy' },
  sv: { dateTime: "EEEEEE d.M.yyyy 'kl.' H.mm", date: 'd.M.yyyy', time: 'H.mm', weekdayDate: 'EEEEEE d.M.yyyy' },
  en: { dateTime: 'EEE d MMM yyyy, HH:mm', date: 'd MMM yyyy', time: 'HH:mm', weekdayDate: 'EEE d MMM yyyy' },
};

function inHelsinki(value: Date | string): TZDate {
  return new TZDate(typeof value === 'string' ? new Date(value) : value, TIME_ZONE);
}

/**
 * Formatting an instant in Helsinki time costs ~60 µs (time zone offset lookup + pattern); pages
 * format the same few hundred instants again and again, so results are remembered (bounded).
 */
const memo = new Map<string, string>();
const MEMO_MAX = 5000;
function remembered(key: string, compute: () => string): string {
  let value = memo.get(key);
  if (value === undefined) {
    value = compute();
    if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value as string);
    memo.set(key, value);
  }
  return value;
}
const instantKey = (value: Date | string) => (typeof value === 'string' ? value : String(value.getTime()));

export function formatDateTime(value: Date | string, locale: Locale): string {
  return remembered(`dt|${locale}|${instantKey(value)}`, () => format(inHelsinki(value), patterns[locale].dateTime, { locale: dfLocales[locale] }));
}

export function formatTime(value: Date | string, locale: Locale): string {
  return remembered(`t|${locale}|${instantKey(value)}`, () => format(inHelsinki(value), patterns[locale].time, { locale: dfLocales[locale] }));
}

/** A meeting's span: "ti 14.1.2025 klo 13.00–15.00". */
export function formatMeetingTime(start: Date | string, end: Date | string, locale: Locale): string {
  const s = inHelsinki(start);
  const e = inHelsinki(end);
  const sameDay = format(s, 'yyyy-MM-dd') === format(e, 'yyyy-MM-dd');
  return sameDay
    ? `${formatDateTime(s, locale)}–${formatTime(e, locale)}`
    : `${formatDateTime(s, locale)} – ${formatDateTime(e, locale)}`;
}

/** A calendar date ('YYYY-MM-DD', no time zone involved) or an instant's Helsinki date. */
export function formatDate(value: string | Date, locale: Locale): string {
  return remembered(`d|${locale}|${instantKey(value)}`, () => {
    const d = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? parseIsoDate(value) : inHelsinki(value);
    return format(d, patterns[locale].date, { locale: dfLocales[locale] });
  });
}

export function parseIsoDate(value: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) throw new RangeError(`Not an ISO date: ${value}`);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** Today's date in Helsinki as 'YYYY-MM-DD'. */
export function todayInHelsinki(now: Date = new Date()): string {
  return format(now, 'yyyy-MM-dd', { in: helsinki });
}

/** The instant of a Helsinki wall-clock time ('YYYY-MM-DD', 'HH:MM'), DST-aware. */
export function helsinkiWallClock(date: string, time: string): Date {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!d || !t) throw new RangeError(`Bad wall-clock time: ${date} ${time}`);
  const z = new TZDate(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]), Number(t[3] ?? 0), TIME_ZONE);
  return new Date(z.getTime());
}

/** ISO 8601 with the Helsinki offset, e.g. 2025-01-14T13:00:00+02:00. */
export function toIsoWithOffset(value: Date): string {
  return format(inHelsinki(value), "yyyy-MM-dd'T'HH:mm:ssXXX");
}

/** Year of an instant in Helsinki (for § numbering and annual reports). */
export function helsinkiYear(value: Date): number {
  return Number(format(value, 'yyyy', { in: helsinki }));
}
