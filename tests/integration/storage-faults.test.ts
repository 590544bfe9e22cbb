import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../db/client.server';
import { agendaItemAttachments, auditLog, councils, documents } from '../../db/schema';
import { generateStorageKey, getStorage, readAllBytes, setStorage, storageFromEnv } from '../../app/lib/storage.server';
import { STORAGE_READ_UNAVAILABLE, STORAGE_UNAVAILABLE } from '../../app/lib/error-codes';
import * as downloadRoute from '../../app/routes/attachments.$attachmentId';
import * as councilEditRoute from '../../app/routes/manage.councils.$slug.edit';
import * as agendaRoute from '../../app/routes/manage.meetings.$meetingId_.agenda';
import { buildRecordsSetup, insertItems } from '../factories/records';
import { useTestDatabase } from '../setup/database';
import { startFaultyProxy, startS3, type FaultyProxy, type TestS3 } from '../support/s3';
import { buildUser, call, ORIGIN } from '../support/requests';

// A 5xx from object storage: the user gets the "file service is not answering" page, and
// nothing is half-saved (no row without its object, no object without its row).
useTestDatabase();

let s3: TestS3;
let proxy: FaultyProxy;
beforeAll(async () => {
  s3 = await startS3();
  proxy = await startFaultyProxy(s3.endpoint);
  setStorage(storageFromEnv({ STORAGE_URL: `s3://S3RVER:S3RVER@${s3.bucket}?endpoint=${encodeURIComponent(proxy.endpoint)}&maxAttempts=2` }));
});
afterEach(() => proxy.failWith(null));
afterAll(async () => {
  setStorage(null);
  await proxy?.close();
  await s3?.close();
});

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function setup() {
  const s = await buildRecordsSetup();
  const [item] = await insertItems(s.meeting, [{ title: 'Lausunto', publicity: 'public' }]);
  return { ...s, item: item! };
}

function uploadRequest(s: Awaited<ReturnType<typeof setup>>) {
  const body = new FormData();
  for (const [k, v] of Object.entries({ intent: 'upload', itemId: s.item.id, title: 'Liite', publicity: 'members_only' })) body.append(k, v);
  body.append('file', new File([Buffer.from(PDF)], 'lausunto.pdf', { type: 'application/pdf' }));
  return new Request(`${ORIGIN}/manage/meetings/${s.meeting.id}/agenda`, {
    method: 'POST',
    body,
    headers: { cookie: s.secretary.cookie, origin: ORIGIN, 'x-neuvos-client-ip': '127.0.0.1' },
  });
}

async function attachmentsOf(itemId: string) {
  return getDb()
    .select({ id: agendaItemAttachments.id, key: documents.storageKey })
    .from(agendaItemAttachments)
    .innerJoin(documents, eq(documents.id, agendaItemAttachments.documentId))
    .where(eq(agendaItemAttachments.agendaItemId, itemId));
}

describe('object storage answering 5xx', () => {
  it('refuses an attachment upload with the storage page and saves no row and no audit entry', async () => {
    const s = await setup();
    const documentsBefore = (await getDb().select({ id: documents.id }).from(documents)).length;
    proxy.failWith(503, ['PUT']);
    const res = await call(agendaRoute.action, uploadRequest(s), { meetingId: s.meeting.id });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(await res.text()).toBe(STORAGE_UNAVAILABLE);
    expect(await attachmentsOf(s.item.id)).toEqual([]);
    expect((await getDb().select({ id: documents.id }).from(documents)).length).toBe(documentsBefore);
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.action, 'agenda.attachment_add'));
    expect(audit.filter((a) => a.councilId === s.council.id)).toEqual([]);

    // Once the store answers again, the same upload goes through whole.
    proxy.failWith(null);
    const again = await call(agendaRoute.action, uploadRequest(s), { meetingId: s.meeting.id });
    expect(again.status).toBe(200);
    const [row] = await attachmentsOf(s.item.id);
    expect(await readAllBytes((await getStorage().get(row!.key))!)).toEqual(PDF);
  });

  it('answers a download with the read-failure page, and a missing object with 404', async () => {
    const s = await setup();
    await call(agendaRoute.action, uploadRequest(s), { meetingId: s.meeting.id });
    const [row] = await attachmentsOf(s.item.id);
    const download = () =>
      call(downloadRoute.loader, new Request(`${ORIGIN}/attachments/${row!.id}`, { headers: { cookie: s.secretary.cookie } }), { attachmentId: row!.id });

    const ok = await download();
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-length')).toBe(String(PDF.byteLength));
    expect(new Uint8Array(await ok.arrayBuffer())).toEqual(PDF);

    proxy.failWith(502, ['GET']);
    const failing = await download();
    expect(failing.status).toBe(503);
    expect(await failing.text()).toBe(STORAGE_READ_UNAVAILABLE);

    proxy.failWith(null);
    await getStorage().delete(row!.key);
    expect((await download()).status).toBe(404);
  });

  it('deletes an attachment even when the store refuses, leaving the orphan to the log', async () => {
    const s = await setup();
    await call(agendaRoute.action, uploadRequest(s), { meetingId: s.meeting.id });
    const [row] = await attachmentsOf(s.item.id);
    proxy.failWith(503, ['DELETE']);
    const res = await call(
      agendaRoute.action,
      new Request(`${ORIGIN}/manage/meetings/${s.meeting.id}/agenda`, {
        method: 'POST',
        body: new URLSearchParams({ intent: 'delete-attachment', attachmentId: row!.id }),
        headers: { cookie: s.secretary.cookie, origin: ORIGIN },
      }),
      { meetingId: s.meeting.id },
    );
    expect(res.status).toBe(200);
    expect(await attachmentsOf(s.item.id)).toEqual([]);
  });

  it('refuses a council rules upload with the storage page and leaves the council as it was', async () => {
    const s = await setup();
    const admin = await buildUser({ grants: [{ role: 'region_admin', regionId: s.council.regionId }] });
    const [before] = await getDb().select().from(councils).where(eq(councils.id, s.council.id));
    const body = new FormData();
    body.append('intent', 'rules');
    body.append('rules', new File([Buffer.from(PDF)], 'ohjesaanto.pdf', { type: 'application/pdf' }));
    const request = () =>
      new Request(`${ORIGIN}/manage/councils/${s.council.slug}/edit`, { method: 'POST', body, headers: { cookie: admin.cookie, origin: ORIGIN } });

    proxy.failWith(503, ['PUT']);
    const res = await call(councilEditRoute.action, request(), { slug: s.council.slug });
    expect(res.status).toBe(503);
    expect(await res.text()).toBe(STORAGE_UNAVAILABLE);
    const [after] = await getDb().select().from(councils).where(eq(councils.id, s.council.id));
    expect(after!.rulesDocumentId).toBe(before!.rulesDocumentId);
    expect(after!.lockVersion).toBe(before!.lockVersion);

    proxy.failWith(null);
    const ok = await call(councilEditRoute.action, request(), { slug: s.council.slug });
    expect(ok.status).toBe(302);
    const [saved] = await getDb().select().from(councils).where(eq(councils.id, s.council.id));
    const [doc] = await getDb().select().from(documents).where(eq(documents.id, saved!.rulesDocumentId!));
    expect(await getStorage().head(doc!.storageKey)).toEqual({ size: PDF.byteLength });
  });

  it('leaves no object behind when the key was never committed', async () => {
    // The cleanup path addAttachment uses when its transaction fails.
    const { discardStoredFile } = await import('../../app/models/attachments.server');
    const key = generateStorageKey();
    await getStorage().put(key, PDF);
    await discardStoredFile(getStorage(), key, 'test');
    expect(await getStorage().head(key)).toBeNull();
  });
});
