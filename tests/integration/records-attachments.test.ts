import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { agendaItemAttachments, auditLog, documents } from '../../db/schema';
import { LocalDiskStorage, setStorage } from '../../app/lib/storage.server';
import * as agendaRoute from '../../app/routes/manage.meetings.$meetingId_.agenda';
import { buildRecordsSetup, insertItems } from '../factories/records';
import { useTestDatabase } from '../setup/database';
import { buildUser, call, ORIGIN } from '../support/requests';

useTestDatabase();

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'neuvos-uploads-'));
  setStorage(new LocalDiskStorage(dir));
});
afterEach(() => {
  delete process.env.UPLOAD_MAX_MB;
});
afterAll(async () => {
  setStorage(null);
  await rm(dir, { recursive: true, force: true });
});

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const HTML = new TextEncoder().encode('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]);

function uploadRequest(meetingId: string, cookie: string, fields: Record<string, string>, file?: { name: string; bytes: Uint8Array }, headers: Record<string, string> = {}) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  if (file) body.append('file', new File([Buffer.from(file.bytes)], file.name, { type: 'application/pdf' }));
  return new Request(`${ORIGIN}/manage/meetings/${meetingId}/agenda`, {
    method: 'POST',
    body,
    headers: { cookie, origin: ORIGIN, 'x-neuvos-client-ip': '127.0.0.1', ...headers },
  });
}

async function setup() {
  const s = await buildRecordsSetup();
  const [item] = await insertItems(s.meeting, [{ title: 'Lausunto', publicity: 'members_only' }]);
  return { ...s, item: item! };
}

async function storedFiles(): Promise<string[]> {
  return (await readdir(dir)).filter((f) => !f.endsWith('.tmp'));
}

async function upload(s: Awaited<ReturnType<typeof setup>>, file?: { name: string; bytes: Uint8Array }, extra: Record<string, string> = {}, headers?: Record<string, string>) {
  const res = await call(
    agendaRoute.action,
    uploadRequest(s.meeting.id, s.secretary.cookie, { intent: 'upload', itemId: s.item.id, title: 'Liite', publicity: 'public', ...extra }, file, headers),
    { meetingId: s.meeting.id },
  );
  return { res, body: (await res.json()) as { form: string; message?: string; error?: string } };
}

describe('attachment uploads', () => {
  it('stores a PDF behind the storage interface with its sniffed type, no more public than its item', async () => {
    const s = await setup();
    const before = (await storedFiles()).length;
    const { res, body } = await upload(s, { name: 'lausunto.pdf', bytes: PDF });
    expect(res.status).toBe(200);
    expect(body.message).toBe('Liite lisättiin.');
    const [row] = await getDb()
      .select({ publicity: agendaItemAttachments.publicity, mediaType: documents.mediaType, filename: documents.filename, size: documents.sizeBytes, key: documents.storageKey })
      .from(agendaItemAttachments)
      .innerJoin(documents, eq(documents.id, agendaItemAttachments.documentId))
      .where(eq(agendaItemAttachments.agendaItemId, s.item.id));
    expect(row).toMatchObject({ publicity: 'members_only', mediaType: 'application/pdf', filename: 'lausunto.pdf', size: PDF.byteLength });
    expect(await storedFiles()).toHaveLength(before + 1);
    expect(await storedFiles()).toContain(row!.key);
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.action, 'agenda.attachment_add'));
    expect(audit.some((a) => a.councilId === s.council.id)).toBe(true);
  });

  it('refuses an HTML file renamed to .pdf and a PNG named .pdf, saving nothing', async () => {
    const s = await setup();
    const before = await storedFiles();
    const html = await upload(s, { name: 'lausunto.pdf', bytes: HTML });
    expect(html.res.status).toBe(400);
    expect(html.body.error).toMatch(/^Tiedostotyyppiä ei hyväksytä/);
    const png = await upload(s, { name: 'kuva.pdf', bytes: PNG });
    expect(png.res.status).toBe(400);
    expect(png.body.error).toMatch(/^Tiedoston sisältö ei vastaa sen päätettä/);
    const missing = await upload(s);
    expect(missing.body.error).toBe('Valitse tiedosto.');
    expect(await getDb().select().from(agendaItemAttachments).where(eq(agendaItemAttachments.agendaItemId, s.item.id))).toHaveLength(0);
    expect(await storedFiles()).toEqual(before);
  });

  it('refuses a 2 GB upload from its Content-Length before reading the body', async () => {
    const s = await setup();
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const request = new Request(`${ORIGIN}/manage/meetings/${s.meeting.id}/agenda`, {
      method: 'POST',
      body,
      duplex: 'half',
      headers: {
        cookie: s.secretary.cookie,
        origin: ORIGIN,
        'content-type': 'multipart/form-data; boundary=----x',
        'content-length': String(2 * 1024 ** 3),
      },
    } as RequestInit);
    const res = await call(agendaRoute.action, request, { meetingId: s.meeting.id });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toBe('Tiedosto on liian suuri (enintään 20 Mt).');
    // ReadableStream pulls once to fill its queue; nothing more was read.
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('enforces the limit while streaming when the size is not declared', async () => {
    process.env.UPLOAD_MAX_MB = '0.01';
    const s = await setup();
    const before = await storedFiles();
    const big = new Uint8Array(64 * 1024);
    big.set(PDF);
    const { res, body } = await upload(s, { name: 'iso.pdf', bytes: big });
    expect(res.status).toBe(413);
    expect(body.error).toBe('Tiedosto on liian suuri (enintään 0.01 Mt).');
    expect(await storedFiles()).toEqual(before);
    expect(await getDb().select().from(agendaItemAttachments).where(eq(agendaItemAttachments.agendaItemId, s.item.id))).toHaveLength(0);
  });

  it('refuses uploads to another council’s item and from members', async () => {
    const s = await setup();
    const other = await setup();
    const res = await call(
      agendaRoute.action,
      uploadRequest(s.meeting.id, s.secretary.cookie, { intent: 'upload', itemId: other.item.id, publicity: 'public' }, { name: 'x.pdf', bytes: PDF }),
      { meetingId: s.meeting.id },
    );
    expect(res.status).toBe(404);
    const member = await buildUser({ personId: s.seats[2]!.personId });
    const asMember = await call(
      agendaRoute.action,
      uploadRequest(s.meeting.id, member.cookie, { intent: 'upload', itemId: s.item.id, publicity: 'public' }, { name: 'x.pdf', bytes: PDF }),
      { meetingId: s.meeting.id },
    );
    expect(asMember.status).toBe(403);
    expect(await getDb().select().from(agendaItemAttachments).where(eq(agendaItemAttachments.agendaItemId, other.item.id))).toHaveLength(0);
  });

  it('deletes an attachment and its file', async () => {
    const s = await setup();
    await upload(s, { name: 'poistettava.pdf', bytes: PDF });
    const [row] = await getDb()
      .select({ id: agendaItemAttachments.id, key: documents.storageKey })
      .from(agendaItemAttachments)
      .innerJoin(documents, eq(documents.id, agendaItemAttachments.documentId))
      .where(eq(agendaItemAttachments.agendaItemId, s.item.id));
    const form = new URLSearchParams({ intent: 'delete-attachment', attachmentId: row!.id });
    const res = await call(
      agendaRoute.action,
      new Request(`${ORIGIN}/manage/meetings/${s.meeting.id}/agenda`, { method: 'POST', body: form, headers: { cookie: s.secretary.cookie, origin: ORIGIN } }),
      { meetingId: s.meeting.id },
    );
    expect(res.status).toBe(200);
    expect(await storedFiles()).not.toContain(row!.key);
    expect(await getDb().select().from(documents).where(eq(documents.storageKey, row!.key))).toHaveLength(0);
  });
});
