/**
 * `npm run bench`: serve the built app over a fresh demo database (PGlite in memory, or
 * DATABASE_URL) on 127.0.0.1 and measure public pages: latency percentiles, throughput and
 * database queries per request. Bounded: a fixed number of requests per page.
 */
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { hashPassword } from '../app/auth/password.server';
import { openFromEnv, openPglite, queryCounter, setDatabase } from '../db/client.server';
import { migrateDatabase } from '../db/migrate';
import { seedDemo } from '../db/seed';
import { createApp } from './server';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

async function main() {
  const database = process.env.DATABASE_URL ? await openFromEnv() : await openPglite();
  await migrateDatabase(database);
  await seedDemo(database.db, { passwordHash: await hashPassword('bench-password-123') });
  setDatabase(database);
  const app = await createApp({ buildPath: path.resolve('build', 'index.js') });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const meetingsPage = await (await fetch(`${base}/meetings`)).text();
  const meetingId = /href="\/meetings\/([0-9a-f-]{36})"/.exec(meetingsPage)?.[1];
  const pages = [
    '/',
    '/meetings',
    '/regions/pirkanmaa',
    '/councils/pirkanmaa-jarjestoyhteistyoryhma',
    '/councils/helsinki-jarjestoneuvottelukunta',
    ...(meetingId ? [`/meetings/${meetingId}`] : []),
    '/search?q=kokous',
    '/feed.xml',
    '/api/v1/councils',
    '/api/v1/councils/pirkanmaa-jarjestoyhteistyoryhma/memberships?term=current',
  ];
  console.log(`Benchmark: ${REQUESTS} requests per page, concurrency ${CONCURRENCY}, database ${database.kind}`);
  console.log('page | status | req/s | p50 ms | p95 ms | queries/req | bytes');
  for (const page of pages) {
    const warm = await fetch(base + page);
    const bytes = (await warm.arrayBuffer()).byteLength;
    const times: number[] = [];
    const before = queryCounter.count;
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < REQUESTS) {
          next += 1;
          const t0 = performance.now();
          const res = await fetch(base + page);
          await res.arrayBuffer();
          times.push(performance.now() - t0);
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(1);
    const queries = (queryCounter.count - before) / times.length;
    console.log(`${page} | ${warm.status} | ${(times.length / elapsed).toFixed(0)} | ${pct(50)} | ${pct(95)} | ${queries.toFixed(1)} | ${bytes}`);
  }
  server.close();
  await database.close();
}

void main();
