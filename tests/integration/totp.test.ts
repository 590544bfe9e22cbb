import { generateTOTP } from '@epic-web/totp';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getAuth } from '../../app/auth/session.server';
import { TOTP } from '../../app/models/totp.server';
import * as accountRoute from '../../app/routes/account._index';
import * as twoFactorRoute from '../../app/routes/account.two-factor';
import * as adminRoute from '../../app/routes/admin._index';
import * as loginRoute from '../../app/routes/login';
import * as stepRoute from '../../app/routes/login_.two-factor';
import { getDb } from '../../db/client.server';
import { auditLog, sessions, totpChallenges, userTotp } from '../../db/schema';
import { buildCouncil } from '../factories';
import { useTestDatabase } from '../setup/database';
import { buildUser, call, cookieFrom, makeRequest } from '../support/requests';

useTestDatabase();

// The suite default is "off" (vitest.config.ts); these tests run with the production default.
beforeEach(() => {
  process.env.REQUIRE_2FA_ROLES = 'admin,region_admin';
  vi.useFakeTimers({ toFake: ['Date'], now: new Date() });
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(() => {
  process.env.REQUIRE_2FA_ROLES = '';
});

/** Move to the next 30-second step, so a new code is not a replay of the last one. */
const nextStep = () => vi.setSystemTime(Date.now() + TOTP.period * 1000);
const currentCode = async (secret: string) => (await generateTOTP({ ...TOTP, secret })).otp;
const wrongCode = async (secret: string) => String((Number(await currentCode(secret)) + 500_000) % 1_000_000).padStart(6, '0');
const json = async (res: Response) => (await res.json()) as Record<string, unknown>;

async function secretOf(userId: string) {
  const [row] = await getDb().select().from(userTotp).where(eq(userTotp.userId, userId));
  return row!.secret;
}

async function auditActions(userId: string) {
  const rows = await getDb().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, userId));
  return rows.map((r) => r.action);
}

/** Enrol a user through the page and return the secret and the recovery codes. */
async function enrol(cookie: string, userId: string) {
  const start = await call(twoFactorRoute.action, makeRequest('/account/two-factor', { cookie, form: { intent: 'start' } }));
  expect(start.status).toBe(302);
  const secret = await secretOf(userId);
  nextStep();
  const res = await call(twoFactorRoute.action, makeRequest('/account/two-factor', { cookie, form: { intent: 'confirm', code: await currentCode(secret) } }));
  expect(res.status).toBe(200);
  const codes = (await json(res)).recoveryCodes as string[];
  return { secret, codes };
}

async function passwordStep(email: string, password: string, redirectTo = '/account') {
  const res = await call(loginRoute.action, makeRequest('/login', { form: { email, password, redirectTo } }));
  return res;
}

async function secondStep(challengeCookie: string, code: string) {
  return call(stepRoute.action, makeRequest('/login/two-factor', { cookie: challengeCookie, form: { code } }));
}

describe('enrolment', () => {
  it('shows a QR code and key, confirms with a code, shows 10 recovery codes once, and audits it', async () => {
    const { user, cookie } = await buildUser();
    const page = await json(await call(twoFactorRoute.loader, makeRequest('/account/two-factor', { cookie })));
    expect(page).toMatchObject({ enabled: false, pendingSecret: null });

    await call(twoFactorRoute.action, makeRequest('/account/two-factor', { cookie, form: { intent: 'start' } }));
    const pending = await json(await call(twoFactorRoute.loader, makeRequest('/account/two-factor', { cookie })));
    const secret = await secretOf(user.id);
    expect(pending.pendingSecret).toBe(secret);
    expect(String(pending.qrSvg)).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);

    const wrong = await call(twoFactorRoute.action, makeRequest('/account/two-factor', { cookie, form: { intent: 'confirm', code: await wrongCode(secret) } }));
    expect(wrong.status).toBe(400);
    expect((await getDb().select().from(userTotp).where(eq(userTotp.userId, user.id)))[0]!.enabledAt).toBeNull();

    const ok = await call(twoFactorRoute.action, makeRequest('/account/two-factor', { cookie, form: { intent: 'confirm', code: await currentCode(secret) } }));
    expect(ok.status).toBe(200);
    const codes = (await json(ok)).recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);

    const after = await json(await call(twoFactorRoute.loader, makeRequest('/account/two-factor', { cookie })));
    expect(after).toMatchObject({ enabled: true, pendingSecret: null, qrSvg: null, recoveryCodesLeft: 10 });
    expect(await auditActions(user.id)).toContain('auth.totp.enable');
    // Starting again does not replace the secret of an enabled authenticator.
    await call(twoFactorRoute.action, makeRequest('/account/two-factor', { cookie, form: { intent: 'start' } }));
    expect(await secretOf(user.id)).toBe(secret);
  });
});

describe('sign-in with two factors', () => {
  it('asks for the code after the password, and starts the session only after it', async () => {
    const { user, cookie, password } = await buildUser();
    const { secret } = await enrol(cookie, user.id);
    const sessionsBefore = (await getDb().select().from(sessions).where(eq(sessions.userId, user.id))).length;

    const first = await passwordStep(user.email, password, '/account/sessions');
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe('/login/two-factor');
    const challenge = cookieFrom(first.headers.get('set-cookie'));
    expect(challenge).toMatch(/^neuvos_2fa=/);
    expect((await getDb().select().from(sessions).where(eq(sessions.userId, user.id))).length).toBe(sessionsBefore);
    // The pending sign-in is not a session.
    expect((await getAuth(makeRequest('/account', { cookie: challenge }))).user).toBeNull();
    expect((await call(stepRoute.loader, makeRequest('/login/two-factor', { cookie: challenge }))).status).toBe(200);
    expect((await call(stepRoute.loader, makeRequest('/login/two-factor'))).status).toBe(302);

    nextStep();
    const wrong = await secondStep(challenge, await wrongCode(secret));
    expect(wrong.status).toBe(400);
    const right = await secondStep(challenge, await currentCode(secret));
    expect(right.status).toBe(302);
    expect(right.headers.get('location')).toBe('/account/sessions');
    const sessionCookie = right.headers
      .get('set-cookie')!
      .split(/,(?=\s*neuvos_)/)
      .map((c) => c.trim())
      .find((c) => c.startsWith('neuvos_session='))!;
    const auth = await getAuth(makeRequest('/account', { cookie: cookieFrom(sessionCookie) }));
    expect(auth.user?.id).toBe(user.id);
    expect(await getDb().select().from(totpChallenges).where(eq(totpChallenges.userId, user.id))).toHaveLength(0);

    // The same code cannot be used again (replay), even in a new sign-in.
    const again = cookieFrom((await passwordStep(user.email, password)).headers.get('set-cookie'));
    expect((await secondStep(again, await currentCode(secret))).status).toBe(400);
    const logins = await getDb().select().from(auditLog).where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, 'auth.login')));
    expect(logins).toHaveLength(1);
    expect(logins[0]!.changes).toEqual({ secondFactor: 'totp' });
  });

  it('refuses wrong codes and stops guessing after five of them', async () => {
    const { user, cookie, password } = await buildUser();
    const { secret } = await enrol(cookie, user.id);
    const challenge = cookieFrom((await passwordStep(user.email, password)).headers.get('set-cookie'));
    nextStep();
    for (let i = 0; i < 5; i++) expect((await secondStep(challenge, await wrongCode(secret))).status).toBe(400);
    const limited = await secondStep(challenge, await currentCode(secret));
    expect(limited.status).toBe(429);
    expect(await json(limited)).toEqual({ error: 'rateLimited' });
    // After the window the right code works again.
    vi.setSystemTime(Date.now() + 16 * 60_000);
    expect((await secondStep(challenge, await currentCode(secret))).status).toBe(400); // the challenge expired meanwhile (10 min)
    const fresh = cookieFrom((await passwordStep(user.email, password)).headers.get('set-cookie'));
    expect((await secondStep(fresh, await currentCode(secret))).status).toBe(302);
  });

  it('accepts a recovery code once only', async () => {
    const { user, cookie, password } = await buildUser();
    const { codes } = await enrol(cookie, user.id);
    const first = cookieFrom((await passwordStep(user.email, password)).headers.get('set-cookie'));
    expect((await secondStep(first, codes[3]!.toUpperCase())).status).toBe(302);
    const second = cookieFrom((await passwordStep(user.email, password)).headers.get('set-cookie'));
    expect((await secondStep(second, codes[3]!)).status).toBe(400);
    expect((await secondStep(second, codes[4]!)).status).toBe(302);
    const page = await json(await call(twoFactorRoute.loader, makeRequest('/account/two-factor', { cookie })));
    expect(page.recoveryCodesLeft).toBe(8);
    expect((await auditActions(user.id)).filter((a) => a === 'auth.totp.recovery_used')).toHaveLength(2);
  });

  it('signs users without two-factor in directly', async () => {
    const { user, password } = await buildUser();
    const res = await passwordStep(user.email, password);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/account');
    expect(res.headers.get('set-cookie')).toMatch(/^neuvos_session=/);
  });
});

describe('recovery codes and turning it off', () => {
  it('regenerates recovery codes with a current code (old ones stop working) and audits it', async () => {
    const { user, cookie, password } = await buildUser();
    const { secret, codes } = await enrol(cookie, user.id);
    nextStep();
    const res = await call(twoFactorRoute.action, makeRequest('/account/two-factor', { cookie, form: { intent: 'regenerate', code: await currentCode(secret) } }));
    expect(res.status).toBe(200);
    const fresh = (await json(res)).recoveryCodes as string[];
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((c) => codes.includes(c))).toHaveLength(0);
    const challenge = cookieFrom((await passwordStep(user.email, password)).headers.get('set-cookie'));
    expect((await secondStep(challenge, codes[0]!)).status).toBe(400);
    expect((await secondStep(challenge, fresh[0]!)).status).toBe(302);
    expect(await auditActions(user.id)).toContain('auth.totp.regenerate_recovery');
  });

  it('turns off with the password (not with a wrong one), audits it, and sign-in is one step again', async () => {
    const { user, cookie, password } = await buildUser();
    await enrol(cookie, user.id);
    const wrong = await call(twoFactorRoute.action, makeRequest('/account/two-factor', { cookie, form: { intent: 'disable', code: 'not the password' } }));
    expect(wrong.status).toBe(400);
    const res = await call(twoFactorRoute.action, makeRequest('/account/two-factor', { cookie, form: { intent: 'disable', code: password } }));
    expect(res.status).toBe(302);
    expect(await getDb().select().from(userTotp).where(eq(userTotp.userId, user.id))).toHaveLength(0);
    expect(await auditActions(user.id)).toContain('auth.totp.disable');
    expect((await passwordStep(user.email, password)).headers.get('set-cookie')).toMatch(/^neuvos_session=/);
  });

  it('turns off with a current code', async () => {
    const { user, cookie } = await buildUser();
    const { secret } = await enrol(cookie, user.id);
    nextStep();
    const res = await call(twoFactorRoute.action, makeRequest('/account/two-factor', { cookie, form: { intent: 'disable', code: await currentCode(secret) } }));
    expect(res.status).toBe(302);
    expect(await getDb().select().from(userTotp).where(eq(userTotp.userId, user.id))).toHaveLength(0);
  });
});

describe('required for admins (REQUIRE_2FA_ROLES)', () => {
  it('sends an admin without two-factor to enrolment from admin pages, but keeps the account reachable', async () => {
    const { user, cookie } = await buildUser({ grants: [{ role: 'admin' }] });
    const res = await call(adminRoute.loader, makeRequest('/admin', { cookie }));
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/account/two-factor?required=1');
    expect((await call(accountRoute.loader, makeRequest('/account', { cookie }))).status).toBe(200);
    const page = await json(await call(twoFactorRoute.loader, makeRequest('/account/two-factor?required=1', { cookie })));
    expect(page.required).toBe(true);
    await enrol(cookie, user.id);
    expect((await call(adminRoute.loader, makeRequest('/admin', { cookie }))).status).toBe(200);
  });

  it('applies to region admins too, not to other users, and is off with an empty setting', async () => {
    const council = await buildCouncil();
    const regionAdmin = await buildUser({ grants: [{ role: 'region_admin', regionId: council.regionId }] });
    expect((await call(adminRoute.loader, makeRequest('/admin', { cookie: regionAdmin.cookie }))).headers.get('location')).toBe('/account/two-factor?required=1');
    const plain = await buildUser();
    expect((await call(adminRoute.loader, makeRequest('/admin', { cookie: plain.cookie }))).status).not.toBe(302);
    const admin = await buildUser({ grants: [{ role: 'admin' }] });
    process.env.REQUIRE_2FA_ROLES = '';
    expect((await call(adminRoute.loader, makeRequest('/admin', { cookie: admin.cookie }))).status).toBe(200);
    process.env.REQUIRE_2FA_ROLES = 'secretary';
    expect((await call(adminRoute.loader, makeRequest('/admin', { cookie: admin.cookie }))).status).toBe(200);
  });
});
