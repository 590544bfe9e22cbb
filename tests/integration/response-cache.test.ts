import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { ServerBuild } from '@remix-run/node';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheKeyFor, etagMatches, ResponseCache } from '../../app/lib/response-cache.server';
import { createApp } from '../../scripts/server';
import { buildRegion } from '../factories';
import { useTestDatabase } from '../setup/database';

const testDb = useTestDatabase();

/** A counter the fake routes read, so a test can see whether the app ran. */
let renders = 0;
let version = 'v1';

const resource = (fn: (args: { request: Request; context: Record<string, unknown> }) => Response) => ({
  loader: (args: { request: Request; context: Record<string, unknown> }) => {
    renders += 1;
    return fn(args);
  },
});

/** A minimal server build: resource routes that behave like the app's public and private pages. */
function fakeBuild(): ServerBuild {
  const html = (body: string, headers: Record<string, string> = {}) =>
    new Response(body, { headers: { 'Content-Type': 'text/html; charset=utf-8', ...headers } });
  const routes = {
    public: resource(({ request }) => {
      const lng = new URL(request.url).searchParams.get('lng');
      return html(`<!DOCTYPE html><html><body><h1>${version} ${lng ?? ''}</h1>${'x'.repeat(4000)}</body></html>`);
    }),
    nonce: resource(({ context }) => html(`<script nonce="${String(context.cspNonce)}">1</script>`)),
    private: resource(() => html('private', { 'Cache-Control': 'private, no-store' })),
    cookie: resource(() => html('with session', { 'Set-Cookie': 'neuvos_session=abc; Path=/' })),
    missing: resource(() => new Response('Not found', { status: 404 })),
    frozen: resource(() => new Response('%PDF-1.7 frozen', { headers: { 'Content-Type': 'application/pdf', 'Cache-Control': 'public, max-age=31536000, immutable' } })),
    big: resource(() => new Response('b'.repeat(300_000), { headers: { 'Content-Type': 'text/plain' } })),
    manage: resource(() => html('workspace')),
  };
  const routeTable: Record<string, unknown> = {
    root: { id: 'root', path: '', module: {} },
  };
  for (const [name, module] of Object.entries(routes)) {
    routeTable[name] = { id: name, parentId: 'root', path: name === 'manage' ? 'manage/x' : name, module };
  }
  return {
    mode: 'production',
    future: {},
    isSpaMode: false,
    publicPath: '/build/',
    assetsBuildDirectory: 'public/build',
    entry: { module: { default: () => new Response('document') } },
    routes: routeTable,
    assets: { url: '/build/manifest.js', version: 'test', entry: { module: '/build/entry.js', imports: [] }, routes: {} },
  } as unknown as ServerBuild;
}

let server: Server;
let base: string;
let cache: ResponseCache;

beforeAll(async () => {
  cache = new ResponseCache({ maxBytes: 200_000, maxEntryBytes: 100_000, maxAge: 30 });
  const app = await createApp({ build: fakeBuild(), production: true, responseCache: cache });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });

describe('anonymous response cache', () => {
  it('serves the second request from the cache with the same body, security headers, ETag and Cache-Control', async () => {
    version = 'v1';
    const before = renders;
    const first = await get('/public');
    expect(first.status).toBe(200);
    expect(first.headers.get('x-neuvos-cache')).toBe('miss');
    const body1 = await first.text();
    const second = await get('/public');
    expect(second.headers.get('x-neuvos-cache')).toBe('hit');
    expect(await second.text()).toBe(body1);
    expect(renders).toBe(before + 1);
    for (const name of ['content-security-policy', 'x-frame-options', 'x-content-type-options', 'referrer-policy', 'content-type']) {
      expect(second.headers.get(name), name).toBe(first.headers.get(name));
    }
    expect(second.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(second.headers.get('content-security-policy')).not.toContain('nonce-');
    expect(second.headers.get('cache-control')).toBe('public, max-age=30');
    expect(second.headers.get('vary')).toMatch(/Cookie/);
    expect(second.headers.get('vary')).toMatch(/Accept-Encoding/);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(second.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]+"$/);
  });

  it('answers If-None-Match with 304 and ignores garbage validators', async () => {
    const etag = (await get('/public')).headers.get('etag')!;
    const notModified = await get('/public', { 'If-None-Match': etag });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('etag')).toBe(etag);
    expect(await notModified.text()).toBe('');
    expect((await get('/public', { 'If-None-Match': `"nope", W/${etag}` })).status).toBe(304);
    for (const garbage of ['garbage', '"', ',,,', 'x'.repeat(6000), '\u00e4\u00e4']) {
      const res = await fetch(`${base}/public`, { headers: { 'If-None-Match': encodeURIComponent(garbage) } });
      expect(res.status, garbage.slice(0, 10)).toBe(200);
      expect((await res.text()).length).toBeGreaterThan(4000);
    }
  });

  it('sends a stored gzip variant to clients that accept it', async () => {
    await get('/public');
    const res = await fetch(`${base}/public`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('x-neuvos-cache')).toBe('hit');
    // fetch decodes transparently; the raw size shows it was compressed.
    expect(Number(res.headers.get('content-length'))).toBeLessThan(1000);
    expect(await res.text()).toContain('<h1>');
  });

  it('never answers from the cache for a session cookie or Authorization, and never stores their responses', async () => {
    await get('/public');
    const before = renders;
    const withSession = await get('/public', { Cookie: 'neuvos_session=abc' });
    expect(withSession.headers.get('x-neuvos-cache')).toBeNull();
    const withOther = await get('/public', { Cookie: 'lng=sv; something=else' });
    expect(withOther.headers.get('x-neuvos-cache')).toBeNull();
    const withAuth = await get('/public', { Authorization: 'Bearer x' });
    expect(withAuth.headers.get('x-neuvos-cache')).toBeNull();
    expect(renders).toBe(before + 3);
  });

  it('keeps private responses, session cookies, errors, nonce pages and workspace paths out of the cache', async () => {
    for (const path of ['/private', '/cookie', '/missing', '/nonce', '/manage/x']) {
      await get(path);
      const before = renders;
      const again = await get(path);
      expect(again.headers.get('x-neuvos-cache'), path).not.toBe('hit');
      expect(renders, path).toBe(before + 1);
    }
    const nonced = await get('/nonce');
    expect(nonced.headers.get('content-security-policy')).toMatch(/'nonce-[^']+'/);
    const priv = await get('/private');
    expect(priv.headers.get('cache-control')).toBe('private, no-store');
  });

  it('keys by language (query and cookie) and by normalised query order', async () => {
    const sv = await (await get('/public?lng=sv&a=1')).text();
    expect(sv).toContain('sv');
    const swapped = await get('/public?a=1&lng=sv');
    expect(swapped.headers.get('x-neuvos-cache')).toBe('hit');
    expect(await swapped.text()).toBe(sv);
    const fi = await get('/public?a=1&lng=fi');
    expect(await fi.text()).not.toBe(sv);
    const cookieSv = await get('/public', { Cookie: 'lng=sv' });
    const cookieFi = await get('/public', { Cookie: 'lng=fi' });
    expect(cookieSv.headers.get('x-neuvos-cache')).toBe('miss');
    expect(cookieFi.headers.get('x-neuvos-cache')).toBe('miss');
    expect((await get('/public', { Cookie: 'lng=sv' })).headers.get('x-neuvos-cache')).toBe('hit');
  });

  it('keeps the route\u2019s immutable policy for frozen documents', async () => {
    await get('/frozen');
    const res = await get('/frozen');
    expect(res.headers.get('x-neuvos-cache')).toBe('hit');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-type')).toBe('application/pdf');
  });

  it('stays within its byte bound and serves oversized responses uncached', async () => {
    const big = await get('/big');
    expect(big.headers.get('x-neuvos-cache')).toBe('bypass');
    expect((await big.text()).length).toBe(300_000);
    for (let i = 0; i < 60; i += 1) await get(`/public?page=${i}`);
    expect(cache.storedBytes).toBeLessThanOrEqual(cache.maxBytes);
    expect(cache.stats.evictions).toBeGreaterThan(0);
  });

  it('survives a 10 KB query string', async () => {
    const res = await get(`/public?q=${'a'.repeat(10_000)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-neuvos-cache')).toBeNull();
  });

  it('drops everything when a commit changes public data, and only after the commit', async () => {
    version = 'v1';
    await get('/public');
    expect((await get('/public')).headers.get('x-neuvos-cache')).toBe('hit');
    version = 'v2';
    const generation = cache.generation;
    const db = testDb.current().db;
    await db.transaction(async (tx) => {
      await tx.execute(sql`UPDATE regions SET municipality_count = municipality_count WHERE false`);
      await tx.execute(sql`SELECT 1`);
      expect(cache.generation).toBe(generation);
    });
    await buildRegion();
    await expect.poll(() => cache.generation, { timeout: 2000, interval: 5 }).toBeGreaterThan(generation);
    const after = await get('/public');
    expect(after.headers.get('x-neuvos-cache')).toBe('miss');
    expect(await after.text()).toContain('v2');
  });

  it('has the invalidation trigger on every table except the private bookkeeping ones', async () => {
    const rows = (await testDb.current().db.execute(sql`
      SELECT c.relname AS name, EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'neuvos_cache_notify') AS has
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'`)) as unknown as
      | { rows: Array<{ name: string; has: boolean }> }
      | Array<{ name: string; has: boolean }>;
    const list = Array.isArray(rows) ? rows : rows.rows;
    const missing = list.filter((r) => !r.has).map((r) => r.name).sort();
    expect(missing).toEqual(
      ['audit_log', 'auth_tokens', 'calendar_feed_tokens', 'email_subscriptions', 'feedback_messages', 'mail_messages', 'mail_opt_outs', 'meeting_reminders', 'milestone_reminders', 'rate_limit_events', 'sessions', 'unsubscribe_links'].filter((t) => list.some((r) => r.name === t)),
    );
    for (const t of ['councils', 'meetings', 'minutes', 'minutes_versions', 'agenda_items', 'regions', 'people', 'memberships']) {
      expect(list.find((r) => r.name === t)?.has, t).toBe(true);
    }
  });
});

describe('cache key and validators', () => {
  const req = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
    ({ url, method, headers: { host: 'example.test', ...headers } }) as unknown as import('node:http').IncomingMessage;

  it('refuses anything that is not an anonymous public GET', () => {
    expect(cacheKeyFor(req('/'))).not.toBeNull();
    expect(cacheKeyFor(req('/', {}, 'POST'))).toBeNull();
    expect(cacheKeyFor(req('/', { cookie: '__Host-neuvos_session=x' }))).toBeNull();
    expect(cacheKeyFor(req('/my/meetings'))).toBeNull();
    expect(cacheKeyFor(req('/calendar/secret-token.ics'))).toBeNull();
    expect(cacheKeyFor(req(`/?q=${'x'.repeat(3000)}`))).toBeNull();
    expect(cacheKeyFor(req('/?b=2&a=1'))).toBe(cacheKeyFor(req('/?a=1&b=2')));
    expect(cacheKeyFor(req('/?lng=sv'))).not.toBe(cacheKeyFor(req('/')));
    expect(cacheKeyFor(req('/?lng=xx'))).toBe(cacheKeyFor(req('/?lng=xx')));
  });

  it('matches strong and weak validators and rejects garbage', () => {
    expect(etagMatches('"a"', '"a"')).toBe(true);
    expect(etagMatches('W/"a"', '"a"')).toBe(true);
    expect(etagMatches('"b", "a"', '"a"')).toBe(true);
    expect(etagMatches('*', '"a"')).toBe(true);
    expect(etagMatches('a', '"a"')).toBe(false);
    expect(etagMatches(undefined, '"a"')).toBe(false);
    expect(etagMatches('"a"'.repeat(2000), '"a"')).toBe(false);
  });
});
