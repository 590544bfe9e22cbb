import { createHash } from 'node:crypto';
import { and, eq, max, sql } from 'drizzle-orm';
import { getDb } from '~db/client.server';
import { agendaItemAttachments, agendaItems, councils, documents, meetings } from '~db/schema';
import { readForm } from '~/lib/http/body.server';
import { getLogger } from '~/lib/log.server';
import { generateStorageKey, getStorage, inspectUpload, maxUploadBytes, type FileStorage, type UploadRefusal } from '~/lib/storage.server';
import { agendaFrozen, type Who } from './agendas.server';
import { recordAudit } from './audit.server';
import { attachmentOnWeb } from './lifecycle.server';

export type ReadUploadResult =
  | { ok: true; fields: FormData; file: { filename: string; bytes: Uint8Array } | null }
  | { ok: false; code: 'too_large' | 'bad_form' };

/**
 * Reads a multipart upload through the one bounded reader (refused on the declared length before
 * a byte is read, and while streaming past the limit); a file over the upload limit is refused
 * even when the whole body fits.
 */
export async function readUpload(request: Request, fileField = 'file'): Promise<ReadUploadResult> {
  if (!/^\s*multipart\/form-data/i.test(request.headers.get('content-type') ?? '')) return { ok: false, code: 'bad_form' };
  let fields: FormData;
  try {
    fields = await readForm(request);
  } catch (error) {
    if (error instanceof Response && error.status === 413) return { ok: false, code: 'too_large' };
    if (error instanceof Response) return { ok: false, code: 'bad_form' };
    throw error;
  }
  const value = fields.get(fileField);
  fields.delete(fileField);
  if (!(value instanceof File) || value.name === '') return { ok: true, fields, file: null };
  if (value.size > maxUploadBytes()) return { ok: false, code: 'too_large' };
  return { ok: true, fields, file: { filename: value.name, bytes: new Uint8Array(await value.arrayBuffer()) } };
}

const RANK = { public: 0, members_only: 1, confidential: 2 } as const;
type Publicity = keyof typeof RANK;

/** The stricter of two publicities: an attachment is never more public than its item. */
export function stricterPublicity(a: Publicity, b: Publicity): Publicity {
  return RANK[a] >= RANK[b] ? a : b;
}

export type AttachmentOutcome = { status: 'ok'; id: string; publicity: Publicity } | { status: 'not_found' | 'frozen' | UploadRefusal };

/**
 * Removes an object whose database row was never committed (or was just deleted). If the store
 * refuses now too, the orphan is logged with its key for an operator; the user's outcome stands.
 */
export async function discardStoredFile(storage: FileStorage, storageKey: string, why: string): Promise<void> {
  try {
    await storage.delete(storageKey);
  } catch (error) {
    getLogger().warn({ err: error, storageKey, why }, 'orphaned stored file: remove it by hand');
  }
}

/**
 * Checks the bytes, stores them and records the document and the attachment in one transaction;
 * if the transaction fails the stored file is removed again.
 */
export async function addAttachment(
  who: Who,
  meetingId: string,
  input: { itemId: string; title?: string; publicity: Publicity; personalDataClass?: 'none' | 'personal' | 'special' | 'criminal'; filename: string; bytes: Uint8Array },
): Promise<AttachmentOutcome> {
  const inspection = await inspectUpload(input.bytes, input.filename);
  if (!inspection.ok) return { status: inspection.code };
  const db = getDb();
  const [item] = await db
    .select({ id: agendaItems.id, publicity: agendaItems.publicity })
    .from(agendaItems)
    .where(and(eq(agendaItems.id, input.itemId), eq(agendaItems.councilId, who.councilId), eq(agendaItems.meetingId, meetingId)));
  if (!item) return { status: 'not_found' };
  if (await agendaFrozen(meetingId)) return { status: 'frozen' };

  const storageKey = generateStorageKey();
  const storage = getStorage();
  // Object first, row second: a failed put leaves nothing; a failed transaction removes the object.
  await storage.put(storageKey, input.bytes, inspection.mediaType);
  try {
    return await db.transaction(async (tx): Promise<AttachmentOutcome> => {
      const [locked] = await tx
        .select({ publicity: agendaItems.publicity })
        .from(agendaItems)
        .where(eq(agendaItems.id, item.id))
        .for('update');
      if (!locked) return { status: 'not_found' };
      const publicity = stricterPublicity(locked.publicity, input.publicity);
      const [doc] = await tx
        .insert(documents)
        .values({
          storageKey,
          filename: inspection.safeFilename,
          mediaType: inspection.mediaType,
          sizeBytes: input.bytes.byteLength,
          sha256: createHash('sha256').update(input.bytes).digest('hex'),
          uploadedBy: who.actor.userId,
        })
        .returning({ id: documents.id });
      const [last] = await tx
        .select({ n: max(agendaItemAttachments.position) })
        .from(agendaItemAttachments)
        .where(eq(agendaItemAttachments.agendaItemId, item.id));
      const title = input.title?.trim() || inspection.safeFilename;
      const [row] = await tx
        .insert(agendaItemAttachments)
        .values({ agendaItemId: item.id, documentId: doc!.id, position: (last?.n ?? 0) + 1, title, publicity, personalDataClass: input.personalDataClass ?? 'none' })
        .returning({ id: agendaItemAttachments.id });
      await recordAudit(tx, who.actor, {
        action: 'agenda.attachment_add',
        entityType: 'agenda_item_attachment',
        entityId: row!.id,
        councilId: who.councilId,
        regionId: who.regionId,
        changes: { itemId: item.id, title, publicity, personalDataClass: input.personalDataClass ?? 'none', filename: inspection.safeFilename, mediaType: inspection.mediaType, size: input.bytes.byteLength },
      });
      return { status: 'ok', id: row!.id, publicity };
    }).then(async (outcome) => {
      if (outcome.status !== 'ok') await discardStoredFile(storage, storageKey, 'attachment refused');
      return outcome;
    });
  } catch (error) {
    await discardStoredFile(storage, storageKey, 'attachment transaction failed');
    throw error;
  }
}

/** Removes an attachment (and its file) from an agenda that is not yet part of approved minutes. */
export async function deleteAttachment(who: Who, meetingId: string, attachmentId: string): Promise<{ status: 'ok' | 'not_found' | 'frozen' }> {
  if (await agendaFrozen(meetingId)) return { status: 'frozen' };
  const removed = await getDb().transaction(async (tx) => {
    const [row] = await tx
      .select({ id: agendaItemAttachments.id, documentId: documents.id, storageKey: documents.storageKey, title: agendaItemAttachments.title })
      .from(agendaItemAttachments)
      .innerJoin(agendaItems, eq(agendaItems.id, agendaItemAttachments.agendaItemId))
      .innerJoin(documents, eq(documents.id, agendaItemAttachments.documentId))
      .where(
        and(eq(agendaItemAttachments.id, attachmentId), eq(agendaItems.councilId, who.councilId), eq(agendaItems.meetingId, meetingId)),
      );
    if (!row) return null;
    await tx.delete(agendaItemAttachments).where(eq(agendaItemAttachments.id, row.id));
    await tx.delete(documents).where(eq(documents.id, row.documentId));
    await recordAudit(tx, who.actor, {
      action: 'agenda.attachment_delete',
      entityType: 'agenda_item_attachment',
      entityId: row.id,
      councilId: who.councilId,
      regionId: who.regionId,
      changes: { title: row.title },
    });
    return row;
  });
  if (!removed) return { status: 'not_found' };
  // Only after the commit: a rolled-back delete must not lose the file.
  await discardStoredFile(getStorage(), removed.storageKey, 'attachment deleted');
  return { status: 'ok' };
}

/** Everything the download route needs to decide who may read an attachment. */
export async function getAttachmentForDownload(attachmentId: string) {
  const [row] = await getDb()
    .select({
      id: agendaItemAttachments.id,
      publicity: agendaItemAttachments.publicity,
      itemPublicity: agendaItems.publicity,
      meetingId: meetings.id,
      meetingPublicity: meetings.publicity,
      agendaPublishedAt: meetings.agendaPublishedAt,
      councilId: councils.id,
      regionId: councils.regionId,
      councilPublicity: councils.publicityDefault,
      storageKey: documents.storageKey,
      filename: documents.filename,
      mediaType: documents.mediaType,
      /** Issue 14.4: false once the display period ended for personal data (or it never goes on the web). */
      onWeb: sql<boolean>`${attachmentOnWeb()}`,
    })
    .from(agendaItemAttachments)
    .innerJoin(agendaItems, eq(agendaItems.id, agendaItemAttachments.agendaItemId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .innerJoin(documents, eq(documents.id, agendaItemAttachments.documentId))
    .where(eq(agendaItemAttachments.id, attachmentId));
  return row ?? null;
}
export type DownloadableAttachment = NonNullable<Awaited<ReturnType<typeof getAttachmentForDownload>>>;

/** Anyone may download it: public attachment of a public item on a published agenda of a public meeting. */
export function isPublicAttachment(a: DownloadableAttachment): boolean {
  return (
    a.publicity === 'public' &&
    a.itemPublicity === 'public' &&
    a.agendaPublishedAt !== null &&
    a.meetingPublicity === 'public' &&
    a.councilPublicity === 'public' &&
    a.onWeb !== false
  );
}
