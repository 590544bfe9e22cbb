import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { auditLog, matterItems, matterStatements, matters, statements } from '../../db/schema';
import { linkMatter } from '../../app/models/matters.server';
import * as meetingApi from '../../app/routes/api.v1.meetings.$meetingId';
import * as matterPage from '../../app/routes/councils.$slug.matters.$matterId';
import * as mattersRoute from '../../app/routes/manage.councils.$slug.matters';
import * as agendaRoute from '../../app/routes/manage.meetings.$meetingId_.agenda';
import * as statementsRoute from '../../app/routes/manage.councils.$slug.statements';
import { buildMeeting } from '../factories';
import { buildPublishedMeeting } from '../factories/practice';
import { insertItems, renderRoute, testWho } from '../factories/records';
import { useTestDatabase } from '../setup/database';
import { call, makeRequest } from '../support/requests';

useTestDatabase();

/** A matter handled at two meetings (the first with published minutes) and answered by a statement. */
async function matterAcrossMeetings() {
  const r = await buildPublishedMeeting();
  const later = await buildMeeting(r.council.id, {
    termId: r.term.id,
    title: 'Syyskokous',
    startsAt: new Date('2026-09-15T11:00:00Z'),
    endsAt: new Date('2026-09-15T13:00:00Z'),
    agendaPublishedAt: new Date('2026-09-01T10:00:00Z'),
  });
  const [again] = await insertItems(later, [
    { title: 'Palvelustrategian jatkokäsittely', sectionYear: 2026, sectionNumber: 40 },
  ]);
  const draftMeeting = await buildMeeting(r.council.id, {
    termId: r.term.id,
    title: 'Luonnoskokous',
    startsAt: new Date('2026-10-15T11:00:00Z'),
    endsAt: new Date('2026-10-15T13:00:00Z'),
  });
  const [unpublishedItem] = await insertItems(draftMeeting, [{ title: 'LUONNOS JATKOSTA' }]);
  const [statement] = await getDb()
    .insert(statements)
    .values({
      councilId: r.council.id,
      type: 'statement',
      recipient: 'Aluehallitus',
      title: 'Lausunto aluehallitukselle strategiasta',
      status: 'sent',
      issuedOn: '2026-06-01',
      publishedAt: new Date('2026-06-01T10:00:00Z'),
    })
    .returning();
  const [draftStatement] = await getDb()
    .insert(statements)
    .values({
      councilId: r.council.id,
      type: 'position',
      recipient: 'Aluehallitus',
      title: 'LUONNOSKANNANOTTO',
      status: 'draft',
    })
    .returning();
  return {
    ...r,
    later,
    again: again!,
    unpublishedItem: unpublishedItem!,
    statement: statement!,
    draftStatement: draftStatement!,
  };
}

describe('matters across meetings (asiat, issue 14.5)', () => {
  it('the secretary creates a matter with a diary number from the agenda editor and links items and statements to it', async () => {
    const r = await matterAcrossMeetings();
    const post = (form: Record<string, string>, cookie = r.secretary.cookie) =>
      call(
        mattersRoute.action,
        makeRequest(`/manage/councils/${r.council.slug}/matters`, {
          method: 'POST',
          cookie,
          form: { intent: 'link-matter', ...form },
        }),
        { slug: r.council.slug },
      );
    const created = await post({
      itemId: r.open.id,
      newTitle: 'Palvelustrategia 2026–2029',
      newDiaryNumber: 'VAKE/123/00.01.00/2026',
      returnTo: `/manage/meetings/${r.meeting.id}/agenda`,
    });
    expect(created.status).toBe(302);
    expect(created.headers.get('location')).toBe(`/manage/meetings/${r.meeting.id}/agenda`);
    const [matter] = await getDb().select().from(matters).where(eq(matters.councilId, r.council.id));
    expect(matter).toMatchObject({
      title: 'Palvelustrategia 2026–2029',
      diaryNumber: 'VAKE/123/00.01.00/2026',
      createdBy: r.secretary.user.id,
    });
    const targets: Array<Record<string, string>> = [
      { itemId: r.again.id },
      { itemId: r.unpublishedItem.id },
      { statementId: r.statement.id },
      { statementId: r.draftStatement.id },
    ];
    for (const form of targets) {
      expect((await post({ ...form, matterId: matter!.id, returnTo: '//evil.example/' })).status).toBe(302);
    }
    expect(await getDb().select().from(matterItems).where(eq(matterItems.matterId, matter!.id))).toHaveLength(3);
    expect(await getDb().select().from(matterStatements).where(eq(matterStatements.matterId, matter!.id))).toHaveLength(
      2,
    );
    expect(
      await getDb()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'matter.create'), eq(auditLog.entityId, matter!.id))),
    ).toHaveLength(1);
    expect(
      (await getDb().select().from(auditLog).where(eq(auditLog.action, 'matter.link'))).length,
    ).toBeGreaterThanOrEqual(5);

    // The editors show the picker with the item's matter.
    const agenda = await renderRoute(
      agendaRoute,
      '/manage/meetings/:meetingId/agenda',
      makeRequest(`/manage/meetings/${r.meeting.id}/agenda`, { cookie: r.secretary.cookie }),
    );
    expect(agenda.html).toContain('Asia: Palvelustrategia 2026–2029');
    const sPage = await renderRoute(
      statementsRoute,
      '/manage/councils/:slug/statements',
      makeRequest(`/manage/councils/${r.council.slug}/statements?edit=${r.statement.id}`, {
        cookie: r.secretary.cookie,
      }),
    );
    expect(sPage.html).toContain('VAKE/123/00.01.00/2026');

    // Bad input: an unknown matter, a blank new title, a member without rights.
    const unknown = await post({
      itemId: r.open.id,
      matterId: '00000000-0000-4000-8000-000000000000',
      expectedMatterId: matter!.id,
    });
    expect(unknown.status).toBe(404);
    const long = await post({ itemId: r.open.id, newTitle: 'x'.repeat(301) });
    expect(long.status).toBe(400);
    expect(((await long.json()) as { error: string }).error).toBe('Kirjoita asian otsikko (enintään 300 merkkiä).');
    expect((await post({ itemId: r.open.id, matterId: matter!.id }, r.checkerA.cookie)).status).toBe(403);
    // Unlinking: an empty choice.
    // A form that still showed the item unlinked is stale now (optimistic lock): refused, nothing changes.
    const stale = await post({ itemId: r.unpublishedItem.id, matterId: '', expectedMatterId: '' });
    expect(stale.status).toBe(409);
    expect(
      await getDb().select().from(matterItems).where(eq(matterItems.agendaItemId, r.unpublishedItem.id)),
    ).toHaveLength(1);
    expect((await post({ itemId: r.unpublishedItem.id, matterId: '', expectedMatterId: matter!.id })).status).toBe(302);
    expect(
      await getDb().select().from(matterItems).where(eq(matterItems.agendaItemId, r.unpublishedItem.id)),
    ).toHaveLength(0);
  });

  it('refuses linking across councils (also in the database)', async () => {
    const a = await matterAcrossMeetings();
    const b = await buildPublishedMeeting();
    const created = await linkMatter(testWho(a.council), { itemId: a.open.id, newTitle: 'A:n asia' });
    expect(created.status).toBe('ok');
    const matterId = created.status === 'ok' ? created.matterId! : '';
    expect(await linkMatter(testWho(b.council), { itemId: b.open.id, matterId })).toEqual({ status: 'unknown_matter' });
    expect(await linkMatter(testWho(b.council), { itemId: a.again.id, matterId })).toEqual({ status: 'not_found' });
    await expect(
      getDb().insert(matterItems).values({ agendaItemId: b.open.id, matterId, councilId: b.council.id }),
    ).rejects.toThrow();
  });

  it('its public page shows the handling history in date order from published content only; the API names the matter', async () => {
    const r = await matterAcrossMeetings();
    const who = testWho(r.council);
    const created = await linkMatter(who, {
      itemId: r.open.id,
      newTitle: 'Palvelustrategia',
      newDiaryNumber: 'VAKE/9/2026',
    });
    const matterId = created.status === 'ok' ? created.matterId! : '';
    for (const input of [
      { itemId: r.again.id },
      { itemId: r.unpublishedItem.id },
      { itemId: r.secret.id },
      { statementId: r.statement.id },
      { statementId: r.draftStatement.id },
    ]) {
      expect((await linkMatter(who, { ...input, matterId })).status).toBe('ok');
    }
    const page = await renderRoute(
      matterPage,
      '/councils/:slug/matters/:matterId',
      makeRequest(`/councils/${r.council.slug}/matters/${matterId}`),
    );
    expect(page.status).toBe(200);
    expect(page.html).toContain('VAKE/9/2026');
    const first = page.html.indexOf('Lausunto palvelustrategiasta');
    const statementAt = page.html.indexOf('Lausunto aluehallitukselle strategiasta');
    const laterAt = page.html.indexOf('Palvelustrategian jatkokäsittely');
    expect(first).toBeGreaterThan(-1);
    expect(statementAt).toBeGreaterThan(first);
    expect(laterAt).toBeGreaterThan(statementAt);
    expect(page.html).toContain('Lausunto annettiin muutetussa muodossa.');
    expect(page.html).toContain(`/meetings/${r.meeting.id}/items/${r.open.id}/extract`);
    expect(page.html).not.toContain('LUONNOS');
    expect(page.html).not.toContain('Asiakasasia');
    expect(page.html).not.toContain('SALAINEN');
    const sv = await renderRoute(
      matterPage,
      '/councils/:slug/matters/:matterId',
      makeRequest(`/councils/${r.council.slug}/matters/${matterId}`),
      'sv',
    );
    expect(sv.html).toContain('Behandlingshistorik');

    const api = (await (
      await call(meetingApi.loader, makeRequest(`/api/v1/meetings/${r.meeting.id}`), { meetingId: r.meeting.id })
    ).json()) as {
      agenda: {
        items: Array<{
          title: string;
          matter: { title: string; diaryNumber: string; url: string } | null;
          extractUrl: string | null;
        }>;
      };
    };
    const item = api.agenda.items.find((i) => i.title === 'Lausunto palvelustrategiasta')!;
    expect(item.matter).toMatchObject({ title: 'Palvelustrategia', diaryNumber: 'VAKE/9/2026' });
    expect(item.matter!.url).toMatch(new RegExp(`/councils/${r.council.slug}/matters/${matterId}$`));
    expect(item.extractUrl).toMatch(/\/extract$/);
    expect(api.agenda.items.find((i) => i.title === 'Asiakasasia')!.matter).toBeNull();

    // Unknown ids, other councils' slugs and members-only councils are 404.
    expect(
      (await call(matterPage.loader, makeRequest('/councils/x/matters/y'), { slug: r.council.slug, matterId: 'y' }))
        .status,
    ).toBe(404);
    const other = await buildPublishedMeeting();
    expect((await call(matterPage.loader, makeRequest('/'), { slug: other.council.slug, matterId })).status).toBe(404);
  });
});
