/**
 * Each public page makes a fixed number of database queries whatever the amount of data:
 * count them on a small data set, grow the data, count again, and require equal counts.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, queryCounter } from '../../db/client.server';
import { agendaItems, minutes, minutesVersions, statements } from '../../db/schema';
import * as home from '../../app/routes/_index';
import * as meetingsPage from '../../app/routes/meetings._index';
import * as councilPage from '../../app/routes/councils.$slug._index';
import * as regionPage from '../../app/routes/regions.$slug';
import * as personPage from '../../app/routes/people.$personId';
import * as feed from '../../app/routes/feed[.]xml';
import * as councilFeed from '../../app/routes/councils.$slug.feed[.]xml';
import * as sitemap from '../../app/routes/sitemap[.]xml';
import * as search from '../../app/routes/search';
import * as councilsApi from '../../app/routes/api.v1.councils._index';
import * as statementsApi from '../../app/routes/api.v1.councils.$slug.statements';
import { buildCouncilWithRoster, buildMeeting, buildMembership, buildPerson, buildRegion } from '../factories';
import { useTestDatabase } from '../setup/database';
import { call, makeRequest } from '../support/requests';

useTestDatabase();

type Page = { name: string; loader: (args: never) => unknown; path: () => string; params: () => Record<string, string> };

let council: Awaited<ReturnType<typeof buildCouncilWithRoster>>;
let regionSlug = '';

async function addMeetings(councilId: string, n: number, offsetDays: number) {
  for (let i = 0; i < n; i++) {
    const startsAt = new Date(Date.UTC(2026, 0, 5 + offsetDays + i, 10));
    const past = startsAt < new Date();
    const meeting = await buildMeeting(councilId, {
      title: `Kokous ${offsetDays + i}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 7_200_000),
      status: past ? 'held' : 'planned',
      agendaPublishedAt: past ? new Date(startsAt.getTime() - 86_400_000 * 7) : null,
    });
    if (!past) continue;
    await getDb().insert(agendaItems).values({ meetingId: meeting.id, councilId, position: 1, title: `Asia ${i}` });
    const [m] = await getDb().insert(minutes).values({ meetingId: meeting.id, councilId }).returning();
    const [v] = await getDb().insert(minutesVersions).values({ minutesId: m!.id, versionNo: 1 }).returning();
    await getDb().update(minutesVersions).set({ status: 'approved', approvedAt: new Date(), approvalMethod: 'at_meeting' }).where(eq(minutesVersions.id, v!.id));
    await getDb().update(minutesVersions).set({ status: 'published', publishedAt: new Date() }).where(eq(minutesVersions.id, v!.id));
  }
}

const pages: Page[] = [
  { name: 'home', loader: home.loader as never, path: () => '/', params: () => ({}) },
  { name: 'meetings', loader: meetingsPage.loader as never, path: () => '/meetings', params: () => ({}) },
  { name: 'council', loader: councilPage.loader as never, path: () => `/councils/${council.council.slug}`, params: () => ({ slug: council.council.slug }) },
  { name: 'region', loader: regionPage.loader as never, path: () => `/regions/${regionSlug}`, params: () => ({ slug: regionSlug }) },
  { name: 'person', loader: personPage.loader as never, path: () => `/people/${council.memberPerson.id}`, params: () => ({ personId: council.memberPerson.id }) },
  { name: 'feed', loader: feed.loader as never, path: () => '/feed.xml', params: () => ({}) },
  { name: 'council feed', loader: councilFeed.loader as never, path: () => `/councils/${council.council.slug}/feed.xml`, params: () => ({ slug: council.council.slug }) },
  { name: 'sitemap', loader: sitemap.loader as never, path: () => '/sitemap.xml', params: () => ({}) },
  { name: 'search', loader: search.loader as never, path: () => '/search?q=kokous', params: () => ({}) },
];

async function countAll(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const page of pages) {
    const before = queryCounter.count;
    const res = await call(page.loader as never, makeRequest(page.path()), page.params());
    expect(res.status, page.name).toBe(200);
    counts[page.name] = queryCounter.count - before;
  }
  return counts;
}

describe('query counts of public pages', () => {
  let small: Record<string, number>;
  beforeAll(async () => {
    const region = await buildRegion();
    regionSlug = region.slug;
    council = await buildCouncilWithRoster({ regionId: region.id });
    await addMeetings(council.council.id, 2, 0);
    small = await countAll();
    // Grow the data: more members, meetings, councils, statements.
    for (let i = 0; i < 30; i++) {
      const p = await buildPerson();
      await buildMembership(council.term.id, p.id, { categoryId: council.category.id, startDate: '2020-01-01' });
    }
    await addMeetings(council.council.id, 25, 40);
    for (let i = 0; i < 8; i++) {
      const other = await buildCouncilWithRoster({ regionId: region.id });
      await addMeetings(other.council.id, 3, 100 + i * 5);
    }
    await getDb().insert(statements).values(
      Array.from({ length: 20 }, (_, i) => ({
        councilId: council.council.id,
        type: 'statement' as const,
        recipient: 'Aluehallitus',
        title: `Lausunto ${i}`,
        status: 'sent' as const,
        issuedOn: '2026-02-01',
        publishedAt: new Date(),
      })),
    );
  });

  it('stay the same when the data grows', async () => {
    const large = await countAll();
    console.log('queries per public page (small → large):', JSON.stringify(Object.fromEntries(Object.keys(small).map((k) => [k, `${small[k]} → ${large[k]}`]))));
    expect(large).toEqual(small);
  });

  it('stay within each page\'s budget', async () => {
    // Upper bounds per page (issue 13): a page that needs more queries needs a reason in review.
    const budget: Record<string, number> = {
      home: 3, meetings: 2, council: 14, region: 2, person: 1, feed: 3, 'council feed': 5, sitemap: 1, search: 4,
      // api statements: +1 for the influence trace's handling steps, one batched query whatever the page size.
      'api councils': 2, 'api statements': 5,
    };
    const counts = await countAll();
    const regionCouncil = council.council.slug;
    for (const [name, loader, path, params] of [
      ['api councils', councilsApi.loader, '/api/v1/councils?per_page=5', {}],
      ['api statements', statementsApi.loader, `/api/v1/councils/${regionCouncil}/statements?per_page=5`, { slug: regionCouncil }],
    ] as const) {
      const before = queryCounter.count;
      const res = await call(loader as never, makeRequest(path), params);
      expect(res.status, name).toBe(200);
      counts[name] = queryCounter.count - before;
    }
    const over = Object.entries(counts).filter(([name, n]) => n > (budget[name] ?? 0));
    expect(over).toEqual([]);
  });
});
