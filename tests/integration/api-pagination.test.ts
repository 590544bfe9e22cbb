/**
 * Lists that do not grow with the country: the API's lists come a page at a time with RFC 8288
 * Link headers and a total; bad paging input is a 400, never a 500 or an unbounded answer; the
 * home page shows a bounded number of councils per region with the count.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as councilsApi from '../../app/routes/api.v1.councils._index';
import * as exportApi from '../../app/routes/api.v1.export._index';
import * as statementsApi from '../../app/routes/api.v1.councils.$slug.statements';
import * as meetingsApi from '../../app/routes/api.v1.councils.$slug.meetings';
import * as membershipsApi from '../../app/routes/api.v1.councils.$slug.memberships';
import * as home from '../../app/routes/_index';
import * as statementsPage from '../../app/routes/councils.$slug.statements';
import { parsePagination, paginationHeaders } from '../../app/lib/pagination.server';
import { listUpcomingPublicMeetings } from '../../app/models/meetings.server';
import { buildCouncil, buildMeeting, buildRegion } from '../factories';
import { buildStatement } from '../factories/plans';
import { useTestDatabase } from '../setup/database';
import { call, makeRequest } from '../support/requests';

useTestDatabase();

let regionSlug = '';
let statementCouncil = '';
const COUNCILS = 12;

beforeAll(async () => {
  const region = await buildRegion();
  regionSlug = region.slug;
  for (let i = 0; i < COUNCILS; i++) await buildCouncil({ regionId: region.id, nameFi: `Neuvosto ${String(i).padStart(2, '0')}` });
  const council = await buildCouncil({ regionId: region.id, nameFi: 'Lausuntoneuvosto', parentId: null });
  statementCouncil = council.slug;
  for (let i = 0; i < 7; i++) {
    await buildStatement(council.id, { title: `Lausunto ${i}`, status: 'sent', publishedAt: new Date(), issuedOn: `2026-01-${String(10 + i)}` });
  }
  await buildStatement(council.id, { title: 'Luonnos', status: 'draft', publishedAt: null });
});

function parseLinks(header: string | null): Record<string, URL> {
  const out: Record<string, URL> = {};
  for (const part of (header ?? '').split(/,\s*(?=<)/)) {
    const m = /^<([^>]+)>;\s*rel="([a-z]+)"$/.exec(part.trim());
    if (m) out[m[2]!] = new URL(m[1]!);
  }
  return out;
}

describe('GET /api/v1/councils pagination', () => {
  it('walks every council exactly once through the Link headers, with the total', async () => {
    const seen: string[] = [];
    let next: string | null = '/api/v1/councils?per_page=5';
    let pages = 0;
    let total = 0;
    while (next && pages < 20) {
      const res = await call(councilsApi.loader, makeRequest(next));
      expect(res.status).toBe(200);
      const body = (await res.json()) as { councils: Array<{ slug: string }>; total: number; page: number; perPage: number; lastPage: number };
      expect(body.councils.length).toBeLessThanOrEqual(5);
      expect(body.perPage).toBe(5);
      total = Number(res.headers.get('x-total-count'));
      expect(body.total).toBe(total);
      seen.push(...body.councils.map((c) => c.slug));
      const links = parseLinks(res.headers.get('link'));
      expect(links.first?.searchParams.get('page')).toBe('1');
      expect(links.last?.searchParams.get('page')).toBe(String(body.lastPage));
      if (body.page > 1) expect(links.prev?.searchParams.get('page')).toBe(String(body.page - 1));
      else expect(links.prev).toBeUndefined();
      next = links.next ? `${links.next.pathname}${links.next.search}` : null;
      pages += 1;
    }
    expect(total).toBeGreaterThanOrEqual(COUNCILS + 1);
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    expect(pages).toBe(Math.ceil(total / 5));
  });

  it('defaults to 100 per page and refuses bad paging input with a 400', async () => {
    const res = await call(councilsApi.loader, makeRequest('/api/v1/councils'));
    const body = (await res.json()) as { perPage: number; page: number };
    expect(body).toMatchObject({ perPage: 100, page: 1 });
    for (const q of ['page=-1', 'page=0', 'page=abc', 'per_page=100000', 'per_page=0', 'per_page=1.5', 'page=99999999999']) {
      const bad = await call(councilsApi.loader, makeRequest(`/api/v1/councils?${q}`));
      expect(bad.status, q).toBe(400);
      expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/page/);
    }
    const beyond = await call(councilsApi.loader, makeRequest('/api/v1/councils?page=999'));
    expect(beyond.status).toBe(200);
    expect(((await beyond.json()) as { councils: unknown[] }).councils).toEqual([]);
    expect(parseLinks(beyond.headers.get('link')).prev?.searchParams.get('page')).toBe(
      parseLinks(beyond.headers.get('link')).last?.searchParams.get('page'),
    );
  });

  it('survives a 10 KB query string', async () => {
    const res = await call(councilsApi.loader, makeRequest(`/api/v1/councils?x=${'a'.repeat(10_000)}&per_page=2`));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { councils: unknown[] }).councils.length).toBe(2);
  });
});

describe('other list endpoints', () => {
  it('pages the export list', async () => {
    const res = await call(exportApi.loader, makeRequest('/api/v1/export?per_page=3&page=2'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { files: unknown[]; page: number; total: number };
    expect(body.files.length).toBe(3);
    expect(body.page).toBe(2);
    expect(Number(res.headers.get('x-total-count'))).toBe(body.total);
    expect((await call(exportApi.loader, makeRequest('/api/v1/export?per_page=101'))).status).toBe(400);
  });

  it('pages the statements register in the database, drafts never counted', async () => {
    const first = await call(statementsApi.loader, makeRequest(`/api/v1/councils/${statementCouncil}/statements?per_page=3`), { slug: statementCouncil });
    const body = (await first.json()) as { statements: Array<{ title: string }>; total: number; lastPage: number };
    expect(body.total).toBe(7);
    expect(body.lastPage).toBe(3);
    expect(body.statements.map((s) => s.title)).toEqual(['Lausunto 6', 'Lausunto 5', 'Lausunto 4']);
    const last = await call(statementsApi.loader, makeRequest(`/api/v1/councils/${statementCouncil}/statements?per_page=3&page=3`), { slug: statementCouncil });
    expect(((await last.json()) as { statements: Array<{ title: string }> }).statements.map((s) => s.title)).toEqual(['Lausunto 0']);
    expect(parseLinks(last.headers.get('link')).next).toBeUndefined();
    const bad = await call(statementsApi.loader, makeRequest(`/api/v1/councils/${statementCouncil}/statements?page=-1`), { slug: statementCouncil });
    expect(bad.status).toBe(400);
  });
});

describe('meetings and memberships pages', () => {
  it('pages a council’s meetings within the date range, each once, with Link and total', async () => {
    const region = await buildRegion();
    const council = await buildCouncil({ regionId: region.id });
    const start = Date.now() + 2 * 86_400_000;
    for (let i = 0; i < 5; i++) {
      await buildMeeting(council.id, { startsAt: new Date(start + i * 14 * 86_400_000), endsAt: new Date(start + i * 14 * 86_400_000 + 7_200_000), title: `Kokous ${i}` });
    }
    const seen: string[] = [];
    let next: string | null = `/api/v1/councils/${council.slug}/meetings?per_page=2`;
    let pages = 0;
    while (next && pages < 5) {
      const res = await call(meetingsApi.loader, makeRequest(next), { slug: council.slug });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { meetings: Array<{ name: string }>; total: number; lastPage: number };
      expect(body.meetings.length).toBeLessThanOrEqual(2);
      expect(body.total).toBe(5);
      expect(res.headers.get('x-total-count')).toBe('5');
      seen.push(...body.meetings.map((m) => m.name));
      const links = parseLinks(res.headers.get('link'));
      next = links.next ? `${links.next.pathname}${links.next.search}` : null;
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(['Kokous 0', 'Kokous 1', 'Kokous 2', 'Kokous 3', 'Kokous 4']);
    for (const q of ['page=-1', 'per_page=100000', 'per_page=0']) {
      expect((await call(meetingsApi.loader, makeRequest(`/api/v1/councils/${council.slug}/meetings?${q}`), { slug: council.slug })).status, q).toBe(400);
      expect((await call(membershipsApi.loader, makeRequest(`/api/v1/councils/${council.slug}/memberships?${q}`), { slug: council.slug })).status, q).toBe(400);
    }
  });
});

describe('the public statements register page', () => {
  it('shows 50 a page, newest first, with previous/next links, and a bad page number shows the first page', async () => {
    const region = await buildRegion();
    const council = await buildCouncil({ regionId: region.id });
    for (let i = 0; i < 53; i++) {
      await buildStatement(council.id, { title: `Kannanotto ${String(i).padStart(2, '0')}`, status: 'sent', publishedAt: new Date(), issuedOn: `2025-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}` });
    }
    const page = async (q: string) => {
      const res = await call(statementsPage.loader, makeRequest(`/councils/${council.slug}/statements${q}`), { slug: council.slug });
      expect(res.status).toBe(200);
      return (await res.json()) as { statements: Array<{ title: string }>; page: number; pages: number };
    };
    const first = await page('');
    expect(first).toMatchObject({ page: 1, pages: 2 });
    expect(first.statements).toHaveLength(50);
    expect(first.statements[0]!.title).toBe('Kannanotto 52');
    const second = await page('?page=2');
    expect(second.statements.map((s) => s.title)).toEqual(['Kannanotto 02', 'Kannanotto 01', 'Kannanotto 00']);
    expect((await page('?page=-1')).page).toBe(1);
    expect((await page('?page=999')).page).toBe(2);
    expect((await page('?per_page=100000')).statements).toHaveLength(50);
  });
});

describe('paging helpers', () => {
  it('keeps the other query parameters and uses the configured origin', () => {
    const url = new URL('http://evil.example/api/v1/councils/x/statements?type=statement&page=2&per_page=10');
    const parsed = parsePagination(url);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const headers = paginationHeaders(url, 'https://neuvos.example', parsed.value, 35);
    expect(headers['X-Total-Count']).toBe('35');
    const links = parseLinks(headers.Link!);
    expect(Object.keys(links).sort()).toEqual(['first', 'last', 'next', 'prev']);
    expect(links.next!.origin).toBe('https://neuvos.example');
    expect(links.next!.searchParams.get('type')).toBe('statement');
    expect(links.last!.searchParams.get('page')).toBe('4');
  });
});

describe('home page and upcoming meetings', () => {
  it('shows at most six councils per region with the region count and a link to the rest', async () => {
    const res = await call(home.loader, makeRequest('/'));
    const body = (await res.json()) as { regions: Array<{ slug: string; councilCount: number; councils: unknown[] }> };
    const region = body.regions.find((r) => r.slug === regionSlug)!;
    expect(region.councilCount).toBe(COUNCILS + 1);
    expect(region.councils.length).toBe(6);
  });

  it('bounds the upcoming query by start time and caps its limit', async () => {
    const region = await buildRegion();
    const council = await buildCouncil({ regionId: region.id });
    const now = new Date('2030-06-01T10:00:00Z');
    const at = (days: number) => new Date(now.getTime() + days * 86_400_000);
    const soon = await buildMeeting(council.id, { startsAt: at(1), endsAt: at(1.1), title: 'Pian' });
    const running = await buildMeeting(council.id, { startsAt: at(-0.1), endsAt: at(0.1), title: 'Käynnissä' });
    await buildMeeting(council.id, { startsAt: at(-1), endsAt: at(-0.9), title: 'Ohi' });
    await buildMeeting(council.id, { startsAt: at(3 * 365), endsAt: at(3 * 365 + 0.1), title: 'Kaukana' });
    const rows = await listUpcomingPublicMeetings({ councilId: council.id, now, limit: 100_000 });
    expect(rows.map((r) => r.id)).toEqual([running.id, soon.id]);
  });
});
