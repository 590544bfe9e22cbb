/**
 * The one module that expands meeting series. A series is an RRULE body (no DTSTART) over
 * Europe/Helsinki WALL-CLOCK time: "first Tuesday at 13:00" stays 13:00 local across the
 * March and October daylight-saving changes. We let rrule expand in "floating" time (UTC
 * fields used as local fields, so rrule never sees a DST jump) and only then turn each
 * local date + time into the real instant with helsinkiWallClock.
 *
 * A body is accepted only from a strict subset of RFC 5545 (see parseRule) because rrule.js
 * itself accepts almost anything, and because a rule that can never match (e.g. the 30th of
 * February, counted day by day) makes rrule.js walk every period up to the year 9999.
 */
import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import * as rruleModule from 'rrule';
import type { Options as RRuleOptions } from 'rrule';
import { helsinkiWallClock, TIME_ZONE } from '~/lib/dates';

// rrule ships a CommonJS main and an ESM "module" build: Node's ESM loader (tsx, the
// externalised vitest import) sees only a default export, while bundlers (esbuild in the
// Remix build) see the named ones. Take whichever is there.
type RRuleModule = typeof rruleModule;
const rruleInterop = rruleModule as RRuleModule & { default?: RRuleModule };
const { RRule } = rruleInterop.RRule ? rruleInterop : (rruleInterop.default as RRuleModule);

const helsinki = tz(TIME_ZONE);

/** Most occurrences a series may have within one horizon (a weekly series over ~4 years). */
export const MAX_OCCURRENCES = 200;

// Expanding from the first date to a late `from` walks through earlier occurrences too;
// this bounds that walk independently of the per-horizon limit.
const MAX_WALK = 5000;

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const RULE_PRESETS = [
  'weekly',
  'biweekly',
  'monthly_same_day',
  'monthly_first_weekday_except_july',
  'quarterly',
  'custom',
] as const;
export type RulePreset = (typeof RULE_PRESETS)[number];

export interface BuildRuleOptions {
  /** The series' first date 'YYYY-MM-DD'; gives the weekday when none is named. */
  firstDate?: string;
  weekday?: Weekday;
  /** The secretary's own RRULE text, for the 'custom' preset. */
  rrule?: string;
}

/** What a series needs to be expanded: the body, first local date, local time and length. */
export interface SeriesPattern {
  rrule: string;
  firstDate: string;
  /** 'HH:MM' (or PostgreSQL's 'HH:MM:SS'), Europe/Helsinki wall clock. */
  localStartTime: string;
  durationMinutes: number;
}

export interface Occurrence {
  /** Where the rule puts this occurrence (iCalendar RECURRENCE-ID; meetings.original_start). */
  originalStart: Date;
  start: Date;
  end: Date;
  /** The occurrence's date in Helsinki, 'YYYY-MM-DD'. */
  localDate: string;
}

export type RuleProblemCode = 'invalid' | 'empty' | 'too_many';
export type RuleValidation = { ok: true; count: number } | { ok: false; code: RuleProblemCode; message: string };

/** A refusal with a code the UI translates; the message is for logs. */
export class RecurrenceError extends Error {
  constructor(
    readonly code: RuleProblemCode,
    message: string,
  ) {
    super(message);
    this.name = 'RecurrenceError';
  }
}

// ---------------------------------------------------------------------------------------
// Presets
// ---------------------------------------------------------------------------------------

const ALL_MONTHS_BUT_JULY = '1,2,3,4,5,6,8,9,10,11,12';

/** The RRULE body (without DTSTART) for a preset a secretary picks from a list. */
export function buildRule(preset: RulePreset, opts: BuildRuleOptions = {}): string {
  switch (preset) {
    case 'weekly':
      return 'FREQ=WEEKLY';
    case 'biweekly':
      // No BYDAY: rrule takes the weekday of the first date, so moving the start moves the day.
      return 'FREQ=WEEKLY;INTERVAL=2';
    case 'monthly_same_day':
      return 'FREQ=MONTHLY';
    case 'quarterly':
      return 'FREQ=MONTHLY;INTERVAL=3';
    case 'monthly_first_weekday_except_july': {
      const weekday = opts.weekday ?? (opts.firstDate ? weekdayOf(opts.firstDate) : undefined);
      if (!weekday) throw new RangeError('monthly_first_weekday_except_july needs a weekday or a first date');
      return `FREQ=MONTHLY;BYDAY=1${weekday};BYMONTH=${ALL_MONTHS_BUT_JULY}`;
    }
    case 'custom':
      return normalizeRule(opts.rrule ?? '');
  }
}

/** Which preset a stored body corresponds to, so an edit form can preselect it. */
export function presetOf(body: string): { preset: RulePreset; weekday?: Weekday } {
  const rule = normalizeRule(body);
  const simple: Partial<Record<string, RulePreset>> = {
    'FREQ=WEEKLY': 'weekly',
    'FREQ=WEEKLY;INTERVAL=2': 'biweekly',
    'FREQ=MONTHLY': 'monthly_same_day',
    'FREQ=MONTHLY;INTERVAL=3': 'quarterly',
  };
  const preset = simple[rule];
  if (preset) return { preset };
  const m = /^FREQ=MONTHLY;BYDAY=1(MO|TU|WE|TH|FR|SA|SU);BYMONTH=1,2,3,4,5,6,8,9,10,11,12$/.exec(rule);
  if (m) return { preset: 'monthly_first_weekday_except_july', weekday: m[1] as Weekday };
  return { preset: 'custom' };
}

// ---------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------

type Freq = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

interface ParsedRule {
  freq: Freq;
  parts: [string, string][];
  count?: number;
  /** Set when the rule provably never matches (the 30th of February): it expands to nothing. */
  neverMatches?: string;
  /** UNTIL as given: a real instant (…Z) or an inclusive local date (YYYYMMDD). */
  until?: { kind: 'instant'; at: Date } | { kind: 'date'; date: string };
}

const KNOWN_PARTS = new Set([
  'FREQ',
  'INTERVAL',
  'COUNT',
  'UNTIL',
  'BYDAY',
  'BYMONTHDAY',
  'BYMONTH',
  'BYSETPOS',
  'BYYEARDAY',
  'BYWEEKNO',
  'WKST',
]);

/** Upper-case, drop a leading "RRULE:", put FREQ first; leaves unparseable text for parseRule to refuse. */
function normalizeRule(body: string): string {
  const text = body.trim().replace(/^RRULE:/i, '').toUpperCase();
  const pieces = text.split(';').map((p) => p.trim()).filter((p) => p !== '');
  const freqIndex = pieces.findIndex((p) => p.startsWith('FREQ='));
  if (freqIndex > 0) pieces.unshift(...pieces.splice(freqIndex, 1));
  return pieces.join(';');
}

function intList(value: string, min: number, max: number, allowNegative: boolean): number[] | null {
  const out: number[] = [];
  for (const piece of value.split(',')) {
    if (!/^[+-]?\d{1,3}$/.test(piece)) return null;
    const n = Number(piece);
    const abs = Math.abs(n);
    if (n === 0 || abs < min || abs > max || (n < 0 && !allowNegative)) return null;
    out.push(n);
  }
  return out;
}

function parseUntil(value: string): ParsedRule['until'] | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z)?$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (!isRealDate(date)) return null;
  if (m[4] === undefined) return { kind: 'date', date };
  const [h, mi, s] = [Number(m[4]), Number(m[5]), Number(m[6])];
  if (h > 23 || mi > 59 || s > 59) return null;
  return { kind: 'instant', at: new Date(Date.UTC(y, mo - 1, d, h, mi, s)) };
}

/** Refuses anything outside the subset we can expand quickly and safely; returns the reason. */
function parseRule(body: string): ParsedRule | string {
  if (/[\r\n]/.test(body)) return 'the rule must be one line';
  const text = normalizeRule(body);
  if (text === '') return 'the rule is empty';
  if (text.includes(':')) return 'DTSTART, EXDATE, RDATE and TZID do not belong in the rule body';
  const parts: [string, string][] = [];
  const seen = new Set<string>();
  for (const piece of text.split(';')) {
    const eq = piece.indexOf('=');
    if (eq <= 0) return `malformed part "${piece}"`;
    const key = piece.slice(0, eq);
    const value = piece.slice(eq + 1);
    if (key === 'BYHOUR' || key === 'BYMINUTE' || key === 'BYSECOND') {
      return `${key} is not allowed: the start time is set separately`;
    }
    if (!KNOWN_PARTS.has(key)) return `unknown part ${key}`;
    if (seen.has(key)) return `${key} given twice`;
    if (value === '') return `${key} has no value`;
    seen.add(key);
    parts.push([key, value]);
  }
  const freqValue = parts.find(([k]) => k === 'FREQ')?.[1];
  if (!freqValue) return 'FREQ is missing';
  if (freqValue === 'SECONDLY' || freqValue === 'MINUTELY' || freqValue === 'HOURLY') {
    return `FREQ=${freqValue} is not allowed: meetings recur at most daily`;
  }
  if (freqValue !== 'DAILY' && freqValue !== 'WEEKLY' && freqValue !== 'MONTHLY' && freqValue !== 'YEARLY') {
    return `unknown FREQ ${freqValue}`;
  }
  const freq: Freq = freqValue;
  const rule: ParsedRule = { freq, parts };
  const has = (key: string) => seen.has(key);

  for (const [key, value] of parts) {
    switch (key) {
      case 'INTERVAL':
        if (!/^[1-9]\d{0,2}$/.test(value)) return 'INTERVAL must be 1-999';
        break;
      case 'COUNT':
        if (!/^[1-9]\d{0,3}$/.test(value)) return 'COUNT must be 1-9999';
        rule.count = Number(value);
        break;
      case 'UNTIL': {
        const until = parseUntil(value);
        if (!until) return 'UNTIL must be YYYYMMDD or YYYYMMDDTHHMMSSZ';
        rule.until = until;
        break;
      }
      case 'WKST':
        if (!(WEEKDAYS as readonly string[]).includes(value)) return 'WKST must be a weekday';
        break;
      case 'BYMONTH':
        if (!intList(value, 1, 12, false)) return 'BYMONTH must list months 1-12';
        break;
      case 'BYDAY': {
        const maxOrdinal = freq === 'MONTHLY' ? 5 : 53;
        for (const day of value.split(',')) {
          const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(day);
          if (!m) return `BYDAY value ${day} is not a weekday`;
          if (m[1] !== undefined) {
            const n = Number(m[1]);
            // RFC 5545: numbered weekdays only in MONTHLY and YEARLY rules, and not with BYWEEKNO.
            if (freq === 'DAILY' || freq === 'WEEKLY' || has('BYWEEKNO')) {
              return 'numbered weekdays (1TU) need FREQ=MONTHLY or FREQ=YEARLY';
            }
            if (n === 0 || Math.abs(n) > maxOrdinal) return `BYDAY ordinal ${m[1]} out of range`;
          }
        }
        break;
      }
      case 'BYMONTHDAY':
        // Daily rules walk one day at a time: an impossible day (30th of February) would stall.
        if (freq === 'DAILY' || freq === 'WEEKLY') return 'BYMONTHDAY needs FREQ=MONTHLY or FREQ=YEARLY';
        if (!intList(value, 1, 31, true)) return 'BYMONTHDAY must list days ±1-31';
        break;
      case 'BYYEARDAY':
        if (freq !== 'YEARLY') return 'BYYEARDAY needs FREQ=YEARLY';
        if (!intList(value, 1, 366, true)) return 'BYYEARDAY must list days ±1-366';
        break;
      case 'BYWEEKNO':
        if (freq !== 'YEARLY') return 'BYWEEKNO needs FREQ=YEARLY';
        if (!intList(value, 1, 53, true)) return 'BYWEEKNO must list weeks ±1-53';
        break;
      case 'BYSETPOS':
        if (freq !== 'MONTHLY' && freq !== 'YEARLY') return 'BYSETPOS needs FREQ=MONTHLY or FREQ=YEARLY';
        if (!intList(value, 1, 366, true)) return 'BYSETPOS must list positions ±1-366';
        if (!parts.some(([k]) => k.startsWith('BY') && k !== 'BYSETPOS')) {
          return 'BYSETPOS needs another BY… part';
        }
        break;
    }
  }
  if (rule.count !== undefined && rule.until !== undefined) return 'COUNT and UNTIL cannot both be given';
  if (freq === 'MONTHLY' && has('BYMONTHDAY') && has('BYMONTH') && !has('BYDAY') && !has('BYSETPOS')) {
    // The common mistake ("30th of February") caught without a walk to the year 9999.
    const days = intList(parts.find(([k]) => k === 'BYMONTHDAY')?.[1] ?? '', 1, 31, true) ?? [];
    const months = intList(parts.find(([k]) => k === 'BYMONTH')?.[1] ?? '', 1, 12, false) ?? [];
    const longest = Math.max(...months.map((mo) => [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 31));
    if (days.every((d) => Math.abs(d) > longest)) rule.neverMatches = 'BYMONTHDAY never falls in the BYMONTH months';
  }
  if (freq === 'MONTHLY' && has('BYSETPOS')) {
    // A month holds at most 31 days, 5 of a weekday, 1 "nth weekday": a position past that never exists.
    let size = 31;
    const monthDays = parts.find(([k]) => k === 'BYMONTHDAY')?.[1];
    if (monthDays) size = Math.min(size, monthDays.split(',').length);
    const days = parts.find(([k]) => k === 'BYDAY')?.[1];
    if (days) size = Math.min(size, days.split(',').reduce((sum, d) => sum + (/^[+-]?\d/.test(d) ? 1 : 5), 0));
    const positions = intList(parts.find(([k]) => k === 'BYSETPOS')?.[1] ?? '', 1, 366, true) ?? [];
    if (positions.every((p) => Math.abs(p) > size)) rule.neverMatches = 'BYSETPOS is past the end of every month';
  }
  return rule;
}

// ---------------------------------------------------------------------------------------
// Expansion
// ---------------------------------------------------------------------------------------

function parseDateParts(date: string): [number, number, number] {
  if (!isRealDate(date)) throw new RangeError(`Not an ISO date: ${date}`);
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function isRealDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function normalizeTime(time: string): string {
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(time);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new RangeError(`Not a time of day: ${time}`);
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

function weekdayOf(date: string): Weekday {
  const [y, m, d] = parseDateParts(date);
  const index = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return WEEKDAYS[index] ?? 'MO';
}

/** A local date + time as a floating instant: its UTC fields are the Helsinki wall clock. */
function floating(date: string, time: string): Date {
  const [y, m, d] = parseDateParts(date);
  const [h, mi] = normalizeTime(time).split(':').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, d, h, mi));
}

/** The Helsinki wall clock of a real instant, as a floating instant. */
function toFloating(instant: Date): Date {
  return floating(format(instant, 'yyyy-MM-dd', { in: helsinki }), format(instant, 'HH:mm', { in: helsinki }));
}

/** Helsinki local date 'YYYY-MM-DD' of an instant. */
export function helsinkiDate(instant: Date): string {
  return format(instant, 'yyyy-MM-dd', { in: helsinki });
}

/** Helsinki local time 'HH:MM' of an instant. */
export function helsinkiTime(instant: Date): string {
  return format(instant, 'HH:mm', { in: helsinki });
}

interface FloatingWalk {
  dates: Date[];
  /** True when more than `max` matched before the horizon. */
  overflow: boolean;
}

/** Floating occurrence dates from the first date up to the end of the horizon day. */
function walk(rule: ParsedRule, firstDate: string, time: string, horizon: string, from: string | null, max: number): FloatingWalk {
  if (rule.neverMatches) return { dates: [], overflow: false };
  const dtstart = floating(firstDate, time);
  let horizonEnd = floating(horizon, '23:59').getTime() + 59_999;
  if (rule.until?.kind === 'date') horizonEnd = Math.min(horizonEnd, floating(rule.until.date, '23:59').getTime() + 59_999);
  if (rule.until?.kind === 'instant') horizonEnd = Math.min(horizonEnd, toFloating(rule.until.at).getTime());
  const fromStart = from ? floating(from, '00:00').getTime() : Number.NEGATIVE_INFINITY;
  const body = rule.parts.filter(([k]) => k !== 'UNTIL').map(([k, v]) => `${k}=${v}`).join(';');
  const options: Partial<RRuleOptions> = { ...RRule.parseString(body), dtstart, tzid: null };
  // Bounding rrule's own UNTIL too lets it stop at the first date past the horizon.
  options.until = new Date(horizonEnd);
  const dates: Date[] = [];
  let walked = 0;
  let overflow = false;
  new RRule(options).all((date) => {
    walked += 1;
    if (date.getTime() > horizonEnd) return false;
    if (date.getTime() >= fromStart) {
      if (dates.length >= max) {
        overflow = true;
        return false;
      }
      dates.push(date);
    }
    if (walked > MAX_WALK) {
      overflow = true;
      return false;
    }
    return true;
  });
  return { dates, overflow };
}

function toOccurrence(date: Date, time: string, durationMinutes: number): Occurrence {
  const localDate = date.toISOString().slice(0, 10);
  const start = helsinkiWallClock(localDate, time);
  return {
    originalStart: new Date(start.getTime()),
    start,
    end: new Date(start.getTime() + durationMinutes * 60_000),
    localDate,
  };
}

/**
 * Occurrences of a series from its first date to the horizon (inclusive local date), each at
 * the same Helsinki wall-clock time. Throws RecurrenceError for an invalid rule or too many.
 */
export function expandSeries(
  pattern: SeriesPattern,
  horizon: string,
  options: { from?: string; limit?: number } = {},
): Occurrence[] {
  const rule = parseRule(pattern.rrule);
  if (typeof rule === 'string') throw new RecurrenceError('invalid', rule);
  if (!Number.isInteger(pattern.durationMinutes) || pattern.durationMinutes <= 0) {
    throw new RangeError(`Bad duration: ${pattern.durationMinutes}`);
  }
  const time = normalizeTime(pattern.localStartTime);
  parseDateParts(horizon);
  if (horizon < pattern.firstDate) return [];
  const limit = options.limit ?? MAX_OCCURRENCES;
  const { dates, overflow } = walk(rule, pattern.firstDate, time, horizon, options.from ?? null, limit);
  if (overflow) throw new RecurrenceError('too_many', `more than ${limit} occurrences before ${horizon}`);
  return dates.map((d) => toOccurrence(d, time, pattern.durationMinutes));
}

/** Checks a rule body a secretary entered: parseable, at least one and at most MAX_OCCURRENCES by the horizon. */
export function validateRule(body: string, firstDate: string, horizon: string): RuleValidation {
  const rule = parseRule(body);
  if (typeof rule === 'string') return { ok: false, code: 'invalid', message: rule };
  if (!isRealDate(firstDate)) return { ok: false, code: 'invalid', message: `first date ${firstDate} is not a date` };
  if (!isRealDate(horizon)) return { ok: false, code: 'invalid', message: `horizon ${horizon} is not a date` };
  if (horizon < firstDate) return { ok: false, code: 'empty', message: 'the horizon ends before the first date' };
  const { dates, overflow } = walk(rule, firstDate, '12:00', horizon, null, MAX_OCCURRENCES);
  if (overflow) {
    return { ok: false, code: 'too_many', message: `more than ${MAX_OCCURRENCES} occurrences before ${horizon}` };
  }
  if (dates.length === 0) {
    return { ok: false, code: 'empty', message: rule.neverMatches ?? `no occurrence between ${firstDate} and ${horizon}` };
  }
  return { ok: true, count: dates.length };
}

/** The body with COUNT/UNTIL replaced by UNTIL at the given instant (written in UTC, as RFC 5545 asks). */
export function withUntil(body: string, until: Date): string {
  const rule = parseRule(body);
  if (typeof rule === 'string') throw new RecurrenceError('invalid', rule);
  const stamp = until.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const kept = rule.parts.filter(([k]) => k !== 'UNTIL' && k !== 'COUNT').map(([k, v]) => `${k}=${v}`);
  return [...kept, `UNTIL=${stamp}`].join(';');
}

function withCount(body: string, count: number): string {
  const rule = parseRule(body);
  if (typeof rule === 'string') throw new RecurrenceError('invalid', rule);
  return rule.parts.map(([k, v]) => (k === 'COUNT' ? `COUNT=${count}` : `${k}=${v}`)).join(';');
}

// ---------------------------------------------------------------------------------------
// Series edits
// ---------------------------------------------------------------------------------------

export type SeriesEditScope = 'this' | 'following' | 'all';
export type OccurrenceStatus = 'planned' | 'invited' | 'held' | 'cancelled';

/** A materialised meeting of the series, as the planner needs to see it. */
export interface ExistingOccurrence {
  id: string;
  originalStart: Date;
  startsAt: Date;
  endsAt: Date;
  status: OccurrenceStatus;
  detached: boolean;
}

/** What the secretary changed; unset fields keep their current value. */
export interface SeriesEditChange {
  rrule?: string;
  /** New first date of the series ('all') or of the new series ('following'). */
  firstDate?: string;
  /** New date of the single occurrence ('this' only). */
  localDate?: string;
  localStartTime?: string;
  durationMinutes?: number;
}

export interface SeriesEditInput {
  scope: SeriesEditScope;
  series: SeriesPattern;
  /** The occurrence the secretary opened; required for 'this' and 'following'. */
  targetId?: string;
  /** Every meeting of the series, in any order. */
  existing: ExistingOccurrence[];
  change: SeriesEditChange;
  /** Materialise up to this local date (normally the series' materialised_until). */
  horizon: string;
  now: Date;
}

export interface PlannedUpdate {
  id: string;
  originalStart: Date;
  startsAt: Date;
  endsAt: Date;
  /** False when only non-time fields (place, title) change for this meeting. */
  timeChanged: boolean;
  /** True for a single-occurrence edit: later series edits must leave it alone. */
  detach: boolean;
}

export interface PlannedCreate {
  originalStart: Date;
  startsAt: Date;
  endsAt: Date;
  localDate: string;
}

export interface PlannedCancel {
  id: string;
  originalStart: Date;
  startsAt: Date;
}

export type SkipReason = 'held' | 'past' | 'cancelled' | 'detached';

export interface PlannedSkip {
  id: string;
  reason: SkipReason;
}

export interface SeriesEditPlan {
  scope: SeriesEditScope;
  /** 'all': the series' new pattern; 'following': the new series' pattern; 'this': unchanged. */
  series: SeriesPattern;
  /**
   * 'following' only: the old series ends just before the target (its new rule carries
   * UNTIL), and every meeting in `update` moves to the new series. Skipped ones stay.
   */
  split: { oldRrule: string; oldUntil: Date; oldKeepsOccurrences: boolean } | null;
  /** Apply new times and any place/title change to these. */
  update: PlannedUpdate[];
  create: PlannedCreate[];
  /** Occurrences the new rule no longer has. */
  cancel: PlannedCancel[];
  /** In-scope meetings left exactly as they are; the UI says why. */
  skipped: PlannedSkip[];
}

export type SeriesEditProblemCode = RuleProblemCode | 'target_not_found' | 'target_locked' | 'in_past' | 'overlap';
export type SeriesEditResult =
  | { ok: true; plan: SeriesEditPlan }
  | { ok: false; code: SeriesEditProblemCode; message: string };

function skipReason(meeting: ExistingOccurrence, now: Date): SkipReason | null {
  if (meeting.status === 'held') return 'held';
  if (meeting.startsAt.getTime() < now.getTime()) return 'past';
  if (meeting.status === 'cancelled') return 'cancelled';
  if (meeting.detached) return 'detached';
  return null;
}

function refuse(code: SeriesEditProblemCode, message: string): SeriesEditResult {
  return { ok: false, code, message };
}

const DAY_MS = 86_400_000;

/**
 * Pairs existing meetings with the new rule's occurrences: first by the same local date,
 * then, in time order, with the nearest occurrence within half the rule's shortest gap (so
 * "Tuesdays → Wednesdays" moves each meeting instead of cancelling and recreating it and
 * losing its agenda and replies).
 */
function pairOccurrences(existing: ExistingOccurrence[], fresh: Occurrence[]): Map<ExistingOccurrence, Occurrence> {
  const pairs = new Map<ExistingOccurrence, Occurrence>();
  const taken = new Set<Occurrence>();
  const byDate = new Map(fresh.map((o) => [o.localDate, o]));
  const sortedExisting = [...existing].sort((a, b) => a.originalStart.getTime() - b.originalStart.getTime());
  for (const meeting of sortedExisting) {
    const match = byDate.get(helsinkiDate(meeting.originalStart));
    if (match && !taken.has(match)) {
      pairs.set(meeting, match);
      taken.add(match);
    }
  }
  // Distances on the wall clock, so a DST change between two dates does not skew the window.
  const local = (d: Date) => toFloating(d).getTime();
  let minGap = 31 * DAY_MS;
  for (let i = 1; i < fresh.length; i++) {
    minGap = Math.min(minGap, local(fresh[i]!.originalStart) - local(fresh[i - 1]!.originalStart));
  }
  const window = minGap / 2;
  const restE = sortedExisting.filter((m) => !pairs.has(m));
  const restN = fresh.filter((o) => !taken.has(o));
  let i = 0;
  let j = 0;
  const dist = (m: ExistingOccurrence, o: Occurrence) => Math.abs(local(m.originalStart) - local(o.originalStart));
  while (i < restE.length && j < restN.length) {
    const m = restE[i]!;
    const o = restN[j]!;
    const d = dist(m, o);
    if (d < window) {
      const nextE = restE[i + 1];
      const nextN = restN[j + 1];
      if (nextE && dist(nextE, o) < d) {
        i += 1;
      } else if (nextN && dist(m, nextN) < d) {
        j += 1;
      } else {
        pairs.set(m, o);
        i += 1;
        j += 1;
      }
    } else if (m.originalStart.getTime() < o.originalStart.getTime()) {
      i += 1;
    } else {
      j += 1;
    }
  }
  return pairs;
}

function planThis(input: SeriesEditInput, target: ExistingOccurrence): SeriesEditResult {
  const { change, now } = input;
  const date = change.localDate ?? helsinkiDate(target.startsAt);
  const time = change.localStartTime ?? helsinkiTime(target.startsAt);
  const minutes = change.durationMinutes ?? Math.round((target.endsAt.getTime() - target.startsAt.getTime()) / 60_000);
  if (!isRealDate(date)) return refuse('invalid', `${date} is not a date`);
  const startsAt = helsinkiWallClock(date, normalizeTime(time));
  if (startsAt.getTime() < now.getTime()) return refuse('in_past', 'a meeting cannot be moved into the past');
  const endsAt = new Date(startsAt.getTime() + minutes * 60_000);
  const timeChanged = startsAt.getTime() !== target.startsAt.getTime() || endsAt.getTime() !== target.endsAt.getTime();
  return {
    ok: true,
    plan: {
      scope: 'this',
      series: input.series,
      split: null,
      update: [{ id: target.id, originalStart: target.originalStart, startsAt, endsAt, timeChanged, detach: true }],
      create: [],
      cancel: [],
      skipped: [],
    },
  };
}

/**
 * Plans an edit of one occurrence, of it and the following ones (splitting the series), or of
 * the whole series. Never touches held or past meetings; series-wide scopes skip individually
 * edited (detached) and individually cancelled ones and report them in `skipped`.
 */
export function planSeriesEdit(input: SeriesEditInput): SeriesEditResult {
  const { scope, series, existing, change, horizon, now } = input;
  const target = input.targetId ? existing.find((m) => m.id === input.targetId) : undefined;
  if (scope !== 'all' && !target) return refuse('target_not_found', `no meeting ${input.targetId ?? '(none)'} in the series`);
  if (target && scope !== 'all') {
    const locked = skipReason(target, now);
    if (locked === 'held' || locked === 'past' || locked === 'cancelled') {
      return refuse('target_locked', `meeting ${target.id} is ${locked}`);
    }
  }
  if (scope === 'this') return planThis(input, target!);

  const pivot = scope === 'following' ? target! : null;
  const pattern: SeriesPattern = {
    rrule: change.rrule !== undefined ? normalizeRule(change.rrule) : series.rrule,
    firstDate: change.firstDate ?? (pivot ? helsinkiDate(pivot.originalStart) : series.firstDate),
    localStartTime: change.localStartTime !== undefined ? normalizeTime(change.localStartTime) : series.localStartTime,
    durationMinutes: change.durationMinutes ?? series.durationMinutes,
  };

  let split: SeriesEditPlan['split'] = null;
  let inScope = existing;
  if (pivot) {
    const pivotAt = pivot.originalStart.getTime();
    const before = existing.filter((m) => m.originalStart.getTime() < pivotAt);
    inScope = existing.filter((m) => m.originalStart.getTime() >= pivotAt);
    const lastBefore = before.reduce<string | null>((acc, m) => {
      const d = helsinkiDate(m.originalStart);
      return acc === null || d > acc ? d : acc;
    }, null);
    if (lastBefore !== null && pattern.firstDate <= lastBefore) {
      return refuse('overlap', `the new series would start on or before ${lastBefore}, an occurrence of the old one`);
    }
    const oldRule = parseRule(series.rrule);
    if (typeof oldRule === 'string') return refuse('invalid', `the current rule is invalid: ${oldRule}`);
    if (change.rrule === undefined && oldRule.count !== undefined) {
      // The new series carries on counting where the old one stops.
      const done = expandSeries(series, helsinkiDate(new Date(pivotAt - 1000)), { limit: oldRule.count }).filter(
        (o) => o.originalStart.getTime() < pivotAt,
      ).length;
      pattern.rrule = withCount(series.rrule, Math.max(1, oldRule.count - done));
    }
    const oldUntil = new Date(pivotAt - 1000);
    split = { oldRrule: withUntil(series.rrule, oldUntil), oldUntil, oldKeepsOccurrences: before.length > 0 };
  }

  // Only the recent past matters (a meeting held this week covers this week's occurrence),
  // so a long-running series does not hit the per-horizon limit with years already past.
  const recent = helsinkiDate(new Date(now.getTime() - 31 * DAY_MS));
  let fresh: Occurrence[];
  try {
    fresh = expandSeries(pattern, horizon, { from: recent > pattern.firstDate ? recent : pattern.firstDate });
  } catch (error) {
    if (error instanceof RecurrenceError) return refuse(error.code, error.message);
    throw error;
  }
  if (!fresh.some((o) => o.start.getTime() >= now.getTime())) {
    return refuse('empty', `no occurrence between now and ${horizon}`);
  }

  const pairs = pairOccurrences(inScope, fresh);
  const covered = new Set(pairs.values());
  const plan: SeriesEditPlan = { scope, series: pattern, split, update: [], create: [], cancel: [], skipped: [] };
  const sorted = [...inScope].sort((a, b) => a.originalStart.getTime() - b.originalStart.getTime());
  for (const meeting of sorted) {
    const reason = skipReason(meeting, now);
    if (reason) {
      plan.skipped.push({ id: meeting.id, reason });
      continue;
    }
    const occurrence = pairs.get(meeting);
    if (!occurrence || occurrence.start.getTime() < now.getTime()) {
      plan.cancel.push({ id: meeting.id, originalStart: meeting.originalStart, startsAt: meeting.startsAt });
      continue;
    }
    plan.update.push({
      id: meeting.id,
      originalStart: occurrence.originalStart,
      startsAt: occurrence.start,
      endsAt: occurrence.end,
      timeChanged:
        occurrence.start.getTime() !== meeting.startsAt.getTime() || occurrence.end.getTime() !== meeting.endsAt.getTime(),
      detach: false,
    });
  }
  for (const occurrence of fresh) {
    if (covered.has(occurrence) || occurrence.start.getTime() < now.getTime()) continue;
    plan.create.push({
      originalStart: occurrence.originalStart,
      startsAt: occurrence.start,
      endsAt: occurrence.end,
      localDate: occurrence.localDate,
    });
  }
  return { ok: true, plan };
}
