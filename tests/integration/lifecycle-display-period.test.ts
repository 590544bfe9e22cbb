/**
 * Issue 14.4: display period and the web copy's personal-data removal. The dates are moved by
 * passing `now` to the job: publish minutes with items holding personal data, run the job just
 * before and just after publication + notice days + web months, and compare the public readers
 * (page, minutes, print, API, OParl, attachment download, search) with the members' view and the
 * frozen record itself.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { agendaItems, auditLog, councils, decisions, webRedactions } from '../../db/schema';
import { LocalDiskStorage, setStorage } from '../../app/lib/storage.server';
import { DISPLAY_PERIOD_QUEUE, ALL_QUEUES } from '../../app/lib/queue/queues';
import { defaultHandlers } from '../../app/lib/queue/handlers.server';
import { getMeetingScope, publishAgenda } from '../../app/models/agendas.server';
import { addAttachment } from '../../app/models/attachments.server';
import { runDisplayPeriod } from '../../app/models/lifecycle.server';
import {
  approveMinutes,
  getMinutesWorkspace,
  publishMinutes,
  saveDecision,
  startMinutes,
} from '../../app/models/minutes.server';
import { getOparlItem } from '../../app/models/oparl.server';
import { searchPublished } from '../../app/models/search.server';
import * as apiRoute from '../../app/routes/api.v1.meetings.$meetingId';
import * as attachmentRoute from '../../app/routes/attachments.$attachmentId';
import * as membersRoute from '../../app/routes/meetings.$meetingId.members';
import * as minutesRoute from '../../app/routes/meetings.$meetingId.minutes';
import * as printRoute from '../../app/routes/meetings.$meetingId.print';
import * as publicRoute from '../../app/routes/meetings.$meetingId._index';
import { buildRecordsSetup, insertItems, renderRoute } from '../factories/records';
import { useTestDatabase } from '../setup/database';
import { buildUser, call, makeRequest } from '../support/requests';

useTestDatabase();

const PDF_BYTES = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PUBLISHED_AT = new Date('2026-05-20T09:00:00Z');
// 7 days' notice + 24 months on the web: the display period ends 2028-05-27 09:00 UTC.
const ENDS = new Date('2028-05-27T09:00:00Z');
const DAY = 24 * 3600 * 1000;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'neuvos-lifecycle-'));
  setStorage(new LocalDiskStorage(dir));
});
afterAll(async () => {
  setStorage(null);
  await rm(dir, { recursive: true, force: true });
});

async function publishedWithPersonalData(council: { displayWebMonths?: number | null } = {}) {
  const s = await buildRecordsSetup({ meeting: { startsAt: new Date('2026-05-19T11:00:00Z'), status: 'held' } });
  await getDb()
    .update(councils)
    .set({
      displayNoticeDays: 7,
      displayWebMonths: council.displayWebMonths === undefined ? 24 : council.displayWebMonths,
    })
    .where(eq(councils.id, s.council.id));
  const [personal, plain, special] = await insertItems(s.meeting, [
    {
      title: 'Kunniamaininta vapaaehtoistyöstä',
      body: 'Esitetään Kerttu Kylämäkelle kunniamainintaa.',
      proposal: 'Myönnetään Kerttu Kylämäelle kunniamaininta.',
      personalDataClass: 'personal',
    },
    {
      title: 'Toimintasuunnitelman seuranta',
      body: 'Avoin seurantaraportti vuodelta.',
      proposal: 'Merkitään tiedoksi.',
    },
    {
      title: 'Vammaispalvelun yksilöasia',
      body: 'Terveydentilaa koskeva Urho Ursinin lausuntopyyntö.',
      personalDataClass: 'special',
    },
  ]);
  const file = await addAttachment(s.who, s.meeting.id, {
    itemId: plain!.id,
    title: 'Hakijaluettelo',
    publicity: 'public',
    filename: 'hakijat.pdf',
    bytes: PDF_BYTES,
  });
  const file2 = await addAttachment(s.who, s.meeting.id, {
    itemId: plain!.id,
    title: 'Seurantataulukko',
    publicity: 'public',
    filename: 'seuranta.pdf',
    bytes: PDF_BYTES,
  });
  expect(file.status).toBe('ok');
  const fileId = file.status === 'ok' ? file.id : '';
  const plainFileId = file2.status === 'ok' ? file2.id : '';
  // The attachment itself holds personal data (its item does not).
  const { agendaItemAttachments } = await import('../../db/schema');
  await getDb()
    .update(agendaItemAttachments)
    .set({ personalDataClass: 'personal' })
    .where(eq(agendaItemAttachments.id, fileId));
  await publishAgenda(s.who, s.meeting.id, new Date('2026-05-01T10:00:00Z'));
  const started = await startMinutes(s.who, s.meeting.id);
  const versionId = started.status === 'ok' ? started.id : '';
  let lv = (await getMinutesWorkspace((await getMeetingScope(s.meeting.id))!)).current!.lockVersion;
  const decide = (itemId: string, decision: string) =>
    saveDecision(s.who, s.meeting.id, versionId, lv++, {
      intent: 'save-decision',
      lockVersion: lv,
      itemId,
      decision,
      outcome: 'decided',
    });
  expect((await decide(personal!.id, 'Kerttu Kylämäelle myönnettiin kunniamaininta.')).status).toBe('ok');
  expect((await decide(plain!.id, 'Merkittiin tiedoksi.')).status).toBe('ok');
  expect((await decide(special!.id, 'Annettiin lausunto Urho Ursinin asiassa.')).status).toBe('ok');
  expect((await approveMinutes(s.who, s.meeting.id, versionId, lv++, 'at_meeting')).status).toBe('ok');
  expect((await publishMinutes(s.who, s.meeting.id, versionId, lv++, PUBLISHED_AT)).status).toBe('ok');
  return { ...s, personal: personal!, plain: plain!, special: special!, fileId, plainFileId };
}

async function publicTexts(meetingId: string) {
  const page = await renderRoute(publicRoute, '/meetings/:meetingId', makeRequest(`/meetings/${meetingId}`));
  const minutes = await renderRoute(
    minutesRoute,
    '/meetings/:meetingId/minutes',
    makeRequest(`/meetings/${meetingId}/minutes`),
  );
  const print = await renderRoute(
    printRoute,
    '/meetings/:meetingId/print',
    makeRequest(`/meetings/${meetingId}/print?doc=minutes`),
  );
  const api = await (await call(apiRoute.loader, makeRequest(`/api/v1/meetings/${meetingId}`), { meetingId })).text();
  expect([page.status, minutes.status, print.status]).toEqual([200, 200, 200]);
  return { page: page.html, minutes: minutes.html, print: print.html, api };
}

describe('display period job (cron.display-period)', () => {
  it('is a daily periodic queue with its own handler', () => {
    expect(ALL_QUEUES).toContain(DISPLAY_PERIOD_QUEUE);
    expect(DISPLAY_PERIOD_QUEUE.cron).toMatch(/^\d+ \d+ \* \* \*$/);
    expect(defaultHandlers().has(DISPLAY_PERIOD_QUEUE.name)).toBe(true);
  });

  it('empties the anonymous response cache and refreshes search when the web copy changes (triggers on web_redactions)', async () => {
    const result = await getDb().execute(
      sql`SELECT tgname FROM pg_trigger WHERE tgrelid = 'web_redactions'::regclass AND NOT tgisinternal ORDER BY tgname`,
    );
    const names = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows).map((r) => (r as { tgname: string }).tgname);
    expect(names).toEqual(expect.arrayContaining(['neuvos_cache_notify', 'search_sync_ins', 'search_sync_del']));
  });

  it('shows personal data on the web during the display period and removes it from the web copy after, keeping the record', async () => {
    const r = await publishedWithPersonalData();

    // Before the end of the display period: the job does nothing, the public sees the text.
    expect(await runDisplayPeriod(new Date(ENDS.getTime() - DAY))).toEqual({ items: 0, attachments: 0 });
    let pub = await publicTexts(r.meeting.id);
    for (const html of [pub.page, pub.minutes, pub.print, pub.api]) {
      expect(html).toContain('Kerttu Kylämäelle myönnettiin kunniamaininta.');
      expect(html).not.toContain('poistettu verkosta');
    }
    expect(pub.page).toContain(`/attachments/${r.fileId}`);
    expect(
      (await call(attachmentRoute.loader, makeRequest(`/attachments/${r.fileId}`), { attachmentId: r.fileId })).status,
    ).toBe(200);
    expect((await searchPublished({ q: 'Kylämäelle', locale: 'fi' })).hits.length).toBeGreaterThan(0);
    expect((await getOparlItem(r.personal.id))!.decision!.decision).toBe(
      'Kerttu Kylämäelle myönnettiin kunniamaininta.',
    );

    // Special categories are never on the web, not even during the display period.
    for (const html of [pub.page, pub.minutes, pub.print, pub.api]) expect(html).not.toContain('Urho Ursin');
    expect(pub.page).toContain('Vammaispalvelun yksilöasia');
    expect(pub.page).toContain('Henkilötietoja sisältävää osaa ei julkaista verkossa');
    expect((await searchPublished({ q: 'Ursinin', locale: 'fi' })).hits).toHaveLength(0);

    // One day after the end: the job removes the personal data from the web copy.
    const runAt = new Date(ENDS.getTime() + DAY);
    expect(await runDisplayPeriod(runAt)).toEqual({ items: 2, attachments: 1 });
    pub = await publicTexts(r.meeting.id);
    for (const html of [pub.page, pub.minutes, pub.print, pub.api]) {
      expect(html).not.toContain('Kylämäe');
      expect(html).not.toContain('Kylämäke');
      expect(html).not.toContain('Hakijaluettelo');
      // Title and § stay; what else was public stays.
      expect(html).toContain('Kunniamaininta vapaaehtoistyöstä');
      expect(html).toContain('Merkittiin tiedoksi.');
    }
    for (const html of [pub.page, pub.minutes])
      expect(html).toContain('Henkilötietoja sisältävä osa on poistettu verkosta 28.5.2028 (julkaisuaika päättyi).');
    expect(pub.page).toContain('§ 1');
    expect(pub.page).toContain(`/attachments/${r.plainFileId}`);
    expect(pub.page).not.toContain(r.fileId);
    const api = JSON.parse(pub.api) as {
      agenda: {
        items: Array<{
          title: string;
          body: string | null;
          proposal: string | null;
          personalDataRemovedAt: string | null;
          decision: { text: string | null } | null;
        }>;
      };
    };
    expect(api.agenda.items[0]).toMatchObject({
      title: 'Kunniamaininta vapaaehtoistyöstä',
      body: null,
      proposal: null,
      personalDataRemovedAt: expect.stringMatching(/^2028-05-28/),
    });
    expect(api.agenda.items[0]!.decision?.text ?? null).toBeNull();
    expect(api.agenda.items[1]!.personalDataRemovedAt).toBeNull();
    const oparl = (await getOparlItem(r.personal.id))!;
    expect(oparl.proposal).toBeNull();
    expect(oparl.decision!.decision).toBeNull();
    expect(
      (await call(attachmentRoute.loader, makeRequest(`/attachments/${r.fileId}`), { attachmentId: r.fileId })).status,
    ).toBe(404);
    expect(
      (
        await call(attachmentRoute.loader, makeRequest(`/attachments/${r.plainFileId}`), {
          attachmentId: r.plainFileId,
        })
      ).status,
    ).toBe(200);
    // Search: the name is gone, the title is still found.
    expect((await searchPublished({ q: 'Kylämäelle', locale: 'fi' })).hits).toHaveLength(0);
    expect(
      (await searchPublished({ q: 'kunniamaininta vapaaehtoistyöstä', locale: 'fi' })).hits.map((h) => h.title),
    ).toContain('Kunniamaininta vapaaehtoistyöstä');

    // Members still see everything, and so does the record itself (untouched: it is frozen).
    const member = await buildUser({ personId: r.seats[2]!.personId });
    const members = await renderRoute(
      membersRoute,
      '/meetings/:meetingId/members',
      makeRequest(`/meetings/${r.meeting.id}/members`, { cookie: member.cookie }),
    );
    expect(members.status).toBe(200);
    expect(members.html).toContain('Kerttu Kylämäelle myönnettiin kunniamaininta.');
    expect(members.html).toContain('Urho Ursin');
    expect(members.html).toContain('Verkkoversiosta poistettu henkilötiedot 28.5.2028 alkaen');
    const asMember = await call(
      attachmentRoute.loader,
      makeRequest(`/attachments/${r.fileId}`, { cookie: member.cookie }),
      { attachmentId: r.fileId },
    );
    expect(asMember.status).toBe(200);
    const [item] = await getDb().select().from(agendaItems).where(eq(agendaItems.id, r.personal.id));
    expect(item!.body).toBe('Esitetään Kerttu Kylämäkelle kunniamainintaa.');
    const [decision] = await getDb().select().from(decisions).where(eq(decisions.agendaItemId, r.personal.id));
    expect(decision!.decision).toBe('Kerttu Kylämäelle myönnettiin kunniamaininta.');

    // Idempotent, audited by the system.
    expect(await runDisplayPeriod(new Date(runAt.getTime() + DAY))).toEqual({ items: 0, attachments: 0 });
    expect(
      await getDb().select().from(webRedactions).where(eq(webRedactions.agendaItemId, r.personal.id)),
    ).toHaveLength(1);
    const entries = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'display_period.web_redact'), eq(auditLog.councilId, r.council.id)));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorUserId: null, actorLabel: 'system: display period' });
    expect(JSON.stringify(entries[0]!.changes)).not.toContain('Kylämä');
  });

  it('leaves the decision text of items holding personal data out of the (published) annual report', async () => {
    const r = await publishedWithPersonalData();
    const { generateReport } = await import('../../app/models/reports.server');
    const figures = await generateReport(r.council.id, 2026);
    const byTitle = new Map(figures.decisions.main.map((d) => [d.itemTitle, d.decision]));
    expect(byTitle.get('Toimintasuunnitelman seuranta')).toBe('Merkittiin tiedoksi.');
    expect(byTitle.has('Kunniamaininta vapaaehtoistyöstä')).toBe(true);
    expect(byTitle.get('Kunniamaininta vapaaehtoistyöstä')).toBeNull();
    expect(JSON.stringify(figures)).not.toMatch(/Kylämäe|Urho Ursin/);
  });

  it('keeps everything on the web when the council keeps minutes there permanently', async () => {
    const r = await publishedWithPersonalData({ displayWebMonths: null });
    await runDisplayPeriod(new Date('2040-01-01T00:00:00Z'));
    expect(
      await getDb().select().from(webRedactions).where(eq(webRedactions.agendaItemId, r.personal.id)),
    ).toHaveLength(0);
    expect(await getDb().select().from(webRedactions).where(eq(webRedactions.agendaItemId, r.plain.id))).toHaveLength(
      0,
    );
    const pub = await publicTexts(r.meeting.id);
    expect(pub.minutes).toContain('Kerttu Kylämäelle myönnettiin kunniamaininta.');
    // ...but special categories still never are.
    expect(pub.minutes).not.toContain('Urho Ursin');
  });

  it('does not let the published PDF be cached as immutable when it holds personal data', async () => {
    const r = await publishedWithPersonalData();
    const pdfRoute = await import('../../app/routes/meetings.$meetingId.minutes[.pdf]');
    const res = await call(pdfRoute.loader, makeRequest(`/meetings/${r.meeting.id}/minutes.pdf?version=1`), {
      meetingId: r.meeting.id,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).not.toContain('immutable');
  });
});
