import ICAL from 'ical.js';
import { getDb } from '../../db/client.server';
import { meetings, type NewCouncil, type NewMeeting } from '../../db/schema';
import { helsinkiWallClock } from '../../app/lib/dates';
import { buildCategory, buildCouncilWithRoster, buildMeeting, buildMembership, buildPerson } from './index';
import { buildUser } from '../support/requests';

/** A local date `days` from today in Helsinki, 'YYYY-MM-DD'. */
export function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Helsinki' });
}

/**
 * A council with a roster fit for invitations: seat 1 (Maija, member, with personal deputy
 * Veikko), seat 2 (a member without deputy), a chair, and a member without an email address.
 * Users: the secretary (grant), Maija and Veikko (signed in through their person), an outsider.
 */
export async function buildCalendarCouncil(over: Partial<NewCouncil> = {}) {
  const base = await buildCouncilWithRoster(over);
  const category2 = await buildCategory(base.term.id, { position: 2, nameFi: 'Mielenterveys' });
  const secondPerson = await buildPerson({ givenName: 'Sanna' });
  const second = await buildMembership(base.term.id, secondPerson.id, { categoryId: category2.id, startDate: '2020-01-01' });
  const chairPerson = await buildPerson({ givenName: 'Paula' });
  await buildMembership(base.term.id, chairPerson.id, { role: 'chair', startDate: '2020-01-01' });
  const noEmailPerson = await buildPerson({ givenName: 'Eino', email: null });
  await buildMembership(base.term.id, noEmailPerson.id, { categoryId: category2.id, startDate: '2020-01-01' });
  const secretary = await buildUser({ grants: [{ role: 'secretary', councilId: base.council.id }] });
  const memberUser = await buildUser({ personId: base.memberPerson.id });
  const deputyUser = await buildUser({ personId: base.deputyPerson.id });
  const outsider = await buildUser({ personId: (await buildPerson({ givenName: 'Olli' })).id });
  return { ...base, category2, secondPerson, second, chairPerson, noEmailPerson, secretary, memberUser, deputyUser, outsider };
}

/** A meeting at a Helsinki wall-clock time. */
export async function buildMeetingAt(councilId: string, date: string, time = '13:00', over: Partial<NewMeeting> = {}) {
  const startsAt = helsinkiWallClock(date, time);
  return buildMeeting(councilId, { startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3_600_000), address: 'Testikatu 1', ...over });
}

/** Reads one meeting row back. */
export async function reloadMeeting(id: string) {
  const { eq } = await import('drizzle-orm');
  const [row] = await getDb().select().from(meetings).where(eq(meetings.id, id));
  return row!;
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const soft = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    const ch = soft[i]!;
    if (ch === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(ch, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

export interface MimePart {
  headers: string;
  contentType: string;
  body: string;
}

/** The leaf parts of a raw MIME message, decoded (base64 and quoted-printable). */
export function mimeParts(raw: string): MimePart[] {
  const boundaries = [...raw.matchAll(/boundary="?([^";\r\n]+)"?/gi)].map((m) => m[1]!);
  const escaped = boundaries.map((b) => b.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  // A single-part message is its own only part.
  const chunks = boundaries.length ? raw.split(new RegExp(`\\r?\\n--(?:${escaped})(?:--)?[ \\t]*(?=\\r?\\n|$)`)) : ['', raw];
  const parts: MimePart[] = [];
  for (const chunk of chunks.slice(1)) {
    const split = chunk.search(/\r?\n\r?\n/);
    if (split < 0) continue;
    const headers = chunk.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
    const contentType = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim() ?? '';
    if (/^multipart\//i.test(contentType)) continue;
    const encoding = /content-transfer-encoding:\s*([^\s;]+)/i.exec(headers)?.[1]?.toLowerCase();
    const rawBody = chunk.slice(split).replace(/^\r?\n\r?\n/, '');
    const body =
      encoding === 'base64'
        ? Buffer.from(rawBody.replace(/\s+/g, ''), 'base64').toString('utf8')
        : encoding === 'quoted-printable'
          ? decodeQuotedPrintable(rawBody)
          : rawBody;
    parts.push({ headers, contentType, body });
  }
  return parts;
}

/** The text/calendar part of a mail (the one that carries `method=`). */
export function icsOf(raw: string): { contentType: string; text: string } {
  const part = mimeParts(raw).find((p) => /^text\/calendar/i.test(p.contentType));
  if (!part) throw new Error('no text/calendar part in the message');
  return { contentType: part.contentType, text: part.body };
}

/** The plain-text body of a mail. */
export function textOf(raw: string): string {
  return mimeParts(raw).find((p) => /^text\/plain/i.test(p.contentType))?.body ?? '';
}

/** Parses iCalendar text with ical.js, reading times through the file's own VTIMEZONE. */
export function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vtimezone = calendar.getFirstSubcomponent('vtimezone');
  if (vtimezone) ICAL.TimezoneService.register(vtimezone);
  const events = calendar.getAllSubcomponents('vevent').map((component) => ({ component, event: new ICAL.Event(component) }));
  return { calendar, events };
}
