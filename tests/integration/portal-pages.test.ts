import { eq } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { feedbackMessages, minutes, minutesVersions, statements } from '../../db/schema';
import * as feedRoute from '../../app/routes/feed[.]xml';
import * as councilFeedRoute from '../../app/routes/councils.$slug.feed[.]xml';
import * as regionRoute from '../../app/routes/regions.$slug';
import * as personRoute from '../../app/routes/people.$personId';
import * as sitemapRoute from '../../app/routes/sitemap[.]xml';
import * as sitemapFile from '../../app/routes/sitemaps.$file';
import { parseSitemapFile } from '../../app/lib/sitemap.server';
import * as feedbackRoute from '../../app/routes/feedback';
import { buildCouncil, buildCouncilWithRoster, buildMeeting, buildRegion } from '../factories';
import { useTestDatabase } from '../setup/database';
import { buildUser, call, makeRequest } from '../support/requests';
import { drainMail } from '../support/queue';
import { startSmtp } from '../support/smtp';

useTestDatabase();

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

async function publishedMeeting(councilId: string, title: string) {
  const meeting = await buildMeeting(councilId, {
    title,
    startsAt: new Date('2026-03-10T11:00:00Z'),
    endsAt: new Date('2026-03-10T13:00:00Z'),
    status: 'held',
    agendaPublishedAt: new Date('2026-03-01T08:00:00Z'),
  });
  const [m] = await getDb().insert(minutes).values({ meetingId: meeting.id, councilId }).returning();
  const [v] = await getDb().insert(minutesVersions).values({ minutesId: m!.id, versionNo: 1 }).returning();
  await getDb().update(minutesVersions).set({ status: 'approved', approvedAt: new Date('2026-03-12T10:00:00Z'), approvalMethod: 'at_meeting' }).where(eqId(v!.id));
  await getDb().update(minutesVersions).set({ status: 'published', publishedAt: new Date('2026-03-13T10:00:00Z') }).where(eqId(v!.id));
  return meeting;
}

const eqId = (id: string) => eq(minutesVersions.id, id);

describe('Atom feeds', () => {
  it('lists published agendas, minutes and statements as valid Atom, never drafts or closed meetings', async () => {
    const region = await buildRegion();
    const council = await buildCouncil({ regionId: region.id, slug: 'feed-council' });
    await publishedMeeting(council.id, 'Julkinen kokous');
    await buildMeeting(council.id, { title: 'Suljettu kokous', publicity: 'closed', agendaPublishedAt: new Date() });
    await buildMeeting(council.id, { title: 'Luonnoskokous' });
    await getDb().insert(statements).values([
      { councilId: council.id, type: 'statement', recipient: 'Aluehallitus', title: 'Julkaistu lausunto', status: 'sent', issuedOn: '2026-04-01', publishedAt: new Date('2026-04-02T10:00:00Z') },
      { councilId: council.id, type: 'statement', recipient: 'Aluehallitus', title: 'Luonnoslausunto', status: 'draft' },
    ]);
    const hidden = await buildCouncil({ regionId: region.id, publicityDefault: 'members_only' });
    await publishedMeeting(hidden.id, 'Jäsenten kokous');

    const res = await call(feedRoute.loader, makeRequest('/feed.xml'));
    expect(res.headers.get('content-type')).toContain('application/atom+xml');
    const xml = await res.text();
    const doc = parser.parse(xml);
    expect(doc.feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    for (const key of ['id', 'title', 'updated']) expect(doc.feed[key]).toBeTruthy();
    const entries = [doc.feed.entry].flat();
    expect(entries).toHaveLength(3);
    for (const e of entries) {
      expect(e.id).toBeTruthy();
      expect(e.title).toBeTruthy();
      expect(new Date(e.updated).toString()).not.toBe('Invalid Date');
      expect(e.link['@href']).toMatch(/^http:\/\/localhost:3000\//);
    }
    expect(xml).not.toContain('Suljettu kokous');
    expect(xml).not.toContain('Luonnos');
    expect(xml).not.toContain('Jäsenten kokous');

    const councilFeed = await call(councilFeedRoute.loader, makeRequest('/councils/feed-council/feed.xml'), { slug: 'feed-council' });
    expect([parser.parse(await councilFeed.text()).feed.entry].flat()).toHaveLength(3);
    const missing = await call(councilFeedRoute.loader, makeRequest('/councils/ei-ole/feed.xml'), { slug: 'ei-ole' });
    expect(missing.status).toBe(404);
  });
});

describe('region and person pages', () => {
  it('groups a region\'s councils and 404s an unknown region', async () => {
    const region = await buildRegion({ slug: 'testialue' });
    await buildCouncil({ regionId: region.id, origin: 'ngo_led', kind: 'partnership_table' });
    await buildCouncil({ regionId: region.id, origin: 'county_established' });
    const res = await call(regionRoute.loader, makeRequest('/regions/testialue'), { slug: 'testialue' });
    const data = (await res.json()) as { councils: unknown[] };
    expect(data.councils).toHaveLength(2);
    expect((await call(regionRoute.loader, makeRequest('/regions/nope'), { slug: 'nope' })).status).toBe(404);
  });

  it('shows a person\'s seats without contact details, and nothing for members-only councils', async () => {
    const { memberPerson } = await buildCouncilWithRoster();
    const res = await call(personRoute.loader, makeRequest(`/people/${memberPerson.id}`), { personId: memberPerson.id });
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).toContain(memberPerson.familyName);
    expect(text).not.toContain(memberPerson.email!);
    expect(text).not.toContain('+358');
    const hidden = await buildCouncilWithRoster({ publicityDefault: 'members_only' });
    const none = await call(personRoute.loader, makeRequest(`/people/${hidden.memberPerson.id}`), { personId: hidden.memberPerson.id });
    expect(none.status).toBe(404);
    expect((await call(personRoute.loader, makeRequest('/people/not-a-uuid'), { personId: 'not-a-uuid' })).status).toBe(404);
  });
});

describe('sitemap', () => {
  it('is an index of bounded files listing public pages with hreflang alternates', async () => {
    const council = await buildCouncil({ slug: 'sitemap-council' });
    const meeting = await publishedMeeting(council.id, 'Kartalla');
    const index = parser.parse(await (await call(sitemapRoute.loader, makeRequest('/sitemap.xml'))).text());
    const files = ([index.sitemapindex.sitemap].flat() as Array<{ loc: string }>).map((f) => f.loc);
    expect(files[0]).toBe('http://localhost:3000/sitemaps/pages.xml');
    expect(files).toContain('http://localhost:3000/sitemaps/meetings-1.xml');
    const locs: string[] = [];
    let xml = '';
    for (const loc of files) {
      const file = new URL(loc).pathname.replace('/sitemaps/', '');
      const res = await call(sitemapFile.loader, makeRequest(`/sitemaps/${file}`), { file });
      expect(res.status, file).toBe(200);
      xml = await res.text();
      locs.push(...([parser.parse(xml).urlset.url].flat() as Array<{ loc: string }>).map((u) => u.loc));
    }
    expect(locs).toContain('http://localhost:3000/councils/sitemap-council');
    expect(locs).toContain(`http://localhost:3000/meetings/${meeting.id}`);
    expect(new Set(locs).size).toBe(locs.length);
    expect(xml).toContain('hreflang="sv"');
    for (const file of ['meetings-0.xml', 'meetings-999.xml', 'x.xml', '../pages.xml']) {
      expect((await call(sitemapFile.loader, makeRequest(`/sitemaps/${encodeURIComponent(file)}`), { file })).status, file).toBe(404);
    }
  });

  it('accepts only its own file names', () => {
    expect(parseSitemapFile('pages.xml')).toEqual({ kind: 'pages' });
    expect(parseSitemapFile('meetings-12.xml')).toEqual({ kind: 'meetings', n: 12 });
    for (const bad of ['meetings-01.xml', 'meetings-1.xml.gz', 'meetings-1234567.xml', 'pages.xml\0', '']) expect(parseSitemapFile(bad), bad).toBeNull();
  });
});

describe('feedback form', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
    process.env.SMTP_URL = smtp.url;
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await smtp.close();
  });

  it('stores the message and emails the admins', async () => {
    await buildUser({ grants: [{ role: 'admin' }], email: 'yllapito@example.org' });
    const res = await call(feedbackRoute.action, makeRequest('/feedback', { form: { message: 'Kontrasti on liian heikko', pageUrl: '/meetings' } }));
    await drainMail();
    expect(res.status).toBe(200);
    const stored = await getDb().select().from(feedbackMessages);
    expect(stored.map((f) => f.message)).toContain('Kontrasti on liian heikko');
    expect(smtp.received.some((m) => m.to.includes('yllapito@example.org'))).toBe(true);
  });

  it('refuses an empty message with a field error and saves nothing', async () => {
    const before = (await getDb().select().from(feedbackMessages)).length;
    const res = await call(feedbackRoute.action, makeRequest('/feedback', { form: { message: '   ' } }));
    await drainMail();
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('Kirjoita viesti.');
    expect((await getDb().select().from(feedbackMessages)).length).toBe(before);
  });
});

