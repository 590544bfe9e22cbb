import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine, type IcsEvent } from './ics';

const NOW = new Date('2026-01-10T08:30:00Z');

function event(overrides: Partial<IcsEvent> = {}): IcsEvent {
  return {
    uid: 'meeting-1@neuvos.example',
    sequence: 0,
    start: new Date('2026-01-14T11:00:00Z'), // 13:00 in Helsinki (EET)
    end: new Date('2026-01-14T13:00:00Z'),
    summary: 'Järjestöneuvottelukunnan kokous',
    status: 'CONFIRMED',
    ...overrides,
  };
}

const organizer = { name: 'Sari Sihteeri', email: 'sari@hyvinvointialue.example' };

/** Parses with ical.js and registers our own VTIMEZONE, so times are read through it. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vtimezone = calendar.getFirstSubcomponent('vtimezone');
  if (!vtimezone) throw new Error('no VTIMEZONE');
  ICAL.TimezoneService.register(vtimezone);
  const events = calendar.getAllSubcomponents('vevent').map((c) => ({ component: c, event: new ICAL.Event(c) }));
  return { calendar, events };
}

function only<T>(list: T[]): T {
  expect(list).toHaveLength(1);
  return list[0] as T;
}

describe('buildCalendar', () => {
  it('writes the calendar header, the Helsinki VTIMEZONE and CRLF line endings', () => {
    const text = buildCalendar({ method: 'PUBLISH', name: 'Kokoukset, JNK', events: [event()], now: NOW });
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const { calendar } = parse(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    // X-WR-CALNAME is TEXT for Apple, Google and Outlook; ical.js leaves X- values unparsed, so check the raw line.
    expect(text).toContain('\r\nX-WR-CALNAME:Kokoukset\\, JNK\r\n');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Helsinki');
    const vtimezone = calendar.getFirstSubcomponent('vtimezone')!;
    expect(vtimezone.getFirstPropertyValue('tzid')).toBe('Europe/Helsinki');
    const daylight = vtimezone.getFirstSubcomponent('daylight')!;
    const standard = vtimezone.getFirstSubcomponent('standard')!;
    expect(daylight.getFirstPropertyValue('tzname')).toBe('EEST');
    expect(String(daylight.getFirstPropertyValue('rrule'))).toBe('FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(standard.getFirstPropertyValue('tzname')).toBe('EET');
    expect(String(standard.getFirstPropertyValue('rrule'))).toBe('FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
  });

  it('omits METHOD and the calendar name when not given, and can ask feeds to refresh', () => {
    const plain = buildCalendar({ events: [event()], now: NOW });
    expect(plain).not.toContain('METHOD:');
    expect(plain).not.toContain('X-WR-CALNAME');
    const feed = buildCalendar({ method: 'PUBLISH', events: [], now: NOW, refreshMinutes: 60 });
    expect(feed).toContain('\r\nREFRESH-INTERVAL;VALUE=DURATION:PT60M\r\n');
    expect(feed).toContain('\r\nX-PUBLISHED-TTL:PT60M\r\n');
  });

  it('writes DTSTART/DTEND as Helsinki local times that resolve to the right instants in winter and summer', () => {
    const winter = event({ uid: 'w@x', start: new Date('2026-01-14T11:00:00Z'), end: new Date('2026-01-14T13:00:00Z') });
    const summer = event({ uid: 's@x', start: new Date('2026-06-02T10:00:00Z'), end: new Date('2026-06-02T12:00:00Z') });
    const text = buildCalendar({ events: [winter, summer], now: NOW });
    expect(text).toContain('\r\nDTSTART;TZID=Europe/Helsinki:20260114T130000\r\n');
    expect(text).toContain('\r\nDTSTART;TZID=Europe/Helsinki:20260602T130000\r\n');
    const { events } = parse(text);
    const [w, s] = events;
    for (const [parsed, source] of [
      [w!, winter],
      [s!, summer],
    ] as const) {
      expect(parsed.component.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Helsinki');
      expect(parsed.event.startDate.hour).toBe(13);
      expect(parsed.event.startDate.toJSDate().toISOString()).toBe(source.start.toISOString());
      expect(parsed.event.endDate.toJSDate().toISOString()).toBe(source.end.toISOString());
    }
  });

  it('resolves times on the DST change days themselves', () => {
    const march = event({ uid: 'm@x', start: new Date('2026-03-29T10:00:00Z'), end: new Date('2026-03-29T11:00:00Z') });
    const october = event({ uid: 'o@x', start: new Date('2026-10-25T11:00:00Z'), end: new Date('2026-10-25T12:00:00Z') });
    const { events } = parse(buildCalendar({ events: [march, october], now: NOW }));
    expect(events.map((e) => e.event.startDate.hour)).toEqual([13, 13]);
    expect(events.map((e) => e.event.startDate.toJSDate().toISOString())).toEqual([
      '2026-03-29T10:00:00.000Z',
      '2026-10-25T11:00:00.000Z',
    ]);
  });

  it('writes UID, SEQUENCE, DTSTAMP in UTC, STATUS, LOCATION, URL and LAST-MODIFIED', () => {
    const text = buildCalendar({
      events: [
        event({
          sequence: 3,
          location: 'Kaupungintalo, Sali 2',
          url: 'https://neuvos.example/meetings/1',
          lastModified: new Date('2026-01-09T07:00:00Z'),
        }),
      ],
      now: NOW,
    });
    expect(text).toContain('\r\nDTSTAMP:20260110T083000Z\r\n');
    const { component, event: parsed } = only(parse(text).events);
    expect(parsed.uid).toBe('meeting-1@neuvos.example');
    expect(parsed.sequence).toBe(3);
    expect(parsed.location).toBe('Kaupungintalo, Sali 2');
    expect(component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(component.getFirstPropertyValue('url')).toBe('https://neuvos.example/meetings/1');
    expect(String(component.getFirstPropertyValue('dtstamp'))).toBe('2026-01-10T08:30:00Z');
    expect(String(component.getFirstPropertyValue('last-modified'))).toBe('2026-01-09T07:00:00Z');
  });

  it('escapes commas, semicolons, backslashes and newlines in SUMMARY and DESCRIPTION', () => {
    const summary = 'Kokous; esityslista, osa 1 \\ liite';
    const description = 'Rivi 1\nRivi 2, jossa pilkku; ja puolipiste\r\nRivi 3';
    const text = buildCalendar({ events: [event({ summary, description })], now: NOW });
    expect(text).toContain('SUMMARY:Kokous\\; esityslista\\, osa 1 \\\\ liite\r\n');
    expect(text).toContain('DESCRIPTION:Rivi 1\\nRivi 2\\, jossa pilkku\\; ja puolipiste\\nRivi 3\r\n');
    const { event: parsed } = only(parse(text).events);
    expect(parsed.summary).toBe(summary);
    expect(parsed.description).toBe('Rivi 1\nRivi 2, jossa pilkku; ja puolipiste\nRivi 3');
  });

  it('folds long lines at 75 octets without splitting ä, ö or an emoji', () => {
    const description = `${'Äänestys päätöksestä ja öljylämmityksestä. '.repeat(12)}🙂 ${'ö'.repeat(80)}`;
    const text = buildCalendar({ events: [event({ description, summary: 'ä'.repeat(100) })], now: NOW });
    const lines = text.split('\r\n');
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    for (const line of lines) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      // A split inside a character would leave a lone surrogate or a replacement character.
      expect(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(line, 'utf8'))).toBe(line);
      expect(line).not.toMatch(/[\ud800-\udfff]/u);
    }
    const { event: parsed } = only(parse(text).events);
    expect(parsed.description).toBe(description);
    expect(parsed.summary).toBe('ä'.repeat(100));
  });

  it('writes an invitation as METHOD:REQUEST with ORGANIZER and ATTENDEEs asked to reply', () => {
    const text = buildCalendar({
      method: 'REQUEST',
      events: [
        event({
          organizer,
          attendees: [
            { name: 'Matti Meikäläinen, pj.', email: 'matti@yhdistys.example', role: 'REQ-PARTICIPANT' },
            { name: 'Liisa Varajäsen', email: 'liisa@yhdistys.example', role: 'OPT-PARTICIPANT', partstat: 'ACCEPTED' },
          ],
        }),
      ],
      now: NOW,
    });
    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const { component } = only(events);
    const org = component.getFirstProperty('organizer')!;
    expect(org.getFirstValue()).toBe('mailto:sari@hyvinvointialue.example');
    expect(org.getParameter('cn')).toBe('Sari Sihteeri');
    const attendees = component.getAllProperties('attendee');
    expect(attendees.map((a) => a.getFirstValue())).toEqual(['mailto:matti@yhdistys.example', 'mailto:liisa@yhdistys.example']);
    expect(attendees.map((a) => a.getParameter('cn'))).toEqual(['Matti Meikäläinen, pj.', 'Liisa Varajäsen']);
    expect(attendees.map((a) => a.getParameter('role'))).toEqual(['REQ-PARTICIPANT', 'OPT-PARTICIPANT']);
    expect(attendees.map((a) => a.getParameter('partstat'))).toEqual(['NEEDS-ACTION', 'ACCEPTED']);
    expect(attendees.map((a) => a.getParameter('rsvp'))).toEqual(['TRUE', 'TRUE']);
  });

  it('writes a change as a REQUEST with the same UID and a higher SEQUENCE', () => {
    const first = parse(buildCalendar({ method: 'REQUEST', events: [event({ organizer })], now: NOW }));
    const moved = event({ organizer, sequence: 1, start: new Date('2026-01-15T11:00:00Z'), end: new Date('2026-01-15T13:00:00Z') });
    const second = parse(buildCalendar({ method: 'REQUEST', events: [moved], now: NOW }));
    const a = only(first.events).event;
    const b = only(second.events).event;
    expect(b.uid).toBe(a.uid);
    expect(b.sequence).toBeGreaterThan(a.sequence);
    expect(b.startDate.toJSDate().toISOString()).toBe('2026-01-15T11:00:00.000Z');
  });

  it('writes a cancellation as METHOD:CANCEL with STATUS:CANCELLED, whatever the event said', () => {
    const text = buildCalendar({
      method: 'CANCEL',
      events: [event({ organizer, sequence: 2, status: 'CONFIRMED', attendees: [{ ...organizer, role: 'REQ-PARTICIPANT' }] })],
      now: NOW,
    });
    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    const { component, event: parsed } = only(events);
    expect(component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(parsed.uid).toBe('meeting-1@neuvos.example');
    expect(parsed.sequence).toBe(2);
    // RSVP is asked only in a REQUEST.
    expect(component.getFirstProperty('attendee')!.getParameter('rsvp')).toBeUndefined();
  });

  it('keeps a cancelled meeting in a feed as STATUS:CANCELLED', () => {
    const { component } = only(parse(buildCalendar({ method: 'PUBLISH', events: [event({ status: 'CANCELLED' })], now: NOW })).events);
    expect(component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(component.getFirstProperty('organizer')).toBeNull();
  });

  it('writes RECURRENCE-ID in Helsinki time when given', () => {
    const text = buildCalendar({ events: [event({ recurrenceId: new Date('2026-06-02T10:00:00Z') })], now: NOW });
    expect(text).toContain('\r\nRECURRENCE-ID;TZID=Europe/Helsinki:20260602T130000\r\n');
    const { event: parsed } = only(parse(text).events);
    expect(parsed.recurrenceId.toJSDate().toISOString()).toBe('2026-06-02T10:00:00.000Z');
  });

  it('refuses an iTIP message without an organizer and events with a bad UID or SEQUENCE', () => {
    expect(() => buildCalendar({ method: 'REQUEST', events: [event()], now: NOW })).toThrow(/ORGANIZER/);
    expect(() => buildCalendar({ method: 'CANCEL', events: [event()], now: NOW })).toThrow(/ORGANIZER/);
    expect(() => buildCalendar({ events: [event({ uid: ' ' })], now: NOW })).toThrow(/UID/);
    expect(() => buildCalendar({ events: [event({ sequence: -1 })], now: NOW })).toThrow(/SEQUENCE/);
    expect(() => buildCalendar({ events: [event({ end: new Date('2026-01-14T10:00:00Z') })], now: NOW })).toThrow(/ends before/);
  });

  it('cannot be broken out of a property by newlines in names or URLs', () => {
    const text = buildCalendar({
      method: 'REQUEST',
      events: [
        event({
          organizer: { name: 'Evil"\r\nATTENDEE:mailto:x@y', email: 'sari@hyvinvointialue.example' },
          url: 'https://neuvos.example/\r\nSTATUS:CANCELLED',
        }),
      ],
      now: NOW,
    });
    const { component } = only(parse(text).events);
    expect(component.getAllProperties('attendee')).toHaveLength(0);
    expect(component.getAllProperties('status')).toHaveLength(1);
    expect(component.getFirstProperty('organizer')!.getParameter('cn')).toBe("Evil' ATTENDEE:mailto:x@y");
  });
});

describe('helpers', () => {
  it('escapeText drops control characters other than newlines', () => {
    expect(escapeText('a\u0007b\tc')).toBe('ab\tc');
  });

  it('foldLine leaves a short line alone and folds a long one with CRLF + space', () => {
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
    const folded = foldLine(`X:${'a'.repeat(200)}`);
    const parts = folded.split('\r\n');
    expect(parts[0]).toHaveLength(75);
    expect(parts.slice(1).every((p) => p.startsWith(' ') && p.length <= 75)).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(`X:${'a'.repeat(200)}`);
  });
});
