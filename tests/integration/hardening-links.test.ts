/**
 * Absolute URLs come from configuration only (issue 17 item 1): a password-reset request with a
 * forged Host / X-Forwarded-Host must still mail a link on the configured origin, and the
 * server's Origin check must not take the expected origin from Host.
 */
import http from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appOrigin, originConfigProblem } from '../../app/lib/config.server';
import * as resetRequestRoute from '../../app/routes/reset-password._index';
import { useTestDatabase } from '../setup/database';
import { startAppServer } from '../support/app-server';
import { drainMail } from '../support/queue';
import { buildUser, call } from '../support/requests';
import { startSmtp } from '../support/smtp';

useTestDatabase();

let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  smtp = await startSmtp();
  process.env.SMTP_URL = smtp.url;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.close();
});
afterEach(() => {
  delete process.env.APP_ORIGIN;
  delete process.env.TRUST_PROXY;
});

const EVIL_HEADERS = { host: 'evil.example', 'x-forwarded-host': 'evil.example:6666', 'x-forwarded-proto': 'https' };

/** The reset link in the newest mail to this address. */
/** The reset link mailed to this address (mail goes through the queue: send what is due first). */
async function mailedLink(email: string): Promise<string> {
  await drainMail();
  for (let i = smtp.received.length - 1; i >= 0; i--) {
    if (smtp.received[i]!.to.includes(email)) return /(https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]+)/.exec(smtp.text(i))?.[1] ?? '';
  }
  return '';
}

/** A raw HTTP request, so Host and X-Forwarded-* can be set as an attacker would. */
function rawRequest(port: number, opts: { method: string; path: string; headers: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method, path: opts.path, headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('origin configuration', () => {
  it('requires APP_ORIGIN unless serving the embedded default, and refuses malformed values', () => {
    expect(originConfigProblem({})).toBeNull();
    expect(originConfigProblem({ DATABASE_URL: 'postgres://x/y' })).toMatch(/^APP_ORIGIN must be set/);
    expect(originConfigProblem({ DATABASE_URL: 'postgres://x/y', APP_ORIGIN: 'https://neuvos.example.fi' })).toBeNull();
    expect(originConfigProblem({ APP_ORIGIN: 'https://neuvos.example.fi/' })).toBeNull();
    for (const bad of ['neuvos.example.fi', 'https://neuvos.example.fi/path', 'ftp://neuvos.example.fi', 'https://u:p@neuvos.example.fi', 'https://neuvos.example.fi/?q=1']) {
      expect(originConfigProblem({ APP_ORIGIN: bad }), bad).toMatch(/^APP_ORIGIN /);
    }
    // Every problem is one line.
    expect(originConfigProblem({ DATABASE_URL: 'postgres://x/y' })).not.toContain('\n');
  });

  it('defaults to http://localhost:$PORT', () => {
    const port = process.env.PORT;
    process.env.PORT = '4567';
    expect(appOrigin()).toBe('http://localhost:4567');
    if (port === undefined) delete process.env.PORT;
    else process.env.PORT = port;
  });
});

describe('password-reset link poisoning', () => {
  it('mails the configured origin even when the request arrived as evil.example (action level)', async () => {
    process.env.APP_ORIGIN = 'https://neuvos.example.fi';
    const { user } = await buildUser({ email: 'poison1@example.org' });
    const request = new Request('http://evil.example:6666/reset-password', {
      method: 'POST',
      headers: { ...EVIL_HEADERS, 'content-type': 'application/x-www-form-urlencoded', 'x-neuvos-client-ip': '10.0.0.1' },
      body: new URLSearchParams({ email: user.email }),
    });
    const res = await call(resetRequestRoute.action as never, request);
    expect(res.status).toBe(200);
    expect(await mailedLink(user.email)).toMatch(/^https:\/\/neuvos\.example\.fi\/reset-password\//);
  });

  it('mails http://localhost:$PORT when APP_ORIGIN is unset, whatever Host says (action level)', async () => {
    const { user } = await buildUser({ email: 'poison2@example.org' });
    const request = new Request('http://evil.example:6666/reset-password', {
      method: 'POST',
      headers: { ...EVIL_HEADERS, 'content-type': 'application/x-www-form-urlencoded', 'x-neuvos-client-ip': '10.0.0.2' },
      body: new URLSearchParams({ email: user.email }),
    });
    await call(resetRequestRoute.action as never, request);
    expect(await mailedLink(user.email)).toMatch(/^http:\/\/localhost:3000\/reset-password\//);
  });

  for (const trustProxy of [false, true]) {
    it(`mails the configured origin through the real server with Host and X-Forwarded-Host forged (TRUST_PROXY ${trustProxy ? 'on' : 'off'})`, async () => {
      process.env.APP_ORIGIN = 'https://neuvos.example.fi';
      if (trustProxy) process.env.TRUST_PROXY = '1';
      const server = await startAppServer({ '/reset-password': resetRequestRoute });
      try {
        const email = `poison-server-${trustProxy}@example.org`;
        await buildUser({ email });
        const res = await rawRequest(server.port, {
          method: 'POST',
          path: '/reset-password',
          headers: { ...EVIL_HEADERS, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ email }).toString(),
        });
        expect(res.status).toBe(200);
        expect(await mailedLink(email)).toMatch(/^https:\/\/neuvos\.example\.fi\/reset-password\//);
      } finally {
        await server.close();
      }
    });
  }

  it('does not let the X-Forwarded-Host port reach the link on the local default either', async () => {
    const server = await startAppServer({ '/reset-password': resetRequestRoute });
    try {
      const email = 'poison-local@example.org';
      await buildUser({ email });
      await rawRequest(server.port, {
        method: 'POST',
        path: '/reset-password',
        headers: { host: 'localhost:3000', 'x-forwarded-host': 'evil.example:6666', 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email }).toString(),
      });
      expect(await mailedLink(email)).toMatch(/^http:\/\/localhost:3000\/reset-password\//);
    } finally {
      await server.close();
    }
  });
});

describe('Origin check', () => {
  it('does not derive the expected origin from Host: Host evil.example + Origin evil.example is refused', async () => {
    const server = await startAppServer({ '/reset-password': resetRequestRoute });
    try {
      const res = await rawRequest(server.port, {
        method: 'POST',
        path: '/reset-password',
        headers: { host: 'evil.example', origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
        body: 'email=x%40example.org',
      });
      expect(res.status).toBe(403);
    } finally {
      await server.close();
    }
  });

  it('with APP_ORIGIN set, accepts only that origin', async () => {
    process.env.APP_ORIGIN = 'https://neuvos.example.fi';
    const server = await startAppServer({ '/reset-password': resetRequestRoute });
    try {
      const forged = await rawRequest(server.port, {
        method: 'POST',
        path: '/reset-password',
        headers: { host: 'evil.example', origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
        body: 'email=x%40example.org',
      });
      expect(forged.status).toBe(403);
      const own = await rawRequest(server.port, {
        method: 'POST',
        path: '/reset-password',
        headers: { host: 'evil.example', origin: 'https://neuvos.example.fi', 'content-type': 'application/x-www-form-urlencoded' },
        body: 'email=nobody%40example.org',
      });
      expect(own.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
