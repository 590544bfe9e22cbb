/**
 * iCalendar (RFC 5545) output for meeting invitations, cancellations and calendar feeds.
 *
 * Written by hand rather than with a library: we need only VCALENDAR + VTIMEZONE + VEVENT,
 * and the parts that go wrong are exactly the ones worth owning and testing here: TEXT
 * escaping (backslash, comma, semicolon, newline), folding lines at 75 OCTETS (not characters,
 * and never inside a multi-byte UTF-8 character such as ä or ö), and CRLF line endings.
 *
 * Conventions that Outlook, Google Calendar and Apple Calendar all understand (RFC 5546 iTIP):
 * - Every meeting keeps one UID for life (meetings.ics_uid). Occurrences of a series are sent
 *   as separate events with their own UIDs, not as one RRULE event: occurrences are moved,
 *   held and cancelled one by one, and every client handles plain events the same way.
 * - Invitation: METHOD:REQUEST, ORGANIZER, one ATTENDEE per invitee with
 *   PARTSTAT=NEEDS-ACTION and RSVP=TRUE, the meeting's current SEQUENCE.
 * - Change (time, place): METHOD:REQUEST again, same UID, HIGHER SEQUENCE, fresh DTSTAMP.
 *   Outlook ignores an update whose SEQUENCE is not higher than the one it has.
 * - Cancellation: METHOD:CANCEL, same UID, raised SEQUENCE, STATUS:CANCELLED.
 * - Feed (subscription URL): METHOD:PUBLISH, no ATTENDEEs (the feed must not leak addresses);
 *   a cancelled meeting stays in the feed with STATUS:CANCELLED so subscribers drop it.
 * - Times: DTSTART/DTEND with TZID=Europe/Helsinki plus a full VTIMEZONE (Outlook needs the
 *   definition; Google and Apple use the IANA name); DTSTAMP and LAST-MODIFIED in UTC.
 * - Mail: send as `text/calendar; method=REQUEST; charset=UTF-8` (the method must match),
 *   which Outlook requires to show the accept/decline buttons.
 */
import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { TIME_ZONE } from '~/lib/dates';

const helsinki = tz(TIME_ZONE);

export type IcsMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';
export type IcsStatus = 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
export type IcsRole = 'REQ-PARTICIPANT' | 'OPT-PARTICIPANT';
export type IcsPartstat = 'NEEDS-ACTION' | 'ACCEPTED' | 'DECLINED';

export interface IcsPerson {
  name: string;
  email: string;
}

export interface IcsAttendee extends IcsPerson {
  role: IcsRole;
  partstat?: IcsPartstat;
}

export interface IcsEvent {
  uid: string;
  sequence: number;
  start: Date;
  end: Date;
  summary: string;
  /** RFC 5545 LANGUAGE of the SUMMARY (e.g. sv for a Swedish title), when not the calendar's default. */
  summaryLanguage?: string;
  description?: string;
  location?: string;
  url?: string;
  status: IcsStatus;
  organizer?: IcsPerson;
  attendees?: IcsAttendee[];
  lastModified?: Date;
  /** Only for an instance of a recurring event sent with its master's UID; our meetings have their own UIDs. */
  recurrenceId?: Date;
}

export interface IcsCalendar {
  method?: IcsMethod;
  /** Shown as the calendar's name by clients that subscribe to a feed. */
  name?: string;
  events: IcsEvent[];
  /** DTSTAMP of every event: when this object was made. Defaults to now. */
  now?: Date;
  /** How often subscribers should refetch a feed, in minutes. */
  refreshMinutes?: number;
}

export const ICS_PRODID = '-//Neuvos//Neuvos meetings//FI';
export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8';

// Europe/Helsinki under the EU rules in force since 1996: EET (+02:00) in winter, EEST (+03:00) from the last Sunday of
// March 03:00 local to the last Sunday of October 04:00 local (both are 01:00 UTC).
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  `X-LIC-LOCATION:${TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0300',
  'TZNAME:EEST',
  'DTSTART:19700329T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0300',
  'TZOFFSETTO:+0200',
  'TZNAME:EET',
  'DTSTART:19701025T040000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

// RFC 5545 TEXT allows no control characters except HTAB; newlines are escaped separately.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Escapes a TEXT value (SUMMARY, DESCRIPTION, LOCATION, X-WR-CALNAME). */
export function escapeText(value: string): string {
  return value
    .replace(CONTROL, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A parameter value (CN): no DQUOTE is possible inside, so it becomes an apostrophe. */
function paramValue(value: string): string {
  const clean = value.replace(/\r\n|\r|\n/g, ' ').replace(CONTROL, '').replace(/"/g, "'");
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/** A URI value: not TEXT-escaped, but it must stay on one logical line. */
function uriValue(value: string): string {
  return value.replace(/[\r\n]/g, '').replace(CONTROL, '');
}

function utcStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function helsinkiStamp(date: Date): string {
  return format(date, "yyyyMMdd'T'HHmmss", { in: helsinki });
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/** Folds one content line into pieces of at most 75 octets, splitting only between characters. */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0) ?? 0);
    // Continuation lines begin with a space, which counts towards their 75 octets.
    const room = pieces.length === 0 ? 75 : 74;
    if (octets + size > room) {
      pieces.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

function person(name: string, email: string): string {
  return `CN=${paramValue(name)}:mailto:${uriValue(email.trim())}`;
}

function eventLines(event: IcsEvent, method: IcsMethod | undefined, now: Date): string[] {
  if (!event.uid.trim() || /[\r\n]/.test(event.uid)) throw new RangeError(`Bad UID: ${JSON.stringify(event.uid)}`);
  if (!Number.isInteger(event.sequence) || event.sequence < 0) throw new RangeError(`Bad SEQUENCE: ${event.sequence}`);
  if (event.end.getTime() < event.start.getTime()) throw new RangeError(`Event ${event.uid} ends before it starts`);
  if ((method === 'REQUEST' || method === 'CANCEL') && !event.organizer) {
    throw new RangeError(`METHOD:${method} needs an ORGANIZER (event ${event.uid})`);
  }
  // A CANCEL whose event still says CONFIRMED is read as an update by some clients.
  const status: IcsStatus = method === 'CANCEL' ? 'CANCELLED' : event.status;
  const lines = [
    'BEGIN:VEVENT',
    `UID:${uriValue(event.uid)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utcStamp(now)}`,
    `DTSTART;TZID=${TIME_ZONE}:${helsinkiStamp(event.start)}`,
    `DTEND;TZID=${TIME_ZONE}:${helsinkiStamp(event.end)}`,
  ];
  if (event.recurrenceId) lines.push(`RECURRENCE-ID;TZID=${TIME_ZONE}:${helsinkiStamp(event.recurrenceId)}`);
  const summaryLanguage = event.summaryLanguage && /^[a-z]{2}$/.test(event.summaryLanguage) ? `;LANGUAGE=${event.summaryLanguage}` : '';
  lines.push(`SUMMARY${summaryLanguage}:${escapeText(event.summary)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.url) lines.push(`URL:${uriValue(event.url)}`);
  lines.push(`STATUS:${status}`);
  if (event.organizer) lines.push(`ORGANIZER;${person(event.organizer.name, event.organizer.email)}`);
  for (const attendee of event.attendees ?? []) {
    const partstat = attendee.partstat ?? 'NEEDS-ACTION';
    const rsvp = method === 'REQUEST' ? ';RSVP=TRUE' : '';
    lines.push(
      `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=${attendee.role};PARTSTAT=${partstat}${rsvp};${person(attendee.name, attendee.email)}`,
    );
  }
  if (event.lastModified) lines.push(`LAST-MODIFIED:${utcStamp(event.lastModified)}`);
  lines.push('TRANSP:OPAQUE', 'END:VEVENT');
  return lines;
}

/** A complete VCALENDAR (CRLF line endings, folded) with the Helsinki VTIMEZONE and the events. */
export function buildCalendar(calendar: IcsCalendar): string {
  const now = calendar.now ?? new Date();
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${ICS_PRODID}`, 'CALSCALE:GREGORIAN'];
  if (calendar.method) lines.push(`METHOD:${calendar.method}`);
  if (calendar.name) lines.push(`X-WR-CALNAME:${escapeText(calendar.name)}`);
  lines.push(`X-WR-TIMEZONE:${TIME_ZONE}`);
  if (calendar.refreshMinutes && calendar.refreshMinutes > 0) {
    const minutes = Math.round(calendar.refreshMinutes);
    // RFC 7986 REFRESH-INTERVAL for Apple and Google, X-PUBLISHED-TTL for Outlook.
    lines.push(`REFRESH-INTERVAL;VALUE=DURATION:PT${minutes}M`, `X-PUBLISHED-TTL:PT${minutes}M`);
  }
  lines.push(...VTIMEZONE);
  for (const event of calendar.events) lines.push(...eventLines(event, calendar.method, now));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
