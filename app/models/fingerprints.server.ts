import { createHash } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { getDb, type Executor } from '~db/client.server';
import { councils, documentFingerprints, meetings, minutes, minutesVersions } from '~db/schema';
import type { Locale } from '~/lib/i18n';
import { meetingSequence } from '~/models/meeting-number.server';

/** The SHA-256 of a document's bytes as 64 lower-case hex digits. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export type FingerprintKind = 'agenda' | 'minutes';

/**
 * Records the fingerprint of an official public PDF (idempotent: the same bytes are recorded once).
 * Called in publishMinutes' transaction and whenever a public agenda or minutes PDF is served, so
 * every copy the public can have is known to /verify.
 */
export async function recordFingerprint(
  db: Executor,
  doc: { kind: FingerprintKind; meetingId: string; versionNo: number | null; language: Locale; bytes: Uint8Array },
): Promise<string> {
  const sha256 = sha256Hex(doc.bytes);
  // Look first: an INSERT that does nothing would still fire the statement trigger that empties
  // the anonymous response cache, and most renders are of bytes already recorded.
  const [known] = await db.select({ id: documentFingerprints.id }).from(documentFingerprints).where(eq(documentFingerprints.sha256, sha256));
  if (known) return sha256;
  await db
    .insert(documentFingerprints)
    .values({ kind: doc.kind, meetingId: doc.meetingId, versionNo: doc.versionNo, language: doc.language, sha256, sizeBytes: doc.bytes.byteLength })
    .onConflictDoNothing({ target: documentFingerprints.sha256 });
  return sha256;
}

/** The most recent fingerprint of a public agenda or minutes version in one language, or null. */
export async function latestFingerprint(meetingId: string, kind: FingerprintKind, versionNo: number | null, language: Locale): Promise<string | null> {
  const [row] = await getDb()
    .select({ sha256: documentFingerprints.sha256 })
    .from(documentFingerprints)
    .where(
      and(
        eq(documentFingerprints.meetingId, meetingId),
        eq(documentFingerprints.kind, kind),
        versionNo === null ? isNull(documentFingerprints.versionNo) : eq(documentFingerprints.versionNo, versionNo),
        eq(documentFingerprints.language, language),
      ),
    )
    .orderBy(desc(documentFingerprints.createdAt))
    .limit(1);
  return row?.sha256 ?? null;
}

/**
 * What an official fingerprint stands for, or null when this service never published such a
 * document. Only documents of meetings the public may still see are answered for.
 */
export async function findOfficialDocument(sha256: string) {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
  const [row] = await getDb()
    .select({
      kind: documentFingerprints.kind,
      versionNo: documentFingerprints.versionNo,
      language: documentFingerprints.language,
      recordedAt: documentFingerprints.createdAt,
      meetingId: meetings.id,
      title: meetings.title,
      meetingNo: meetingSequence,
      startsAt: meetings.startsAt,
      agendaPublishedAt: meetings.agendaPublishedAt,
      councilNameFi: councils.nameFi,
      councilNameSv: councils.nameSv,
      councilNameEn: councils.nameEn,
      latestVersionNo: sql<number | null>`(
        SELECT max(${minutesVersions.versionNo}) FROM ${minutesVersions}
        INNER JOIN ${minutes} ON ${minutes.id} = ${minutesVersions.minutesId}
        WHERE ${minutes.meetingId} = ${meetings.id} AND ${minutesVersions.status} = 'published')`,
      publishedAt: sql<Date | string | null>`(
        SELECT ${minutesVersions.publishedAt} FROM ${minutesVersions}
        INNER JOIN ${minutes} ON ${minutes.id} = ${minutesVersions.minutesId}
        WHERE ${minutes.meetingId} = ${meetings.id} AND ${minutesVersions.versionNo} = ${documentFingerprints.versionNo}
          AND ${minutesVersions.status} = 'published')`,
    })
    .from(documentFingerprints)
    .innerJoin(meetings, eq(meetings.id, documentFingerprints.meetingId))
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .where(
      and(
        eq(documentFingerprints.sha256, sha256),
        eq(meetings.publicity, 'public'),
        eq(councils.publicityDefault, 'public'),
        sql`${meetings.agendaPublishedAt} IS NOT NULL`,
      ),
    );
  if (!row) return null;
  const publishedAt = row.kind === 'minutes' ? row.publishedAt : row.agendaPublishedAt;
  return {
    ...row,
    publishedAt: publishedAt ? new Date(publishedAt) : null,
    latestVersionNo: row.latestVersionNo === null ? null : Number(row.latestVersionNo),
  };
}
export type OfficialDocument = NonNullable<Awaited<ReturnType<typeof findOfficialDocument>>>;
