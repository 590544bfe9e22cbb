import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { councils } from '../../db/schema';
import { LocalDiskStorage, setStorage } from '../../app/lib/storage.server';
import { getMeetingScope, listPublishedRecords, publishAgenda } from '../../app/models/agendas.server';
import { addAttachment } from '../../app/models/attachments.server';
import {
  addRecusal,
  approveMinutes,
  getMinutesWorkspace,
  publishMinutes,
  saveDecision,
  startCorrection,
  startMinutes,
} from '../../app/models/minutes.server';
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

// Every text that must never reach the public, in whatever form.
const SECRETS = /SALAINEN|JÄSENTEN SISÄINEN|secret-attachment|meet\.example|@example\.org|\+358/;
const PDF_BYTES = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'neuvos-records-'));
  setStorage(new LocalDiskStorage(dir));
});
afterAll(async () => {
  setStorage(null);
  await rm(dir, { recursive: true, force: true });
});

/** A public meeting whose agenda and minutes went through the workflow, with a withheld item. */
async function publishedRecord(opts: { correction?: boolean } = {}) {
  const s = await buildRecordsSetup({
    meeting: { startsAt: new Date('2026-05-19T11:00:00Z'), status: 'held', onlineUrl: 'https://meet.example/secret-room', meetingType: 'hybrid' },
  });
  const [open, internal, confidential] = await insertItems(s.meeting, [
    { title: 'Avustusjärjestelmän uudistus', body: 'Avoin selostus avustuksista.', proposal: 'Annetaan lausunto.', presenter: 'Sihteeri Sanna' },
    { title: 'Jäsenten keskustelu', body: 'JÄSENTEN SISÄINEN TEKSTI', publicity: 'members_only' },
    {
      title: 'Asiakkaan yhteydenotto',
      body: 'SALAINEN ASIAKASTIETO: terveydentila',
      proposal: 'SALAINEN EHDOTUS',
      presenter: 'SALAINEN ESITTELIJÄ',
      publicity: 'confidential',
      withheldReason: 'JulkL 24 § 1 mom. 25 k',
    },
  ]);
  const publicFile = await addAttachment(s.who, s.meeting.id, { itemId: open!.id, title: 'Lausuntoluonnos', publicity: 'public', filename: 'luonnos.pdf', bytes: PDF_BYTES });
  const secretFile = await addAttachment(s.who, s.meeting.id, { itemId: confidential!.id, title: 'secret-attachment', publicity: 'public', filename: 'tieto.pdf', bytes: PDF_BYTES });
  expect(publicFile.status).toBe('ok');
  // An attachment is never more public than its item.
  expect(secretFile).toMatchObject({ status: 'ok', publicity: 'confidential' });
  await publishAgenda(s.who, s.meeting.id, new Date('2026-05-01T10:00:00Z'));
  const started = await startMinutes(s.who, s.meeting.id);
  const versionId = started.status === 'ok' ? started.id : '';
  let lv = (await getMinutesWorkspace((await getMeetingScope(s.meeting.id))!)).current!.lockVersion;
  const decide = (itemId: string, decision: string, discussion?: string) =>
    saveDecision(s.who, s.meeting.id, versionId, lv++, { intent: 'save-decision', lockVersion: lv, itemId, decision, discussion, outcome: 'decided', votesFor: 5, votesAgainst: 1 });
  expect((await decide(open!.id, 'Lausunto annettiin muutetussa muodossa.', 'Keskusteltiin monivuotisista avustuksista.')).status).toBe('ok');
  expect((await decide(internal!.id, 'JÄSENTEN SISÄINEN PÄÄTÖS')).status).toBe('ok');
  expect((await decide(confidential!.id, 'SALAINEN PÄÄTÖS', 'SALAINEN KESKUSTELU')).status).toBe('ok');
  expect((await addRecusal(s.who, s.meeting.id, versionId, lv++, { itemId: confidential!.id, personId: s.seats[3]!.personId })).status).toBe('ok');
  expect((await approveMinutes(s.who, s.meeting.id, versionId, lv++, 'at_meeting')).status).toBe('ok');
  expect((await publishMinutes(s.who, s.meeting.id, versionId, lv++)).status).toBe('ok');
  if (opts.correction) {
    const c = await startCorrection(s.who, s.meeting.id, 'Korjattu lausunnon päätöksen sanamuoto.');
    const v2 = c.status === 'ok' ? c.id : '';
    await saveDecision(s.who, s.meeting.id, v2, 1, { intent: 'save-decision', lockVersion: 1, itemId: open!.id, decision: 'Lausunto annettiin korjatussa muodossa.', outcome: 'decided' });
    await approveMinutes(s.who, s.meeting.id, v2, 2, 'at_meeting');
    await publishMinutes(s.who, s.meeting.id, v2, 3);
  }
  return { ...s, open: open!, internal: internal!, confidential: confidential!, publicFileId: publicFile.status === 'ok' ? publicFile.id : '', secretFileId: secretFile.status === 'ok' ? secretFile.id : '' };
}

describe('public view', () => {
  it('shows withheld items by number, title and reason only, in the page HTML and its data', async () => {
    const r = await publishedRecord();
    const url = `/meetings/${r.meeting.id}`;
    const data = await call(publicRoute.loader, makeRequest(url), { meetingId: r.meeting.id });
    expect(data.status).toBe(200);
    const json = await data.text();
    expect(json).not.toMatch(SECRETS);

    const { status, html } = await renderRoute(publicRoute, '/meetings/:meetingId', makeRequest(url));
    expect(status).toBe(200);
    expect(html).toContain('Avoin selostus avustuksista.');
    expect(html).toContain('Lausunto annettiin muutetussa muodossa.');
    expect(html).toContain('§ 1');
    expect(html).toContain('Asiakkaan yhteydenotto');
    expect(html).toContain('JulkL 24 § 1 mom. 25 k');
    expect(html).toContain('Jäsenten keskustelu');
    expect(html).toContain('Lausuntoluonnos');
    expect(html).toContain(`/attachments/${r.publicFileId}`);
    expect(html).not.toContain(r.secretFileId);
    expect(html).not.toMatch(SECRETS);
    // The recusal on the withheld item would reveal something about it: not shown either.
    expect(html).not.toContain('Esteelliset');
  });

  it('keeps confidential text out of the public minutes, print pages and the API', async () => {
    const r = await publishedRecord();
    const id = r.meeting.id;
    const minutes = await renderRoute(minutesRoute, '/meetings/:meetingId/minutes', makeRequest(`/meetings/${id}/minutes`));
    expect(minutes.status).toBe(200);
    expect(minutes.html).toContain('Lausunto annettiin muutetussa muodossa.');
    expect(minutes.html).not.toMatch(SECRETS);
    for (const doc of ['agenda', 'minutes']) {
      const print = await renderRoute(printRoute, '/meetings/:meetingId/print', makeRequest(`/meetings/${id}/print?doc=${doc}`));
      expect(print.status).toBe(200);
      expect(print.html).toContain('Asiakkaan yhteydenotto');
      expect(print.html).not.toMatch(SECRETS);
    }
    const api = await call(apiRoute.loader, makeRequest(`/api/v1/meetings/${id}`), { meetingId: id });
    expect(api.status).toBe(200);
    expect(api.headers.get('access-control-allow-origin')).toBe('*');
    const text = await api.text();
    expect(text).not.toMatch(SECRETS);
    const body = JSON.parse(text) as {
      agenda: { items: Array<{ number: string; title: string; publicity: string; body: string | null; withheldReason: string | null; decision: { text: string } | null }> };
      minutes: { version: number; status: string; versions: unknown[] };
    };
    expect(body.agenda.items.map((i) => i.number)).toEqual(['§ 1', '§ 2', '§ 3']);
    expect(body.agenda.items[0]).toMatchObject({ title: 'Avustusjärjestelmän uudistus', publicity: 'public', body: 'Avoin selostus avustuksista.', decision: { text: 'Lausunto annettiin muutetussa muodossa.' } });
    expect(body.agenda.items[2]).toMatchObject({ publicity: 'confidential', withheldReason: 'JulkL 24 § 1 mom. 25 k', body: null, decision: null });
    expect(body.minutes).toMatchObject({ version: 1, status: 'published' });
    // The council page's list of published records.
    const list = await listPublishedRecords(r.council.id);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id, title: 'Kokous 1/2026' });
    expect(list[0]!.minutesPublishedAt).toBeInstanceOf(Date);
  });

  it('shows members everything, once the agenda is published', async () => {
    const r = await publishedRecord();
    const member = await buildUser({ personId: r.seats[2]!.personId });
    const url = `/meetings/${r.meeting.id}/members`;
    const page = await renderRoute(membersRoute, '/meetings/:meetingId/members', makeRequest(url, { cookie: member.cookie }));
    expect(page.status).toBe(200);
    expect(page.html).toContain('SALAINEN ASIAKASTIETO');
    expect(page.html).toContain('JÄSENTEN SISÄINEN TEKSTI');
    expect(page.html).toContain('SALAINEN PÄÄTÖS');
    // Contact details never, not even for members.
    expect(page.html).not.toMatch(/@example\.org|\+358|meet\.example/);

    const anonymous = await call(membersRoute.loader, makeRequest(url), { meetingId: r.meeting.id });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toMatch(/^\/login/);
    const outsider = await buildUser({ grants: [{ role: 'member', councilId: (await buildRecordsSetup()).council.id }] });
    expect((await call(membersRoute.loader, makeRequest(url, { cookie: outsider.cookie }), { meetingId: r.meeting.id })).status).toBe(404);
  });

  it('serves attachments as downloads with the sniffed type, public only when everything around them is', async () => {
    const r = await publishedRecord();
    const res = await call(attachmentRoute.loader, makeRequest(`/attachments/${r.publicFileId}`), { attachmentId: r.publicFileId });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="luonnos.pdf"');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF_BYTES);

    const secret = await call(attachmentRoute.loader, makeRequest(`/attachments/${r.secretFileId}`), { attachmentId: r.secretFileId });
    expect(secret.status).toBe(404);
    const member = await buildUser({ personId: r.seats[2]!.personId });
    const asMember = await call(attachmentRoute.loader, makeRequest(`/attachments/${r.secretFileId}`, { cookie: member.cookie }), { attachmentId: r.secretFileId });
    expect(asMember.status).toBe(200);
    expect(asMember.headers.get('cache-control')).toBe('private, no-store');
    expect((await call(attachmentRoute.loader, makeRequest('/attachments/nonsense'), { attachmentId: 'nonsense' })).status).toBe(404);
  });

  it('shows the latest version and the history, with older versions on request', async () => {
    const r = await publishedRecord({ correction: true });
    const url = `/meetings/${r.meeting.id}/minutes`;
    const latest = await renderRoute(minutesRoute, '/meetings/:meetingId/minutes', makeRequest(url));
    expect(latest.html).toContain('Lausunto annettiin korjatussa muodossa.');
    expect(latest.html).toContain('Korjattu lausunnon päätöksen sanamuoto.');
    expect(latest.html).toContain(`${url}?version=1`);
    const old = await renderRoute(minutesRoute, '/meetings/:meetingId/minutes', makeRequest(`${url}?version=1`));
    expect(old.html).toContain('Lausunto annettiin muutetussa muodossa.');
    expect(old.html).toContain('Näytetään versio 1.');
    expect((await call(minutesRoute.loader, makeRequest(`${url}?version=7`), { meetingId: r.meeting.id })).status).toBe(404);
    const api = (await (await call(apiRoute.loader, makeRequest(`/api/v1/meetings/${r.meeting.id}`), { meetingId: r.meeting.id })).json()) as {
      minutes: { version: number; correctionNote: string; versions: Array<{ version: number }> };
    };
    expect(api.minutes).toMatchObject({ version: 2, correctionNote: 'Korjattu lausunnon päätöksen sanamuoto.' });
    expect(api.minutes.versions.map((v) => v.version)).toEqual([2, 1]);
  });

  it('answers 404 for closed meetings, members-only councils and odd ids, and no agenda before it is published', async () => {
    const r = await publishedRecord();
    const get = (id: string) => call(publicRoute.loader, makeRequest(`/meetings/${id}`), { meetingId: id });
    const api = (id: string) => call(apiRoute.loader, makeRequest(`/api/v1/meetings/${id}`), { meetingId: id });
    expect((await get(r.meeting.id)).status).toBe(200);

    const closed = await buildRecordsSetup({ meeting: { publicity: 'closed', agendaPublishedAt: new Date() } });
    await insertItems(closed.meeting, [{ title: 'Suljettu asia' }]);
    expect((await get(closed.meeting.id)).status).toBe(404);
    expect((await api(closed.meeting.id)).status).toBe(404);

    const membersOnly = await buildRecordsSetup({ council: { publicityDefault: 'members_only' }, meeting: { agendaPublishedAt: new Date() } });
    expect((await get(membersOnly.meeting.id)).status).toBe(404);
    expect((await api(membersOnly.meeting.id)).status).toBe(404);

    const unpublished = await buildRecordsSetup();
    await insertItems(unpublished.meeting, [{ title: 'Luonnos' }]);
    // Scheduled but unpublished: the page shows the meeting's facts only (issue 14), the API's record stays 404.
    const pending = await renderRoute(publicRoute, '/meetings/:meetingId', makeRequest(`/meetings/${unpublished.meeting.id}`));
    expect(pending.status).toBe(200);
    expect(pending.html).not.toContain('Luonnos');
    expect((await api(unpublished.meeting.id)).status).toBe(404);
    expect((await call(printRoute.loader, makeRequest(`/meetings/${unpublished.meeting.id}/print`), { meetingId: unpublished.meeting.id })).status).toBe(404);

    expect((await get('not-a-uuid')).status).toBe(404);
    expect((await api('not-a-uuid')).status).toBe(400);
    await getDb().update(councils).set({ publicityDefault: 'members_only' }).where(eq(councils.id, r.council.id));
    expect((await get(r.meeting.id)).status).toBe(404);
  });
});
