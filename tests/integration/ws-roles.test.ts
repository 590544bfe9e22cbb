// Role management (/admin/users/$userId), inviting from the roster, and council pickers that name the region.
import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getAuth } from '../../app/auth/session.server';
import * as inviteRoute from '../../app/routes/admin.invite';
import * as rolesRoute from '../../app/routes/admin.users.$userId';
import * as usersRoute from '../../app/routes/admin.users._index';
import * as manageHomeRoute from '../../app/routes/manage._index';
import * as councilHomeRoute from '../../app/routes/manage.councils.$slug._index';
import * as rosterRoute from '../../app/routes/manage.councils.$slug.roster';
import * as newCouncilRoute from '../../app/routes/manage.councils.new';
import { getDb } from '../../db/client.server';
import { auditLog, authTokens, mailMessages, roleGrants, sessions } from '../../db/schema';
import { buildCouncil, buildCouncilWithRoster, buildMembership, buildPerson, buildRegion } from '../factories';
import { renderRoute } from '../factories/records';
import { useTestDatabase } from '../setup/database';
import { buildUser, call, makeRequest } from '../support/requests';

useTestDatabase();

const PATTERN = '/admin/users/:userId';
const page = (userId: string, cookie: string) =>
  renderRoute(rolesRoute, PATTERN, makeRequest(`/admin/users/${userId}`, { cookie }));
const post = (userId: string, cookie: string, form: Record<string, string>) =>
  call(rolesRoute.action, makeRequest(`/admin/users/${userId}`, { cookie, form }), { userId });

const liveGrants = (userId: string) =>
  getDb()
    .select()
    .from(roleGrants)
    .where(and(eq(roleGrants.userId, userId), isNull(roleGrants.revokedAt)));

/** Every id once; every label's `for` names a form control (as in ws-pages.test.ts). */
function labelProblems(html: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [, id] of html.matchAll(/\sid="([^"]+)"/g)) {
    if (seen.has(id!)) problems.push(`duplicate id ${id}`);
    seen.add(id!);
  }
  for (const [, target] of html.matchAll(/<label[^>]*\sfor="([^"]+)"/g)) {
    const element = html.match(new RegExp(`<(\\w+)[^>]*\\sid="${target!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
    if (!element) problems.push(`label for missing ${target}`);
    else if (!['input', 'select', 'textarea'].includes(element[1]!))
      problems.push(`label for ${target} points at <${element[1]}>`);
  }
  return problems;
}

async function errorsOf(res: Response): Promise<string> {
  return JSON.stringify(await res.json());
}

describe('granting and revoking roles', () => {
  it('an admin grants a council role: one grant, an audit entry, shown with the region on the page', async () => {
    const region = await buildRegion({ nameFi: 'Pohjois-Savo' });
    const council = await buildCouncil({ nameFi: 'Järjestöfoorumi', regionId: region.id });
    const admin = await buildUser({ grants: [{ role: 'admin' }] });
    const target = await buildUser({ email: 'uusi.sihteeri@example.org' });

    const before = await page(target.user.id, admin.cookie);
    expect(before.status).toBe(200);
    expect(before.html).toContain('uusi.sihteeri@example.org');
    expect(before.html).toContain('Järjestöfoorumi (Pohjois-Savo)');
    expect(labelProblems(before.html)).toEqual([]);

    const res = await post(target.user.id, admin.cookie, {
      intent: 'grant-council',
      councilId: council.id,
      role: 'secretary',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ done: 'granted' });
    const grants = await liveGrants(target.user.id);
    expect(grants.map((g) => [g.role, g.councilId, g.grantedBy])).toEqual([['secretary', council.id, admin.user.id]]);
    const [entry] = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'role.grant'), eq(auditLog.entityId, grants[0]!.id)));
    expect(entry).toMatchObject({ actorUserId: admin.user.id, councilId: council.id, regionId: region.id });

    const after = await page(target.user.id, admin.cookie);
    const row = after.html
      .split('<tr')
      .find((r) => r.includes('Järjestöfoorumi (Pohjois-Savo)') && r.includes('Sihteeri'));
    expect(row).toBeTruthy();
    expect(row).toContain('Peru');
  });

  it('refuses a duplicate grant at the role field and keeps one grant', async () => {
    const council = await buildCouncil();
    const admin = await buildUser({ grants: [{ role: 'admin' }] });
    const target = await buildUser({ grants: [{ role: 'member', councilId: council.id }] });
    const res = await post(target.user.id, admin.cookie, {
      intent: 'grant-council',
      councilId: council.id,
      role: 'member',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { result: { error: Record<string, string[]> } };
    expect(body.result.error.role).toEqual(['Käyttäjällä on jo tämä rooli.']);
    expect(await liveGrants(target.user.id)).toHaveLength(1);

    const again = await post(target.user.id, admin.cookie, { intent: 'grant-admin' });
    expect(again.status).toBe(200);
    const twice = await post(target.user.id, admin.cookie, { intent: 'grant-admin' });
    expect(twice.status).toBe(400);
    expect(await errorsOf(twice)).toContain('Käyttäjällä on jo tämä rooli.');
  });

  it('revokes by grant id: a stale page revoking again gets a clear message, not a 500', async () => {
    const council = await buildCouncil();
    const admin = await buildUser({ grants: [{ role: 'admin' }] });
    const target = await buildUser({ grants: [{ role: 'chair', councilId: council.id }] });
    const [grant] = await liveGrants(target.user.id);
    const first = await post(target.user.id, admin.cookie, { intent: 'revoke', grantId: grant!.id });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ done: 'revoked' });
    expect(await liveGrants(target.user.id)).toHaveLength(0);
    const [entry] = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'role.revoke'), eq(auditLog.entityId, grant!.id)));
    expect(entry).toMatchObject({ actorUserId: admin.user.id, councilId: council.id });

    const stale = await post(target.user.id, admin.cookie, { intent: 'revoke', grantId: grant!.id });
    expect(stale.status).toBe(409);
    expect(await errorsOf(stale)).toContain('Rooli oli jo peruttu.');
    const unknown = await post(target.user.id, admin.cookie, {
      intent: 'revoke',
      grantId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.status).toBe(409);
    const garbage = await post(target.user.id, admin.cookie, { intent: 'revoke', grantId: 'not-an-id' });
    expect(garbage.status).toBe(400);
  });

  it('refuses to revoke the last administrator, counting only enabled accounts', async () => {
    // Other test files' admins live in other databases; this file's admins are the ones below and earlier tests'.
    await getDb()
      .update(roleGrants)
      .set({ revokedAt: new Date() })
      .where(and(eq(roleGrants.role, 'admin'), isNull(roleGrants.revokedAt)));
    const only = await buildUser({ grants: [{ role: 'admin' }] });
    const [own] = await liveGrants(only.user.id);
    const refused = await post(only.user.id, only.cookie, { intent: 'revoke', grantId: own!.id });
    expect(refused.status).toBe(409);
    expect(await errorsOf(refused)).toContain('Viimeistä ylläpitäjää ei voi poistaa.');
    expect(await liveGrants(only.user.id)).toHaveLength(1);

    const disabled = await buildUser({ grants: [{ role: 'admin' }] });
    await call(
      usersRoute.action,
      makeRequest('/admin/users', { cookie: only.cookie, form: { userId: disabled.user.id, disabled: 'true' } }),
    );
    expect((await post(only.user.id, only.cookie, { intent: 'revoke', grantId: own!.id })).status).toBe(409);

    const second = await buildUser({ grants: [{ role: 'admin' }] });
    const ok = await post(only.user.id, second.cookie, { intent: 'revoke', grantId: own!.id });
    expect(ok.status).toBe(200);
    const [theirs] = await liveGrants(second.user.id);
    const last = await post(second.user.id, second.cookie, { intent: 'revoke', grantId: theirs!.id });
    expect(last.status).toBe(409);
  });

  it('two admins acting at once: revoking each other leaves one admin, granting the same role leaves one grant', async () => {
    await getDb()
      .update(roleGrants)
      .set({ revokedAt: new Date() })
      .where(and(eq(roleGrants.role, 'admin'), isNull(roleGrants.revokedAt)));
    const a = await buildUser({ grants: [{ role: 'admin' }] });
    const b = await buildUser({ grants: [{ role: 'admin' }] });
    const [grantA] = await liveGrants(a.user.id);
    const [grantB] = await liveGrants(b.user.id);
    const statuses = (
      await Promise.all([
        post(b.user.id, a.cookie, { intent: 'revoke', grantId: grantB!.id }),
        post(a.user.id, b.cookie, { intent: 'revoke', grantId: grantA!.id }),
      ])
    ).map((r) => r.status);
    expect(statuses.sort()).toEqual([200, 409]);
    expect(
      await getDb()
        .select()
        .from(roleGrants)
        .where(and(eq(roleGrants.role, 'admin'), isNull(roleGrants.revokedAt))),
    ).toHaveLength(1);

    const council = await buildCouncil();
    const admin = await buildUser({ grants: [{ role: 'admin' }] });
    const target = await buildUser();
    const form = { intent: 'grant-council', councilId: council.id, role: 'member' };
    const granted = (
      await Promise.all([post(target.user.id, admin.cookie, form), post(target.user.id, admin.cookie, form)])
    ).map((r) => r.status);
    expect(granted.sort()).toEqual([200, 400]);
    expect(await liveGrants(target.user.id)).toHaveLength(1);
  });

  it('a secretary manages roles of their own council only, and never admin or region roles', async () => {
    const mine = await buildCouncilWithRoster();
    const other = await buildCouncil();
    const secretaryPerson = await buildPerson();
    await buildMembership(mine.term.id, secretaryPerson.id, { role: 'secretary', startDate: '2020-01-01' });
    const secretary = await buildUser({ personId: secretaryPerson.id });
    const seated = await buildUser({
      personId: mine.memberPerson.id,
      grants: [{ role: 'chair', councilId: other.id }],
    });
    const stranger = await buildUser();

    expect((await page(stranger.user.id, secretary.cookie)).status).toBe(404);
    expect(
      (
        await post(stranger.user.id, secretary.cookie, {
          intent: 'grant-council',
          councilId: mine.council.id,
          role: 'member',
        })
      ).status,
    ).toBe(404);

    const view = await page(seated.user.id, secretary.cookie);
    expect(view.status).toBe(200);
    expect(view.html).not.toContain('Tee ylläpitäjäksi');
    expect(view.html).not.toContain('id="grant-region"');
    // The other council's chair role is listed but offers no revoke button.
    const otherRow = view.html.split('<tr').find((r) => r.includes('Puheenjohtaja'))!;
    expect(otherRow).toBeTruthy();
    expect(otherRow).not.toContain('Peru');

    const asAdmin = await post(seated.user.id, secretary.cookie, { intent: 'grant-admin' });
    expect(asAdmin.status).toBe(403);
    const region = await post(seated.user.id, secretary.cookie, {
      intent: 'grant-region',
      regionId: mine.council.regionId,
    });
    expect(region.status).toBe(403);
    const elsewhere = await post(seated.user.id, secretary.cookie, {
      intent: 'grant-council',
      councilId: other.id,
      role: 'member',
    });
    expect(elsewhere.status).toBe(403);
    expect(await errorsOf(elsewhere)).toContain('Et voi antaa tai perua tätä roolia.');
    const [otherGrant] = await liveGrants(seated.user.id);
    const revokeOther = await post(seated.user.id, secretary.cookie, { intent: 'revoke', grantId: otherGrant!.id });
    expect(revokeOther.status).toBe(403);
    expect((await liveGrants(seated.user.id)).map((g) => g.role)).toEqual(['chair']);

    const granted = await post(seated.user.id, secretary.cookie, {
      intent: 'grant-council',
      councilId: mine.council.id,
      role: 'vice_chair',
    });
    expect(granted.status).toBe(200);
    expect((await liveGrants(seated.user.id)).map((g) => g.role).sort()).toEqual(['chair', 'vice_chair']);
  });

  it('a region admin manages roles within their region and lists only its users', async () => {
    const north = await buildRegion({ nameFi: 'Lappi' });
    const south = await buildRegion({ nameFi: 'Kymenlaakso' });
    const northCouncil = await buildCouncil({ regionId: north.id });
    const southCouncil = await buildCouncil({ regionId: south.id });
    const regionAdmin = await buildUser({ grants: [{ role: 'region_admin', regionId: north.id }] });
    const northUser = await buildUser({
      email: 'pohjoinen@example.org',
      grants: [{ role: 'member', councilId: northCouncil.id }],
    });
    await buildUser({ email: 'etelainen@example.org', grants: [{ role: 'member', councilId: southCouncil.id }] });

    const list = await renderRoute(
      usersRoute,
      '/admin/users',
      makeRequest('/admin/users', { cookie: regionAdmin.cookie }),
    );
    expect(list.status).toBe(200);
    expect(list.html).toContain('pohjoinen@example.org');
    expect(list.html).not.toContain('etelainen@example.org');
    expect(list.html).toContain(`href="/admin/users/${northUser.user.id}"`);
    expect(list.html).not.toContain('Poista käytöstä');

    expect(
      (
        await post(northUser.user.id, regionAdmin.cookie, {
          intent: 'grant-council',
          councilId: northCouncil.id,
          role: 'secretary',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await post(northUser.user.id, regionAdmin.cookie, {
          intent: 'grant-council',
          councilId: southCouncil.id,
          role: 'secretary',
        })
      ).status,
    ).toBe(403);
    expect(
      (await post(northUser.user.id, regionAdmin.cookie, { intent: 'grant-region', regionId: south.id })).status,
    ).toBe(403);
    expect((await post(northUser.user.id, regionAdmin.cookie, { intent: 'grant-admin' })).status).toBe(403);
  });

  it('a revoked role loses access on the next request while the session stays', async () => {
    const { council } = await buildCouncilWithRoster();
    const admin = await buildUser({ grants: [{ role: 'admin' }] });
    const secretary = await buildUser({ grants: [{ role: 'secretary', councilId: council.id }] });
    const roster = () =>
      call(rosterRoute.loader, makeRequest(`/manage/councils/${council.slug}/roster`, { cookie: secretary.cookie }), {
        slug: council.slug,
      });
    expect((await roster()).status).toBe(200);

    const [grant] = await liveGrants(secretary.user.id);
    expect((await post(secretary.user.id, admin.cookie, { intent: 'revoke', grantId: grant!.id })).status).toBe(200);

    expect((await roster()).status).toBe(404);
    expect((await getAuth(makeRequest('/', { cookie: secretary.cookie }))).user?.id).toBe(secretary.user.id);
    expect(await getDb().select().from(sessions).where(eq(sessions.userId, secretary.user.id))).toHaveLength(1);
  });
});

describe('the roles page in three languages', () => {
  for (const [locale, heading] of [
    ['fi', 'Anna rooli toimielimessä'],
    ['sv', 'Ge en roll i ett organ'],
    ['en', 'Grant a role in a council'],
  ] as const) {
    it(`shows translated text, not raw keys (${locale})`, async () => {
      const council = await buildCouncil();
      const admin = await buildUser({ grants: [{ role: 'admin' }] });
      const target = await buildUser({ grants: [{ role: 'member', councilId: council.id }] });
      const view = await renderRoute(
        rolesRoute,
        PATTERN,
        makeRequest(`/admin/users/${target.user.id}`, { cookie: admin.cookie }),
        locale,
      );
      expect(view.status).toBe(200);
      expect(view.html).toContain(heading);
      expect(view.html.replace(/<[^>]+>/g, ' ')).not.toMatch(/\b(?:admin|ws|roles)\.[a-z][A-Za-z]*(?:\.[A-Za-z]+)?\b/);
    });
  }
});

describe('inviting from the roster', () => {
  it('offers an invitation for a seat whose person has no account, and the roles page for one who has', async () => {
    const r = await buildCouncilWithRoster();
    const secretary = await buildUser({ grants: [{ role: 'secretary', councilId: r.council.id }] });
    const deputyAccount = await buildUser({ personId: r.deputyPerson.id });
    const roster = await renderRoute(
      rosterRoute,
      '/manage/councils/:slug/roster',
      makeRequest(`/manage/councils/${r.council.slug}/roster`, { cookie: secretary.cookie }),
    );
    expect(roster.status).toBe(200);
    const memberRow = roster.html.split('<tr').find((row) => row.includes('Maija') && row.includes('Kutsu'))!;
    expect(memberRow).toContain(`href="/admin/invite?person=${r.memberPerson.id}&amp;council=${r.council.id}"`);
    const deputyRow = roster.html.split('<tr').find((row) => row.includes('Veikko') && row.includes('/admin/users/'))!;
    expect(deputyRow).toContain(`href="/admin/users/${deputyAccount.user.id}"`);
    expect(deputyRow).not.toContain('/admin/invite');
  });

  it('prefills the invitation form from the row and the mail goes through the queue', async () => {
    const r = await buildCouncilWithRoster();
    const secretary = await buildUser({ grants: [{ role: 'secretary', councilId: r.council.id }] });
    const url = `/admin/invite?person=${r.memberPerson.id}&council=${r.council.id}`;
    const form = await renderRoute(inviteRoute, '/admin/invite', makeRequest(url, { cookie: secretary.cookie }));
    expect(form.status).toBe(200);
    expect(form.html).toContain(`value="${r.memberPerson.email}"`);
    expect(form.html).toMatch(
      new RegExp(`<option selected="" value="${r.council.id}"|<option value="${r.council.id}" selected=""`),
    );
    expect(form.html).toContain('Kutsuttava henkilö: Maija');
    expect(labelProblems(form.html)).toEqual([]);

    const res = await call(
      inviteRoute.action,
      makeRequest(url, {
        cookie: secretary.cookie,
        form: { email: r.memberPerson.email!, councilId: r.council.id, role: '' },
      }),
    );
    expect(res.status).toBe(200);
    const [token] = await getDb().select().from(authTokens).where(eq(authTokens.email, r.memberPerson.email!));
    expect(token).toMatchObject({ purpose: 'invitation', councilId: r.council.id, createdBy: secretary.user.id });
    const [mail] = await getDb().select().from(mailMessages).where(eq(mailMessages.toAddress, r.memberPerson.email!));
    expect(mail?.textBody).toContain('/invite/');
  });

  it('suggests the member role for a person without an email, and prefills nothing for a person out of scope', async () => {
    const r = await buildCouncilWithRoster();
    const noEmail = await buildPerson({ givenName: 'Eino', email: null });
    await buildMembership(r.term.id, noEmail.id, { startDate: '2020-01-01' });
    const secretary = await buildUser({ grants: [{ role: 'secretary', councilId: r.council.id }] });
    const form = await renderRoute(
      inviteRoute,
      '/admin/invite',
      makeRequest(`/admin/invite?person=${noEmail.id}&council=${r.council.id}`, { cookie: secretary.cookie }),
    );
    expect(form.html).toContain('Henkilölle ei ole tallennettu sähköpostiosoitetta');
    expect(form.html).toMatch(/<option selected="" value="member"|<option value="member" selected=""/);

    const elsewhere = await buildCouncilWithRoster();
    const outside = await renderRoute(
      inviteRoute,
      '/admin/invite',
      makeRequest(`/admin/invite?person=${elsewhere.memberPerson.id}&council=${elsewhere.council.id}`, {
        cookie: secretary.cookie,
      }),
    );
    expect(outside.status).toBe(200);
    expect(outside.html).not.toContain(elsewhere.memberPerson.email!);
    expect(outside.html).not.toContain(`value="${elsewhere.council.id}"`);
  });

  it('shows "Invite people" in the workspace to those who may invite', async () => {
    const r = await buildCouncilWithRoster();
    const secretary = await buildUser({ grants: [{ role: 'secretary', councilId: r.council.id }] });
    const member = await buildUser({ personId: r.memberPerson.id });
    const pattern = '/manage/councils/:slug';
    const asSecretary = await renderRoute(
      councilHomeRoute,
      pattern,
      makeRequest(`/manage/councils/${r.council.slug}`, { cookie: secretary.cookie }),
    );
    expect(asSecretary.html).toContain(`href="/admin/invite?council=${r.council.id}"`);
    expect(asSecretary.html).toContain('Kutsu henkilöitä');
    const asMember = await renderRoute(
      councilHomeRoute,
      pattern,
      makeRequest(`/manage/councils/${r.council.slug}`, { cookie: member.cookie }),
    );
    expect(asMember.status).toBe(200);
    expect(asMember.html).not.toContain('Kutsu henkilöitä');
    const home = await renderRoute(manageHomeRoute, '/manage', makeRequest('/manage', { cookie: secretary.cookie }));
    expect(home.html).toContain('href="/admin/invite"');
    const memberHome = await renderRoute(manageHomeRoute, '/manage', makeRequest('/manage', { cookie: member.cookie }));
    expect(memberHome.html).not.toContain('href="/admin/invite"');
  });
});

describe('accepting an invitation to a role already held', () => {
  it('keeps one grant', async () => {
    const { createInvitation, acceptInvitation } = await import('../../app/models/users.server');
    const council = await buildCouncil();
    const secretary = await buildUser({ grants: [{ role: 'secretary', councilId: council.id }] });
    const invitee = await buildUser({
      email: 'kahdesti@example.org',
      grants: [{ role: 'member', councilId: council.id }],
    });
    const actor = { userId: secretary.user.id, label: null, ip: null };
    const { token } = await createInvitation({
      email: 'kahdesti@example.org',
      councilId: council.id,
      grantRole: 'member',
      actor,
    });
    const outcome = await acceptInvitation(token, {
      displayName: 'Kahdesti',
      password: 'kolme kissaa kävelee',
      ip: null,
    });
    expect(outcome.status).toBe('accepted');
    expect((await liveGrants(invitee.user.id)).map((g) => g.role)).toEqual(['member']);
  });
});

describe('council pickers name the region', () => {
  it('on the new council form (parent), the workspace list and the roles page', async () => {
    const north = await buildRegion({ nameFi: 'Pohjois-Karjala' });
    const south = await buildRegion({ nameFi: 'Etelä-Karjala' });
    await buildCouncil({ nameFi: 'Järjestöneuvottelukunta', regionId: north.id });
    await buildCouncil({ nameFi: 'Järjestöneuvottelukunta', regionId: south.id });
    const admin = await buildUser({ grants: [{ role: 'admin' }] });
    const target = await buildUser();
    const pages = [
      await renderRoute(
        newCouncilRoute,
        '/manage/councils/new',
        makeRequest('/manage/councils/new', { cookie: admin.cookie }),
      ),
      await renderRoute(manageHomeRoute, '/manage', makeRequest('/manage', { cookie: admin.cookie })),
      await page(target.user.id, admin.cookie),
    ];
    for (const p of pages) {
      expect(p.status).toBe(200);
      expect(p.html).toContain('Järjestöneuvottelukunta (Pohjois-Karjala)');
      expect(p.html).toContain('Järjestöneuvottelukunta (Etelä-Karjala)');
    }
  });
});
