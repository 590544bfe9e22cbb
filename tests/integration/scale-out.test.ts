import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerBuild } from '@remix-run/node';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { agendaItemAttachments, documents } from '../../db/schema';
import { readAllBytes, storageFromEnv } from '../../app/lib/storage.server';
import { createApp } from '../../scripts/server';
import { buildRecordsSetup, insertItems } from '../factories/records';
import { onPostgres, useTestDatabase } from '../setup/database';
import { ensureBuild } from '../support/build';
import { startFaultyProxy, startS3, type FaultyProxy, type TestS3 } from '../support/s3';

/**
 * Two app instances on one database and one object store. On PostgreSQL (TEST_DATABASE_URL) they
 * are two separate processes with their own connection pools; on PGlite, which one process owns,
 * they are two apps in this process, each with its own copy of the built app's modules (the build
 * imported twice), so no state held in app memory is shared between them either.
 */
const database = useTestDatabase();

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
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 60 s: ${stderr}`)), 60_000);
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
  // A query string makes Node load a second, separate copy of the build's modules.
  const build = (await import(`${pathToFileURL(path.resolve('build', 'index.js')).href}?instance=${name}`)) as ServerBuild;
  const app = await createApp({ build, production: true });
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
  ensureBuild();
  s3 = await startS3();
  proxy = await startFaultyProxy(s3.endpoint);
  storageUrl = `s3://S3RVER:S3RVER@${s3.bucket}?endpoint=${encodeURIComponent(proxy.endpoint)}&maxAttempts=1`;
  if (onPostgres) {
    const url = database.current().url!;
    for (const name of ['a', 'b']) instances.push(await startChild(name, { DATABASE_URL: url, STORAGE_URL: storageUrl }));
  } else {
    process.env.STORAGE_URL = storageUrl;
    for (const name of ['a', 'b']) instances.push(await startInProcess(name));
  }
}, 600_000);

afterAll(async () => {
  await Promise.all(instances.map((i) => i.stop()));
  delete process.env.STORAGE_URL;
  await proxy?.close();
  await s3?.close();
});

const A = () => instances[0]!;
const B = () => instances[1]!;

function login(instance: Instance, email: string, password: string) {
  return fetch(`${instance.url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: instance.url, 'content-type': 'application/x-www-form-urlencoded' },
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
    // The per-account limit is 10 attempts in 15 minutes: 5 wrong passwords on each instance.
    for (let i = 0; i < 5; i++) {
      expect((await login(A(), email, 'väärä salasana')).status).toBe(400);
      expect((await login(B(), email, 'väärä salasana')).status).toBe(400);
    }
    // The eleventh attempt is refused on either instance, even with the right password;
    // counted per instance, each would have seen only 5 or 6.
    const eleventh = await login(A(), email, s.checkerA.password);
    expect(eleventh.status).toBe(429);
    expect(eleventh.headers.get('set-cookie')).toBeNull();
    expect((await login(B(), email, s.checkerA.password)).status).toBe(429);
  });

  it('a file uploaded through one instance is served by the other, from object storage', async () => {
    const s = await buildRecordsSetup();
    const [item] = await insertItems(s.meeting, [{ title: 'Lausunto', publicity: 'members_only' }]);
    const cookieA = cookieOf(await login(A(), s.secretary.user.email, s.secretary.password));
    const body = new FormData();
    for (const [k, v] of Object.entries({ intent: 'upload', itemId: item!.id, title: 'Liite', publicity: 'members_only' })) body.append(k, v);
    body.append('file', new File([Buffer.from(PDF)], 'lausunto.pdf', { type: 'application/pdf' }));
    const upload = await fetch(`${A().url}/manage/meetings/${s.meeting.id}/agenda`, { method: 'POST', body, headers: { cookie: cookieA, origin: A().url } });
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

    // The store failing: a clear page in the user's language, not a 500.
    proxy.failWith(503);
    try {
      const failing = await fetch(`${B().url}/attachments/${row!.id}`, { headers: { cookie: cookieB, 'accept-language': 'fi' } });
      expect(failing.status).toBe(503);
      const html = await failing.text();
      expect(html).toContain('Palvelu ei juuri nyt vastaa');
      expect(html).toContain('tiedostoa ei voi juuri nyt hakea');
      const body2 = new FormData();
      for (const [k, v] of Object.entries({ intent: 'upload', itemId: item!.id, title: 'Toinen', publicity: 'members_only' })) body2.append(k, v);
      body2.append('file', new File([Buffer.from(PDF)], 'toinen.pdf', { type: 'application/pdf' }));
      const refused = await fetch(`${A().url}/manage/meetings/${s.meeting.id}/agenda`, {
        method: 'POST',
        body: body2,
        headers: { cookie: cookieA, origin: A().url, 'accept-language': 'sv' },
      });
      expect(refused.status).toBe(503);
      expect(await refused.text()).toContain('Ingenting sparades');
      expect(await getDb().select().from(agendaItemAttachments).where(eq(agendaItemAttachments.agendaItemId, item!.id))).toHaveLength(1);
    } finally {
      proxy.failWith(null);
    }
  });

  it('an instance process stops on SIGTERM with exit code 0 while the other keeps serving', async () => {
    // On PGlite the two instances share this process, so a third one runs on a PGlite of its own.
    const dir = await mkdtemp(path.join(tmpdir(), 'neuvos-instance-'));
    try {
      const leaving = onPostgres ? instances.pop()! : await startChild('c', { DATABASE_URL: '', PGLITE_DIR: dir, STORAGE_URL: storageUrl });
      expect((await fetch(`${leaving.url}/readyz`)).status).toBe(200);
      expect(await leaving.stop()).toBe(0);
      await expect(fetch(`${leaving.url}/healthz`)).rejects.toThrow();
      expect((await fetch(`${A().url}/healthz`)).status).toBe(200);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
