import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import express from 'express';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { getDatabase, getDb, setDatabase, type Db } from '../../db/client.server';
import { setLogger } from '../../app/lib/log.server';
import { onShutdown, setDraining } from '../../app/lib/shutdown.server';
import { installGracefulShutdown } from '../../scripts/lifecycle';
import { errorLogging, loggablePath, mountHealthChecks, requestLogging } from '../../scripts/observability';
import { useTestDatabase } from '../setup/database';

const testDb = useTestDatabase();

// Log lines as the process would write them, captured for assertions.
let lines: Array<Record<string, unknown>> = [];
beforeAll(() => {
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  setLogger(pino({ level: 'info' }, sink));
});
afterEach(() => {
  lines = [];
  vi.unstubAllEnvs();
  setDraining(false);
});
afterAll(() => setLogger(undefined));

function get(port: number, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The parts createApp hooks in, on a small app with routes of our own instead of Remix. */
async function listen(extra?: (app: express.Express) => void) {
  const app = express();
  app.use(requestLogging());
  mountHealthChecks(app);
  extra?.(app);
  app.get('/boom', () => {
    throw new Error('kaboom');
  });
  app.get('*', (_req, res) => {
    res.send('page');
  });
  app.use(errorLogging());
  const server = await new Promise<http.Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { server, port: (server.address() as AddressInfo).port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('health checks', () => {
  it('/healthz answers 200 without touching the database', async () => {
    const app = await listen();
    const real = getDatabase();
    setDatabase(undefined);
    try {
      const res = await get(app.port, '/healthz');
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toEqual({ status: 'ok' });
      expect(res.headers['cache-control']).toBe('no-store');
    } finally {
      setDatabase(real);
      await app.close();
    }
  });

  it('/readyz is 200 on a migrated database and 503 while shutting down', async () => {
    const app = await listen();
    try {
      const ready = await get(app.port, '/readyz');
      expect(ready.status).toBe(200);
      expect(JSON.parse(ready.body)).toEqual({ status: 'ready', database: 'ok', migrations: 'current' });
      setDraining(true);
      const draining = await get(app.port, '/readyz');
      expect(draining.status).toBe(503);
      expect(draining.headers.connection).toBe('close');
    } finally {
      await app.close();
    }
  });

  it('/readyz is 503 when the database does not answer, without leaking the reason', async () => {
    const app = await listen();
    const real = getDatabase();
    // A database server that is not there: nothing listens on port 9 of this machine.
    const client = postgres('postgres://neuvos@127.0.0.1:9/none', { max: 1, connect_timeout: 2, onnotice: () => {} });
    setDatabase({ db: drizzle(client) as unknown as Db, kind: 'postgres', close: () => client.end(), listen: async () => async () => {} });
    try {
      const res = await get(app.port, '/readyz');
      expect(res.status).toBe(503);
      expect(JSON.parse(res.body)).toEqual({ status: 'not_ready', database: 'unreachable', migrations: 'unknown' });
      expect(lines.some((l) => l.msg === 'readiness: database unreachable' && typeof l.reason === 'string')).toBe(true);
    } finally {
      setDatabase(real);
      await client.end();
      await app.close();
    }
  });

  it('/readyz is 503 while a migration this build ships is not applied', async () => {
    const app = await listen();
    // The migrations table belongs to the owner role; the app role may only read it.
    const ownerUrl = testDb.current().urls?.owner;
    const owner = ownerUrl ? postgres(ownerUrl, { max: 1, onnotice: () => {} }) : null;
    const asOwner = owner ? drizzle(owner) : getDb();
    try {
      type Row = { id: number; hash: string; created_at: string };
      const result: unknown = await asOwner.execute(
        sql`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations) returning id, hash, created_at`,
      );
      // PGlite answers { rows }, postgres.js an array.
      const [last] = (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
      const res = await get(app.port, '/readyz');
      expect(res.status).toBe(503);
      expect(JSON.parse(res.body)).toEqual({ status: 'not_ready', database: 'ok', migrations: 'pending' });
      await asOwner.execute(sql`insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${last!.id}, ${last!.hash}, ${last!.created_at})`);
      expect((await get(app.port, '/readyz')).status).toBe(200);
    } finally {
      await owner?.end();
      await app.close();
    }
  });
});

describe('request logging', () => {
  it('writes one JSON line per request with id, method, path without the query, status and duration', async () => {
    const app = await listen();
    try {
      const res = await get(app.port, '/councils/x?token=secret&q=1');
      const id = res.headers['x-request-id'];
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      const line = lines.find((l) => l.msg === 'request' && l.reqId === id);
      expect(line).toMatchObject({ method: 'GET', path: '/councils/x', status: 200 });
      expect(typeof line!.durationMs).toBe('number');
      expect(JSON.stringify(lines)).not.toContain('secret');
    } finally {
      await app.close();
    }
  });

  it('keeps tokens in paths out of the log', async () => {
    const token = 'Qm9vZ2llLXdvb2dpZS1zZWNyZXQtdG9rZW4tMTIzNDU2Nzg';
    expect(loggablePath(`/calendar/${token}.ics`)).toBe('/calendar/:token.ics');
    expect(loggablePath(`/reset-password/${token}`)).toBe('/reset-password/:token');
    expect(loggablePath('/meetings/1b4e28ba-2fa1-11d2-883f-0016d3cca427/agenda')).toBe('/meetings/1b4e28ba-2fa1-11d2-883f-0016d3cca427/agenda');
    const app = await listen();
    try {
      await get(app.port, `/invite/${token}`);
      expect(JSON.stringify(lines)).not.toContain(token);
    } finally {
      await app.close();
    }
  });

  it('ignores a client-sent X-Request-Id unless TRUST_PROXY=1, and then only a sane one', async () => {
    const app = await listen();
    try {
      expect((await get(app.port, '/', { 'x-request-id': 'from-client-1' })).headers['x-request-id']).not.toBe('from-client-1');
      vi.stubEnv('TRUST_PROXY', '1');
      await app.close();
      const trusted = await listen();
      try {
        expect((await get(trusted.port, '/', { 'x-request-id': 'lb-abc-123' })).headers['x-request-id']).toBe('lb-abc-123');
        expect((await get(trusted.port, '/', { 'x-request-id': 'bad id\twith spaces' })).headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      } finally {
        await trusted.close();
      }
    } catch (error) {
      await app.close().catch(() => {});
      throw error;
    }
  });

  it('logs an unhandled error with the request id, and the client gets a plain 500', async () => {
    const app = await listen();
    try {
      const res = await get(app.port, '/boom');
      expect(res.status).toBe(500);
      expect(res.body).toBe('Internal Server Error');
      const id = res.headers['x-request-id'];
      expect(lines.find((l) => l.msg === 'unhandled error')).toMatchObject({ reqId: id, level: 50 });
      expect(lines.find((l) => l.msg === 'request' && l.reqId === id)).toMatchObject({ status: 500, level: 50 });
    } finally {
      await app.close();
    }
  });
});

describe('graceful shutdown', () => {
  it('finishes requests in flight, refuses new ones, runs hooks last-first, closes the database, exits 0', async () => {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let arrived!: () => void;
    const inside = new Promise<void>((r) => (arrived = r));
    const app = await listen((a) =>
      a.get('/slow', async (_req, res) => {
        arrived();
        await released;
        res.send('done');
      }),
    );
    const order: string[] = [];
    onShutdown('first', () => void order.push('first'));
    onShutdown('queue', async () => {
      await new Promise((r) => setTimeout(r, 20));
      order.push('queue');
    });
    const exit = vi.fn();
    const shutdown = installGracefulShutdown(app.server, {
      timeoutMs: 5000,
      closeDatabase: async () => void order.push('database'),
      exit,
      signals: [],
    });

    const slow = get(app.port, '/slow');
    await inside;
    const stopping = shutdown();
    // A new connection is refused while the slow request is still running.
    await expect(get(app.port, '/healthz')).rejects.toThrow(/ECONNREFUSED/);
    expect(exit).not.toHaveBeenCalled();
    release();
    expect(await slow).toMatchObject({ status: 200, body: 'done' });
    await stopping;
    expect(order).toEqual(['queue', 'first', 'database']);
    expect(exit).toHaveBeenCalledWith(0);
  });

  it('cuts a request that outlives the timeout and still exits 0', async () => {
    const app = await listen((a) => a.get('/hang', () => {}));
    const exit = vi.fn();
    const closeDatabase = vi.fn(async () => {});
    const shutdown = installGracefulShutdown(app.server, { timeoutMs: 200, closeDatabase, exit, signals: [] });
    const hanging = get(app.port, '/hang');
    await new Promise((r) => setTimeout(r, 50));
    const t0 = Date.now();
    await shutdown();
    expect(Date.now() - t0).toBeLessThan(2000);
    await expect(hanging).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(closeDatabase).toHaveBeenCalledOnce();
    expect(exit).toHaveBeenCalledWith(0);
    expect(lines.some((l) => l.msg === 'shutdown timeout: cutting the requests still running')).toBe(true);
  });
});
