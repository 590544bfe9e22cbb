import { eq } from 'drizzle-orm';
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { cycleMilestones, milestoneReminders } from '../../db/schema';
import { YearWheel, type WheelEvent } from '../../app/components/year-wheel';
import { helsinkiWallClock } from '../../app/lib/dates';
import { i18nConfig } from '../../app/lib/i18n';
import { resources } from '../../app/lib/i18n-resources';
import { milestoneOccurrence, sendDueMilestoneReminders } from '../../app/models/cycle.server';
import * as manageCycle from '../../app/routes/manage.councils.$slug.cycle';
import * as publicCycle from '../../app/routes/councils.$slug.cycle';
import { buildCouncil, buildCouncilWithRoster, buildMembership, buildPerson, buildRegion, buildTerm } from '../factories';
import { buildHeldMeeting, buildMilestone } from '../factories/plans';
import { useTestDatabase } from '../setup/database';
import { buildUser, call, makeRequest } from '../support/requests';
import { drainMail } from '../support/queue';
import { startSmtp } from '../support/smtp';

useTestDatabase();

async function renderWheel(events: WheelEvent[], lng: 'fi' | 'en' = 'fi') {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({ ...i18nConfig, lng, resources });
  return renderToString(createElement(I18nextProvider, { i18n }, createElement(YearWheel, { year: 2026, events, locale: lng })));
}

describe('year wheel', () => {
  it('renders an SVG with a title and description, and the same events as an ordered list in date order', async () => {
    const html = await renderWheel([
      { id: 'm2', kind: 'meeting', label: 'Kokous 4/2026', start: '2026-11-05', end: null, time: '14.00' },
      { id: 'g', kind: 'milestone', label: 'Toiminta-avustusten haku', start: '2026-12-01', end: '2026-12-31' },
      { id: 'f', kind: 'milestone', label: 'Partnerskapstorget', lang: 'sv', start: '2026-10-10', end: null },
      { id: 'm1', kind: 'meeting', label: 'Kokous 1/2026', start: '2026-02-12', end: null },
      { id: 'w', kind: 'milestone', label: 'Talvitauko', start: '2026-12-20', end: '2027-01-06' },
    ]);
    const svg = /<svg[^>]*>/.exec(html)?.[0] ?? '';
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="year-wheel-title year-wheel-desc"');
    expect(html).toMatch(/<title id="year-wheel-title">Vuosikello 2026<\/title>/);
    expect(html).toMatch(/<desc id="year-wheel-desc">[^<]*3 merkintää ja 2 kokousta[^<]*<\/desc>/);
    const list = /<ol[^>]*>([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
    const order = ['Kokous 1/2026', 'Partnerskapstorget', 'Kokous 4/2026', 'Toiminta-avustusten haku', 'Talvitauko'].map((label) => list.indexOf(label));
    expect(order.every((pos) => pos >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(list).toContain('<time dateTime="2026-12-01">1.12.2026–31.12.2026</time>');
    expect(list).toContain('<span lang="sv">Partnerskapstorget</span>');
    expect(html.match(/class="year-wheel__meeting"/g)).toHaveLength(2);
    expect(html.match(/class="year-wheel__milestone(-dot)?"/g)).toHaveLength(3);
  });

  it('says so in text when the year is empty, in the reader language', async () => {
    const html = await renderWheel([], 'en');
    expect(html).toContain('Annual cycle 2026');
    expect(html).toContain('No milestones or meetings this year.');
  });
});

describe('milestone dates', () => {
  it('clamps to the month and runs over the new year', () => {
    expect(milestoneOccurrence({ startMonth: 2, startDay: 29, endMonth: null, endDay: null }, 2026)).toEqual({ start: '2026-02-28', end: null });
    expect(milestoneOccurrence({ startMonth: 2, startDay: 29, endMonth: null, endDay: null }, 2028)).toEqual({ start: '2028-02-29', end: null });
    expect(milestoneOccurrence({ startMonth: 12, startDay: 15, endMonth: 1, endDay: 15 }, 2026)).toEqual({ start: '2026-12-15', end: '2027-01-15' });
  });
});

describe('annual cycle pages', () => {
  it('lets the secretary add, edit and delete milestones, returning every field error', async () => {
    const { council, memberPerson } = await buildCouncilWithRoster();
    const secretary = await buildUser({ grants: [{ role: 'secretary', councilId: council.id }] });
    const path = `/manage/councils/${council.slug}/cycle`;
    const post = (cookie: string, form: Record<string, string>) => call(manageCycle.action, makeRequest(path, { cookie, form }), { slug: council.slug });

    const bad = await post(secretary.cookie, { intent: 'milestone', titleFi: '', startMonth: '2', startDay: '30', endMonth: '3', remindDaysBefore: '120' });
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).result.error).sort()).toEqual(['endDay', 'remindDaysBefore', 'startDay', 'titleFi']);

    expect((await post(secretary.cookie, { intent: 'milestone', titleFi: 'Avustushaku', titleEn: 'Grant round', startMonth: '12', startDay: '1', endMonth: '12', endDay: '31', remindDaysBefore: '14' })).status).toBe(200);
    const [row] = await getDb().select().from(cycleMilestones).where(eq(cycleMilestones.councilId, council.id));
    expect(row).toMatchObject({ titleFi: 'Avustushaku', startMonth: 12, endDay: 31, remindDaysBefore: 14, regionId: null });

    // A secretary cannot make a region-wide milestone; the flag is ignored.
    await post(secretary.cookie, { intent: 'milestone', titleFi: 'Alueen foorumi', startMonth: '3', startDay: '15', regionWide: 'on' });
    const [forum] = await getDb().select().from(cycleMilestones).where(eq(cycleMilestones.titleFi, 'Alueen foorumi'));
    expect(forum?.councilId).toBe(council.id);

    expect((await post(secretary.cookie, { intent: 'milestone', id: row!.id, lockVersion: String(row!.lockVersion), titleFi: 'Toiminta-avustusten haku', startMonth: '12', startDay: '1' })).status).toBe(200);
    const [edited] = await getDb().select().from(cycleMilestones).where(eq(cycleMilestones.id, row!.id));
    expect([edited?.titleFi, edited?.endMonth, edited?.remindDaysBefore]).toEqual(['Toiminta-avustusten haku', null, null]);

    const member = await buildUser({ personId: memberPerson.id });
    expect((await post(member.cookie, { intent: 'deleteMilestone', id: row!.id })).status).toBe(403);
    const otherRegionMilestone = await buildMilestone({ regionId: (await buildRegion()).id });
    expect((await post(secretary.cookie, { intent: 'deleteMilestone', id: otherRegionMilestone.id })).status).toBe(400);
    expect((await post(secretary.cookie, { intent: 'deleteMilestone', id: row!.id })).status).toBe(200);
    expect(await getDb().select().from(cycleMilestones).where(eq(cycleMilestones.id, row!.id))).toHaveLength(0);

    const admin = await buildUser({ grants: [{ role: 'region_admin', regionId: council.regionId }] });
    expect((await post(admin.cookie, { intent: 'milestone', titleFi: 'Hyte-neuvottelut', startMonth: '9', startDay: '1', regionWide: 'on' })).status).toBe(200);
    const [regionWide] = await getDb().select().from(cycleMilestones).where(eq(cycleMilestones.titleFi, 'Hyte-neuvottelut'));
    expect([regionWide?.councilId, regionWide?.regionId]).toEqual([null, council.regionId]);
  });

  it('shows the public wheel with public meetings only, and nothing for a members-only council', async () => {
    const { council } = await buildCouncilWithRoster();
    await buildMilestone({ councilId: council.id, titleFi: 'Kevätfoorumi', startMonth: 3, startDay: 15 });
    await buildHeldMeeting({ councilId: council.id, startsAt: helsinkiWallClock('2026-04-01', '14:00'), title: 'Julkinen kokous' });
    await buildHeldMeeting({ councilId: council.id, startsAt: helsinkiWallClock('2026-05-01', '14:00'), title: 'Suljettu kokous', publicity: 'closed' });
    const res = await call(publicCycle.loader, makeRequest(`/councils/${council.slug}/cycle?year=2026`), { slug: council.slug });
    const titles = (await res.json()).events.map((e: { titleFi: string }) => e.titleFi).sort();
    expect(titles).toEqual(['Julkinen kokous', 'Kevätfoorumi']);
    const closed = await buildCouncil({ publicityDefault: 'members_only' });
    expect((await call(publicCycle.loader, makeRequest(`/councils/${closed.slug}/cycle`), { slug: closed.slug })).status).toBe(404);
  });
});

describe('milestone reminders', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
    process.env.SMTP_URL = smtp.url;
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await smtp.close();
  });

  it("emails the council's secretaries once per milestone and year, even with two instances at once", async () => {
    const region = await buildRegion();
    const council = await buildCouncil({ regionId: region.id });
    const neighbour = await buildCouncil({ regionId: region.id });
    const term = await buildTerm(council.id, { startDate: '2020-01-01', endDate: '2099-12-31' });
    const seated = await buildPerson({ email: 'sihteeri.jasenena@example.org' });
    await buildMembership(term.id, seated.id, { role: 'secretary', startDate: '2020-01-01' });
    const formerSecretary = await buildPerson({ email: 'entinen.sihteeri@example.org' });
    await buildMembership(term.id, formerSecretary.id, { role: 'secretary', startDate: '2020-01-01', endDate: '2025-12-31' });
    await buildUser({ email: 'sihteeri.oikeudella@example.org', grants: [{ role: 'secretary', councilId: council.id }] });
    await buildUser({ email: 'naapuri@example.org', grants: [{ role: 'secretary', councilId: neighbour.id }] });

    const grantRound = await buildMilestone({ councilId: council.id, titleFi: 'Toiminta-avustusten haku', startMonth: 12, startDay: 1, endMonth: 12, endDay: 31, remindDaysBefore: 14 });
    await buildMilestone({ councilId: council.id, titleFi: 'Liian aikaisin', startMonth: 12, startDay: 20, remindDaysBefore: 3 });
    await buildMilestone({ councilId: council.id, titleFi: 'Ei muistutusta', startMonth: 11, startDay: 25 });
    const regionForum = await buildMilestone({ regionId: region.id, titleFi: 'Alueen foorumi', startMonth: 11, startDay: 30, remindDaysBefore: 30 });
    const newYear = await buildMilestone({ councilId: council.id, titleFi: 'Vuoden alun raportointi', startMonth: 1, startDay: 10, remindDaysBefore: 60 });

    const now = helsinkiWallClock('2026-11-20', '08:00');
    const before = smtp.received.length;
    const [a, b] = await Promise.all([sendDueMilestoneReminders(now, 'instance-a'), sendDueMilestoneReminders(now, 'instance-b')]);
    await drainMail();
    expect(a.claimed + b.claimed).toBe(3);

    const mails = smtp.received.slice(before);
    const byMilestone = (title: string) => mails.filter((m) => m.raw.replace(/=\r?\n/g, '').includes(title)).flatMap((m) => m.to).sort();
    expect(byMilestone('Toiminta-avustusten haku')).toEqual(['sihteeri.jasenena@example.org', 'sihteeri.oikeudella@example.org']);
    expect(byMilestone('Vuoden alun raportointi')).toEqual(['sihteeri.jasenena@example.org', 'sihteeri.oikeudella@example.org']);
    expect(byMilestone('Alueen foorumi')).toEqual(['naapuri@example.org', 'sihteeri.jasenena@example.org', 'sihteeri.oikeudella@example.org']);
    expect(mails).toHaveLength(7);
    expect(mails.some((m) => m.raw.includes('Liian aikaisin') || m.raw.includes('Ei muistutusta'))).toBe(false);
    expect(mails.flatMap((m) => m.to)).not.toContain('entinen.sihteeri@example.org');

    const claims = await getDb().select().from(milestoneReminders);
    expect(claims.map((c) => [c.milestoneId, c.year]).sort()).toEqual(
      [
        [grantRound.id, 2026],
        [regionForum.id, 2026],
        [newYear.id, 2027],
      ].sort(),
    );
    expect(claims.every((c) => c.sentAt !== null && (c.recipients ?? 0) >= 2)).toBe(true);

    const again = await sendDueMilestoneReminders(helsinkiWallClock('2026-11-21', '08:00'), 'instance-c');
    await drainMail();
    expect(again).toEqual({ claimed: 0, sent: 0 });
    expect(smtp.received.length).toBe(before + 7);
  });
});
