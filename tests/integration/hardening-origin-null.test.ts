/**
 * A plain form post (JavaScript off) from a page served with a no-referrer policy carries
 * `Origin: null`; Chromium marks it `Sec-Fetch-Site: same-origin`. Our Origin check accepts that,
 * and Remix's own check (Origin against Host) used to throw, a 500 with an empty body: accepting
 * an invitation without JavaScript failed in the browser journey. Behind a proxy that rewrites Host
 * the same check threw for every form post. Remix now sees the configured host.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as invite from '../../app/routes/invite.$token';
import { createInvitation } from '../../app/models/users.server';
import { useTestDatabase } from '../setup/database';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../scripts/server';
import { tinyBuild } from '../support/app-server';

useTestDatabase();

/** The invitation page as a page route (not a resource route), the kind Remix checks Origin for. */
let app: { url: string; close: () => Promise<void> };
beforeAll(async () => {
  const build = tinyBuild({ '/invite/:token': invite });
  const route = build.routes['routes/invite/:token']!;
  route.module = { ...route.module, default: () => null } as never;
  const express = await createApp({ build, production: true });
  const server = await new Promise<Server>((resolve) => {
    const s = express.listen(0, '127.0.0.1', () => resolve(s));
  });
  app = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
});
afterAll(() => app.close());

const form = () =>
  new URLSearchParams({ displayName: 'Testi Henkilö', password: 'kolme sanaa riittää hyvin', confirm: 'kolme sanaa riittää hyvin' });

async function post(token: string, headers: Record<string, string>) {
  return fetch(`${app.url}/invite/${token}`, {
    method: 'POST',
    redirect: 'manual',
    body: form(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
  });
}

const newToken = async (email: string) => (await createInvitation({ email, actor: { userId: null, label: 'test' } as never })).token;

describe('form posts Remix used to abort', () => {
  it('accepts an invitation posted with Origin: null from the same origin (JavaScript off)', async () => {
    const res = await post(await newToken('null-origin@example.org'), { Origin: 'null', 'Sec-Fetch-Site': 'same-origin' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/login?invited=1');
  });

  it('still refuses Origin: null from another site, and a foreign Origin', async () => {
    const token = await newToken('cross@example.org');
    expect((await post(token, { Origin: 'null', 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await post(token, { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
  });

  it('is not a 500 when a proxy rewrites Host or sends a forged X-Forwarded-Host', async () => {
    const res = await post(await newToken('proxy@example.org'), { Origin: app.url, Host: 'internal.backend:8080', 'X-Forwarded-Host': 'evil.example' });
    expect(res.status).not.toBe(500);
  });
});
