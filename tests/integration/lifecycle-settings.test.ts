/**
 * Issue 14.4: the council's display period and appeal notice on the council edit page, the
 * placeholder-title warning, and the appeal notice under each decision of the minutes.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { agendaItems, councils } from '../../db/schema';
import * as agendaRoute from '../../app/routes/manage.meetings.$meetingId_.agenda';
import * as editCouncil from '../../app/routes/manage.councils.$slug.edit';
import { getMeetingScope, publishAgenda } from '../../app/models/agendas.server';
import {
  approveMinutes,
  getMembersMinutes,
  getMinutesWorkspace,
  getPublishedMinutes,
  publishMinutes,
  saveDecision,
  startMinutes,
} from '../../app/models/minutes.server';
import { isPlaceholderTitle } from '../../app/validation/lifecycle';
import * as minutesPage from '../../app/routes/meetings.$meetingId.minutes';
import * as minutesPdf from '../../app/routes/meetings.$meetingId.minutes[.pdf]';
import { extractText, getDocumentProxy } from 'unpdf';
import { buildCouncil, buildRegion } from '../factories';
import { buildRecordsSetup, insertItems, renderRoute } from '../factories/records';
import { auditEntries, buildRosterUsers } from '../factories/roster';
import { useTestDatabase } from '../setup/database';
import { buildUser, call, makeRequest } from '../support/requests';

useTestDatabase();

describe('display period settings on the council edit page', () => {
  it('saves the display period and appeal template with a lock, refuses a period that ends before it starts at the field', async () => {
    const region = await buildRegion();
    const council = await buildCouncil({ regionId: region.id });
    const admin = await buildUser({ grants: [{ role: 'region_admin', regionId: region.id }] });
    const { secretary } = await buildRosterUsers(council.id);
    const path = `/manage/councils/${council.slug}/edit`;
    const form = {
      intent: 'display',
      lockVersion: String(council.lockVersion),
      displayNoticeDays: '14',
      displayWebMonths: '12',
      appealNoticeFi: 'Tähän päätökseen ei saa hakea muutosta valittamalla.',
      appealNoticeSv: '',
      appealNoticeEn: '',
    };
    expect(
      (await call(editCouncil.action, makeRequest(path, { cookie: secretary.cookie, form }), { slug: council.slug }))
        .status,
    ).toBe(403);

    // Bad input: zero or negative months would end the display period before it starts.
    for (const months of ['0', '-3']) {
      const bad = await call(
        editCouncil.action,
        makeRequest(path, { cookie: admin.cookie, form: { ...form, displayWebMonths: months } }),
        { slug: council.slug },
      );
      expect(bad.status).toBe(400);
      const body = (await bad.json()) as { display: { error: Record<string, string[]> } };
      expect(body.display.error.displayWebMonths).toEqual([
        'Julkaisuaika päättyisi ennen kuin se alkaa: anna vähintään 1 kuukausi tai jätä tyhjäksi.',
      ]);
    }
    const badDays = await call(
      editCouncil.action,
      makeRequest(path, { cookie: admin.cookie, form: { ...form, displayNoticeDays: '-1' } }),
      { slug: council.slug },
    );
    expect(badDays.status).toBe(400);
    expect(
      ((await badDays.json()) as { display: { error: Record<string, string[]> } }).display.error.displayNoticeDays,
    ).toHaveLength(1);

    const ok = await call(editCouncil.action, makeRequest(path, { cookie: admin.cookie, form }), {
      slug: council.slug,
    });
    expect(ok.status).toBe(302);
    let [row] = await getDb().select().from(councils).where(eq(councils.id, council.id));
    expect(row).toMatchObject({
      displayNoticeDays: 14,
      displayWebMonths: 12,
      appealNoticeFi: 'Tähän päätökseen ei saa hakea muutosta valittamalla.',
      appealNoticeSv: null,
      appealDefaultNone: false,
    });
    const stale = await call(
      editCouncil.action,
      makeRequest(path, { cookie: admin.cookie, form: { ...form, displayNoticeDays: '3' } }),
      { slug: council.slug },
    );
    expect(stale.status).toBe(409);
    // Empty months: permanently on the web.
    const permanent = await call(
      editCouncil.action,
      makeRequest(path, {
        cookie: admin.cookie,
        form: { ...form, lockVersion: String(row!.lockVersion), displayWebMonths: '', appealDefaultNone: 'on' },
      }),
      { slug: council.slug },
    );
    expect(permanent.status).toBe(302);
    [row] = await getDb().select().from(councils).where(eq(councils.id, council.id));
    expect(row).toMatchObject({ displayNoticeDays: 14, displayWebMonths: null, appealDefaultNone: true });
    const audits = await auditEntries('council.display_period_update', council.id);
    expect(audits).toHaveLength(2);
    // The database refuses it too, whatever the app does.
    await expect(
      getDb().update(councils).set({ displayWebMonths: 0 }).where(eq(councils.id, council.id)),
    ).rejects.toThrow();
  });
});

describe('placeholder titles of withheld items', () => {
  it('flags titles that do not say what the matter is', () => {
    for (const t of [
      'Salassa pidettävä asia',
      'Salainen',
      'Asia',
      '—',
      'Henkilöasia',
      'Confidential matter',
      'Muu asia.',
    ])
      expect(isPlaceholderTitle(t), t).toBe(true);
    for (const t of [
      'Avustushakemus yhdistykselle X',
      'Vammaispalvelun yksilöasia',
      'Kunniamaininta vapaaehtoistyöstä',
    ])
      expect(isPlaceholderTitle(t), t).toBe(false);
  });
});

describe('agenda editor: personal-data class, appeal choice and the placeholder warning', () => {
  it('saves the class and appeal choice per item, and warns (without blocking) on a withheld item with a placeholder title', async () => {
    const s = await buildRecordsSetup();
    const url = `/manage/meetings/${s.meeting.id}/agenda`;
    const post = (form: Record<string, string>) =>
      call(agendaRoute.action, makeRequest(url, { cookie: s.secretary.cookie, form }), { meetingId: s.meeting.id });
    const saved = await post({
      intent: 'save-item',
      title: 'Salainen',
      publicity: 'confidential',
      withheldReason: 'JulkL 24 § 1 mom. 32 k',
      personalDataClass: 'special',
      appealNotice: 'none',
    });
    expect([200, 302]).toContain(saved.status);
    const [row] = await getDb().select().from(agendaItems).where(eq(agendaItems.meetingId, s.meeting.id));
    expect(row).toMatchObject({ title: 'Salainen', personalDataClass: 'special', appealNotice: 'none' });
    const bad = await post({
      intent: 'save-item',
      title: 'Toinen asia',
      publicity: 'public',
      personalDataClass: 'everything',
    });
    expect(bad.status).toBe(400);
    const page = await renderRoute(
      agendaRoute,
      '/manage/meetings/:meetingId/agenda',
      makeRequest(url, { cookie: s.secretary.cookie }),
    );
    expect(page.status).toBe(200);
    expect(page.html).toContain('”Salainen” näyttää paikkamerkiltä');
    expect(page.html).toContain('Erityisiä henkilötietoja');
    expect(page.html).toContain('name="personalDataClass"');
    // A public item with a short title is not warned about; a withheld one with a real title neither.
    await post({
      intent: 'save-item',
      itemId: row!.id,
      lockVersion: String(row!.lockVersion),
      title: 'Vammaispalvelun yksilöasia',
      publicity: 'confidential',
      withheldReason: 'JulkL 24 § 1 mom. 32 k',
      personalDataClass: 'special',
    });
    const after = await renderRoute(
      agendaRoute,
      '/manage/meetings/:meetingId/agenda',
      makeRequest(url, { cookie: s.secretary.cookie }),
    );
    expect(after.html).not.toContain('näyttää paikkamerkiltä');
  });
});

describe('appeal notice per item', () => {
  it("prints the council's template under each decision unless the item (or the council's default) says none", async () => {
    const s = await buildRecordsSetup({ meeting: { startsAt: new Date('2026-05-19T11:00:00Z'), status: 'held' } });
    const NOTICE = 'Oikaisuvaatimusohje: vaatimus 14 päivän kuluessa tiedoksisaannista.';
    await getDb()
      .update(councils)
      .set({ appealNoticeFi: NOTICE, appealDefaultNone: false })
      .where(eq(councils.id, s.council.id));
    const [a, b, c] = await insertItems(s.meeting, [
      { title: 'Avustuspäätös yhdistykselle' },
      { title: 'Lausunto hyvinvointialueelle', appealNotice: 'none' },
      { title: 'Tiedoksi merkittävät asiat' },
    ]);
    await publishAgenda(s.who, s.meeting.id, new Date('2026-05-01T10:00:00Z'));
    const started = await startMinutes(s.who, s.meeting.id);
    const versionId = started.status === 'ok' ? started.id : '';
    let lv = (await getMinutesWorkspace((await getMeetingScope(s.meeting.id))!)).current!.lockVersion;
    for (const item of [a!, b!]) {
      expect(
        (
          await saveDecision(s.who, s.meeting.id, versionId, lv++, {
            intent: 'save-decision',
            lockVersion: lv,
            itemId: item.id,
            decision: 'Päätettiin.',
            outcome: 'decided',
          })
        ).status,
      ).toBe('ok');
    }
    expect((await approveMinutes(s.who, s.meeting.id, versionId, lv++, 'at_meeting')).status).toBe('ok');
    expect((await publishMinutes(s.who, s.meeting.id, versionId, lv++)).status).toBe('ok');
    const pub = (await getPublishedMinutes(s.meeting.id))!;
    expect(pub.items.map((i) => i.appealNotice)).toEqual([NOTICE, null, null]); // c has no decision
    const members = (await getMembersMinutes(s.meeting.id, s.council.id))!;
    expect(members.items[0]!.appealNotice).toBe(NOTICE);
    // In the public minutes page (once, under the first decision) and in the PDF.
    const page = await renderRoute(
      minutesPage,
      '/meetings/:meetingId/minutes',
      makeRequest(`/meetings/${s.meeting.id}/minutes`),
    );
    expect(page.html.split('Oikaisuvaatimusohje').length - 1).toBe(1);
    expect(page.html).toContain('Muutoksenhaku');
    const pdf = await call(minutesPdf.loader, makeRequest(`/meetings/${s.meeting.id}/minutes.pdf`), {
      meetingId: s.meeting.id,
    });
    expect(pdf.status).toBe(200);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.arrayBuffer())), {
      mergePages: true,
    });
    expect(text.replace(/\s+/g, ' ')).toContain('Oikaisuvaatimusohje');
    void c;
  });
});
