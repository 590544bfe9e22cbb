import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { auditLog, meetingInvitees, meetings } from '../../db/schema';
import { helsinkiWallClock } from '../../app/lib/dates';
import { attendanceBySeat } from '../../app/models/invitations.server';
import * as meetingRoute from '../../app/routes/manage.meetings.$meetingId';
import * as myRoute from '../../app/routes/my.meetings';
import * as replyRoute from '../../app/routes/reply.$token';
import { buildCalendarCouncil, buildMeetingAt, daysFromNow, icsOf, parseIcs, reloadMeeting, textOf } from '../factories/calendar';
import { useTestDatabase } from '../setup/database';
import { call, makeRequest } from '../support/requests';
import { drainMail } from '../support/queue';
import { startSmtp } from '../support/smtp';

useTestDatabase();

let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  smtp = await startSmtp();
  process.env.SMTP_URL = smtp.url;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.close();
});

const replyToken = (text: string) => /\/reply\/([A-Za-z0-9_-]{20,})/.exec(text)?.[1];
const since = (n: number) => smtp.received.slice(n);
const mailTo = (n: number, email: string) => {
  const found = since(n).filter((m) => m.to.includes(email));
  expect(found).toHaveLength(1);
  return found[0]!;
};

async function post(meetingId: string, cookie: string, form: Record<string, string>) {
  return call(meetingRoute.action, makeRequest(`/manage/meetings/${meetingId}`, { cookie, form }), { meetingId });
}

function editForm(m: { id: string; title: string; lockVersion: number }, over: Record<string, string>) {
  return { intent: 'updateMeeting', lockVersion: String(m.lockVersion), title: m.title, startTime: '13:00', endTime: '15:00', meetingType: 'in_person', address: 'Testikatu 1', publicity: 'public', ...over };
}

describe('invitations through a real SMTP server', () => {
  it('invites every current member and personal deputy with an .ics; updates and cancellations keep the UID and raise SEQUENCE', async () => {
    const ctx = await buildCalendarCouncil();
    const date = daysFromNow(20);
    const meeting = await buildMeetingAt(ctx.council.id, date, '13:00', { title: 'Kevätkokous', room: 'Sali 3' });
    const before = smtp.received.length;

    const res = await post(meeting.id, ctx.secretary.cookie, { intent: 'invite' });
    await drainMail();
    expect(res.status).toBe(200);
    const body = (await res.json()) as { message: string };
    expect(body.message).toContain('4 henkilölle');
    expect(body.message).toContain(ctx.noEmailPerson.familyName);
    const recipients = since(before).flatMap((m) => m.to).sort();
    expect(recipients).toEqual([ctx.memberPerson.email, ctx.deputyPerson.email, ctx.secondPerson.email, ctx.chairPerson.email].sort());

    const stored = await reloadMeeting(meeting.id);
    expect(stored.status).toBe('invited');
    const invitees = await getDb().select().from(meetingInvitees).where(eq(meetingInvitees.meetingId, meeting.id));
    expect(invitees.map((i) => [i.personId, i.kind]).sort()).toEqual(
      [
        [ctx.memberPerson.id, 'member'],
        [ctx.deputyPerson.id, 'deputy'],
        [ctx.secondPerson.id, 'member'],
        [ctx.chairPerson.id, 'other'],
        [ctx.noEmailPerson.id, 'member'],
      ].sort(),
    );

    // The member's message, field by field.
    const memberMail = mailTo(before, ctx.memberPerson.email!);
    const { contentType, text } = icsOf(memberMail.raw);
    expect(contentType).toMatch(/method=REQUEST/i);
    const { calendar, events } = parseIcs(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Helsinki');
    expect(events).toHaveLength(1);
    const { event, component } = events[0]!;
    expect(event.uid).toBe(meeting.icsUid);
    expect(event.sequence).toBe(0);
    expect(event.startDate.toJSDate().getTime()).toBe(helsinkiWallClock(date, '13:00').getTime());
    expect(component.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Helsinki');
    expect(event.startDate.hour).toBe(13);
    expect(event.endDate.hour).toBe(15);
    expect(event.summary).toContain('Kevätkokous');
    expect(event.location).toBe('Testikatu 1, Sali 3');
    expect(component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(String(component.getFirstPropertyValue('organizer'))).toMatch(/^mailto:/);
    const attendees = component.getAllProperties('attendee');
    expect(attendees).toHaveLength(1);
    expect(String(attendees[0]!.getFirstValue())).toBe(`mailto:${ctx.memberPerson.email}`);
    expect(attendees[0]!.getParameter('role')).toBe('REQ-PARTICIPANT');
    expect(attendees[0]!.getParameter('partstat')).toBe('NEEDS-ACTION');
    expect(attendees[0]!.getParameter('rsvp')).toBe('TRUE');
    expect(replyToken(textOf(memberMail.raw))).toBeTruthy();

    // The deputy is marked as such, in the text and in the .ics.
    const deputyMail = mailTo(before, ctx.deputyPerson.email!);
    expect(textOf(deputyMail.raw)).toContain('henkilökohtaisena varajäsenenä');
    expect(textOf(deputyMail.raw)).toContain(ctx.memberPerson.familyName);
    const deputyEvent = parseIcs(icsOf(deputyMail.raw).text).events[0]!;
    expect(deputyEvent.component.getFirstProperty('attendee')!.getParameter('role')).toBe('OPT-PARTICIPANT');

    // Moving the meeting sends an update: same UID, higher SEQUENCE, new time.
    const beforeUpdate = smtp.received.length;
    const moved = await post(meeting.id, ctx.secretary.cookie, editForm(stored, { date, startTime: '14:00', endTime: '16:00' }));
    await drainMail();
    expect(moved.status).toBe(200);
    expect(since(beforeUpdate)).toHaveLength(4);
    const update = parseIcs(icsOf(mailTo(beforeUpdate, ctx.memberPerson.email!).raw).text);
    expect(update.calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(update.events[0]!.event.uid).toBe(meeting.icsUid);
    expect(update.events[0]!.event.sequence).toBe(1);
    expect(update.events[0]!.event.startDate.hour).toBe(14);

    // A change that calendars do not show (publicity) sends nothing.
    const quiet = await reloadMeeting(meeting.id);
    const beforeQuiet = smtp.received.length;
    expect((await post(meeting.id, ctx.secretary.cookie, editForm(quiet, { date, startTime: '14:00', endTime: '16:00', publicity: 'closed' }))).status).toBe(200);
    await drainMail();
    expect(since(beforeQuiet)).toHaveLength(0);

    // Cancelling sends METHOD:CANCEL with STATUS:CANCELLED and a higher SEQUENCE still.
    const current = await reloadMeeting(meeting.id);
    const beforeCancel = smtp.received.length;
    expect((await post(meeting.id, ctx.secretary.cookie, { intent: 'cancelMeeting', lockVersion: String(current.lockVersion), reason: 'Puheenjohtaja sairastui' })).status).toBe(200);
    await drainMail();
    expect(since(beforeCancel)).toHaveLength(4);
    const cancelMail = mailTo(beforeCancel, ctx.secondPerson.email!);
    const cancel = parseIcs(icsOf(cancelMail.raw).text);
    expect(icsOf(cancelMail.raw).contentType).toMatch(/method=CANCEL/i);
    expect(cancel.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(cancel.events[0]!.event.uid).toBe(meeting.icsUid);
    expect(cancel.events[0]!.event.sequence).toBe(2);
    expect(cancel.events[0]!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(textOf(cancelMail.raw)).toContain('Puheenjohtaja sairastui');

    const actions = (await getDb().select().from(auditLog).where(eq(auditLog.entityId, meeting.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['calendar.invite', 'calendar.meeting_update', 'calendar.meeting_cancel']));
  });

  it('refuses to invite to a meeting in the past, and changes nothing', async () => {
    const ctx = await buildCalendarCouncil();
    const meeting = await buildMeetingAt(ctx.council.id, daysFromNow(-3));
    const before = smtp.received.length;
    const res = await post(meeting.id, ctx.secretary.cookie, { intent: 'invite' });
    await drainMail();
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('Kutsua ei voi lähettää kokoukseen, joka on jo alkanut tai mennyt.');
    expect((await reloadMeeting(meeting.id)).status).toBe('planned');
    expect(smtp.received.length).toBe(before);
    expect(await getDb().select().from(meetingInvitees).where(eq(meetingInvitees.meetingId, meeting.id))).toHaveLength(0);
  });

  it('refuses a member (403) who tries to send invitations', async () => {
    const ctx = await buildCalendarCouncil();
    const meeting = await buildMeetingAt(ctx.council.id, daysFromNow(10));
    expect((await post(meeting.id, ctx.memberUser.cookie, { intent: 'invite' })).status).toBe(403);
    await drainMail();
    expect((await reloadMeeting(meeting.id)).status).toBe('planned');
  });
});

describe('replies and the deputy hand-over', () => {
  async function invited() {
    const ctx = await buildCalendarCouncil();
    const meeting = await buildMeetingAt(ctx.council.id, daysFromNow(15));
    const before = smtp.received.length;
    expect((await post(meeting.id, ctx.secretary.cookie, { intent: 'invite' })).status).toBe(200);
    await drainMail();
    const token = (email: string) => replyToken(textOf(mailTo(before, email).raw))!;
    return { ...ctx, meeting, memberToken: token(ctx.memberPerson.email!), deputyToken: token(ctx.deputyPerson.email!) };
  }

  const reply = async (token: string, value: string, cookie?: string) => {
    const res = await call(replyRoute.action, makeRequest(`/reply/${token}`, { form: { reply: value }, cookie }), { token });
    await drainMail();
    return res;
  };

  it('asks the personal deputy automatically when the member declines; the secretary sees who comes per seat', async () => {
    const ctx = await invited();
    // Opening the link changes nothing.
    const page = await call(replyRoute.loader, makeRequest(`/reply/${ctx.memberToken}`), { token: ctx.memberToken });
    expect(page.status).toBe(200);
    expect(((await page.json()) as { state: string }).state).toBe('open');
    expect((await attendanceBySeat(ctx.meeting.id, ctx.council.id)).seats.find((s) => s.member?.name.startsWith('Maija'))!.member!.reply).toBeNull();

    const before = smtp.received.length;
    const res = await reply(ctx.memberToken, 'not_attending');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { state: string; deputiesAsked: number }).deputiesAsked).toBe(1);
    const ask = mailTo(before, ctx.deputyPerson.email!);
    expect(ask.raw).toMatch(/Subject: =\?UTF-8\?|Subject: Pyynt/);
    expect(textOf(ask.raw)).toContain('ei pääse kokoukseen');
    const newDeputyToken = replyToken(textOf(ask.raw))!;
    expect(newDeputyToken).not.toBe(ctx.deputyToken);
    // The earlier link was replaced by the new one.
    expect((await call(replyRoute.loader, makeRequest(`/reply/${ctx.deputyToken}`), { token: ctx.deputyToken })).status).toBe(404);

    let attendance = await attendanceBySeat(ctx.meeting.id, ctx.council.id);
    let seat = attendance.seats.find((s) => s.member?.name.startsWith('Maija'))!;
    expect(seat.member!.reply).toBe('not_attending');
    expect(seat.deputies[0]!.askedToSubstituteAt).not.toBeNull();
    expect(seat.coming).toBe('unknown');

    expect((await reply(newDeputyToken, 'attending')).status).toBe(200);
    attendance = await attendanceBySeat(ctx.meeting.id, ctx.council.id);
    seat = attendance.seats.find((s) => s.member?.name.startsWith('Maija'))!;
    expect(seat.coming).toBe('deputy');
    expect(attendance.summary.coming).toBe(1);

    // The secretary's page shows the same.
    const secretaryPage = await call(meetingRoute.loader, makeRequest(`/manage/meetings/${ctx.meeting.id}`, { cookie: ctx.secretary.cookie }), { meetingId: ctx.meeting.id });
    const pageBody = (await secretaryPage.json()) as { attendance: { seats: Array<{ coming: string }> } };
    expect(pageBody.attendance.seats.map((s) => s.coming)).toContain('deputy');

    // The member can come after all: the deputy is released and told so.
    const beforeRelease = smtp.received.length;
    const memberAgain = await call(myRoute.action, makeRequest('/my/meetings', { cookie: ctx.memberUser.cookie, form: { meetingId: ctx.meeting.id, reply: 'attending' } }));
    await drainMail();
    expect(memberAgain.status).toBe(200);
    expect(textOf(mailTo(beforeRelease, ctx.deputyPerson.email!).raw)).toContain('pääsee sittenkin');
    seat = (await attendanceBySeat(ctx.meeting.id, ctx.council.id)).seats.find((s) => s.member?.name.startsWith('Maija'))!;
    expect(seat.coming).toBe('member');
    expect(seat.deputies[0]!.askedToSubstituteAt).toBeNull();
    const audit = (await getDb().select().from(auditLog).where(eq(auditLog.councilId, ctx.council.id))).map((a) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['calendar.reply', 'calendar.deputy_ask', 'calendar.deputy_release']));
  });

  it('refuses a link used by a signed-in other person, an unknown link, and a link after the meeting; nothing changes', async () => {
    const ctx = await invited();
    const memberRow = async () =>
      (await getDb().select().from(meetingInvitees).where(and(eq(meetingInvitees.meetingId, ctx.meeting.id), eq(meetingInvitees.personId, ctx.memberPerson.id))))[0]!;

    const asOther = await reply(ctx.memberToken, 'attending', ctx.outsider.cookie);
    expect(asOther.status).toBe(403);
    expect(((await asOther.json()) as { reason: string }).reason).toBe('other_person');
    const otherPage = await call(replyRoute.loader, makeRequest(`/reply/${ctx.memberToken}`, { cookie: ctx.deputyUser.cookie }), { token: ctx.memberToken });
    expect(otherPage.status).toBe(403);
    expect((await memberRow()).reply).toBeNull();

    // Signed in as the right person is fine.
    expect((await reply(ctx.memberToken, 'attending', ctx.memberUser.cookie)).status).toBe(200);
    expect((await memberRow()).reply).toBe('attending');

    expect((await reply('x'.repeat(43), 'attending')).status).toBe(404);
    const invalid = await call(replyRoute.action, makeRequest(`/reply/${ctx.memberToken}`, { form: { reply: 'maybe' } }), { token: ctx.memberToken });
    await drainMail();
    expect(invalid.status).toBe(400);

    // After the meeting has begun the link no longer records anything.
    await getDb().update(meetings).set({ startsAt: new Date(Date.now() - 3_600_000), endsAt: new Date(Date.now() + 3_600_000) }).where(eq(meetings.id, ctx.meeting.id));
    const late = await reply(ctx.memberToken, 'not_attending');
    expect(late.status).toBe(410);
    expect(((await late.json()) as { reason: string }).reason).toBe('over');
    expect((await call(replyRoute.loader, makeRequest(`/reply/${ctx.memberToken}`), { token: ctx.memberToken })).status).toBe(410);
    expect((await memberRow()).reply).toBe('attending');
  });

  it('lists "my meetings" across councils with my reply, and a stranger cannot reply', async () => {
    const ctx = await invited();
    const page = await call(myRoute.loader, makeRequest('/my/meetings', { cookie: ctx.memberUser.cookie }));
    const body = (await page.json()) as { meetings: Array<{ id: string; inviteeKind: string | null; reply: string | null }> };
    expect(body.meetings.find((m) => m.id === ctx.meeting.id)).toMatchObject({ inviteeKind: 'member', reply: null });
    const stranger = await call(myRoute.action, makeRequest('/my/meetings', { cookie: ctx.outsider.cookie, form: { meetingId: ctx.meeting.id, reply: 'attending' } }));
    await drainMail();
    expect(stranger.status).toBe(404);
    const outsiderPage = (await (await call(myRoute.loader, makeRequest('/my/meetings', { cookie: ctx.outsider.cookie }))).json()) as { meetings: unknown[] };
    expect(outsiderPage.meetings).toHaveLength(0);
    expect((await call(myRoute.loader, makeRequest('/my/meetings'))).status).toBe(302);
  });
});
