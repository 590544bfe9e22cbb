/**
 * Notices by email (issue 12): members and subscribers hear when an agenda or minutes are
 * published, the public subscribes with double opt-in and leaves with one click (RFC 8058),
 * reminders carry List-Unsubscribe, members turn notices off on their settings page. Mail is
 * read back from a real SMTP server.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import {
  auditLog,
  councils,
  emailSubscriptions,
  mailMessages,
  mailOptOuts,
  minutes,
  minutesVersions,
  people,
  unsubscribeLinks,
  users,
} from '../../db/schema';
import { appOrigin } from '../../app/lib/config.server';
import { cacheKeyFor } from '../../app/lib/response-cache.server';
import { publishAgenda } from '../../app/models/agendas.server';
import { sendInvitations } from '../../app/models/invitations.server';
import { publishMinutes } from '../../app/models/minutes.server';
import { sendDueReminders } from '../../app/models/reminders.server';
import { sendDueMilestoneReminders } from '../../app/models/cycle.server';
import * as subscribeRoute from '../../app/routes/councils.$slug.subscribe';
import * as councilRoute from '../../app/routes/councils.$slug._index';
import * as confirmRoute from '../../app/routes/subscriptions.confirm.$token';
import * as unsubscribeRoute from '../../app/routes/subscriptions.unsubscribe.$token';
import * as settingsRoute from '../../app/routes/account.notifications';
import * as adminCounts from '../../app/routes/admin.subscriptions';
import { helsinkiWallClock } from '../../app/lib/dates';
import { buildMembership, buildPerson, buildTerm, buildCouncil } from '../factories';
import { buildCalendarCouncil, buildMeetingAt, daysFromNow, textOf } from '../factories/calendar';
import { buildMilestone } from '../factories/plans';
import { buildRecordsSetup, insertItems, renderRoute } from '../factories/records';
import { useTestDatabase } from '../setup/database';
import { drainMail } from '../support/queue';
import { buildUser, call, makeRequest } from '../support/requests';
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

const sha256 = (v: string) => createHash('sha256').update(v).digest('hex');
const header = (raw: string, name: string) =>
  new RegExp(`^${name}: *(.+)$`, 'im').exec(raw.replace(/\r?\n[ \t]+/g, ' '))?.[1]?.trim();
const mailsTo = (from: number, address: string) => smtp.received.slice(from).filter((m) => m.to.includes(address));
const linkIn = (raw: string, path: string) => {
  const m = new RegExp(`${appOrigin().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${path}/([A-Za-z0-9_-]+)`).exec(
    textOf(raw),
  );
  if (!m) throw new Error(`no ${path} link in ${textOf(raw)}`);
  return m[1]!;
};
const noticesOf = (meetingId: string, kind: string) =>
  getDb()
    .select()
    .from(mailMessages)
    .where(and(eq(mailMessages.meetingId, meetingId), eq(mailMessages.kind, kind)));

let ipSeq = 0;
/** A distinct client address per call, so the per-IP limit only bites where a test wants it. */
const freshIp = () => `10.0.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;

function subscribe(slug: string, form: Record<string, string>, opts: { ip?: string; origin?: string | null } = {}) {
  return call(
    subscribeRoute.action,
    makeRequest(`/councils/${slug}/subscribe`, {
      form,
      origin: opts.origin,
      headers: { 'x-neuvos-client-ip': opts.ip ?? freshIp() },
    }),
    { slug },
  );
}

/** A published council agenda: a records setup with one item, an extra member in Swedish, a former member and a member without email. */
async function agendaSetup(meetingOver: Parameters<typeof buildRecordsSetup>[0] = {}) {
  const s = await buildRecordsSetup({ members: 2, ...meetingOver });
  await insertItems(s.meeting, [{ title: 'Avaus' }]);
  const svEmail = `sven.${s.council.slug}@example.org`;
  const svPerson = await buildPerson({ givenName: 'Sven', email: svEmail });
  await buildMembership(s.term.id, svPerson.id, { startDate: '2020-01-01' });
  // The same person twice on the roster (member and vice chair) gets one message.
  await buildMembership(s.term.id, svPerson.id, { role: 'vice_chair', startDate: '2020-01-01' });
  await buildUser({ personId: svPerson.id, email: `konto.${s.council.slug}@example.org` }).then(({ user }) =>
    getDb().update(users).set({ locale: 'sv' }).where(eq(users.id, user.id)),
  );
  const former = await buildPerson({ givenName: 'Entinen' });
  await buildMembership(s.term.id, former.id, { startDate: '2020-01-01', endDate: '2021-12-31' });
  const noEmail = await buildPerson({ givenName: 'Eino', email: null });
  await buildMembership(s.term.id, noEmail.id, { startDate: '2020-01-01' });
  return { ...s, svPerson, svEmail, former };
}

describe('"published" notices to the members', () => {
  it('queues one notice per member and deputy in force, in the publishing transaction, with the list headers', async () => {
    const s = await agendaSetup();
    const before = smtp.received.length;
    const outcome = await publishAgenda(s.who, s.meeting.id);
    expect(outcome.status).toBe('ok');
    // Committed with the publication: already in the outbox before any worker ran.
    const rows = await noticesOf(s.meeting.id, 'notice_agenda');
    const expected = [...s.seats.flatMap((x) => [x.personId, x.deputyPersonId])];
    expect(rows).toHaveLength(expected.length + 1);
    // Publishing again (already published) sends nothing more.
    expect((await publishAgenda(s.who, s.meeting.id)).status).toBe('ok');
    expect(await noticesOf(s.meeting.id, 'notice_agenda')).toHaveLength(expected.length + 1);

    await drainMail();
    const mails = smtp.received.slice(before);
    expect(mails).toHaveLength(expected.length + 1);
    const to = mails.flatMap((m) => m.to);
    expect(to).toContain(s.svEmail);
    expect(to.filter((a) => a === s.svEmail)).toHaveLength(1);
    expect(to.some((a) => a.startsWith('testi.') && a.includes('@example.org'))).toBe(true);
    expect(to).not.toContain(s.secretaryPerson.email);
    expect(to.some((a) => a.includes('entinen'))).toBe(false);
    const [sv] = mailsTo(before, s.svEmail);
    expect(header(sv!.raw, 'Subject')).toBeTruthy();
    expect(textOf(sv!.raw)).toContain('Föredragningslistan för mötet');
    for (const m of mails) {
      expect(header(m.raw, 'Auto-Submitted')).toBe('auto-generated');
      expect(header(m.raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
      expect(header(m.raw, 'List-Unsubscribe')).toMatch(
        new RegExp(`^<${appOrigin()}/subscriptions/unsubscribe/[A-Za-z0-9_-]{40,}>`),
      );
      expect(textOf(m.raw)).toContain(`${appOrigin()}/meetings/${s.meeting.id}`);
    }
  });

  it('does not queue anything when the publication is refused (empty agenda)', async () => {
    const s = await buildRecordsSetup({ members: 2 });
    expect((await publishAgenda(s.who, s.meeting.id)).status).toBe('empty');
    expect(await noticesOf(s.meeting.id, 'notice_agenda')).toHaveLength(0);
  });

  it("links a closed meeting to the members' page and sends it to no subscriber", async () => {
    const s = await agendaSetup({ meeting: { publicity: 'closed' } });
    await getDb()
      .insert(emailSubscriptions)
      .values({ councilId: s.council.id, email: 'ulkopuolinen@example.org', status: 'active' });
    await publishAgenda(s.who, s.meeting.id);
    const rows = await noticesOf(s.meeting.id, 'notice_agenda');
    expect(rows.map((r) => r.toAddress)).not.toContain('ulkopuolinen@example.org');
    expect(rows.every((r) => r.textBody.includes(`/meetings/${s.meeting.id}/members`))).toBe(true);
  });

  it('notifies members and subscribers when minutes are published, linking to the minutes', async () => {
    const s = await buildRecordsSetup({
      members: 2,
      meeting: {
        startsAt: new Date('2026-01-10T11:00:00Z'),
        agendaPublishedAt: new Date('2026-01-01T10:00:00Z'),
        status: 'held',
      },
    });
    await getDb()
      .insert(emailSubscriptions)
      .values({ councilId: s.council.id, email: 'lukija@example.org', status: 'active', locale: 'en' });
    const [m] = await getDb().insert(minutes).values({ meetingId: s.meeting.id, councilId: s.council.id }).returning();
    const [v] = await getDb().insert(minutesVersions).values({ minutesId: m!.id, versionNo: 1 }).returning();
    await getDb()
      .update(minutesVersions)
      .set({ status: 'approved', approvedAt: new Date('2026-01-11T09:00:00Z'), approvalMethod: 'at_meeting' })
      .where(eq(minutesVersions.id, v!.id));
    const [fresh] = await getDb().select().from(minutesVersions).where(eq(minutesVersions.id, v!.id));
    const before = smtp.received.length;
    expect((await publishMinutes(s.who, s.meeting.id, v!.id, fresh!.lockVersion)).status).toBe('ok');
    const rows = await noticesOf(s.meeting.id, 'notice_minutes');
    const seatEmails = (
      await getDb()
        .select({ email: people.email })
        .from(people)
        .where(
          inArray(
            people.id,
            s.seats.flatMap((x) => [x.personId, x.deputyPersonId]),
          ),
        )
    ).map((p) => p.email!.toLowerCase());
    expect(rows.map((r) => r.toAddress).sort()).toEqual([...seatEmails, 'lukija@example.org'].sort());
    expect(rows).toHaveLength(5); // two members, their deputies, the subscriber
    await drainMail();
    const [reader] = mailsTo(before, 'lukija@example.org');
    expect(textOf(reader!.raw)).toContain('The minutes of a meeting of');
    expect(textOf(reader!.raw)).toContain(`${appOrigin()}/meetings/${s.meeting.id}/minutes`);
    expect(header(reader!.raw, 'List-Unsubscribe')).toContain('/subscriptions/unsubscribe/');
  });
});

describe('a member turns the notices off', () => {
  it('on the settings page (both addresses), and then gets none', async () => {
    const s = await agendaSetup();
    const user = s.checkerA; // a member's account, linked to seat 1
    const page = await call(settingsRoute.loader, makeRequest('/account/notifications', { cookie: user.cookie }));
    expect(((await page.json()) as { enabled: Record<string, boolean> }).enabled).toEqual({
      publications: true,
      meeting_reminders: true,
      milestone_reminders: true,
    });
    // Cross-site post refused.
    const cross = await call(
      settingsRoute.action,
      makeRequest('/account/notifications', {
        cookie: user.cookie,
        form: { meeting_reminders: 'on' },
        origin: 'https://evil.example',
      }),
    );
    expect(cross.status).toBe(403);
    const saved = await call(
      settingsRoute.action,
      makeRequest('/account/notifications', {
        cookie: user.cookie,
        form: { meeting_reminders: 'on', milestone_reminders: 'on' },
      }),
    );
    expect(saved.status).toBe(302);
    const outs = await getDb().select().from(mailOptOuts).where(eq(mailOptOuts.topic, 'publications'));
    const personEmail = (await getDb().select().from(users).where(eq(users.id, user.user.id)))[0]!.email;
    expect(outs.map((o) => o.address)).toEqual(expect.arrayContaining([personEmail.toLowerCase()]));
    const again = await call(settingsRoute.loader, makeRequest('/account/notifications', { cookie: user.cookie }));
    expect(((await again.json()) as { enabled: Record<string, boolean> }).enabled.publications).toBe(false);

    await publishAgenda(s.who, s.meeting.id);
    const to = (await noticesOf(s.meeting.id, 'notice_agenda')).map((r) => r.toAddress);
    const [seatPerson] = await getDb()
      .select({ email: people.email })
      .from(people)
      .where(eq(people.id, s.seats[0]!.personId));
    expect(to).not.toContain(seatPerson!.email!.toLowerCase());
    expect(to).toContain(s.svEmail);
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.action, 'notifications.settings'));
    expect(audit.some((a) => a.entityId === user.user.id)).toBe(true);
  });
});

describe('subscribing by email with double opt-in', () => {
  it('validates the address at the field and refuses a cross-site post', async () => {
    const council = await buildCouncil();
    const bad = await subscribe(council.slug, { email: 'ei-osoite', language: 'fi' });
    expect(bad.status).toBe(400);
    const body = JSON.stringify(await bad.json());
    expect(body).toContain('Sähköpostiosoite ei kelpaa');
    const cross = await subscribe(
      council.slug,
      { email: 'a@example.org', language: 'fi' },
      { origin: 'https://evil.example' },
    );
    expect(cross.status).toBe(403);
    const closed = await buildCouncil({ publicityDefault: 'members_only' });
    expect((await subscribe(closed.slug, { email: 'a@example.org', language: 'fi' })).status).toBe(404);
    expect(
      await getDb()
        .select()
        .from(emailSubscriptions)
        .where(inArray(emailSubscriptions.councilId, [council.id, closed.id])),
    ).toHaveLength(0);
  });

  it('confirms once through the mailed link, answers the same to a repeat, notifies, and unsubscribes with one click', async () => {
    const s = await agendaSetup();
    const address = 'asukas@example.org';
    const before = smtp.received.length;
    const first = await subscribe(s.council.slug, { email: 'Asukas@Example.org', language: 'fi' });
    expect(first.status).toBe(200);
    const firstBody = await first.text();
    await drainMail();
    const [confirmMail] = mailsTo(before, address);
    expect(header(confirmMail!.raw, 'Auto-Submitted')).toBe('auto-generated');
    const token = linkIn(confirmMail!.raw, '/subscriptions/confirm');
    const [row] = await getDb().select().from(emailSubscriptions).where(eq(emailSubscriptions.email, address));
    expect(row).toMatchObject({ status: 'pending', confirmTokenHash: sha256(token) });
    expect(JSON.stringify(row)).not.toContain(token);

    // Pending: a notice is not sent to an unconfirmed address.
    const other = await buildMeetingAt(s.council.id, daysFromNow(30), '13:00', {
      termId: s.term.id,
      title: 'Ennen vahvistusta',
    });
    await insertItems(other, [{ title: 'Avaus' }]);
    await publishAgenda(s.who, other.id);
    expect((await noticesOf(other.id, 'notice_agenda')).map((r) => r.toAddress)).not.toContain(address);
    await drainMail();

    // Opening the link changes nothing; the button confirms; the link is then spent.
    const view = await call(confirmRoute.loader, makeRequest(`/subscriptions/confirm/${token}`), { token });
    expect(view.status).toBe(200);
    expect(view.headers.get('Cache-Control')).toBe('no-store');
    expect(
      (await getDb().select().from(emailSubscriptions).where(eq(emailSubscriptions.email, address)))[0]!.status,
    ).toBe('pending');
    const crossConfirm = await call(
      confirmRoute.action,
      makeRequest(`/subscriptions/confirm/${token}`, { form: {}, origin: 'https://evil.example' }),
      { token },
    );
    expect(crossConfirm.status).toBe(403);
    const confirmed = await call(confirmRoute.action, makeRequest(`/subscriptions/confirm/${token}`, { form: {} }), {
      token,
    });
    expect(confirmed.status).toBe(200);
    expect(
      (await getDb().select().from(emailSubscriptions).where(eq(emailSubscriptions.email, address)))[0],
    ).toMatchObject({ status: 'active', confirmTokenHash: null });
    const used = await call(confirmRoute.action, makeRequest(`/subscriptions/confirm/${token}`, { form: {} }), {
      token,
    });
    expect(used.status).toBe(404);
    const usedPage = await renderRoute(
      confirmRoute,
      '/subscriptions/confirm/:token',
      makeRequest(`/subscriptions/confirm/${token}`),
    );
    expect(usedPage.status).toBe(404);
    expect(usedPage.html).toContain('Linkki ei toimi');

    // Subscribing again: the same answer, and no new mail to an active subscriber.
    const sentBefore = smtp.received.length;
    const repeat = await subscribe(s.council.slug, { email: address, language: 'fi' });
    expect(repeat.status).toBe(200);
    expect(await repeat.text()).toBe(firstBody);
    await drainMail();
    expect(smtp.received.length).toBe(sentBefore);

    // The address is never on the public council page nor in the admin's counts.
    const councilPage = await call(councilRoute.loader, makeRequest(`/councils/${s.council.slug}`), {
      slug: s.council.slug,
    });
    expect(await councilPage.text()).not.toContain(address);
    const admin = await buildUser({ grants: [{ role: 'admin' }] });
    const counts = await call(adminCounts.loader, makeRequest('/admin/subscriptions', { cookie: admin.cookie }));
    const countsText = await counts.text();
    expect(countsText).not.toContain('@');
    expect(JSON.parse(countsText).rows).toContainEqual(
      expect.objectContaining({ slug: s.council.slug, active: 1, pending: 0 }),
    );

    // Notified of the next publication, with a one-click unsubscribe link.
    const next = await buildMeetingAt(s.council.id, daysFromNow(40), '13:00', {
      termId: s.term.id,
      title: 'Vahvistuksen jälkeen',
    });
    await insertItems(next, [{ title: 'Avaus' }]);
    const beforeNotice = smtp.received.length;
    await publishAgenda(s.who, next.id);
    await drainMail();
    const [notice] = mailsTo(beforeNotice, address);
    expect(textOf(notice!.raw)).toContain(`${appOrigin()}/meetings/${next.id}`);
    const listUnsubscribe = header(notice!.raw, 'List-Unsubscribe')!;
    expect(header(notice!.raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const unsubToken = /\/subscriptions\/unsubscribe\/([A-Za-z0-9_-]+)>/.exec(listUnsubscribe)![1]!;

    // GET shows a page with a button and changes nothing.
    const unsubPage = await renderRoute(
      unsubscribeRoute,
      '/subscriptions/unsubscribe/:token',
      makeRequest(`/subscriptions/unsubscribe/${unsubToken}`),
    );
    expect(unsubPage.status).toBe(200);
    expect(unsubPage.html).toMatch(/<form method="post"[^>]*>\s*<button type="submit">Lopeta<\/button>/);
    expect(await getDb().select().from(emailSubscriptions).where(eq(emailSubscriptions.email, address))).toHaveLength(
      1,
    );
    // The mail program's one-click POST: no Origin, no cookie, the RFC 8058 body.
    const oneClick = await call(
      unsubscribeRoute.action,
      new Request(`${appOrigin()}/subscriptions/unsubscribe/${unsubToken}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      }),
      { token: unsubToken },
    );
    expect(oneClick.status).toBe(200);
    expect(await getDb().select().from(emailSubscriptions).where(eq(emailSubscriptions.email, address))).toHaveLength(
      0,
    );
    expect(
      await getDb()
        .select()
        .from(unsubscribeLinks)
        .where(eq(unsubscribeLinks.tokenHash, sha256(unsubToken))),
    ).toHaveLength(0);
    // The same link again: a clear page, not an error.
    const twice = await call(
      unsubscribeRoute.action,
      makeRequest(`/subscriptions/unsubscribe/${unsubToken}`, { form: {} }),
      { token: unsubToken },
    );
    expect(twice.status).toBe(404);
    const actions = (
      await getDb().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.councilId, s.council.id))
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['subscription.request', 'subscription.confirm', 'subscription.unsubscribe']),
    );
  });

  it('an expired link gives a clear page, never activates, and the pending request never gets notices', async () => {
    const s = await agendaSetup();
    const address = 'myohassa@example.org';
    const before = smtp.received.length;
    await subscribe(s.council.slug, { email: address, language: 'sv' });
    await drainMail();
    const [mail] = mailsTo(before, address);
    expect(textOf(mail!.raw)).toContain('Bekräfta beställningen');
    const token = linkIn(mail!.raw, '/subscriptions/confirm');
    await getDb()
      .update(emailSubscriptions)
      .set({ confirmExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(emailSubscriptions.email, address));
    const page = await renderRoute(
      confirmRoute,
      '/subscriptions/confirm/:token',
      makeRequest(`/subscriptions/confirm/${token}`),
    );
    expect(page.status).toBe(410);
    expect(page.html).toContain('Linkki on vanhentunut');
    const post = await call(confirmRoute.action, makeRequest(`/subscriptions/confirm/${token}`, { form: {} }), {
      token,
    });
    expect(post.status).toBe(410);
    await publishAgenda(s.who, s.meeting.id);
    expect((await noticesOf(s.meeting.id, 'notice_agenda')).map((r) => r.toAddress)).not.toContain(address);
    for (const bad of ['x', 'ä'.repeat(30), 'A'.repeat(43), '../../etc']) {
      const r = await call(confirmRoute.loader, makeRequest(`/subscriptions/confirm/${encodeURIComponent(bad)}`), {
        token: bad,
      });
      expect(r.status).toBe(404);
      const u = await call(unsubscribeRoute.action, makeRequest(`/subscriptions/unsubscribe/x`, { form: {} }), {
        token: bad,
      });
      expect(u.status).toBe(404);
    }
  });

  it('limits confirmation mail per address (same answer) and requests per client (a message)', async () => {
    const council = await buildCouncil();
    const address = 'toistaja@example.org';
    const before = smtp.received.length;
    const answers = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const res = await subscribe(council.slug, { email: address, language: 'fi' });
      expect(res.status).toBe(200);
      answers.add(await res.text());
    }
    expect(answers.size).toBe(1);
    await drainMail();
    expect(mailsTo(before, address)).toHaveLength(3);
    const ip = '192.0.2.77';
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++)
      statuses.push((await subscribe(council.slug, { email: `eri${i}@example.org`, language: 'en' }, { ip })).status);
    expect(statuses.slice(0, 20).every((x) => x === 200)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('the form is on the public council page, and the token pages and posts stay out of the response cache', async () => {
    const council = await buildCouncil();
    const page = await renderRoute(councilRoute, '/councils/:slug', makeRequest(`/councils/${council.slug}`));
    expect(page.html).toContain('Tilaa ilmoitukset sähköpostiin');
    expect(page.html).toMatch(new RegExp(`<form method="post" action="/councils/${council.slug}/subscribe"`));
    expect(page.html).toMatch(/<label for="[^"]+">Sähköpostiosoite<\/label>/);
    const req = (url: string, method = 'GET') =>
      ({ url, method, headers: { host: 'example.test' } }) as unknown as IncomingMessage;
    expect(cacheKeyFor(req(`/councils/${council.slug}/subscribe`, 'POST'))).toBeNull();
    expect(cacheKeyFor(req('/subscriptions/confirm/abc'))).toBeNull();
    expect(cacheKeyFor(req('/subscriptions/unsubscribe/abc'))).toBeNull();
  });
});

describe('List-Unsubscribe on reminders', () => {
  it('a meeting reminder carries a one-click link that turns meeting reminders off for that address', async () => {
    const ctx = await buildCalendarCouncil();
    await getDb()
      .update(councils)
      .set({ reminderDays: [3, 1] })
      .where(eq(councils.id, ctx.council.id));
    const meeting = await buildMeetingAt(ctx.council.id, daysFromNow(20), '13:00', { title: 'Muistutuskokous' });
    const invited = await sendInvitations(
      meeting.id,
      { councilId: ctx.council.id, regionId: ctx.council.regionId },
      { userId: null, label: 'test', ip: null },
      { baseUrl: appOrigin() },
    );
    expect(invited.ok).toBe(true);
    await drainMail();
    const before = smtp.received.length;
    await sendDueReminders(new Date(meeting.startsAt.getTime() - 2.5 * 86_400_000), 'w1');
    await drainMail();
    const [reminder] = mailsTo(before, ctx.memberPerson.email!);
    expect(reminder).toBeDefined();
    expect(header(reminder!.raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const token = /\/subscriptions\/unsubscribe\/([A-Za-z0-9_-]+)>/.exec(
      header(reminder!.raw, 'List-Unsubscribe')!,
    )![1]!;
    expect(textOf(reminder!.raw)).toContain(`/subscriptions/unsubscribe/${token}`);
    const page = await renderRoute(
      unsubscribeRoute,
      '/subscriptions/unsubscribe/:token',
      makeRequest(`/subscriptions/unsubscribe/${token}`),
    );
    expect(page.html).toContain('Lopeta kokousmuistutukset');
    expect(page.html).toContain('href="/account/notifications"');
    const done = await call(
      unsubscribeRoute.action,
      makeRequest(`/subscriptions/unsubscribe/${token}`, { form: { 'List-Unsubscribe': 'One-Click' }, origin: null }),
      { token },
    );
    expect(done.status).toBe(200);
    expect(
      await getDb().select().from(mailOptOuts).where(eq(mailOptOuts.address, ctx.memberPerson.email!.toLowerCase())),
    ).toEqual([expect.objectContaining({ topic: 'meeting_reminders' })]);
    // The next reminder (1 day before) skips that address only.
    const later = smtp.received.length;
    await sendDueReminders(new Date(meeting.startsAt.getTime() - 0.5 * 86_400_000), 'w2');
    await drainMail();
    expect(mailsTo(later, ctx.memberPerson.email!)).toHaveLength(0);
    expect(mailsTo(later, ctx.secondPerson.email!)).toHaveLength(1);
  });

  it('a milestone reminder carries List-Unsubscribe and respects the opt-out', async () => {
    const council = await buildCouncil();
    const term = await buildTerm(council.id, { startDate: '2020-01-01', endDate: '2099-12-31' });
    const a = await buildPerson({ email: 'sihteeri.a@example.org' });
    const b = await buildPerson({ email: 'sihteeri.b@example.org' });
    await buildMembership(term.id, a.id, { role: 'secretary', startDate: '2020-01-01' });
    await buildMembership(term.id, b.id, { role: 'secretary', startDate: '2020-01-01' });
    await getDb().insert(mailOptOuts).values({ address: 'sihteeri.b@example.org', topic: 'milestone_reminders' });
    await buildMilestone({
      councilId: council.id,
      titleFi: 'Avustushaku',
      startMonth: 12,
      startDay: 1,
      remindDaysBefore: 14,
    });
    const before = smtp.received.length;
    const run = await sendDueMilestoneReminders(helsinkiWallClock('2026-11-20', '08:00'), 'i1');
    await drainMail();
    expect(run.sent).toBe(1);
    const mails = smtp.received.slice(before);
    expect(mails.flatMap((m) => m.to)).toEqual(['sihteeri.a@example.org']);
    expect(header(mails[0]!.raw, 'List-Unsubscribe')).toMatch(/^<http.*\/subscriptions\/unsubscribe\/[A-Za-z0-9_-]+>/);
    expect(header(mails[0]!.raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const token = /\/subscriptions\/unsubscribe\/([A-Za-z0-9_-]+)>/.exec(
      header(mails[0]!.raw, 'List-Unsubscribe')!,
    )![1]!;
    const ctx = await call(unsubscribeRoute.loader, makeRequest(`/subscriptions/unsubscribe/${token}`), { token });
    expect(await ctx.json()).toMatchObject({ state: 'valid', topic: 'milestone_reminders' });
  });
});
