import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAuth } from '../../app/auth/session.server';
import { getDb } from '../../db/client.server';
import { auditLog, people, sessions, users } from '../../db/schema';
import * as inviteRoute from '../../app/routes/admin.invite';
import * as acceptRoute from '../../app/routes/invite.$token';
import * as loginRoute from '../../app/routes/login';
import * as logoutRoute from '../../app/routes/logout';
import * as resetRequestRoute from '../../app/routes/reset-password._index';
import * as resetRoute from '../../app/routes/reset-password.$token';
import * as usersRoute from '../../app/routes/admin.users._index';
import { buildCouncil } from '../factories';
import { useTestDatabase } from '../setup/database';
import { buildUser, call, cookieFrom, makeRequest } from '../support/requests';
import { drainMail } from '../support/queue';
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

const linkToken = (mail: string, path: string) => new RegExp(`${path}/([A-Za-z0-9_-]{20,})`).exec(mail)?.[1];

describe('invitation through real SMTP', () => {
  it('lets a secretary invite, the invitee set a password once, and sign in', async () => {
    const council = await buildCouncil();
    const [person] = await getDb().insert(people).values({ givenName: 'Iida', familyName: 'Kutsuttu', email: 'iida.kutsuttu@example.org' }).returning();
    const secretary = await buildUser({ grants: [{ role: 'secretary', councilId: council.id }] });
    const before = smtp.received.length;

    const res = await call(inviteRoute.action, makeRequest('/admin/invite', { cookie: secretary.cookie, form: { email: 'Iida.Kutsuttu@example.org', councilId: council.id, role: 'member' } }));
    await drainMail();
    expect(res.status).toBe(200);
    expect(smtp.received.length).toBe(before + 1);
    expect(smtp.received.at(-1)!.to).toEqual(['iida.kutsuttu@example.org']);
    const token = linkToken(smtp.text(smtp.received.length - 1), '/invite');
    expect(token).toBeTruthy();

    const page = await call(acceptRoute.loader, makeRequest(`/invite/${token}`), { token: token! });
    expect(page.status).toBe(200);

    const weak = await call(acceptRoute.action, makeRequest(`/invite/${token}`, { form: { displayName: 'Iida', password: 'lyhyt', confirm: 'lyhyt' } }), { token: token! });
    expect(weak.status).toBe(400);
    expect(JSON.stringify(await weak.json())).toContain('vähintään 12');

    const good = { displayName: 'Iida Kutsuttu', password: 'kolme kissaa kävelee', confirm: 'kolme kissaa kävelee' };
    const accepted = await call(acceptRoute.action, makeRequest(`/invite/${token}`, { form: good }), { token: token! });
    expect(accepted.status).toBe(302);
    // It ends on the sign-in page that says the account is ready (the message: ws-pages.test.ts), not a bare sign-in.
    expect(accepted.headers.get('location')).toBe('/login?invited=1');
    const [user] = await getDb().select().from(users).where(eq(users.email, 'iida.kutsuttu@example.org'));
    expect(user?.personId).toBe(person!.id);

    const reused = await call(acceptRoute.action, makeRequest(`/invite/${token}`, { form: good }), { token: token! });
    expect(reused.status).toBe(410);
    const reusedPage = await call(acceptRoute.loader, makeRequest(`/invite/${token}`), { token: token! });
    expect(reusedPage.status).toBe(410);

    const login = await call(loginRoute.action, makeRequest('/login', { form: { email: 'iida.kutsuttu@example.org', password: 'kolme kissaa kävelee' } }));
    expect(login.status).toBe(302);
    const auth = await getAuth(makeRequest('/', { cookie: cookieFrom(login.headers.get('set-cookie')) }));
    expect(auth.principal.councilRoles.get(council.id)?.has('member')).toBe(true);
  });

  it('refuses an invitation to a council the secretary does not run', async () => {
    const mine = await buildCouncil();
    const other = await buildCouncil();
    const secretary = await buildUser({ grants: [{ role: 'secretary', councilId: mine.id }] });
    const res = await call(inviteRoute.action, makeRequest('/admin/invite', { cookie: secretary.cookie, form: { email: 'x@example.org', councilId: other.id, role: 'secretary' } }));
    await drainMail();
    expect(res.status).toBe(403);
  });

  it('shows an expired link as expired', async () => {
    const admin = await buildUser({ grants: [{ role: 'admin' }] });
    const count = smtp.received.length;
    await call(inviteRoute.action, makeRequest('/admin/invite', { cookie: admin.cookie, form: { email: 'myohassa@example.org' } }));
    await drainMail();
    const token = linkToken(smtp.text(count), '/invite')!;
    const { authTokens } = await import('../../db/schema');
    await getDb().update(authTokens).set({ createdAt: new Date(Date.now() - 9 * 86_400_000), expiresAt: new Date(Date.now() - 2 * 86_400_000) }).where(eq(authTokens.email, 'myohassa@example.org'));
    const page = await call(acceptRoute.loader, makeRequest(`/invite/${token}`), { token });
    expect(page.status).toBe(410);
    expect(await page.json()).toMatchObject({ status: 'expired' });
  });
});

describe('password reset through real SMTP', () => {
  it('sends a single-use link, changes the password and ends other sessions', async () => {
    const { user, cookie } = await buildUser({ email: 'unohtaja@example.org' });
    const count = smtp.received.length;
    const res = await call(resetRequestRoute.action, makeRequest('/reset-password', { form: { email: 'unohtaja@example.org' } }));
    await drainMail();
    expect(res.status).toBe(200);
    const token = linkToken(smtp.text(count), '/reset-password')!;
    expect(token).toBeTruthy();
    const done = await call(resetRoute.action, makeRequest(`/reset-password/${token}`, { form: { password: 'uusi pitkä salasana', confirm: 'uusi pitkä salasana' } }), { token });
    expect(done.status).toBe(302);
    expect((await getAuth(makeRequest('/', { cookie }))).user).toBeNull();
    expect(await getDb().select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    const again = await call(resetRoute.action, makeRequest(`/reset-password/${token}`, { form: { password: 'kolmas pitkä salasana', confirm: 'kolmas pitkä salasana' } }), { token });
    expect(again.status).toBe(410);
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const count = smtp.received.length;
    const res = await call(resetRequestRoute.action, makeRequest('/reset-password', { form: { email: 'eiole@example.org' } }));
    await drainMail();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ sent: true });
    expect(smtp.received.length).toBe(count);
  });
});

describe('sign-in', () => {
  it('gives one generic message for a wrong password and an unknown email', async () => {
    await buildUser({ email: 'tunnettu@example.org' });
    const wrong = await call(loginRoute.action, makeRequest('/login', { form: { email: 'tunnettu@example.org', password: 'väärä salasana ehkä' } }));
    const unknown = await call(loginRoute.action, makeRequest('/login', { form: { email: 'tuntematon@example.org', password: 'väärä salasana ehkä' } }));
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    const a = JSON.stringify(await wrong.json());
    const b = JSON.stringify(await unknown.json());
    expect(a).toContain('Sähköposti tai salasana on väärin.');
    expect(a.replace('tunnettu', 'X')).toBe(b.replace('tuntematon', 'X'));
  });

  // Sign-in limits (failures only, per account and address, per account, per address): sec-sign-in-limits.test.ts.

  it('starts a new session id at each sign-in and ends it on the server at sign-out', async () => {
    const { cookie: first } = await buildUser({ email: 'uusi@example.org', password: 'aivan uusi salasana' });
    const login = await call(loginRoute.action, makeRequest('/login', { form: { email: 'uusi@example.org', password: 'aivan uusi salasana' }, cookie: first }));
    const second = cookieFrom(login.headers.get('set-cookie'));
    expect(second).not.toBe(first);
    const out = await call(logoutRoute.action, makeRequest('/logout', { method: 'POST', cookie: second }));
    expect(out.status).toBe(302);
    expect((await getAuth(makeRequest('/', { cookie: second }))).user).toBeNull();
    expect((await getAuth(makeRequest('/', { cookie: first }))).user).not.toBeNull();
  });

  it('refuses a cross-site sign-out or write', async () => {
    const { cookie } = await buildUser();
    const res = await call(logoutRoute.action, makeRequest('/logout', { method: 'POST', cookie, origin: 'https://evil.example' }));
    expect(res.status).toBe(403);
    expect((await getAuth(makeRequest('/', { cookie }))).user).not.toBeNull();
  });
});

describe('sessions', () => {
  it('treats idle-expired, absolutely expired and tampered sessions as signed out', async () => {
    const idle = await buildUser();
    await getDb().update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.userId, idle.user.id));
    const idleAuth = await getAuth(makeRequest('/', { cookie: idle.cookie }));
    expect(idleAuth.user).toBeNull();
    expect(idleAuth.setCookie).toMatch(/Max-Age=0/);

    const old = await buildUser();
    await getDb().update(sessions).set({ absoluteExpiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.userId, old.user.id));
    expect((await getAuth(makeRequest('/', { cookie: old.cookie }))).user).toBeNull();

    const ok = await buildUser();
    const tampered = ok.cookie.replace(/=(.)/, (_m, c: string) => `=${c === 'a' ? 'b' : 'a'}`);
    expect((await getAuth(makeRequest('/', { cookie: tampered }))).user).toBeNull();
    expect((await getAuth(makeRequest('/', { cookie: ok.cookie }))).user?.id).toBe(ok.user.id);
  });

  it('ends every session of a disabled account, and writes an audit entry', async () => {
    const admin = await buildUser({ grants: [{ role: 'admin' }] });
    const target = await buildUser();
    const res = await call(usersRoute.action, makeRequest('/admin/users', { cookie: admin.cookie, form: { userId: target.user.id, disabled: 'true' } }));
    expect(res.status).toBe(302);
    expect((await getAuth(makeRequest('/', { cookie: target.cookie }))).user).toBeNull();
    const entries = await getDb().select().from(auditLog).where(eq(auditLog.entityId, target.user.id));
    expect(entries.map((e) => e.action)).toContain('user.disable');
    expect(entries.find((e) => e.action === 'user.disable')?.actorUserId).toBe(admin.user.id);
  });
});
