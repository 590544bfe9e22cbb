/**
 * Bounded bodies (issue 17 item 4): an anonymous 50 MB POST to /feedback or /login is answered 413
 * with a readable page before the body has been sent, declared or streamed, without a connection
 * reset and without the server's memory growing by the body; uploads go through the same reader
 * and accept file names with any printable character.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readForm } from '../../app/lib/http/body.server';
import { readUpload } from '../../app/models/attachments.server';
import * as feedbackRoute from '../../app/routes/feedback';
import * as loginRoute from '../../app/routes/login';
import { useTestDatabase } from '../setup/database';
import { startAppServer } from '../support/app-server';

useTestDatabase();

const MB = 1024 * 1024;
let server: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  server = await startAppServer({ '/feedback': feedbackRoute, '/login': loginRoute });
});
afterAll(async () => {
  await server?.close();
});

interface HugeResult {
  status: number;
  body: string;
  sentBeforeAnswer: number;
  elapsedMs: number;
  error: string | null;
}

/** POST up to `total` bytes in 64 KiB chunks, stopping as soon as the server answers. */
function postHuge(path: string, opts: { total: number; declare: boolean; contentType: string }): Promise<HugeResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    let sent = 0;
    let answered = false;
    let result: Partial<HugeResult> = {};
    const headers: Record<string, string> = { 'content-type': opts.contentType };
    if (opts.declare) headers['content-length'] = String(opts.total);
    const req = http.request({ host: '127.0.0.1', port: server.port, method: 'POST', path, headers });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    req.on('response', (res) => {
      answered = true;
      result = { status: res.statusCode ?? 0, sentBeforeAnswer: sent, elapsedMs: Date.now() - started };
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => {
        req.destroy();
        resolve({ error: null, body: Buffer.concat(parts).toString('utf8'), ...result } as HugeResult);
      });
    });
    req.on('error', (e) => {
      if (!answered) resolve({ status: 0, body: '', sentBeforeAnswer: sent, elapsedMs: Date.now() - started, error: e.message });
    });
    const write = () => {
      while (!answered && sent < opts.total) {
        sent += chunk.byteLength;
        if (!req.write(chunk)) {
          req.once('drain', write);
          return;
        }
      }
      if (!answered) req.end();
    };
    write();
  });
}

describe('body limit on every request', () => {
  for (const path of ['/feedback', '/login']) {
    for (const declare of [true, false]) {
      it(`${path}: 50 MB form, ${declare ? 'declared length' : 'streamed (chunked)'} → readable 413 before the body is sent`, async () => {
        const rssBefore = process.memoryUsage().rss;
        const res = await postHuge(path, { total: 50 * MB, declare, contentType: 'application/x-www-form-urlencoded' });
        expect(res.error).toBeNull();
        expect(res.status).toBe(413);
        expect(res.body).toContain('Lähetys on liian suuri');
        expect(res.body).toContain('<html lang="fi"');
        expect(res.sentBeforeAnswer).toBeLessThan(10 * MB);
        expect(res.elapsedMs).toBeLessThan(10_000);
        expect(process.memoryUsage().rss - rssBefore).toBeLessThan(40 * MB);
      });
    }
  }

  it('an over-limit multipart upload with a declared length gets the 413 page (no connection reset), in the chosen language', async () => {
    const res = await postHuge('/feedback?lng=en', { total: 50 * MB, declare: true, contentType: 'multipart/form-data; boundary=x' });
    expect(res.error).toBeNull();
    expect(res.status).toBe(413);
    expect(res.body).toContain('The submission is too large');
    expect(res.sentBeforeAnswer).toBeLessThan(10 * MB);
  });

  it('a streamed multipart body is cut off at the upload limit', async () => {
    const res = await postHuge('/feedback', { total: 50 * MB, declare: false, contentType: 'multipart/form-data; boundary=x' });
    expect(res.error).toBeNull();
    expect(res.status).toBe(413);
    expect(res.sentBeforeAnswer).toBeLessThan(30 * MB);
  });

  it('four 50 MB posts in parallel keep memory flat', async () => {
    const rssBefore = process.memoryUsage().rss;
    const results = await Promise.all([1, 2, 3, 4].map(() => postHuge('/login', { total: 50 * MB, declare: false, contentType: 'application/x-www-form-urlencoded' })));
    expect(results.map((r) => r.status)).toEqual([413, 413, 413, 413]);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(60 * MB);
  });

  it('HTTP TRACE is 405 with a readable page', async () => {
    const res = await new Promise<{ status: number; allow: string; body: string }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: server.port, method: 'TRACE', path: '/login' }, (r) => {
        const parts: Buffer[] = [];
        r.on('data', (c: Buffer) => parts.push(c));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, allow: String(r.headers.allow ?? ''), body: Buffer.concat(parts).toString('utf8') }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(res.status).toBe(405);
    expect(res.allow).toContain('GET');
    expect(res.body).toContain('Toimintoa ei tueta');
  });
});

describe('the one bounded reader', () => {
  const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

  it('accepts file names with any printable character', async () => {
    for (const name of ['budget=final.pdf', 'a;b=c.pdf', 'pöytäkirja (1) & liite #2 [final] {x} 100%.pdf', "o'neil \"q\".pdf", 'tab\u00a0nbsp.pdf']) {
      const body = new FormData();
      body.append('itemId', 'x');
      body.append('file', new File([Buffer.from(PDF)], name, { type: 'application/pdf' }));
      const result = await readUpload(new Request('http://localhost:3000/x', { method: 'POST', body }));
      expect(result.ok, name).toBe(true);
      if (result.ok) expect(result.file?.filename, name).toBe(name);
    }
  });

  it('reads a hand-written multipart body whose filename holds "=" and ";" (as browsers send it)', async () => {
    const raw = ['--b', 'Content-Disposition: form-data; name="file"; filename="budget=final;v2.pdf"', 'Content-Type: application/pdf', '', '%PDF-1.7', '--b--', ''].join('\r\n');
    const result = await readUpload(new Request('http://localhost:3000/x', { method: 'POST', body: raw, headers: { 'content-type': 'multipart/form-data; boundary=b' } }));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.file?.filename).toBe('budget=final;v2.pdf');
  });

  it('refuses what is not a form: 415 for JSON, 400 for broken multipart, 413 over the form limit', async () => {
    const status = async (request: Request) => {
      try {
        await readForm(request);
        return 200;
      } catch (e) {
        return e instanceof Response ? e.status : 500;
      }
    };
    expect(await status(new Request('http://localhost:3000/x', { method: 'POST', body: '{"email":"a"}', headers: { 'content-type': 'application/json' } }))).toBe(415);
    expect(await status(new Request('http://localhost:3000/x', { method: 'POST', body: 'garbage', headers: { 'content-type': 'multipart/form-data; boundary=zz' } }))).toBe(400);
    expect(await status(new Request('http://localhost:3000/x', { method: 'POST', body: '--zz\r\nContent-Disposition: form-data; name="a"\r\n\r\nx', headers: { 'content-type': 'multipart/form-data; boundary=zz' } }))).toBe(400);
    expect(await status(new Request('http://localhost:3000/x', { method: 'POST', body: 'a=' + 'x'.repeat(600 * 1024), headers: { 'content-type': 'application/x-www-form-urlencoded' } }))).toBe(413);
    expect(await status(new Request('http://localhost:3000/x', { method: 'POST' }))).toBe(200);
  });

  it('strips NUL and control characters from text fields', async () => {
    const form = await readForm(new Request('http://localhost:3000/x', { method: 'POST', body: new URLSearchParams({ a: 'nol\u0000la\u0007 rivi\nkaksi\ttab' }) }));
    expect(form.get('a')).toBe('nolla rivi\nkaksi\ttab');
  });
});
