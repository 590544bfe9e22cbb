/**
 * Meeting fees and travel claims: pure computation from a council's fee rule, the recorded
 * attendance and the meeting's length. Money is integer cents throughout. Drizzle-free, so the
 * browser may import it too.
 */

export type FeeRuleKind = 'none' | 'per_meeting';

export interface FeeRule {
  kind: FeeRuleKind;
  validFrom: string;
  validTo: string | null;
  meetingFeeCents: number;
  chairSupplementCents: number;
  secretarySupplementCents: number;
  /** False: the secretary attends as an employee and gets no fee line. */
  paySecretary: boolean;
  longMeetingAfterMinutes: number | null;
  longMeetingSupplementCents: number;
  kmRateCents: number;
}

/** Attendance roles as the minutes record them (db enum attendance_role). */
export type AttendanceRole = 'member' | 'deputy' | 'chair' | 'secretary' | 'expert' | 'other';

/** Roles that earn a meeting fee: invited experts and other guests attend in another capacity. */
export const FEE_ROLES: readonly AttendanceRole[] = ['member', 'deputy', 'chair', 'secretary'];

export interface FeeAttendee {
  personId: string;
  name: string;
  role: AttendanceRole;
  present: boolean;
}

export interface ClaimAmounts {
  km: number;
  ticketCents: number;
  accessibilityCents: number;
}

export interface FeeLine {
  personId: string;
  name: string;
  role: AttendanceRole;
  feeCents: number;
  chairCents: number;
  secretaryCents: number;
  longMeetingCents: number;
  km: number;
  kmCents: number;
  ticketCents: number;
  accessibilityCents: number;
  totalCents: number;
}

/** The rule in force on a date (YYYY-MM-DD); the latest-starting one wins if periods overlap. */
export function ruleOn<R extends Pick<FeeRule, 'validFrom' | 'validTo'>>(rules: readonly R[], date: string): R | null {
  let found: R | null = null;
  for (const r of rules) {
    if (r.validFrom <= date && (r.validTo === null || r.validTo >= date) && (!found || r.validFrom > found.validFrom))
      found = r;
  }
  return found;
}

/** Do two validity periods share a day? (null end: open-ended) */
export function periodsOverlap(
  a: { validFrom: string; validTo: string | null },
  b: { validFrom: string; validTo: string | null },
): boolean {
  const aEnd = a.validTo ?? '9999-12-31';
  const bEnd = b.validTo ?? '9999-12-31';
  return a.validFrom <= bEnd && b.validFrom <= aEnd;
}

/**
 * The meeting's length in whole minutes: from the minutes' recorded opening and closing times
 * when both are there, else from the schedule.
 */
export function meetingLength(m: {
  openedAt: Date | string | null;
  closedAt: Date | string | null;
  startsAt: Date | string;
  endsAt: Date | string;
}): {
  minutes: number;
  source: 'recorded' | 'scheduled';
} {
  const ms = (v: Date | string) => new Date(v).getTime();
  if (m.openedAt && m.closedAt && ms(m.closedAt) >= ms(m.openedAt)) {
    return { minutes: Math.floor((ms(m.closedAt) - ms(m.openedAt)) / 60_000), source: 'recorded' };
  }
  return { minutes: Math.max(0, Math.floor((ms(m.endsAt) - ms(m.startsAt)) / 60_000)), source: 'scheduled' };
}

const clampCents = (n: number) => (Number.isFinite(n) && n > 0 ? Math.round(n) : 0);

/**
 * One line per person present in a fee-earning role: the meeting fee, the chair's supplement
 * (whoever chaired, a vice-chair acting as chair included), the secretary's supplement, the
 * long-meeting supplement (the secretary only when the rule pays them), and their approved travel claim (km × rate, tickets, accessibility
 * costs). A `none` rule, or no rule at all, pays nothing: no lines.
 */
export function computeMeetingFees(
  rule: Omit<FeeRule, 'validFrom' | 'validTo'> | null,
  lengthMinutes: number,
  attendees: readonly FeeAttendee[],
  approvedClaims: ReadonlyMap<string, ClaimAmounts> = new Map(),
): FeeLine[] {
  if (!rule || rule.kind === 'none') return [];
  const long = rule.longMeetingAfterMinutes !== null && lengthMinutes > rule.longMeetingAfterMinutes;
  const seen = new Set<string>();
  const lines: FeeLine[] = [];
  for (const a of attendees) {
    if (!a.present || !FEE_ROLES.includes(a.role) || seen.has(a.personId)) continue;
    if (a.role === 'secretary' && !rule.paySecretary) continue;
    seen.add(a.personId);
    const claim = approvedClaims.get(a.personId);
    const km = claim ? Math.max(0, Math.floor(claim.km)) : 0;
    const line = {
      personId: a.personId,
      name: a.name,
      role: a.role,
      feeCents: clampCents(rule.meetingFeeCents),
      chairCents: a.role === 'chair' ? clampCents(rule.chairSupplementCents) : 0,
      secretaryCents: a.role === 'secretary' ? clampCents(rule.secretarySupplementCents) : 0,
      longMeetingCents: long ? clampCents(rule.longMeetingSupplementCents) : 0,
      km,
      kmCents: clampCents(km * rule.kmRateCents),
      ticketCents: clampCents(claim?.ticketCents ?? 0),
      accessibilityCents: clampCents(claim?.accessibilityCents ?? 0),
    };
    const totalCents =
      line.feeCents +
      line.chairCents +
      line.secretaryCents +
      line.longMeetingCents +
      line.kmCents +
      line.ticketCents +
      line.accessibilityCents;
    lines.push({ ...line, totalCents });
  }
  return lines;
}

/** Cents as euros with two decimals and a dot ("1234.50"), as payroll systems read them. */
export function centsToEuros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Cents for a person to read: "1 234,50 €" in Finnish and Swedish, "€1,234.50" in English. */
export function formatEuros(cents: number, locale: 'fi' | 'sv' | 'en'): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-IE' : locale === 'sv' ? 'sv-FI' : 'fi-FI', {
    style: 'currency',
    currency: 'EUR',
  }).format(cents / 100);
}

/**
 * Euros as typed by a person ("12", "12,5", "12.50", "1 234,50") to cents; null when it is
 * not a non-negative amount with at most two decimals.
 */
export function parseEuros(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0€]/g, '').replace(',', '.');
  if (cleaned === '') return 0;
  const m = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

/** The quarter (1-4) of a YYYY-MM-DD date. */
export function quarterOf(date: string): { year: number; quarter: 1 | 2 | 3 | 4 } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return { year, quarter: (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4 };
}

/** First and last day of a quarter, YYYY-MM-DD. */
export function quarterRange(year: number, quarter: 1 | 2 | 3 | 4): { from: string; to: string } {
  const startMonth = (quarter - 1) * 3 + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${year}-${pad(startMonth)}-01`, to: `${year}-${pad(endMonth)}-${pad(lastDay)}` };
}

/** The last `count` quarters up to and including the one of `today`, newest first (the page's quarter picker). */
export function recentQuarters(
  today: string,
  count = 6,
): Array<{ year: number; quarter: 1 | 2 | 3 | 4; from: string; to: string }> {
  let { year, quarter } = quarterOf(today);
  const out: Array<{ year: number; quarter: 1 | 2 | 3 | 4; from: string; to: string }> = [];
  for (let i = 0; i < count; i++) {
    out.push({ year, quarter, ...quarterRange(year, quarter) });
    if (quarter === 1) {
      year -= 1;
      quarter = 4;
    } else quarter = (quarter - 1) as 1 | 2 | 3;
  }
  return out;
}

/** The CSV columns of the payroll export, in order. */
export const FEE_EXPORT_HEADER = [
  'person',
  'meeting_date',
  'meeting',
  'role',
  'meeting_fee',
  'chair_supplement',
  'secretary_supplement',
  'long_meeting_supplement',
  'km',
  'km_amount',
  'tickets',
  'accessibility_costs',
  'total',
] as const;

/** One export row per fee line (amounts in euros with a dot). */
export function feeExportRow(meeting: { date: string; title: string }, line: FeeLine): Array<string | number> {
  return [
    line.name,
    meeting.date,
    meeting.title,
    line.role,
    centsToEuros(line.feeCents),
    centsToEuros(line.chairCents),
    centsToEuros(line.secretaryCents),
    centsToEuros(line.longMeetingCents),
    line.km,
    centsToEuros(line.kmCents),
    centsToEuros(line.ticketCents),
    centsToEuros(line.accessibilityCents),
    centsToEuros(line.totalCents),
  ];
}
