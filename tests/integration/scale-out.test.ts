import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '../../db/client.server';
import { agendaItemAttachments, documents, mailMessages } from '../../db/schema';
import { enqueue, runQueuedJobs, startQueue, stopQueue } from '../../app/lib/queue/queue.server';
import { MAIL_QUEUE } from '../../app/lib/queue/queues';
import { queueMail } from '../../app/models/outbox.server';
import { STORAGE_READ_UNAVAILABLE, STORAGE_UNAVAILABLE } from '../../app/lib/error-codes';
import { readAllBytes, storageFromEnv } from '../../app/lib/storage.server';
import { SIGN_IN_LIMITS } from '../../app/models/sign-in-limits.server';
import { createApp } from '../../scripts/server';
import { buildRecordsSetup, insertItems } from '../factories/records';
import { onPostgres, useTestDatabase } from '../setup/database';
import { tinyBuild } from '../support/app-server';
import { startFaultyProxy, startS3, type FaultyProxy, type TestS3 } from '../support/s3';
import { scaleOutRoutes } from '../support/scale-out-routes';
import { startSmtp } from '../support/smtp';
import { startWorker, type WorkerProcess } from '../support/worker';

/**
 * Two app instances (the real Express server from createApp with the real route modules for
 * sign-in, a signed-in page, upload and download) on one database and one object store. On
 * PostgreSQL (TEST_DATABASE_URL) they are two separate processes with their own connection pools
 * and memory; on PGlite, which only one process can open, they are two servers in this process
 * sharing the one PGlite, so there the test shows the HTTP paths, not process isolation.
 */
vi.setConfig({ hookTimeout: 400_000, testTimeout: 240_000 });
const database = useTestDatabase();
// Both instances serve one public origin, as behind a load balancer.
const ORIGIN = 'http://neuvos.test';

interface Instance {
  name: string;
  url: string;
  stop: () => Promise<number | null>;
}

let s3: TestS3;
let proxy: FaultyProxy;
let storageUrl: string;
const instances: Instance[] = [];

async function startChild(name: string, env: Record<string, string>): Promise<Instance> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.resolve('tests/support/instance.ts')], {
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    // Generous: a process loading TypeScript and opening a database on a busy CI machine.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start in 180 s: ${stderr}`));
    }, 180_000);
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /NEUVOS_LISTENING (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}: ${stderr}`));
    });
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

async function startInProcess(name: string): Promise<Instance> {
  const app = await createApp({ build: tinyBuild(scaleOutRoutes), production: true });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    name,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve(0))),
  };
}

beforeAll(async () => {
  s3 = await startS3();
  proxy = await startFaultyProxy(s3.endpoint);
  storageUrl = `s3://S3RVER:S3RVER@${s3.bucket}?endpoint=${encodeURIComponent(proxy.endpoint)}&maxAttempts=1`;
  if (onPostgres) {
    const url = database.current().url!;
    for (const name of ['a', 'b']) instances.push(await startChild(name, { DATABASE_URL: url, STORAGE_URL: storageUrl, APP_ORIGIN: ORIGIN }));
  } else {
    process.env.STORAGE_URL = storageUrl;
    process.env.APP_ORIGIN = ORIGIN;
    for (const name of ['a', 'b']) instances.push(await startInProcess(name));
  }
});

afterAll(async () => {
  await Promise.all(instances.map((i) => i.stop()));
  delete process.env.STORAGE_URL;
  delete process.env.APP_ORIGIN;
  await proxy?.close();
  await s3?.close();
});

const A = () => instances[0]!;
const B = () => instances[1]!;

function login(instance: Instance, email: string, password: string) {
  return fetch(`${instance.url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password, redirectTo: '/account' }),
  });
}

function cookieOf(res: Response): string {
  const setCookie = res.headers.get('set-cookie');
  if (!setCookie) throw new Error(`no session cookie (status ${res.status})`);
  return setCookie.split(';')[0]!;
}

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('two instances on one database and one object store', () => {
  it('both answer /healthz and /readyz with request ids of their own', async () => {
    for (const instance of instances) {
      const health = await fetch(`${instance.url}/healthz`);
      expect(health.status).toBe(200);
      const ready = await fetch(`${instance.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', database: 'ok', migrations: 'current' });
      expect(ready.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('a session started on one instance works on the other', async () => {
    const s = await buildRecordsSetup();
    const res = await login(A(), s.secretary.user.email, s.secretary.password);
    expect(res.status).toBe(302);
    const cookie = cookieOf(res);
    const onB = await fetch(`${B().url}/account`, { redirect: 'manual', headers: { cookie } });
    expect(onB.status).toBe(200);
    const anonymous = await fetch(`${B().url}/account`, { redirect: 'manual' });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toMatch(/^\/login/);
  });

  it('rate limits count attempts made on both instances together', async () => {
    const s = await buildRecordsSetup();
    const email = s.checkerA.user.email;
    // Failures count per account and address (SIGN_IN_LIMITS.pair): spread them over both instances.
    const max = SIGN_IN_LIMITS.pair.max;
    for (let i = 0; i < max; i++) {
      expect((await login(i % 2 === 0 ? A() : B(), email, 'väärä salasana')).status).toBe(400);
    }
    // The next attempt from this address is refused on either instance, even with the right
    // password; counted per instance, each would have seen only about half of the failures.
    const next = await login(A(), email, s.checkerA.password);
    expect(next.status).toBe(429);
    expect(next.headers.get('set-cookie')).toBeNull();
    expect((await login(B(), email, s.checkerA.password)).status).toBe(429);
  });

  it('a file uploaded through one instance is served by the other, from object storage', async () => {
    const s = await buildRecordsSetup();
    const [item] = await insertItems(s.meeting, [{ title: 'Lausunto', publicity: 'members_only' }]);
    const cookieA = cookieOf(await login(A(), s.secretary.user.email, s.secretary.password));
    const body = new FormData();
    for (const [k, v] of Object.entries({ intent: 'upload', itemId: item!.id, title: 'Liite', publicity: 'members_only' })) body.append(k, v);
    body.append('file', new File([Buffer.from(PDF)], 'lausunto.pdf', { type: 'application/pdf' }));
    const upload = await fetch(`${A().url}/manage/meetings/${s.meeting.id}/agenda`, { method: 'POST', body, headers: { cookie: cookieA, origin: ORIGIN } });
    expect(upload.status).toBe(200);

    const [row] = await getDb()
      .select({ id: agendaItemAttachments.id, key: documents.storageKey })
      .from(agendaItemAttachments)
      .innerJoin(documents, eq(documents.id, agendaItemAttachments.documentId))
      .where(eq(agendaItemAttachments.agendaItemId, item!.id));
    // The object is in the bucket, not on either instance's disk.
    const direct = storageFromEnv({ STORAGE_URL: s3.storageUrl() });
    expect(await readAllBytes((await direct.get(row!.key))!)).toEqual(PDF);

    const cookieB = cookieOf(await login(B(), s.secretary.user.email, s.secretary.password));
    const download = await fetch(`${B().url}/attachments/${row!.id}`, { headers: { cookie: cookieB } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(PDF);

    // The store failing: the 503 the error page turns into "the file service did not answer", not a 500.
    proxy.failWith(503);
    try {
      const failing = await fetch(`${B().url}/attachments/${row!.id}`, { headers: { cookie: cookieB } });
      expect(failing.status).toBe(503);
      expect(await failing.text()).toBe(STORAGE_READ_UNAVAILABLE);
      const body2 = new FormData();
      for (const [k, v] of Object.entries({ intent: 'upload', itemId: item!.id, title: 'Toinen', publicity: 'members_only' })) body2.append(k, v);
      body2.append('file', new File([Buffer.from(PDF)], 'toinen.pdf', { type: 'application/pdf' }));
      const refused = await fetch(`${A().url}/manage/meetings/${s.meeting.id}/agenda`, {
        method: 'POST',
        body: body2,
        headers: { cookie: cookieA, origin: ORIGIN },
      });
      expect(refused.status).toBe(503);
      expect(await refused.text()).toBe(STORAGE_UNAVAILABLE);
      expect(await getDb().select().from(agendaItemAttachments).where(eq(agendaItemAttachments.agendaItemId, item!.id))).toHaveLength(1);
    } finally {
      proxy.failWith(null);
    }
  });

  it('each queued mail is delivered exactly once while two workers take jobs at the same time', async () => {
    // On PostgreSQL two `npm run worker` processes; on PGlite (one process only) the started
    // queue's worker and a second loop taking jobs in the same process, on the one PGlite.
    // Each message takes the mail server 100 ms, so one worker cannot empty the queue before the other polls.
    const smtp = await startSmtp({ delayMs: 100 });
    const workers: WorkerProcess[] = [];
    let stopInProcess: (() => Promise<void>) | null = null;
    try {
      // 30 messages, each with a second, stray job, as a retry racing the first try would be.
      const ids = await getDb().transaction(async (tx) => {
        const out: string[] = [];
        for (let i = 0; i < 30; i++) out.push(await queueMail(tx, { to: `jasen${i}@example.org`, subject: `Kutsu ${i}`, text: 'Tervetuloa.' }));
        return out;
      });
      await getDb().transaction(async (tx) => {
        for (const id of ids) await enqueue(tx, MAIL_QUEUE, { messageId: id });
      });
      const env = { SMTP_URL: smtp.url, OUTBOX_DIR: path.join(tmpdir(), `neuvos-scale-out-${process.pid}`) };
      let loop: Promise<void> = Promise.resolve();
      if (onPostgres) {
        const url = database.current().url!;
        // Each worker names itself in EHLO (nodemailer's `name` option from the URL).
        workers.push(
          ...(await Promise.all(
            ['worker-1.test', 'worker-2.test'].map((name) => startWorker({ ...env, SMTP_URL: `${smtp.url}?name=${name}`, DATABASE_URL: url }, name)),
          )),
        );
      } else {
        process.env.SMTP_URL = smtp.url;
        await startQueue({ database: database.current(), mailPollSeconds: 1 });
        stopInProcess = () => stopQueue({ timeoutMs: 5000 });
        loop = (async () => {
          for (let i = 0; i < 200; i++) {
            const { ran } = await runQueuedJobs(getDb(), MAIL_QUEUE, { max: 1 });
            if (ran === 0) await new Promise((r) => setTimeout(r, 50));
            const rows = await getDb().select({ status: mailMessages.status }).from(mailMessages).where(inArray(mailMessages.id, ids));
            if (rows.every((r) => r.status === 'sent')) return;
          }
        })();
      }
      let rows: Array<typeof mailMessages.$inferSelect> = [];
      for (let i = 0; i < 600; i++) {
        rows = await getDb().select().from(mailMessages).where(inArray(mailMessages.id, ids));
        if (rows.every((r) => r.status === 'sent')) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      await loop;
      expect(rows.filter((r) => r.status !== 'sent').map((r) => `${r.toAddress}: ${r.status} ${r.error ?? ''}`), workers.map((w) => w.output()).join('\n')).toEqual([]);
      // Each Message-ID reached the mail server exactly once. (The workers also deliver what the
      // earlier tests queued, e.g. a sign-in notice: counted, but not among the 30.)
      const received = smtp.received.map((m) => /^Message-ID: *(.+)$/im.exec(m.raw)?.[1]?.trim());
      expect(new Set(received).size).toBe(received.length);
      const ours = new Set(rows.map((r) => r.messageId));
      expect(received.filter((id) => ours.has(id!)).sort()).toEqual([...ours].sort());
      if (onPostgres) {
        // Both processes took jobs from the one queue and were up until the end.
        const senders = new Set(smtp.received.filter((m) => ours.has(/^Message-ID: *(.+)$/im.exec(m.raw)?.[1]?.trim() ?? '')).map((m) => m.helo));
        expect([...senders].sort()).toEqual(['worker-1.test', 'worker-2.test']);
        for (const w of workers) expect(w.child.exitCode).toBeNull();
      }
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      await stopInProcess?.();
      delete process.env.SMTP_URL;
      await smtp.close();
    }
  });

  it('one instance shuts down gracefully (exit code 0) while the other keeps serving', async () => {
    // On PostgreSQL a real SIGTERM to the child process; on PGlite the same shutdown in-process.
    const leaving = instances.pop()!;
    expect((await fetch(`${leaving.url}/readyz`)).status).toBe(200);
    expect(await leaving.stop()).toBe(0);
    await expect(fetch(`${leaving.url}/healthz`)).rejects.toThrow();
    expect((await fetch(`${A().url}/healthz`)).status).toBe(200);
    expect((await fetch(`${A().url}/readyz`)).status).toBe(200);
  });
});
