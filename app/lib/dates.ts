import type { Locale } from '~/lib/i18n';

/**
 * Helsinki dates and times with the platform's Intl only: these helpers run in the browser on
 * every hydrating page, and date-fns with @date-fns/tz cost ~11 KB gzipped there (issue 13's
 * 120 KB budget). Only numbers come from Intl (`formatToParts` in a fixed time zone); names of
 * weekdays and months come from the tables below, so the server and every browser print the same
 * text. `dates.test.ts` checks every function against date-fns/@date-fns/tz over many instants,
 * DST changes included (docs/decisions/010-dates-without-date-fns-in-the-browser.md).
 */
export const TIME_ZONE = 'Europe/Helsinki';

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** The Helsinki wall-clock fields of an instant. */
function helsinkiParts(ms: number): Parts {
  const out: Parts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of partsFormat.formatToParts(ms)) {
    if (p.type in out) out[p.type as keyof Parts] = Number(p.value);
  }
  if (out.hour === 24) out.hour = 0;
  return out;
}

/** Minutes east of UTC in Helsinki at an instant (+120 or +180). */
function offsetMinutes(ms: number): number {
  const p = helsinkiParts(ms);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

const WEEKDAYS: Record<Locale, readonly string[]> = {
  fi: ['ma', 'ti', 'ke', 'to', 'pe', 'la', 'su'],
  sv: ['må', 'ti', 'on', 'to', 'fr', 'lö', 'sö'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** Monday 0 … Sunday 6 of a calendar date. */
const weekday = (year: number, month: number, day: number) => (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;

/** "14.1.2025" (fi, sv) or "14 Jan 2025" (en). */
function dateText(year: number, month: number, day: number, locale: Locale): string {
  return locale === 'en' ? `${day} ${EN_MONTHS[month - 1]} ${year}` : `${day}.${month}.${year}`;
}
/** "13.00" (fi, sv) or "13:00" (en). */
function timeText(p: Parts, locale: Locale): string {
  return locale === 'en' ? `${pad(p.hour)}:${pad(p.minute)}` : `${p.hour}.${pad(p.minute)}`;
}

/**
 * Formatting an instant in Helsinki time is a time zone lookup and some string work; pages format
 * the same few hundred instants again and again, so results are remembered (bounded).
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
const toMs = (value: Date | string) => (typeof value === 'string' ? new Date(value).getTime() : value.getTime());
const instantKey = (value: Date | string) => (typeof value === 'string' ? value : String(value.getTime()));

/** Each locale's own way of writing a meeting time: "ti 14.1.2025 klo 13.00" in Finnish. */
export function formatDateTime(value: Date | string, locale: Locale): string {
  return remembered(`dt|${locale}|${instantKey(value)}`, () => {
    const p = helsinkiParts(toMs(value));
    const day = `${WEEKDAYS[locale][weekday(p.year, p.month, p.day)]} ${dateText(p.year, p.month, p.day, locale)}`;
    if (locale === 'en') return `${day}, ${timeText(p, locale)}`;
    return `${day} ${locale === 'fi' ? 'klo' : 'kl.'} ${timeText(p, locale)}`;
  });
}

export function formatTime(value: Date | string, locale: Locale): string {
  return remembered(`t|${locale}|${instantKey(value)}`, () => timeText(helsinkiParts(toMs(value)), locale));
}

/** A meeting's span: "ti 14.1.2025 klo 13.00–15.00". */
export function formatMeetingTime(start: Date | string, end: Date | string, locale: Locale): string {
  const s = helsinkiParts(toMs(start));
  const e = helsinkiParts(toMs(end));
  const sameDay = s.year === e.year && s.month === e.month && s.day === e.day;
  return sameDay
    ? `${formatDateTime(start, locale)}–${formatTime(end, locale)}`
    : `${formatDateTime(start, locale)} – ${formatDateTime(end, locale)}`;
}

/** A calendar date ('YYYY-MM-DD', no time zone involved) or an instant's Helsinki date. */
export function formatDate(value: string | Date, locale: Locale): string {
  return remembered(`d|${locale}|${instantKey(value)}`, () => {
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      const d = parseIsoDate(value);
      return dateText(d.getFullYear(), d.getMonth() + 1, d.getDate(), locale);
    }
    const p = helsinkiParts(toMs(value));
    return dateText(p.year, p.month, p.day, locale);
  });
}

export function parseIsoDate(value: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) throw new RangeError(`Not an ISO date: ${value}`);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** Today's date in Helsinki as 'YYYY-MM-DD'. */
export function todayInHelsinki(now: Date = new Date()): string {
  const p = helsinkiParts(now.getTime());
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/**
 * The instant of a Helsinki wall-clock time ('YYYY-MM-DD', 'HH:MM'), DST-aware: an hour that
 * happens twice in October is its second (standard time) occurrence; a time in the hour skipped in
 * March moves forward by the gap, as @date-fns/tz's TZDate does.
 */
export function helsinkiWallClock(date: string, time: string): Date {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!d || !t) throw new RangeError(`Bad wall-clock time: ${date} ${time}`);
  const asUtc = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]), Number(t[3] ?? 0));
  const early = offsetMinutes(asUtc - 12 * 3_600_000);
  const late = offsetMinutes(asUtc + 12 * 3_600_000);
  // Of the offsets around it, those that read back as this wall-clock time; twice in October.
  const valid = [...new Set([early, late])].map((o) => asUtc - o * 60_000).filter((ms) => offsetMinutes(ms) * 60_000 === asUtc - ms);
  if (valid.length > 0) return new Date(Math.max(...valid));
  // In the hour skipped in March: the offset before the change, which lands past the gap.
  return new Date(asUtc - early * 60_000);
}

/** ISO 8601 with the Helsinki offset, e.g. 2025-01-14T13:00:00+02:00. */
export function toIsoWithOffset(value: Date): string {
  const ms = value.getTime();
  const p = helsinkiParts(ms);
  const off = offsetMinutes(ms);
  const sign = off >= 0 ? '+' : '-';
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}

/** Year of an instant in Helsinki (for § numbering and annual reports). */
export function helsinkiYear(value: Date): number {
  return helsinkiParts(value.getTime()).year;
}
