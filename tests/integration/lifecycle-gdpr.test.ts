/**
 * Issue 14.4: a person's GDPR rights from the admin pages: the JSON export of everything held about
 * them (every table referencing people or users is covered, checked against the database's foreign
 * keys) and erasure that keeps the name only where a published record needs it.
 */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import {
  attendance,
  auditLog,
  emailSubscriptions,
  mailMessages,
  people,
  roleGrants,
  sessions,
  users,
  userTotp,
} from '../../db/schema';
import { GDPR_SOURCES } from '../../app/models/gdpr.server';
import { getMeetingScope, publishAgenda } from '../../app/models/agendas.server';
import {
  approveMinutes,
  getMinutesWorkspace,
  getPublishedMinutes,
  publishMinutes,
  startMinutes,
} from '../../app/models/minutes.server';
import * as dataPage from '../../app/routes/admin.people.$personId.data';
import * as dataJson from '../../app/routes/admin.people.$personId.data[.json]';
import * as peopleRoute from '../../app/routes/manage.people';
import { buildPerson } from '../factories';
import { buildRecordsSetup, insertItems } from '../factories/records';
import { useTestDatabase } from '../setup/database';
import { buildUser, call, makeRequest } from '../support/requests';

useTestDatabase();

function rowsOf(result: unknown): Array<Record<string, string>> {
  return (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as Array<
    Record<string, string>
  >;
}

/** A person who sat in a meeting whose minutes were published, with an account and mail. */
async function memberWithPublishedRecord() {
  const s = await buildRecordsSetup({ meeting: { startsAt: new Date('2026-05-19T11:00:00Z'), status: 'held' } });
  await insertItems(s.meeting, [{ title: 'Kokouksen avaus ja laillisuus' }]);
  await publishAgenda(s.who, s.meeting.id, new Date('2026-05-01T10:00:00Z'));
  const started = await startMinutes(s.who, s.meeting.id);
  const versionId = started.status === 'ok' ? started.id : '';
  let lv = (await getMinutesWorkspace((await getMeetingScope(s.meeting.id))!)).current!.lockVersion;
  expect((await approveMinutes(s.who, s.meeting.id, versionId, lv++, 'at_meeting')).status).toBe('ok');
  expect((await publishMinutes(s.who, s.meeting.id, versionId, lv++)).status).toBe('ok');
  const personId = s.seats[0]!.personId;
  const [person] = await getDb().select().from(people).where(eq(people.id, personId));
  // The seat's account (the factory made one for the minutes checker).
  const account = s.checkerA;
  const accountEmail = `erasable.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@example.org`;
  await getDb().update(users).set({ email: accountEmail }).where(eq(users.id, account.user.id));
  await getDb()
    .insert(userTotp)
    .values({ userId: account.user.id, secret: 'JBSWY3DPEHPK3PXP' } as never);
  await getDb()
    .insert(emailSubscriptions)
    .values({ councilId: s.council.id, email: person!.email!, locale: 'fi' } as never);
  await getDb()
    .insert(mailMessages)
    .values({ toAddress: person!.email!, subject: 'Kokouskutsu', textBody: 'Tervetuloa kokoukseen.' });
  return { ...s, personId, person: person!, account, accountEmail };
}

describe('GDPR export', () => {
  it('covers every column of the database that references people or users', async () => {
    const fks = rowsOf(
      await getDb().execute(sql`
        SELECT cl.relname AS "table", a.attname AS "column", rt.relname AS "refers"
        FROM pg_constraint c
          JOIN pg_class cl ON cl.oid = c.conrelid
          JOIN pg_class rt ON rt.oid = c.confrelid
          JOIN pg_namespace ns ON ns.oid = cl.relnamespace
          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
        WHERE c.contype = 'f' AND ns.nspname = 'public' AND rt.relname IN ('people', 'users')`),
    );
    expect(fks.length).toBeGreaterThan(10);
    const covered = new Set(GDPR_SOURCES.map((s) => `${s.table}.${s.column}->${s.refers}`));
    const missing = fks.map((f) => `${f.table}.${f.column}->${f.refers}`).filter((k) => !covered.has(k));
    expect(missing).toEqual([]);
  });

  it('gives the admin everything held about a person as JSON, without secrets; others get 404', async () => {
    const r = await memberWithPublishedRecord();
    const admin = await buildUser({ grants: [{ role: 'admin' }] });
    const url = `/admin/people/${r.personId}/data.json`;
    const secretary = await buildUser({ grants: [{ role: 'secretary', councilId: r.council.id }] });
    expect(
      (await call(dataJson.loader, makeRequest(url, { cookie: secretary.cookie }), { personId: r.personId })).status,
    ).toBe(404);
    const res = await call(dataJson.loader, makeRequest(url, { cookie: admin.cookie }), { personId: r.personId });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    expect(res.headers.get('cache-control')).toContain('no-store');
    const text = await res.text();
    const body = JSON.parse(text) as { tables: Record<string, Array<Record<string, unknown>>> };
    expect(body.tables.people![0]).toMatchObject({ id: r.personId, email: r.person.email });
    expect(body.tables.users![0]).toMatchObject({ id: r.account.user.id, email: r.accountEmail });
    expect(body.tables['memberships.person_id']!.length).toBeGreaterThan(0);
    expect(body.tables['attendance.person_id']!.length).toBe(1);
    expect(body.tables['sessions.user_id']!.length).toBe(1);
    expect(body.tables['email_subscriptions.email']!.length).toBe(1);
    expect(body.tables['mail_messages.to_address']!.length).toBeGreaterThan(0);
    for (const source of GDPR_SOURCES)
      expect(
        body.tables[source.table === 'users' ? 'users' : `${source.table}.${source.column}`],
        source.table,
      ).toBeDefined();
    // No password hash, session id or two-factor secret.
    expect(text).not.toMatch(/password_hash|JBSWY3DPEHPK3PXP|\$argon2/);
    const sessionId = (await getDb().select().from(sessions).where(eq(sessions.userId, r.account.user.id)))[0]!.id;
    expect(text).not.toContain(sessionId);
    // The register of people links to the page for admins only.
    expect(
      (
        (await (await call(peopleRoute.loader, makeRequest('/manage/people', { cookie: admin.cookie }))).json()) as {
          mayGdpr: boolean;
        }
      ).mayGdpr,
    ).toBe(true);
    expect(
      (
        (await (
          await call(peopleRoute.loader, makeRequest('/manage/people', { cookie: secretary.cookie }))
        ).json()) as { mayGdpr: boolean }
      ).mayGdpr,
    ).toBe(false);
    const [audit] = await getDb().select().from(auditLog).where(eq(auditLog.action, 'gdpr.export'));
    expect(audit).toMatchObject({ entityId: r.personId, actorUserId: admin.user.id });
  });
});

describe('GDPR erasure', () => {
  it('removes the account, contact details and unpublished data, keeps the name in the published record, audits without the data', async () => {
    const r = await memberWithPublishedRecord();
    const admin = await buildUser({ grants: [{ role: 'admin' }] });
    const url = `/admin/people/${r.personId}/data`;
    const wrong = await call(
      dataPage.action,
      makeRequest(url, { cookie: admin.cookie, form: { intent: 'erase', confirm: 'joo' } }),
      { personId: r.personId },
    );
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { confirmError: string }).confirmError).toBe('Kirjoita POISTA vahvistukseksi.');
    const secretary = await buildUser({ grants: [{ role: 'secretary', councilId: r.council.id }] });
    expect(
      (
        await call(
          dataPage.action,
          makeRequest(url, { cookie: secretary.cookie, form: { intent: 'erase', confirm: 'POISTA' } }),
          { personId: r.personId },
        )
      ).status,
    ).toBe(404);

    const res = await call(
      dataPage.action,
      makeRequest(url, { cookie: admin.cookie, form: { intent: 'erase', confirm: 'POISTA' } }),
      { personId: r.personId },
    );
    expect(res.status).toBe(200);
    const [person] = await getDb().select().from(people).where(eq(people.id, r.personId));
    // The name stays (attendance in published minutes, the public roster); contact details go.
    expect(person).toMatchObject({
      givenName: r.person.givenName,
      familyName: r.person.familyName,
      email: null,
      phone: null,
    });
    const [user] = await getDb().select().from(users).where(eq(users.id, r.account.user.id));
    expect(user).toMatchObject({ passwordHash: null, personId: null, displayName: 'Poistettu henkilö' });
    expect(user!.email).not.toContain('erasable');
    expect(user!.disabledAt).toBeInstanceOf(Date);
    expect(await getDb().select().from(sessions).where(eq(sessions.userId, r.account.user.id))).toHaveLength(0);
    expect(await getDb().select().from(userTotp).where(eq(userTotp.userId, r.account.user.id))).toHaveLength(0);
    expect(
      await getDb().select().from(emailSubscriptions).where(eq(emailSubscriptions.email, r.person.email!)),
    ).toHaveLength(0);
    expect(await getDb().select().from(mailMessages).where(eq(mailMessages.toAddress, r.person.email!))).toHaveLength(
      0,
    );
    // The published record is unchanged (it is frozen) and still names them.
    expect(await getDb().select().from(attendance).where(eq(attendance.personId, r.personId))).toHaveLength(1);
    const minutes = (await getPublishedMinutes(r.meeting.id))!;
    expect(minutes.attendees.map((a) => a.name)).toContain(`${r.person.givenName} ${r.person.familyName}`);
    const [audit] = await getDb().select().from(auditLog).where(eq(auditLog.action, 'gdpr.erase'));
    expect(audit).toMatchObject({ entityId: r.personId, actorUserId: admin.user.id });
    const logged = JSON.stringify(audit!.changes);
    expect(logged).not.toContain(r.person.email!);
    expect(logged).not.toContain('erasable');
    expect(logged).not.toContain(r.person.phone ?? '+358');
  });

  it('replaces the name of a person no published record needs', async () => {
    const person = await buildPerson({ givenName: 'Ilmari', familyName: 'Ilmoittautuja' });
    const admin = await buildUser({ grants: [{ role: 'admin' }] });
    const res = await call(
      dataPage.action,
      makeRequest(`/admin/people/${person.id}/data`, {
        cookie: admin.cookie,
        form: { intent: 'erase', confirm: 'POISTA' },
      }),
      { personId: person.id },
    );
    expect(res.status).toBe(200);
    const [row] = await getDb().select().from(people).where(eq(people.id, person.id));
    expect(row).toMatchObject({ givenName: 'Poistettu', familyName: 'henkilö', email: null, phone: null });
  });

  it('refuses to erase the last admin', async () => {
    const person = await buildPerson();
    const only = await buildUser({ personId: person.id, grants: [{ role: 'admin' }] });
    // Admins made by the earlier tests of this file step down: this one is the last.
    await getDb().execute(
      sql`UPDATE role_grants SET revoked_at = now() WHERE role = 'admin' AND user_id <> ${only.user.id}`,
    );
    const res = await call(
      dataPage.action,
      makeRequest(`/admin/people/${person.id}/data`, {
        cookie: only.cookie,
        form: { intent: 'erase', confirm: 'POISTA' },
      }),
      { personId: person.id },
    );
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: string }).error).toBe('Viimeistä ylläpitäjää ei voi poistaa.');
    const [grant] = await getDb().select().from(roleGrants).where(eq(roleGrants.userId, only.user.id));
    expect(grant!.revokedAt).toBeNull();
    const [row] = await getDb().select().from(people).where(eq(people.id, person.id));
    expect(row!.email).not.toBeNull();
  });
});
