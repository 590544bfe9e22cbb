// The search page and API (filters, paging, bad input), the bounded search and the
// triggers that keep search_documents equal to the public records.
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { agendaItems, councils, decisions, meetings, minutes, minutesVersions } from '../../db/schema';
import { helsinkiWallClock } from '../../app/lib/dates';
import { searchPublished, SEARCH_WINDOW } from '../../app/models/search.server';
import { loader as apiLoader } from '../../app/routes/api.v1.search';
import * as searchRoute from '../../app/routes/search';
import { SEARCH_RESULT_WINDOW } from '../../app/validation/search';
import { buildCouncil, buildMeeting, buildRegion } from '../factories';
import { renderRoute } from '../factories/records';
import { useTestDatabase } from '../setup/database';
import { makeRequest } from '../support/requests';

useTestDatabase();

const published = new Date('2025-01-01T08:00:00Z');
let meetingId = '';
let bigMeetingId = '';
let itemId = '';

beforeAll(async () => {
  const north = await buildRegion({ slug: 'pohjoinen', nameFi: 'Pohjoinen alue', nameSv: 'Norra området', nameEn: 'North' });
  const south = await buildRegion({ slug: 'etelainen', nameFi: 'Eteläinen alue', nameSv: 'Södra området', nameEn: 'South' });
  const a = await buildCouncil({ regionId: north.id, slug: 'pohjoinen-vanhusneuvosto', nameFi: 'Pohjoisen vanhusneuvosto' });
  await buildCouncil({ regionId: north.id, slug: 'pohjoinen-vammaisneuvosto', nameFi: 'Pohjoisen vammaisneuvosto' });
  await buildCouncil({ regionId: south.id, slug: 'etelainen-nuorisovaltuusto', nameFi: 'Eteläisen nuorisovaltuusto' });
  const m = await buildMeeting(a.id, { title: 'Kokous 1/2025', startsAt: helsinkiWallClock('2025-02-10', '13:00'), agendaPublishedAt: published });
  meetingId = m.id;
  const [it1] = await getDb()
    .insert(agendaItems)
    .values({ meetingId: m.id, councilId: a.id, position: 1, title: 'Omaishoidon tuki', body: 'Omaishoitajien vapaapäivät.' })
    .returning();
  itemId = it1!.id;
  // 350 items with one word, in one statement (the triggers refresh set-wise).
  const big = await buildMeeting(a.id, { title: 'Iso kokous', startsAt: helsinkiWallClock('2024-05-10', '13:00'), agendaPublishedAt: published });
  bigMeetingId = big.id;
  await getDb().execute(sql`insert into agenda_items (meeting_id, council_id, position, title, body)
    select ${big.id}, ${a.id}, g, 'Seurantaraportti ' || g, 'Raportti numero ' || g from generate_series(1, 350) g`);
});

describe('search_documents follow the source tables', () => {
  const docCount = async () => {
    const result = await getDb().execute(sql`select count(*)::int as n from search_documents where meeting_id = ${meetingId}`);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{ n: number }>;
    return Number(rows[0]!.n);
  };

  it('drop an item that is withheld, a meeting that is closed and a council that goes members-only', async () => {
    expect(await docCount()).toBeGreaterThan(0);
    await getDb().update(agendaItems).set({ publicity: 'members_only' }).where(eq(agendaItems.id, itemId));
    expect((await searchPublished({ q: 'omaishoidon', locale: 'fi' })).hits).toEqual([]);
    await getDb().update(agendaItems).set({ publicity: 'public' }).where(eq(agendaItems.id, itemId));
    expect((await searchPublished({ q: 'omaishoidon', locale: 'fi' })).hits).toHaveLength(1);
    await getDb().update(meetings).set({ publicity: 'closed' }).where(eq(meetings.id, meetingId));
    expect((await searchPublished({ q: 'omaishoidon', locale: 'fi' })).hits).toEqual([]);
    await getDb().update(meetings).set({ publicity: 'public' }).where(eq(meetings.id, meetingId));
    const councilId = await councilOf(meetingId);
    await getDb().update(councils).set({ publicityDefault: 'members_only' }).where(eq(councils.id, councilId));
    expect((await searchPublished({ q: 'omaishoidon', locale: 'fi' })).hits).toEqual([]);
    await getDb().update(councils).set({ publicityDefault: 'public' }).where(eq(councils.id, councilId));
    expect((await searchPublished({ q: 'omaishoidon', locale: 'fi' })).hits).toHaveLength(1);
  });
  it('one hit per record: the decision joins its agenda item', async () => {
    const [m] = await getDb().insert(minutes).values({ meetingId, councilId: (await councilOf(meetingId)) }).returning();
    const [v] = await getDb().insert(minutesVersions).values({ minutesId: m!.id, versionNo: 1, status: 'draft', summary: 'Pöytäkirja.' }).returning();
    await getDb().insert(decisions).values({ versionId: v!.id, agendaItemId: itemId, decision: 'Vapaapäivien määrä kaksinkertaistetaan.' });
    // Not published yet: the decision text is not searchable, the item is.
    expect((await searchPublished({ q: 'kaksinkertaistetaan', locale: 'fi' })).hits).toEqual([]);
    await getDb().update(minutesVersions).set({ status: 'approved', approvedAt: published, approvalMethod: 'at_meeting' }).where(eq(minutesVersions.id, v!.id));
    await getDb().update(minutesVersions).set({ status: 'published', publishedAt: published }).where(eq(minutesVersions.id, v!.id));
    const byDecision = await searchPublished({ q: 'kaksinkertaistetaan', locale: 'fi' });
    expect(byDecision.hits.map((h) => [h.type, h.url])).toEqual([['decision', `/meetings/${meetingId}#item-${itemId}`]]);
    const byItem = await searchPublished({ q: 'omaishoidon', locale: 'fi' });
    expect(byItem.hits.map((h) => h.url)).toEqual([`/meetings/${meetingId}#item-${itemId}`]);
  });

});

async function councilOf(id: string): Promise<string> {
  const [row] = await getDb().select({ councilId: meetings.councilId }).from(meetings).where(eq(meetings.id, id));
  return row!.councilId;
}

describe('bounded search', () => {
  it('ranks a bounded candidate set, says "more than" and pages up to the window', async () => {
    expect(SEARCH_RESULT_WINDOW).toBe(SEARCH_WINDOW);
    const first = await searchPublished({ q: 'seurantaraportti', locale: 'fi', limit: 100 });
    expect(first.more).toBe(true);
    expect(first.total).toBe(SEARCH_WINDOW);
    expect(first.hits).toHaveLength(100);
    const last = await searchPublished({ q: 'seurantaraportti', locale: 'fi', limit: 100, offset: SEARCH_WINDOW - 50 });
    expect(last.hits).toHaveLength(50);
    expect(await searchPublished({ q: 'seurantaraportti', locale: 'fi', limit: 100, offset: SEARCH_WINDOW })).toEqual({ hits: [], total: 0, more: true });
    // Narrowed, the count is exact again.
    const narrow = await searchPublished({ q: 'seurantaraportti 7', locale: 'fi', limit: 100 });
    expect(narrow.more).toBe(false);
    expect(narrow.hits.map((h) => h.title)).toContain('Seurantaraportti 7');
    expect(bigMeetingId).not.toBe('');
  });
});

describe('/search page', () => {
  const councilOptions = (html: string) => [...html.matchAll(/<option value="([a-z0-9-]+)"/g)].map((m) => m[1]);

  it('lists regions, and councils only of the chosen region', async () => {
    const none = await renderRoute(searchRoute, '/search', makeRequest('/search?q=kokous'));
    expect(none.status).toBe(200);
    expect(none.html).not.toContain('id="search-council"');
    expect(none.html).toContain('Valitse ensin alue');
    expect(councilOptions(none.html)).not.toContain('pohjoinen-vanhusneuvosto');
    const north = await renderRoute(searchRoute, '/search', makeRequest('/search?q=kokous&region=pohjoinen'));
    expect(north.html).toContain('id="search-council"');
    expect(councilOptions(north.html)).toEqual(expect.arrayContaining(['pohjoinen-vanhusneuvosto', 'pohjoinen-vammaisneuvosto']));
    expect(councilOptions(north.html)).not.toContain('etelainen-nuorisovaltuusto');
  });

  it('takes the region from a council given alone, and drops a council outside the region', async () => {
    const alone = await renderRoute(searchRoute, '/search', makeRequest('/search?q=omaishoidon&council=pohjoinen-vanhusneuvosto'));
    expect(alone.html).toMatch(/<option value="pohjoinen" selected/);
    expect(alone.html).toContain('Omaishoidon tuki');
    const outside = await renderRoute(searchRoute, '/search', makeRequest('/search?q=omaishoidon&region=etelainen&council=pohjoinen-vanhusneuvosto'));
    expect(outside.html).not.toContain('Omaishoidon tuki');
    expect(outside.html).toContain('Osa hakuehdoista ei kelvannut');
  });

  it('shows "more than" and a pager for a broad query', async () => {
    const page = await renderRoute(searchRoute, '/search', makeRequest('/search?q=seurantaraportti&page=2'), 'sv');
    expect(page.html).toContain(`Över ${SEARCH_WINDOW} träffar`);
    expect(page.html).toContain('rel="prev"');
    expect(page.html).toContain('rel="next"');
  });

  it('answers odd input with a page, never a 500', async () => {
    for (const query of ['q=' + 'x'.repeat(10_240), 'q=kokous%00%00&region=%00', 'q=kokous&page=-1', 'q=kokous&page=99999&year=abc', 'q=%E0%A4%A&type=nonsense']) {
      const page = await renderRoute(searchRoute, '/search', makeRequest(`/search?${query}`));
      expect(page.status, query.slice(0, 40)).toBe(200);
    }
  });
});

describe('/api/v1/search', () => {
  const call = async (query: string) => apiLoader({ request: makeRequest(`/api/v1/search?${query}`), params: {}, context: {} }) as Promise<Response>;

  it('pages with per_page and RFC 8288 Link headers', async () => {
    const res = await call('q=seurantaraportti&per_page=100&page=2');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { page: number; perPage: number; total: number; totalIsLowerBound: boolean; results: unknown[] };
    expect(body).toMatchObject({ page: 2, perPage: 100, total: SEARCH_WINDOW, totalIsLowerBound: true });
    expect(body.results).toHaveLength(100);
    const link = res.headers.get('Link')!;
    expect(link).toMatch(/<http[^>]*page=1&per_page=100>; rel="first"/);
    expect(link).toMatch(/<http[^>]*page=1&per_page=100>; rel="prev"/);
    expect(link).toMatch(/<http[^>]*page=3&per_page=100>; rel="next"/);
    expect(link).toMatch(/<http[^>]*page=3&per_page=100>; rel="last"/);
    expect(res.headers.get('X-Total-Count')).toBe(String(SEARCH_WINDOW));
    const last = await call('q=seurantaraportti&per_page=100&page=3');
    expect(last.headers.get('Link')).not.toContain('rel="next"');
  });

  it('refuses bad parameters with 400, never 500', async () => {
    for (const query of ['q=kokous&page=-1', 'q=kokous&per_page=100000', 'q=kokous&per_page=0', `q=${'x'.repeat(10_240)}`, 'q=kokous&region=%00', 'q=kokous&type=nonsense']) {
      const res = await call(query);
      expect(res.status, query.slice(0, 40)).toBe(400);
      expect(((await res.json()) as { error: { status: number } }).error.status).toBe(400);
    }
    const nul = await call('q=omaishoidon%00');
    expect(nul.status).toBe(200);
  });
});
