/**
 * The anonymous response cache on the built app, two instances with their own caches and their own
 * LISTEN connections (on PostgreSQL with TEST_DATABASE_URL; in-process on PGlite otherwise):
 * publishing minutes makes every cached public page new on both, right after the commit.
 * No browser needed: plain HTTP against the servers.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, openPostgres, setDatabase, type Database } from '../../db/client.server';
import { migrateDatabase } from '../../db/migrate';
import { minutesVersions } from '../../db/schema';
import { publishMinutes } from '../../app/models/minutes.server';
import { ResponseCache } from '../../app/lib/response-cache.server';
import { createApp } from '../../scripts/server';
import { buildCouncil } from '../factories';
import { buildHeldMeeting } from '../factories/plans';
import { testWho } from '../factories/records';

const url = process.env.TEST_DATABASE_URL?.trim();
let database: Database;
let second: Database | undefined;
let dropDatabase = async () => {};
const servers: Server[] = [];

async function listen(app: import('express').Express): Promise<string> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let a: string;
let b: string;
let truth: string;
let cacheA: ResponseCache;
let cacheB: ResponseCache;

beforeAll(async () => {
  if (url) {
    const name = `neuvos_cache_${randomBytes(5).toString('hex')}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    database = await openPostgres(dbUrl.href);
    second = await openPostgres(dbUrl.href);
    dropDatabase = async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    };
  } else {
    database = await openPglite();
  }
  await migrateDatabase(database);
  setDatabase(database);
  const buildPath = path.resolve('build', 'index.js');
  cacheA = new ResponseCache();
  cacheB = new ResponseCache();
  a = await listen(await createApp({ buildPath, production: true, responseCache: cacheA }));
  // Instance B hears of commits on its own connection, as another process would.
  b = await listen(await createApp({ buildPath, production: true, responseCache: cacheB, invalidationSource: second ?? database }));
  truth = await listen(await createApp({ buildPath, production: true, responseCache: null }));
}, 300_000);

afterAll(async () => {
  for (const s of servers) await new Promise<void>((resolve) => s.close(() => resolve()));
  await second?.close();
  await database?.close();
  setDatabase(undefined);
  await dropDatabase();
});

async function text(base: string, p: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${p}`, { headers });
  return { status: res.status, cache: res.headers.get('x-neuvos-cache'), body: await res.text(), headers: res.headers };
}

describe('response cache on the built app', () => {
  it('shows the published minutes on every cached public page of both instances right after the commit', async () => {
    const council = await buildCouncil({ nameFi: 'Välimuistin vammaisneuvosto' });
    const held = await buildHeldMeeting({
      councilId: council.id,
      startsAt: new Date(Date.now() - 3 * 86_400_000),
      title: 'Kokous välimuistista',
      items: [{ title: 'Esteettömyyskartoitus', decision: 'Hyväksyttiin esteettömyyskartoitus yksimielisesti.' }],
      minutes: 'approved',
    });
    const pages = [
      `/meetings/${held.meeting.id}`,
      `/councils/${council.slug}`,
      '/feed.xml',
      `/councils/${council.slug}/feed.xml`,
      `/api/v1/meetings/${held.meeting.id}`,
      `/councils/${council.slug}/calendar.ics`,
      '/',
    ];
    const before = new Map<string, string>();
    for (const p of pages) {
      for (const base of [a, b]) {
        const first = await text(base, p);
        expect(first.status, p).toBe(200);
        const again = await text(base, p);
        expect(again.cache, `${p} cached`).toBe('hit');
        before.set(p, again.body);
      }
    }
    expect(before.get(pages[0]!)).not.toContain('yksimielisesti');

    const [version] = await database.db.select().from(minutesVersions).where(eq(minutesVersions.id, held.versionId!));
    const result = await publishMinutes(testWho(council), held.meeting.id, held.versionId!, version!.lockVersion);
    expect(result.status).toBe('ok');

    for (const p of pages) {
      const expected = await text(truth, p);
      for (const base of [a, b]) {
        const now = await text(base, p);
        expect(now.cache, `${p} on ${base === a ? 'A' : 'B'}`).toBe('miss');
        // Feeds carry their generation time, and without APP_ORIGIN links carry each server's port.
        const strip = (s: string) =>
          s.replace(/<updated>[^<]*<\/updated>/g, '').replace(/DTSTAMP:[^\r\n]*/g, '').replace(/127\.0\.0\.1:\d+/g, 'host');
        expect(strip(now.body), p).toBe(strip(expected.body));
      }
    }
    for (const base of [a, b]) {
      expect((await text(base, pages[0]!)).body).toContain('yksimielisesti');
      expect((await text(base, pages[4]!)).body).toContain('yksimielisesti');
    }
  });

  it('serves public pages with the nonce-free policy and no script, and never caches a signed-in page', async () => {
    const home = await text(a, '/');
    const cached = await text(a, '/');
    expect(cached.cache).toBe('hit');
    expect(cached.headers.get('content-security-policy')).not.toMatch(/nonce-/);
    expect(cached.body).not.toMatch(/<script/i);
    expect(cached.headers.get('etag')).toBe(home.headers.get('etag'));
    expect(cached.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
    const notModified = await fetch(`${a}/`, { headers: { 'If-None-Match': cached.headers.get('etag')! } });
    expect(notModified.status).toBe(304);
    const signedIn = await text(a, '/', { Cookie: 'neuvos_session=whatever' });
    expect(signedIn.cache).toBeNull();
    expect(signedIn.headers.get('cache-control')).toBe('no-store');
    const login = await text(a, '/login');
    expect(login.cache).toBeNull();
  });
});
