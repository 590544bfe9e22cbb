/**
 * `npm run bench [-- --grow 100] [-- --seconds 1] [-- --connections 8,32]`
 *
 * Serves the built app over a fresh demo database (DATABASE_URL, else PGlite in memory) on
 * 127.0.0.1, captures each public page's response, and serves the same bytes from a bare node:http
 * server (the ceiling). The load comes from a worker thread (keep-alive connections), app and ceiling
 * interleaved in short slices within one run, at each connection count. Printed per page: req/s and
 * p50/p95/p99 of the cached app, of the ceiling, their ratio, and the latency of the uncached app (the
 * first request after an invalidation, measured one at a time).
 *
 * `--grow N` multiplies every domain table on the database in steps (1×, 10×, 100× … N×) and prints
 * the table at each size, plus search latency over a fixed query set. Bounded: every measurement has
 * a time and a request limit.
 */
import http from 'node:http';
import { sql } from 'drizzle-orm';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { hashPassword } from '../app/auth/password.server';
import type { ResponseCache } from '../app/lib/response-cache.server';
import { openFromEnv, openPglite, setDatabase, type Database } from '../db/client.server';
import { migrateDatabase } from '../db/migrate';
import { seedDemo } from '../db/seed';
import { growDatabase } from './bench/grow';
import { createApp } from './server';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i !== -1 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const SLICE_SECONDS = Number(arg('seconds', process.env.BENCH_SECONDS ?? '1'));
const ROUNDS = Number(arg('rounds', '2'));
const CONNECTIONS = arg('connections', '8,32').split(',').map(Number).filter((n) => n > 0 && n <= 256);
const UNCACHED_SAMPLES = Number(arg('uncached', '100'));
const GROW = Number(arg('grow', '1'));
const SEARCH_QUERIES = ['kokous', 'vammaisneuvosto', 'paihdetyo', 'vertaistukea', 'talousarvio', 'lausunto', 'funktionshindrade', 'nuoriso'];

/** The load generator, in a worker so it does not share the servers' event loop. */
const CLIENT = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const { port, path, connections, seconds, maxRequests } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const times = [];
let errors = 0, sent = 0;
const end = performance.now() + seconds * 1000;
function one() {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = http.request({ host: '127.0.0.1', port, path, agent }, (res) => {
      res.on('data', () => {});
      res.on('end', () => { times.push(performance.now() - t0); if (res.statusCode >= 400) errors++; resolve(); });
    });
    req.on('error', () => { errors++; resolve(); });
    req.end();
  });
}
async function loop() { while (performance.now() < end && sent < maxRequests) { sent++; await one(); } }
const started = performance.now();
Promise.all(Array.from({ length: connections }, loop)).then(() => {
  agent.destroy();
  parentPort.postMessage({ times, errors, elapsed: (performance.now() - started) / 1000 });
});
`;

interface Sample {
  times: number[];
  errors: number;
  elapsed: number;
}

function load(port: number, urlPath: string, connections: number): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CLIENT, {
      eval: true,
      workerData: { port, path: urlPath, connections, seconds: SLICE_SECONDS, maxRequests: 200_000 },
    });
    worker.once('message', (m: Sample) => resolve(m));
    worker.once('error', reject);
  });
}

function pct(times: number[], p: number): number {
  if (times.length === 0) return NaN;
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface Captured {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** The bare ceiling: node:http answering each path with the bytes the app sent. */
function ceiling(pages: Map<string, Captured>): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const page = pages.get(req.url ?? '');
    if (!page) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(page.status, page.headers);
    res.end(page.body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function get(port: number, urlPath: string): Promise<Captured> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: urlPath }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string' && k !== 'date' && k !== 'connection' && k !== 'keep-alive') headers[k] = v;
          resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
        });
      })
      .on('error', reject);
  });
}

async function pickPages(port: number): Promise<Array<[string, string]>> {
  const council = (await get(port, '/api/v1/councils?per_page=100')).body.toString();
  const slugs = [...council.matchAll(/"slug":"([a-z0-9-]+)"/g)].map((m) => m[1]!);
  const councilSlug = slugs.find((s) => s.includes('helsinki')) ?? slugs[0] ?? 'none';
  const meetingsHtml = (await get(port, '/meetings')).body.toString();
  const ids = [...new Set([...meetingsHtml.matchAll(/href="\/meetings\/([0-9a-f-]{36})"/g)].map((m) => m[1]!))];
  let withMinutes = ids[0] ?? '';
  for (const id of ids.slice(0, 40)) {
    if ((await get(port, `/meetings/${id}/minutes.pdf`)).status === 200) {
      withMinutes = id;
      break;
    }
  }
  return [
    ['home', '/'],
    ['meetings', '/meetings'],
    ['council', `/councils/${councilSlug}`],
    ['meeting', `/meetings/${withMinutes}`],
    ['feed', '/feed.xml'],
    // A full page at every size (the demo has 46 councils): the bounded page is compared like with like.
    ['api', '/api/v1/councils?per_page=40'],
    ['ics', `/councils/${councilSlug}/calendar.ics`],
    ['minutes pdf', `/meetings/${withMinutes}/minutes.pdf`],
    ['search', '/search?q=kokous'],
  ];
}

const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '–');

async function measure(appPort: number, cache: ResponseCache, label: string, pages: Array<[string, string]>) {
  const captured = new Map<string, Captured>();
  for (const [, p] of pages) captured.set(p, await get(appPort, p));
  const bare = await ceiling(captured);
  const barePort = (bare.address() as AddressInfo).port;
  console.log(`\n## ${label}`);
  console.log('| page | bytes | conns | app req/s | app p50/p95/p99 ms | ceiling req/s | ceiling p50/p95/p99 ms | ratio | uncached p50/p95/p99 ms |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  const uncachedP95: Record<string, number> = {};
  for (const [name, p] of pages) {
    // Uncached: the first request after an invalidation, one at a time.
    const cold: number[] = [];
    for (let i = 0; i < UNCACHED_SAMPLES; i++) {
      cache.invalidate();
      const t0 = performance.now();
      await get(appPort, p);
      cold.push(performance.now() - t0);
    }
    uncachedP95[name] = pct(cold, 95);
    await get(appPort, p); // fill the cache
    for (const connections of CONNECTIONS) {
      const app: Sample = { times: [], errors: 0, elapsed: 0 };
      const top: Sample = { times: [], errors: 0, elapsed: 0 };
      for (let r = 0; r < ROUNDS; r++) {
        for (const [target, port] of [[app, appPort], [top, barePort]] as const) {
          const s = await load(port, p, connections);
          target.times.push(...s.times);
          target.errors += s.errors;
          target.elapsed += s.elapsed;
        }
      }
      const appRps = app.times.length / app.elapsed;
      const topRps = top.times.length / top.elapsed;
      console.log(
        `| ${name} | ${captured.get(p)!.body.length} | ${connections} | ${f(appRps, 0)} | ${f(pct(app.times, 50), 2)}/${f(pct(app.times, 95), 2)}/${f(pct(app.times, 99), 2)} | ${f(topRps, 0)} | ${f(pct(top.times, 50), 2)}/${f(pct(top.times, 95), 2)}/${f(pct(top.times, 99), 2)} | ${f(appRps / topRps, 2)} | ${f(pct(cold, 50))}/${f(pct(cold, 95))}/${f(pct(cold, 99))} |`,
      );
      if (app.errors) console.log(`  (${app.errors} error responses from the app)`);
    }
  }
  // Search latency over a fixed query set, uncached.
  const search: number[] = [];
  for (const q of SEARCH_QUERIES) {
    for (let i = 0; i < 3; i++) {
      cache.invalidate();
      const t0 = performance.now();
      await get(appPort, `/search?q=${encodeURIComponent(q)}`);
      search.push(performance.now() - t0);
    }
  }
  console.log(`\nsearch (${SEARCH_QUERIES.length} queries ×3, uncached): p50 ${f(pct(search, 50))} ms, p95 ${f(pct(search, 95))} ms, p99 ${f(pct(search, 99))} ms; meeting page uncached p95 ${f(uncachedP95.meeting ?? NaN)} ms`);
  await new Promise<void>((resolve) => bare.close(() => resolve()));
  return uncachedP95;
}

async function publishedAgendaItems(database: Database): Promise<number> {
  const result = (await database.db.execute(
    sql`SELECT count(*)::int AS n FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id WHERE m.agenda_published_at IS NOT NULL`,
  )) as unknown as { rows?: Array<{ n: number }> } | Array<{ n: number }>;
  const rows = Array.isArray(result) ? result : (result.rows ?? []);
  return Number(rows[0]?.n ?? 0);
}

async function main() {
  const database: Database = process.env.DATABASE_URL ? await openFromEnv() : await openPglite();
  if (GROW > 1 && database.kind !== 'postgres') console.log('(--grow on the embedded database: fine for a quick look; the goals are for PostgreSQL)');
  await migrateDatabase(database);
  await seedDemo(database.db, { passwordHash: await hashPassword('bench-password-123') });
  if (database.kind === 'pglite') await database.pglite?.exec('ANALYZE');
  setDatabase(database);
  const app = await createApp({ buildPath: path.resolve('build', 'index.js'), production: true });
  const cache = app.locals.responseCache as ResponseCache | null;
  if (!cache) throw new Error('The bench needs the response cache (RESPONSE_CACHE_MB must not be 0).');
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as AddressInfo).port;
  console.log(`# Neuvos bench: database ${database.kind}, ${SLICE_SECONDS}s slices × ${ROUNDS} rounds interleaved, connections ${CONNECTIONS.join('/')}`);

  const steps = [1];
  for (let s = 10; s <= GROW; s *= 10) steps.push(s);
  if (GROW > 1 && steps[steps.length - 1] !== GROW) steps.push(GROW);
  const p95BySize = new Map<number, Record<string, number>>();
  // The same pages at every size (the originals stay when the data grows), so 100× compares like with like.
  const pages = await pickPages(port);
  let size = 1;
  for (const [i, target] of steps.entries()) {
    if (target > size) {
      const t0 = performance.now();
      const grown = await growDatabase(database, target / size, i);
      cache.invalidate();
      console.log(`\n(grew ${size}× → ${target}×: ${grown.rows} rows in ${grown.tables} tables, ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
      size = target;
    }
    const items = await publishedAgendaItems(database);
    p95BySize.set(size, await measure(port, cache, `${size}× data (${items} published agenda items)`, pages));
  }
  if (steps.length > 1) {
    const base = p95BySize.get(1)!;
    const last = p95BySize.get(size)!;
    console.log(`\nuncached p95 at ${size}× / 1×: ${Object.keys(base).map((k) => `${k} ${f(last[k]! / base[k]!, 2)}`).join(', ')}`);
  }
  console.log(`\ncache: ${JSON.stringify(cache.stats)}`);
  server.close();
  await database.close();
  process.exit(0);
}

void main();
