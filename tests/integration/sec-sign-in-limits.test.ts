import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { auditLog } from '../../db/schema';
import { recordSignInFailure, SIGN_IN_LIMITS } from '../../app/models/sign-in-limits.server';
import * as loginRoute from '../../app/routes/login';
import { useTestDatabase } from '../setup/database';
import { buildUser, call, makeRequest } from '../support/requests';
import { startSmtp } from '../support/smtp';
import { drainMail } from '../support/queue';

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

let n = 0;
const email = (label: string) => `${label}.${Date.now()}.${n++}@example.org`;

async function signIn(address: string, password: string, ip: string) {
  const res = await call(loginRoute.action, makeRequest('/login', { form: { email: address, password }, headers: { 'x-neuvos-client-ip': ip } }));
  return res.status;
}

/** Mail delivered to this address; mail goes through the queue, so what is due is sent first. */
const mailsTo = async (to: string) => {
  await drainMail();
  return smtp.received.filter((m) => m.to.includes(to));
};

describe('sign-in limits count failures only', () => {
  it('never counts successful sign-ins', async () => {
    const owner = await buildUser({ email: email('tihea') });
    for (let i = 0; i < 12; i++) expect(await signIn(owner.user.email, owner.password, '10.1.0.1')).toBe(302);
    for (let i = 0; i < SIGN_IN_LIMITS.pair.max - 1; i++) expect(await signIn(owner.user.email, 'väärä salasana tässä', '10.1.0.1')).toBe(400);
    expect(await signIn(owner.user.email, owner.password, '10.1.0.1')).toBe(302);
  });

  it('blocks the guessing address for that account, lets the owner in from elsewhere, and emails the owner', async () => {
    const owner = await buildUser({ email: email('kohde') });
    const attacker = '203.0.113.7';
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_IN_LIMITS.pair.max + 1; i++) statuses.push(await signIn(owner.user.email, `arvaus numero ${i}`, attacker));
    expect(statuses).toEqual([...Array(SIGN_IN_LIMITS.pair.max).fill(400), 429]);
    // Even the right password is refused from the attacker's address…
    expect(await signIn(owner.user.email, owner.password, attacker)).toBe(429);
    // …while the owner, from an address that has not been failing, signs in.
    expect(await signIn(owner.user.email, owner.password, '198.51.100.20')).toBe(302);
    // Another account from the attacker's address is not affected by this pair's block.
    const other = await buildUser({ email: email('muu') });
    expect(await signIn(other.user.email, other.password, attacker)).toBe(302);

    const mails = await mailsTo(owner.user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.raw).toContain(attacker);
    const audit = await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'auth.limit_tripped'), eq(auditLog.entityId, owner.user.id)));
    expect(audit).toHaveLength(1);
  });

  it('has a slower global limit per account that still lets the owner in from a known address', async () => {
    const owner = await buildUser({ email: email('laaja') });
    const home = '192.0.2.10';
    expect(await signIn(owner.user.email, owner.password, home)).toBe(302);
    // A distributed guess: one failure from each of many addresses (recorded as the login does), the last through the page.
    for (let i = 0; i < SIGN_IN_LIMITS.account.max - 1; i++) await recordSignInFailure(owner.user.email, `100.64.${Math.floor(i / 250)}.${i % 250}`);
    expect(await signIn(owner.user.email, 'vielä yksi arvaus', '100.65.0.1')).toBe(400);
    // Now the account is closed to unknown addresses, right password or not…
    expect(await signIn(owner.user.email, owner.password, '100.66.0.1')).toBe(429);
    // …but open from where the owner has signed in before.
    expect(await signIn(owner.user.email, owner.password, home)).toBe(302);
    expect(await mailsTo(owner.user.email)).toHaveLength(1);
  });

  it('does not lock an office behind one NAT address: 51 failures across accounts block nobody who knows their password', async () => {
    const office = '198.18.0.1';
    const colleague = await buildUser({ email: email('kollega') });
    for (let i = 0; i < 51; i++) expect(await signIn(email(`kirjoitusvirhe${i}`), 'mikä tahansa salasana', office)).toBe(400);
    expect(await signIn(colleague.user.email, colleague.password, office)).toBe(302);
    // Past the (higher) per-address limit only addresses already known to an account still work.
    for (let i = 51; i < SIGN_IN_LIMITS.address.max; i++) await recordSignInFailure(`massa${i}@example.org`, office);
    const newcomer = await buildUser({ email: email('uusi') });
    expect(await signIn(newcomer.user.email, newcomer.password, office)).toBe(429);
    expect(await signIn(colleague.user.email, colleague.password, office)).toBe(302);
  });
});
