import type { LoaderFunctionArgs } from '@remix-run/node';
import { can } from '~/auth/permissions';
import { getAuth } from '~/auth/session.server';
import { notFound } from '~/lib/http.server';
import { contentDispositionAttachment, getStorage, rethrowStorageFailure } from '~/lib/storage.server';
import { isUuid } from '~/models/agendas.server';
import { getAttachmentForDownload, isPublicAttachment } from '~/models/attachments.server';

// The stored type was sniffed from the bytes and checked against an allow-list; this is a last
// guard so that nothing a browser would render as a page can ever be served with its own type.
const RENDERABLE = /html|xml|svg|javascript/i;

/**
 * Downloads an attachment. Public when the attachment, its item, the meeting and the council are
 * public and the agenda is published; otherwise only for those who may read the council's
 * internal records (and before publication only for those preparing the agenda). Anyone else: 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  if (!isUuid(params.attachmentId)) notFound();
  const attachment = await getAttachmentForDownload(params.attachmentId);
  if (!attachment) notFound();
  const isPublic = isPublicAttachment(attachment);
  if (!isPublic) {
    const { principal } = await getAuth(request);
    const subject = { councilId: attachment.councilId, regionId: attachment.regionId };
    const mayRead =
      can(principal, 'council.view_internal', subject) &&
      (attachment.agendaPublishedAt !== null || can(principal, 'agenda.edit', subject));
    if (!mayRead) notFound();
  }
  const stored = await getStorage().get(attachment.storageKey).catch((error: unknown) => rethrowStorageFailure(error, request));
  if (!stored) notFound();
  // Streamed from the store (local disk or object storage), never held whole in memory.
  return new Response(stored.body, {
    headers: {
      'Content-Type': RENDERABLE.test(attachment.mediaType) ? 'application/octet-stream' : attachment.mediaType,
      'Content-Disposition': contentDispositionAttachment(attachment.filename),
      'Content-Length': String(stored.size),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': isPublic ? 'public, max-age=300' : 'private, no-store',
    },
  });
}
